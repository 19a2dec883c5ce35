"""The situational held-out set, part 14: written on 2026-12-07 after the changes part 13 led to
(a complaint about waiting names the hotline and thanks no one), before any run of it, and
never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about a labour contract. Hard negatives share words with a trigger (a
boss's 废物 quoted, 投诉 of an employer with 投诉你们 denied, 等 of an arbitration, 不好意思 and
谢谢 as courtesies, 辞退 asked as a rule), and three ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout14_set
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

CLOSING = [A("请问您还有问题需要咨询吗？"), C("没有了。"), A("感谢您的来电，再见。")]
OPENING = [C("你好，我想问一下劳动合同的事。"), A("好的，请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "h-complaint-1",
        "昨天那个接电话的小伙子，我话还没问完他就叫我去问劳动监察，太敷衍了吧。",
        "situation.complaint.no_apology",
        [A("劳动监察确实管这个。")],
        [A("非常抱歉，昨天没有给您答复好，请您谅解，您把问题说完，我来帮您。")],
    ),
    *pair(
        "h-complaint-2",
        "我跟你说，你们这个热线的回答一次比一次含糊。",
        "situation.complaint.no_apology",
        [A("我们是按政策回答的。")],
        [A("对不起，让您不满意了，请您谅解，您这次想问什么，我给您讲具体。")],
    ),
    *pair(
        "h-complaint-3",
        "问了你们三个人，没有一个讲得清楚加班费到底怎么算。",
        "situation.complaint.no_apology",
        [A("加班费按工资的百分之一百五十算。")],
        [A("实在抱歉，给您带来不便，请您谅解，我把加班费的算法完整地给您讲一遍。")],
    ),
    # 三（六）情绪激动
    *pair(
        "h-upset-1",
        "老板拖了我半年工资，娃儿的学费都交不上了，我真的受不了了！",
        "situation.upset.no_comfort",
        [A("可以去申请劳动仲裁。")],
        [A("您先别着急，您的心情我理解，我告诉您最快的讨薪办法。")],
    ),
    *pair(
        "h-upset-2",
        "他们把我赶出厂门，合同也不给我，我现在气得浑身发抖！",
        "situation.upset.no_comfort",
        [A("没签合同可以要双倍工资。")],
        [A("您消消气，我能理解您，我们先看看您手上有哪些证据。")],
    ),
    *pair(
        "h-upset-3",
        "我辛辛苦苦干了这么多年，说开就开，凭什么啊，我想不通！",
        "situation.upset.no_comfort",
        [A("单位解除合同要给补偿。")],
        [A("您别生气，我理解您的心情，我给您说说您能拿到哪些补偿。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "h-wait-1",
        "这个电话我从早上八点拨到现在。",
        "situation.wait.no_apology",
        [A("嗯，您说。")],
        [A("非常抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    *pair(
        "h-wait-2",
        "你到底还要我等多久，我这边都等了十来分钟了。",
        "situation.wait.no_apology",
        [A("马上。")],
        [A("对不起，让您久等了，我正在帮您处理。")],
    ),
    *pair(
        "h-wait-3",
        "好不容易才打进来，前面一直提示线路忙。",
        "situation.wait.no_apology",
        [A("现在人比较多。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "h-records-1",
        "你帮我看看，我这几年的社保缴费记录是不是连续的。",
        "situation.personal_info.no_verification",
        [A("是连续的，没有断过。")],
        [A(VERIFY)],
    ),
    *pair(
        "h-records-2",
        "麻烦你查一下，我的劳动合同有没有在你们那里备案。",
        "situation.personal_info.no_verification",
        [A("已经备案了。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查询。")],
    ),
    *pair(
        "h-records-3",
        "我想知道我的失业保险现在一共缴了多少个月。",
        "situation.personal_info.no_verification",
        [A("一共缴了四十个月。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "h-scope-1",
        "我还想问一下，汽车年检到期了去哪里检？",
        "situation.out_of_scope.no_script",
        [A("去检测站。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，车辆年检的问题建议您咨询交管部门。")],
    ),
    *pair(
        "h-scope-2",
        "对了，我想办个港澳通行证，在哪里办？",
        "situation.out_of_scope.no_script",
        [A("去出入境大厅。")],
        [A("不好意思，通行证的问题超出了我们的服务范围，建议您咨询出入境管理部门。")],
    ),
    *pair(
        "h-scope-3",
        "我想问下，家里老人的老年证怎么办？",
        "situation.out_of_scope.no_script",
        [A("去社区办。")],
        [A("对不起，老年证的问题不属于我们的咨询范围，建议您咨询民政部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "h-judge-1",
        "你看我这个情况，去仲裁的话能拿回多少钱？",
        "situation.judgement.no_script",
        [A("能拿回三万左右。")],
        [A(JUDGE_SCRIPT.format("仲裁委员会"))],
    ),
    *pair(
        "h-judge-2",
        "你直接告诉我，公司这样扣我工资到底合不合法？",
        "situation.judgement.no_script",
        [A("肯定不合法。")],
        [A(JUDGE_SCRIPT.format("劳动保障监察机构"))],
    ),
    *pair(
        "h-judge-3",
        "依你的经验，我这个官司打得赢打不赢？",
        "situation.judgement.no_script",
        [A("打得赢。")],
        [A(JUDGE_SCRIPT.format("仲裁委员会或法院"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "h-praise-1",
        "你这个人真好，讲得又细又耐心，谢谢你了。",
        "situation.praise.no_reply",
        [A("还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "h-praise-2",
        "太好了，你给我指了条明路，真心感谢。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，能帮到您就好。")],
    ),
    *pair(
        "h-praise-3",
        "你们这个热线还是靠谱，今天这个小伙子讲得很清楚。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "h-sorry-1",
        "哎呀，我刚才说话太难听了，不好意思啊。",
        "situation.caller_apology.no_reply",
        [A("您接着问吧。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "h-sorry-2",
        "刚才是我误会你了，对不起。",
        "situation.caller_apology.no_reply",
        [A("嗯，那您还问什么？")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "h-sorry-3",
        "我脾气不好，刚才吼了你，你别往心里去啊。",
        "situation.caller_apology.no_reply",
        [A("继续吧。")],
        [A("没关系，不要紧的。")],
    ),
    # 五（三）咒骂
    *pair(
        "h-cursing-1",
        "你们这些人就是官僚，一群废物！",
        "situation.cursing.no_redirect",
        [A("你这样说不合适。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是拖欠工资的事，对吗？")],
    ),
    *pair(
        "h-cursing-2",
        "你怕不是个傻子吧，这都听不懂！",
        "situation.cursing.no_redirect",
        [A("我听懂了。")],
        [A("打扰您一下，我们先来讨论您的问题好吗？您是想问经济补偿吧？")],
    ),
    *pair(
        "h-cursing-3",
        "你们这群王八蛋，就知道踢皮球！",
        "situation.cursing.no_redirect",
        [A("我们没有踢皮球。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是加班费，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "h-neg-boss-words",
        [C("老板骂我们是废物，这种情况我能辞职吗？"), A("可以依法解除劳动合同。")],
    ),
    plain(
        "h-neg-employer",
        [C("我不是要投诉你们，我是想投诉我们老板不发工资。"), A("可以向劳动保障监察机构投诉。")],
    ),
    plain(
        "h-neg-arbitration-wait",
        [C("我等了三个月仲裁结果还没出来，一般要多久？"), A("一般四十五日内结案，可以延长十五日。")],
    ),
    plain(
        "h-neg-courtesy",
        [C("不好意思打扰一下，试用期最长可以多久？"), A("最长不超过六个月。")],
    ),
    plain(
        "h-neg-thanks",
        [C("谢谢你，那经济补偿金是怎么计算的？"), A("按工作年限每满一年支付一个月工资。")],
    ),
    plain(
        "h-neg-rule",
        [C("公司以不能胜任工作为由辞退员工，需要提前多久通知？"), A("需要提前三十日书面通知。")],
    ),
    plain(
        "h-neg-base",
        [C("加班费的计算基数是什么？"), A("按劳动合同约定的工资计算。")],
    ),
    plain(
        "h-ordinary-1",
        [
            C("劳动合同到期了公司不续签，有补偿吗？"),
            A("符合条件的有经济补偿。"),
            C("好的，知道了。"),
        ],  # fmt: skip
    ),
    plain(
        "h-ordinary-2",
        [
            C("试用期可以不买社保吗？"),
            A("试用期也必须参保。"),
            C("哦，那我找公司说。"),
        ],  # fmt: skip
    ),
    plain(
        "h-ordinary-3",
        [
            C("我想申请劳动仲裁，要准备什么材料？"),
            A("仲裁申请书和证据材料。"),
            C("在哪里交？"),
            A("交到劳动人事争议仲裁委员会。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="H")
    agents = [
        ("8441", "覃敏", "二十组", {"f0": 1.06, "speed": 1.01, "gain": 0.7, "warp": 1.01}),
        ("8442", "钟伟", "二十组", {"f0": 0.87, "speed": 1.0, "gain": 0.68, "warp": 0.98}),
        ("8443", "范婷", "二十组", {"f0": 1.12, "speed": 0.99, "gain": 0.72, "warp": 1.0}),
    ]
    callers = [
        {"f0": 0.94, "speed": 1.0, "gain": 0.65, "warp": 1.02},
        {"f0": 1.15, "speed": 1.02, "gain": 0.62, "warp": 0.99},
        {"f0": 0.9, "speed": 1.03, "gain": 0.64},
        {"f0": 1.01, "speed": 0.98, "gain": 0.63, "warp": 1.0},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout14_set")
