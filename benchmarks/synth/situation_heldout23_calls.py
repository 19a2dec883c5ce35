"""The situational held-out set, part 23: written on 2026-12-07 after the changes part 22 led to
(a personnel file and a registration as the caller's record; a silent line and a queue that
finally reached the caller as a wait; 办得下来 as an outcome asked; 脑子有坑 and 废柴; a
misunderstanding owned as an apology), before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about a cook's vocational skill certificate. Hard negatives share words
with a trigger (a chef's 蠢 quoted, 等 of an exam result, 投诉 of a training school, 不好意思 and
谢谢 as courtesies, a subsidy asked as a rule, certificates asked about in general, a caller
who is nervous about an exam), and three ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout23_set
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

CLOSING = [A("还有其他需要咨询的吗？"), C("没了没了。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，你好，我是个厨师，想问问考技能等级证的事。"), A("您好，您请说。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "kc-complaint-1",
        "前天我打来问，你们那个人讲话有气无力的，一听就是在应付我。",
        "situation.complaint.no_apology",
        [A("可能信号不好。")],
        [A("非常抱歉，让您有了不好的感受，请您谅解，我现在认真给您解答。")],
    ),
    *pair(
        "kc-complaint-2",
        "你们发的那个通知，时间地点一样都没写清楚，害我差点错过考试。",
        "situation.complaint.no_apology",
        [A("通知上都有的。")],
        [A("对不起，给您带来不便，请您谅解，我把考试的时间地点跟您核实一下。")],
    ),
    *pair(
        "kc-complaint-3",
        "我算是看明白了，你们热线就是个摆设。",
        "situation.complaint.no_apology",
        [A("我们一直在解答。")],
        [A("实在抱歉，让您失望了，请您谅解，您的问题我一定尽力帮您。")],
    ),
    # 三（六）情绪激动
    *pair(
        "kc-upset-1",
        "我考了三回都没过，钱也花了，时间也搭进去了，我现在气得浑身发抖！",
        "situation.upset.no_comfort",
        [A("可以再报名。")],
        [A("您先别着急，您的心情我理解，我们看看还有什么办法。")],
    ),
    *pair(
        "kc-upset-2",
        "你们再这样推，我就天天打，打到有人管为止！",
        "situation.upset.no_comfort",
        [A("您按规定办。")],
        [A("您先消消气，我理解您，这个事我现在就帮您问清楚。")],
    ),
    *pair(
        "kc-upset-3",
        "我一家人就指望这个证涨工资，现在搞成这样，我心里堵得慌。",
        "situation.upset.no_comfort",
        [A("证书要按时考。")],
        [A("您先别难过，我能理解您的心情，我帮您看看补考怎么安排。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "kc-wait-1",
        "你们这电话是真难打进来，我打了大半天。",
        "situation.wait.no_apology",
        [A("最近咨询的人多。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "kc-wait-2",
        "哎，你刚才让我等一下，这一等就是好几分钟。",
        "situation.wait.no_apology",
        [A("刚才在查。")],
        [A("对不起，让您久等了，我查到了，现在告诉您。")],
    ),
    *pair(
        "kc-wait-3",
        "我排队排到手机都发烫了才接通。",
        "situation.wait.no_apology",
        [A("您请说。")],
        [A("实在抱歉，让您久等了，请问您要咨询什么？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "kc-records-1",
        "你帮我查一下，我那个中级厨师证的补贴发下来没有？",
        "situation.personal_info.no_verification",
        [A("已经发了。")],
        [A(VERIFY)],
    ),
    *pair(
        "kc-records-2",
        "我想晓得我上次考试的成绩出来没得。",
        "situation.personal_info.no_verification",
        [A("成绩是合格。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查。")],
    ),
    *pair(
        "kc-records-3",
        "麻烦看看我的证书编号在系统里能不能查到。",
        "situation.personal_info.no_verification",
        [A("能查到。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "kc-scope-1",
        "对了，我想自己开个小饭馆，食品经营许可证咋个办？",
        "situation.out_of_scope.no_script",
        [A("去市场监管局。")],
        [
            A(
                "对不起，目前我们只提供人力社保相关业务咨询服务，食品经营许可证的问题建议您咨询市场监管部门。"
            )
        ],
    ),
    *pair(
        "kc-scope-2",
        "顺便问下，我的车年审过期了，罚得多不多？",
        "situation.out_of_scope.no_script",
        [A("罚两百。")],
        [A("不好意思，车辆年审超出了我们的服务范围，建议您咨询交管部门。")],
    ),
    *pair(
        "kc-scope-3",
        "我还想问，我家燃气表走得特别快，找哪个来看？",
        "situation.out_of_scope.no_script",
        [A("找燃气公司。")],
        [A("对不起，燃气的问题不属于我们的咨询范围，建议您咨询燃气公司。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "kc-judge-1",
        "你估计一下，我这次实操考试能不能过？",
        "situation.judgement.no_script",
        [A("应该能过。")],
        [A(JUDGE_SCRIPT.format("职业技能鉴定机构"))],
    ),
    *pair(
        "kc-judge-2",
        "照你说，我这个补贴申请会不会被退回来？",
        "situation.judgement.no_script",
        [A("不会退的。")],
        [A(JUDGE_SCRIPT.format("就业服务机构"))],
    ),
    *pair(
        "kc-judge-3",
        "你给我说句实话，我这个年纪还有没有希望考到高级？",
        "situation.judgement.no_script",
        [A("有希望。")],
        [A(JUDGE_SCRIPT.format("职业技能鉴定机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "kc-praise-1",
        "你说话条理真清楚，我一听就明白了。",
        "situation.praise.no_reply",
        [A("还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "kc-praise-2",
        "太感谢你了，帮我省了好多冤枉路。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "kc-praise-3",
        "你们热线有你这样的人，真是老百姓的福气。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我们应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "kc-sorry-1",
        "刚才我说话太冲了，对不起哈。",
        "situation.caller_apology.no_reply",
        [A("您继续。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "kc-sorry-2",
        "不好意思，刚才是我没听明白，还跟你急。",
        "situation.caller_apology.no_reply",
        [A("还有问题吗？")],
        [A("没关系的，我理解。")],
    ),
    *pair(
        "kc-sorry-3",
        "哎，我这个脾气不好，你别跟我一般计较。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没事的，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "kc-cursing-1",
        "你们就是一群骗子，骗我们的报名费！",
        "situation.cursing.no_redirect",
        [A("报名费是规定的。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问报名费的事，对吗？")],
    ),
    *pair(
        "kc-cursing-2",
        "你是聋子吗？我都说了是厨师证！",
        "situation.cursing.no_redirect",
        [A("我听到了。")],
        [A("打扰您一下，我们先来讨论您的问题，您问的是厨师证，对吗？")],
    ),
    *pair(
        "kc-cursing-3",
        "一帮吃闲饭的东西，屁事都办不成！",
        "situation.cursing.no_redirect",
        [A("我们在办。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是证书的问题，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "kc-neg-quoted-insult",
        [
            C("我们师傅老骂我蠢，切菜都切不好，考证要考刀工吗？"),
            A("实操考核包括刀工。"),
        ],
    ),
    plain(
        "kc-neg-wait-result",
        [
            C("考完以后要等多久才出成绩？"),
            A("一般考后一个月内公布。"),
        ],
    ),
    plain(
        "kc-neg-complain-school",
        [
            C("我想投诉那个培训学校乱收费，找哪个部门？"),
            A("可以向人社部门反映。"),
        ],
    ),
    plain(
        "kc-neg-courtesy",
        [
            C("不好意思，我再问下，报名要带几张照片？"),
            A("带两张一寸照片。"),
        ],
    ),
    plain(
        "kc-neg-thanks",
        [
            C("谢谢，那考试在哪里考？"),
            A("在指定的考点考试。"),
        ],
    ),
    plain(
        "kc-neg-rule",
        [
            C("按规定，拿到中级证能不能领技能补贴？"),
            A("符合条件的可以申领。"),
        ],
    ),
    plain(
        "kc-neg-certs-general",
        [
            C("一般技能等级证书在哪里能查真假？"),
            A("可以在官方平台查询。"),
        ],
    ),
    plain(
        "kc-neg-nervous",
        [
            C("我一想到考试就紧张得很，实操要考多久？"),
            A("一般两个小时左右。"),
        ],
    ),
    plain(
        "kc-ordinary-1",
        [
            C("厨师证分几个等级？"),
            A("分五个等级。"),
            C("好的，晓得了。"),
        ],  # fmt: skip
    ),
    plain(
        "kc-ordinary-2",
        [
            C("没有学历能考中级吗？"),
            A("满足工作年限就可以报考。"),
            C("要几年？"),
            A("一般要求从事本职业满四年。"),
        ],  # fmt: skip
    ),
    plain(
        "kc-ordinary-3",
        [
            C("考证有没有年龄限制？"),
            A("没有上限要求。"),
            C("那行，谢谢。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="KC")
    agents = [
        ("8531", "游静", "二十九组", {"f0": 1.11, "speed": 1.0, "gain": 0.7, "warp": 1.0}),
        ("8532", "庞磊", "二十九组", {"f0": 0.86, "speed": 1.01, "gain": 0.71, "warp": 0.99}),
        ("8533", "童悦", "二十九组", {"f0": 1.13, "speed": 0.99, "gain": 0.69, "warp": 1.01}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout23_set")
