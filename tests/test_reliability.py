"""Bad input, crashes, concurrent runs and failing tasks: nothing lost, nothing duplicated."""

import os
import shutil
import signal
import subprocess
import sys
import time

import numpy as np
import pytest
import soundfile as sf
from conftest import ROOT, SAMPLE, assert_same_results, read, sample_subset

pytestmark = pytest.mark.e2e


def test_bad_audio_each_gets_a_specific_reason(prefect_harness, tmp_path):
    from hotline_qa.cli import main

    b = tmp_path / "b"
    b.mkdir()
    real = SAMPLE / "audio" / "S01.wav"
    shutil.copy(real, b / "good.wav")
    (b / "empty.wav").write_bytes(b"")
    (b / "trunc.wav").write_bytes(real.read_bytes()[:30])
    (b / "random.wav").write_bytes(np.random.default_rng(1).bytes(40000))
    x, sr = sf.read(real)
    sf.write(b / "vorbis.ogg", x, sr, format="OGG", subtype="VORBIS")
    sf.write(b / "mono.wav", x.mean(axis=1), sr)
    sf.write(b / "silent.wav", np.zeros((sr * 10, 2)), sr)
    t = np.arange(sr * 12) / sr
    music = 0.3 * np.sin(2 * np.pi * 440 * t) * (np.sin(2 * np.pi * 0.5 * t) > 0) + 0.2 * np.sin(
        2 * np.pi * 660 * t
    )
    sf.write(b / "tones.wav", np.stack([music, music], axis=1), sr)
    names = ["good", "missing", "empty", "trunc", "random", "vorbis", "mono", "silent", "tones"]
    ext = {"vorbis": "ogg"}
    lines = ["call_id,agent_id,audio,started_at,agent_channel"]
    lines += [f"{n},8001,{n}.{ext.get(n, 'wav')},2026-11-27T09:00:00,left" for n in names]
    (b / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    out = tmp_path / "out"
    assert main(["run", "--manifest", str(b / "manifest.csv"), "--out", str(out)]) == 1
    why = {r["call_id"]: r["reason"] for r in read(out, "rejected")}
    assert "not found" in why["missing"]
    assert "empty (0 bytes)" in why["empty"]
    assert "not a readable audio file" in why["trunc"] or "incomplete" in why["trunc"]
    assert "not a readable audio file" in why["random"]
    assert "unsupported codec 'vorbis'" in why["vorbis"]
    assert "silent recording: no signal" in why["silent"]
    assert "music, tones or noise only" in why["tones"]
    calls = {c["call_id"]: c for c in read(out, "calls")}
    assert calls["good"]["status"] == "ok"
    assert calls["mono"]["status"] == "warning" and any(
        "file is mono" in w for w in calls["mono"]["warnings"]
    )
    # two channels needed (interruption, side talk); S01's agent says under 15 s (fillers)
    assert calls["mono"]["not_assessable"] == ["interruption", "manner.fillers", "manner.side_talk"]
    assert {s["call_id"] for s in read(out, "call_scores")} >= {"good", "mono"}
    assert set(calls) == set(names)  # every row accounted for: scored or rejected, never dropped


def test_failing_task_retries_then_lands_in_rejected(prefect_harness, tmp_path, monkeypatch):
    from flows.nightly import ASR_RETRIES, nightly
    from pipeline.speech import asr

    attempts = []
    real = asr.transcribe_channels

    def flaky(signals, settings, speech, hall):
        if any(len(x) > 16000 * 60 for x in signals):  # S04 is the long one of the two
            attempts.append(1)
            raise RuntimeError("model exploded")
        return real(signals, settings, speech, hall)

    monkeypatch.setattr(asr, "transcribe_channels", flaky)
    b = tmp_path / "b"
    sample_subset(b, ("S01", "S04"))
    s = nightly(manifest=str(b / "manifest.csv"), out=str(tmp_path / "out"))
    assert len(attempts) == ASR_RETRIES + 1
    rej = read(tmp_path / "out", "rejected")
    assert [r["call_id"] for r in rej] == ["S04"] and "failed after 3 attempts" in rej[0]["reason"]
    assert s["scored"] == 1


def _start_run(out):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
    env.pop("PREFECT_API_URL", None)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hotline_qa",
            "run",
            "--manifest",
            str(SAMPLE / "manifest.csv"),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait(cond, timeout=300):
    t0 = time.time()
    while not cond():
        if time.time() - t0 > timeout:
            raise TimeoutError
        time.sleep(0.2)


def test_sigkill_midway_then_rerun_equals_uninterrupted_run_and_lock_refuses_second(
    night, prefect_harness, tmp_path
):
    from hotline_qa.cli import main

    out = tmp_path / "out"
    proc = _start_run(out)
    _wait(lambda: (out / ".lock").exists())
    # A second run on the same folder is refused with a clear message while the first holds it.
    assert main(["run", "--manifest", str(SAMPLE / "manifest.csv"), "--out", str(out)]) == 2
    cache = out / ".cache" / "transcripts"
    _wait(lambda: cache.exists() and len(list(cache.glob("*.json"))) >= 3)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(list(cache.glob("*.json")))
    assert done_before < 8 and not (out / "findings.parquet").exists()
    # The killed run's lock is stale (its pid is gone): the rerun takes it over and finishes.
    assert main(["run", "--manifest", str(SAMPLE / "manifest.csv"), "--out", str(out)]) == 0
    calls = read(out, "calls")
    assert sum(c["asr_cached"] for c in calls) == done_before
    assert_same_results(out, night[0])
    # The rerun's clips are the ones its findings name (none left over from the killed run).
    assert {c["clip"] for c in read(out, "clips")} == {
        f["clip"] for f in read(out, "findings") if f["clip"]
    }
    assert len(calls) == len({c["call_id"] for c in calls}) == 8


def test_every_audio_format_of_the_contract_is_scored_alike(prefect_harness, tmp_path):
    """WAV PCM / mu-law / A-law, MP3 and FLAC, at 8, 44.1 and 48 kHz: same forbidden phrases found."""
    from scipy.signal import resample_poly

    from flows.nightly import nightly

    x, sr = sf.read(SAMPLE / "audio" / "S02.wav")
    b = tmp_path / "b"
    b.mkdir()
    variants = {
        "ulaw": ("wav", x, sr, "ULAW"),
        "alaw": ("wav", x, sr, "ALAW"),
        "mp3": ("mp3", resample_poly(x, 2, 1, axis=0), 16000, "MPEG_LAYER_III"),
        "flac44": ("flac", resample_poly(x, 441, 80, axis=0), 44100, "PCM_16"),
        "wav48": ("wav", resample_poly(x, 6, 1, axis=0), 48000, "PCM_16"),
    }
    lines = ["call_id,agent_id,audio,started_at"]
    for name, (ext, data, rate, sub) in variants.items():
        sf.write(b / f"{name}.{ext}", np.clip(data, -1, 1), rate, subtype=sub)
        lines.append(f"{name},8001,{name}.{ext},2026-11-27T10:00:00")
    (b / "manifest.csv").write_text("\n".join(lines) + "\n")
    s = nightly(manifest=str(b / "manifest.csv"), out=str(tmp_path / "out"))
    assert s["rejected"] == 0 and s["scored"] == 5
    found = {}
    for f in read(tmp_path / "out", "findings"):
        if f["rule_id"].startswith("forbidden."):
            found.setdefault(f["call_id"], set()).add(f["rule_id"])
    assert found == {n: {"forbidden.17", "forbidden.18"} for n in variants}


def test_two_hour_recording_and_stereo_declared_mono(prefect_harness, tmp_path):
    from flows.nightly import nightly

    x, sr = sf.read(SAMPLE / "audio" / "S06.wav", dtype="float32")
    long = np.zeros((sr * 7200, 2), dtype=np.float32)
    long[: len(x)] = x
    long[-len(x) :] = x
    b = tmp_path / "b"
    b.mkdir()
    sf.write(b / "long.flac", long, sr)
    shutil.copy(SAMPLE / "audio" / "S01.wav", b / "stereo.wav")
    (b / "manifest.csv").write_text(
        "call_id,agent_id,audio,started_at,agent_channel\n"
        "long,8001,long.flac,2026-11-27T10:00:00,left\n"
        "stereo,8001,stereo.wav,2026-11-27T11:00:00,mono\n"
    )
    s = nightly(manifest=str(b / "manifest.csv"), out=str(tmp_path / "out"))
    assert s["rejected"] == 0
    calls = {c["call_id"]: c for c in read(tmp_path / "out", "calls")}
    assert calls["long"]["status"] == "ok" and abs(calls["long"]["duration_s"] - 7200) < 1
    assert calls["stereo"]["status"] == "warning" and any(
        "mixed down" in w for w in calls["stereo"]["warnings"]
    )
    rules = {f["rule_id"] for f in read(tmp_path / "out", "findings") if f["call_id"] == "long"}
    assert "dead_air" in rules  # two hours of silence between the two conversations
