"""The situational held-out set, part 18: written on 2026-12-07 after the changes part 17 led to
(a line that thanks is no complaint, thanks returned answers praise, 打了等于没打 is no wait,
praise of the agent's voice, an application's success asked, study abroad out of scope),
before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about moving a pension account between provinces. Hard negatives
share words with a trigger (a former boss's 蠢货 quoted, 等 of the first pension, 不好意思 and
谢谢 as courtesies, 提前退休 asked as a rule, a lost bank card, 投诉 of an employer, a slow web
page), and three ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout18_set
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

CLOSING = [A("请问还有其他需要咨询的吗？"), C("没得了。"), A("感谢您的来电，再见。")]
OPENING = [C("你好，我想问一下养老保险转移的事。"), A("好的，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "c-complaint-1",
        "你们上次那个接电话的把转移的流程说错了，害我多跑了一趟成都。",
        "situation.complaint.no_apology",
        [A("流程是转入地办理。")],
        [A("非常抱歉，上次的答复有误，给您添麻烦了，请您谅解，我把正确的流程给您说一遍。")],
    ),
    *pair(
        "c-complaint-2",
        "讲真的，你们这个服务水平还不如街道办的临时工。",
        "situation.complaint.no_apology",
        [A("我们都是按规定答复的。")],
        [A("对不起，让您不满意了，请您谅解，您的问题我认真给您解答。")],
    ),
    *pair(
        "c-complaint-3",
        "每次问你们都是含含糊糊的，没有一句准话，这样的热线要来干啥。",
        "situation.complaint.no_apology",
        [A("具体要看您的情况。")],
        [A("实在抱歉，之前没给您说清楚，请您谅解，我这次一条一条给您讲明白。")],
    ),
    # 三（六）情绪激动
    *pair(
        "c-upset-1",
        "我交了十四年社保，差一年就能领养老金，现在公司不给交了，我该怎么活！",
        "situation.upset.no_comfort",
        [A("可以以灵活就业身份续交。")],
        [A("您先别着急，我理解您的心情，差的这一年是可以自己接着交的。")],
    ),
    *pair(
        "c-upset-2",
        "一把年纪了还要跑上跑下，我真的是受够了，气得手都在抖！",
        "situation.upset.no_comfort",
        [A("这个必须本人办理。")],
        [A("您先消消气，您的心情我能理解，我看看哪些能帮您在网上办。")],
    ),
    *pair(
        "c-upset-3",
        "退休金一个月才一千多，药钱都不够，我都不晓得日子怎么过下去了！",
        "situation.upset.no_comfort",
        [A("退休金是按缴费算的。")],
        [A("您别着急，我能理解您，我给您说说有哪些补助可以申请。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "c-wait-1",
        "你们这电话真不好打，我拨了十几遍才通。",
        "situation.wait.no_apology",
        [A("您要问什么？")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "c-wait-2",
        "你到底查好没有，我在这边干等了好一会儿了。",
        "situation.wait.no_apology",
        [A("马上就好。")],
        [A("对不起，让您久等了，我正在帮您处理。")],
    ),
    *pair(
        "c-wait-3",
        "排了半个多小时的队，好不容易才轮到我。",
        "situation.wait.no_apology",
        [A("现在人多。")],
        [A("实在抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "c-records-1",
        "你帮我查一下我的养老保险转过来没有，转到哪一步了？",
        "situation.personal_info.no_verification",
        [A("已经转入了。")],
        [A(VERIFY)],
    ),
    *pair(
        "c-records-2",
        "我想知道我这些年一共交了多少养老保险，个人账户里有多少。",
        "situation.personal_info.no_verification",
        [A("个人账户有三万多。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，然后帮您查询。")],
    ),
    *pair(
        "c-records-3",
        "麻烦你看下我妈的退休金这个月发了好多。",
        "situation.personal_info.no_verification",
        [A("发了两千三。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "c-scope-1",
        "顺便问一下，我家的有线电视欠费了在哪里交？",
        "situation.out_of_scope.no_script",
        [A("去营业厅交。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，有线电视的问题建议您咨询运营商。")],
    ),
    *pair(
        "c-scope-2",
        "对了，我想给我家狗办个狗证，你们晓得在哪办不？",
        "situation.out_of_scope.no_script",
        [A("去派出所办。")],
        [A("不好意思，这个超出了我们的服务范围，建议您咨询公安部门。")],
    ),
    *pair(
        "c-scope-3",
        "还有，我的驾驶证扣了十二分，要去哪里学习？",
        "situation.out_of_scope.no_script",
        [A("去车管所。")],
        [A("对不起，驾驶证的问题不属于我们的咨询范围，建议您咨询交管部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "c-judge-1",
        "你说我这个特殊工种提前退休，人社局会不会批？",
        "situation.judgement.no_script",
        [A("会批的。")],
        [A(JUDGE_SCRIPT.format("人社部门"))],
    ),
    *pair(
        "c-judge-2",
        "你给我透个底，我补缴的那几年到底认不认？",
        "situation.judgement.no_script",
        [A("应该认。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    *pair(
        "c-judge-3",
        "以你的判断，我这个技能鉴定能过几级？",
        "situation.judgement.no_script",
        [A("过个中级没问题。")],
        [A(JUDGE_SCRIPT.format("职业技能鉴定机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "c-praise-1",
        "你解释得好清楚，我这个老头子都听懂了，难为你了。",
        "situation.praise.no_reply",
        [A("您还有问题吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "c-praise-2",
        "你们这个热线服务真好，比我想的强多了，谢谢你们。",
        "situation.praise.no_reply",
        [A("好。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "c-praise-3",
        "小妹儿，你真是个热心肠，我记到你了。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不客气，应该的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "c-sorry-1",
        "对不起哈，我耳朵不好，刚才还冲你发脾气。",
        "situation.caller_apology.no_reply",
        [A("我说大声点。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "c-sorry-2",
        "哎，刚才是我不对，态度不好，你原谅我一下。",
        "situation.caller_apology.no_reply",
        [A("继续吧。")],
        [A("没事的，您别放在心上。")],
    ),
    *pair(
        "c-sorry-3",
        "真是抱歉，我刚才把气撒到你身上了。",
        "situation.caller_apology.no_reply",
        [A("您还要问什么？")],
        [A("没关系，我理解您着急的心情。")],
    ),
    # 五（三）咒骂
    *pair(
        "c-cursing-1",
        "你们这些人就是一帮寄生虫，专门吃老百姓的！",
        "situation.cursing.no_redirect",
        [A("你不要这样说。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是养老保险转移的事，对吗？")],
    ),
    *pair(
        "c-cursing-2",
        "你个蠢货，连个转移都讲不明白！",
        "situation.cursing.no_redirect",
        [A("我讲得很清楚了。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问养老保险怎么转，对吗？")],
    ),
    *pair(
        "c-cursing-3",
        "滚蛋，你们都是些不干实事的混账东西！",
        "situation.cursing.no_redirect",
        [A("你再骂我就挂了。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是养老保险的事，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "c-neg-old-boss",
        [C("我以前的老板骂我们是蠢货，现在他还欠着我的社保，能补交吗？"), A("可以向劳动保障监察机构反映，要求单位补缴。")],
    ),
    plain(
        "c-neg-wait-pension",
        [C("退休手续办完以后，要等多久才发第一笔养老金？"), A("一般次月开始发放。")],
    ),
    plain(
        "c-neg-apology-ask",
        [C("不好意思，我听力不太好，转移要带什么材料？"), A("带身份证和参保缴费凭证。")],
    ),
    plain(
        "c-neg-thanks",
        [C("谢谢啊，那灵活就业交的档次可以自己选吗？"), A("可以在规定的档次里自己选。")],
    ),
    plain(
        "c-neg-rule",
        [C("按规定，特殊工种提前退休要满几年？"), A("从事高空和特别繁重体力劳动满十年。")],
    ),
    plain(
        "c-neg-bank",
        [C("退休金发到银行卡上，银行卡丢了怎么办？"), A("先到银行挂失补卡，再到社保更新发放账户。")],
    ),
    plain(
        "c-neg-complain-company",
        [C("我想投诉我们公司少交养老保险，找哪个部门？"), A("可以向劳动保障监察机构投诉。")],
    ),
    plain(
        "c-neg-slow-web",
        [C("网上办转移的页面特别慢，一直转圈，能在窗口办吗？"), A("可以到社保窗口办理。")],
    ),
    plain(
        "c-ordinary-1",
        [
            C("城乡居民养老保险一年交多少？"),
            A("有多个档次，从几百到几千元。"),
            C("好，我回去商量一下。"),
        ],  # fmt: skip
    ),
    plain(
        "c-ordinary-2",
        [
            C("外省交的养老保险能转到重庆吗？"),
            A("可以办理转移接续。"),
            C("要在哪边申请？"),
            A("在重庆这边的社保经办机构申请。"),
        ],  # fmt: skip
    ),
    plain(
        "c-ordinary-3",
        [
            C("养老金今年涨了多少？"),
            A("按国家统一调整的比例执行。"),
            C("晓得了，谢谢。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="C")
    agents = [
        ("8481", "易兰", "二十四组", {"f0": 1.08, "speed": 0.99, "gain": 0.7, "warp": 1.01}),
        ("8482", "龚伟", "二十四组", {"f0": 0.83, "speed": 1.0, "gain": 0.71, "warp": 1.0}),
        ("8483", "蒲月", "二十四组", {"f0": 1.14, "speed": 1.01, "gain": 0.69, "warp": 0.99}),
    ]
    callers = [
        {"f0": 0.92, "speed": 1.0, "gain": 0.64, "warp": 1.0},
        {"f0": 1.15, "speed": 1.02, "gain": 0.63, "warp": 0.99},
        {"f0": 0.87, "speed": 1.0, "gain": 0.66},
        {"f0": 1.05, "speed": 1.02, "gain": 0.62, "warp": 1.0},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout18_set")
