"""The situational held-out set, part 32: written on 2026-12-08 after the changes part 31 led to
(the out-of-scope rule deducts from the file's `sure`, 0.7, since its second check names the
other office; 等不了 as a wait; a newborn's first days and a reimbursement rate asked of the
agent as judgement requests), before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange in which a daughter asks about long-term care insurance for her
bedridden mother (长期护理保险). Hard negatives share words with a trigger (a brother's 不孝
quoted, 等 of an assessment, a carer's 投诉 reported, 抱歉 and 谢谢 as courtesies, the care
allowance asked as a rule, records asked about in general, a caller who says she is
exhausted), and three ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout32_set
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

CLOSING = [A("请问还有别的问题吗？"), C("没有了。"), A("感谢您的来电，再见。")]
OPENING = [C("你好，我妈瘫在床上好几年了，想问下长期护理保险怎么申请。"), A("您好，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "kl-complaint-1",
        "上礼拜你们那个接线员说我妈的情况不能申请，结果社区说完全可以，耽误了我半个月。",
        "situation.complaint.no_apology",
        [A("以评估结果为准。")],
        [A("非常抱歉，之前的答复耽误了您，请您谅解，我把申请条件给您说清楚。")],
    ),
    *pair(
        "kl-complaint-2",
        "你们的人说话一点温度都没有，像机器人一样。",
        "situation.complaint.no_apology",
        [A("我们按规范答复。")],
        [A("对不起，让您感觉不好，请您谅解，您的情况我仔细听您说。")],
    ),
    *pair(
        "kl-complaint-3",
        "打了三次电话，三次都叫我去问社区，你们到底管不管这个事？",
        "situation.complaint.no_apology",
        [A("社区负责受理。")],
        [A("实在抱歉，让您来回跑，请您谅解，我把整个流程一次给您讲完。")],
    ),
    # 三（六）情绪激动
    *pair(
        "kl-upset-1",
        "我一个人伺候我妈五年了，白天上班晚上护理，我真的快垮了！",
        "situation.upset.no_comfort",
        [A("您可以请护工。")],
        [A("您辛苦了，您的心情我理解，我们看看护理保险能帮您多少。")],
    ),
    *pair(
        "kl-upset-2",
        "评估的人来了看一眼就走，说我妈不够重，我气得浑身发抖！",
        "situation.upset.no_comfort",
        [A("评估有标准。")],
        [A("您先别生气，我理解您，对评估结果有异议可以申请复评。")],
    ),
    *pair(
        "kl-upset-3",
        "护工一个月要五六千，我工资才四千，你叫我怎么活嘛！",
        "situation.upset.no_comfort",
        [A("那您申请补贴。")],
        [A("您别着急，我能理解您的难处，护理保险可以报一部分，我给您说说。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "kl-wait-1",
        "你们这个电话真难打，我趁我妈睡着打了一个多小时。",
        "situation.wait.no_apology",
        [A("现在打通了。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "kl-wait-2",
        "你查好没有嘛，我妈在那边叫我了，我不能一直等。",
        "situation.wait.no_apology",
        [A("快了。")],
        [A("对不起，让您久等了，我马上告诉您。")],
    ),
    *pair(
        "kl-wait-3",
        "前面语音菜单绕来绕去，半天才转到人工。",
        "situation.wait.no_apology",
        [A("请问您要咨询什么？")],
        [A("实在抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "kl-records-1",
        "帮我查一下我妈的护理保险评估结果出来没有。",
        "situation.personal_info.no_verification",
        [A("出来了，是重度。")],
        [A(VERIFY)],
    ),
    *pair(
        "kl-records-2",
        "我想看看我妈的医保账户这个月扣了多少护理费。",
        "situation.personal_info.no_verification",
        [A("扣了三百。")],
        [A("为了您的个人信息安全，请根据语音提示进行身份验证。")],
    ),
    *pair(
        "kl-records-3",
        "麻烦看下我自己的职工医保交了几年了。",
        "situation.personal_info.no_verification",
        [A("交了十五年。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "kl-scope-1",
        "对了，我妈的残疾证到期了，去哪里换？",
        "situation.out_of_scope.no_script",
        [A("去残联换。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，残疾证换证建议您咨询残联。")],
    ),
    *pair(
        "kl-scope-2",
        "还有，小区能不能给我家门口装个无障碍坡道，找谁？",
        "situation.out_of_scope.no_script",
        [A("找物业。")],
        [A("不好意思，无障碍设施超出了我们的服务范围，建议您咨询物业或社区。")],
    ),
    *pair(
        "kl-scope-3",
        "顺便问一下，我妈的高龄津贴在哪个部门领？",
        "situation.out_of_scope.no_script",
        [A("在民政部门领。")],
        [A("对不起，高龄津贴不在我们的咨询范围，建议您咨询民政部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "kl-judge-1",
        "你看我妈这种情况，评估能不能评上重度失能？",
        "situation.judgement.no_script",
        [A("应该能评上。")],
        [A(JUDGE_SCRIPT.format("评估机构"))],
    ),
    *pair(
        "kl-judge-2",
        "凭你的经验，复评以后等级会不会提高？",
        "situation.judgement.no_script",
        [A("会提高。")],
        [A(JUDGE_SCRIPT.format("评估机构"))],
    ),
    *pair(
        "kl-judge-3",
        "你老实告诉我，护理费一个月能报销好多？",
        "situation.judgement.no_script",
        [A("一千多。")],
        [A(JUDGE_SCRIPT.format("医保经办机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "kl-praise-1",
        "你讲得好明白，我这个外行都听懂了，太感谢了。",
        "situation.praise.no_reply",
        [A("还有吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "kl-praise-2",
        "听你这么一说，我心里的石头落地了。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "kl-praise-3",
        "你们这个热线比我想的有人情味多了。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我们应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "kl-sorry-1",
        "抱歉啊，我最近太累了，刚才口气不好。",
        "situation.caller_apology.no_reply",
        [A("您继续说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "kl-sorry-2",
        "对不起，是我没搞清楚就埋怨你们。",
        "situation.caller_apology.no_reply",
        [A("您还有问题吗？")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "kl-sorry-3",
        "刚才是我不好，冲你发了一通火。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没关系，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "kl-cursing-1",
        "你们全是一群冷血的畜生！",
        "situation.cursing.no_redirect",
        [A("请你冷静。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问护理保险的评估，对吗？")],
    ),
    *pair(
        "kl-cursing-2",
        "你是不是脑子有问题，我说的是长期护理！",
        "situation.cursing.no_redirect",
        [A("你说清楚点。")],
        [A("打扰您一下，我们先来讨论您的问题，您问的是长期护理保险，对吗？")],
    ),
    *pair(
        "kl-cursing-3",
        "定标准的人都是些狗官，根本不管老百姓死活！",
        "situation.cursing.no_redirect",
        [A("标准是统一的。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是评估标准，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "kl-neg-quoted-insult",
        [
            C("我哥骂我不孝，说我不该把妈送护理院，护理院的费用能报吗？"),
            A("符合条件的机构护理费用可以按规定报销。"),
        ],
    ),
    plain(
        "kl-neg-wait-assessment",
        [
            C("申请交上去以后，评估要等多久？"),
            A("一般三十个工作日内完成评估。"),
        ],
    ),
    plain(
        "kl-neg-carer-complained",
        [
            C("护工说要投诉护理院克扣工资，这个归你们管吗？"),
            A("可以向劳动保障监察机构反映。"),
        ],
    ),
    plain(
        "kl-neg-courtesy",
        [
            C("抱歉，我插一句，申请表要本人签字吗？"),
            A("可以由家属代签。"),
        ],
    ),
    plain(
        "kl-neg-thanks",
        [
            C("谢谢，那居家护理和机构护理报的比例一样吗？"),
            A("比例不一样，机构护理略高。"),
        ],
    ),
    plain(
        "kl-neg-rule",
        [
            C("按规定，护理保险一个月最多报多少？"),
            A("按失能等级确定限额。"),
        ],
    ),
    plain(
        "kl-neg-records-general",
        [
            C("护理保险的评估结果一般在哪里公示？"),
            A("在定点评估机构和社区公示。"),
        ],
    ),
    plain(
        "kl-neg-exhausted",
        [
            C("我最近累得脑子都转不动了，你能不能说慢一点？"),
            A("好的，我慢慢给您说。"),
        ],
    ),
    plain(
        "kl-ordinary-1",
        [
            C("长期护理保险要另外交钱吗？"),
            A("参加职工医保的从医保基金中划转，个人不用另外缴费。"),
            C("哦，这样。"),
        ],  # fmt: skip
    ),
    plain(
        "kl-ordinary-2",
        [
            C("居家护理也能报吗？"),
            A("可以，由定点机构上门服务。"),
            C("要先评估吗？"),
            A("需要先进行失能等级评估。"),
        ],  # fmt: skip
    ),
    plain(
        "kl-ordinary-3",
        [
            C("评估要去医院吗？"),
            A("评估人员会上门评估。"),
            C("好的，谢谢。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="KL")
    agents = [
        ("8621", "窦敏", "三十八组", {"f0": 1.12, "speed": 1.0, "gain": 0.7, "warp": 1.0}),
        ("8622", "包磊", "三十八组", {"f0": 0.87, "speed": 0.99, "gain": 0.71, "warp": 0.99}),
        ("8623", "翁茜", "三十八组", {"f0": 1.1, "speed": 1.01, "gain": 0.69, "warp": 1.0}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout32_set")
