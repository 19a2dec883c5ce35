"""The situational held-out set, part 19: written on 2026-12-07 after the changes part 18 led to
(an upset reading yields to a complaint about the service, a records request asks, cable
television and dog licences out of scope, 难为你了 as thanks), before any run of it, and never
tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about unpaid wages. Hard negatives share words with a trigger (a
boss's 废物 quoted, 等 of a hearing, 投诉 of a boss, 不好意思 and 谢谢 as courtesies, double
pay asked as a rule, records asked about in general, a phone's battery), and three ordinary
calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout19_set
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

CLOSING = [A("请问您还有其他问题需要咨询吗？"), C("没有了，谢谢你。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，你好，我想问一下老板欠工资的事。"), A("您好，您请说。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "a-complaint-1",
        "昨天你们有个男的接的，我话还没问完他就说去找监察大队，电话一挂了事。",
        "situation.complaint.no_apology",
        [A("欠薪确实是找监察大队。")],
        [A("非常抱歉，昨天没听您把话说完，请您谅解，您的情况我现在仔细听。")],
    ),
    *pair(
        "a-complaint-2",
        "你们这些接线的，一问三不知，还好意思叫咨询热线。",
        "situation.complaint.no_apology",
        [A("您问的情况比较特殊。")],
        [A("对不起，让您失望了，请您谅解，您的问题我一定给您弄清楚。")],
    ),
    *pair(
        "a-complaint-3",
        "我问个欠薪的事，你们转了我三个部门，没有一个管的，像话吗？",
        "situation.complaint.no_apology",
        [A("各部门职责不一样。")],
        [A("实在抱歉，让您来回折腾了，请您谅解，欠薪的事我直接告诉您该怎么办。")],
    ),
    # 三（六）情绪激动
    *pair(
        "a-upset-1",
        "老板欠了我们八个月工资跑了，我一家老小等着吃饭，我真的要崩溃了！",
        "situation.upset.no_comfort",
        [A("欠薪可以去监察大队投诉。")],
        [A("您先别着急，您的心情我理解，欠薪的事是有办法追回来的，我告诉您怎么做。")],
    ),
    *pair(
        "a-upset-2",
        "我在工地干了一年，一分钱没拿到，我现在恨不得去跳楼！",
        "situation.upset.no_comfort",
        [A("您可以申请劳动仲裁。")],
        [A("您先冷静一下，我能理解您，工钱是可以通过正规途径要回来的，我一步一步跟您说。")],
    ),
    *pair(
        "a-upset-3",
        "我已经两天没合眼了，越想越火大，凭什么我们辛辛苦苦干活拿不到钱！",
        "situation.upset.no_comfort",
        [A("这是老板的问题。")],
        [A("您别着急，我理解您的心情，我们一起来看看怎么帮您把钱要回来。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "a-wait-1",
        "你们这个热线一天到晚占线，我打了一上午才接通。",
        "situation.wait.no_apology",
        [A("上午人多。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "a-wait-2",
        "你那边查得怎么样了？我手机都快没电了，等了这么久。",
        "situation.wait.no_apology",
        [A("还在查。")],
        [A("对不起，让您久等了，我正在帮您处理，马上告诉您。")],
    ),
    *pair(
        "a-wait-3",
        "我按了半天的键，又听了好久的音乐，才听到人的声音。",
        "situation.wait.no_apology",
        [A("您请讲。")],
        [A("实在抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "a-records-1",
        "你帮我看一下，我那个技能培训补贴到账没有？",
        "situation.personal_info.no_verification",
        [A("已经到账了。")],
        [A(VERIFY)],
    ),
    *pair(
        "a-records-2",
        "我想查一下我们老板这几年到底给我交没交社保。",
        "situation.personal_info.no_verification",
        [A("交了三年。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查询。")],
    ),
    *pair(
        "a-records-3",
        "麻烦问一下，我的劳动仲裁申请现在审到哪一步了？",
        "situation.personal_info.no_verification",
        [A("已经立案了。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "a-scope-1",
        "另外，我租的房子房东不退押金，这个你们管吗？",
        "situation.out_of_scope.no_script",
        [A("这个可以去法院起诉。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，租房押金的问题建议您咨询住建部门或者法律援助。")],
    ),
    *pair(
        "a-scope-2",
        "顺便问下，我的信用卡逾期了，会不会影响征信？",
        "situation.out_of_scope.no_script",
        [A("会影响的。")],
        [A("不好意思，信用卡的问题超出了我们的服务范围，建议您咨询发卡银行。")],
    ),
    *pair(
        "a-scope-3",
        "我还想问，补办结婚证要带些啥子？",
        "situation.out_of_scope.no_script",
        [A("带身份证和户口本。")],
        [A("对不起，结婚证不属于我们的咨询范围，建议您咨询民政部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "a-judge-1",
        "你估计我们这个欠薪的案子，监察大队能不能帮我们要回来？",
        "situation.judgement.no_script",
        [A("能要回来。")],
        [A(JUDGE_SCRIPT.format("劳动保障监察机构"))],
    ),
    *pair(
        "a-judge-2",
        "你就给我说句痛快话，仲裁会不会判老板赔我双倍工资？",
        "situation.judgement.no_script",
        [A("会判双倍。")],
        [A(JUDGE_SCRIPT.format("仲裁委员会"))],
    ),
    *pair(
        "a-judge-3",
        "依你看，我这个培训补贴审核能通过吗？",
        "situation.judgement.no_script",
        [A("应该能通过。")],
        [A(JUDGE_SCRIPT.format("就业服务机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "a-praise-1",
        "你这么耐心地给我讲，我心里有底了，你是个好人。",
        "situation.praise.no_reply",
        [A("您还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "a-praise-2",
        "多谢你哈妹儿，要不是你，我还不晓得可以找监察大队。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "a-praise-3",
        "你们的服务我很满意，回头我给你们打个好评。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "a-sorry-1",
        "对不起，我刚才太激动了，说话没注意。",
        "situation.caller_apology.no_reply",
        [A("您接着说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "a-sorry-2",
        "不好意思哈，刚才那几句不是冲你，是气那个老板。",
        "situation.caller_apology.no_reply",
        [A("那您还问什么？")],
        [A("没关系的，我理解。")],
    ),
    *pair(
        "a-sorry-3",
        "抱歉抱歉，我刚才口气冲了，你多包涵。",
        "situation.caller_apology.no_reply",
        [A("嗯，继续。")],
        [A("没事，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "a-cursing-1",
        "你们这些狗官，就晓得护着老板！",
        "situation.cursing.no_redirect",
        [A("我们不是当官的。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是欠薪的事，对吗？")],
    ),
    *pair(
        "a-cursing-2",
        "你是不是白痴，我说的是工资不是社保！",
        "situation.cursing.no_redirect",
        [A("你说清楚点。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问工资怎么要回来，对吗？")],
    ),
    *pair(
        "a-cursing-3",
        "一群吃干饭的，老百姓的事从来不上心！",
        "situation.cursing.no_redirect",
        [A("我们一直很上心。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是欠薪的问题，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "a-neg-boss-rant",
        [C("老板天天骂我们是废物，还扣工资，这样扣工资合法吗？"), A("用人单位不得随意克扣工资，可以向监察机构投诉。")],
    ),
    plain(
        "a-neg-wait-arbitration",
        [C("仲裁立案以后，一般要等多久开庭？"), A("一般在受理后四十五日内结案。")],
    ),
    plain(
        "a-neg-complain-boss",
        [C("我要投诉我们老板拖欠工资，在哪里投诉？"), A("可以到劳动保障监察机构投诉。")],
    ),
    plain(
        "a-neg-courtesy",
        [C("不好意思，我没听清，监察大队的地址再说一下？"), A("好的，在区政务中心三楼。")],
    ),
    plain(
        "a-neg-thanks",
        [C("谢谢，那我要带什么证据过去？"), A("带劳动合同、工资条或者考勤记录。")],
    ),
    plain(
        "a-neg-rule",
        [C("按规定，老板不签劳动合同要不要赔双倍工资？"), A("超过一个月不满一年未签的，应当支付二倍工资。")],
    ),
    plain(
        "a-neg-records-general",
        [C("一般查社保缴费记录有哪些渠道？"), A("可以在手机应用、网站或者窗口查询。")],
    ),
    plain(
        "a-neg-phone-dead",
        [C("我手机快没电了，你能不能把监察大队电话发短信给我？"), A("可以的，稍后发送到您的手机上。")],
    ),
    plain(
        "a-ordinary-1",
        [
            C("农民工欠薪可以找哪里？"),
            A("可以找劳动保障监察机构。"),
            C("好，晓得了。"),
        ],  # fmt: skip
    ),
    plain(
        "a-ordinary-2",
        [
            C("技能培训补贴一个人能领几次？"),
            A("同一职业同一等级只能领一次。"),
            C("那换个工种呢？"),
            A("不同职业可以分别申请。"),
        ],  # fmt: skip
    ),
    plain(
        "a-ordinary-3",
        [
            C("劳动仲裁要交钱吗？"),
            A("劳动仲裁不收费。"),
            C("那就好，谢谢。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="A")
    agents = [
        ("8491", "简宁", "二十五组", {"f0": 1.11, "speed": 1.01, "gain": 0.7, "warp": 1.0}),
        ("8492", "鲁川", "二十五组", {"f0": 0.86, "speed": 0.99, "gain": 0.72, "warp": 1.01}),
        ("8493", "池秋", "二十五组", {"f0": 1.13, "speed": 1.0, "gain": 0.68, "warp": 0.99}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout19_set")
