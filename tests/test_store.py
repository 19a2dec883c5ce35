"""One store for every night: date partitions written by `run --store`, old
night folders imported, the console's queries over all of them equal to the pure
scorecards and queue, and a decision applied to its call alone with the same rows a full
rescore gives."""

import os
import shutil

import pytest
from conftest import SAMPLE, next_day_copy, read

pytestmark = pytest.mark.e2e


def _two_night_store(night, tmp_path):
    from hotline_qa.cli import main

    out, _ = night
    n2 = tmp_path / "n2"
    next_day_copy(out, n2)
    store = tmp_path / "store"
    assert main(["import", "--store", str(store), str(out), str(n2)]) == 0
    return out, n2, store


def test_two_imported_nights_give_the_pure_scorecards_one_row_per_agent(night, tmp_path):
    from hotline_qa.cli import main
    from hotline_qa.console.queries import agents
    from hotline_qa.console.queries.store import ConsoleData
    from scorers.scorecard import PERIODS, build_scorecards

    out, n2, store = _two_night_store(night, tmp_path)
    assert sorted(os.listdir(store)) == ["date=2026-11-27", "date=2026-11-28"]
    assert main(["import", "--store", str(store), str(out)]) == 2  # that night is there
    data = ConsoleData(root=str(store))
    scores = read(out, "call_scores") + read(n2, "call_scores")
    want = build_scorecards(scores, read(out, "findings") + read(n2, "findings"))
    for kind in PERIODS:
        got = {(c["agent_id"], c["period"]): c for c in agents.scorecards(data, kind)}
        exp = {(c["agent_id"], c["period"]): c for c in want if c["period_type"] == kind}
        assert set(got) == set(exp), kind
        for key, e in exp.items():
            g = got[key]
            for k in ("calls", "veto_calls", "violations", "rank_in_team", "team_size",
                      "agent_name", "team"):  # fmt: skip
                assert g[k] == e[k], (kind, key, k)
            # SQL rounds halves away from zero, Python to even: at most one cent apart.
            assert abs(g["mean_score"] - e["mean_score"]) <= 0.0100001
            assert g["items"].keys() == e["items"].keys()
            assert all(abs(g["items"][i] - e["items"][i]) <= 0.0100001 for i in e["items"])
            assert (g["prev_mean_score"] is None) == (e["prev_mean_score"] is None)
    week = agents.ranking(data, "week")
    ids = [r["agent_id"] for r in week.rows]
    assert week.period == "2026-W48" and len(ids) == len(set(ids)) == 3
    for r in week.rows:
        mine = [s["score"] for s in scores if s["agent_id"] == r["agent_id"]]
        assert r["calls"] == len(mine)


def test_the_queue_query_gives_the_clis_queue(night):
    from hotline_qa.console.queries import queue
    from hotline_qa.console.queries.queue import Filters
    from hotline_qa.console.queries.store import ConsoleData
    from pipeline.review.decisions import list_queue

    out, _ = night
    data = ConsoleData([str(out)])
    got = [vars(r) for r in queue.rows(data, Filters())]
    want = list_queue(str(out))
    key = ("kind", "priority", "finding_id", "call_id", "rule_id")
    assert [r["priority"] for r in got] == [r["priority"] for r in want]
    assert sorted(tuple(r[k] for k in key) for r in got) == sorted(
        tuple(r[k] for k in key) for r in want
    )
    for offset in range(len(got) + 2):  # pages past the middle are read from the end
        page, total = queue.page(data, Filters(), offset=offset, limit=3)
        assert total == len(want)
        assert [(r.finding_id, r.rule_id) for r in page] == [
            (r["finding_id"], r["rule_id"]) for r in got[offset : offset + 3]
        ], offset
    forb, n = queue.page(data, Filters(rule="forbidden."))
    assert n == len(forb) == sum(r["rule_id"].startswith("forbidden.") for r in want) > 0


def test_a_decision_is_applied_to_its_call_alone_with_a_full_rescores_rows(night, tmp_path):
    from hotline_qa.console.rescore import apply_folder, rescore_folder
    from pipeline.publish.outputs import pending_calls
    from pipeline.review.decisions import record_decision, record_manual_score
    from pipeline.store.storage import Store

    out, _ = night
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(out, a)
    findings = read(a, "findings")
    own = [f for f in findings if not f["rule_id"].startswith("situation.")]
    alone = [f for f in own if sum(g["call_id"] == f["call_id"] for g in own) == 1]
    vetoed = next(f for f in alone if f["rule_id"].startswith("forbidden."))  # its call's one
    other = next(f for f in findings if f["call_id"] != vetoed["call_id"])
    record_decision(str(a), vetoed["finding_id"], "rejected", "误报", "王检")
    record_decision(str(a), other["finding_id"], "confirmed", "", "王检")
    record_manual_score(str(a), other["call_id"], "answer_accuracy", 8, reviewer="王检")
    shutil.copytree(a, b)
    touched = pending_calls(Store(str(a)))
    assert touched == sorted({vetoed["call_id"], other["call_id"]})
    utts = os.stat(a / "utterances.parquet").st_mtime_ns
    apply_folder(str(a), touched)
    rescore_folder(str(b))
    for name in ("findings", "call_scores", "clips", "agent_scorecards"):
        assert read(a, name) == read(b, name), name
    assert pending_calls(Store(str(a))) is None
    assert os.stat(a / "utterances.parquet").st_mtime_ns == utts  # transcript untouched
    before = {s["call_id"]: s["score"] for s in read(out, "call_scores")}
    after = {s["call_id"]: s["score"] for s in read(a, "call_scores")}
    assert after[vetoed["call_id"]] > before[vetoed["call_id"]]  # the veto is lifted
    assert {c for c in after if after[c] != before[c]} <= set(touched)


def test_run_writes_its_night_into_the_store_and_the_console_sees_new_nights(night, tmp_path):
    from fastapi.testclient import TestClient

    from hotline_qa.cli import main
    from hotline_qa.console.app import create_app

    out, _ = night
    store = tmp_path / "store"
    part = store / "date=2026-11-27"
    part.mkdir(parents=True)
    shutil.copytree(out / ".cache", part / ".cache")  # the transcripts: no ASR again
    args = ["run", "--manifest", str(SAMPLE / "manifest.csv"), "--store", str(store)]
    assert main(args) == 0
    assert read(part, "findings") and not (store / "calls.parquet").exists()
    client = TestClient(create_app(root=str(store)), base_url="http://127.0.0.1")
    first = client.get("/?status=all")
    assert first.status_code == 200
    n = len(read(part, "findings"))
    assert f"{n + sum(len(c['manual_items']) for c in read(part, 'call_scores'))} 条" in first.text
    next_day_copy(part, tmp_path / "n2")
    assert main(["import", "--store", str(store), str(tmp_path / "n2")]) == 0
    week = client.get("/agents?period_type=week").text  # a night published meanwhile
    assert week.count('href="/agents/8001"') == 2  # centre ranking and team list, once each
    assert client.get("/agents?period_type=day&period=2026-11-28").status_code == 200
    assert main(["rescore", "--store", str(store), "--night", "2026-11-27"]) == 0
    assert main(["run", "--manifest", str(SAMPLE / "manifest.csv"), "--store", str(store),
                 "--night", "27-11-2026"]) == 2  # fmt: skip


def test_a_store_written_before_a_column_existed_is_still_queried(tmp_path):
    """A night whose findings file lacks a column the schema gained since (pending) reads
    it as NULL in the console's SQL instead of failing the query."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.store.dataset import Dataset
    from pipeline.store.schemas import FINDINGS

    night = tmp_path / "date=2026-11-01"
    night.mkdir()
    old = pa.schema([f for f in FINDINGS if f.name != "pending"])
    row = {f.name: None for f in old} | {"finding_id": "f1", "call_id": "c1", "rule_id": "dead_air",
                                          "counted": True}  # fmt: skip
    pq.write_table(pa.Table.from_pylist([row], schema=old), night / "findings.parquet")
    (night / "calls.parquet").write_bytes(b"")  # marks the partition as published
    ds = Dataset(root=str(tmp_path))
    got = ds.query("SELECT finding_id, coalesce(pending, false) AS p FROM {findings}")
    assert got == [{"finding_id": "f1", "p": False}]
