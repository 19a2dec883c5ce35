"""Line echo between the channels: a sample call with each party leaking into the
other's channel at -15 dB, the strongest level the issue asks for, through the real model,
the real flow and the real rules.

Before the echo front end, every agent turn on such a call overlapped "caller speech" (its
own echo) and the caller's words were transcribed on the agent channel.
"""

import pytest
import soundfile as sf
from conftest import SAMPLE, read

from benchmarks.synth import degrade
from scorers.text import normalize

pytestmark = pytest.mark.e2e
CALLS = ("S01", "S02", "S03")
DELAYS_S = (0.035, 0.060)  # caller into agent, agent into caller


@pytest.fixture(scope="module")
def echoed(prefect_harness, tmp_path_factory):
    from flows.nightly import nightly
    from pipeline.speech.asr import AsrSettings

    batch = tmp_path_factory.mktemp("echo")
    (batch / "audio").mkdir()
    rows = (SAMPLE / "manifest.csv").read_text(encoding="utf-8").splitlines()
    (batch / "manifest.csv").write_text(
        "\n".join([rows[0]] + [r for r in rows if r.startswith(CALLS)]) + "\n", encoding="utf-8"
    )
    for cid in CALLS:
        x, sr = sf.read(SAMPLE / "audio" / f"{cid}.wav", dtype="float32", always_2d=True)
        y = degrade.echo(x.T.copy(), sr, cid, -15.0, DELAYS_S)
        sf.write(batch / "audio" / f"{cid}.wav", y.T, sr, subtype="PCM_16")
    out = batch / "out"
    nightly(
        manifest=str(batch / "manifest.csv"), out=str(out), asr=AsrSettings(caller_words="full")
    )
    return out


def _script():
    from benchmarks.synth.sample_calls import specs

    return {s["call_id"]: s for s in specs()}


def test_no_false_interruption_and_the_real_one_is_kept(echoed):
    findings = read(echoed, "findings")
    intr = sorted(f["call_id"] for f in findings if f["rule_id"] == "interruption")
    assert intr == ["S03"], intr  # S03's agent really talks over the caller


def test_caller_words_stay_out_of_the_agent_transcript(echoed):
    script = _script()
    for cid in CALLS:
        turns = script[cid]["turns"]
        said = {
            who: "".join(normalize(t["text"]) for t in turns if t.get("who") == who)
            for who in ("agent", "caller")
        }
        agent_text = "".join(
            normalize(u["text"])
            for u in read(echoed, "utterances")
            if u["call_id"] == cid and u["speaker"] == "agent"
        )
        caller_only = {
            said["caller"][i : i + 4]
            for i in range(len(said["caller"]) - 3)
            if said["caller"][i : i + 4] not in said["agent"]
        }
        leaked = sorted(g for g in caller_only if g in agent_text)
        assert leaked == [], (cid, leaked, agent_text)


def test_a_caller_sentence_is_never_evidence_against_the_agent(echoed):
    # S02's caller says 我不知道该去哪里办; only the agent's 我不清楚这个 may fire forbidden.17.
    f17 = [f for f in read(echoed, "findings") if f["rule_id"] == "forbidden.17"]
    assert [f["call_id"] for f in f17] == ["S02"]
    assert "知道" not in f17[0]["evidence"] and "清楚" in f17[0]["evidence"]


def test_the_echo_is_measured_and_reported_per_channel(echoed):
    for c in read(echoed, "calls"):
        assert c["status"] == "ok", c["warnings"]
        for ch, delay in (("agent", DELAYS_S[0]), ("caller", DELAYS_S[1])):
            assert -19 < c[f"{ch}_echo_db"] < -11, (c["call_id"], ch, c[f"{ch}_echo_db"])
            assert abs(c[f"{ch}_echo_delay_ms"] - 1000 * delay) < 5
            assert c[f"{ch}_speech_dbfs"] - c[f"{ch}_noise_dbfs"] > 20
            assert c[f"{ch}_clipping"] == 0
        # No timing rule is given up for the echo (the agent's raised voice needs 10 s of
        # their speech and a rate of verbal tics 15 s, which some of these short calls lack).
        manner_rates = ("manner.raised_voice", "manner.fillers")
        assert [r for r in c["not_assessable"] or [] if r not in manner_rates] == []


def test_the_echo_is_separated_once_per_call_with_caller_context(tmp_path, monkeypatch):
    """The first pass, the voiceprint and the caller's context stretches all decode from one
    separation (it ran twice on calls with caller context)."""
    from pipeline.calls import stages
    from pipeline.inputs.config import load_config
    from pipeline.speech import echo
    from pipeline.speech.asr import AsrSettings
    from scorers.types import CallMeta

    x, sr = sf.read(SAMPLE / "audio" / "S02.wav", dtype="float32", always_2d=True)
    y = degrade.echo(x.T.copy(), sr, "S02", -15.0, DELAYS_S)
    sf.write(tmp_path / "S02.wav", y.T, sr, subtype="PCM_16")
    calls = []
    real = echo.separate
    monkeypatch.setattr(echo, "separate", lambda *a, **k: calls.append(1) or real(*a, **k))
    meta = CallMeta("S02", "8001", "S02.wav", "2026-11-27T10:00:00+08:00")
    s = AsrSettings(model_dir="", cpu_threads=2, caller_words="context")
    rec = stages.transcribe_call(meta, str(tmp_path), str(tmp_path / "out"), s, load_config())
    assert rec.status != "rejected" and rec.decoded["caller"], rec.error
    assert rec.recording["agent"]["echo_db"] is not None  # the echo was there to separate
    assert len(calls) == 1


def test_shared_welch_spectra_equal_scipy_csd_and_welch(monkeypatch):
    """Both directions' spectra from one transform per signal, as scipy gives them,
    also when the segments are transformed a few at a time (a long call)."""
    import numpy as np
    from scipy.signal import csd, welch

    from pipeline.speech import echo

    rng = np.random.default_rng(3)
    a, b = rng.standard_normal((2, 16000 * 7)).astype(np.float32)
    b[:-40] += 0.1 * a[40:]
    n = echo.segment_length(0.25, 16000)
    kw = {"fs": 16000, "nperseg": n, "noverlap": n // 2, "detrend": False, "window": "hann"}
    monkeypatch.setattr(echo, "WELCH_BLOCK", 5)  # 26 segments: blocks of 5 and a rest
    got = echo.welch_pairs([(a, b), (b, a)], 16000, n)
    for (x, y), (sxy, sxx) in zip([(a, b), (b, a)], got, strict=True):
        assert np.allclose(sxy, csd(x, y, **kw)[1], rtol=1e-4, atol=1e-9)
        assert np.allclose(sxx, welch(x, **kw)[1], rtol=1e-4, atol=1e-9)
