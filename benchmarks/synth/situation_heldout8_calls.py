"""The situational held-out set, part 8: written on 2026-12-07 after the second checks on the
waiting class (it names the line, the queue or the slowness) and the cursing class's lower
threshold, before any run of it, and never tuned on.

Two violations per situation family, each with its compliant twin, in wording none of the
earlier parts use: one in plain Mandarin, one colloquial or in Chongqing phrasing, every
trigger in the middle of a call after an ordinary first exchange about work injury. Hard
negatives share words with a trigger (神经 of an illness, 什么东西 of documents, 电话 and 等了
of an ordinary question, 投诉 of an employer, 谢谢 mid-call, 不好意思 to ask again, 驾驶 of an
in-scope question, a records question about the rule in general), and one ordinary call.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout8_set
"""

from __future__ import annotations

from functools import partial

from benchmarks.synth.situation_calls import A, C, negative, recast, write_set
from benchmarks.synth.situation_calls import pair as _pair
from benchmarks.synth.situation_calls import specs as _specs

CLOSING = [A("请问您还有其他问题吗？"), C("没得了，谢谢。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，你好，我想咨询一下工伤方面的事情。"), A("好的，请问您具体想了解哪方面？")]


# The trigger after an ordinary first exchange (mid-call, as on a real line), and the hard
# negatives, both closed as every call of the part is.
pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)


SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "w-complaint-1",
        "我上礼拜打过来问，那个接电话的说话很不耐烦，问两句就不理我了。",
        "situation.complaint.no_apology",
        [A("那您这次想问什么？")],
        [A("非常抱歉，给您带来不好的感受，请您谅解，您的问题我来为您解答。")],
    ),
    *pair(
        "w-complaint-2",
        "你们这些人说话前后不一致嘛，上回说可以办，这回又说不行，搞啥子名堂。",
        "situation.complaint.no_apology",
        [A("以现在的政策为准。")],
        [A("对不起，给您带来不便了，请您把具体情况告诉我，我帮您核实清楚。")],
    ),
    # 三（六）情绪激动
    *pair(
        "w-upset-1",
        "我都快急疯了，医院催着要钱，报销的钱到现在都没下来！",
        "situation.upset.no_comfort",
        [A("报销是有审核周期的。")],
        [A("您别着急，我理解您的心情，我来帮您看看怎么能快一些。")],
    ),
    *pair(
        "w-upset-2",
        "我心头好冒火哦，跑了三趟都说材料不对，到底要啷个嘛！",
        "situation.upset.no_comfort",
        [A("材料要按要求准备。")],
        [A("您先消消气，您的心情我能理解，我把需要的材料一项一项跟您说清楚。")],
    ),
    # 四（五）电话难打/久等
    *pair(
        "w-wait-1",
        "你们这个号码我拨了一个多钟头才拨进来。",
        "situation.wait.no_apology",
        [A("您说吧。")],
        [A("非常抱歉让您久等了，来电的人比较多，请问您要咨询什么？")],
    ),
    *pair(
        "w-wait-2",
        "喂，终于有人接了哈，我等得脑壳都大了。",
        "situation.wait.no_apology",
        [A("嗯，啥子事？")],
        [A("不好意思让您久等了，请问有什么可以帮您？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "w-records-1",
        "你帮我查一下我的医保账户里还有好多钱嘛。",
        "situation.personal_info.no_verification",
        [A("您的账户还有一千二百元。")],
        [A("为了您的个人信息安全，请根据语音提示进行身份验证。")],
    ),
    *pair(
        "w-records-2",
        "我申请的工伤待遇现在审到哪一步了，你帮我查一下进度。",
        "situation.personal_info.no_verification",
        [A("您的申请已经审核通过了。")],
        [A("为了您的信息安全，请您先按语音提示验证身份，然后我帮您查询进度。")],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "w-scope-1",
        "顺便问一下，我家房子的不动产证在哪里办？",
        "situation.out_of_scope.no_script",
        [A("去不动产登记中心办。")],
        [
            A(
                "对不起，目前我们只提供人力社保相关业务咨询服务，不动产的问题建议您咨询不动产登记中心。"
            )
        ],
    ),
    *pair(
        "w-scope-2",
        "我娃儿要转学，学籍那些是不是也找你们？",
        "situation.out_of_scope.no_script",
        [A("学籍去学校问。")],
        [A("不好意思，学籍的问题超出了我们的服务范围，建议您咨询教育部门。")],
    ),
    # 三（一）表扬/致谢
    *pair(
        "w-praise-1",
        "你解释得太到位了，帮了我大忙，非常感谢！",
        "situation.praise.no_reply",
        [A("嗯，还有事吗？")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "w-praise-2",
        "妹儿你讲得又清楚又耐心，谢谢你哈。",
        "situation.praise.no_reply",
        [A("那你还要问啥子？")],
        [A("不客气，很高兴能帮到您。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "w-sorry-1",
        "真是抱歉，我刚刚情绪有点激动，说了些不好听的话。",
        "situation.caller_apology.no_reply",
        [A("您继续吧。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "w-sorry-2",
        "哎呀刚才是我错怪你了，对不住哦。",
        "situation.caller_apology.no_reply",
        [A("嗯，那还有别的吗？")],
        [A("没事，我理解的，您不用放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "w-cursing-1",
        "你们就是一群酒囊饭袋，屁事都办不成！",
        "situation.cursing.no_redirect",
        [A("请你说话注意点。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是工伤待遇的事，对吗？")],
    ),
    *pair(
        "w-cursing-2",
        "你是不是傻啊，这么简单都听不懂，白痴！",
        "situation.cursing.no_redirect",
        [A("你才听不懂。")],
        [A("打扰您一下，我们先来讨论您的问题好吗？您是想问工伤认定的材料吧？")],
    ),
    # 四（四）要求判断结果
    *pair(
        "w-judge-1",
        "你就直接说，我这种情况单位该不该赔我钱？",
        "situation.judgement.no_script",
        [A("单位肯定要赔。")],
        [
            A(
                "由于涉及到当事人相关资料的审核，暂时无法做出判断，请您按照正常程序办理，仲裁部门会做出处理决定的。"
            )
        ],
    ),
    *pair(
        "w-judge-2",
        "你帮我估一哈嘛，我这个伤残能评到几级？",
        "situation.judgement.no_script",
        [A("估计能评九级。")],
        [
            A(
                "伤残等级要由鉴定委员会鉴定，我们暂时无法做出判断，请您按照正常程序申请鉴定，鉴定委员会会做出结论的。"
            )
        ],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "w-neg-nerve", [C("我得了神经方面的病，住院能报多少？"), A("按医保目录内费用的比例报销。")]
    ),
    plain(
        "w-neg-things", [C("我要准备些什么东西去办失业登记？"), A("身份证和解除劳动合同的证明。")]
    ),
    plain(
        "w-neg-phone",
        [C("电话里说不清楚，我能不能直接去窗口办？"), A("可以的，带上身份证到社保窗口办理。")],
    ),
    plain(
        "w-neg-waited",
        [
            C("我等了三个月，工伤认定结果终于下来了，接下来怎么申请待遇？"),
            A("可以向社保经办机构申请工伤保险待遇。"),
        ],  # fmt: skip
    ),
    plain("w-neg-rule", [C("请问一下，退休金一般每个月几号发？"), A("每月十五号左右发放。")]),
    plain(
        "w-neg-employer",
        [C("我在网上投诉了单位拖欠工资，多久会有人处理？"), A("劳动监察受理后会及时处理。")],
    ),
    plain(
        "w-neg-thanks",
        [
            C("谢谢你啊，那我最后再问一个，失业金能领几个月？"),
            A("根据缴费年限，最长可以领二十四个月。"),
        ],  # fmt: skip
    ),
    plain(
        "w-neg-again",
        [
            C("工伤认定去哪个窗口？"),
            A("三号窗口。"),
            C("不好意思，我刚刚没听清楚，你说的是几号窗口？"),
            A("三号窗口。"),
        ],  # fmt: skip
    ),
    plain(
        "w-neg-driver",
        [
            C("我是开货车的驾驶员，出车的时候出了车祸算不算工伤？"),
            A("工作中发生的交通事故，符合条件的可以认定为工伤。"),
        ],  # fmt: skip
    ),
    plain(
        "w-neg-ordinary",
        [
            C("生育津贴是按什么标准发的？"),
            A("按用人单位上年度职工月平均工资计算。"),
            C("好，明白了。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="W")
    agents = [
        ("8391", "唐敏", "十四组", {"f0": 1.1, "speed": 1.01, "gain": 0.7, "warp": 0.99}),
        ("8392", "付强", "十四组", {"f0": 0.83, "speed": 1.0, "gain": 0.7, "warp": 1.01}),
    ]
    callers = [
        {"f0": 0.97, "speed": 1.04, "gain": 0.64, "warp": 1.02},
        {"f0": 1.2, "speed": 0.99, "gain": 0.61},
        {"f0": 0.9, "speed": 1.07, "gain": 0.65, "warp": 0.97},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout8_set")
