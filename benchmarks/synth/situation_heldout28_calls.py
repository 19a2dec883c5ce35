"""The situational held-out set, part 28: written on 2026-12-08 after the changes part 27 led to
(curses reported from a cousin, a relative or the internet are no curse at the agent; a
restaurant as another office's business; 等老半天 as a wait; half-answers as a complaint; savings
sunk as upset; a registration still on file as a records request), before any run of it, and
never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange in which a returning PhD asks about the talent-introduction subsidy
(人才引进). Hard negatives share words with a trigger (a supervisor's 书呆子 quoted, 等 of a
review, 投诉 of a former lab, 抱歉 and 谢谢 as courtesies, the subsidy asked as a rule, records
asked about in general, a caller who says he is confused), and three ordinary calls in their
own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout28_set
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

CLOSING = [A("还有什么可以帮您的吗？"), C("没有了，就这些。"), A("感谢您的来电，再见。")]
OPENING = [C("您好，我是刚回国的博士，想咨询一下人才引进补贴的事。"), A("好的，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "kh-complaint-1",
        "上个月你们的咨询员连人才认定和人才引进都分不清，给我讲得乱七八糟。",
        "situation.complaint.no_apology",
        [A("这两个确实不一样。")],
        [A("非常抱歉，之前没给您讲清楚，请您谅解，我把两者的区别给您说明一下。")],
    ),
    *pair(
        "kh-complaint-2",
        "你们就知道照着文件念，一句人话都不会讲。",
        "situation.complaint.no_apology",
        [A("文件就是这么规定的。")],
        [A("对不起，是我没讲明白，请您谅解，我换个说法给您解释。")],
    ),
    *pair(
        "kh-complaint-3",
        "说真的，你们的答复还不如我在网上随便搜的。",
        "situation.complaint.no_apology",
        [A("您还有什么问题？")],
        [A("实在抱歉，让您失望了，请您谅解，我把具体条件一条条给您说。")],
    ),
    # 三（六）情绪激动
    *pair(
        "kh-upset-1",
        "我放弃了国外的工作回来，结果补贴拖了一年都没发，我真的后悔死了！",
        "situation.upset.no_comfort",
        [A("发放需要时间。")],
        [A("您别着急，您的心情我理解，我帮您看看卡在哪里。")],
    ),
    *pair(
        "kh-upset-2",
        "房租、孩子上学全靠这笔钱，再拖下去我都撑不住了！",
        "situation.upset.no_comfort",
        [A("那您再等等。")],
        [A("您先别急，我理解您的难处，我们一起看看还差什么。")],
    ),
    *pair(
        "kh-upset-3",
        "一想到这事我就睡不着觉，整个人都焦虑得不行！",
        "situation.upset.no_comfort",
        [A("这个要慢慢来。")],
        [A("我能理解您，您先放宽心，具体情况我帮您梳理一下。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "kh-wait-1",
        "你们电话怎么老是打不通，我今天拨了快二十次。",
        "situation.wait.no_apology",
        [A("现在通了。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "kh-wait-2",
        "你查个资料都查了十分钟了，能不能快一点？",
        "situation.wait.no_apology",
        [A("在查了。")],
        [A("对不起，让您久等了，我正在帮您处理。")],
    ),
    *pair(
        "kh-wait-3",
        "刚才那个等待音乐我都能背下来了。",
        "situation.wait.no_apology",
        [A("您请讲。")],
        [A("实在抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "kh-records-1",
        "帮我查下我的人才引进补贴申请现在审到哪里了。",
        "situation.personal_info.no_verification",
        [A("在复审。")],
        [A(VERIFY)],
    ),
    *pair(
        "kh-records-2",
        "你看一下我这边的社保是从哪个月开始交的。",
        "situation.personal_info.no_verification",
        [A("从今年三月。")],
        [A("为了您的个人信息安全，请根据语音提示进行身份验证。")],
    ),
    *pair(
        "kh-records-3",
        "我想知道我的博士后工作经历有没有录进系统。",
        "situation.personal_info.no_verification",
        [A("已经录了。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "kh-scope-1",
        "对了，我孩子转学要去教育局哪个科室？",
        "situation.out_of_scope.no_script",
        [A("去基础教育科。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，转学的问题建议您咨询教育部门。")],
    ),
    *pair(
        "kh-scope-2",
        "还有，我的国外驾照能不能直接换国内的？",
        "situation.out_of_scope.no_script",
        [A("可以换。")],
        [A("不好意思，驾照换领超出了我们的服务范围，建议您咨询交管部门。")],
    ),
    *pair(
        "kh-scope-3",
        "顺便问一下，人才公寓的租金是房管局定的还是你们定的？",
        "situation.out_of_scope.no_script",
        [A("房管局定。")],
        [A("对不起，人才公寓租金不在我们的咨询范围，建议您咨询住房管理部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "kh-judge-1",
        "你估计我这个海外经历能不能认定为高层次人才？",
        "situation.judgement.no_script",
        [A("应该能认定。")],
        [A(JUDGE_SCRIPT.format("人才认定部门"))],
    ),
    *pair(
        "kh-judge-2",
        "按你们以往的情况，我这种条件补贴批得下来吗？",
        "situation.judgement.no_script",
        [A("批得下来。")],
        [A(JUDGE_SCRIPT.format("人才工作部门"))],
    ),
    *pair(
        "kh-judge-3",
        "你给个准话，我到底能拿到哪一档的补贴？",
        "situation.judgement.no_script",
        [A("第二档。")],
        [A(JUDGE_SCRIPT.format("人才工作部门"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "kh-praise-1",
        "你比我们单位人事处的人专业多了，谢谢你。",
        "situation.praise.no_reply",
        [A("还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "kh-praise-2",
        "跟你一聊，我心里一下子就亮堂了。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "kh-praise-3",
        "你们这里的服务真让人舒服，我回去要跟同学推荐。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我们应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "kh-sorry-1",
        "抱歉，刚刚我情绪有点失控。",
        "situation.caller_apology.no_reply",
        [A("您继续说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "kh-sorry-2",
        "不好意思，是我把时间记错了，还跟你争。",
        "situation.caller_apology.no_reply",
        [A("那您还有问题吗？")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "kh-sorry-3",
        "刚才我说话太急了，请你原谅。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没关系，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "kh-cursing-1",
        "你们这群官僚就是一帮废物！",
        "situation.cursing.no_redirect",
        [A("请你冷静。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问补贴发放，对吗？")],
    ),
    *pair(
        "kh-cursing-2",
        "你脑子是不是坏掉了，我问的是引进不是认定！",
        "situation.cursing.no_redirect",
        [A("你说清楚。")],
        [A("打扰您一下，我们先来讨论您的问题，您问的是人才引进，对吗？")],
    ),
    *pair(
        "kh-cursing-3",
        "混账东西，拿纳税人的钱不办事！",
        "situation.cursing.no_redirect",
        [A("请注意你的用词。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是补贴的事，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "kh-neg-quoted-insult",
        [
            C("我导师老骂我书呆子，说我不会办事，这个补贴要单位盖章吗？"),
            A("需要单位盖章。"),
        ],
    ),
    plain(
        "kh-neg-wait-review",
        [
            C("材料交上去，一般要等几个月才有结果？"),
            A("一般三个月左右。"),
        ],
    ),
    plain(
        "kh-neg-complain-lab",
        [
            C("我想投诉原来的实验室扣我的劳务费，这归你们管吗？"),
            A("可以向劳动保障监察机构反映。"),
        ],
    ),
    plain(
        "kh-neg-courtesy",
        [
            C("抱歉，我插一句，护照复印件要几页？"),
            A("首页和签证页都要。"),
        ],
    ),
    plain(
        "kh-neg-thanks",
        [
            C("谢谢，那安家费和补贴能一起申请吗？"),
            A("可以同时申请。"),
        ],
    ),
    plain(
        "kh-neg-rule",
        [
            C("按规定，博士的引进补贴是多少？"),
            A("按当地政策标准发放。"),
        ],
    ),
    plain(
        "kh-neg-records-general",
        [
            C("人才引进的名单一般在哪里公示？"),
            A("在人社局官网公示。"),
        ],
    ),
    plain(
        "kh-neg-confused",
        [
            C("这些政策我有点搞混了，能不能从头讲一下？"),
            A("好的，我从申请条件开始讲。"),
        ],
    ),
    plain(
        "kh-ordinary-1",
        [
            C("引进补贴是一次性发的吗？"),
            A("一般分三年发放。"),
            C("明白了。"),
        ],  # fmt: skip
    ),
    plain(
        "kh-ordinary-2",
        [
            C("在国外的工作年限算不算？"),
            A("符合条件的可以认定。"),
            C("要提供什么证明？"),
            A("需要工作证明和公证翻译件。"),
        ],  # fmt: skip
    ),
    plain(
        "kh-ordinary-3",
        [
            C("申请要在入职多久以内？"),
            A("一般在入职一年以内申请。"),
            C("好的，谢谢。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="KH")
    agents = [
        ("8581", "戴静", "三十四组", {"f0": 1.11, "speed": 1.0, "gain": 0.7, "warp": 0.99}),
        ("8582", "聂峰", "三十四组", {"f0": 0.87, "speed": 0.99, "gain": 0.71, "warp": 1.01}),
        ("8583", "苗露", "三十四组", {"f0": 1.13, "speed": 1.0, "gain": 0.69, "warp": 1.0}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout28_set")
