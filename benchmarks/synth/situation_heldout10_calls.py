"""The situational held-out set, part 10: written on 2026-12-07 after part 9's first run and
the praise lines it led to, before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one in Chongqing phrasing or said indirectly. Every trigger comes in the
middle of a call after an ordinary first exchange about medical insurance. Hard negatives
share words with a trigger (神经内科 of a hospital, 骂 of a boss, 投诉 of a pharmacy, 户口 and
护照 in in-scope questions, 等 of a card, 抱歉 and 谢谢 mid-call, 判 of an arbitration asked in
general, a records question about the rule in general), and one ordinary call.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout10_set
"""

from __future__ import annotations

from functools import partial

from benchmarks.synth.situation_calls import (
    JUDGE_SCRIPT,
    VERIFY,
    A,
    C,
    negative,
    recast,
    write_set,
)
from benchmarks.synth.situation_calls import pair as _pair
from benchmarks.synth.situation_calls import specs as _specs

CLOSING = [A("请问您还有其他问题吗？"), C("没有了，谢谢。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，你好，我问一下医保报销的事。"), A("好的，请您具体说一下。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "y-complaint-1",
        "前天那个接电话的，我问报销比例，她支支吾吾半天也没说出个所以然。",
        "situation.complaint.no_apology",
        [A("报销比例是百分之七十。")],
        [A("非常抱歉，给您带来不便，请您谅解，我来给您把报销比例讲清楚。")],
    ),
    *pair(
        "y-complaint-2",
        "你们给的答复跟医院说的完全是两码事，害我白白垫了好几千。",
        "situation.complaint.no_apology",
        [A("以医保经办机构的答复为准。")],
        [A("对不起，给您带来麻烦了，请您谅解，您把具体情况告诉我，我帮您核实。")],
    ),
    *pair(
        "y-complaint-3",
        "你们这个热线哦，问十回有八回是让我自己去网上查，有啥子意思嘛。",
        "situation.complaint.no_apology",
        [A("网上的信息是最全的。")],
        [A("对不起，让您不满意了，请您谅解，这次我直接给您讲清楚。")],
    ),
    # 三（六）情绪激动
    *pair(
        "y-upset-1",
        "我妈还躺在医院里，押金交不起了，你们还让我等，我真的快撑不住了！",
        "situation.upset.no_comfort",
        [A("异地就医要先备案。")],
        [A("您先别着急，您的心情我理解，我马上告诉您怎么尽快办。")],
    ),
    *pair(
        "y-upset-2",
        "说好的报销，拖了三个月一分钱没见到，我现在一想起来就浑身发抖！",
        "situation.upset.no_comfort",
        [A("报销有审核时间。")],
        [A("您别生气，我能理解您，我先帮您看看卡在哪个环节了。")],
    ),
    *pair(
        "y-upset-3",
        "我一个人带两个娃儿，医药费都是借的，你们还要我啷个搞嘛！",
        "situation.upset.no_comfort",
        [A("您按规定提交材料就行。")],
        [A("您消消气，我理解您的难处，我们一起把报销的路子理清楚。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "y-wait-1",
        "我从上午十点开始打，打到现在才有人接。",
        "situation.wait.no_apology",
        [A("那您要问什么？")],
        [A("非常抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    *pair(
        "y-wait-2",
        "你那边到底查好没有？我在电话这头干等了好几分钟了。",
        "situation.wait.no_apology",
        [A("还在查。")],
        [A("对不起，让您久等了，我正在帮您处理，请稍等。")],
    ),
    *pair(
        "y-wait-3",
        "你们这个电话硬是难得打进来，一直占到起。",
        "situation.wait.no_apology",
        [A("现在通了，你说。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "y-records-1",
        "你帮我查一下，我医保卡里现在还剩好多钱？",
        "situation.personal_info.no_verification",
        [A("还剩八百多。")],
        [A(VERIFY)],
    ),
    *pair(
        "y-records-2",
        "我上个月交的医保报销材料，现在审核到哪一步了？",
        "situation.personal_info.no_verification",
        [A("已经审核通过，等着打款。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查询进度。")],
    ),
    *pair(
        "y-records-3",
        "麻烦看下我今年的居民医保到底交上没得，我怕断了。",
        "situation.personal_info.no_verification",
        [A("交上了，没断。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "y-scope-1",
        "另外我想问问，办护照要准备哪些东西？",
        "situation.out_of_scope.no_script",
        [A("身份证和照片就可以。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，护照的问题建议您咨询出入境管理部门。")],
    ),
    *pair(
        "y-scope-2",
        "我家楼下那个门面要办营业执照，是不是也在你们这儿问？",
        "situation.out_of_scope.no_script",
        [A("去政务中心办。")],
        [A("不好意思，营业执照的问题超出了我们的服务范围，建议您咨询市场监管部门。")],
    ),
    *pair(
        "y-scope-3",
        "顺便问一哈，我屋头的燃气费咋个突然涨了那么多？",
        "situation.out_of_scope.no_script",
        [A("可能是阶梯价格。")],
        [A("对不起，燃气费的问题不属于我们的咨询范围，建议您咨询燃气公司。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "y-judge-1",
        "你说我这个慢性病门诊的申请，审核能不能通过？",
        "situation.judgement.no_script",
        [A("肯定能通过。")],
        [A(JUDGE_SCRIPT.format("医保经办机构"))],
    ),
    *pair(
        "y-judge-2",
        "医院说这个药不能报，你觉得我去申诉的话有没有希望？",
        "situation.judgement.no_script",
        [A("希望不大。")],
        [A(JUDGE_SCRIPT.format("医保部门"))],
    ),
    *pair(
        "y-judge-3",
        "你帮我判断一下嘛，我这个情况公司到底要赔我好多？",
        "situation.judgement.no_script",
        [A("至少赔两万。")],
        [A(JUDGE_SCRIPT.format("仲裁委员会"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "y-praise-1",
        "你讲得太明白了，比我跑三趟窗口都管用，谢谢你啊。",
        "situation.praise.no_reply",
        [A("嗯，还有吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "y-praise-2",
        "小伙子你真有耐心，我一个老头子问了这么多遍你都不烦，感谢你。",
        "situation.praise.no_reply",
        [A("那您还有什么问题？")],
        [A("不用谢，很高兴能帮到您。")],
    ),
    *pair(
        "y-praise-3",
        "今天遇到你真是运气好，给你点一百个赞！",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("不客气，应该的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "y-sorry-1",
        "抱歉抱歉，刚才我说话太急了，你莫见怪。",
        "situation.caller_apology.no_reply",
        [A("你接着说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "y-sorry-2",
        "刚才是我没听清楚就冲你嚷，真不好意思。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没事，我理解的。")],
    ),
    *pair(
        "y-sorry-3",
        "我给你赔个不是，刚才态度不好。",
        "situation.caller_apology.no_reply",
        [A("那您还要问什么？")],
        [A("没关系，不要紧。")],
    ),
    # 五（三）咒骂
    *pair(
        "y-cursing-1",
        "你们这帮人就是饭桶，屁用都没有！",
        "situation.cursing.no_redirect",
        [A("你说话客气点。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是报销的事，对吗？")],
    ),
    *pair(
        "y-cursing-2",
        "你个憨批，听都听不懂还接什么电话！",
        "situation.cursing.no_redirect",
        [A("我听得懂。")],
        [A("打扰您一下，我们先来讨论您的问题好吗？您是想问报销比例吧？")],
    ),
    *pair(
        "y-cursing-3",
        "什么狗屁热线，全是些不要脸的东西！",
        "situation.cursing.no_redirect",
        [A("你要这样说我也没办法。")],
        [A("请您文明用语，我愿意帮您解决，您刚才说的问题是报销没到账，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "y-neg-hospital",
        [C("我在神经内科住院，这个科室的费用能报多少？"), A("按住院报销比例报销。")],
    ),
    plain(
        "y-neg-boss",
        [C("老板天天骂我们，我想辞职，辞职了医保怎么办？"), A("可以转为灵活就业人员参保。")],
    ),
    plain(
        "y-neg-pharmacy",
        [C("药店不给我刷医保卡，我想投诉药店，找哪个部门？"), A("可以向医保部门反映。")],
    ),
    plain(
        "y-neg-hukou",
        [C("我户口在外地，在重庆上班能不能交重庆的医保？"), A("可以随单位在重庆参保。")],
    ),
    plain(
        "y-neg-passport",
        [C("我要出国工作，护照办好了，养老保险可以暂停吗？"), A("可以办理暂停缴费。")],
    ),
    plain(
        "y-neg-card",
        [C("我等社保卡等了一个月，现在卡到了怎么激活？"), A("带身份证到银行网点激活。")],
    ),
    plain(
        "y-neg-sorry",
        [
            C("门诊共济怎么绑定？"),
            A("在医保小程序里绑定家人。"),
            C("抱歉，我没听清楚，在哪里绑定？"),
            A("医保小程序。"),
        ],  # fmt: skip
    ),
    plain(
        "y-neg-thanks",
        [C("好的谢谢，那住院押金可以用医保卡付吗？"), A("押金一般需要自付。")],
    ),
    plain(
        "y-neg-arbitration",
        [C("劳动仲裁是哪个部门来判的？"), A("由劳动人事争议仲裁委员会裁决。")],
    ),
    plain(
        "y-neg-rule",
        [C("医保卡里的钱一般每个月几号到账？"), A("一般每月月底前划入。")],
    ),
    plain(
        "y-neg-ordinary",
        [
            C("异地就医备案在网上能办吗？"),
            A("可以在国家医保服务平台办理。"),
            C("好的，我晓得了。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="Y")
    agents = [
        ("8396", "彭雪", "十六组", {"f0": 1.09, "speed": 1.01, "gain": 0.7, "warp": 1.01}),
        ("8397", "陶军", "十六组", {"f0": 0.84, "speed": 0.99, "gain": 0.69, "warp": 0.99}),
        ("8398", "秦莉", "十六组", {"f0": 1.12, "speed": 1.04, "gain": 0.71, "warp": 0.98}),
    ]
    callers = [
        {"f0": 0.95, "speed": 1.03, "gain": 0.64, "warp": 0.99},
        {"f0": 1.19, "speed": 1.0, "gain": 0.61, "warp": 1.02},
        {"f0": 0.87, "speed": 1.06, "gain": 0.65},
        {"f0": 1.03, "speed": 0.98, "gain": 0.63, "warp": 1.01},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout10_set")
