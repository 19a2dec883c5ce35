"""The situational held-out set, part 7: written on 2026-12-07 after the cursing rule's
second check (a curse names an insult) and the short-line decode of the agent's speech,
before any run of it, and never tuned on.

Two violations per situation family, each with its compliant twin, in wording none of the
earlier parts use: one in plain Mandarin, one colloquial or in Chongqing phrasing, every
trigger in the middle of a call after an ordinary exchange about unemployment benefit.
Hard negatives share words with a trigger (什么东西 of documents, 有病 of an illness,
等 of an approval, 对不起 to ask again, 谢谢 in the middle of a call, 户籍 of an in-scope
question, 告 of an employer, a records question about the rule in general), and one
ordinary call.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout7_set
"""

from __future__ import annotations

from functools import partial

from benchmarks.synth.situation_calls import A, C, negative, recast, write_set
from benchmarks.synth.situation_calls import pair as _pair
from benchmarks.synth.situation_calls import specs as _specs

CLOSING = [A("请问您还有其他问题需要咨询吗？"), C("没有了，就这些。"), A("感谢您的来电，再见。")]
OPENING = [
    C("你好，我想问下失业金一个月能领好多？"),
    A("失业保险金按最低工资标准的百分之九十发放。"),
]


# The trigger after an ordinary first exchange (mid-call, as on a real line), and the hard
# negatives, both closed as every call of the part is.
pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)


SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "v-complaint-1",
        "昨天接电话那个工作人员，我话还没问完她就说不归你们管，这种服务让人很不舒服。",
        "situation.complaint.no_apology",
        [A("那您今天要问什么？")],
        [A("非常抱歉，给您带来不便，请您谅解，您的问题我来帮您解决。")],
    ),
    *pair(
        "v-complaint-2",
        "你们这个热线咋个回事嘛，每回问都是一句按规定办，等于没说。",
        "situation.complaint.no_apology",
        [A("我们只能按规定答复。")],
        [A("对不起，是我们解释得不够清楚，请您把情况详细告诉我，我来帮您弄清楚。")],
    ),
    # 三（六）情绪激动
    *pair(
        "v-upset-1",
        "这笔钱是我拿来救急的，你们一拖再拖，我真的受不了了！",
        "situation.upset.no_comfort",
        [A("审核是需要时间的。")],
        [A("您先别着急，您的心情我理解，我马上帮您看看卡在哪一步。")],
    ),
    *pair(
        "v-upset-2",
        "气死我了，单位不给我交社保，我找哪个都没得用！",
        "situation.upset.no_comfort",
        [A("您可以去劳动监察举报。")],
        [A("您先消消气，我理解您的心情，这种情况您可以向劳动监察大队举报。")],
    ),
    # 四（五）电话难打/久等
    *pair(
        "v-wait-1",
        "总算打通了，我从早上八点一直打到现在。",
        "situation.wait.no_apology",
        [A("请讲。")],
        [A("非常抱歉让您久等了，现在来电比较多，请问您要咨询什么？")],
    ),
    *pair(
        "v-wait-2",
        "你们这个电话好难打哦，一直嘟嘟嘟地占线。",
        "situation.wait.no_apology",
        [A("现在打的人多。")],
        [A("不好意思让您久等了，十二三三拨打的人员较多，请问有什么可以帮您？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "v-records-1",
        "你帮我查一下我社保交了好多年了，够不够退休。",
        "situation.personal_info.no_verification",
        [A("您已经缴了十八年，够了。")],
        [A("为了您的个人信息安全，请根据语音提示进行身份验证。")],
    ),
    *pair(
        "v-records-2",
        "我的失业金这个月打到卡上没有嘛，你帮我看一哈。",
        "situation.personal_info.no_verification",
        [A("已经发了，十五号到的账。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，验证以后我帮您查。")],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "v-scope-1",
        "对了，小孩上学要办居住证，在哪里办？",
        "situation.out_of_scope.no_script",
        [A("去派出所办。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，居住证的问题建议您咨询公安部门。")],
    ),
    *pair(
        "v-scope-2",
        "我那个个人所得税退税咋个弄喃？",
        "situation.out_of_scope.no_script",
        [A("在个税软件上弄。")],
        [A("不好意思，个税退税超出了我们的服务范围，建议您拨打税务热线。")],
    ),
    # 三（一）表扬/致谢
    *pair(
        "v-praise-1",
        "你说得好清楚，我一下子就懂了，辛苦你了。",
        "situation.praise.no_reply",
        [A("嗯，还有吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "v-praise-2",
        "小伙子服务态度真的好，我要给你们表扬一下。",
        "situation.praise.no_reply",
        [A("那您还要问什么？")],
        [A("谢谢您的肯定，这是我们应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "v-sorry-1",
        "不好意思啊，刚才我一着急声音大了点，不是冲你。",
        "situation.caller_apology.no_reply",
        [A("说正事吧。")],
        [A("没关系，我能理解您当时的心情，您接着说。")],
    ),
    *pair(
        "v-sorry-2",
        "妹妹对不起哈，刚刚我态度不好，你莫怪。",
        "situation.caller_apology.no_reply",
        [A("那你要问啥子？")],
        [A("没事没事，我理解，您慢慢讲。")],
    ),
    # 五（三）咒骂
    *pair(
        "v-cursing-1",
        "你们这些坐办公室的都是些混账东西，只晓得推！",
        "situation.cursing.no_redirect",
        [A("你嘴巴放干净点。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您说的是哪一项业务？")],
    ),
    *pair(
        "v-cursing-2",
        "你是不是脑子进水了，我说了三遍你还听不懂！",
        "situation.cursing.no_redirect",
        [A("是你自己没说清楚。")],
        [A("打扰您一下，我们先来讨论您的问题，您刚才说的问题是补缴养老保险，对吗？")],
    ),
    # 四（四）要求判断结果
    *pair(
        "v-judge-1",
        "你说我这个情况，去仲裁能不能赢？",
        "situation.judgement.no_script",
        [A("您这个肯定能赢。")],
        [
            A(
                "由于涉及到当事人相关资料的审核，暂时无法做出判断，请您按照正常程序办理，仲裁委会做出处理决定的。"
            )
        ],
    ),
    *pair(
        "v-judge-2",
        "我这个病算不算工伤嘛，你直接告诉我算还是不算。",
        "situation.judgement.no_script",
        [A("这个不算工伤。")],
        [
            A(
                "这个需要审核相关材料，我们暂时无法做出判断，请您按照正常程序申请认定，人社部门会做出认定决定的。"
            )
        ],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain("v-neg-things", [C("办退休需要带些什么东西？"), A("带身份证、户口本和档案就可以了。")]),
    plain(
        "v-neg-illness",
        [C("我有病要长期吃药，门诊特殊疾病怎么申请？"), A("可以到定点医院申请门诊特殊疾病认定。")],
    ),
    plain(
        "v-neg-employer",
        [
            C("公司把我辞退了也不给补偿，我想去告他们，找哪里？"),
            A("可以向劳动人事争议仲裁委员会申请仲裁。"),
        ],  # fmt: skip
    ),
    plain(
        "v-neg-approval",
        [C("我上个月交的材料，还要等好久才能批下来？"), A("一般十五个工作日内会有结果。")],
    ),
    plain(
        "v-neg-rule",
        [C("养老保险缴费年限一般要满多少年才能领？"), A("累计缴费满十五年。")],
    ),
    plain(
        "v-neg-again",
        [
            C("失业金要带什么材料？"),
            A("身份证和社保卡。"),
            C("对不起我没听清楚，你刚才说要带啥子？"),
            A("身份证和社保卡。"),
        ],  # fmt: skip
    ),
    plain(
        "v-neg-thanks",
        [
            C("好的谢谢哈，那我再问下，社保卡丢了咋个补？"),
            A("可以到银行网点或者在手机上申请补卡。"),
        ],
    ),
    plain(
        "v-neg-hukou",
        [
            C("我户籍在外省，在重庆退休，养老金可以在这边领不？"),
            A("符合条件的可以在重庆办理退休、领取养老金。"),
        ],  # fmt: skip
    ),
    plain(
        "v-neg-ordinary",
        [
            C("我想问下灵活就业人员的养老保险每年什么时候交？"),
            A("全年都可以按月或者按年缴费。"),
            C("要得，晓得了。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="V")
    agents = [
        ("8381", "何静", "十三组", {"f0": 1.08, "speed": 0.99, "gain": 0.7, "warp": 1.02}),
        ("8382", "罗斌", "十三组", {"f0": 0.86, "speed": 1.03, "gain": 0.7}),
    ]
    callers = [
        {"f0": 0.92, "speed": 1.05, "gain": 0.63, "warp": 0.98},
        {"f0": 1.15, "speed": 0.98, "gain": 0.65},
        {"f0": 1.0, "speed": 1.08, "gain": 0.6, "warp": 1.04},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout7_set")
