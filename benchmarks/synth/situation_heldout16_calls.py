"""The situational held-out set, part 16: written on 2026-12-07 after the changes part 15 led to
(an expected answer missing from clearly heard words was not said; praise of how an answer was
given; a caller's apology for a misunderstanding; more insults and 等睡着), before any run of
it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about unemployment benefit and starting a business. Hard negatives
share words with a trigger (an employer's 投诉 box, 等 of a notice, a boss's curse quoted, 骂
of a neighbour, 慢 of a process, 谢谢 and 对不起 as courtesies, an outcome asked as a rule, a
personnel file, which is the hotline's business), and three ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout16_set
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

CLOSING = [A("请问您还有别的需要咨询吗？"), C("没了，谢谢。"), A("感谢您的来电，再见。")]
OPENING = [C("你好，我想咨询一下失业金的事。"), A("好的，您说。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "f-complaint-1",
        "我前天打来问，你们那个男的话没听完就说不归这里管，太敷衍了。",
        "situation.complaint.no_apology",
        [A("失业金确实是这边管的。")],
        [A("真是抱歉，给您添麻烦了，请您谅解，失业金的事我来帮您。")],
    ),
    *pair(
        "f-complaint-2",
        "你们热线讲政策跟念经一样，讲了半天我还是不晓得咋个办。",
        "situation.complaint.no_apology",
        [A("政策原文就是这么写的。")],
        [A("对不起，是我没讲清楚，请您谅解，我换个说法一步一步给您讲。")],
    ),
    *pair(
        "f-complaint-3",
        "说实在的，你们给的答复一次一个样，叫老百姓怎么信你们。",
        "situation.complaint.no_apology",
        [A("以最新的政策为准。")],
        [A("非常抱歉，前后说法不一致让您困扰了，请您谅解，我给您确认一下最新的规定。")],
    ),
    # 三（六）情绪激动
    *pair(
        "f-upset-1",
        "我失业大半年了，一分钱收入都没有，娃娃还要交学费，我真的快急死了！",
        "situation.upset.no_comfort",
        [A("失业金要先去登记。")],
        [A("您先别着急，您的心情我理解，我们一起看看您能领哪些补助。")],
    ),
    *pair(
        "f-upset-2",
        "材料交了三回都说不对，我整个人都要气炸了！",
        "situation.upset.no_comfort",
        [A("那说明材料还是有问题。")],
        [A("您先消消气，我能理解您，我把要交的材料一条一条给您核对。")],
    ),
    *pair(
        "f-upset-3",
        "我这几个晚上都睡不着，越想越憋屈，凭啥子不给我发！",
        "situation.upset.no_comfort",
        [A("不符合条件就不能发。")],
        [A("您别着急，我理解您的心情，我帮您看看是哪个条件没有满足。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "f-wait-1",
        "你们这个热线我从上午打到下午才打进来。",
        "situation.wait.no_apology",
        [A("那您现在说吧。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "f-wait-2",
        "你查个东西咋个要这么半天嘛，我这边还有事。",
        "situation.wait.no_apology",
        [A("系统有点慢。")],
        [A("对不起，让您久等了，我正在帮您处理，马上就好。")],
    ),
    *pair(
        "f-wait-3",
        "每回打你们电话都是一直在排队，听了二十分钟的音乐。",
        "situation.wait.no_apology",
        [A("高峰期人多。")],
        [A("实在抱歉，让您久等了，打电话的人比较多，请问您要咨询什么？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "f-records-1",
        "麻烦你帮我查一下，我的失业金这个月发了没有？",
        "situation.personal_info.no_verification",
        [A("这个月十号已经发了。")],
        [A(VERIFY)],
    ),
    *pair(
        "f-records-2",
        "你看一哈我那个创业担保贷款审批到哪一步了嘛。",
        "situation.personal_info.no_verification",
        [A("已经到银行了。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，然后我帮您查询。")],
    ),
    *pair(
        "f-records-3",
        "我想确认下，我原来那个单位有没有给我交满一年的失业保险。",
        "situation.personal_info.no_verification",
        [A("交满了，十四个月。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "f-scope-1",
        "另外问一下，我开的小饭馆要办食品经营许可证，去哪里办？",
        "situation.out_of_scope.no_script",
        [A("去区里的政务中心。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，食品经营许可证的问题建议您咨询市场监管部门。")],
    ),
    *pair(
        "f-scope-2",
        "对了，我的个人所得税退税在哪里申请嘛？",
        "situation.out_of_scope.no_script",
        [A("在个税的手机应用上申请。")],
        [A("不好意思，个税的问题超出了我们的服务范围，建议您咨询税务部门。")],
    ),
    *pair(
        "f-scope-3",
        "顺便问问，我家门口那条路挖了三个月了没人管，该打哪个电话？",
        "situation.out_of_scope.no_script",
        [A("可以打市政的电话。")],
        [A("对不起，道路的问题不属于我们的咨询范围，建议您咨询城市管理部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "f-judge-1",
        "你说我这个创业贷款申请，最后能不能批下来？",
        "situation.judgement.no_script",
        [A("您的条件应该能批。")],
        [A(JUDGE_SCRIPT.format("就业服务机构"))],
    ),
    *pair(
        "f-judge-2",
        "你凭经验给我说一下嘛，我这个情况告公司能拿到几个月的补偿？",
        "situation.judgement.no_script",
        [A("大概能拿三个月。")],
        [A(JUDGE_SCRIPT.format("仲裁委员会"))],
    ),
    *pair(
        "f-judge-3",
        "我自己辞职的，你估计一下，失业金到底有没有可能领到？",
        "situation.judgement.no_script",
        [A("我估计有可能。")],
        [A(JUDGE_SCRIPT.format("失业保险经办机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "f-praise-1",
        "你讲得太明白了，比我在网上查半天强多了，真的谢谢你。",
        "situation.praise.no_reply",
        [A("还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "f-praise-2",
        "小伙子你脾气真好，问你这么多遍都不烦，我要给你点个赞。",
        "situation.praise.no_reply",
        [A("嗯嗯。")],
        [A("谢谢您的肯定，这是我应该做的。")],
    ),
    *pair(
        "f-praise-3",
        "今天总算遇到个说得清楚的人，太感谢了。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("不客气，能帮到您就好。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "f-sorry-1",
        "对不起啊，我刚才说话声音太大了，不是针对你。",
        "situation.caller_apology.no_reply",
        [A("您继续说吧。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "f-sorry-2",
        "妹儿不好意思哈，刚才我脾气冲了点，你莫往心里去。",
        "situation.caller_apology.no_reply",
        [A("那您还有什么问题？")],
        [A("没关系的，您别放在心上。")],
    ),
    *pair(
        "f-sorry-3",
        "刚才是我没听完就打断你，真是不好意思。",
        "situation.caller_apology.no_reply",
        [A("我刚才说到登记。")],
        [A("没事，我接着给您说登记的事。")],
    ),
    # 五（三）咒骂
    *pair(
        "f-cursing-1",
        "你们这些当官的都是吸血鬼，专门坑老百姓！",
        "situation.cursing.no_redirect",
        [A("我们只是咨询热线。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才问的是失业金的事，对吗？")],
    ),
    *pair(
        "f-cursing-2",
        "你是猪脑子啊，我说了三遍了还听不懂！",
        "situation.cursing.no_redirect",
        [A("你再说一遍。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问失业金怎么领，对吗？")],
    ),
    *pair(
        "f-cursing-3",
        "一帮饭桶，问啥都说不知道，养你们有什么用！",
        "situation.cursing.no_redirect",
        [A("你这样说话不合适。")],
        [A("请您文明用语，我愿意帮您解决，您刚才说的是失业金的问题，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "f-neg-boss-curse",
        [C("我老板天天骂我们是废物，这种情况能申请辞职拿补偿吗？"), A("用人单位侮辱劳动者的，劳动者可以解除合同并要求经济补偿。")],
    ),
    plain(
        "f-neg-notice",
        [C("街道让我回家等通知，一般要等多久才审核完？"), A("一般十五个工作日内审核完。")],
    ),
    plain(
        "f-neg-employer-box",
        [C("我们公司新设了一个投诉信箱，我想问单位欠我工资能去哪里反映？"), A("可以向劳动保障监察机构投诉。")],
    ),
    plain(
        "f-neg-slow-process",
        [C("听说失业金审批比较慢，一般要几天？"), A("一般二十个工作日左右。")],
    ),
    plain(
        "f-neg-courtesy",
        [C("对不起，我没记下来，你能再说一下电话号码吗？"), A("好的，号码是一二三三三。")],
    ),
    plain(
        "f-neg-thanks",
        [C("好，谢谢，那失业期间医保怎么办？"), A("领取失业金期间由失业保险基金代缴医保。")],
    ),
    plain(
        "f-neg-rule",
        [C("按规定，被单位辞退的能不能领失业金？"), A("非本人意愿中断就业的，符合条件可以领取。")],
    ),
    plain(
        "f-neg-file",
        [C("我的人事档案放在哪里比较好，存档要收费吗？"), A("可以存放在公共就业人才服务机构，不收费。")],
    ),
    plain(
        "f-ordinary-1",
        [
            C("失业金一个月能领多少？"),
            A("按当地最低工资标准的百分之九十发放。"),
            C("哦，晓得了。"),
        ],  # fmt: skip
    ),
    plain(
        "f-ordinary-2",
        [
            C("灵活就业的社保补贴要满什么条件？"),
            A("要先办理就业登记，再按月缴费。"),
            C("那要在哪里登记？"),
            A("在街道的社保服务站。"),
        ],  # fmt: skip
    ),
    plain(
        "f-ordinary-3",
        [
            C("一次性创业补贴是多少钱？"),
            A("按规定是一万元。"),
            C("要得，我晓得了。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="F")
    agents = [
        ("8461", "康宁", "二十二组", {"f0": 1.07, "speed": 1.01, "gain": 0.7, "warp": 0.99}),
        ("8462", "贺新", "二十二组", {"f0": 0.84, "speed": 0.98, "gain": 0.72, "warp": 1.0}),
        ("8463", "甘雨", "二十二组", {"f0": 1.12, "speed": 1.02, "gain": 0.69, "warp": 1.01}),
    ]
    callers = [
        {"f0": 0.93, "speed": 1.03, "gain": 0.63, "warp": 1.01},
        {"f0": 1.14, "speed": 0.99, "gain": 0.64, "warp": 0.99},
        {"f0": 0.87, "speed": 1.0, "gain": 0.66},
        {"f0": 1.05, "speed": 1.02, "gain": 0.62, "warp": 1.0},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout16_set")
