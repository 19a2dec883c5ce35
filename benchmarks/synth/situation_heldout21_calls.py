"""The situational held-out set, part 21: written on 2026-12-07 after the changes part 20 led to
(insults said as a question, 脑子是不是有问题; land, schooling and electric bikes as other offices'
business; the line's busy message heard again and again; anger that rises as the caller speaks),
before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about a delivery rider's flexible-employment contributions. Hard
negatives share words with a trigger (a manager's 废物 quoted, 等 of coverage starting, 投诉
of a platform, 不好意思 and 谢谢 as courtesies, a top-up asked as a rule, records asked about in
general, a caller who gets flustered), and three ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout21_set
"""

from __future__ import annotations

from functools import partial

from benchmarks.synth.situation_calls import (
    HELDOUT_CALLERS,
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

CLOSING = [A("请问您还有别的问题吗？"), C("没得了，谢谢。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，你好，我是跑外卖的，想问下灵活就业交社保的事。"), A("您好，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "ka-complaint-1",
        "你们上回那个小伙子，我问他灵活就业咋个交，他支支吾吾半天说不出个所以然。",
        "situation.complaint.no_apology",
        [A("他可能是新来的。")],
        [A("非常抱歉，上次没给您解释清楚，请您谅解，我现在给您详细说。")],
    ),
    *pair(
        "ka-complaint-2",
        "你们网上那个操作提示写得跟天书一样，你们做事情能不能用点心？",
        "situation.complaint.no_apology",
        [A("提示都写清楚了的。")],
        [A("对不起，给您添麻烦了，请您谅解，我一步一步教您操作。")],
    ),
    *pair(
        "ka-complaint-3",
        "我就想交个社保，被你们弄得比登天还难。",
        "situation.complaint.no_apology",
        [A("按流程走就行。")],
        [A("实在抱歉，让您费心了，请您谅解，我直接告诉您最简单的办法。")],
    ),
    # 三（六）情绪激动
    *pair(
        "ka-upset-1",
        "我每天风里来雨里去送外卖，到头来连个社保都交不上，我真的是心寒透了！",
        "situation.upset.no_comfort",
        [A("灵活就业可以自己交。")],
        [A("您先别着急，您的心情我理解，灵活就业是可以参保的，我告诉您怎么交。")],
    ),
    *pair(
        "ka-upset-2",
        "我现在急得团团转，眼泪都要出来了！",
        "situation.upset.no_comfort",
        [A("您说什么事。")],
        [A("您先别急，我能理解您，我们一起看看怎么办。")],
    ),
    *pair(
        "ka-upset-3",
        "我一个人养两个娃，再这样下去我真的撑不住了。",
        "situation.upset.no_comfort",
        [A("您要问什么业务？")],
        [A("您先冷静一下，我理解您的难处，我尽量帮您把社保的事办好。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "ka-wait-1",
        "我打了一个钟头都是忙音，你们就不能多安排几个人接电话吗？",
        "situation.wait.no_apology",
        [A("现在是高峰期。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "ka-wait-2",
        "你那边到底好了没有？我都在电话这头等了老半天了。",
        "situation.wait.no_apology",
        [A("快了。")],
        [A("对不起，让您久等了，马上就好。")],
    ),
    *pair(
        "ka-wait-3",
        "从我拨进来到现在，光听那个提示音就听了十来分钟。",
        "situation.wait.no_apology",
        [A("您请说。")],
        [A("实在抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "ka-records-1",
        "麻烦帮我看看，我灵活就业这几个月的钱扣上没有？",
        "situation.personal_info.no_verification",
        [A("都扣上了。")],
        [A(VERIFY)],
    ),
    *pair(
        "ka-records-2",
        "我想问问我的社保账户里头现在一共存了好多钱。",
        "situation.personal_info.no_verification",
        [A("一共一万多。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查。")],
    ),
    *pair(
        "ka-records-3",
        "你能不能帮我查查，我去年是不是断缴了两个月？",
        "situation.personal_info.no_verification",
        [A("断了两个月。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "ka-scope-1",
        "对了，我电瓶车的牌照过期了，在哪里换？",
        "situation.out_of_scope.no_script",
        [A("去车管所。")],
        [
            A(
                "对不起，目前我们只提供人力社保相关业务咨询服务，电瓶车牌照的问题建议您咨询公安交管部门。"
            )
        ],
    ),
    *pair(
        "ka-scope-2",
        "我还想问一下，我家楼上天天半夜装修吵得很，找哪个部门管？",
        "situation.out_of_scope.no_script",
        [A("可以找物业。")],
        [A("不好意思，装修噪音超出了我们的服务范围，建议您咨询物业或者街道。")],
    ),
    *pair(
        "ka-scope-3",
        "我想顺便问下，办健康证在哪里体检？",
        "situation.out_of_scope.no_script",
        [A("去疾控中心。")],
        [A("对不起，健康证不属于我们的咨询范围，建议您咨询卫生健康部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "ka-judge-1",
        "你说我这种跑外卖的，以后退休能领到两千块不？",
        "situation.judgement.no_script",
        [A("差不多能领到。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    *pair(
        "ka-judge-2",
        "照你估计，我现在补交前几年的，社保局会不会同意？",
        "situation.judgement.no_script",
        [A("应该会同意。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    *pair(
        "ka-judge-3",
        "你给我个准信，我断缴那两个月影不影响我以后退休？",
        "situation.judgement.no_script",
        [A("不影响。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "ka-praise-1",
        "你这个人说话好听，又有耐心，我心里舒服多了。",
        "situation.praise.no_reply",
        [A("还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "ka-praise-2",
        "今天幸好是你接的，不然我还在瞎折腾，谢了哈。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "ka-praise-3",
        "你们12333现在服务比以前好太多了，给你们点个赞。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我们应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "ka-sorry-1",
        "刚才我火气太大了，对不起哈，你别介意。",
        "situation.caller_apology.no_reply",
        [A("您接着说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "ka-sorry-2",
        "不好意思，是我自己没看清楚规定，还怪你们。",
        "situation.caller_apology.no_reply",
        [A("那您还有问题吗？")],
        [A("没关系的，我理解。")],
    ),
    *pair(
        "ka-sorry-3",
        "哎呀，刚才是我冲动了，说话难听，你多担待。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没事的，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "ka-cursing-1",
        "你们这些坐办公室的都是废物，啥子都不懂！",
        "situation.cursing.no_redirect",
        [A("我们懂的。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问灵活就业怎么交，对吗？")],
    ),
    *pair(
        "ka-cursing-2",
        "你是猪脑壳吗？我说的是灵活就业，不是职工社保！",
        "situation.cursing.no_redirect",
        [A("你没说清楚。")],
        [A("打扰您一下，我们先来讨论您的问题，您问的是灵活就业参保，对吗？")],
    ),
    *pair(
        "ka-cursing-3",
        "一窝吸血鬼，光晓得收钱！",
        "situation.cursing.no_redirect",
        [A("我们不收钱。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是缴费的问题，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "ka-neg-quoted-insult",
        [
            C("我们站长天天骂我们是废物，他能随便扣我们工资吗？"),
            A("用人单位不得随意克扣工资。"),
        ],
    ),
    plain(
        "ka-neg-wait-start",
        [
            C("灵活就业交了以后要等多久才能生效？"),
            A("缴费次月开始享受待遇。"),
        ],
    ),
    plain(
        "ka-neg-complain-platform",
        [
            C("我想投诉我们平台不给交社保，该找哪里？"),
            A("可以向劳动保障监察机构投诉。"),
        ],
    ),
    plain(
        "ka-neg-courtesy",
        [
            C("不好意思，灵活就业的缴费基数是多少来着？"),
            A("可以在规定的上下限之间自己选。"),
        ],
    ),
    plain(
        "ka-neg-thanks",
        [
            C("谢谢，那我在手机上就能交吗？"),
            A("可以在手机应用上缴费。"),
        ],
    ),
    plain(
        "ka-neg-rule",
        [
            C("按规定，断缴了还能不能补交？"),
            A("灵活就业断缴的可以按规定补缴。"),
        ],
    ),
    plain(
        "ka-neg-records-general",
        [
            C("一般在哪里能查到社保缴费明细？"),
            A("可以在手机应用或者社保窗口查询。"),
        ],
    ),
    plain(
        "ka-neg-flustered",
        [
            C("我一着急就说不清楚，你慢慢跟我讲哈。"),
            A("好的，我慢慢跟您说。"),
        ],
    ),
    plain(
        "ka-ordinary-1",
        [
            C("灵活就业可以只交养老不交医保吗？"),
            A("可以按需要选择参加。"),
            C("好的，晓得了。"),
        ],  # fmt: skip
    ),
    plain(
        "ka-ordinary-2",
        [
            C("外地户口能在重庆按灵活就业交吗？"),
            A("符合条件的可以在就业地参保。"),
            C("要带些啥子材料？"),
            A("带身份证就可以。"),
        ],  # fmt: skip
    ),
    plain(
        "ka-ordinary-3",
        [
            C("灵活就业一年最少交多少？"),
            A("按最低缴费基数算，每月几百元。"),
            C("那行，谢谢。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="KA")
    agents = [
        ("8511", "严可", "二十七组", {"f0": 1.1, "speed": 1.01, "gain": 0.69, "warp": 1.0}),
        ("8512", "冉松", "二十七组", {"f0": 0.87, "speed": 1.0, "gain": 0.71, "warp": 1.01}),
        ("8513", "钟晴", "二十七组", {"f0": 1.14, "speed": 1.0, "gain": 0.7, "warp": 0.99}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout21_set")
