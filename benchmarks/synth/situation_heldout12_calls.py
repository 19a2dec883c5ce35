"""The situational held-out set, part 12: written on 2026-12-07 after part 11's first run and
the changes it led to (a complaint names the service, praise is not a complaint, a thanking or
apologising line is not an upset one), before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial (northern or Southwestern), one said indirectly. Every trigger comes in the
middle of a call after an ordinary first exchange about retirement. Hard negatives share words
with a trigger (投诉 denied, 等 of an age, 不好意思 and 谢谢 as courtesies, 骗子 of a scam call,
公积金 beside 养老保险, 交 of a transfer, 多长时间 of a rule), and four ordinary calls in their
own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout12_set
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

CLOSING = [A("请问您还有其他问题吗？"), C("没有了，谢谢你。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，你好，我想问一下退休的事。"), A("您好，您请说。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "w-complaint-1",
        "上回你们一个男的接的，我问退休金咋算，他说得稀里糊涂的，到现在我也没整明白。",
        "situation.complaint.no_apology",
        [A("退休金按基础养老金加个人账户养老金计算。")],
        [A("非常抱歉，上次没给您讲清楚，请您谅解，我现在一项一项给您说。")],
    ),
    *pair(
        "w-complaint-2",
        "我得说一句，你们的答复太笼统了，跟没说一样。",
        "situation.complaint.no_apology",
        [A("政策就是这么规定的。")],
        [A("对不起，没能让您满意，请您谅解，您具体想了解哪一块，我详细给您讲。")],
    ),
    *pair(
        "w-complaint-3",
        "我打了三次，三个人说了三个样，你们内部都不统一口径的吗？",
        "situation.complaint.no_apology",
        [A("以最新的政策为准。")],
        [A("实在抱歉，给您带来困扰了，请您谅解，我把准确的规定再给您核对一遍。")],
    ),
    # 三（六）情绪激动
    *pair(
        "w-upset-1",
        "我干了三十年，到头来退休金就这么一点，这日子还怎么过啊！",
        "situation.upset.no_comfort",
        [A("退休金是按缴费年限和基数算的。")],
        [A("您先别着急，您的心情我理解，我帮您看看还有哪些待遇可以申请。")],
    ),
    *pair(
        "w-upset-2",
        "我妈八十多了，养老金三个月没到账，你们到底管不管，我都要急死了！",
        "situation.upset.no_comfort",
        [A("您到经办机构去问。")],
        [A("您别着急，我能理解您的心情，我马上告诉您怎么尽快查到原因。")],
    ),
    *pair(
        "w-upset-3",
        "气死我了，单位少给我交了五年社保，现在退不了休，我找谁说理去！",
        "situation.upset.no_comfort",
        [A("可以找劳动监察。")],
        [A("您消消气，我理解您的心情，我们一起把补缴的办法理清楚。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "w-wait-1",
        "我这个电话拨了快四十分钟才通。",
        "situation.wait.no_apology",
        [A("嗯，您说吧。")],
        [A("非常抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    *pair(
        "w-wait-2",
        "你能不能快点，我这边等得心都凉了。",
        "situation.wait.no_apology",
        [A("我在查。")],
        [A("对不起，让您久等了，我正在帮您处理，马上就好。")],
    ),
    *pair(
        "w-wait-3",
        "你们这号码老是占线，我拨了二十几遍。",
        "situation.wait.no_apology",
        [A("打的人确实多。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "w-records-1",
        "麻烦你给我查一下，我的养老保险一共交了多少年？",
        "situation.personal_info.no_verification",
        [A("一共交了二十二年。")],
        [A(VERIFY)],
    ),
    *pair(
        "w-records-2",
        "我想知道我每个月的退休金到底是多少，你帮我看看。",
        "situation.personal_info.no_verification",
        [A("每个月三千二百多。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查询。")],
    ),
    *pair(
        "w-records-3",
        "你给我瞅一眼，我那个养老账户里头现在有多少钱？",
        "situation.personal_info.no_verification",
        [A("有四万多。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "w-scope-1",
        "另外问一下，我家的电表坏了找谁来修？",
        "situation.out_of_scope.no_script",
        [A("找供电公司。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，电表的问题建议您咨询供电公司。")],
    ),
    *pair(
        "w-scope-2",
        "顺便打听个事，办结婚证需要带什么？",
        "situation.out_of_scope.no_script",
        [A("带户口本和身份证。")],
        [A("不好意思，结婚登记的问题超出了我们的服务范围，建议您咨询民政部门。")],
    ),
    *pair(
        "w-scope-3",
        "我想问问，信用卡逾期了会不会影响征信？",
        "situation.out_of_scope.no_script",
        [A("会影响的。")],
        [A("对不起，信用卡的问题不属于我们的咨询范围，建议您咨询发卡银行。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "w-judge-1",
        "你觉得我提前退休的申请能批下来吗？",
        "situation.judgement.no_script",
        [A("应该没问题。")],
        [A(JUDGE_SCRIPT.format("人力社保部门"))],
    ),
    *pair(
        "w-judge-2",
        "你就跟我说实话，我这个特殊工种的年限最后认不认？",
        "situation.judgement.no_script",
        [A("一般都认。")],
        [A(JUDGE_SCRIPT.format("人力社保部门"))],
    ),
    *pair(
        "w-judge-3",
        "依你看，我补缴的那几年到底能不能算进去？",
        "situation.judgement.no_script",
        [A("能算进去。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "w-praise-1",
        "姑娘你可真有耐心，给我讲了这么半天，谢谢你啊。",
        "situation.praise.no_reply",
        [A("还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "w-praise-2",
        "你这个服务我是真满意，回头给你们写封表扬信。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("谢谢您的认可，这是我应该做的。")],
    ),
    *pair(
        "w-praise-3",
        "哎呀，你一说我就全明白了，太感谢了。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("不用谢，能帮到您就好。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "w-sorry-1",
        "哎，刚才是我嗓门大了，你别跟我一般见识。",
        "situation.caller_apology.no_reply",
        [A("您接着问吧。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "w-sorry-2",
        "实在对不起，我刚才有点急，冲你发了火。",
        "situation.caller_apology.no_reply",
        [A("嗯，您说。")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "w-sorry-3",
        "我这人脾气急，刚才说话不好听，请你原谅。",
        "situation.caller_apology.no_reply",
        [A("还有什么问题？")],
        [A("没关系，不要紧的。")],
    ),
    # 五（三）咒骂
    *pair(
        "w-cursing-1",
        "你们这些人都是骗子，专门骗老百姓的钱！",
        "situation.cursing.no_redirect",
        [A("你不要乱说。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是退休金的事，对吗？")],
    ),
    *pair(
        "w-cursing-2",
        "你们都滚犊子吧，什么玩意儿！",
        "situation.cursing.no_redirect",
        [A("你这样说话我没法帮你。")],
        [A("打扰您一下，我们先来讨论您的问题好吗？您是想问退休手续吧？")],
    ),
    *pair(
        "w-cursing-3",
        "你他妈的到底会不会办事！",
        "situation.cursing.no_redirect",
        [A("请你注意态度。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是退休金计算，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "w-neg-no-complaint",
        [C("我不投诉，就是想问问女职工多少岁退休。"), A("女职工一般五十岁，女干部五十五岁。")],
    ),
    plain(
        "w-neg-age",
        [C("等我满了六十岁，养老金是按什么标准发？"), A("按您的缴费年限和缴费基数计算。")],
    ),
    plain(
        "w-neg-courtesy",
        [C("不好意思，我耳朵不太好，你能大点声吗？"), A("好的，我大声一点。")],
    ),
    plain(
        "w-neg-thanks",
        [C("谢谢你啊，那我退休以后医保还用交吗？"), A("缴费年限够了就不用再交。")],
    ),
    plain(
        "w-neg-scam",
        [C("有个骗子打电话说我社保卡异常，是不是你们打的？"), A("我们不会打电话让您转账，请您注意防骗。")],
    ),
    plain(
        "w-neg-fund",
        [C("公积金和养老保险是一回事吗？"), A("不是一回事，养老保险是社会保险的一种。")],
    ),
    plain(
        "w-neg-transfer",
        [C("我的养老保险是在老家交的，现在怎么转到重庆来？"), A("在重庆参保后申请转移接续。")],
    ),
    plain(
        "w-neg-howlong",
        [C("退休审批一般要多长时间？"), A("材料齐全的一般二十个工作日。")],
    ),
    plain(
        "w-ordinary-1",
        [
            C("灵活就业的养老保险每年什么时候交？"),
            A("每年一月到十二月都可以交。"),
            C("好的，明白了。"),
        ],  # fmt: skip
    ),
    plain(
        "w-ordinary-2",
        [
            C("退休以后还能不能接着交养老保险？"),
            A("达到退休年龄后不能再以职工身份参保。"),
            C("哦，这样啊。"),
        ],  # fmt: skip
    ),
    plain(
        "w-ordinary-3",
        [
            C("我六月份满六十，退休手续要提前多久办？"),
            A("提前三个月准备材料。"),
            C("要带哪些材料？"),
            A("身份证、户口本和个人档案。"),
        ],  # fmt: skip
    ),
    plain(
        "w-ordinary-4",
        [
            C("城乡居民养老保险的缴费档次可以改吗？"),
            A("每年可以调整一次。"),
            C("在哪里改？"),
            A("在社区或者网上都可以。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="U")
    agents = [
        ("8421", "冉静", "十八组", {"f0": 1.1, "speed": 1.0, "gain": 0.71, "warp": 0.99}),
        ("8422", "杨涛", "十八组", {"f0": 0.83, "speed": 1.03, "gain": 0.69, "warp": 1.01}),
        ("8423", "谭芳", "十八组", {"f0": 1.13, "speed": 0.98, "gain": 0.7, "warp": 1.02}),
    ]
    callers = [
        {"f0": 0.9, "speed": 1.02, "gain": 0.64, "warp": 1.0},
        {"f0": 1.18, "speed": 1.01, "gain": 0.63, "warp": 0.99},
        {"f0": 0.86, "speed": 1.04, "gain": 0.65},
        {"f0": 1.02, "speed": 0.99, "gain": 0.62, "warp": 1.01},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout12_set")
