"""The situational held-out set, part 29: written on 2026-12-08 after the changes part 28 led to
(service that pleased, 舒服 and 推荐, as praise, not a complaint; an agent more expert than the
caller's own office; a head called broken as an insult; a loss of control owned; past cases
as a guide to a judgement; talent housing rent and a foreign licence as other offices'
business), before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange in which a veteran asks how his years of service count towards his
pension (军龄视同缴费). Hard negatives share words with a trigger (a sergeant's 笨蛋 quoted, 等
of a transfer, 投诉 of a former employer, 对不起 and 谢谢 as courtesies, the service years asked
as a rule, records asked about in general, a caller who says he is worried), and three
ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout29_set
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

CLOSING = [A("您还有其他需要咨询的吗？"), C("没有了，谢了。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，同志你好，我是退伍军人，想问下当兵的年限怎么算养老保险。"), A("您好，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "ki-complaint-1",
        "我前年打过来，你们的人说军龄不能算，害我白白多交了两年钱。",
        "situation.complaint.no_apology",
        [A("政策后来有调整。")],
        [A("非常抱歉，当时的答复给您造成了损失，请您谅解，我把现在的规定给您讲清楚。")],
    ),
    *pair(
        "ki-complaint-2",
        "你们回答问题就像挤牙膏，问一句挤一点。",
        "situation.complaint.no_apology",
        [A("您还要问什么？")],
        [A("对不起，是我没有一次讲完整，请您谅解，我把全部情况给您说一下。")],
    ),
    *pair(
        "ki-complaint-3",
        "我当了八年兵都没受过这种气，你们这服务真让人心寒。",
        "situation.complaint.no_apology",
        [A("我们按规定答复。")],
        [A("实在抱歉，让您心里不舒服了，请您谅解，您的问题我认真帮您解决。")],
    ),
    # 三（六）情绪激动
    *pair(
        "ki-upset-1",
        "我为国家当了八年兵，回来连个养老都保障不了，我想不通啊！",
        "situation.upset.no_comfort",
        [A("政策就是这样。")],
        [A("您先别激动，您的心情我理解，军龄怎么算我仔细给您讲。")],
    ),
    *pair(
        "ki-upset-2",
        "我跑了三个地方都说不归他们管，我这火一下子就上来了！",
        "situation.upset.no_comfort",
        [A("那您去档案所在地。")],
        [A("您先消消气，我能理解您，我告诉您该找哪个部门。")],
    ),
    *pair(
        "ki-upset-3",
        "再这样推下去，我真的要去上访了！",
        "situation.upset.no_comfort",
        [A("那是您的权利。")],
        [A("您别着急，我理解您的心情，我们先把问题弄清楚。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "ki-wait-1",
        "你们这电话真是比登天还难，打了一个礼拜。",
        "situation.wait.no_apology",
        [A("现在接通了。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "ki-wait-2",
        "你让我稍等，结果一等就是好几分钟。",
        "situation.wait.no_apology",
        [A("刚才在查。")],
        [A("对不起，让您久等了，我正在帮您处理。")],
    ),
    *pair(
        "ki-wait-3",
        "排队排到我的时候，手机都快没电了。",
        "situation.wait.no_apology",
        [A("您请讲。")],
        [A("实在抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "ki-records-1",
        "你帮我查一下，我的军龄有没有算进缴费年限里。",
        "situation.personal_info.no_verification",
        [A("已经算进去了。")],
        [A(VERIFY)],
    ),
    *pair(
        "ki-records-2",
        "我想看看我退伍以后交的养老保险一共多少个月。",
        "situation.personal_info.no_verification",
        [A("一共一百二十个月。")],
        [A("为了您的个人信息安全，请根据语音提示进行身份验证。")],
    ),
    *pair(
        "ki-records-3",
        "麻烦查下我的退役军人保险接续办完没有。",
        "situation.personal_info.no_verification",
        [A("办完了。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "ki-scope-1",
        "对了，我的优待证在哪里办？退役军人事务局还是你们？",
        "situation.out_of_scope.no_script",
        [A("退役军人事务局。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，优待证建议您咨询退役军人事务部门。")],
    ),
    *pair(
        "ki-scope-2",
        "还有，我家里的燃气表坏了，找哪个公司修？",
        "situation.out_of_scope.no_script",
        [A("找燃气公司。")],
        [A("不好意思，燃气维修超出了我们的服务范围，建议您联系燃气公司。")],
    ),
    *pair(
        "ki-scope-3",
        "顺便问一下，老家的房子拆迁补偿谁来定？",
        "situation.out_of_scope.no_script",
        [A("住建部门。")],
        [A("对不起，拆迁补偿不在我们的咨询范围，建议您咨询当地征收部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "ki-judge-1",
        "你看我这个情况，军龄能不能全部算进去？",
        "situation.judgement.no_script",
        [A("能全部算。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    *pair(
        "ki-judge-2",
        "凭你的经验，我这档案丢了一页，会不会影响认定？",
        "situation.judgement.no_script",
        [A("不会影响。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    *pair(
        "ki-judge-3",
        "你打个包票嘛，我退休的时候能拿到四千不？",
        "situation.judgement.no_script",
        [A("能拿到。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "ki-praise-1",
        "你讲得条理清楚，比部队的文书还利索，谢谢啊。",
        "situation.praise.no_reply",
        [A("还有吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "ki-praise-2",
        "姑娘你真有耐心，我这个老兵给你敬个礼。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "ki-praise-3",
        "你们这个热线办事靠谱，我回去跟战友们都说说。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我们应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "ki-sorry-1",
        "对不起啊同志，刚才我嗓门太大了。",
        "situation.caller_apology.no_reply",
        [A("您接着说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "ki-sorry-2",
        "是我自己没搞清楚政策，还冲你发火，不好意思。",
        "situation.caller_apology.no_reply",
        [A("您还有问题吗？")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "ki-sorry-3",
        "刚才是我不对，你大人不记小人过。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没关系，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "ki-cursing-1",
        "你们这些人就是一群吃干饭的官老爷！",
        "situation.cursing.no_redirect",
        [A("请你冷静。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问军龄的事，对吗？")],
    ),
    *pair(
        "ki-cursing-2",
        "你是傻子还是聋子，我说的是军龄！",
        "situation.cursing.no_redirect",
        [A("你别吼。")],
        [A("打扰您一下，我们先来讨论您的问题，您问的是军龄怎么算，对吗？")],
    ),
    *pair(
        "ki-cursing-3",
        "没良心的东西，当兵的你们也糊弄！",
        "situation.cursing.no_redirect",
        [A("请注意你的用词。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是养老保险接续，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "ki-neg-quoted-insult",
        [
            C("我们班长以前老骂我笨蛋，现在我自己也搞不懂，军龄要开什么证明？"),
            A("需要退伍证和档案材料。"),
        ],
    ),
    plain(
        "ki-neg-wait-transfer",
        [
            C("保险关系转过来要等多长时间？"),
            A("一般四十五个工作日。"),
        ],
    ),
    plain(
        "ki-neg-complain-employer",
        [
            C("我想投诉原来的单位没给我接续保险，找你们行吗？"),
            A("可以向劳动保障监察机构反映。"),
        ],
    ),
    plain(
        "ki-neg-courtesy",
        [
            C("对不起，我再确认一下，退伍证要原件吗？"),
            A("需要原件。"),
        ],
    ),
    plain(
        "ki-neg-thanks",
        [
            C("谢谢，那义务兵和士官的年限算法一样吗？"),
            A("都按实际服役年限计算。"),
        ],
    ),
    plain(
        "ki-neg-rule",
        [
            C("按规定，军龄是不是视同缴费年限？"),
            A("是的，视同缴费年限。"),
        ],
    ),
    plain(
        "ki-neg-records-general",
        [
            C("退役军人的参保记录一般由哪个部门保管？"),
            A("由社保经办机构保管。"),
        ],
    ),
    plain(
        "ki-neg-worried",
        [
            C("我有点担心档案不全，要提前准备啥？"),
            A("可以先到档案所在地核对。"),
        ],
    ),
    plain(
        "ki-ordinary-1",
        [
            C("退伍以后没交的那几年能补吗？"),
            A("符合条件的可以补缴。"),
            C("嗯，好的。"),
        ],  # fmt: skip
    ),
    plain(
        "ki-ordinary-2",
        [
            C("军人退役养老保险补助是啥？"),
            A("是部队按规定给的养老保险补助。"),
            C("要转到哪里？"),
            A("转到您参保地的社保经办机构。"),
        ],  # fmt: skip
    ),
    plain(
        "ki-ordinary-3",
        [
            C("这个要本人去办吗？"),
            A("本人或委托他人都可以。"),
            C("行，谢谢。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="KI")
    agents = [
        ("8591", "谭琪", "三十五组", {"f0": 1.12, "speed": 1.0, "gain": 0.7, "warp": 1.01}),
        ("8592", "甘伟", "三十五组", {"f0": 0.88, "speed": 1.01, "gain": 0.7, "warp": 0.99}),
        ("8593", "华宁", "三十五组", {"f0": 1.1, "speed": 0.99, "gain": 0.69, "warp": 1.0}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout29_set")
