"""The situational held-out set: written after the situational rules, the
intent corpus and the thresholds were tuned on `situation_calls.py`; nothing was changed
after looking at its results.

    python -m benchmarks.situations --heldout

New wording for every trigger and every right answer, other agents and callers, other
real voices, other orders of events.
"""

from __future__ import annotations

from benchmarks.synth.situation_calls import SILENT_END, A, C, R, recast, write_set
from benchmarks.synth.situation_calls import specs as _specs

CLOSING = [
    A("请问您还有其他问题需要咨询吗？"),
    C("没了，谢谢你。"),
    A("感谢您的来电，再见。"),
]
INSIST = ["situation.complaint.no_transfer", "situation.complaint.no_apology"]

SCENARIOS = [
    # complaint → apology
    (
        "h-complaint-v1",
        [
            C("社保转移的事。"),
            A("好的，您说。"),
            C("昨天跟我说的和今天说的根本对不上，你们怎么搞的。", "situation.complaint.no_apology"),
            A("转移需要转出地开具参保凭证。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-complaint-v2",
        [
            C("上一个接线员把我当皮球踢，让我打这个打那个。", "situation.complaint.no_apology"),
            A("那您现在要问什么？"),
            C("工伤报销。"),
            A("工伤医疗费用由工伤保险基金支付。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-complaint-c1",
        [
            C("上一个接线员把我当皮球踢，让我打这个打那个。"),
            A("对不起，给您带来不便了，请您谅解，您把情况告诉我，我来帮您解决。"),
            C("工伤报销。"),
            A("工伤医疗费用由工伤保险基金支付。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-complaint-c2",
        [
            C("你们的人连基本政策都讲不明白。"),
            A("很抱歉让您有这样的感受，这个政策我给您详细说一下。"),
            C("好。"),
            A("灵活就业人员可以自愿参加职工养老保险。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # insisting → transfer
    (
        "h-insist-v1",
        [
            C("让你们班长来听电话，我要投诉！", INSIST),
            A("班长很忙，没空接您的电话。"),
            C("那算了。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-insist-c1",
        [
            C("我今天一定要投诉你们那个工作人员。"),
            A("给您带来的不便我们非常抱歉，现在为您转接到班长席，好吗？"),
            C("可以。"),
        ],
        [],
        "agent",
    ),
    (
        "h-insist-n1",
        [
            C("我朋友说他投诉过，后来处理得挺好的，我想问下医保的事。"),
            A("好的，医保的什么问题？"),
            C("门诊能报销吗？"),
            A("门诊费用可以按规定比例报销。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # upset → comfort
    (
        "h-upset-v1",
        [
            C("我都六十多了还让我来回折腾，你们还讲不讲道理了！", "situation.upset.no_comfort"),
            A("材料不全是办不了的。"),
            C("唉。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-upset-c1",
        [
            C("我都六十多了还让我来回折腾，你们还讲不讲道理了！"),
            A("我理解您的心情，您别着急，我把需要的材料一次给您说清楚。"),
            C("你说吧。"),
            A("您需要带身份证和退休审批表。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-upset-n1",
        [
            C("你慢慢查，我不着急的。"),
            A("好的，请稍等，不要挂机，我立即帮您查询。"),
            {"hold": 8},
            A("感谢您的耐心等待，已经查到了，您的问题需要单位办理。"),
            C("好的。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # waiting
    (
        "h-wait-v1",
        [
            C("我从早上八点打到现在才接通。", "situation.wait.no_apology"),
            A("您要问什么？"),
            C("医保怎么转移？"),
            A("您需要到转入地办理医保关系转移。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-wait-c1",
        [
            C("我从早上八点打到现在才接通。"),
            A("实在抱歉，打电话的人比较多，让您久等了，请问有什么可以帮您？"),
            C("医保怎么转移？"),
            A("您需要到转入地办理医保关系转移。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # unanswerable
    (
        "h-unanswered-v1",
        [
            C("我们这个新开发区的社保补贴标准是多少？"),
            A("这个我们暂时无法回答。", "situation.unanswered.no_followup"),
            C("那好吧。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-unanswered-c1",
        [
            C("我们这个新开发区的社保补贴标准是多少？"),
            A("这个问题我们暂时无法回答，我们将咨询有关部门，五个工作日内给您回电话。"),
            C("好的。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # silent line
    (
        "h-silent-v1",
        [{"silence": 11, "labels": ["situation.no_response.no_prompt"]}],
        SILENT_END,
        "agent",
    ),
    (
        "h-silent-v2",
        [
            {"silence": 10, "labels": ["situation.no_response.no_prompt"]},
            A("您好，请问您能听到我的声音吗？"),
            {"silence": 2},
        ],
        SILENT_END,
        "agent",
    ),
    (
        "h-silent-c1",
        [{"silence": 10}, A("您好，请问您能听到我的声音吗？"), {"silence": 7}],
        [],
        "agent",
    ),
    # personal records
    (
        "h-personal-v1",
        [
            C("麻烦查一下我的养老保险交到哪个月了。", "situation.personal_info.no_verification"),
            A("您的养老保险已经缴到上个月了。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-personal-c1",
        [
            C("麻烦查一下我的养老保险交到哪个月了。"),
            A("为了保护您的个人信息安全，请您根据语音提示进行身份验证。"),
            C("好的。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-personal-n1",
        [C("养老金一个月能发多少？"), A("养老金根据缴费年限和缴费基数计算。"), *CLOSING],
        [],
        "caller",
    ),
    # the rest
    (
        "h-praise-v",
        [C("姑娘你讲得真好，我一下就懂了。", "situation.praise.no_reply"), A("嗯。"), *CLOSING],
        [],
        "caller",
    ),
    (
        "h-praise-c",
        [C("姑娘你讲得真好，我一下就懂了。"), A("不用谢，这是我们应该做的。"), *CLOSING],
        [],
        "caller",
    ),
    (
        "h-apology-v",
        [
            C("刚才是我不对，不该冲你发脾气。", "situation.caller_apology.no_reply"),
            A("您还要问什么？"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-apology-c",
        [C("刚才是我不对，不该冲你发脾气。"), A("没关系，我能理解。"), *CLOSING],
        [],
        "caller",
    ),
    (
        "h-scope-v",
        [
            C("请问出入境签证怎么办理？", "situation.out_of_scope.no_script"),
            A("签证要去出入境那边。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-scope-c",
        [
            C("请问出入境签证怎么办理？"),
            A("对不起，您的问题超出了我们的服务范围，我们只提供人力社保相关业务咨询。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-judge-v",
        [C("我跟老板打官司能赢吗？", "situation.judgement.no_script"), A("我觉得能赢。"), *CLOSING],
        [],
        "caller",
    ),
    (
        "h-curse-v",
        [C("你们这帮蠢货！", "situation.cursing.no_redirect"), A("您到底要问什么？"), *CLOSING],
        [],
        "caller",
    ),
    (
        "h-curse-c",
        [
            C("你们这帮蠢货！"),
            A("女士，打扰您一下，我们先来讨论您的问题好吗？"),
            C("好吧。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-narrative-v",
        [
            R("vibevoice_zh-Xinran_woman.wav", label="situation.narrative.no_backchannel"),
            R("mossttsd_pod_f.wav"),
            A("您这个情况可以申请劳动仲裁。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-narrative-c",
        [
            R("vibevoice_zh-Xinran_woman.wav"),
            R("mossttsd_pod_f.wav"),
            A("嗯，我理解，您这个情况可以申请劳动仲裁。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-real-n1",
        [
            R("mossttsd_zh_spk1_moon.wav"),
            A("您是问直播时间吧？我们这里是人力社保咨询热线。"),
            R("soulx_female_mandarin.wav"),
            A("好的，如果有社保方面的问题欢迎来电。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "h-transfer-end",
        [
            C("我的工伤认定结果不服怎么办？"),
            A("这个情况比较复杂，我把您的电话转至专家席，好吗？"),
            C("好的。"),
        ],
        [],
        "agent",
    ),
    (
        "h-plain-end",
        [C("生育津贴怎么领？"), A("生育津贴由单位申领后发放。")],
        ["closing.missing", "closing.question_missing", "hangup.agent_first"],
        "agent",
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="T")
    agents = [
        ("8311", "韩雪", "六组", {"f0": 1.2, "speed": 0.98, "gain": 0.7}),
        ("8312", "彭涛", "六组", {"f0": 0.8, "speed": 1.06, "gain": 0.72}),
    ]
    callers = [
        {"f0": 1.35, "speed": 1.0, "gain": 0.62},
        {"f0": 0.7, "speed": 1.08, "gain": 0.7, "warp": 0.95},
        {"f0": 1.05, "speed": 0.93, "gain": 0.66, "warp": 1.05},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout_set")
