"""The situational held-out set, part 5: written on 2026-12-07 after the second checks on the
evidence (an out-of-scope question names another office's business; a caller's apology owns
up), the specific situations an upset reading gives way to (咒骂, 电话难打) and the hard
negatives of not understanding; written before any run of it and never tuned on.

Violations with compliant twins in wording none of the earlier parts use, most of them in
the middle of a call after an ordinary question; hard negatives that share words with a
trigger (a caller who says 投诉 of an employer, 等 of a bus, 骂 of a neighbour, 不好意思 as a
filler, 在哪里办 of an in-scope service); and an ordinary call with no situation.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout5_set
"""

from __future__ import annotations

from functools import partial

from benchmarks.synth.situation_calls import A, C, negative, recast, write_set
from benchmarks.synth.situation_calls import pair as _pair
from benchmarks.synth.situation_calls import specs as _specs

CLOSING = [A("您看还有别的需要问的吗？"), C("没有了，谢谢。"), A("好的，感谢来电，再见。")]
OPENING = [C("你好，我想问一下灵活就业的养老保险。"), A("灵活就业人员可以按年或者按月缴纳。")]


# The trigger after an ordinary first exchange (mid-call, as on a real line), and the hard
# negatives, both closed as every call of the part is.
pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)


SCENARIOS = [
    *pair(
        "q-complaint",
        "说起来我就来气，上回你们这边有个女的，我问三句她答一句，爱理不理的。",
        "situation.complaint.no_apology",
        [A("那个我不清楚，您现在问什么？")],
        [A("给您添堵了，真的很抱歉，今天您有什么问题尽管问我。")],
    ),
    *pair(
        "q-upset",
        "我这个月房租都交不起了，钱还不到账，你说我咋个活嘛！",
        "situation.upset.no_comfort",
        [A("到账时间以银行为准。")],
        [A("您先别着急，我理解您的难处，我帮您看看是卡在哪个环节了。")],
    ),
    *pair(
        "q-wait",
        "你们这个电话太难打通了，我从早上八点打到现在。",
        "situation.wait.no_apology",
        [A("现在打通了，您说吧。")],
        [A("实在抱歉让您久等了，这段时间来电量比较大，您请讲。")],
    ),
    *pair(
        "q-records",
        "你帮我查一下我去年一共交了几个月的养老保险。",
        "situation.personal_info.no_verification",
        [A("您去年一共缴了十个月。")],
        [A("为了您的个人信息安全，请您按照语音提示先验证一下身份。")],
    ),
    *pair(
        "q-scope",
        "顺便问一下，我家娃儿的户口要迁到重庆来，要准备些啥子？",
        "situation.out_of_scope.no_script",
        [A("带上户口本就行了吧。")],
        [A("不好意思，户口迁移超出了我们的服务范围，建议您向派出所咨询。")],
    ),
    *pair(
        "q-praise",
        "小伙子你太耐心了，比我跑窗口问的清楚多了，感谢感谢。",
        "situation.praise.no_reply",
        [A("那没什么事我挂了。")],
        [A("您太客气了，这是我们应该做的。")],
    ),
    *pair(
        "q-sorry",
        "不好意思哈，我刚才嗓门大了点，不是冲你发火。",
        "situation.caller_apology.no_reply",
        [A("您接着说吧。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "q-cursing",
        "你们这帮吃干饭的，拿着工资不办事，简直是混账！",
        "situation.cursing.no_redirect",
        [A("你嘴巴放干净点。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您是要办哪项业务？")],
    ),
    *pair(
        "q-judge",
        "你就直接跟我说，我这个情况仲裁能不能赢？",
        "situation.judgement.no_script",
        [A("您这种情况肯定能赢。")],
        [A("这涉及当事人相关资料的审核，我们暂时无法做出判断，仲裁委会做出处理决定的。")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "q-neg-employer",
        [
            C("我要投诉我们公司，他们一直不给我们交工伤保险，去哪里投诉？"),
            A("您可以向劳动保障监察支队举报。"),
        ],  # fmt: skip
    ),
    plain(
        "q-neg-bus",
        [
            C("我等公交的时候顺便打个电话，问一下医保卡丢了怎么补办。"),
            A("您可以到社保卡服务网点挂失补办。"),
        ],  # fmt: skip
    ),
    plain(
        "q-neg-neighbour",
        [
            C("我邻居天天骂她儿子不去交社保，我就帮她问问，自由职业咋个交？"),
            A("可以以灵活就业人员身份参保。"),
        ],  # fmt: skip
    ),
    plain(
        "q-neg-filler",
        [
            C("不好意思哈，打扰你一下，退休要准备哪些材料？"),
            A("需要身份证、户口本和档案。"),
        ],  # fmt: skip
    ),
    plain(
        "q-neg-where",
        [
            C("生育津贴在哪里办？"),
            A("由单位在网上申报。"),
            C("我没听太懂，单位在哪里申报？"),
            A("在重庆人社的网上经办大厅。"),
        ],  # fmt: skip
    ),
    plain(
        "q-neg-ordinary",
        [
            C("喂，是社保吗？我想问一下失业了能领多久的钱。"),
            A("按缴费年限计算，最长二十四个月。"),
            C("那我交了五年呢？"),
            A("缴满五年不满十年的，最长领十八个月。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="Q")
    agents = [
        ("8361", "何敏", "十一组", {"f0": 1.08, "speed": 1.0, "gain": 0.7, "warp": 1.02}),
        ("8362", "罗刚", "十一组", {"f0": 0.8, "speed": 1.04, "gain": 0.7}),
    ]
    callers = [
        {"f0": 0.92, "speed": 1.05, "gain": 0.63, "warp": 0.96},
        {"f0": 1.22, "speed": 0.97, "gain": 0.64},
        {"f0": 1.0, "speed": 1.08, "gain": 0.66, "warp": 1.04},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout5_set")
