"""The situational held-out set, part 15: written on 2026-12-07 after the changes part 14 led to
(a curse that complains has the cursing script, 能帮到您就好 answers thanks), before any run of
it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about maternity benefit. Hard negatives share words with a trigger (a
husband's 笨 quoted, 等 of a test result, 找茬 denied, 不好意思 and 谢谢 as courtesies, 辞退
asked as a rule, 投诉 of a hospital), and three ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout15_set
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

CLOSING = [A("还有别的问题吗？"), C("没有了，谢谢。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，你好，我问一下生育津贴的事情。"), A("您好，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "g-complaint-1",
        "上个月我打过来，你们的人说三天就到账，结果等了一个月都没有，这不是乱说吗？",
        "situation.complaint.no_apology",
        [A("到账时间以银行为准。")],
        [A("非常抱歉，上次给您的答复不准确，请您谅解，我帮您看看现在到哪一步了。")],
    ),
    *pair(
        "g-complaint-2",
        "你们的服务真的不行，每次问都是一句按规定办。",
        "situation.complaint.no_apology",
        [A("我们只能按规定办。")],
        [A("对不起，让您不满意了，请您谅解，您具体想问哪一条，我给您讲清楚。")],
    ),
    *pair(
        "g-complaint-3",
        "那个接电话的姑娘讲话阴阳怪气的，我听着就不舒服。",
        "situation.complaint.no_apology",
        [A("她可能不是那个意思。")],
        [A("实在抱歉，给您带来不好的感受，请您谅解，您有什么问题我来帮您。")],
    ),
    # 三（六）情绪激动
    *pair(
        "g-upset-1",
        "我刚生完孩子，公司就把我辞了，现在奶粉钱都没有，我要疯了！",
        "situation.upset.no_comfort",
        [A("孕期和哺乳期不能辞退。")],
        [A("您先别着急，您的心情我理解，我告诉您现在可以怎么维权。")],
    ),
    *pair(
        "g-upset-2",
        "住院押金交了三万，医保一分都报不了，我整晚整晚睡不着啊！",
        "situation.upset.no_comfort",
        [A("出院后才能结算。")],
        [A("您别着急，我能理解您，出院结算的时候医保是可以报的。")],
    ),
    *pair(
        "g-upset-3",
        "我跑了五趟了还是办不下来，我真的心态崩了！",
        "situation.upset.no_comfort",
        [A("材料要准备齐全。")],
        [A("您消消气，我理解您的心情，我一次把要带的材料都给您说清楚。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "g-wait-1",
        "我打你们电话打了两天才打通。",
        "situation.wait.no_apology",
        [A("现在通了，您说。")],
        [A("非常抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    *pair(
        "g-wait-2",
        "你那边还要多久，我在这儿都快等睡着了。",
        "situation.wait.no_apology",
        [A("快了。")],
        [A("对不起，让您久等了，我正在帮您处理。")],
    ),
    *pair(
        "g-wait-3",
        "你们这个号码真是难打，每次都提示坐席忙。",
        "situation.wait.no_apology",
        [A("咨询的人多。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "g-records-1",
        "帮我查一下，我的生育津贴发到哪个账户了？",
        "situation.personal_info.no_verification",
        [A("发到您单位的账户了。")],
        [A(VERIFY)],
    ),
    *pair(
        "g-records-2",
        "你看下我的医保今年报销了多少，还剩多少额度？",
        "situation.personal_info.no_verification",
        [A("报了八千，还剩两万多。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查询。")],
    ),
    *pair(
        "g-records-3",
        "我想查查我参加的那个技能培训，补贴发下来没有。",
        "situation.personal_info.no_verification",
        [A("上周已经发了。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "g-scope-1",
        "我顺便问下，新生儿上户口要带什么？",
        "situation.out_of_scope.no_script",
        [A("出生证明和户口本。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，户口的问题建议您咨询公安部门。")],
    ),
    *pair(
        "g-scope-2",
        "还有啊，孩子打疫苗在哪里预约？",
        "situation.out_of_scope.no_script",
        [A("在社区医院预约。")],
        [A("不好意思，疫苗的问题超出了我们的服务范围，建议您咨询卫生健康部门。")],
    ),
    *pair(
        "g-scope-3",
        "你知不知道办房产证要交哪些税？",
        "situation.out_of_scope.no_script",
        [A("契税和印花税。")],
        [A("对不起，房产证的问题不属于我们的咨询范围，建议您咨询不动产登记部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "g-judge-1",
        "你觉得我这个情况，生育津贴能不能全额拿到？",
        "situation.judgement.no_script",
        [A("能全额拿到。")],
        [A(JUDGE_SCRIPT.format("医保经办机构"))],
    ),
    *pair(
        "g-judge-2",
        "你帮我判断下，公司在我怀孕期间辞退我，仲裁能赢吗？",
        "situation.judgement.no_script",
        [A("肯定能赢。")],
        [A(JUDGE_SCRIPT.format("仲裁委员会"))],
    ),
    *pair(
        "g-judge-3",
        "依你看，我这个病最后能不能批成门诊特殊病？",
        "situation.judgement.no_script",
        [A("应该能批。")],
        [A(JUDGE_SCRIPT.format("医保经办机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "g-praise-1",
        "你解答得特别专业，谢谢你啊。",
        "situation.praise.no_reply",
        [A("还有问题吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "g-praise-2",
        "你的服务太贴心了，我都不知道怎么感谢你。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("谢谢您的认可，这是我应该做的。")],
    ),
    *pair(
        "g-praise-3",
        "你这么一说我就放心了，辛苦你了。",
        "situation.praise.no_reply",
        [A("好。")],
        [A("不客气，应该的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "g-sorry-1",
        "不好意思啊，我刚才态度有点急躁。",
        "situation.caller_apology.no_reply",
        [A("您接着说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "g-sorry-2",
        "对不起，我刚才打断你了，你接着说。",
        "situation.caller_apology.no_reply",
        [A("我说到材料了。")],
        [A("没关系，我接着给您说材料。")],
    ),
    *pair(
        "g-sorry-3",
        "是我自己没搞清楚，错怪你们了，抱歉。",
        "situation.caller_apology.no_reply",
        [A("还有什么要问的？")],
        [A("没事的，不要紧。")],
    ),
    # 五（三）咒骂
    *pair(
        "g-cursing-1",
        "你们就是一群混蛋，拿着工资不干活！",
        "situation.cursing.no_redirect",
        [A("你骂人就不对了。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是生育津贴的事，对吗？")],
    ),
    *pair(
        "g-cursing-2",
        "你有病吧，我问东你答西！",
        "situation.cursing.no_redirect",
        [A("是你没说清楚。")],
        [A("打扰您一下，我们先来讨论您的问题好吗？您是想问生育津贴到账吧？")],
    ),
    *pair(
        "g-cursing-3",
        "你们这帮没良心的东西，活该被人骂！",
        "situation.cursing.no_redirect",
        [A("你这样说我也没办法。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是生育津贴，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "g-neg-husband",
        [C("我老公骂我笨，说生育津贴只能女的领，是真的吗？"), A("男职工不能领生育津贴，可以享受陪产假。")],
    ),
    plain(
        "g-neg-test-result",
        [C("医院让我等化验结果，化验费能用医保报吗？"), A("符合目录的检查费用可以报销。")],
    ),
    plain(
        "g-neg-no-fuss",
        [C("我不是来找茬的，就想知道生育津贴怎么算。"), A("按单位上年度职工月平均工资除以三十乘以假期天数。")],
    ),
    plain(
        "g-neg-courtesy",
        [C("不好意思，能麻烦你再说一遍材料清单吗？"), A("身份证、出生证明和银行卡。")],
    ),
    plain(
        "g-neg-thanks",
        [C("谢谢，那产检的费用能报销吗？"), A("产前检查费用可以按规定报销。")],
    ),
    plain(
        "g-neg-rule",
        [C("公司说怀孕期间不能辞退员工，是这样吗？"), A("孕期、产期、哺乳期内不得依此解除劳动合同。")],
    ),
    plain(
        "g-neg-hospital",
        [C("我想投诉医院乱收费，是找医保局吗？"), A("可以向医疗保障部门反映。")],
    ),
    plain(
        "g-ordinary-1",
        [
            C("生育津贴按什么标准发？"),
            A("按单位上年度职工月平均工资计算。"),
            C("好的，明白了。"),
        ],  # fmt: skip
    ),
    plain(
        "g-ordinary-2",
        [
            C("男职工有陪产假吗？"),
            A("有十五天。"),
            C("那要单位批吗？"),
            A("需要向单位申请。"),
        ],  # fmt: skip
    ),
    plain(
        "g-ordinary-3",
        [
            C("职业技能培训补贴怎么申请？"),
            A("取得证书以后在网上申请。"),
            C("行，我去看看。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="G")
    agents = [
        ("8451", "石慧", "二十一组", {"f0": 1.09, "speed": 0.99, "gain": 0.71, "warp": 1.0}),
        ("8452", "柏林", "二十一组", {"f0": 0.86, "speed": 1.02, "gain": 0.69, "warp": 1.01}),
        ("8453", "严洁", "二十一组", {"f0": 1.13, "speed": 1.0, "gain": 0.7, "warp": 0.99}),
    ]
    callers = [
        {"f0": 0.91, "speed": 1.02, "gain": 0.64, "warp": 1.0},
        {"f0": 1.16, "speed": 1.0, "gain": 0.63, "warp": 1.01},
        {"f0": 0.88, "speed": 1.04, "gain": 0.65},
        {"f0": 1.03, "speed": 0.99, "gain": 0.62, "warp": 0.99},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout15_set")
