"""The situational held-out set, part 11: written on 2026-12-07 after part 10's figures and the
threshold and apology-idiom changes of that day, before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one in Chongqing phrasing or said indirectly. Every trigger comes in the
middle of a call after an ordinary first exchange about work injury. Hard negatives share
words with a trigger (骂 and 投诉 of an employer, 等 of a result, 对不起 and 谢谢 as
courtesies, 算不算 of a rule asked in general, 交警 and 车祸 in an in-scope question, 查 of a
rule), and four ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout11_set
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

CLOSING = [A("请问还有什么可以帮您？"), C("没有了。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，你好，我想咨询一下工伤的事情。"), A("好的，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "z-complaint-1",
        "我上礼拜打来问工伤认定要什么材料，接电话的人漏说了两样，害我又跑了一趟。",
        "situation.complaint.no_apology",
        [A("材料清单以窗口公布的为准。")],
        [A("非常抱歉，给您添麻烦了，请您谅解，我现在把完整的材料给您说一遍。")],
    ),
    *pair(
        "z-complaint-2",
        "说句不好听的，你们这个热线就是个摆设，问什么都说不清楚。",
        "situation.complaint.no_apology",
        [A("我们都是按政策答复的。")],
        [A("对不起，让您失望了，请您谅解，您这次想问什么，我尽量给您讲清楚。")],
    ),
    *pair(
        "z-complaint-3",
        "你们那个工作人员哦，话都没听我说完就讲不归你们管，啥子态度嘛。",
        "situation.complaint.no_apology",
        [A("可能是您的问题确实不归我们管。")],
        [A("对不起，给您带来不好的感受，请您谅解，您再把问题说一下，我来帮您看。")],
    ),
    # 三（六）情绪激动
    *pair(
        "z-upset-1",
        "我在厂里出事到现在都没人管，手指头断了两根，你叫我怎么冷静！",
        "situation.upset.no_comfort",
        [A("您可以申请工伤认定。")],
        [A("您先别着急，您的心情我理解，我告诉您现在马上可以做什么。")],
    ),
    *pair(
        "z-upset-2",
        "老板跑路了，我工伤的钱到底找哪个要，我都快急疯了！",
        "situation.upset.no_comfort",
        [A("可以找工伤保险基金。")],
        [A("您别急，我能理解您现在的心情，我一步一步告诉您怎么办。")],
    ),
    *pair(
        "z-upset-3",
        "屋头就靠我一个人挣钱，现在腿摔断了，你说我啷个活嘛！",
        "situation.upset.no_comfort",
        [A("工伤期间有停工留薪。")],
        [A("您消消气，您的难处我理解，我们先把您能拿到的待遇说清楚。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "z-wait-1",
        "我打了一个多钟头，一直都是忙音。",
        "situation.wait.no_apology",
        [A("现在打通了，您说吧。")],
        [A("非常抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    *pair(
        "z-wait-2",
        "你查个东西咋个查这么久，我都在这儿等了五六分钟了。",
        "situation.wait.no_apology",
        [A("系统比较慢。")],
        [A("对不起，让您久等了，我马上就查好，请稍等。")],
    ),
    *pair(
        "z-wait-3",
        "你们这电话太难打了，我午饭都没吃就一直在拨。",
        "situation.wait.no_apology",
        [A("中午打的人多。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "z-records-1",
        "你帮我看一下，单位到底有没有给我交工伤保险？",
        "situation.personal_info.no_verification",
        [A("交了，从去年三月开始交的。")],
        [A(VERIFY)],
    ),
    *pair(
        "z-records-2",
        "我那个工伤认定的申请交上去半个月了，现在有结果没有？",
        "situation.personal_info.no_verification",
        [A("还在调查核实阶段。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查询进度。")],
    ),
    *pair(
        "z-records-3",
        "帮我查下嘛，我个人账户头的养老金攒了好多了？",
        "situation.personal_info.no_verification",
        [A("账户里有三万多。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "z-scope-1",
        "还有个事，我的车被拖走了，要去哪里交罚款？",
        "situation.out_of_scope.no_script",
        [A("去交警大队交。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，车辆罚款的问题建议您咨询交管部门。")],
    ),
    *pair(
        "z-scope-2",
        "顺便问一下，孩子上小学要办什么入学手续？",
        "situation.out_of_scope.no_script",
        [A("要户口本和房产证。")],
        [A("不好意思，入学的问题超出了我们的服务范围，建议您咨询教育部门。")],
    ),
    *pair(
        "z-scope-3",
        "我们小区物业乱收停车费，这个你们管不管嘛？",
        "situation.out_of_scope.no_script",
        [A("可以找街道。")],
        [A("对不起，物业收费的问题不属于我们的咨询范围，建议您咨询住房城乡建设部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "z-judge-1",
        "你觉得我这种情况，最后能不能认定成工伤？",
        "situation.judgement.no_script",
        [A("应该能认定。")],
        [A(JUDGE_SCRIPT.format("人力社保部门"))],
    ),
    *pair(
        "z-judge-2",
        "照你看，我去打这个官司能赢不？",
        "situation.judgement.no_script",
        [A("赢的可能性挺大的。")],
        [A(JUDGE_SCRIPT.format("仲裁委员会或法院"))],
    ),
    *pair(
        "z-judge-3",
        "你给我估一下嘛，伤残鉴定下来大概能评几级？",
        "situation.judgement.no_script",
        [A("估计八级左右。")],
        [A(JUDGE_SCRIPT.format("劳动能力鉴定委员会"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "z-praise-1",
        "你解释得真清楚，我总算弄明白了，太感谢你了。",
        "situation.praise.no_reply",
        [A("还有别的问题吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "z-praise-2",
        "你这个小姑娘服务态度好得很，我要给你点个赞。",
        "situation.praise.no_reply",
        [A("嗯，您继续说。")],
        [A("谢谢您的肯定，这是我应该做的。")],
    ),
    *pair(
        "z-praise-3",
        "今天问了你，我心里总算有底了，真的多谢你。",
        "situation.praise.no_reply",
        [A("好。")],
        [A("不用谢，能帮到您就好。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "z-sorry-1",
        "对不住啊，刚才是我太着急了，说话有点冲。",
        "situation.caller_apology.no_reply",
        [A("您接着说吧。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "z-sorry-2",
        "不好意思，我刚才语气不太好，你别往心里去。",
        "situation.caller_apology.no_reply",
        [A("嗯，那您还问什么？")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "z-sorry-3",
        "刚才我火气大了点，你多担待。",
        "situation.caller_apology.no_reply",
        [A("继续吧。")],
        [A("没关系，不要紧的。")],
    ),
    # 五（三）咒骂
    *pair(
        "z-cursing-1",
        "你们这些坐办公室的全是王八蛋！",
        "situation.cursing.no_redirect",
        [A("你骂人也解决不了问题。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是工伤认定的事，对吗？")],
    ),
    *pair(
        "z-cursing-2",
        "你是不是脑子有病，我都说了三遍了！",
        "situation.cursing.no_redirect",
        [A("我是在跟您确认。")],
        [A("打扰您一下，我们先来讨论您的问题好吗？您是想问工伤待遇吧？")],
    ),
    *pair(
        "z-cursing-3",
        "一群废物，拿着老百姓的钱不干事！",
        "situation.cursing.no_redirect",
        [A("你这样说就没意思了。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是工伤赔偿，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "z-neg-boss",
        [C("我骂了老板一句就被开除了，辞退要走什么程序？"), A("用人单位解除劳动合同应当依法提前通知。")],
    ),
    plain(
        "z-neg-complain-employer",
        [C("单位不给我报工伤，我要投诉单位，应该找哪个部门？"), A("可以向劳动保障监察机构投诉。")],
    ),
    plain(
        "z-neg-result",
        [C("我等了三个月，工伤认定结果终于出来了，下一步做劳动能力鉴定去哪里？"), A("到劳动能力鉴定委员会申请。")],
    ),
    plain(
        "z-neg-sorry",
        [C("对不起啊，我再问最后一个问题，停工留薪期是多久？"), A("一般不超过十二个月。")],
    ),
    plain(
        "z-neg-thanks",
        [C("好的谢谢，那工伤的医药费是先垫付再报销吗？"), A("符合规定的费用由工伤保险基金支付。")],
    ),
    plain(
        "z-neg-rule",
        [C("上下班路上出车祸，算不算工伤？"), A("非本人主要责任的交通事故可以认定为工伤。")],
    ),
    plain(
        "z-neg-police",
        [C("交警那边的事故认定书，申请工伤的时候要不要一起交？"), A("需要一并提交。")],
    ),
    plain(
        "z-neg-lookup",
        [C("工伤认定的申请时限是多久，我在哪里能查到这个规定？"), A("单位三十日内，个人一年内，可以在人社局官网查到。")],
    ),
    plain(
        "z-ordinary-1",
        [
            C("我是做外卖的，没有单位，能不能自己交工伤保险？"),
            A("可以参加新就业形态人员职业伤害保障。"),
            C("要得，我晓得了。"),
        ],  # fmt: skip
    ),
    plain(
        "z-ordinary-2",
        [
            C("工伤以后单位能不能把我辞退？"),
            A("停工留薪期内单位不得解除劳动合同。"),
            C("好，那我放心了。"),
        ],  # fmt: skip
    ),
    plain(
        "z-ordinary-3",
        [
            C("一次性伤残补助金是按什么算的？"),
            A("按伤残等级和本人工资计算。"),
            C("本人工资是指哪个工资？"),
            A("受伤前十二个月的平均月缴费工资。"),
        ],  # fmt: skip
    ),
    plain(
        "z-ordinary-4",
        [
            C("我在外省受的伤，回重庆治疗可以报销吗？"),
            A("需要办理异地就医备案。"),
            C("那备案在哪里办？"),
            A("可以在参保地经办机构或者网上办理。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="Z")
    agents = [
        ("8411", "龚倩", "十七组", {"f0": 1.07, "speed": 0.98, "gain": 0.7, "warp": 1.02}),
        ("8412", "罗斌", "十七组", {"f0": 0.86, "speed": 1.02, "gain": 0.68, "warp": 0.99}),
        ("8413", "蒋燕", "十七组", {"f0": 1.14, "speed": 1.0, "gain": 0.72, "warp": 1.0}),
    ]
    callers = [
        {"f0": 0.92, "speed": 1.04, "gain": 0.63, "warp": 1.01},
        {"f0": 1.16, "speed": 0.99, "gain": 0.62, "warp": 0.98},
        {"f0": 0.89, "speed": 1.05, "gain": 0.66},
        {"f0": 1.05, "speed": 0.97, "gain": 0.64, "warp": 1.02},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout11_set")
