"""The thin CLI over a finished run: review queue order and the trainers' clip filter."""

import shutil

import pytest
from conftest import assert_same_results, read

pytestmark = pytest.mark.e2e


def test_review_queue_puts_pending_then_veto_hits_first_then_manual_items(night, capsys):
    """待确认 findings deduct nothing until reviewed, so they lead; then veto hits."""
    from pipeline.review.decisions import list_queue

    q = list_queue(str(night[0]))
    kinds = [(r["priority"], r["rule_id"]) for r in q]
    assert kinds == sorted(kinds, key=lambda k: k[0])
    pending = {f["finding_id"] for f in read(night[0], "findings") if f["pending"]}
    assert pending  # the sample's S07: a wait complaint on a mono call with unsure roles
    assert {r["finding_id"] for r in q[: len(pending)]} == pending
    assert q[len(pending)]["rule_id"].startswith("forbidden.")
    assert q[-1]["kind"] == "manual" and q[-1]["rule_id"] == "forbidden_behaviour"


def test_clips_filter_by_rule_agent_and_date(night, capsys):
    from hotline_qa.cli import main

    out = str(night[0])
    assert main(["clips", "--out", out, "--rule", "forbidden.*", "--agent", "8001"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert sorted(line.split("\t")[1] for line in lines) == [
        "forbidden.07",
        "forbidden.17",
        "forbidden.18",
    ]
    assert main(["clips", "--out", out, "--since", "2026-11-28"]) == 0
    assert capsys.readouterr().out.strip() == ""


def test_review_of_unknown_finding_is_a_clear_error(night, tmp_path, capsys):
    from hotline_qa.cli import main

    out = tmp_path / "copy"
    shutil.copytree(night[0], out)
    assert main(["review", "--out", str(out), "--finding", "nope", "--decision", "confirmed"]) == 2
    assert "no finding nope" in capsys.readouterr().err
    assert read(out, "reviews") == []


def test_phone_numbers_are_masked_and_bleeped_in_clips(night, tmp_path):
    """A phone number split over three words inside a flagged stretch: masked in the
    transcript, and with --bleep-pii replaced by a 1 kHz tone in the exported clip."""
    _phone_number_night(night, tmp_path)


def _phone_number_night(night, tmp_path):
    from hotline_qa.cli import main
    from pipeline.store.storage import Store

    out = tmp_path / "copy"
    shutil.copytree(night[0], out)
    # The transcript rescore reads is the internal, unredacted one.
    rows = read(out, "internal_utterances")
    f18 = next(f for f in read(out, "findings") if f["rule_id"] == "forbidden.18")
    words = [
        {"start": 12.0, "end": 12.4, "text": "138", "probability": 0.9},
        {"start": 12.4, "end": 12.9, "text": "1234", "probability": 0.9},
        {"start": 12.9, "end": 13.4, "text": "5678", "probability": 0.9},
    ]
    rows.append(
        {
            "call_id": "S02",
            "speaker": "caller",
            "start_s": 12.0,
            "end_s": 13.4,
            "text": "13812345678",
            "words": words,
            "role_confidence": 1.0,
        }
    )
    Store(str(out)).write_table("internal_utterances", rows)
    assert main(["rescore", "--out", str(out), "--bleep-pii"]) == 0
    u = next(r for r in read(out, "utterances") if r["start_s"] == 12.0)
    assert "12345678" not in u["text"] and "".join(w["text"] for w in u["words"]) == u["text"]
    assert [(r["start_s"], r["end_s"]) for r in read(out, "redactions")] == [(12.0, 13.4)]
    assert _bleeped(out, f18)
    return out, f18


def _bleeped(out, f18) -> bool:
    """The phone number in the forbidden.18 clip is a 1 kHz tone."""
    import numpy as np
    import soundfile as sf

    clip = next(c for c in read(out, "clips") if c["finding_id"] == f18["finding_id"])
    x, sr = sf.read(out / clip["clip"])
    t0 = max(0.0, f18["start_s"] - 2.0)
    seg = x[int((12.1 - t0) * sr) : int((13.3 - t0) * sr), 0]
    spectrum = np.abs(np.fft.rfft(seg))
    return abs(np.argmax(spectrum) * sr / len(seg) - 1000) < 10


def test_every_rescore_publishes_with_the_runs_options(night, tmp_path, prefect_harness):
    """--bleep-pii is stored with the run (run.json): the console's rescore and a later CLI
    rescore without the flag both keep bleeping, and give the same tables."""
    from hotline_qa.cli import main
    from hotline_qa.console.rescore import rescore_folder
    from pipeline.review.decisions import record_decision
    from pipeline.store.runstate import last_run

    out, f18 = _phone_number_night(night, tmp_path)
    assert last_run(str(out))["options"]["bleep_pii"] is True
    other = tmp_path / "other"
    shutil.copytree(out, other)
    f = next(f for f in read(out, "findings") if f["rule_id"] == "interruption")
    for folder in (out, other):
        record_decision(str(folder), f["finding_id"], "rejected", "", "王检")
    rescore_folder(str(out))  # the console's
    assert main(["rescore", "--out", str(other)]) == 0  # the CLI's, no flag
    assert _bleeped(out, f18) and _bleeped(other, f18)
    assert_same_results(out, other)
    assert last_run(str(out))["options"] == last_run(str(other))["options"]


def test_calibrate_refits_the_confidence_model_from_decisions(night, tmp_path, monkeypatch, capsys):
    """`hotline-qa calibrate`: the inspectors' decisions on forbidden phrases refit the
    model; the Brier score before and after on the held-back calls' decisions is printed;
    --write stores the refit, keeping the file's other keys."""
    import yaml

    from hotline_qa.cli import main
    from lexicons import LEXICON_DIR
    from pipeline.review import calibrate
    from pipeline.review.decisions import record_decision

    out = tmp_path / "copy"
    shutil.copytree(night[0], out)
    lex = tmp_path / "lex"
    shutil.copytree(LEXICON_DIR, lex, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    stereo = {c["call_id"] for c in read(out, "calls") if not c["mono"]}
    forb = [f for f in read(out, "findings") if f["rule_id"].startswith("forbidden.")]
    forb = sorted((f for f in forb if f["call_id"] in stereo), key=lambda f: f["call_id"])
    calls = sorted({f["call_id"] for f in forb})
    assert len(calls) >= 2 and len(forb) > len(calls)  # a call with two hits
    for k, f in enumerate(forb):  # one hit rejected, the rest confirmed
        record_decision(
            str(out), f["finding_id"], "rejected" if k == 0 else "confirmed", "", "王检"
        )
    assert main(["rescore", "--out", str(out)]) == 0
    monkeypatch.setattr(calibrate, "held_back", lambda cid: cid == calls[-1])
    capsys.readouterr()
    assert main(["calibrate", "--out", str(out), "--lexicons", str(lex), "--write"]) == 0
    text = capsys.readouterr().out
    assert f"decided forbidden-phrase findings: {len(forb)}" in text
    assert "before" in text and "after" in text and "wrote" in text
    doc = yaml.safe_load((lex / "confidence.yaml").read_text(encoding="utf-8"))
    assert doc["candidates"] == len(forb) and doc["review_below"] == 0.8
    old = yaml.safe_load((LEXICON_DIR / "confidence.yaml").read_text(encoding="utf-8"))
    assert doc["model"] != old["model"]
    assert main(["rescore", "--out", str(out), "--lexicons", str(lex)]) == 0  # it loads


def test_calibrate_without_both_verdicts_says_so(night, tmp_path, capsys):
    from hotline_qa.cli import main

    out = tmp_path / "copy"
    shutil.copytree(night[0], out)
    assert main(["calibrate", "--out", str(out)]) == 1
    assert "nothing to fit yet" in capsys.readouterr().err


def test_the_flow_called_from_python_keeps_as_many_calls_in_flight_as_the_cli():
    """Prefect's default thread runner starts every task at once: 65 calls of one batch, all
    decoding together, took 18 GB. The flow's own runner is the CLI's (one call per core).
    (`_max_workers`: Prefect exposes no public reading of it.)"""
    from prefect.task_runners import ThreadPoolTaskRunner

    from flows.nightly import nightly
    from pipeline.speech.asr import workers_for

    assert isinstance(nightly.task_runner, ThreadPoolTaskRunner)
    assert nightly.task_runner._max_workers == workers_for(0)
