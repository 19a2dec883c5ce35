"""The situational held-out set, part 27: written on 2026-12-08 after the changes part 26 led to
(死脑筋 as an insult; a fire inspection and an annual filing as other offices' business; a
company's invoices in the corpus; 别跟我计较 as an apology; a job at stake as upset), before any
run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange in which a migrant worker back home asks about the start-up subsidy
and guaranteed loan (返乡创业). Hard negatives share words with a trigger (a cousin's 骗子
quoted, 等 of a loan, 投诉 of a landlord, 不好意思 and 谢谢 as courtesies, a subsidy asked as a
rule, records asked about in general, a caller who says he is anxious), and three ordinary
calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout27_set
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

CLOSING = [A("请问您还有其他问题吗？"), C("没有了没有了。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，你好，我在外面打了十年工，回老家想创业，问下有啥子扶持。"), A("您好，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "kg-complaint-1",
        "之前打来问，那个女的说我年龄超了不能贷，后来人家银行说根本没这个规定。",
        "situation.complaint.no_apology",
        [A("以银行的为准。")],
        [A("非常抱歉，之前的答复有误，请您谅解，我把贷款的条件给您讲清楚。")],
    ),
    *pair(
        "kg-complaint-2",
        "你们讲话老是一半一半的，剩下的要我自己去猜。",
        "situation.complaint.no_apology",
        [A("您有哪里不清楚？")],
        [A("对不起，是我们没讲完整，请您谅解，我从头给您说一遍。")],
    ),
    *pair(
        "kg-complaint-3",
        "打你们电话跟没打一样，啥子实际问题都解决不了。",
        "situation.complaint.no_apology",
        [A("我们只负责咨询。")],
        [A("实在抱歉，没帮上您的忙，请您谅解，您具体卡在哪里我帮您看看。")],
    ),
    # 三（六）情绪激动
    *pair(
        "kg-upset-1",
        "我把这些年攒的钱全投进去了，补贴再不下来我就完了！",
        "situation.upset.no_comfort",
        [A("补贴要审核。")],
        [A("您别着急，我理解您的心情，我们看看补贴走到哪一步了。")],
    ),
    *pair(
        "kg-upset-2",
        "跑了镇上跑县里，盖了十几个章，我真的要被逼疯了！",
        "situation.upset.no_comfort",
        [A("手续就是这样的。")],
        [A("您先别急，您的心情我能理解，剩下的手续我帮您理一理。")],
    ),
    *pair(
        "kg-upset-3",
        "一家老小都指望我这个店，你说我能不急吗！",
        "situation.upset.no_comfort",
        [A("那您抓紧办。")],
        [A("我理解您，您先别着急，我们一起把材料看一下。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "kg-wait-1",
        "你们这个热线，我打了一整个上午才通。",
        "situation.wait.no_apology",
        [A("您请说。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "kg-wait-2",
        "你那边到底查完没有嘛，我都等老半天了。",
        "situation.wait.no_apology",
        [A("还没有。")],
        [A("对不起，让您久等了，我正在帮您处理。")],
    ),
    *pair(
        "kg-wait-3",
        "按了一圈键，又听了好久的音乐，总算找到个人了。",
        "situation.wait.no_apology",
        [A("请问您问什么？")],
        [A("实在抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "kg-records-1",
        "帮我看一下我的创业补贴申请现在到哪一步了。",
        "situation.personal_info.no_verification",
        [A("在公示。")],
        [A(VERIFY)],
    ),
    *pair(
        "kg-records-2",
        "查下我在广东交的那几年社保有没有转回来。",
        "situation.personal_info.no_verification",
        [A("已经转回来了。")],
        [A("为了您的个人信息安全，请根据语音提示进行身份验证。")],
    ),
    *pair(
        "kg-records-3",
        "我想确认下我名下的失业登记还在不在。",
        "situation.personal_info.no_verification",
        [A("还在。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "kg-scope-1",
        "对了，开饭馆要办的食品经营许可证在哪里办？",
        "situation.out_of_scope.no_script",
        [A("去市场监管局。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，食品经营许可建议您咨询市场监管部门。")],
    ),
    *pair(
        "kg-scope-2",
        "还有，店门口那块地能不能摆摊，归哪个管？",
        "situation.out_of_scope.no_script",
        [A("归城管管。")],
        [A("不好意思，占道经营超出了我们的服务范围，建议您咨询城管部门。")],
    ),
    *pair(
        "kg-scope-3",
        "顺便问下，装修的时候电要增容，找哪个单位？",
        "situation.out_of_scope.no_script",
        [A("找供电公司。")],
        [A("对不起，用电增容不在我们的咨询范围，建议您咨询供电部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "kg-judge-1",
        "你估计我这个小面馆能不能评上创业补贴？",
        "situation.judgement.no_script",
        [A("应该能评上。")],
        [A(JUDGE_SCRIPT.format("就业服务机构"))],
    ),
    *pair(
        "kg-judge-2",
        "凭你的经验，我这个征信有点问题，贷款批得下来不？",
        "situation.judgement.no_script",
        [A("批不下来。")],
        [A(JUDGE_SCRIPT.format("经办银行和担保机构"))],
    ),
    *pair(
        "kg-judge-3",
        "你跟我说实话，十万的额度我能拿到好多？",
        "situation.judgement.no_script",
        [A("能拿满。")],
        [A(JUDGE_SCRIPT.format("经办银行和担保机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "kg-praise-1",
        "你讲得真明白，我这个没读过几年书的都听懂了，谢谢哈。",
        "situation.praise.no_reply",
        [A("还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "kg-praise-2",
        "你这样一说我心里就有底了，你们这个热线真管用。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "kg-praise-3",
        "遇到你这样热心的人，我回来创业也有信心了。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我们应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "kg-sorry-1",
        "哎，对不起哈，我刚才有点着急，说话不好听。",
        "situation.caller_apology.no_reply",
        [A("您继续。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "kg-sorry-2",
        "是我误会你的意思了，不好意思。",
        "situation.caller_apology.no_reply",
        [A("那您还有问题吗？")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "kg-sorry-3",
        "刚才我那个态度，你多包涵。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没关系，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "kg-cursing-1",
        "你们这帮骗子，说好的补贴一分都没看到！",
        "situation.cursing.no_redirect",
        [A("补贴要审核的。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问补贴的进度，对吗？")],
    ),
    *pair(
        "kg-cursing-2",
        "你是猪啊，跟你说了三遍了！",
        "situation.cursing.no_redirect",
        [A("你小声点。")],
        [A("打扰您一下，我们先来讨论您的问题，您刚才说的是贷款的事，对吗？")],
    ),
    *pair(
        "kg-cursing-3",
        "你们这些坐办公室的，都是些吸血鬼！",
        "situation.cursing.no_redirect",
        [A("请注意用语。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是创业补贴，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "kg-neg-quoted-insult",
        [
            C("我表哥说网上那些代办贷款的都是骗子，你们这个贷款是正规的吧？"),
            A("是的，由经办银行正规发放。"),
        ],
    ),
    plain(
        "kg-neg-wait-loan",
        [
            C("贷款申请交上去，一般要等多久才放款？"),
            A("审核通过后一般一个月左右。"),
        ],
    ),
    plain(
        "kg-neg-complain-landlord",
        [
            C("房东不给我开租赁合同，我能投诉他吗？这个补贴要合同。"),
            A("租赁合同是必须的，您可以和房东协商。"),
        ],
    ),
    plain(
        "kg-neg-courtesy",
        [
            C("不好意思，我再问下，营业执照要办多久以上？"),
            A("一般要求正常经营六个月以上。"),
        ],
    ),
    plain(
        "kg-neg-thanks",
        [
            C("谢谢，那带动就业补贴怎么算？"),
            A("按吸纳就业的人数计算。"),
        ],
    ),
    plain(
        "kg-neg-rule",
        [
            C("按政策，返乡创业的补贴标准是多少？"),
            A("一次性创业补贴按当地标准发放。"),
        ],
    ),
    plain(
        "kg-neg-records-general",
        [
            C("创业补贴的公示名单一般在哪里看？"),
            A("在人社局网站上公示。"),
        ],
    ),
    plain(
        "kg-neg-anxious",
        [
            C("我心里有点没底，第一次创业，要先准备啥子？"),
            A("先办营业执照，再申请补贴。"),
        ],
    ),
    plain(
        "kg-ordinary-1",
        [
            C("创业担保贷款利息要自己出吗？"),
            A("符合条件的可以享受财政贴息。"),
            C("哦，那好。"),
        ],  # fmt: skip
    ),
    plain(
        "kg-ordinary-2",
        [
            C("贷款要担保人吗？"),
            A("一般需要担保或反担保。"),
            C("公务员能当担保人吗？"),
            A("可以，具体以经办银行要求为准。"),
        ],  # fmt: skip
    ),
    plain(
        "kg-ordinary-3",
        [
            C("创业培训在哪里报名？"),
            A("可以到就业服务中心报名。"),
            C("好的，晓得了。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="KG")
    agents = [
        ("8571", "龚婷", "三十三组", {"f0": 1.1, "speed": 0.99, "gain": 0.71, "warp": 1.0}),
        ("8572", "冉涛", "三十三组", {"f0": 0.88, "speed": 1.0, "gain": 0.7, "warp": 0.99}),
        ("8573", "蒲晴", "三十三组", {"f0": 1.12, "speed": 1.01, "gain": 0.69, "warp": 1.01}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout27_set")
