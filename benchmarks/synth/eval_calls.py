"""The labelled evaluation set: 48 scripted calls covering every rule, with hard negatives.

    python -m benchmarks.synth.eval_calls benchmarks/eval_set

Coverage: each of the 20 forbidden phrases verbatim (one call each) and paraphrased
(one call each); missing and incorrect greetings and closings; callers saying the
forbidden words; polite agent sentences sharing characters with forbidden phrases;
interruptions of several overlaps and backchannels; holds of 20-120 s with and without
check-ins and CTI events; dead air and near misses; slow answers; fast speech; agent
hang-ups; 6 mono calls. Labels come from this script, never from the rules.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from benchmarks.synth.callgen import build
from benchmarks.synth.sample_calls import BYE, CLOSE_Q, GREET

AGENTS = [
    ("8101", "陈静", "一组", {"f0": 1.0, "speed": 1.0, "gain": 0.7}),
    ("8102", "刘洋", "一组", {"f0": 0.85, "speed": 1.05, "gain": 0.7}),
    ("8103", "赵丽", "二组", {"f0": 1.15, "speed": 0.95, "gain": 0.65}),
    ("8104", "孙伟", "二组", {"f0": 0.9, "speed": 0.9, "gain": 0.75}),
]
CALLERS = [
    {"f0": 1.3, "speed": 0.95, "gain": 0.6},
    {"f0": 0.75, "speed": 1.1, "gain": 0.7},
    {"f0": 1.1, "speed": 1.15, "gain": 0.65},
    {"f0": 0.95, "speed": 0.9, "gain": 0.7},
]

VERBATIM = {
    1: "难道我说的还不够清楚吗？",
    2: "不是我处理的，你跟我喊什么！",
    3: "不知道，你问劳动局吧，跟我们没关系。",
    4: "大声点！听不到！",
    5: "您快点说行吗！",
    6: "你不会好好说！吵什么？",
    7: "你着什么急啊！催什么催！",
    8: "你先听我说行吗！",
    9: "你想好了吗，到底是怎么回事。",
    10: "你怎么还听不懂。",
    11: "刚才不是跟你说了嘛！怎么又问！",
    12: "仲裁都不受理你的问题，你找我们有什么用！",
    13: "我没错，你愿意投诉就投诉吧！",
    14: "神经病。",
    15: "你问我，我怎么知道！",
    16: "不行就是不行，这是规定。",
    17: "我不知道。",
    18: "这不关我的事。",
    19: "政策就是这样规定的，你去投诉好了。",
    20: "这些内容网上有，你自己去看！",
}
PARAPHRASE = {
    1: "我说得还不够清楚吗？",
    2: "又不是我处理的，你冲我喊什么。",
    3: "这个跟我们没有关系。",
    4: "你大点声，听不到。",
    5: "你快点说行不行。",
    6: "你能不能好好说，吵什么吵。",
    7: "别催了，着什么急。",
    8: "你不要再说了，听我讲。",
    9: "你到底是怎么回事？",
    10: "你怎么就听不懂呢。",
    11: "不是跟你说了嘛，怎么又问。",
    12: "监察都不受理你的问题，找我们也没用。",
    13: "你要投诉就投诉吧。",
    14: "真烦人。",
    15: "我怎么知道呢。",
    16: "这是我们的规定，我也没办法。",
    17: "这个我也不清楚。",
    18: "没这回事，你问别的部门吧。",
    19: "我是按政策告诉你的。",
    20: "网上都有，你自己上网查。",
}
QA = [
    ("我想问一下失业保险金怎么领取。", "您需要先到社保经办机构办理失业登记，然后提交申请。"),
    ("我的社保卡丢了，要怎么补办？", "您可以带上身份证到社保卡服务网点办理补卡。"),
    ("我在外地交的养老保险能转回来吗？", "可以转移，您到参保地的社保经办机构申请转移就可以了。"),
    ("医疗保险门诊能报销多少？", "门诊报销比例是百分之五十，每年有最高支付限额。"),
    ("灵活就业人员怎么交社保？", "您可以到社保经办机构办理灵活就业参保登记。"),
    ("工伤认定需要多长时间？", "工伤认定一般在六十日内作出决定。"),
    ("退休手续要怎么办理？", "退休手续需要单位统一到社保经办机构办理。"),
    ("生育保险怎么报销？", "生育津贴由单位申请，您可以先咨询单位的人事部门。"),
]
GREET_JOB = "您好，工号{}为您服务，请讲。"
BAD_GREET = ["喂，你说。", "喂，什么事？"]
CALLER_NEG = [
    "我不知道该去哪里办。",
    "这个我也不清楚，你再说一遍。",
    "你着什么急，我慢慢说。",
    "真是烦人，打了好几次电话。",
    "我不明白为什么要交这么多。",
    "我都不知道怎么回事。",
]
AGENT_NEG = [
    "您不要着急，我帮您问清楚。",
    "对不起，请您再说一遍好吗？",
    "您的心情我理解。",
    "我帮您问清楚再回复您。",
    "不好意思，您能大声一点吗？我这边声音有点小。",
    "您看这个问题我理解得对不对？",
]
JOB = ["八一零一", "八一零二", "八一零三", "八一零四"]


def _call(i: int, rng: random.Random) -> dict:
    aid, name, team, avoice = AGENTS[i % 4]
    spec = {
        "call_id": f"E{i:02d}",
        "agent_id": aid,
        "agent_name": name,
        "team": team,
        "started_at": f"2026-11-{20 + i % 7:02d}T{9 + i % 8:02d}:{(i * 7) % 60:02d}:00",
        "voices": {"agent": avoice, "caller": CALLERS[(i // 4) % 4]},
        "turns": [],
        "call_labels": [],
        "ring_seconds": rng.choice([3, 5, 8, 12, 14]),
    }
    return spec


def specs() -> list[dict]:
    rng = random.Random(12333)
    out = []
    for i in range(48):
        s = _call(i, rng)
        t = s["turns"]
        q, a = QA[i % len(QA)]
        # Greeting: 4 in 48 missing/incorrect, 8 with the job number.
        if i % 12 == 5:
            t.append({"who": "agent", "text": BAD_GREET[i % 2]})
            s["call_labels"].append("greeting.missing")
        elif i % 6 == 1:
            t.append({"who": "agent", "text": GREET_JOB.format(JOB[i % 4])})
        else:
            t.append({"who": "agent", "text": GREET})
        t.append({"who": "caller", "text": q})
        # Events.
        if i < 20:  # forbidden phrase verbatim
            k = i + 1
            t.append({"who": "agent", "text": VERBATIM[k], "label": f"forbidden.{k:02d}"})
            t.append({"who": "caller", "text": "你这是什么态度？"})
            t.append({"who": "agent", "text": a})
        elif i < 40:  # paraphrase + a timing case or a hard negative
            k = i - 19
            t.append({"who": "agent", "text": a})
            t.append(
                {"who": "caller", "text": CALLER_NEG[i % len(CALLER_NEG)]}
            )  # hard negative: caller's words
            t.append({"who": "agent", "text": PARAPHRASE[k], "label": f"forbidden.{k:02d}"})
        else:
            t.append(
                {"who": "agent", "text": AGENT_NEG[i % len(AGENT_NEG)]}
            )  # hard negative: polite agent
            t.append({"who": "caller", "text": "好的。"})
            t.append({"who": "agent", "text": a})
        _timing_case(i, s, q)
        # Closing: 4 missing entirely, 4 without the question.
        if i % 12 == 7:
            t.append({"who": "caller", "text": "好的，知道了。"})
            s["call_labels"] += ["closing.missing", "closing.question_missing"]
        elif i % 12 == 10:
            t.append({"who": "caller", "text": "好的，谢谢。"})
            t.append({"who": "agent", "text": BYE})
            s["call_labels"].append("closing.question_missing")
        else:
            t.append({"who": "caller", "text": "好的，谢谢。"})
            t.append({"who": "agent", "text": CLOSE_Q})
            t.append({"who": "caller", "text": "没有了。"})
            t.append({"who": "agent", "text": BYE})
        if i % 16 == 3:
            s["hangup_by"] = "agent"
            s["call_labels"].append("hangup.agent_first")
        if i in (42, 46):
            s["voices"] = {**s["voices"], "agent": {**s["voices"]["agent"], "speed": 0.55}}
            s["call_labels"].append("speech_rate")
        if i in (4, 9, 15, 21, 27, 33):  # mono recorder
            s["agent_channel"] = "mono"
        out.append(s)
    return out


def _timing_case(i: int, s: dict, q: str) -> None:
    """One timing case per call, by index; labels say exactly what the norms make of it."""
    t = s["turns"]
    mono = i in (4, 9, 15, 21, 27, 33)
    c = i % 12
    req = {"who": "agent", "text": "请稍等，不要挂机，我立即帮您查询。"}
    thanks = {"who": "agent", "text": "感谢您的耐心等待，已经帮您查到了。", "gap": 0.0}
    if c == 0:  # interruption, 2.5 s overlap
        t += [
            {
                "who": "caller",
                "text": "还有一个问题，我去年换了工作，新单位一直没有给我交社保，这种情况怎么办？",
            },
            {
                "who": "agent",
                "text": "这种情况您可以去投诉单位。",
                "overlap": 2.5,
                "label": None if mono else "interruption",
            },
        ]
    elif c == 1:  # interruption, 1.5 s overlap
        t += [
            {"who": "caller", "text": "另外我想问一下，我父母在老家交的新农合，能不能转到城里来？"},
            {
                "who": "agent",
                "text": "可以转，需要到户籍地办理。",
                "overlap": 1.5,
                "label": None if mono else "interruption",
            },
        ]
    elif c == 2:  # near miss: 0.5 s overlap
        t += [
            {"who": "caller", "text": "我还想问一下，公积金和社保是不是一起交的？"},
            {"who": "agent", "text": "公积金不归我们管理，是分开交的。", "overlap": 0.5},
        ]
    elif c == 3:  # backchannels overlapping the caller
        t += [
            {
                "who": "caller",
                "text": "我去年在深圳工作了半年，后来回到重庆，中间断了三个月没有交。",
            },
            {"who": "agent", "text": "嗯。", "overlap": 2.0},
            {"who": "agent", "text": "好的。", "gap": 0.8},
            {"who": "agent", "text": "断缴三个月可以补缴。", "gap": 0.6},
        ]
    elif c == 4:  # hold 20 s, no check-in needed
        t += [req, {"hold": 20, "cti": i % 24 == 4}, thanks]
    elif c == 5:  # hold 45 s, no check-in
        t += [req, {"hold": 45, "cti": i % 24 == 5, "labels": ["hold.no_checkin"]}, thanks]
    elif c == 6:  # hold 55 s with a check-in at 25 s
        t += [req, {"hold": 55, "checkins": [25], "cti": i % 24 == 6}, thanks]
    elif c == 7:  # hold 100 s with check-ins every 25 s: too long
        t += [
            req,
            {
                "hold": 100,
                "checkins": [25, 50, 75],
                "cti": i % 24 == 7,
                "labels": ["hold.too_long"],
            },
            thanks,
        ]
    elif c == 8:  # hold 120 s, one check-in at 60: too long and two silent stretches > 30 s
        t += [
            req,
            {
                "hold": 120,
                "checkins": [58],
                "cti": i % 24 == 8,
                "labels": ["hold.too_long", "hold.no_checkin"],
            },
            thanks,
        ]
    elif c == 9:  # dead air 12 s (no hold request)
        t += [{"silence": 12, "labels": ["dead_air"]}]
    elif c == 10:  # near miss: 7 s gap
        t += [{"silence": 7}]
    elif c == 11:  # CTI hold without a request, or slow answer
        if i % 24 == 11:
            t += [
                {"who": "agent", "text": "我看一下。"},
                {"hold": 25, "cti": True, "labels": ["hold.no_request"]},
                thanks,
            ]
        else:
            s["ring_seconds"] = 21
            s["call_labels"].append("answer.slow")
    if i in (13, 37):
        s["ring_seconds"] = 18
        s["call_labels"].append("answer.slow")
    if i in (26, 44):
        s["ring_seconds"] = 15  # exactly 15 s: allowed


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/eval_set")
    build(specs(), out, Path("/tmp/hotline-qa-tts-cache"), ext="flac", subtype="PCM_16")
    print(f"wrote {len(specs())} calls to {out}")
