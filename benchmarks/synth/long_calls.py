"""Long and talk-dense evaluation calls: what the ASR stage must not lose, and what it must be
fast on.

    python -m benchmarks.synth.long_calls long  benchmarks/long_set    # 10 calls, 2-5 min
    python -m benchmarks.synth.long_calls dense benchmarks/dense_set   # 24 calls, talk-dense
    python -m benchmarks.synth.long_calls short benchmarks/short_set   # 24 short talk-dense calls

`long`: multi-minute calls with several lookups and check-ins, violations right after long
holds, callers whose turns run 10-20 s, 3 agent and 3 caller voices. L00 is the call on which
the pipeline once kept only the agent's greeting: 130 s, one 100 s lookup with a hold
request, two check-ins, 感谢您的耐心等待, the answer, the closing question and the closing.

`dense`: back-and-forth consultations without holds, speech over most of the call (as on a
real hotline); the throughput benchmark's dense set. Its speech density is printed by
`benchmarks/throughput.py`.

Written after the rules were tuned; not tuned on.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.synth.callgen import build
from benchmarks.synth.sample_calls import BYE, CLOSE_Q, GREET

AGENTS = [
    ("8301", "孙悦", "四组", {"f0": 1.1, "speed": 0.95, "gain": 0.7}),
    ("8302", "钱峰", "四组", {"f0": 0.78, "speed": 1.0, "gain": 0.72}),
    ("8303", "郑丽", "五组", {"f0": 1.25, "speed": 1.05, "gain": 0.68}),
]
CALLERS = [
    {"f0": 0.72, "speed": 1.08, "gain": 0.66},
    {"f0": 1.3, "speed": 0.95, "gain": 0.62},
    {"f0": 0.95, "speed": 1.12, "gain": 0.7},
]
LONG_Q = [
    "你好，我想问一下，我之前在广州工作了五年，社保也交了五年，现在回重庆了，新单位也给我交了社保，那我广州那边的养老保险要怎么转过来？",
    "是这样的，我母亲今年刚满六十岁，她年轻的时候在厂里上过班，后来厂子倒闭了，中间断缴了好多年，现在想问问还能不能补缴，补缴要交多少钱？",
    "我上个月被公司辞退了，公司说会给我办失业登记，但是到现在都没有消息，我想知道失业金要去哪里申请，需要带什么材料，多久能拿到钱？",
    "我在医院住院花了两万多，出院的时候只报销了一部分，我想问一下为什么报销比例这么低，是不是因为我用的药不在目录里面？",
    "我是个体户，自己在家附近开了个小店，想给自己交养老保险和医疗保险，请问灵活就业人员怎么参保，每个月大概要交多少？",
    "我孩子今年刚上大学，学校在外地，他的医保是在老家交的，现在在学校生病了去看病，能不能直接刷卡，还是要回来报销？",
    "我们公司给员工交社保的时候，有几个人的基数申报错了，少交了几个月，现在想补上，请问单位补缴需要走什么流程？",
    "我父亲去年去世了，他生前一直在领养老金，听说个人账户里面还有余额可以继承，请问我们家属应该怎么去办理这个手续？",
]
LONG_A = [
    "养老保险关系转移需要您在重庆的参保地社保经办机构提出申请，带上身份证，我们会向广州那边发联系函，整个流程大概需要四十五个工作日。",
    "断缴期间能不能补缴要看具体情况，如果是单位欠缴的，可以由单位申请补缴；如果是个人原因中断的，一般按灵活就业人员政策处理。",
    "失业保险金需要您本人带身份证和单位出具的解除劳动合同证明，到参保地的就业服务中心申请，审核通过后次月开始发放。",
    "住院报销比例和医院等级、起付线以及药品目录都有关系，目录外的药品和材料是需要个人自付的，您可以到医保窗口申请查看费用明细。",
    "灵活就业人员可以带身份证到社保经办机构办理参保登记，养老保险缴费基数可以在规定的上下限之间自己选择，按月或者按年缴纳都可以。",
    "大学生在外地就医，需要先办理异地就医备案，备案以后在定点医院可以直接结算；如果没有备案，可以先垫付费用，回参保地按规定报销。",
    "单位补缴需要携带补缴申请表、工资发放记录和劳动合同，到社保经办机构核定补缴金额，核定以后按通知缴纳就可以了。",
    "个人账户余额可以由法定继承人继承，需要带上死亡证明、继承人的身份证和亲属关系证明，到社保经办机构办理，审核后一次性支付。",
]
FOLLOW_Q = [
    "那我需要先去广州那边开什么证明吗，还是直接在这边办就行了？",
    "如果按灵活就业补缴的话，是不是要一次性把钱全部交齐？",
    "失业金领完了以后，医保还能继续享受吗？",
    "那目录外的药有没有别的办法可以报销一部分？",
    "交满多少年以后退休才能按月领养老金？",
    "备案可以在网上办吗，还是一定要本人去窗口？",
    "补缴的时候滞纳金是单位出还是个人出？",
    "继承人有好几个的话，钱是打到谁的账户上？",
]
FOLLOW_A = [
    "不需要，您在重庆这边申请就可以，我们会直接和广州那边联系。",
    "一般是一次性缴纳，具体金额以经办机构核定的为准。",
    "领取失业金期间，医保费由失业保险基金代缴，可以正常享受待遇。",
    "目录外的费用基本医保不能报销，如果您参加了大病保险或者补充保险，可以再咨询一下。",
    "累计缴费满十五年，达到法定退休年龄，就可以按月领取基本养老金。",
    "可以在网上办理，通过手机应用的异地就医备案功能提交就可以。",
    "因单位原因产生的滞纳金由单位承担。",
    "需要继承人之间协商确定一个代表，款项打到代表提供的银行账户上。",
]
# Rude lines placed right after a long hold: the part of a channel the ASR stage once lost.
AFTER_HOLD = [
    ("forbidden.15", "你问我，我怎么知道！"),
    ("forbidden.20", "这些内容网上有，你自己去看！"),
    ("forbidden.11", "刚才不是跟你说了嘛！怎么又问！"),
    ("forbidden.18", "这不关我的事，你问别的部门吧。"),
    ("forbidden.16", "不行就是不行，这是规定。"),
]
REQ = "请您稍等，不要挂机，我马上帮您查询。"
THANKS = "感谢您的耐心等待，查到了。"


def _voices(i: int) -> tuple[tuple, dict]:
    return AGENTS[i % 3], CALLERS[(i + 1) % 3]


def _closing(t: list[dict], skip: bool) -> list[str]:
    if skip:
        t.append({"who": "caller", "text": "那就这样吧，我再想想。"})
        return ["closing.missing", "closing.question_missing"]
    t += [
        {"who": "caller", "text": "好的，我明白了，谢谢你。"},
        {"who": "agent", "text": CLOSE_Q},
        {"who": "caller", "text": "没有了，谢谢。"},
        {"who": "agent", "text": BYE},
    ]
    return []


def long_specs() -> list[dict]:
    out = []
    # L00: the reported failure, rebuilt: 130 s, a 100 s lookup, two check-ins.
    (aid, name, team, av), cv = _voices(0)
    out.append(
        {
            "call_id": "L00",
            "agent_id": aid,
            "agent_name": name,
            "team": team,
            "started_at": "2026-12-07T09:05:00",
            "voices": {"agent": av, "caller": cv},
            "turns": [
                {"who": "agent", "text": GREET},
                {"who": "caller", "text": LONG_Q[0]},
                {"who": "agent", "text": REQ},
                {
                    "hold": 100,
                    "checkins": [28, 58],
                    "labels": ["hold.too_long", "hold.no_checkin"],
                },
                {"who": "agent", "text": THANKS, "gap": 0.0},
                {"who": "agent", "text": LONG_A[0]},
                {"who": "caller", "text": "好的，我明白了，谢谢你。"},
                {"who": "agent", "text": CLOSE_Q},
                {"who": "caller", "text": "没有了，谢谢。"},
                {"who": "agent", "text": BYE},
            ],
            "call_labels": [],
        }
    )
    for i in range(1, 10):
        (aid, name, team, av), cv = _voices(i)
        t: list[dict] = [{"who": "agent", "text": GREET}]
        labels: list[str] = []
        k = i % 8
        t += [
            {"who": "caller", "text": LONG_Q[k]},
            {"who": "agent", "text": LONG_A[k]},
            {"who": "caller", "text": FOLLOW_Q[k]},
            {"who": "agent", "text": REQ},
        ]
        # Lookups: several per call, with check-ins; some too long or without check-in.
        first = [
            {"hold": 45, "checkins": [22]},
            {"hold": 40, "labels": ["hold.no_checkin"]},
            {"hold": 95, "checkins": [25, 50, 75], "cti": True, "labels": ["hold.too_long"]},
        ][i % 3]
        t += [first, {"who": "agent", "text": THANKS, "gap": 0.0}]
        if i % 2 == 1:  # a violation right after the hold
            rule, line = AFTER_HOLD[(i // 2) % len(AFTER_HOLD)]
            t.append({"who": "agent", "text": line, "label": rule})
            t.append({"who": "caller", "text": "你这是什么态度，我就是想问清楚一点。"})
        t.append({"who": "agent", "text": FOLLOW_A[k]})
        t.append({"who": "caller", "text": LONG_Q[(k + 3) % 8]})
        t.append({"who": "agent", "text": REQ})
        second = [
            {"hold": 60, "checkins": [25, 50]},
            {"hold": 35, "checkins": [20]},
            {"hold": 50, "checkins": [28]},
        ][(i + 1) % 3]
        t += [second, {"who": "agent", "text": THANKS, "gap": 0.0}]
        t.append({"who": "agent", "text": LONG_A[(k + 3) % 8]})
        if i % 3 == 0:
            t += [{"silence": 11, "labels": ["dead_air"]}]
        t.append({"who": "caller", "text": FOLLOW_Q[(k + 3) % 8]})
        t.append({"who": "agent", "text": FOLLOW_A[(k + 3) % 8]})
        labels += _closing(t, skip=i % 4 == 2)
        if any(x.get("cti") for x in t):  # a CTI that exports holds exports all of them
            for x in t:
                if "hold" in x:
                    x["cti"] = True
        out.append(
            {
                "call_id": f"L{i:02d}",
                "agent_id": aid,
                "agent_name": name,
                "team": team,
                "started_at": f"2026-12-0{1 + i % 7}T{9 + i % 8:02d}:40:00",
                "voices": {"agent": av, "caller": cv},
                "turns": t,
                "call_labels": labels,
            }
        )
    return out


def _consultation(k: int) -> list[dict]:
    """The greeting, a question and its answer, a follow-up and its answer."""
    return [
        {"who": "agent", "text": GREET},
        {"who": "caller", "text": LONG_Q[k], "gap": 0.3},
        {"who": "agent", "text": LONG_A[k], "gap": 0.4},
        {"who": "caller", "text": FOLLOW_Q[k], "gap": 0.3},
        {"who": "agent", "text": FOLLOW_A[k], "gap": 0.4},
    ]


def dense_specs(n: int = 24) -> list[dict]:
    """Consultations without holds: question, answer, follow-ups, little silence."""
    out = []
    for i in range(n):
        (aid, name, team, av), cv = _voices(i)
        k = i % 8
        t = _consultation(k)
        labels: list[str] = []
        if i % 4 == 1:
            rule, line = AFTER_HOLD[i % len(AFTER_HOLD)]
            t.append({"who": "caller", "text": LONG_Q[(k + 5) % 8], "gap": 0.3})
            t.append({"who": "agent", "text": line, "gap": 0.4, "label": rule})
        if i % 6 == 2:
            t.append({"who": "caller", "text": LONG_Q[(k + 2) % 8], "gap": 0.3})
            t.append(
                {
                    "who": "agent",
                    "text": "您先别急，这个问题我来给您解释。",
                    "overlap": 2.0,
                    "label": "interruption",
                }
            )
        t.append({"who": "caller", "text": FOLLOW_Q[(k + 1) % 8], "gap": 0.3})
        t.append({"who": "agent", "text": FOLLOW_A[(k + 1) % 8], "gap": 0.4})
        labels += _closing(t, skip=i % 8 == 5)
        out.append(
            {
                "call_id": f"D{i:02d}",
                "agent_id": aid,
                "agent_name": name,
                "team": team,
                "started_at": f"2026-12-0{1 + i % 7}T{9 + i % 8:02d}:10:00",
                "ring_seconds": 5,
                "voices": {"agent": av, "caller": cv},
                "lead_in": 0.5,
                "tail": 0.5,
                "turns": t,
                "call_labels": labels,
            }
        )
    return out


def short_specs(n: int = 24) -> list[dict]:
    """Short talk-dense consultations (30-60 s, most hotline calls): a question, its answer,
    one follow-up, the closing; little silence, no holds."""
    out = []
    for i, spec in enumerate(dense_specs(n)):
        t = _consultation(i % 8)
        labels = _closing(t, skip=i % 8 == 5)
        out.append({**spec, "call_id": f"Q{i:02d}", "turns": t, "call_labels": labels})
    return out


def pii_specs() -> list[dict]:
    """One call where the caller gives an ID-card and a phone number and the agent repeats
    the phone number: tests/data/pii_call (run == rescore on unredacted transcripts)."""
    (aid, name, team, av), cv = _voices(1)
    return [
        {
            "call_id": "P00",
            "agent_id": aid,
            "agent_name": name,
            "team": team,
            "started_at": "2026-12-07T10:30:00",
            "voices": {"agent": av, "caller": cv},
            "turns": [
                {"who": "agent", "text": GREET},
                {
                    "who": "caller",
                    "text": "你好，我想查一下养老保险，我的身份证号码是500101199001011234。",
                },
                {"who": "agent", "text": "好的，请问您的联系电话是多少？"},
                {"who": "caller", "text": "我的电话是13812345678。"},
                {"who": "agent", "text": "您的电话是13812345678，对吧？我帮您登记一下。"},
                {"who": "caller", "text": "到底什么时候能办好？"},
                {"who": "agent", "text": "你问我，我怎么知道！", "label": "forbidden.15"},
                {"who": "caller", "text": "好吧。"},
                {"who": "agent", "text": CLOSE_Q},
                {"who": "caller", "text": "没有了。"},
                {"who": "agent", "text": BYE},
            ],
            "call_labels": [],
        }
    ]


SETS = {"long": long_specs, "dense": dense_specs, "short": short_specs, "pii": pii_specs}

if __name__ == "__main__":
    kind = sys.argv[1] if len(sys.argv) > 1 else "long"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else f"benchmarks/{kind}_set")
    specs = SETS[kind]()
    build(specs, out, Path("/tmp/hotline-qa-tts-cache"), ext="flac")
    print(f"wrote {len(specs)} calls to {out}")
