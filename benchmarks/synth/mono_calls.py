"""Calls for the mono role study: distinct voices, rude agent lines between caller
turns, and callers who quote the script.

    python -m benchmarks.synth.mono_calls benchmarks/mono_set        # 16 calls, tuned on
    python -m benchmarks.synth.mono_calls benchmarks/mono_heldout --heldout   # 8, never tuned on

The calls are written in stereo (agent left, caller right): the channels are the ground truth
of every word's role, and `benchmarks.detection --mono` mixes them down. Agents are the TTS
voice with its formants moved (`warp`: the TTS has one speaker) at 4 settings per set;
half the callers are real people (../shared/voices, both sexes, their own unscripted talk
cut into turns), half are TTS voices apart from the agent's that quote the script
("你刚才说请稍等……") or say forbidden words themselves. Labels come from this script.
"""

from __future__ import annotations

import csv
import os
import random
import sys
from pathlib import Path

import numpy as np
import soundfile as sf

from benchmarks.synth.callgen import build
from benchmarks.synth.eval_calls import AGENT_NEG, PARAPHRASE, QA, VERBATIM
from benchmarks.synth.sample_calls import BYE, CLOSE_Q, GREET

VOICES = Path(
    os.environ.get("VOICES_DIR", Path(__file__).resolve().parents[3] / "shared" / "voices")
)

AGENTS = {
    "dev": [
        ("8201", "王芳", "一组", {"f0": 1.1, "warp": 1.1, "gain": 0.7}),
        ("8202", "李强", "一组", {"f0": 0.85, "warp": 0.86, "gain": 0.7}),
        ("8203", "周敏", "二组", {"f0": 1.0, "warp": 1.0, "gain": 0.65}),
        ("8204", "吴刚", "二组", {"f0": 0.9, "warp": 0.92, "gain": 0.75}),
    ],
    "heldout": [
        ("8301", "郑丽", "三组", {"f0": 1.15, "warp": 1.05, "gain": 0.7}),
        ("8302", "黄磊", "三组", {"f0": 0.8, "warp": 0.9, "gain": 0.7}),
        ("8303", "何静", "三组", {"f0": 1.05, "warp": 1.12, "gain": 0.7}),
        ("8304", "马超", "三组", {"f0": 0.95, "warp": 0.88, "gain": 0.7}),
    ],
}
# Real callers (manifest sex in brackets): separate people for the two sets.
REAL = {
    "dev": [
        "vibevoice_zh-Xinran_woman.wav",  # f
        "vibevoice_zh-Bowen_man.wav",  # m
        "mossttsd_pod_f.wav",  # f
        "mossttsd_pod_m.wav",  # m
    ],
    "heldout": [
        "soulx_female_mandarin.wav",  # f
        "soulx_male_mandarin.wav",  # m
    ],
}
# TTS callers: each placed against agents whose warp is far from theirs.
TTS_CALLERS = [
    {"f0": 0.75, "warp": 0.82, "gain": 0.65, "speed": 1.05},
    {"f0": 1.3, "warp": 1.18, "gain": 0.6, "speed": 0.95},
]
QUOTES = [
    "你刚才说请稍等，结果我等了这么久。",
    "你们接电话不是说有什么可以帮您吗？",
    "刚才你说感谢您的来电，我还没问完呢。",
    "你说的不要挂机，我一直没挂啊。",
]
CALLER_RUDE = ["你怎么还听不懂啊，我说的是失业金。", "我不知道，这不关我的事，是单位办的。"]


def _pieces(
    path: Path, n: int, rng: random.Random, lo_s: float = 1.5, hi_s: float = 3.2
) -> list[dict]:
    """`n` turns of 1.5-3.2 s (shorter if the recording is short) from a real recording,
    cut at its quietest 100 ms."""
    a, sr = sf.read(path, dtype="float32", always_2d=True)
    a = a.mean(axis=1)
    hop = sr // 10
    env = np.sqrt(np.convolve(a**2, np.ones(hop) / hop, mode="same"))[::hop]
    out, t = [], 0.3
    total = len(a) / sr
    while len(out) < n and t + lo_s < total:
        lo, hi = t + lo_s, min(t + hi_s, total)
        k0, k1 = int(lo * 10), max(int(hi * 10), int(lo * 10) + 1)
        cut = (k0 + int(np.argmin(env[k0:k1]))) / 10 if k1 <= len(env) else hi
        out.append({"file": str(path), "start": round(t, 2), "end": round(cut, 2)})
        t = cut + rng.choice([0.2, 0.4])
    if len(out) < n and lo_s > 1.0:
        return _pieces(path, n, rng, 1.0, 2.2)
    return out


def specs(heldout: bool = False) -> list[dict]:
    which = "heldout" if heldout else "dev"
    rng = random.Random(13 if not heldout else 1313)
    n = 8 if heldout else 16
    out = []
    for i in range(n):
        aid, name, team, av = AGENTS[which][i % 4]
        real = i % 2 == 0
        q, a = QA[(i + (3 if heldout else 0)) % len(QA)]
        k = (i * 3 + (7 if heldout else 0)) % 20 + 1
        rude = (VERBATIM if i % 4 < 2 else PARAPHRASE)[k]
        spec = {
            "call_id": f"{'N' if heldout else 'M'}{i:02d}",
            "agent_id": aid,
            "agent_name": name,
            "team": team,
            "started_at": f"2026-11-{21 + i % 6:02d}T{9 + i % 8:02d}:{(i * 11) % 60:02d}:00",
            "ring_seconds": rng.choice([3, 5, 8]),
            "turns": [],
            "call_labels": [],
        }
        t = spec["turns"]
        if real:
            files = REAL[which]
            path = VOICES / files[(i // 2) % len(files)]
            parts = _pieces(path, 5, rng)
            cv = {"gain": rng.choice([0.45, 0.6, 0.75])}
            caller = [{"who": "caller", "clip": p} for p in parts]
        else:
            cv = TTS_CALLERS[0] if av["warp"] >= 1.0 else TTS_CALLERS[1]
            quote = QUOTES[(i // 2) % len(QUOTES)]
            caller = [
                {"who": "caller", "text": q},
                {"who": "caller", "text": "那我要带什么材料呢？"},
                {"who": "caller", "text": quote},
                {"who": "caller", "text": CALLER_RUDE[(i // 2) % 2]},
                {"who": "caller", "text": "好的，没有了。"},
            ]
        spec["voices"] = {"agent": av, "caller": cv}
        t.append({"who": "agent", "text": GREET})
        t.append(caller[0])
        t.append({"who": "agent", "text": a})
        t.append(caller[1])
        # The rude line sits between two caller turns: the text model's hardest place.
        t.append({"who": "agent", "text": rude, "label": f"forbidden.{k:02d}"})
        t.append(caller[2])
        t.append({"who": "agent", "text": AGENT_NEG[i % len(AGENT_NEG)]})
        t.append(caller[3])
        if i % 8 == 3:  # the closing is missing; the caller quoted it (QUOTES[2]) in call 5
            t.append(caller[4])
            spec["call_labels"] += ["closing.missing", "closing.question_missing"]
        else:
            t.append({"who": "agent", "text": CLOSE_Q})
            t.append(caller[4])
            t.append({"who": "agent", "text": BYE})
        out.append(spec)
    return out


def voices_used(out_dir: Path) -> None:
    """Which real recordings the set uses, with their licences (from the voices manifest)."""
    rows = {r["file"]: r for r in csv.DictReader(open(VOICES / "manifest.tsv"), delimiter="\t")}
    used = sorted({f for w in REAL.values() for f in w})
    with open(out_dir / "VOICES.txt", "w", encoding="utf-8") as fh:
        for f in used:
            r = rows.get(f, {})
            fh.write(
                f"{f}\t{r.get('speaker_sex', '')}\t{r.get('repo', '')}\t{r.get('license', '')}\n"
            )


if __name__ == "__main__":
    target = Path(sys.argv[1])
    build(specs("--heldout" in sys.argv), target, Path("/tmp/hotline-qa-tts-cache"), ext="flac")
    voices_used(target)
    print(f"wrote {target}")
