"""The situational evaluation set: the tuning part.

    python -m benchmarks.synth.situation_calls benchmarks/situation_set
    python -m benchmarks.situations --eval-dir benchmarks/situation_set

For each situation of the Chongqing norms 二(二)6-8, 三, 四, 五, 六: violating calls,
compliant twins whose right answers are paraphrased, and hard negatives (the trigger words
said by the agent, a caller quoting them or negating them, real human voices saying
unrelated things). Labels come from this script, never from the rules. Calls that end by
a transfer, the silent-line protocol or the harassment script carry no closing or hang-up
label: the norms let them end that way. The held-out part, written after tuning, is
`situation_heldout_calls.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.synth.callgen import build
from benchmarks.synth.sample_calls import BYE, CLOSE_Q, GREET

VOICES = Path(__file__).resolve().parents[3] / "shared" / "voices"
AGENTS = [
    ("8301", "黄敏", "四组", {"f0": 1.05, "speed": 1.0, "gain": 0.7}),
    ("8302", "郭强", "四组", {"f0": 0.85, "speed": 1.02, "gain": 0.72}),
    ("8303", "林芳", "五组", {"f0": 1.15, "speed": 0.96, "gain": 0.68}),
]
CALLERS = [
    {"f0": 1.25, "speed": 1.05, "gain": 0.65},
    {"f0": 0.72, "speed": 0.95, "gain": 0.7},
    {"f0": 1.0, "speed": 1.12, "gain": 0.62},
    {"f0": 0.9, "speed": 0.9, "gain": 0.7, "warp": 1.08},
]
# The caller voices of the held-out parts from 19 on (`recast`).
HELDOUT_CALLERS = [
    {"f0": 0.94, "speed": 1.01, "gain": 0.63, "warp": 0.99},
    {"f0": 1.13, "speed": 1.0, "gain": 0.65, "warp": 1.01},
    {"f0": 0.87, "speed": 1.0, "gain": 0.66},
    {"f0": 1.05, "speed": 1.02, "gain": 0.62, "warp": 1.0},
]
CLOSING = [
    {"who": "agent", "text": CLOSE_Q},
    {"who": "caller", "text": "没有了，谢谢。"},
    {"who": "agent", "text": BYE},
]
INSIST = ["situation.complaint.no_transfer", "situation.complaint.no_apology"]
NO_END = ["closing.missing", "closing.question_missing", "hangup.agent_first"]
# A caller who never said a word is owed no closing (the closing is said to someone); an agent
# who hangs up on the silent line without the protocol still hangs up first.
SILENT_END = ["hangup.agent_first"]


def clip(name: str, start: float = 0.0, end: float = 60.0) -> dict:
    return {"file": str(VOICES / name), "start": start, "end": end}


# The norms' scripts the held-out parts' compliant twins say: 四（四）'s judgement answer (the
# office that decides filled in) and 二（二）6's identity check.
JUDGE_SCRIPT = (
    "由于涉及到当事人相关资料的审核，暂时无法做出判断，请您按照正常程序办理，{}会做出处理决定的。"
)
VERIFY = "为了您的个人信息安全，请根据语音提示进行身份验证。"


def A(text: str, label: str | list[str] | None = None, **kw) -> dict:
    return {"who": "agent", "text": text, **({"label": label} if label else {}), **kw}


def C(text: str, label: str | list[str] | None = None, **kw) -> dict:
    return {"who": "caller", "text": text, **({"label": label} if label else {}), **kw}


def R(name: str, start: float = 0.0, end: float = 60.0, label: str | None = None) -> dict:
    """A real human voice on the caller's side (../shared/voices; test data only)."""
    return {"who": "caller", "clip": clip(name, start, end), **({"label": label} if label else {})}


# (name, turns, call labels, who hangs up). A turn's `label` marks the trigger turn.
SCENARIOS: list[tuple[str, list[dict], list[str], str]] = [
    # -- 三(三): complaint → apology -----------------------------------------------------
    (
        "complaint-v1",
        [
            C(
                "你们上次那个接线员态度太差了，我问个问题都爱答不理的。",
                "situation.complaint.no_apology",
            ),
            A("您要咨询什么问题？"),
            C("失业金怎么领？"),
            A("失业金需要先办理失业登记，再到经办机构申请。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "complaint-v2",
        [
            C("我想问一下养老保险的事。"),
            A("好的，您请讲。"),
            C(
                "你们这服务也太差劲了，每次打电话问的答案都不一样。",
                "situation.complaint.no_apology",
            ),
            A("养老保险要以经办机构的答复为准。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "complaint-c1",
        [
            C("你们上次那个接线员态度太差了，我问个问题都爱答不理的。"),
            A("非常抱歉，给您带来不便，请您谅解。请将详细情况告诉我，我来帮您解决好吗？"),
            C("就是失业金的事。"),
            A("失业金需要先办理失业登记。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "complaint-c2",
        [
            C("之前那个客服说得不清不楚，害我白跑了一趟。"),
            A("实在不好意思，是我们的工作没做到位，我来帮您把材料讲清楚。"),
            C("好的。"),
            A("您需要带身份证和户口本。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "complaint-n1",
        [
            C("我邻居跟我说你们这个热线挺好的，我就打过来问问医保的事。"),
            A("好的，医保的什么问题呢？"),
            C("异地就医要备案吗？"),
            A("需要先办理异地就医备案。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # -- 五(一)(二): insisting on a complaint → transfer to 班长席, never refuse --------
    (
        "insist-v1",
        [
            C("我要投诉你们那个咨询员！", INSIST),
            A("投诉也没用，我们这边不接受投诉。"),
            C("你这是什么态度！"),
            A("您还有别的问题吗？"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "insist-v2",
        [
            C("我要投诉，你把你们领导叫来！", INSIST),
            A("您先说说是什么问题吧。"),
            C("我就是要投诉上次接电话的人。"),
            A("您说的问题我已经记下了。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "insist-c1",
        [
            C("我要投诉你们那个咨询员！"),
            A(
                "我们的服务给您带来了不便，非常抱歉，现在为您转接到班长席，由我们的班长为您处理，好吗？"
            ),
            C("好的。"),
        ],
        [],
        "agent",
    ),
    (
        "insist-c2",
        [
            C("我要投诉上次接电话的那个人。"),
            A("真的很抱歉，我帮您转给我们的班长，让他来处理，好吗？"),
            C("行吧。"),
        ],
        [],
        "agent",
    ),
    (
        "insist-n1",
        [
            C("我想问一下，单位不给交社保的话去哪里反映？"),
            A("您可以向劳动监察大队投诉，也可以申请劳动仲裁。"),
            C("好的，我知道了。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # -- 三(六): an upset caller → comfort -------------------------------------------------
    (
        "upset-v1",
        [
            C("我跑了五六趟了，你们到底管不管啊！气死我了！", "situation.upset.no_comfort"),
            A("这个需要您单位先出证明。"),
            C("那我再去问问。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "upset-v2",
        [
            C("我想问下医保扣费的事。"),
            A("好的，您说。"),
            C("凭什么扣我的钱！这钱是我的血汗钱！", "situation.upset.no_comfort"),
            A("扣款是根据缴费基数计算的。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "upset-c1",
        [
            C("我跑了五六趟了，你们到底管不管啊！气死我了！"),
            A("您的心情我理解，您先别着急，我帮您看看还需要什么材料。"),
            C("好吧。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "upset-c2",
        [
            C("凭什么扣我的钱！这钱是我的血汗钱！"),
            A("您先消消气，我们一起来把这个事情弄清楚。"),
            C("那你说。"),
            A("扣款是根据缴费基数计算的。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "upset-n1",
        [
            C("我不着急，你慢慢查，我就是想问问退休的事。"),
            A("好的，请问您今年多大年纪？"),
            C("五十八了。"),
            A("男职工六十周岁可以办理退休。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # -- 三(五), 四(五): waiting / a line hard to get through → apology --------------------
    (
        "wait-v1",
        [
            C("你们这电话太难打了，我打了一上午才打通。", "situation.wait.no_apology"),
            A("请问您要咨询什么问题？"),
            C("社保卡怎么激活？"),
            A("社保卡可以到银行网点激活。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "wait-v2",
        [
            C("灵活就业能按月交吗？"),
            A("请稍等，不要挂机，我立即帮您查询。"),
            {"hold": 12},
            C("你查好了没有，怎么这么慢啊？", "situation.wait.no_apology"),
            A("查到了，灵活就业人员可以按月缴纳。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "wait-c1",
        [
            C("你们这电话太难打了，我打了一上午才打通。"),
            A(
                "非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。请问有什么可以帮您？"
            ),
            C("社保卡怎么激活？"),
            A("社保卡可以到银行网点激活。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "wait-c2",
        [
            C("灵活就业能按月交吗？"),
            A("请稍等，不要挂机，我立即帮您查询。"),
            {"hold": 12},
            C("你查好了没有，怎么这么慢啊？"),
            A("不好意思让您久等了，查到了，可以按月缴纳。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "wait-n1",
        [
            C("生育津贴怎么算？"),
            A("请稍等，不要挂机，我立即帮您查询。"),
            {"hold": 10},
            A("感谢您的耐心等待，生育津贴按单位上年度职工月平均工资计算。"),
            C("不急不急，我明白了。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # -- 四(一): an unanswerable question → 班长席/专家席 or the 5-day callback ------------
    (
        "unanswered-v1",
        [
            C("灵活就业人员的社保补贴怎么申请？"),
            A("这个问题我们暂时查不到您需要的资料。", "situation.unanswered.no_followup"),
            C("哦，那好吧。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "unanswered-v2",
        [
            C("我们区的创业补贴今年还有吗？"),
            A("您说的这个政策我这边暂时无法答复。", "situation.unanswered.no_followup"),
            C("那怎么办？"),
            A("您可以再关注一下相关通知。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "unanswered-c1",
        [
            C("灵活就业人员的社保补贴怎么申请？"),
            A("我们暂时查不到您需要的资料，我将把您的电话转至专家席，好吗？"),
            C("好的。"),
        ],
        [],
        "agent",
    ),
    (
        "unanswered-c2",
        [
            C("我们区的创业补贴今年还有吗？"),
            A("对不起，您的问题我们暂时无法回答，我们将咨询有关部门，并在五个工作日内与您联系。"),
            C("好的，谢谢。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "unanswered-n1",
        [
            C("我在网上查不到这个政策，所以打电话问问，失业金能领几个月？"),
            A("失业金的领取期限根据缴费年限确定，最长二十四个月。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # -- 四(六)(七): the silent line → prompt, wait 5 s, then hang up ------------------------
    (
        "silent-v1",
        [{"silence": 10, "labels": ["situation.no_response.no_prompt"]}],
        SILENT_END,
        "agent",
    ),
    (
        "silent-v2",
        [
            C("我想问一下养老保险的事。"),
            A("请问您是哪个区的参保人员呢？"),
            {"silence": 12, "labels": ["situation.no_response.no_prompt"]},
        ],
        NO_END,
        "agent",
    ),
    (
        "silent-v3",
        [
            {"silence": 9, "labels": ["situation.no_response.no_prompt"]},
            A("您好，请问您能听到我的声音吗？"),
            {"silence": 1.5},
        ],
        SILENT_END,
        "agent",
    ),
    (
        "silent-c1",
        [{"silence": 9}, A("您好，请问您能听到我的声音吗？"), {"silence": 6}],
        [],
        "agent",
    ),
    (
        "silent-c2",
        [{"silence": 9}, A("对不起，我听到的声音很小，请您再讲一遍好吗？"), {"silence": 6.5}],
        [],
        "agent",
    ),
    (
        "silent-n1",
        [
            {"silence": 5},
            C("喂？你好，我想问一下社保卡的事。"),
            A("好的，社保卡的什么问题？"),
            C("丢了怎么补办？"),
            A("您可以到银行网点补办。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # -- 二(二)6: personal records → identity verification before any data ---------------
    (
        "personal-v1",
        [
            C("帮我查一下我的缴费记录。", "situation.personal_info.no_verification"),
            A("您的缴费记录显示已经连续缴了十年。"),
            C("好的。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "personal-v2",
        [
            C("我的医保卡里还有多少钱？你帮我看看。", "situation.personal_info.no_verification"),
            A("好的，您医保账户里还有两千多元。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "personal-c1",
        [
            C("帮我查一下我交了多少年社保。"),
            A("为了您的个人信息安全，请根据语音提示进行身份验证。"),
            C("好的。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "personal-c2",
        [
            C("我的养老金到账没有，你帮我查查。"),
            A("我需要先核实一下您的身份，请您根据语音提示输入密码。"),
            C("行。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "personal-n1",
        [
            C("网上怎么查缴费记录？"),
            A("您可以通过手机应用查询个人缴费记录。"),
            C("好的，谢谢。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # -- the rest of 三/四/五/六 ---------------------------------------------------------------
    (
        "praise-v",
        [
            C("失业金怎么领？"),
            A("失业金需要先办理失业登记，再到经办机构申请。"),
            C("你讲得真清楚，太感谢你了。", "situation.praise.no_reply"),
            A("嗯，那就这样。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "praise-c",
        [
            C("失业金怎么领？"),
            A("失业金需要先办理失业登记，再到经办机构申请。"),
            C("你讲得真清楚，太感谢你了。"),
            A("不客气，这是我们应该做的。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "apology-v",
        [
            C("对不起，刚才我太激动了，说话冲了点。", "situation.caller_apology.no_reply"),
            A("嗯，您继续说吧。"),
            C("就是工伤认定的事。"),
            A("工伤认定需要单位在三十日内申请。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "apology-c",
        [
            C("对不起，刚才我太激动了，说话冲了点。"),
            A("没关系，我能理解您当时的心情。"),
            C("就是工伤认定的事。"),
            A("工伤认定需要单位在三十日内申请。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "narrative-v",
        [
            C("我想说一下我的情况。"),
            R("vibevoice_zh-Bowen_man.wav", label="situation.narrative.no_backchannel"),
            R("stepaudioeditx_vad_prompt.wav"),
            R("mossttsd_pod_m.wav"),
            A("您可以去劳动监察大队反映。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "narrative-c",
        [
            C("我想说一下我的情况。"),
            R("vibevoice_zh-Bowen_man.wav"),
            R("stepaudioeditx_vad_prompt.wav"),
            R("mossttsd_pod_m.wav"),
            A("我明白，您可以去劳动监察大队反映。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "scope-v",
        [
            C("我想问一下驾照到期了怎么换？", "situation.out_of_scope.no_script"),
            A("驾照要去车管所换。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "scope-c",
        [
            C("我想问一下驾照到期了怎么换？"),
            A("对不起，目前我们只提供人力社保相关业务咨询服务，您的问题超出了我们的服务范围。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "judge-v",
        [
            C("你说我这个工伤鉴定能过吗？", "situation.judgement.no_script"),
            A("应该能过吧，您放宽心。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "judge-c",
        [
            C("你说我这个工伤鉴定能过吗？"),
            A("由于涉及到当事人相关资料的审核，暂时无法做出判断，请您按照正常程序办理。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "identity-v",
        [
            C("你们这里是社保局吗？", "situation.identity.no_script"),
            A("是的，您说。"),
            C("养老保险怎么转移？"),
            A("您需要到转入地经办机构申请。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "identity-c",
        [
            C("你们这里是社保局吗？"),
            A(
                "我们这里是重庆市一二三三三人力社保咨询服务中心，如果您有社保方面的问题可以进行咨询。"
            ),
            C("养老保险怎么转移？"),
            A("您需要到转入地经办机构申请。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "curse-v",
        [
            C("你们都是一群废物！", "situation.cursing.no_redirect"),
            A("您要问什么？"),
            C("养老金为什么停发了？"),
            A("养老金停发一般是没有按时认证。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "curse-c",
        [
            C("你们都是一群废物！"),
            A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的问题是养老金停发吗？"),
            C("对。"),
            A("养老金停发一般是没有按时认证。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "system-v",
        [
            C("灵活就业的参保手续怎么办？"),
            A(
                "不好意思，电脑系统突然出现故障，我暂时不方便为您服务。",
                "situation.system_failure.no_callback",
            ),
            C("那怎么办？"),
            A("您稍后再打吧。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "system-c",
        [
            C("灵活就业的参保手续怎么办？"),
            A(
                "非常抱歉，电脑系统突然出现故障，我暂时不方便为您服务，请留下您的姓名和电话，我们将尽快与您联系。"
            ),
            C("好的，我姓王。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # -- lawful endings and real voices saying unrelated things --------------------------
    (
        "harass",
        [R("sparktts_prompt_audio.wav"), A("对不起，您的问题与我们的服务无关，我将挂断您的电话。")],
        [],
        "agent",
    ),
    (
        "real-n1",
        [
            R("stepaudioeditx_vad_prompt.wav"),
            A("您说的是医疗费用报销的比例吧，住院费用按规定比例报销。"),
            C("好的。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "real-n2",
        [
            R("fireredtts2_zh_S2.wav"),
            A("您是问政策和您预想的不一样的地方吧，您具体说说。"),
            R("mossttsd_pod_f.wav"),
            A("好的，我明白了，转专业不影响参保。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "plain-end",
        [C("医保断缴了有什么影响？"), A("断缴期间发生的医疗费用不能报销。"), C("好吧。")],
        ["closing.missing", "closing.question_missing", "hangup.agent_first"],
        "agent",
    ),
]


def specs(scenarios=SCENARIOS, prefix: str = "S") -> list[dict]:
    out = []
    for i, (name, turns, call_labels, hangup) in enumerate(scenarios):
        aid, aname, team, av = AGENTS[i % len(AGENTS)]
        out.append(
            {
                "call_id": f"{prefix}{i:02d}",
                "agent_id": aid,
                "agent_name": aname,
                "team": team,
                "started_at": f"2026-12-0{1 + i % 7}T{9 + i % 8:02d}:{(7 * i) % 60:02d}:00",
                "ring_seconds": 5,
                "voices": {"agent": av, "caller": CALLERS[i % len(CALLERS)]},
                "turns": [{"who": "agent", "text": GREET}, *turns],
                "call_labels": list(call_labels),
                "hangup_by": hangup,
                "scenario": name,
            }
        )
    return out


def pair(name: str, trigger: str, label, wrong: list[dict], right: list[dict], after=(),
         closing=(), opening=()) -> list[tuple]:  # fmt: skip
    """A violation and its compliant twin: the same caller line, then the agent's answer (the
    held-out parts' scenarios). `opening`: turns before the trigger, so that it comes in the
    middle of the call, as on a real line."""
    tail = [*after, *closing]
    return [
        (f"{name}-v", [*opening, C(trigger, label), *wrong, *tail], [], "caller"),
        (f"{name}-c", [*opening, C(trigger), *right, *tail], [], "caller"),
    ]


def negative(name: str, turns: list[dict], closing=()) -> tuple:
    """A hard negative of the held-out parts: no situation, a trigger's words in another
    sense."""
    return (name, [*turns, *closing], [], "caller")


def recast(out: list[dict], agents: list[tuple], callers: list[dict]) -> list[dict]:
    """The same scenarios with another cast: the held-out parts use other agents and voices."""
    for i, s in enumerate(out):
        aid, name, team, av = agents[i % len(agents)]
        s.update(agent_id=aid, agent_name=name, team=team)
        s["voices"] = {"agent": av, "caller": callers[i % len(callers)]}
    return out


def render_set(calls: list[dict], out: Path) -> None:
    """A situational set's audio, labels and manifest (TTS, cached across sets)."""
    build(calls, out, Path("/tmp/hotline-qa-tts-cache"), ext="flac")


def write_set(calls: list[dict], default_dir: str) -> None:
    """The command line of each situational set's module: render it into argv[1]."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else default_dir)
    render_set(calls, out)
    print(f"wrote {len(calls)} calls to {out}")


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_set")
