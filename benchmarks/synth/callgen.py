"""Place scripted utterances on a two-channel timeline and render telephone audio.

A call spec is plain data:
    {"call_id", "agent_id", ..., "voices": {"agent": {...}, "caller": {...}},
     "turns": [{"who": "agent"|"caller", "text": str, "gap": s, "overlap": s, "label": rule_id,
                "voice": {...} (over the speaker's, e.g. energy), "gain_db": dB (this turn louder)},
               {"silence": s}, {"hold": s, "checkins": [offset, ...], "cti": bool,
                                 "labels": [rule_id, ...]}],
     "call_labels": [rule_id, ...]}
Labels come from the script, never from the rules under test.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf
from scipy.signal import butter, resample_poly, sosfilt

TTS_SR = 24000
OUT_SR = 8000
TTS_DIR = Path(
    os.environ.get(
        "ZH_TTS_DIR", Path(__file__).resolve().parents[3] / "shared" / "tools" / "zh_tts"
    )
)


def _key(text: str, voice: dict) -> str:
    return hashlib.sha1(
        json.dumps([text, voice], sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:16]


def synthesize(items: list[tuple[str, dict]], cache: Path) -> dict[str, np.ndarray]:
    """TTS every distinct (text, voice) once; returns key -> 8 kHz float32 mono."""
    cache.mkdir(parents=True, exist_ok=True)
    jobs = []
    for text, voice in items:
        k = _key(text, voice)
        if not (cache / f"{k}.wav").exists() and k not in {j["key"] for j in jobs}:
            jobs.append(
                {
                    "key": k,
                    "text": text,
                    "out": str(cache / f"{k}.wav"),
                    "speed": voice.get("speed", 1.0),
                    "f0": voice.get("f0", 1.0),
                    "energy": voice.get("energy", 1.0),
                }
            )
    if jobs:
        venv = (
            subprocess.run(
                ["bash", str(TTS_DIR / "setup.sh")], check=True, capture_output=True, text=True
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        with tempfile.NamedTemporaryFile(
            "w", suffix=".jsonl", delete=False, encoding="utf-8"
        ) as fh:
            for j in jobs:
                fh.write(json.dumps(j, ensure_ascii=False) + "\n")
        subprocess.run(
            [f"{venv}/bin/python", str(TTS_DIR / "synth.py"), fh.name],
            check=True,
            capture_output=True,
        )
    out = {}
    for text, voice in items:
        k = _key(text, voice)
        if k not in out:
            a, sr = sf.read(cache / f"{k}.wav", dtype="float32")
            out[k] = warp(resample_poly(a, 1, sr // OUT_SR).astype(np.float32), voice)
    return out


def warp(x: np.ndarray, voice: dict) -> np.ndarray:
    """`warp` w plays the voice w times faster: pitch, formants and tempo rise together, as
    for a shorter vocal tract. The TTS has one speaker; its f0 control moves the pitch
    only, which a voice encoder hardly hears, so distinct voices need the formants moved."""
    w = float(voice.get("warp", 1.0))
    if abs(w - 1.0) < 1e-3:
        return x
    return resample_poly(x, 100, int(round(100 * w))).astype(np.float32)


def clip_key(clip: dict) -> str:
    return f"clip:{clip['file']}:{clip['start']}:{clip['end']}"


def load_clips(specs: list[dict]) -> dict[str, np.ndarray]:
    """Real-voice turns (`{"who": "caller", "clip": {"file", "start", "end"}}`): a stretch of
    a recording, at the call's rate. Test data only (../shared/voices)."""
    out = {}
    for spec in specs:
        for turn in spec["turns"]:
            if "clip" in turn and clip_key(turn["clip"]) not in out:
                c = turn["clip"]
                a, sr = sf.read(c["file"], dtype="float32", always_2d=True)
                a = a.mean(axis=1)[int(c["start"] * sr) : int(c["end"] * sr)]
                y = resample_poly(a, OUT_SR, sr).astype(np.float32)
                out[clip_key(c)] = y * (0.1 / max(float(np.sqrt(np.mean(y**2))), 1e-6))
    return out


def layout(
    spec: dict, audio: dict[str, np.ndarray]
) -> tuple[list[dict], list[dict], float, list[list[float]]]:
    """Timeline of utterances, ground-truth labels, duration and CTI holds."""
    t = spec.get("lead_in", 0.8)
    placed, labels, cti = [], [], []
    last = {"agent": None, "caller": None}
    prev = None
    for turn in spec["turns"]:
        if "silence" in turn:
            t += turn["silence"]
            for lab in turn.get("labels", []):
                labels.append(
                    {"rule_id": lab, "start_s": round(t - turn["silence"], 2), "end_s": round(t, 2)}
                )
            continue
        if "hold" in turn:
            hs = t + turn.get("gap", 0.6)
            he = hs + turn["hold"]
            points = [hs]
            for off in turn.get("checkins", []):
                text = turn.get("checkin_text", "我正在为您查询，请稍等。")
                a = audio[_key(text, spec["voices"]["agent"])]
                cs = hs + off
                placed.append(
                    {
                        "who": "agent",
                        "text": text,
                        "start": cs,
                        "end": cs + len(a) / OUT_SR,
                        "key": _key(text, spec["voices"]["agent"]),
                        "gain": spec["voices"]["agent"].get("gain", 0.7),
                    }
                )
                points += [cs, cs + len(a) / OUT_SR]
            points.append(he)
            if turn.get("cti"):
                cti += [
                    [round(points[k], 2), round(points[k + 1], 2)] for k in range(0, len(points), 2)
                ]
            for lab in turn.get("labels", []):
                if lab == "hold.no_checkin":
                    for k in range(0, len(points), 2):
                        if points[k + 1] - points[k] > 30:
                            labels.append(
                                {
                                    "rule_id": lab,
                                    "start_s": round(points[k], 2),
                                    "end_s": round(points[k + 1], 2),
                                }
                            )
                else:
                    labels.append({"rule_id": lab, "start_s": round(hs, 2), "end_s": round(he, 2)})
            t = he
            continue
        who = turn["who"]
        voice = {**spec["voices"][who], **turn.get("voice", {})}
        key = clip_key(turn["clip"]) if "clip" in turn else _key(turn["text"], voice)
        n = len(audio[key]) / OUT_SR
        if "at" in turn:
            start = turn["at"]
        elif "overlap" in turn and prev is not None:
            start = prev["end"] - turn["overlap"]
        else:
            start = t + turn.get("gap", 0.5)
        text = turn.get("text", "(real voice)")
        item = {
            "who": who,
            "text": text,
            "start": start,
            "end": start + n,
            "key": key,
            "gain": voice.get("gain", 0.7) * 10 ** (turn.get("gain_db", 0.0) / 20),
        }
        placed.append(item)
        marks = turn.get("label") or []
        for lab in [marks] if isinstance(marks, str) else marks:
            if lab == "interruption" and prev is not None:
                labels.append(
                    {
                        "rule_id": lab,
                        "start_s": round(start, 2),
                        "end_s": round(min(item["end"], prev["end"]), 2),
                    }
                )
            else:
                labels.append(
                    {"rule_id": lab, "start_s": round(start, 2), "end_s": round(item["end"], 2)}
                )
        last[who] = item
        prev = item
        t = max(t, item["end"])
    for lab in spec.get("call_labels", []):
        labels.append({"rule_id": lab, "start_s": None, "end_s": None})
    return placed, labels, t + spec.get("tail", 1.0), cti


def telephone(x: np.ndarray, rng: np.random.Generator, noise_db: float = -55) -> np.ndarray:
    """300-3400 Hz band and a faint line noise: what a call recorder stores."""
    sos = butter(4, [300, 3400], btype="band", fs=OUT_SR, output="sos")
    y = sosfilt(sos, x)
    y = y + rng.normal(0, 10 ** (noise_db / 20), len(y))
    return np.clip(y, -1, 1).astype(np.float32)


def render(
    spec: dict, audio: dict[str, np.ndarray], out_path: Path, subtype: str = "PCM_16"
) -> dict:
    placed, labels, dur, cti = layout(spec, audio)
    n = int(dur * OUT_SR) + 1
    ch = {"agent": np.zeros(n, np.float32), "caller": np.zeros(n, np.float32)}
    for p in placed:
        a = audio[p["key"]] * p["gain"]
        s = int(p["start"] * OUT_SR)
        ch[p["who"]][s : s + len(a)] += a[: n - s]
    rng = np.random.default_rng(int(hashlib.sha1(spec["call_id"].encode()).hexdigest()[:8], 16))
    left, right = telephone(ch["agent"], rng), telephone(ch["caller"], rng)
    if spec.get("agent_channel", "left") == "right":
        left, right = right, left
    out_path.parent.mkdir(parents=True, exist_ok=True)
    if spec.get("agent_channel") == "mono":
        sf.write(out_path, np.clip(left + right, -1, 1), OUT_SR, subtype=subtype)
    else:
        sf.write(out_path, np.stack([left, right], axis=1), OUT_SR, subtype=subtype)
    return {"labels": labels, "duration": dur, "cti": cti, "placed": placed}


LABEL_FIELDS = ["call_id", "rule_id", "start_s", "end_s"]


def write_batch_csvs(out_dir: Path, rows: list[dict], labels: list[dict]) -> None:
    """manifest.csv and labels.csv of a batch folder."""
    import csv

    for name, data, fields in (
        ("manifest.csv", rows, list(rows[0])),
        ("labels.csv", labels, LABEL_FIELDS),
    ):
        with open(out_dir / name, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=fields)
            w.writeheader()
            w.writerows(data)


def build(
    specs: list[dict], out_dir: Path, tts_cache: Path, ext: str = "wav", subtype: str = "PCM_16"
) -> None:
    """Write audio, manifest.csv, labels.csv and script.jsonl (utterance truth) for the specs."""

    items = []
    for spec in specs:
        for turn in spec["turns"]:
            if "text" in turn:
                items.append(
                    (turn["text"], {**spec["voices"][turn["who"]], **turn.get("voice", {})})
                )
            if "hold" in turn:
                for _ in turn.get("checkins", []):
                    items.append(
                        (
                            turn.get("checkin_text", "我正在为您查询，请稍等。"),
                            spec["voices"]["agent"],
                        )
                    )
    audio = synthesize(items, tts_cache)
    audio.update(load_clips(specs))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows, labels, script = [], [], []
    for spec in specs:
        rel = f"audio/{spec['call_id']}.{ext}"
        r = render(spec, audio, out_dir / rel, subtype)
        rows.append(
            {
                "call_id": spec["call_id"],
                "agent_id": spec["agent_id"],
                "audio": rel,
                "started_at": spec["started_at"],
                "agent_name": spec.get("agent_name", ""),
                "team": spec.get("team", ""),
                "ring_seconds": spec.get("ring_seconds", 4),
                "agent_channel": spec.get("agent_channel", "left"),
                "holds": json.dumps(r["cti"]) if r["cti"] else "",
                "hangup_by": spec.get("hangup_by", "caller"),
            }
        )
        for lab in r["labels"]:
            labels.append({"call_id": spec["call_id"], **lab})
        for p in r["placed"]:
            script.append(
                {
                    "call_id": spec["call_id"],
                    "speaker": p["who"],
                    "start_s": round(p["start"], 2),
                    "end_s": round(p["end"], 2),
                    "text": p["text"],
                }
            )
    write_batch_csvs(out_dir, rows, labels)
    with open(out_dir / "script.jsonl", "w", encoding="utf-8") as fh:
        for s in script:
            fh.write(json.dumps(s, ensure_ascii=False) + "\n")
