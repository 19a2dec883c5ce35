"""The situational held-out set, part 30: written on 2026-12-08 after the changes part 29 led to
(a preferential-treatment card, a veterans' affairs bureau and a demolition as other offices'
business; 打包票 as an outcome asked; a transfer of insurance finished, 接续 / 办完没有, as a
record; wrong advice that cost money as a complaint; a caller who will spread the word as
praise), before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange in which a worker near retirement asks about flexible retirement
(弹性退休). Hard negatives share words with a trigger (a foreman's 窝囊废 quoted, 等 of a
pension's first payment, a neighbour's 投诉 reported, 不好意思 and 谢谢 as courtesies, the retirement
age asked as a rule, records asked about in general, a caller who says she is in two minds),
and three ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout30_set
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

CLOSING = [A("请问还有其他问题吗？"), C("就这些了。"), A("感谢您的来电，再见。")]
OPENING = [C("你好，我明年就到退休年龄了，想问问弹性退休是怎么回事。"), A("您好，您请说。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "kj-complaint-1",
        "上回接电话的小伙子说弹性退休要单位同意，我们单位人事说根本没这回事。",
        "situation.complaint.no_apology",
        [A("以单位为准。")],
        [A("非常抱歉，之前的答复不准确，请您谅解，我把弹性退休的规定给您说清楚。")],
    ),
    *pair(
        "kj-complaint-2",
        "你们说话云里雾里的，我这个年纪哪里听得懂。",
        "situation.complaint.no_apology",
        [A("您哪里不懂？")],
        [A("对不起，是我讲得太绕了，请您谅解，我说得简单一点。")],
    ),
    *pair(
        "kj-complaint-3",
        "问了你们三回，回回都让我等通知，通知在哪里嘛？",
        "situation.complaint.no_apology",
        [A("通知还没出。")],
        [A("实在抱歉，让您一直等，请您谅解，我把目前能办的先告诉您。")],
    ),
    # 三（六）情绪激动
    *pair(
        "kj-upset-1",
        "我眼看就要退了，突然说要延迟，我这心里七上八下的，急死了！",
        "situation.upset.no_comfort",
        [A("政策是统一的。")],
        [A("您别着急，您的心情我理解，延迟的月数我帮您算一下。")],
    ),
    *pair(
        "kj-upset-2",
        "我身体不好，实在干不动了，你们还要我多干几年，这不是要我的命吗！",
        "situation.upset.no_comfort",
        [A("您可以申请提前。")],
        [A("您先别急，我理解您，我们看看您能不能办提前退休。")],
    ),
    *pair(
        "kj-upset-3",
        "为了这个事我跟老伴吵了好几天，家里都乱套了！",
        "situation.upset.no_comfort",
        [A("那您想好再办。")],
        [A("我能理解您，您先消消气，我们一起把政策理清楚。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "kj-wait-1",
        "你们这个电话一早上都是忙音，我手都按酸了。",
        "situation.wait.no_apology",
        [A("现在可以了。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "kj-wait-2",
        "你去问个事怎么去了那么久，我这边一直干等着。",
        "situation.wait.no_apology",
        [A("刚问完。")],
        [A("对不起，让您久等了，我正在帮您处理。")],
    ),
    *pair(
        "kj-wait-3",
        "好不容易转到人工，前面还排着二十几个人。",
        "situation.wait.no_apology",
        [A("请问您要问什么？")],
        [A("实在抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "kj-records-1",
        "你帮我算下我现在的缴费年限够不够二十年。",
        "situation.personal_info.no_verification",
        [A("还差一年。")],
        [A(VERIFY)],
    ),
    *pair(
        "kj-records-2",
        "我想看一下我的个人账户里攒了多少钱。",
        "situation.personal_info.no_verification",
        [A("有八万多。")],
        [A("为了您的个人信息安全，请根据语音提示进行身份验证。")],
    ),
    *pair(
        "kj-records-3",
        "麻烦查查我的退休申请是不是已经交到社保局了。",
        "situation.personal_info.no_verification",
        [A("已经交了。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "kj-scope-1",
        "对了，我的老年人乘车卡在哪里办？",
        "situation.out_of_scope.no_script",
        [A("去公交公司。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，乘车卡建议您咨询公交部门。")],
    ),
    *pair(
        "kj-scope-2",
        "还有，退休以后我想去老年大学，报名找哪个单位？",
        "situation.out_of_scope.no_script",
        [A("找老年大学。")],
        [A("不好意思，老年大学报名超出了我们的服务范围，建议您咨询当地老干部局或老年大学。")],
    ),
    *pair(
        "kj-scope-3",
        "顺便问下，家里的有线电视费怎么交？",
        "situation.out_of_scope.no_script",
        [A("去广电营业厅。")],
        [A("对不起，有线电视缴费不在我们的咨询范围，建议您咨询广电公司。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "kj-judge-1",
        "你看我这种情况，提前退休的申请能不能批？",
        "situation.judgement.no_script",
        [A("应该能批。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    *pair(
        "kj-judge-2",
        "凭你的经验，我要是弹性退休，养老金会不会少很多？",
        "situation.judgement.no_script",
        [A("会少一点。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    *pair(
        "kj-judge-3",
        "你给我个准话，我这个特殊工种到底算不算？",
        "situation.judgement.no_script",
        [A("算的。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "kj-praise-1",
        "你讲得真细致，我这个老太婆都听明白了，谢谢你。",
        "situation.praise.no_reply",
        [A("还有吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "kj-praise-2",
        "你说话慢慢的，听着就让人安心。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "kj-praise-3",
        "现在像你这么负责的年轻人不多了。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我们应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "kj-sorry-1",
        "不好意思啊，我年纪大了耳朵不好，刚才还凶你。",
        "situation.caller_apology.no_reply",
        [A("您继续说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "kj-sorry-2",
        "对不住，刚才是我急糊涂了。",
        "situation.caller_apology.no_reply",
        [A("您还有问题吗？")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "kj-sorry-3",
        "刚才我那些话说重了，你别生我的气。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没关系，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "kj-cursing-1",
        "你们就是一群只会推的饭桶！",
        "situation.cursing.no_redirect",
        [A("请您冷静。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问弹性退休，对吗？")],
    ),
    *pair(
        "kj-cursing-2",
        "你耳朵是聋了还是脑子进水了，我说弹性退休！",
        "situation.cursing.no_redirect",
        [A("你别这么说话。")],
        [A("打扰您一下，我们先来讨论您的问题，您问的是弹性退休，对吗？")],
    ),
    *pair(
        "kj-cursing-3",
        "定这个政策的人，不得好死！",
        "situation.cursing.no_redirect",
        [A("这是国家政策。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是延迟退休，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "kj-neg-quoted-insult",
        [
            C("我们工头老骂我窝囊废，说我干不动了，我能申请提前退休吗？"),
            A("符合条件的可以申请。"),
        ],
    ),
    plain(
        "kj-neg-wait-pension",
        [
            C("退休手续办完，要等多久才发第一个月的钱？"),
            A("一般次月发放。"),
        ],
    ),
    plain(
        "kj-neg-neighbour-complains",
        [
            C("我邻居说要投诉你们，我劝他先问清楚，退休证丢了怎么补办？"),
            A("可以到社保经办机构申请补办。"),
        ],
    ),
    plain(
        "kj-neg-courtesy",
        [
            C("不好意思，我再问下，弹性退休最多能延几年？"),
            A("最长不超过三年。"),
        ],
    ),
    plain(
        "kj-neg-thanks",
        [
            C("谢谢，那延迟退休是按月算的吗？"),
            A("是的，按出生年月计算。"),
        ],
    ),
    plain(
        "kj-neg-rule",
        [
            C("按新规定，女职工的退休年龄是多少？"),
            A("按出生年月逐步延迟。"),
        ],
    ),
    plain(
        "kj-neg-records-general",
        [
            C("一般退休人员的档案放在哪里？"),
            A("由社保经办机构或档案管理机构保管。"),
        ],
    ),
    plain(
        "kj-neg-two-minds",
        [
            C("我心里有点拿不定主意，早退和晚退各有什么区别？"),
            A("晚退缴费年限长，养老金会多一些。"),
        ],
    ),
    plain(
        "kj-ordinary-1",
        [
            C("弹性退休要自己申请吗？"),
            A("需要本人提出申请，与单位协商一致。"),
            C("哦，知道了。"),
        ],  # fmt: skip
    ),
    plain(
        "kj-ordinary-2",
        [
            C("提前退休最多能提前几年？"),
            A("最多不超过三年，且不早于原法定退休年龄。"),
            C("要什么条件？"),
            A("缴费年限要达到最低要求。"),
        ],  # fmt: skip
    ),
    plain(
        "kj-ordinary-3",
        [
            C("最低缴费年限现在是多少年？"),
            A("从二零三零年起逐步提高到二十年。"),
            C("好，谢谢啊。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="KJ")
    agents = [
        ("8601", "骆芸", "三十六组", {"f0": 1.1, "speed": 1.0, "gain": 0.71, "warp": 1.0}),
        ("8602", "庄毅", "三十六组", {"f0": 0.87, "speed": 1.0, "gain": 0.7, "warp": 1.01}),
        ("8603", "岑萍", "三十六组", {"f0": 1.12, "speed": 0.99, "gain": 0.69, "warp": 0.99}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout30_set")
