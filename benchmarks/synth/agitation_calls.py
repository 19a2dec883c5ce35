"""The caller-agitation set: a raised caller voice as a trigger of
situation.upset.no_comfort (三(六) 遇到来电者情绪比较激动时…安抚).

    python -m benchmarks.synth.agitation_calls benchmarks/agitation_set
    python -m benchmarks.synth.agitation_calls benchmarks/agitation_heldout_set heldout
    python -m benchmarks.situations --eval-dir benchmarks/agitation_set

Words alone do not always say that a caller is upset: 我都问了三遍了 said calmly is a
remark, shouted it is agitation. Each line below is rendered four ways:
- `loud-v`: the caller's line raised (+10 dB, the TTS's energy and pitch up) and the agent
  goes on without a word of comfort: labelled situation.upset.no_comfort;
- `loud-c`: the same, and the agent comforts (您别着急…): a negative;
- `calm`: the same words said calmly, no comfort: a negative (not agitated);
- `loud-plain`: the caller raises their voice on a neutral line (a bad line: 喂，能听到吗): a
  negative (loud is not upset).
The held-out part has other lines, agents and callers, written with the thresholds fixed.
"""

from __future__ import annotations

from benchmarks.synth.manner_calls import AGENT_VOICES, call_spec, write
from benchmarks.synth.manner_calls import CALLERS as _CALLERS
from benchmarks.synth.sample_calls import BYE, CLOSE_Q, GREET

# (agitated-but-mild line, neutral loud line, the question, the agent's plain answer)
TUNING = [
    (
        "我都问了三遍了，你们到底能不能给个准话！",
        "喂，喂，能听到吗？我问一下医保报销。",
        "医保门诊报销比例是多少？",
        "门诊报销比例按医院等级不同，一般在百分之五十到七十之间。",
    ),
    (
        "这个事拖了两个月了，还没办好！",
        "喂？我这边信号不好，我问一下退休手续。",
        "退休手续要准备什么？",
        "需要身份证、户口本和个人档案，由单位统一申报。",
    ),
    (
        "怎么每次打电话都是这样说！",
        "喂，你好，我想问失业金的事。",
        "失业金能领多久？",
        "领取期限按缴费年限计算，最长二十四个月。",
    ),
]
HELDOUT = [
    (
        "你们这办事效率也太低了吧！",
        "喂，喂，你大声点，我问一下社保卡。",
        "社保卡怎么激活？",
        "您可以带身份证到合作银行网点激活。",
    ),
    (
        "跑了好几趟都没办成，到底要我怎么样！",
        "喂？听得到吗？我问生育保险。",
        "生育津贴怎么算？",
        "按单位上年度职工月平均工资除以三十再乘以产假天数。",
    ),
]
COMFORT = "您别着急，我理解您的心情，我来帮您查一下。"
AGENTS = {
    "tuning": [
        ("8601", "何静", "八组", AGENT_VOICES[0]),
        ("8602", "罗斌", "八组", AGENT_VOICES[1]),
    ],
    "heldout": [
        ("8701", "宋雪", "九组", AGENT_VOICES[2]),
        ("8702", "唐军", "九组", AGENT_VOICES[3]),
    ],
}
CALLERS = [{**c, "gain": 0.5} for c in _CALLERS]  # quieter: a raised line has room to +10 dB
RAISED_DB = 10.0


def _raised(caller: dict) -> dict:
    return {"voice": {"energy": 1.5, "f0": round(caller["f0"] * 1.15, 3)}, "gain_db": RAISED_DB}


def specs(part: str = "tuning") -> list[dict]:
    lines = TUNING if part == "tuning" else HELDOUT
    prefix = "U" if part == "tuning" else "V"
    out = []
    i = 0
    for t, (mild, neutral, question, answer) in enumerate(lines):
        for kind in ("loud-v", "loud-c", "calm", "loud-plain"):
            caller = CALLERS[(t + i) % len(CALLERS)]
            loud = _raised(caller)
            if kind == "loud-plain":
                first = {"who": "caller", "text": neutral, **loud}
            else:
                first = {
                    "who": "caller",
                    "text": mild,
                    **(loud if kind.startswith("loud") else {}),
                    **({"label": "situation.upset.no_comfort"} if kind == "loud-v" else {}),
                }
            turns = [
                {"who": "agent", "text": GREET},
                {"who": "caller", "text": question},
                {"who": "agent", "text": answer},
                first,
                {"who": "agent", "text": (COMFORT if kind == "loud-c" else "") + answer},
                {"who": "caller", "text": "好吧，知道了。"},
                {"who": "agent", "text": CLOSE_Q},
                {"who": "caller", "text": "没有了。"},
                {"who": "agent", "text": BYE},
            ]
            out.append(
                call_spec(
                    f"{prefix}{i:02d}",
                    i,
                    AGENTS[part][i % len(AGENTS[part])],
                    caller,
                    turns,
                    [],
                    f"{t}-{kind}",
                )
            )
            i += 1
    return out


if __name__ == "__main__":
    write(specs, "benchmarks/agitation_set")
