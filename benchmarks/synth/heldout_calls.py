"""A held-out evaluation set: 24 calls written after the matcher and rules were tuned.

    python -m benchmarks.detection --eval-dir benchmarks/heldout_set

New wording throughout (other paraphrases of the forbidden phrases, other hard negatives,
other questions), other voices, other hold/gap durations. Nothing in lexicons/ or the
rules was changed after looking at its results; the numbers it prints are the honest ones.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.synth.callgen import build
from benchmarks.synth.sample_calls import BYE, CLOSE_Q, GREET

AGENTS = [
    ("8201", "周婷", "三组", {"f0": 1.05, "speed": 0.97, "gain": 0.7}),
    ("8202", "吴磊", "三组", {"f0": 0.8, "speed": 1.02, "gain": 0.72}),
]
CALLERS = [
    {"f0": 1.2, "speed": 1.05, "gain": 0.65},
    {"f0": 0.7, "speed": 0.92, "gain": 0.7},
    {"f0": 1.35, "speed": 1.0, "gain": 0.6},
]
QA = [
    ("请问医保卡余额怎么查？", "您可以通过手机应用或者到药店刷卡查询余额。"),
    ("我单位倒闭了，社保怎么继续交？", "您可以以灵活就业人员身份继续缴纳养老保险。"),
    ("异地就医需要备案吗？", "需要先办理异地就医备案，才能直接结算。"),
    ("失业金每个月能领多少？", "失业保险金按当地最低工资标准的百分之九十发放。"),
]
FORBIDDEN = [  # (rule, agent line): mostly wording that is not one of the lexicon's patterns
    ("forbidden.01", "难道我说得还不清楚吗？"),
    ("forbidden.05", "您能快点说吗，行不行！"),
    ("forbidden.07", "催什么催，你着什么急。"),
    ("forbidden.10", "你怎么还是听不懂啊。"),
    ("forbidden.11", "刚才不是跟你说过了嘛。"),
    ("forbidden.15", "你问我，我又怎么知道。"),
    ("forbidden.16", "不行就是不行。"),
    ("forbidden.17", "这个我不懂。"),
    ("forbidden.18", "这件事不关我的事。"),
    ("forbidden.20", "这些网上都有，你自己去看。"),
]
CALLER_NEG = [
    "我也不知道怎么办才好。",
    "你们这规定真是烦人。",
    "我不明白这个政策。",
    "不关我的事吧，是单位的问题。",
]
AGENT_NEG = [
    "请您不要着急，我慢慢跟您说。",
    "不好意思，刚才没听清，您能再说一遍吗？",
    "这个问题我帮您查清楚。",
    "您的问题我明白了。",
]


def specs() -> list[dict]:
    out = []
    for i in range(24):
        aid, name, team, av = AGENTS[i % 2]
        s = {
            "call_id": f"H{i:02d}",
            "agent_id": aid,
            "agent_name": name,
            "team": team,
            "started_at": f"2026-12-0{1 + i % 7}T{10 + i % 6:02d}:15:00",
            "ring_seconds": 6,
            "voices": {"agent": av, "caller": CALLERS[i % 3]},
            "turns": [],
            "call_labels": [],
        }
        t = s["turns"]
        q, a = QA[i % 4]
        if i % 8 == 3:
            t.append({"who": "agent", "text": "喂？"})
            s["call_labels"].append("greeting.missing")
        else:
            t.append({"who": "agent", "text": GREET})
        t.append({"who": "caller", "text": q})
        if i < 10:
            rule, line = FORBIDDEN[i]
            t += [
                {"who": "agent", "text": line, "label": rule},
                {"who": "caller", "text": "你怎么这样说话？"},
                {"who": "agent", "text": a},
            ]
        else:
            t += [
                {"who": "agent", "text": a},
                {"who": "caller", "text": CALLER_NEG[i % 4]},
                {"who": "agent", "text": AGENT_NEG[i % 4]},
            ]
        c = i % 6
        req = {"who": "agent", "text": "请您稍等，不要挂机，我马上帮您查询。"}
        back = {"who": "agent", "text": "感谢您的耐心等待，查到了。", "gap": 0.0}
        if c == 0:
            t += [
                {
                    "who": "caller",
                    "text": "我还有个问题，我老家的社保和这边的能不能合并在一起算年限？",
                },
                {
                    "who": "agent",
                    "text": "可以合并，您需要办理转移。",
                    "overlap": 1.8,
                    "label": "interruption",
                },
            ]
        elif c == 1:
            t += [req, {"hold": 35, "labels": ["hold.no_checkin"]}, back]
        elif c == 2:
            t += [req, {"hold": 70, "checkins": [28, 52]}, back]
        elif c == 3:
            t += [{"silence": 10, "labels": ["dead_air"]}]
        elif c == 4:
            t += [
                req,
                {"hold": 95, "checkins": [25, 50, 75], "cti": True, "labels": ["hold.too_long"]},
                back,
            ]
        else:
            t += [{"silence": 6}]
        if i % 8 == 6:
            t.append({"who": "caller", "text": "好吧。"})
            s["call_labels"] += ["closing.missing", "closing.question_missing"]
        else:
            t += [
                {"who": "caller", "text": "好的。"},
                {"who": "agent", "text": CLOSE_Q},
                {"who": "caller", "text": "没有了，谢谢。"},
                {"who": "agent", "text": BYE},
            ]
        if i in (5, 17):
            s["ring_seconds"] = 25
            s["call_labels"].append("answer.slow")
        out.append(s)
    return out


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/heldout_set")
    build(specs(), out, Path("/tmp/hotline-qa-tts-cache"), ext="flac")
    print(f"wrote {len(specs())} calls to {out}")
