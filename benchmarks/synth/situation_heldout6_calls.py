"""The situational held-out set, part 6: written on 2026-12-07 after the throughput work of
that date (pitch near speech only, numpy's threads, the run's own Prefect server), before
any run of it, and never tuned on.

Two violations per situation family, each with its compliant twin, in wording none of the
earlier parts use: one in plain Mandarin, one colloquial or in Chongqing phrasing, every
trigger in the middle of a call after an ordinary exchange about medical insurance. With
two positives a family, one miss reads as recall 0.5, not 0. Hard negatives share words
with a trigger (骂 of a boss, 等 of a result, 户口 of an in-scope question, 谢谢 in the
middle of a call, 不好意思 to ask again, 投诉 of a shop), and one ordinary call.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout6_set
"""

from __future__ import annotations

from functools import partial

from benchmarks.synth.situation_calls import A, C, negative, recast, write_set
from benchmarks.synth.situation_calls import pair as _pair
from benchmarks.synth.situation_calls import specs as _specs

CLOSING = [A("请问您还有其他问题吗？"), C("没得了。"), A("感谢您的来电，再见。")]
OPENING = [
    C("喂，你好，我问一下医保报销的比例是多少。"),
    A("职工医保在三级医院住院报销比例大约是百分之八十五。"),
]


# The trigger after an ordinary first exchange (mid-call, as on a real line), and the hard
# negatives, both closed as every call of the part is.
pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)


SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "r-complaint-1",
        "我对你们上次那个接线员很有意见，话没说完就把电话挂了。",
        "situation.complaint.no_apology",
        [A("那您现在要问什么？")],
        [A("非常抱歉给您带来不好的体验，您有什么问题我来帮您解答。")],
    ),
    *pair(
        "r-complaint-2",
        "你们那个同事讲的政策跟你讲的完全不一样，到底哪个是对的嘛，搞得我白跑一趟。",
        "situation.complaint.no_apology",
        [A("以我说的为准。")],
        [A("对不起，让您白跑了一趟，给您带来不便请您谅解，我把正确的政策再跟您讲一遍。")],
    ),
    # 三（六）情绪激动
    *pair(
        "r-upset-1",
        "我真的要崩溃了，跑了五六趟都没办下来，你们到底要我怎么样！",
        "situation.upset.no_comfort",
        [A("材料齐了就能办。")],
        [A("您的心情我理解，您先消消气，我们一起看看还差哪样材料。")],
    ),
    *pair(
        "r-upset-2",
        "老子一把年纪了还要天天跑，心头冒火，烦都烦死了！",
        "situation.upset.no_comfort",
        [A("那您可以让家属来办。")],
        [A("您别着急，我能理解您的心情，我看看能不能帮您在网上办。")],
    ),
    # 四（一）电话难打/久等
    *pair(
        "r-wait-1",
        "我打了一上午都是忙音，好不容易才接通。",
        "situation.wait.no_apology",
        [A("嗯，您请说。")],
        [A("不好意思让您久等了，现在来电比较多，请您讲。")],
    ),
    *pair(
        "r-wait-2",
        "你们这个热线硬是难得打进来哦，排了半个钟头的队。",
        "situation.wait.no_apology",
        [A("排队是正常的。")],
        [A("抱歉让您等了这么久，请问您要咨询什么？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "r-records-1",
        "麻烦你帮我看一下我医保卡里面现在还剩多少钱。",
        "situation.personal_info.no_verification",
        [A("您的医保个人账户还剩两千三百元。")],
        [A("为了您的个人信息安全，请根据语音提示进行身份验证。")],
    ),
    *pair(
        "r-records-2",
        "我想晓得我的养老保险到底断没断过，你帮我查一下嘛。",
        "situation.personal_info.no_verification",
        [A("您的养老保险是连续缴纳的，没有断过。")],
        [A("为了您的信息安全，请您先按语音提示验证身份，我再帮您查询。")],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "r-scope-1",
        "另外我想问一下，住房公积金怎么提取出来？",
        "situation.out_of_scope.no_script",
        [A("公积金要带身份证去银行办。")],
        [
            A(
                "对不起，目前我们只提供人力社保相关业务咨询服务，公积金的问题建议您拨打公积金中心的电话。"
            )
        ],
    ),
    *pair(
        "r-scope-2",
        "还有个事，我驾照过期了，去哪里换嘛？",
        "situation.out_of_scope.no_script",
        [A("你去车管所嘛。")],
        [A("不好意思，驾照的问题超出了我们的服务范围，建议您咨询交警部门。")],
    ),
    # 三（一）表扬/致谢
    *pair(
        "r-praise-1",
        "你讲得太清楚了，比我们单位那个人事讲得明白多了，真的谢谢你。",
        "situation.praise.no_reply",
        [A("嗯，挂了哈。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "r-praise-2",
        "妹儿你好有耐心哦，给你点个赞。",
        "situation.praise.no_reply",
        [A("还有事没？")],
        [A("不客气，能帮到您就好。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "r-sorry-1",
        "刚才是我语气不好，你别往心里去。",
        "situation.caller_apology.no_reply",
        [A("您继续说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "r-sorry-2",
        "对不住哈，我刚刚说话冲了点，主要是太着急了。",
        "situation.caller_apology.no_reply",
        [A("嗯，那您到底要办什么？")],
        [A("没事的，我理解，您慢慢说。")],
    ),
    # 四（三）咒骂
    *pair(
        "r-cursing-1",
        "你们这些人就是一群废物，什么事都办不好！",
        "situation.cursing.no_redirect",
        [A("你说谁是废物？")],
        [A("打扰您一下，我们先来讨论您的问题好吗？")],
    ),
    *pair(
        "r-cursing-2",
        "你个瓜娃子，听不懂人话是不是？",
        "situation.cursing.no_redirect",
        [A("你才是瓜娃子。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是哪项业务？")],
    ),
    # 四（四）要求判断结果
    *pair(
        "r-judge-1",
        "你给我个准话，我这个工伤认定到底能不能批下来？",
        "situation.judgement.no_script",
        [A("您这个情况应该能批。")],
        [
            A(
                "由于涉及到当事人相关资料的审核，暂时无法做出判断，请您按照正常程序办理，人社局会做出认定决定的。"
            )
        ],
    ),
    *pair(
        "r-judge-2",
        "你觉得单位这样扣我工资，劳动监察会不会罚他们？",
        "situation.judgement.no_script",
        [A("肯定会罚的。")],
        [
            A(
                "这要看监察部门核实的情况，我们暂时无法做出判断，请您按正常程序投诉举报，监察部门会做出处理决定的。"
            )
        ],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "r-neg-boss",
        [
            C("我们老板天天骂人，我想辞职，辞职了还能领失业金吗？"),
            A("主动辞职一般不能领取失业保险金。"),
        ],  # fmt: skip
    ),
    plain(
        "r-neg-result",
        [C("我交了退休申请，还在等结果，一般要多久？"), A("一般二十个工作日左右。")],  # fmt: skip
    ),
    plain(
        "r-neg-hukou",
        [
            C("我户口在外地，在重庆上班能不能交社保？"),
            A("可以的，由单位在重庆给您参保。"),
        ],  # fmt: skip
    ),
    plain(
        "r-neg-thanks",
        [
            C("谢谢，那我再问一下，生育津贴怎么算？"),
            A("按单位上年度职工月平均工资计算。"),
        ],  # fmt: skip
    ),
    plain(
        "r-neg-again",
        [
            C("医保异地备案怎么弄？"),
            A("可以在国家医保服务平台上备案。"),
            C("不好意思，你再说一遍是哪个平台？"),
            A("国家医保服务平台，手机上可以下载。"),
        ],  # fmt: skip
    ),
    plain(
        "r-neg-shop",
        [
            C("我在药店买药刷不了医保卡，我想投诉那个药店，这个归你们管不？"),
            A("定点药店的问题可以向医保局反映。"),
        ],  # fmt: skip
    ),
    plain(
        "r-neg-ordinary",
        [
            C("我想问一下灵活就业交医保，一年要交好多钱？"),
            A("按当地缴费基数计算，您可以在重庆人社网上查询标准。"),
            C("好的，晓得了。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="R")
    agents = [
        ("8371", "吴倩", "十二组", {"f0": 1.12, "speed": 1.02, "gain": 0.7}),
        ("8372", "邓超", "十二组", {"f0": 0.84, "speed": 0.98, "gain": 0.7, "warp": 0.98}),
    ]
    callers = [
        {"f0": 0.95, "speed": 1.03, "gain": 0.64},
        {"f0": 1.18, "speed": 1.0, "gain": 0.62, "warp": 1.03},
        {"f0": 0.88, "speed": 1.06, "gain": 0.66, "warp": 0.97},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout6_set")
