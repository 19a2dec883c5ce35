"""A mono call with a real caller's voice, through the real model, the real voice
encoder and the real flow: the agent's rude line between two caller turns is hers, and the
caller's turns are the caller's."""

import json
from pathlib import Path

import pytest
from conftest import read

pytestmark = pytest.mark.e2e
DATA = Path(__file__).parent / "data" / "mono_voice"


@pytest.fixture(scope="module")
def out(prefect_harness, tmp_path_factory):
    from flows.nightly import nightly

    out = tmp_path_factory.mktemp("mono_voice") / "out"
    nightly(manifest=str(DATA / "manifest.csv"), out=str(out))
    return out


def _script():
    return [json.loads(x) for x in (DATA / "script.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_rude_line_between_caller_turns_is_the_agents(out):
    f = [x for x in read(out, "findings") if x["rule_id"].startswith("forbidden.")]
    assert [x["rule_id"] for x in f] == ["forbidden.13"]
    assert 13.0 < f[0]["start_s"] < 16.8 and f[0]["speaker"] == "agent"
    assert f[0]["confidence"] >= 0.6  # P(agent) is part of it: the voice leaves little doubt


def test_each_utterance_has_the_role_of_who_said_it(out):
    truth = _script()
    utts = read(out, "utterances")
    ok = 0
    for u in utts:
        best = max(
            truth, key=lambda s: min(u["end_s"], s["end_s"]) - max(u["start_s"], s["start_s"])
        )
        ok += best["speaker"] == u["speaker"]
    assert ok / len(utts) >= 0.9, [(u["speaker"], u["text"]) for u in utts]


def test_voices_are_stored_and_a_rerun_adds_nothing(out, prefect_harness):
    from flows.nightly import nightly

    (call,) = read(out, "calls")
    v = call["voice"]
    assert v["separation"] < 0.9 and len(v["windows"]) > 20 and len(v["centroids"]) == 2
    assert call["voice_seconds"] > 0
    before = read(out, "voiceprints")
    ids = {x["finding_id"] for x in read(out, "findings")}
    nightly(manifest=str(DATA / "manifest.csv"), out=str(out))
    assert read(out, "voiceprints") == before
    assert {x["finding_id"] for x in read(out, "findings")} == ids


def test_a_shared_enrolment_folder_carries_voices_across_nights(prefect_harness, tmp_path):
    """Night 1 (its own output folder): agent 8001's stereo call S01. Night 2 (another
    folder): 8001's mono call S07. With --enrolment both read and add to one folder, so
    night 2's mono call is compared with the voice of night 1's stereo call."""
    from conftest import SAMPLE

    from flows.nightly import nightly

    rows = (SAMPLE / "manifest.csv").read_text(encoding="utf-8").splitlines()
    shared = tmp_path / "enrolment"
    for night, cid in ((1, "S01"), (2, "S07")):
        batch = tmp_path / f"night{night}"
        batch.mkdir()
        (batch / "audio").symlink_to(SAMPLE / "audio")
        (batch / "manifest.csv").write_text(
            "\n".join([rows[0]] + [r for r in rows if r.startswith(cid + ",")]) + "\n",
            encoding="utf-8",
        )
        nightly(manifest=str(batch / "manifest.csv"), out=str(batch / "out"), enrolment=str(shared))
    n2 = {r["call_id"]: r for r in read(tmp_path / "night2" / "out", "voiceprints")}
    assert n2["S01"]["source"] == "stereo" and n2["S01"]["agent_id"] == "8001"
    assert len(n2["S01"]["embedding"]) == 256
    assert {r["call_id"] for r in read(shared, "voiceprints")} >= {"S01"}
