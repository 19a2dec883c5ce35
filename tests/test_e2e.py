"""End to end: the real flow, on real audio, through the real model, into real Parquet."""

import csv
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import SAMPLE, read

from pipeline.store.schemas import PUBLISHED, TABLES
from scorers.evaluation import compare

pytestmark = pytest.mark.e2e


def labels():
    with open(SAMPLE / "labels.csv", encoding="utf-8") as fh:
        return [
            {
                **r,
                "start_s": float(r["start_s"]) if r["start_s"] else None,
                "end_s": float(r["end_s"]) if r["end_s"] else None,
            }
            for r in csv.DictReader(fh)
        ]


def test_every_output_exists_with_its_schema(night):
    out, summary = night
    # The output contract of the nightly job plus what the trainers and timing rules use.
    assert {
        "calls",
        "utterances",
        "findings",
        "call_scores",
        "agent_scorecards",
        "rejected",
        "speech",
        "clips",
    } <= set(PUBLISHED)
    for name in PUBLISHED:
        assert pq.read_schema(out / f"{name}.parquet").equals(TABLES[name], check_metadata=False), (
            name
        )
    assert summary["calls"] == 8 and summary["scored"] == 8 and summary["rejected"] == 0
    assert (out / "report" / "index.html").exists() and (out / "clips" / "index.csv").exists()


def test_every_labelled_violation_is_found_and_the_clean_call_is_clean(night):
    out, _ = night
    findings = read(out, "findings")
    tallies, missed, false = compare(labels(), findings)
    assert missed == []
    assert false == []
    assert not [f for f in findings if f["call_id"] == "S01"]


def test_timed_findings_are_within_one_second(night):
    out, _ = night
    tallies, _, _ = compare(labels(), read(out, "findings"))
    for fam in ("interruption", "hold.no_checkin", "hold.too_long", "dead_air"):
        assert max(tallies[fam].start_err) <= 1.0 and max(tallies[fam].end_err) <= 1.0, fam


def test_caller_words_never_count(night):
    out, _ = night
    # S02's caller says 我不知道该去哪里办; only the agent's 我不清楚 may fire forbidden.17.
    f17 = [f for f in read(out, "findings") if f["rule_id"] == "forbidden.17"]
    assert len(f17) == 1 and "不清楚" in f17[0]["evidence"]


def test_pinned_scores_checked_by_hand(night):
    out, _ = night
    score = {c["call_id"]: c["score"] for c in read(out, "call_scores")}
    # 8002 李强: S03 greeting -10, closing -5 -5, interruption -5 = 75; S04 slow answer -5, no check-in -5 = 90.
    assert score["S03"] == 75 and score["S04"] == 90
    # 8003 王芳: S05 lookup > 90 s -5 = 95; S06 dead air -5, agent hung up -5 = 90; S08 forbidden.11 = veto 0.
    assert score["S05"] == 95 and score["S06"] == 90 and score["S08"] == 0
    cards = {(c["agent_id"], c["period_type"]): c for c in read(out, "agent_scorecards")}
    assert cards[("8002", "day")]["mean_score"] == 82.5
    assert cards[("8003", "day")]["mean_score"] == 61.67
    assert cards[("8003", "day")]["violations"] == {
        "dead_air": 1,
        "forbidden.11": 1,
        "hangup.agent_first": 1,
        "hold.too_long": 1,
    }


def test_mono_call_is_scored_and_says_what_was_not_assessable(night):
    out, _ = night
    s07 = next(c for c in read(out, "calls") if c["call_id"] == "S07")
    # Interruption and side talk need two channels; the agent's raised voice needs 10 s of
    # their speech to know their level, a rate of verbal tics 15 s (S07's agent says less).
    assert s07["mono"] and s07["not_assessable"] == [
        "interruption",
        "manner.fillers",
        "manner.raised_voice",
        "manner.side_talk",
    ]
    got = [f for f in read(out, "findings") if f["call_id"] == "S07"]
    f = next(f for f in got if f["rule_id"].startswith("forbidden."))
    assert (
        f["rule_id"] == "forbidden.07" and f["confidence"] < 0.8
    )  # role doubt shows in the confidence
    # The caller's complaint about getting through, unanswered by an apology (四(五)), is
    # found on the mono call too, spanning the complaint and the agent's reply.
    (w,) = [f for f in got if f["rule_id"] == "situation.wait.no_apology"]
    assert w["start_s"] < 6.0 < w["trigger_end_s"] < w["end_s"]
    assert s07["situations"] == ["situation.wait.no_apology"]


def test_clips_exist_for_timed_findings(night):
    out, _ = night
    clips = read(out, "clips")
    timed = [f for f in read(out, "findings") if f["start_s"] is not None]
    assert len(clips) == len(timed)
    for c in clips:
        assert (out / c["clip"]).stat().st_size > 1000


def test_second_run_transcribes_nothing(night):
    from flows.nightly import nightly

    out, first = night
    assert first["transcribed"] == 8
    before = read(out, "findings")
    again = nightly(manifest=str(SAMPLE / "manifest.csv"), out=str(out))
    assert again["transcribed"] == 0 and again["cached"] == 8
    assert read(out, "findings") == before  # identical, no duplicates
    assert len(read(out, "calls")) == 8


def test_corrupt_audio_and_bad_row_are_rejected_and_the_rest_scored(prefect_harness, tmp_path):
    from hotline_qa.cli import main

    batch = tmp_path / "batch"
    (batch / "audio").mkdir(parents=True)
    for cid in ("S01", "S06"):
        shutil.copy(SAMPLE / "audio" / f"{cid}.wav", batch / "audio" / f"{cid}.wav")
    (batch / "audio" / "X1.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEfmt garbage" * 10)
    (batch / "audio" / "stray.wav").write_bytes(b"")
    rows = (SAMPLE / "manifest.csv").read_text(encoding="utf-8").splitlines()
    keep = [rows[0]] + [r for r in rows if r.startswith(("S01,", "S06,"))]
    keep.append("X1,8009,audio/X1.wav,2026-11-27T10:00:00,,,4,left,,caller")
    keep.append("X2,8009,audio/S01.wav,not-a-time,,,4,left,,caller")
    (batch / "manifest.csv").write_text("\n".join(keep) + "\n", encoding="gbk")
    out = tmp_path / "out"
    rc = main(["run", "--manifest", str(batch / "manifest.csv"), "--out", str(out)])
    assert rc == 1  # some inputs rejected, the rest complete
    rejected = {r["call_id"] or r["item"]: r["reason"] for r in read(out, "rejected")}
    assert "not a readable audio file" in rejected["X1"] or "cannot be decoded" in rejected["X1"]
    assert "not an ISO 8601 time" in rejected["X2"]
    assert "not listed in the manifest" in rejected[str(Path("audio/stray.wav"))]
    assert sorted(c["call_id"] for c in read(out, "call_scores")) == ["S01", "S06"]
    assert {c["call_id"]: c["status"] for c in read(out, "calls")} == {
        "S01": "ok",
        "S06": "ok",
        "X1": "rejected",
    }


def test_review_decision_changes_the_score_after_rescore(night, tmp_path):
    from hotline_qa.cli import main

    out = tmp_path / "copy"
    shutil.copytree(night[0], out)
    before = {c["call_id"]: c["score"] for c in read(out, "call_scores")}["S02"]
    assert before == 0  # two forbidden phrases veto the call
    for f in read(out, "findings"):
        if f["call_id"] == "S02" and f["rule_id"].startswith("forbidden."):
            assert (
                main(
                    [
                        "review",
                        "--out",
                        str(out),
                        "--finding",
                        f["finding_id"],
                        "--decision",
                        "rejected",
                        "--comment",
                        "test: not a violation",
                    ]
                )
                == 0
            )
    assert main(["rescore", "--out", str(out)]) == 0
    after = {c["call_id"]: c["score"] for c in read(out, "call_scores")}["S02"]
    assert after == 95  # only the missing closing question (-5) is left
    s02 = [
        f
        for f in read(out, "findings")
        if f["call_id"] == "S02" and f["rule_id"].startswith("forbidden.")
    ]
    assert s02 and all(f["review"] == "rejected" and not f["counted"] for f in s02)


def test_rescore_applies_an_edited_lexicon_without_asr(night, tmp_path):
    import yaml

    from hotline_qa.cli import main
    from lexicons import LEXICON_DIR

    out = tmp_path / "copy"
    shutil.copytree(night[0], out)
    lex = tmp_path / "lex"
    shutil.copytree(LEXICON_DIR, lex, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    forb = yaml.safe_load((lex / "forbidden.yaml").read_text(encoding="utf-8"))
    forb["entries"][19]["patterns"].append("单位统一办理")  # an inspector adds a phrase
    (lex / "forbidden.yaml").write_text(yaml.safe_dump(forb, allow_unicode=True), encoding="utf-8")
    assert main(["rescore", "--out", str(out), "--lexicons", str(lex)]) == 0
    new = [f for f in read(out, "findings") if f["rule_id"] == "forbidden.20"]
    assert [f["call_id"] for f in new] == ["S07"]
    assert all(c["asr_seconds"] == 0 for c in read(out, "calls"))
