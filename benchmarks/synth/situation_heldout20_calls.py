"""The situational held-out set, part 20: written on 2026-12-07 after the changes part 19 led to
(complaints about a runaround and a mocked hotline, despair as an upset caller, thanks that
credits the agent, an employer's payments asked, a rent deposit out of scope, the phone menu and
hold music as a wait on the line), before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about a parent's rural residents' pension. Hard negatives share words
with a trigger (a father's 饭桶 quoted, 等 of a payment, 投诉 of a village agent, 不好意思 and
谢谢 as courtesies, a lump-sum top-up asked as a rule, records asked about in general, a
mother who gets 激动), and three ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout20_set
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

CLOSING = [A("请问还有其他需要咨询的吗？"), C("没有了，谢谢。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，你好，我想问下给我妈交城乡居民养老保险的事。"), A("您好，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "i-complaint-1",
        "上礼拜我打过来，你们那个女的说话阴阳怪气的，问两句就不耐烦了。",
        "situation.complaint.no_apology",
        [A("可能当时比较忙。")],
        [A("非常抱歉，给您带来了不好的感受，请您谅解，您的问题我来仔细给您解答。")],
    ),
    *pair(
        "i-complaint-2",
        "你们这个政策解释得乱七八糟，每个人说的都不一样，叫我们老百姓咋个办嘛。",
        "situation.complaint.no_apology",
        [A("政策是统一的。")],
        [A("对不起，让您困扰了，请您谅解，我把政策给您完整地讲一遍。")],
    ),
    *pair(
        "i-complaint-3",
        "说实话，你们这个热线我是不敢再信了，上次照你们说的去办，结果白跑了一趟。",
        "situation.complaint.no_apology",
        [A("您要带齐材料才行。")],
        [A("实在抱歉，让您白跑了一趟，请您谅解，这次我把要带的材料一样一样跟您说清楚。")],
    ),
    # 三（六）情绪激动
    *pair(
        "i-upset-1",
        "我妈七十多岁了，一个月就领那么一百多块钱，我越说越来气！",
        "situation.upset.no_comfort",
        [A("居民养老金是按缴费档次算的。")],
        [A("您先别着急，您的心情我理解，我给您说说怎么能多领一些。")],
    ),
    *pair(
        "i-upset-2",
        "我这几天急得饭都吃不下，觉都睡不着，你晓得不嘛！",
        "situation.upset.no_comfort",
        [A("您说一下具体情况。")],
        [A("您先别急，我能理解您，这个事情是有办法解决的，我们慢慢来。")],
    ),
    *pair(
        "i-upset-3",
        "这事要是再办不下来，我真的不晓得该怎么办了，我整个人都要垮了。",
        "situation.upset.no_comfort",
        [A("按流程办就可以。")],
        [A("您先冷静一下，我理解您的心情，我一步一步帮您把这个事理清楚。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "i-wait-1",
        "你们这个电话太难打了，我从早上八点打到现在才有人接。",
        "situation.wait.no_apology",
        [A("早上来电比较集中。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "i-wait-2",
        "你查个东西咋这么磨叽，我在这儿干等了好几分钟了。",
        "situation.wait.no_apology",
        [A("系统有点慢。")],
        [A("对不起，让您久等了，马上就好。")],
    ),
    *pair(
        "i-wait-3",
        "我拨了四五次，每次都说坐席全忙，请稍后再拨。",
        "situation.wait.no_apology",
        [A("现在接通了，您说吧。")],
        [A("实在抱歉，让您久等了，请问您要咨询什么？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "i-records-1",
        "帮我查一下，我妈的养老金这个月发了没有？",
        "situation.personal_info.no_verification",
        [A("这个月已经发了。")],
        [A(VERIFY)],
    ),
    *pair(
        "i-records-2",
        "我想晓得我自己这些年一共交了多少年的居民养老保险。",
        "situation.personal_info.no_verification",
        [A("一共交了八年。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查。")],
    ),
    *pair(
        "i-records-3",
        "我上个月交的那笔钱，你那边能看到扣款成功了吗？",
        "situation.personal_info.no_verification",
        [A("扣款成功了。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "i-scope-1",
        "对了，我妈的农村宅基地证要在哪里办？",
        "situation.out_of_scope.no_script",
        [A("去镇上的国土所。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，宅基地的问题建议您咨询自然资源部门。")],
    ),
    *pair(
        "i-scope-2",
        "我家小孩明年读小学，划片是咋个划的？",
        "situation.out_of_scope.no_script",
        [A("按户籍和房产划片。")],
        [A("不好意思，入学划片超出了我们的服务范围，建议您咨询当地教育部门。")],
    ),
    *pair(
        "i-scope-3",
        "顺便问一下，我的电动车被交警扣了，去哪里取？",
        "situation.out_of_scope.no_script",
        [A("去交警队停车场。")],
        [A("对不起，这个问题不属于我们的咨询范围，建议您咨询交警部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "i-judge-1",
        "你凭你的经验说，我妈这种情况补缴能不能批下来？",
        "situation.judgement.no_script",
        [A("应该能批。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    *pair(
        "i-judge-2",
        "你就给我交个底，我爸这个退休审批到底能不能过？",
        "situation.judgement.no_script",
        [A("没问题的。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    *pair(
        "i-judge-3",
        "你觉得我爸档案上那个出生年月认不认得到，你说句实在话。",
        "situation.judgement.no_script",
        [A("一般认最早的记录。")],
        [A(JUDGE_SCRIPT.format("人事档案管理部门"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "i-praise-1",
        "你讲得太清楚了，比我在村里问的明白多了。",
        "situation.praise.no_reply",
        [A("还有别的问题吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "i-praise-2",
        "哎呀，遇到你这么有耐心的人真是难得，谢谢你哈。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "i-praise-3",
        "我要给你们领导写封表扬信，你这服务没得说。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "i-sorry-1",
        "刚才是我没听清楚就乱发脾气，你莫往心里去。",
        "situation.caller_apology.no_reply",
        [A("您继续说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "i-sorry-2",
        "哎，不好意思，我刚才说话声音大了点，不是针对你。",
        "situation.caller_apology.no_reply",
        [A("那您还有什么问题？")],
        [A("没关系的，我理解。")],
    ),
    *pair(
        "i-sorry-3",
        "是我搞错了，冤枉你了，对不住啊。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没事的，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "i-cursing-1",
        "你们这些人就是一群饭桶！",
        "situation.cursing.no_redirect",
        [A("请您说话注意点。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问您母亲的养老保险，对吗？")],
    ),
    *pair(
        "i-cursing-2",
        "你脑子是不是有问题，我都说了三遍了！",
        "situation.cursing.no_redirect",
        [A("你再说一遍。")],
        [A("打扰您一下，我们先来讨论您的问题，您刚才说的是补缴的事，对吗？")],
    ),
    *pair(
        "i-cursing-3",
        "一帮混账东西，只晓得收钱不办事！",
        "situation.cursing.no_redirect",
        [A("我们没有乱收钱。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是缴费的问题，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "i-neg-quoted-insult",
        [
            C("我爸老骂村干部是饭桶，说他们不给办，村里到底能不能办参保？"),
            A("可以在村便民服务点办理参保登记。"),
        ],
    ),
    plain(
        "i-neg-wait-payment",
        [C("养老金批下来以后，要等多久才到账？"), A("一般次月发放到社保卡。")],
    ),
    plain(
        "i-neg-complain-agent",
        [C("村里代办员收了钱不给交，我能去哪里投诉他？"), A("可以向乡镇社保所反映。")],
    ),
    plain(
        "i-neg-courtesy",
        [C("不好意思，我再确认一下，缴费档次最低是多少？"), A("最低档每年两百元。")],
    ),
    plain(
        "i-neg-thanks",
        [C("谢谢，那补缴的话要带哪些材料？"), A("带身份证和户口本。")],
    ),
    plain(
        "i-neg-rule",
        [
            C("按政策，年满六十岁没交满十五年的，能不能一次性补缴？"),
            A("符合条件的可以按规定补缴。"),
        ],
    ),
    plain(
        "i-neg-records-general",
        [
            C("一般来说，在哪些地方可以查居民养老保险的缴费？"),
            A("可以在手机应用或者社保窗口查询。"),
        ],
    ),
    plain(
        "i-neg-mother-excited",
        [
            C("我妈身体不好，容易激动，办手续能不能让我代办？"),
            A("可以带上委托书和双方身份证代办。"),
        ],
    ),
    plain(
        "i-ordinary-1",
        [
            C("居民养老保险一年交一次吗？"),
            A("一年交一次，每年都可以交。"),
            C("好的，晓得了。"),
        ],  # fmt: skip
    ),
    plain(
        "i-ordinary-2",
        [
            C("我妈在外地打工，能在重庆交居民养老吗？"),
            A("需要在户籍所在地参保。"),
            C("那她户口在重庆就行是吧？"),
            A("是的，户籍在重庆就可以。"),
        ],  # fmt: skip
    ),
    plain(
        "i-ordinary-3",
        [
            C("交了职工养老还能交居民养老吗？"),
            A("不能同时参加两种。"),
            C("那行，谢谢。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="I")
    agents = [
        ("8501", "甘露", "二十六组", {"f0": 1.08, "speed": 1.0, "gain": 0.7, "warp": 1.01}),
        ("8502", "葛涛", "二十六组", {"f0": 0.88, "speed": 1.01, "gain": 0.7, "warp": 0.99}),
        ("8503", "宁雪", "二十六组", {"f0": 1.12, "speed": 0.99, "gain": 0.69, "warp": 1.0}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout20_set")
