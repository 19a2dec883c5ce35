"""The situational held-out set, part 13: written on 2026-12-07 after the changes parts 11 and
12 led to (judgement requests in every business, records progress, household repairs out of
scope, trade certificates in scope), before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about the social security card. Hard negatives share words with a
trigger (吵架 denied, 排队 and 等 at a bank, 对不起 and 谢谢 as courtesies, 骂 and 傻 of a
friend, 投诉 of a bank, 招聘会 and 贷款 asked as rules), and three ordinary calls in their own
wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout13_set
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

CLOSING = [A("您还有其他需要咨询的吗？"), C("没了没了。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，您好，我想问下社保卡的事情。"), A("好的，您说。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "j-complaint-1",
        "我就想吐槽一下，你们上次那个接线员一直打断我，根本不让我把话说完。",
        "situation.complaint.no_apology",
        [A("我们的接线员都是按流程答复的。")],
        [A("非常抱歉，给您带来不好的体验，请您谅解，您今天慢慢说，我仔细听。")],
    ),
    *pair(
        "j-complaint-2",
        "讲真的，你们这服务跟十年前一个样，一点进步都没有。",
        "situation.complaint.no_apology",
        [A("我们一直在改进。")],
        [A("对不起，让您不满意了，请您谅解，您有什么问题我现在帮您解决。")],
    ),
    *pair(
        "j-complaint-3",
        "你们那边的人说话爱搭不理的，问个社保卡的事都问不清楚。",
        "situation.complaint.no_apology",
        [A("社保卡的事可以问银行。")],
        [A("实在抱歉，给您带来不便，请您谅解，社保卡的问题我来给您讲清楚。")],
    ),
    # 三（六）情绪激动
    *pair(
        "j-upset-1",
        "我钱包连着社保卡一起被偷了，里面还有看病的钱，我现在整个人都是懵的，怎么办啊！",
        "situation.upset.no_comfort",
        [A("先去挂失。")],
        [A("您先别着急，您的心情我理解，我先告诉您怎么马上挂失。")],
    ),
    *pair(
        "j-upset-2",
        "找了半年工作都没着落，房租都交不起了，我真的要崩溃了！",
        "situation.upset.no_comfort",
        [A("可以去办失业登记。")],
        [A("您别着急，我能理解您，我给您说说现在能享受的就业帮扶。")],
    ),
    *pair(
        "j-upset-3",
        "我老爸突然住院了，社保卡又刷不了，急得我团团转，你快告诉我怎么办！",
        "situation.upset.no_comfort",
        [A("可能是卡没激活。")],
        [A("您先冷静一下，我理解您的心情，我们先看看卡为什么刷不了。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "j-wait-1",
        "我都排了快半个钟头的队才轮到人工。",
        "situation.wait.no_apology",
        [A("您要问什么？")],
        [A("非常抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    *pair(
        "j-wait-2",
        "喂？你查好了没有，怎么这么半天没声音？",
        "situation.wait.no_apology",
        [A("在查，别急。")],
        [A("对不起，让您久等了，我正在帮您查，请稍等。")],
    ),
    *pair(
        "j-wait-3",
        "你们这个热线一天到晚打不进去，我今天打了整整一上午。",
        "situation.wait.no_apology",
        [A("上午打的人多。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "j-records-1",
        "你帮我查查，我的社保卡现在是什么状态，是不是被冻结了？",
        "situation.personal_info.no_verification",
        [A("没有冻结，是正常状态。")],
        [A(VERIFY)],
    ),
    *pair(
        "j-records-2",
        "我想看看我去年的医保个人账户一共划进来多少钱。",
        "situation.personal_info.no_verification",
        [A("一共划了一千二。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查询。")],
    ),
    *pair(
        "j-records-3",
        "你帮我看下，我那个创业担保贷款批下来没有？",
        "situation.personal_info.no_verification",
        [A("已经批了。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "j-scope-1",
        "顺便问一句，我家宽带老是断网，该找哪家？",
        "situation.out_of_scope.no_script",
        [A("找运营商。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，宽带的问题建议您咨询运营商。")],
    ),
    *pair(
        "j-scope-2",
        "我想问一下，孩子的出生证明丢了去哪里补？",
        "situation.out_of_scope.no_script",
        [A("去出生的医院补。")],
        [A("不好意思，出生证明的问题超出了我们的服务范围，建议您咨询卫生健康部门。")],
    ),
    *pair(
        "j-scope-3",
        "那个，我想问问小区门口的垃圾站能不能挪个地方？",
        "situation.out_of_scope.no_script",
        [A("找物业说说。")],
        [A("对不起，垃圾站的问题不属于我们的咨询范围，建议您咨询城市管理部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "j-judge-1",
        "你估计一下，我这个创业担保贷款能不能批？",
        "situation.judgement.no_script",
        [A("应该能批。")],
        [A(JUDGE_SCRIPT.format("经办银行和人力社保部门"))],
    ),
    *pair(
        "j-judge-2",
        "你说我被公司辞退了，能拿到赔偿不？",
        "situation.judgement.no_script",
        [A("能拿到。")],
        [A(JUDGE_SCRIPT.format("仲裁委员会"))],
    ),
    *pair(
        "j-judge-3",
        "你帮我看看，我这种情况去告公司胜算大吗？",
        "situation.judgement.no_script",
        [A("胜算挺大。")],
        [A(JUDGE_SCRIPT.format("仲裁委员会或法院"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "j-praise-1",
        "你真是帮了我大忙了，我得好好谢谢你。",
        "situation.praise.no_reply",
        [A("还有问题吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "j-praise-2",
        "小伙子不错，业务很熟练，讲得很到位。",
        "situation.praise.no_reply",
        [A("嗯，您继续。")],
        [A("谢谢您的肯定，这是我应该做的。")],
    ),
    *pair(
        "j-praise-3",
        "我打了这么多次，就数你说得最清楚，谢谢了啊。",
        "situation.praise.no_reply",
        [A("好。")],
        [A("不用谢，能帮到您就好。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "j-sorry-1",
        "抱歉啊，我刚才心里窝火，把气撒到你身上了。",
        "situation.caller_apology.no_reply",
        [A("您接着说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "j-sorry-2",
        "我刚才太冲动了，说了些难听的话，对不起。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "j-sorry-3",
        "小姑娘，刚才是我不对，你别生我的气。",
        "situation.caller_apology.no_reply",
        [A("您还有什么要问的？")],
        [A("没关系，不要紧的。")],
    ),
    # 五（三）咒骂
    *pair(
        "j-cursing-1",
        "你们就是一群吸血鬼，光知道收钱！",
        "situation.cursing.no_redirect",
        [A("你别这么说。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是社保卡的事，对吗？")],
    ),
    *pair(
        "j-cursing-2",
        "你这个蠢货，我说东你说西！",
        "situation.cursing.no_redirect",
        [A("是您没说清楚。")],
        [A("打扰您一下，我们先来讨论您的问题好吗？您是想问社保卡补办吧？")],
    ),
    *pair(
        "j-cursing-3",
        "滚吧你，什么破热线，都是些混日子的！",
        "situation.cursing.no_redirect",
        [A("那你别打了。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是社保卡激活，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "j-neg-no-quarrel",
        [C("我不是来吵架的，就想知道社保卡丢了怎么补。"), A("带身份证到银行网点补办。")],
    ),
    plain(
        "j-neg-bank-queue",
        [C("我在银行排队等了一个小时才办好社保卡，现在怎么激活？"), A("在银行网点或者自助机上激活。")],
    ),
    plain(
        "j-neg-courtesy",
        [C("对不起，我刚才没听清，社保卡补办要多少钱？"), A("补办工本费二十元。")],
    ),
    plain(
        "j-neg-thanks",
        [C("谢谢，那新卡多久能拿到？"), A("一般十个工作日左右。")],
    ),
    plain(
        "j-neg-friend",
        [C("我朋友骂我傻，说社保卡不用激活，是真的吗？"), A("社保卡需要激活金融功能才能使用。")],
    ),
    plain(
        "j-neg-bank",
        [C("我想投诉一下银行，他们不给我办社保卡，这个归谁管？"), A("您可以向人力社保部门反映。")],
    ),
    plain(
        "j-neg-jobfair",
        [C("找工作的话，你们有没有招聘会的信息？"), A("可以关注公共就业服务网站。")],
    ),
    plain(
        "j-neg-loan",
        [C("创业担保贷款要满足什么条件？"), A("需要是符合条件的创业人员。")],
    ),
    plain(
        "j-ordinary-1",
        [
            C("社保卡可以在外地看病用吗？"),
            A("开通异地就医后就可以用。"),
            C("好的，明白了。"),
        ],  # fmt: skip
    ),
    plain(
        "j-ordinary-2",
        [
            C("电子社保卡怎么领？"),
            A("在掌上12333领取。"),
            C("那实体卡还要吗？"),
            A("实体卡还是要用的。"),
        ],  # fmt: skip
    ),
    plain(
        "j-ordinary-3",
        [
            C("失业了可以去哪里登记？"),
            A("到街道或者网上都可以登记。"),
            C("行，我知道了。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="J")
    agents = [
        ("8431", "邓丽", "十九组", {"f0": 1.08, "speed": 1.02, "gain": 0.7, "warp": 1.0}),
        ("8432", "廖勇", "十九组", {"f0": 0.85, "speed": 0.99, "gain": 0.69, "warp": 1.02}),
        ("8433", "韩梅", "十九组", {"f0": 1.15, "speed": 1.01, "gain": 0.71, "warp": 0.99}),
    ]
    callers = [
        {"f0": 0.93, "speed": 1.01, "gain": 0.64, "warp": 0.99},
        {"f0": 1.17, "speed": 1.03, "gain": 0.62, "warp": 1.01},
        {"f0": 0.88, "speed": 0.98, "gain": 0.66},
        {"f0": 1.04, "speed": 1.02, "gain": 0.63, "warp": 0.98},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout13_set")
