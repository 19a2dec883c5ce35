"""The filler-word set (manner.fillers): filler-heavy agents and their plain twins.

    python -m benchmarks.synth.manner_calls benchmarks/filler_set
    python -m benchmarks.synth.manner_calls benchmarks/filler_heldout_set heldout
    python -m benchmarks.synth.manner_calls benchmarks/filler_heldout2_set heldout2
    python -m benchmarks.manner --fillers

Each consultation is rendered three times with the same caller:
- `heavy`: the agent's answers carry the tics the norms forbid (七(二)10 频繁使用口头禅), two or
  three per answer (那个, 就是说, 然后呢, 这个, 嗯, 呃): labelled manner.fillers;
- `plain`: the same answers without them, but with 这个/那个 as demonstratives (这个材料,
  那个窗口): a hard negative;
- `light`: one tic in the whole call, as anyone says now and then: a negative.
A fourth render gives the caller the tics and the agent plain answers: a negative (the rule
is about the agent).

The tuning part (`specs("tuning")`) chose the threshold; held-out part 1 (other topics,
other agents, other tics placement) was written with it, looked at once, and then used to
set min_count (see HELDOUT2); part 2, written after, is the held-out figure. Labels come
from this script, never from the rule.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.synth.callgen import build
from benchmarks.synth.sample_calls import BYE, CLOSE_Q, GREET

# Each topic: (caller question, [agent answers: (plain text, heavy text)], caller follow-ups).
# The heavy text is the plain one with tics; the light text has one tic in the first answer.
TUNING = [
    (
        "我想问一下失业金怎么申请？",
        [
            (
                "您需要先到这个街道的就业服务窗口做失业登记。",
                "嗯，那个，您需要先到这个街道的就业服务窗口，就是说，做失业登记。",
            ),
            (
                "登记以后带上身份证和解除劳动合同的证明，到那个经办窗口申请。",
                "然后呢，登记以后，那个，带上身份证和解除劳动合同的证明，就是说，到经办窗口申请。",
            ),
            (
                "审核通过后，失业金每个月发到您的社保卡上。",
                "呃，审核通过后，然后呢，失业金每个月，那个，发到您的社保卡上。",
            ),
        ],
        ["要多久能批下来？", "好的，我知道了。"],
    ),
    (
        "我退休了，养老金每个月什么时候发？",
        [
            (
                "养老金一般在每个月的十五号左右发放。",
                "那个，养老金一般，就是说，在每个月的十五号左右发放。",
            ),
            (
                "这个日期各区县略有不同，您可以在社保卡的银行账户上查看。",
                "嗯，这个日期呢，各区县，那个，略有不同，就是说，您可以在社保卡的银行账户上查看。",
            ),
            (
                "如果到月底还没有到账，您可以拨打我们的电话再问。",
                "然后呢，如果到月底还没有到账，那个，您可以拨打我们的电话，嗯，再问。",
            ),
        ],
        ["那调整以后的钱什么时候补发？", "行，谢谢。"],
    ),
    (
        "医保卡丢了怎么补办？",
        [
            (
                "您可以带上身份证到这个社保卡服务网点补办。",
                "嗯，您可以，那个，带上身份证，就是说，到社保卡服务网点补办。",
            ),
            (
                "补办前要先挂失，挂失可以打银行的电话，也可以在那个网点办理。",
                "然后呢，补办前要先挂失，那个，挂失可以打银行的电话，呃，也可以在网点办理。",
            ),
            (
                "新卡一般十个工作日左右可以领取。",
                "就是说，新卡一般，那个，十个工作日左右，嗯，可以领取。",
            ),
        ],
        ["补办要交钱吗？", "明白了。"],
    ),
    (
        "我换了工作，社保怎么转移？",
        [
            (
                "同一个城市内换工作，新单位直接给您增员就可以。",
                "那个，同一个城市内换工作，就是说，新单位直接给您增员，嗯，就可以。",
            ),
            (
                "跨省的话，您要在新的参保地申请转移接续。",
                "然后呢，跨省的话，那个，您要在新的参保地，就是说，申请转移接续。",
            ),
            (
                "这个手续也可以在国家社会保险公共服务平台上办理。",
                "呃，这个手续呢，那个，也可以在国家社会保险公共服务平台上，嗯，办理。",
            ),
        ],
        ["转过去以前的年限算不算？", "好的。"],
    ),
]

HELDOUT = [
    (
        "生育津贴怎么领？",
        [
            (
                "生育津贴由用人单位在您生育后一年内申报。",
                "就是说，生育津贴呢，那个，由用人单位，嗯，在您生育后一年内申报。",
            ),
            (
                "申报时需要出生医学证明和那个住院病历。",
                "嗯，申报时，然后呢，需要出生医学证明，那个，和住院病历。",
            ),
            (
                "审核通过后津贴会打到单位的账户，再由单位发给您。",
                "那个，审核通过后，就是说，津贴会打到单位的账户，呃，再由单位发给您。",
            ),
        ],
        ["单位不给报怎么办？", "知道了，谢谢你。"],
    ),
    (
        "灵活就业人员怎么交养老保险？",
        [
            (
                "您可以带身份证到户籍所在地的社保经办机构登记。",
                "那个，您可以带身份证，嗯，到户籍所在地的，就是说，社保经办机构登记。",
            ),
            (
                "缴费基数可以在这个上下限之间自己选择。",
                "然后呢，缴费基数，那个，可以在上下限之间，呃，自己选择。",
            ),
            (
                "登记以后可以用手机银行按月或者按年缴费。",
                "嗯，登记以后，就是说，可以用手机银行，那个，按月或者按年缴费。",
            ),
        ],
        ["断交了还能补吗？", "好的，明白。"],
    ),
    (
        "工伤认定要多长时间？",
        [
            (
                "受理以后一般六十天内作出认定决定。",
                "呃，受理以后，那个，一般六十天内，就是说，作出认定决定。",
            ),
            (
                "事实清楚的，可以在十五天内作出决定。",
                "然后呢，事实清楚的，嗯，可以在十五天内，那个，作出决定。",
            ),
            (
                "认定结果会书面通知您和您的单位。",
                "就是说，认定结果呢，那个，会书面通知您，嗯，和您的单位。",
            ),
        ],
        ["要是单位不配合呢？", "行，谢谢。"],
    ),
]

# Part 2 of the held-out set, written after part 1 was looked at (part 1's two misses had
# 3 tics, under the min_count of 4 set before any measurement; min_count became 3 and part 1
# is a tuning part since).
HELDOUT2 = [
    (
        "个人账户里的钱能取出来吗？",
        [
            (
                "个人账户的钱一般在退休以后按月领取。",
                "嗯，个人账户的钱呢，就是说，一般在退休以后，那个，按月领取。",
            ),
            (
                "出国定居或者参保人去世的，可以一次性支取。",
                "然后呢，出国定居，那个，或者参保人去世的，就是说，可以一次性支取。",
            ),
            (
                "具体要带的材料，您可以到那个经办大厅咨询。",
                "呃，具体要带的材料，那个，您可以到经办大厅，嗯，咨询。",
            ),
        ],
        ["去世了家属怎么领？", "好，谢谢。"],
    ),
    (
        "住院报销需要什么手续？",
        [
            (
                "在本地定点医院住院的，出院时直接结算。",
                "就是说，在本地定点医院住院的，那个，出院时，嗯，直接结算。",
            ),
            (
                "异地住院要先做这个备案，再去就医。",
                "那个，异地住院呢，然后呢，要先做备案，就是说，再去就医。",
            ),
            (
                "没有备案的，回来以后带发票和病历到医保窗口报销。",
                "嗯，没有备案的，那个，回来以后，就是说，带发票和病历到医保窗口报销。",
            ),
        ],
        ["备案在哪里办？", "明白了。"],
    ),
]

LIGHT_TIC = "那个，"
CALLER_TICS = ("那个，", "就是说，", "然后呢，", "嗯，")

# The TTS voices of the agents (pitch, tempo, level) and of the callers; the agitation set
# casts the same voices under other agents' names.
AGENT_VOICES = [
    {"f0": 1.05, "speed": 1.0, "gain": 0.7},
    {"f0": 0.85, "speed": 1.02, "gain": 0.72},
    {"f0": 1.15, "speed": 0.96, "gain": 0.68},
    {"f0": 0.8, "speed": 1.05, "gain": 0.7},
    {"f0": 1.1, "speed": 1.04, "gain": 0.7},
    {"f0": 0.9, "speed": 0.98, "gain": 0.72},
]
AGENTS = {
    "tuning": [
        ("8401", "周敏", "六组", AGENT_VOICES[0]),
        ("8402", "吴刚", "六组", AGENT_VOICES[1]),
    ],
    "heldout": [
        ("8501", "郑洁", "七组", AGENT_VOICES[2]),
        ("8502", "冯涛", "七组", AGENT_VOICES[3]),
    ],
    "heldout2": [
        ("8503", "陈露", "七组", AGENT_VOICES[4]),
        ("8504", "许斌", "七组", AGENT_VOICES[5]),
    ],
}
CALLERS = [
    {"f0": 1.25, "speed": 1.05, "gain": 0.65},
    {"f0": 0.72, "speed": 0.95, "gain": 0.7},
    {"f0": 0.9, "speed": 0.9, "gain": 0.7, "warp": 1.08},
]


def call_spec(
    call_id: str, i: int, agent: tuple, caller: dict, turns: list, labels: list, scenario: str
) -> dict:
    """One call of these sets: agent = (id, name, team, voice); `i` spreads start times."""
    aid, name, team, av = agent
    return {
        "call_id": call_id,
        "agent_id": aid,
        "agent_name": name,
        "team": team,
        "started_at": f"2026-12-0{1 + i % 7}T{9 + i % 8:02d}:{(7 * i) % 60:02d}:00",
        "ring_seconds": 4,
        "voices": {"agent": av, "caller": caller},
        "turns": turns,
        "call_labels": labels,
        "hangup_by": "caller",
        "scenario": scenario,
    }


def write(specs_of, default_out: str) -> None:
    """`python -m ... OUT [PART]`: render a part's calls to OUT."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else default_out)
    part = sys.argv[2] if len(sys.argv) > 2 else "tuning"
    s = specs_of(part)
    build(s, out, Path("/tmp/hotline-qa-tts-cache"), ext="flac")
    print(f"wrote {len(s)} calls ({part}) to {out}")


def _turns(question: str, answers: list[str], follow: list[str], caller_tics: bool) -> list[dict]:
    def c(text: str, k: int) -> dict:
        if caller_tics:
            text = CALLER_TICS[k % len(CALLER_TICS)] + text
        return {"who": "caller", "text": text}

    turns = [{"who": "agent", "text": GREET}, c(question, 0)]
    for k, a in enumerate(answers):
        turns.append({"who": "agent", "text": a})
        if k < len(follow):
            turns.append(c(follow[k], k + 1))
    turns += [
        {"who": "agent", "text": CLOSE_Q},
        {"who": "caller", "text": "没有了，谢谢。"},
        {"who": "agent", "text": BYE},
    ]
    return turns


def specs(part: str = "tuning") -> list[dict]:
    topics = {"tuning": TUNING, "heldout": HELDOUT, "heldout2": HELDOUT2}[part]
    prefix = {"tuning": "F", "heldout": "G", "heldout2": "K"}[part]
    out = []
    i = 0
    for t, (question, answers, follow) in enumerate(topics):
        for kind in ("heavy", "plain", "light", "caller-tics"):
            if kind == "heavy":
                said = [h for _, h in answers]
            elif kind == "light":
                said = [LIGHT_TIC + answers[0][0]] + [p for p, _ in answers[1:]]
            else:
                said = [p for p, _ in answers]
            out.append(
                call_spec(
                    f"{prefix}{i:02d}",
                    i,
                    AGENTS[part][i % len(AGENTS[part])],
                    CALLERS[t % len(CALLERS)],
                    _turns(question, said, follow, kind == "caller-tics"),
                    ["manner.fillers"] if kind == "heavy" else [],
                    f"{t}-{kind}",
                )
            )
            i += 1
    return out


if __name__ == "__main__":
    write(specs, "benchmarks/filler_set")
