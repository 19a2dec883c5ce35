"""The per-call stages the flow wires together. Each takes and returns plain dicts,
so they cross process boundaries (Dask) without pickling models."""

from __future__ import annotations

import json
import time
from dataclasses import asdict

import numpy as np

from pipeline import asr, audio, files
from pipeline.storage import Store
from scorers import coverage
from scorers.types import AGENT, CALLER, UNKNOWN, CallEvidence, CallMeta, Interval, Utterance, Word
from scorers.utterances import snap_words_to_speech, words_to_utterances

MAX_DURATION_S = 3 * 3600
SILENCE_RMS = 1e-4  # about -80 dBFS


def meta_to_dict(m: CallMeta) -> dict:
    d = asdict(m)
    d["holds"] = [list(h) for h in m.holds] if m.holds is not None else None
    return d


def meta_from_dict(d: dict) -> CallMeta:
    d = dict(d)
    d["holds"] = tuple(tuple(h) for h in d["holds"]) if d.get("holds") is not None else None
    return CallMeta(**d)


def transcribe_call(
    meta_d: dict, batch_dir: str, out_uri: str, settings_d: dict, matching: dict
) -> dict:
    """Decode, VAD and ASR one call (cached by audio content + model + settings).

    Bad audio returns a record with status 'rejected' and the reason; an unexpected
    failure (e.g. the model raising) propagates so that Prefect retries the task.
    """
    meta = meta_from_dict(meta_d)
    settings = asr.AsrSettings(**settings_d)
    rec = {
        "meta": meta_d,
        "status": "ok",
        "error": "",
        "warnings": [],
        "asr_cached": False,
        "asr_seconds": 0.0,
        "duration": 0.0,
        "channels": 0,
        "sha256": "",
    }
    path = files.join(batch_dir, meta.audio)
    try:
        info = audio.probe(path)
    except audio.AudioError as e:
        return {**rec, "status": "rejected", "error": str(e)}
    rec.update(duration=round(info.duration, 3), channels=info.channels, sha256=info.sha256)
    if info.duration > MAX_DURATION_S:
        return {
            **rec,
            "status": "rejected",
            "error": f"recording is {info.duration / 3600:.1f} h long; the limit is {MAX_DURATION_S / 3600:.0f} h",
        }
    if info.channels > 2:
        return {
            **rec,
            "status": "rejected",
            "error": f"{info.channels} channels; expected 1 (mono) or 2 (agent+caller)",
        }
    mono = info.channels == 1 or meta.agent_channel == "mono"
    if info.channels == 1 and meta.agent_channel != "mono":
        rec["warnings"].append(
            f"declared agent_channel={meta.agent_channel} but the file is mono; scored as mono"
        )
    if info.channels == 2 and meta.agent_channel == "mono":
        rec["warnings"].append(
            "declared mono but the file has 2 channels; mixed down and scored as mono"
        )
    n_ch = 1 if mono else 2
    key = f"{info.sha256}-{n_ch}-{settings.cache_key()}"
    store = Store(out_uri)
    cached = store.cache_get(key)
    if cached is None:
        t0 = time.perf_counter()
        try:
            samples = audio.load(path, n_ch)
        except audio.AudioError as e:
            return {**rec, "status": "rejected", "error": str(e)}
        rec["duration"] = round(samples.shape[1] / audio.SAMPLE_RATE, 3)
        chans = []
        hall = matching.get("hallucinations", [])
        for k in range(n_ch):
            speech = asr.speech_intervals(samples[k], settings)
            words = asr.transcribe_channel(samples[k], settings, speech, hall)
            words, _ = asr.fill_uncovered(samples[k], settings, speech, words, hall)
            words = snap_words_to_speech(words, speech)
            holes = coverage.uncovered(speech, words, settings.coverage_min_s)
            chans.append(
                {
                    "rms": float(np.sqrt(np.mean(samples[k] ** 2))) if samples.shape[1] else 0.0,
                    "speech": [[iv.start, iv.end] for iv in speech],
                    "words": [[w.start, w.end, w.text, w.probability] for w in words],
                    "uncovered": [[h.start, h.end] for h in holes],
                }
            )
        # Round-trip through JSON so a fresh transcript and a cached one are the same values.
        cached = json.loads(json.dumps({"duration": rec["duration"], "channels": chans}))
        store.cache_put(key, cached)
        rec["asr_seconds"] = round(time.perf_counter() - t0, 3)
    else:
        rec["asr_cached"] = True
    rec["duration"] = cached["duration"]
    chans = cached["channels"]
    if all(c.get("rms", 1.0) < SILENCE_RMS for c in chans):
        return {**rec, "status": "rejected", "error": "silent recording: no signal on any channel"}
    if not any(c["speech"] for c in chans):
        return {
            **rec,
            "status": "rejected",
            "error": "no speech detected on any channel (music, tones or noise only)",
        }
    if not any(c["words"] for c in chans):
        return {
            **rec,
            "status": "rejected",
            "error": "no intelligible speech (music, tones or noise only)",
        }
    if mono:
        speakers = [UNKNOWN]
    else:
        speakers = [AGENT, CALLER] if meta.agent_channel != "right" else [CALLER, AGENT]
    rec["speech"] = {}
    rec["uncovered"] = {}
    rec["utterances"] = []
    gap = float(matching.get("utterance_gap_s", 0.8))
    for spk, c in zip(speakers, chans, strict=True):
        key = "mix" if spk == UNKNOWN else spk
        rec["speech"][key] = c["speech"]
        rec["uncovered"][key] = c.get("uncovered", [])
        holes = [Interval(a, b) for a, b in rec["uncovered"][key]]
        if holes:
            cov = coverage.summarize([Interval(a, b) for a, b in c["speech"]], holes)
            rec["warnings"].append(
                f"incomplete transcript: {cov.uncovered_s:.1f} s of {key} speech has no words "
                f"({coverage.describe(holes)}); rules needing those words are not assessed there"
            )
        words = [Word(*w) for w in c["words"]]
        split_at = [Interval(a, b) for a, b in c["speech"]] if spk == UNKNOWN else None
        for u in words_to_utterances(words, spk, gap, split_at):
            rec["utterances"].append(utterance_to_dict(u))
    if rec["warnings"]:
        rec["status"] = "warning"
    rec["mono"] = mono
    return rec


def utterance_to_dict(u: Utterance) -> dict:
    return {
        "speaker": u.speaker,
        "start_s": u.start,
        "end_s": u.end,
        "text": u.text,
        "words": [
            {"start": w.start, "end": w.end, "text": w.text, "probability": w.probability}
            for w in u.words
        ],
        "role_confidence": u.role_confidence,
    }


def evidence_from_record(rec: dict) -> CallEvidence:
    utts = tuple(
        Utterance(
            u["speaker"],
            u["start_s"],
            u["end_s"],
            u["text"],
            tuple(
                Word(w["start"], w["end"], w["text"], w["probability"]) for w in u["words"] or ()
            ),
            u.get("role_confidence", 1.0) or 1.0,
        )
        for u in rec["utterances"]
    )
    speech = {k: tuple(Interval(s, e) for s, e in v) for k, v in rec["speech"].items()}
    holes = {
        k: tuple(Interval(s, e) for s, e in v) for k, v in (rec.get("uncovered") or {}).items()
    }
    return CallEvidence(
        meta_from_dict(rec["meta"]), rec["duration"], rec["mono"], utts, speech, holes
    )
