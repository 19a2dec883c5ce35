"""The situational held-out set, part 17: written on 2026-12-07 after the changes part 16 led to
(半天 only as a wait, a judgement asks the agent, an insult inside a complaint, permits and
roads out of scope, how long a decision takes is no records request), before any run of it,
and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about medical insurance away from home and professional titles. Hard
negatives share words with a trigger (a doctor's 态度 criticised, 等 of a hospital queue, a
husband's 骂 quoted, 谢谢 and 不好意思 as courtesies, 能不能 asked as a rule, 查 of a
hospital list, 投诉 of a pharmacy), and three ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout17_set
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

CLOSING = [A("您还有其他问题吗？"), C("没有了。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，我问一下异地就医报销的事。"), A("您好，请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "b-complaint-1",
        "上礼拜你们一个女的接的，我问报销比例，她直接叫我自己去网上看，这叫什么服务？",
        "situation.complaint.no_apology",
        [A("网上确实有报销比例。")],
        [A("实在抱歉，那次的答复让您不满意了，请您谅解，报销比例我现在给您说。")],
    ),
    *pair(
        "b-complaint-2",
        "我发现你们这个热线就是个摆设，打了等于没打。",
        "situation.complaint.no_apology",
        [A("我们一直在正常服务。")],
        [A("对不起，之前没能帮您解决好，请您谅解，您遇到的问题我来跟进。")],
    ),
    *pair(
        "b-complaint-3",
        "你们咨询员业务太不熟了，一个异地备案都要去问别人。",
        "situation.complaint.no_apology",
        [A("政策比较复杂。")],
        [A("非常抱歉，让您久等又没说清楚，请您谅解，异地备案我现在一次给您讲完。")],
    ),
    # 三（六）情绪激动
    *pair(
        "b-upset-1",
        "我妈在外地住院花了五万多，回来一分都报不到，我现在急得饭都吃不下！",
        "situation.upset.no_comfort",
        [A("没备案就不能按异地报销。")],
        [A("您先别着急，我能理解您的心情，没备案也有补办的办法，我给您说。")],
    ),
    *pair(
        "b-upset-2",
        "你晓得不，我为了评这个职称熬了五年，现在说不算，我心里头堵得慌！",
        "situation.upset.no_comfort",
        [A("条件变了就不算了。")],
        [A("您别着急，我理解您，您把情况说一下，我帮您看看还有没有别的途径。")],
    ),
    *pair(
        "b-upset-3",
        "这样搞下去我真的撑不住了，病也看不起，钱也报不了！",
        "situation.upset.no_comfort",
        [A("报销有规定的。")],
        [A("您先消消气，您的心情我理解，我们一项一项来看能报哪些。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "b-wait-1",
        "你们这个电话一直占线，我连着打了一个钟头。",
        "situation.wait.no_apology",
        [A("现在接通了。")],
        [A("非常抱歉，拨打的人员较多，让您久等了，请问有什么可以帮您？")],
    ),
    *pair(
        "b-wait-2",
        "喂，你还在不在？让我等了好几分钟了都没声音。",
        "situation.wait.no_apology",
        [A("在的，在查。")],
        [A("对不起，让您久等了，我正在帮您处理。")],
    ),
    *pair(
        "b-wait-3",
        "转人工转了三次才有人接，你们人手是不是太少了。",
        "situation.wait.no_apology",
        [A("人工坐席有限。")],
        [A("实在抱歉，让您久等了，打电话的人比较多，请问您要咨询什么？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "b-records-1",
        "你帮我查查，我的医保卡个人账户里还剩多少钱？",
        "situation.personal_info.no_verification",
        [A("还剩一千二百多。")],
        [A(VERIFY)],
    ),
    *pair(
        "b-records-2",
        "我想看一下我的异地就医备案办成功没有。",
        "situation.personal_info.no_verification",
        [A("已经备案成功了。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查。")],
    ),
    *pair(
        "b-records-3",
        "麻烦帮我调一下我这两年的医保缴费明细。",
        "situation.personal_info.no_verification",
        [A("这两年都是按月交的。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "b-scope-1",
        "我问问，我女儿出国留学要办签证，去哪里办？",
        "situation.out_of_scope.no_script",
        [A("去领事馆申请。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，签证的问题建议您咨询出入境部门。")],
    ),
    *pair(
        "b-scope-2",
        "还有个事，我家的天然气表不走字了，该找哪个？",
        "situation.out_of_scope.no_script",
        [A("找燃气公司。")],
        [A("不好意思，燃气的问题超出了我们的服务范围，建议您联系燃气公司。")],
    ),
    *pair(
        "b-scope-3",
        "顺带问一句，我想给我家老人办个老年证，在哪里办？",
        "situation.out_of_scope.no_script",
        [A("在社区办。")],
        [A("对不起，老年证不属于我们的咨询范围，建议您咨询民政部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "b-judge-1",
        "你觉得我这个职称今年评得上不？",
        "situation.judgement.no_script",
        [A("您的条件评得上。")],
        [A(JUDGE_SCRIPT.format("职称评审委员会"))],
    ),
    *pair(
        "b-judge-2",
        "照你的经验，我这笔住院费回来能报多少？",
        "situation.judgement.no_script",
        [A("能报七成左右。")],
        [A(JUDGE_SCRIPT.format("医保经办机构"))],
    ),
    *pair(
        "b-judge-3",
        "你说实话，我这种没备案的，补办了会不会给我报？",
        "situation.judgement.no_script",
        [A("补办了会报的。")],
        [A(JUDGE_SCRIPT.format("医保经办机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "b-praise-1",
        "你真是帮了我大忙，我记住你的工号了，回头好好表扬你。",
        "situation.praise.no_reply",
        [A("那您还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "b-praise-2",
        "哎呀，问了好几个地方都没说清，还是你们热线靠谱，谢谢哈。",
        "situation.praise.no_reply",
        [A("嗯，好的。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "b-praise-3",
        "姑娘你声音好听人又耐心，真的感谢。",
        "situation.praise.no_reply",
        [A("您说。")],
        [A("谢谢您，应该的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "b-sorry-1",
        "不好意思，我刚才急了，说话大声了点。",
        "situation.caller_apology.no_reply",
        [A("那我们继续。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "b-sorry-2",
        "刚刚我口气不好，你别跟我计较哈。",
        "situation.caller_apology.no_reply",
        [A("您还要问什么？")],
        [A("没事的，您别放在心上。")],
    ),
    *pair(
        "b-sorry-3",
        "我给你道个歉，刚才不该说你们不负责任。",
        "situation.caller_apology.no_reply",
        [A("那您继续说吧。")],
        [A("没关系，我理解您着急的心情。")],
    ),
    # 五（三）咒骂
    *pair(
        "b-cursing-1",
        "你们这群骗子，交了钱看病还报不了！",
        "situation.cursing.no_redirect",
        [A("报不了是有原因的。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是住院报销的事，对吗？")],
    ),
    *pair(
        "b-cursing-2",
        "你脑子进水了吧，我问的是异地，你跟我扯本地！",
        "situation.cursing.no_redirect",
        [A("本地的也要了解。")],
        [A("打扰您一下，我们先来讨论您的问题，您问的是异地就医报销，对吗？")],
    ),
    *pair(
        "b-cursing-3",
        "一群废物，拿着纳税人的钱不办事！",
        "situation.cursing.no_redirect",
        [A("我们是在办事的。")],
        [A("请您文明用语，我愿意帮您解决，您刚才说的是报销的问题，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "b-neg-doctor",
        [C("医院那个医生态度不好，不给我开转诊单，没有转诊单能报吗？"), A("急诊可以不要转诊单，普通住院需要备案。")],
    ),
    plain(
        "b-neg-hospital-queue",
        [C("我在医院排了两个钟头的队，门诊费用能走医保吗？"), A("门诊费用可以按规定报销。")],
    ),
    plain(
        "b-neg-relative",
        [C("我老公骂我笨，说退休以后医保就不用交了，是不是？"), A("缴费满规定年限的，退休后不再缴纳。")],
    ),
    plain(
        "b-neg-courtesy",
        [C("不好意思，打断一下，异地备案要本人去吗？"), A("可以网上办理，不用本人去。")],
    ),
    plain(
        "b-neg-thanks",
        [C("好的谢谢，那门诊特殊病在外地能用吗？"), A("备案以后可以在外地定点医院使用。")],
    ),
    plain(
        "b-neg-rule",
        [C("按规定，没备案的异地住院能不能报销？"), A("可以补办备案，报销比例会低一些。")],
    ),
    plain(
        "b-neg-hospital-list",
        [C("我想查一下外地哪些医院是定点医院。"), A("可以在国家医保服务平台上查询。")],
    ),
    plain(
        "b-neg-pharmacy",
        [C("我想投诉一家药店乱收费，这个归医保管吗？"), A("可以向医疗保障部门反映。")],
    ),
    plain(
        "b-ordinary-1",
        [
            C("异地就医备案有效期多久？"),
            A("一般是长期有效。"),
            C("哦，那就好。"),
        ],  # fmt: skip
    ),
    plain(
        "b-ordinary-2",
        [
            C("中级职称要什么条件？"),
            A("一般要求本科毕业后工作满五年。"),
            C("那论文有要求吗？"),
            A("需要有相关的业绩成果。"),
        ],  # fmt: skip
    ),
    plain(
        "b-ordinary-3",
        [
            C("住院报销要带些什么？"),
            A("身份证、医保卡和发票。"),
            C("好的，记住了。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="B")
    agents = [
        ("8471", "童欣", "二十三组", {"f0": 1.1, "speed": 1.0, "gain": 0.71, "warp": 1.0}),
        ("8472", "邵峰", "二十三组", {"f0": 0.85, "speed": 1.01, "gain": 0.7, "warp": 0.99}),
        ("8473", "温晴", "二十三组", {"f0": 1.15, "speed": 0.99, "gain": 0.68, "warp": 1.01}),
    ]
    callers = [
        {"f0": 0.9, "speed": 1.01, "gain": 0.65, "warp": 0.99},
        {"f0": 1.12, "speed": 1.03, "gain": 0.62, "warp": 1.0},
        {"f0": 0.87, "speed": 1.0, "gain": 0.66},
        {"f0": 1.05, "speed": 1.02, "gain": 0.62, "warp": 1.0},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout17_set")
