"""Ordinary calls: caller lines from benchmarks/ordinary_callers.yaml (no situation at all)
with neutral agent answers, to measure the situational rules' false findings where they
matter most: on everyday speech.

    python -m benchmarks.synth.ordinary_calls benchmarks/ordinary_set            # tuning part
    python -m benchmarks.synth.ordinary_calls benchmarks/ordinary_heldout_set --heldout

Each corpus line goes to one part by a hash of the line, so the held-out calls hold wording
nobody looked at while tuning. Ten caller lines per call, between the greeting and the
closing; every agent turn is an ordinary answer or acknowledgement.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import yaml

from benchmarks.synth.callgen import build
from benchmarks.synth.sample_calls import BYE, CLOSE_Q, GREET
from scorers.intents import expand

CORPUS = Path(__file__).resolve().parents[1] / "ordinary_callers.yaml"
LINES_PER_CALL = 10
AGENTS = [
    ("8301", "梁静", "五组", {"f0": 1.08, "speed": 0.98, "gain": 0.7}),
    ("8302", "邓超", "五组", {"f0": 0.82, "speed": 1.0, "gain": 0.72, "warp": 0.94}),
    ("8303", "秦雪", "六组", {"f0": 1.15, "speed": 1.04, "gain": 0.68}),
]
CALLERS = [
    {"f0": 1.2, "speed": 1.05, "gain": 0.65, "warp": 1.06},
    {"f0": 0.72, "speed": 0.94, "gain": 0.7, "warp": 0.92},
    {"f0": 1.32, "speed": 1.0, "gain": 0.6},
    {"f0": 0.9, "speed": 1.1, "gain": 0.68, "warp": 0.97},
]
ANSWERS = [
    "好的，您请讲。",
    "这个您可以到就近的社保经办窗口办理，带上身份证就可以。",
    "您也可以在重庆人社的手机应用上办理，不用跑窗口。",
    "根据现行政策，需要满足相应的缴费年限才可以。",
    "嗯，我明白了，您接着说。",
    "这个需要您单位的经办人去办理。",
    "一般是十五个工作日左右办结。",
    "您说的情况是可以的，按规定申请就行。",
    "对的，您理解得没错。",
    "具体的标准每年会调整，以当年公布的为准。",
]


def corpus_lines(heldout: bool) -> list[str]:
    """The part's sentences: per corpus line a fixed sample of what its slots make."""
    data = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    per = int(data.get("per_line", 6))
    out = []
    for lines in data["topics"].values():
        for line in lines:
            part = int(hashlib.sha1(line.encode()).hexdigest(), 16) % 2
            if part != int(heldout):
                continue
            sents = expand(line)
            out += random.Random(line).sample(sents, min(per, len(sents)))
    random.Random(int(heldout)).shuffle(out)
    return out


def specs(heldout: bool = False) -> list[dict]:
    lines = corpus_lines(heldout)
    prefix = "OH" if heldout else "O"
    out = []
    for n, i in enumerate(range(0, len(lines), LINES_PER_CALL)):
        aid, name, team, av = AGENTS[n % len(AGENTS)]
        turns: list[dict] = [{"who": "agent", "text": GREET}]
        for k, line in enumerate(lines[i : i + LINES_PER_CALL]):
            turns.append({"who": "caller", "text": line, "gap": 0.6})
            turns.append({"who": "agent", "text": ANSWERS[(n + k) % len(ANSWERS)], "gap": 0.5})
        turns += [
            {"who": "agent", "text": CLOSE_Q},
            {"who": "caller", "text": "没有了，谢谢。"},
            {"who": "agent", "text": BYE},
        ]
        out.append(
            {
                "call_id": f"{prefix}{n:02d}",
                "agent_id": aid,
                "agent_name": name,
                "team": team,
                "started_at": f"2026-12-0{1 + n % 7}T{9 + n % 8:02d}:20:00",
                "ring_seconds": 5,
                "voices": {"agent": av, "caller": CALLERS[n % len(CALLERS)]},
                "turns": turns,
                "call_labels": [],
            }
        )
    return out


if __name__ == "__main__":
    held = "--heldout" in sys.argv
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    target = Path(args[0] if args else "benchmarks/ordinary_set")
    got = specs(held)
    build(got, target, Path("/tmp/hotline-qa-tts-cache"), ext="flac")
    print(f"wrote {len(got)} calls ({sum(len(s['turns']) // 2 - 2 for s in got)} caller lines) to {target}")
