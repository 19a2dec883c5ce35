"""The raised-voice rule (issue 22) on labelled variants of real front-end output.

    .venv/bin/python -m benchmarks.manner [--calls 12] [--sweep]

Each stereo call of a source set (TTS speech, telephone band) becomes nine variants
(`VARIANTS`, seeded by the call id): one agent line raised by +4 dB (a negative: within a
voice's normal rise), +10 dB or +14 dB (positives); the whole call 12 dB louder or 18 dB
quieter (negatives: a loud or quiet recorder); a caller line raised by +14 dB with -20 dB echo
both ways (a negative: the caller's echo must not make the agent loud); and +10 dB raised lines
under -20 dB echo and under pink noise at 15 dB SNR (positives). A positive is labelled
with the raised line's span. Tuning part: the evaluation set's stereo calls; held-out part: the
held-out set's, never tuned on.

What runs is the real front end of the nightly flow on every variant (decode, echo
separation, own-speech VAD, the loudness track: `stages._EchoFree.channels`,
`pipeline.speech.loudness`) and the rule's own pure logic (`scorers.manner`) with the
thresholds of lexicons/manner.yaml; the stereo rule reads no words, so Whisper is not run
here (tests/test_manner.py runs one raised call through the whole flow). `--sweep` prints
F1 over a grid of thresholds on the tuning part: how above_db and min_s were chosen.

A raised voice is more than gain (pitch and timbre change too); these variants test the
level measure only. Real shouted lines are still to be collected.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
SR = 16000

# name -> (agent line gain dB, whole-call gain dB, caller line gain dB, echo dB, pink SNR dB)
VARIANTS: dict[str, dict] = {
    "plain": {},
    "raised-4": {"agent_db": 4},
    "raised-10": {"agent_db": 10},
    "raised-14": {"agent_db": 14},
    "loud-all": {"all_db": 12},
    "quiet-all": {"all_db": -18},
    "caller-raised-echo": {"caller_db": 14, "echo_db": -20},
    "raised-10-echo": {"agent_db": 10, "echo_db": -20},
    "raised-10-pink": {"agent_db": 10, "pink_snr": 15},
}
POSITIVE_DB = 8  # a line raised by this much or more is a violation (the labels' cut)


def _seed(call_id: str, salt: str) -> np.random.Generator:
    return np.random.default_rng(
        int(hashlib.sha1(f"{call_id}:{salt}".encode()).hexdigest()[:8], 16)
    )


def pick_line(lines: list[dict], speaker: str, call_id: str) -> dict:
    """A line of ≥ 2 s of the speaker's, neither their first nor their last (seeded)."""
    mine = [r for r in lines if r["speaker"] == speaker]
    pool = [r for r in mine[1:-1] if r["end_s"] - r["start_s"] >= 2.0]
    if not pool:  # a short call: its longest line
        return max(mine, key=lambda r: r["end_s"] - r["start_s"])
    return pool[int(_seed(call_id, speaker).integers(0, len(pool)))]


def _ramp_gain(n: int, a: int, b: int, db: float) -> np.ndarray:
    g = np.ones(n)
    ramp = int(0.05 * SR)
    env = np.zeros(n)
    env[a:b] = 1.0
    if ramp:
        k = np.ones(ramp) / ramp
        env = np.convolve(env, k, mode="same")
    return g + env * (10 ** (db / 20) - 1)


def variant(x: np.ndarray, agent: int, lines: list[dict], call_id: str, spec: dict):
    """(samples, label span or None) of one variant of a stereo call."""
    from benchmarks.synth import degrade

    y = x.astype(np.float64).copy()
    label = None
    if "agent_db" in spec:
        line = pick_line(lines, "agent", call_id)
        a, b = int(line["start_s"] * SR), int(line["end_s"] * SR)
        y[agent] *= _ramp_gain(y.shape[1], a, b, spec["agent_db"])
        if spec["agent_db"] >= POSITIVE_DB:
            label = (line["start_s"], line["end_s"])
    if "caller_db" in spec:
        line = pick_line(lines, "caller", call_id)
        a, b = int(line["start_s"] * SR), int(line["end_s"] * SR)
        y[1 - agent] *= _ramp_gain(y.shape[1], a, b, spec["caller_db"])
    if "all_db" in spec:
        y *= 10 ** (spec["all_db"] / 20)
    y = y.astype(np.float32)
    if "echo_db" in spec:
        y = degrade.echo(y, SR, call_id, spec["echo_db"])
    if "pink_snr" in spec:
        y = degrade.noise(y, SR, call_id, "pink", spec["pink_snr"])
    return np.clip(y, -1.0, 1.0).astype(np.float32), label


def profiles(src: Path, n_calls: int) -> list[dict]:
    """Every variant of the first n_calls stereo calls: the agent's loudness track and own
    speech from the real front end, and the label."""
    from pipeline.speech import asr, audio, frontend, loudness

    lines: dict[str, list[dict]] = {}
    for row in open(src / "script.jsonl", encoding="utf-8"):
        r = json.loads(row)
        lines.setdefault(r["call_id"], []).append(r)
    rows = [r for r in csv.DictReader(open(src / "manifest.csv", encoding="utf-8"))]
    rows = [r for r in rows if r["agent_channel"] != "mono"][:n_calls]
    s = asr.AsrSettings()
    out = []
    for r in rows:
        x = audio.load(str(src / r["audio"]), 2)
        agent = 1 if r["agent_channel"] == "right" else 0
        for name, spec in VARIANTS.items():
            y, label = variant(x, agent, lines[r["call_id"]], r["call_id"], spec)
            front = frontend.channels(y, s)
            ch = front[agent]
            out.append(
                {
                    "call": f"{r['call_id']}-{name}",
                    "variant": name,
                    "track": loudness.track(ch.signal, SR),
                    "speech": ch.speech,
                    "label": label,
                }
            )
    return out


def score(items: list[dict], rv) -> dict:
    """Stretch-level P/R (a hit is true when it overlaps the raised line) and per variant
    the calls with a hit."""
    from scorers import manner

    tp = fp = fn = 0
    by_variant: dict[str, int] = {}
    for it in items:
        p = manner.profile(it["track"], it["speech"], manner.HOP_S, rv.smooth_s, rv.min_speech_s)
        hits = manner.raised_stretches(p, rv.above_db, rv.min_s, rv.bridge_s) if p else []
        lab = it["label"]
        true = [h for h in hits if lab and h.start < lab[1] and lab[0] < h.end]
        tp += 1 if true else 0
        fn += 1 if lab and not true else 0
        fp += len(hits) - len(true)
        by_variant[it["variant"]] = by_variant.get(it["variant"], 0) + (1 if hits else 0)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "by_variant": by_variant,
    }


def main() -> None:
    from pipeline.inputs.config import load_config

    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=12, help="stereo calls per part")
    ap.add_argument("--sweep", action="store_true")
    args = ap.parse_args()
    rv = load_config().manner.raised_voice
    parts = {
        "tuning (evaluation set)": ROOT / "benchmarks" / "eval_set",
        "held-out (held-out set)": ROOT / "benchmarks" / "heldout_set",
    }
    print(f"raised_voice: above_db {rv.above_db}, min_s {rv.min_s}, smooth_s {rv.smooth_s}")
    for title, src in parts.items():
        items = profiles(src, args.calls)
        res = score(items, rv)
        n = len(items) // len(VARIANTS)
        print(
            f"\n{title}: {n} calls x {len(VARIANTS)} variants, {res['tp'] + res['fn']} raised lines"
        )
        print(
            f"  P {res['P']:.3f}  R {res['R']:.3f}  F1 {res['F1']:.3f}  (tp {res['tp']}, fp {res['fp']}, fn {res['fn']})"
        )
        print(
            "  calls with a hit, per variant: "
            + ", ".join(f"{k} {v}/{n}" for k, v in res["by_variant"].items())
        )
        if args.sweep and title.startswith("tuning"):
            print("  sweep (F1):  min_s " + " ".join(f"{m:>6}" for m in (0.5, 1.0, 1.5, 2.0)))
            for db in (5.0, 6.0, 7.0, 8.0, 9.0, 10.0):
                f1s = [
                    score(items, replace(rv, above_db=db, min_s=m))["F1"]
                    for m in (0.5, 1.0, 1.5, 2.0)
                ]
                print(f"    above_db {db:4.1f}         " + " ".join(f"{f:6.3f}" for f in f1s))


if __name__ == "__main__":
    main()
