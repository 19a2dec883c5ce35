"""The situational held-out set, part 22: written on 2026-12-07 after the changes part 21 led to
(a line that asks indulgence, 多担待, is no complaint, and a complaint yields to a caller's
apology; an apology for having been rash; 猪脑壳; electric scooters, health certificates and
noise as other offices' business; 拨进来 and the prompt tone as the line; 影不影响 and 领得到 as an
outcome asked), before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about a graduate's personnel file. Hard negatives share words with a
trigger (a roommate's 废物 quoted, 等 of a file, 投诉 of a university, 不好意思 and 谢谢 as
courtesies, a graduate's status asked as a rule, files asked about in general, a caller who
stammers), and three ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout22_set
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

CLOSING = [A("请问还有其他问题吗？"), C("暂时没有了。"), A("感谢您的来电，再见。")]
OPENING = [C("你好，我今年刚毕业，想问一下档案和报到的事。"), A("您好，请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "kb-complaint-1",
        "你们上个月那个接电话的，我问档案的事，她直接说不知道就挂了。",
        "situation.complaint.no_apology",
        [A("档案的事比较复杂。")],
        [A("非常抱歉，上次没能帮到您，请您谅解，档案的事我现在帮您理一理。")],
    ),
    *pair(
        "kb-complaint-2",
        "我打了三回，三个人给我讲了三种说法，你们内部都没统一过吗？",
        "situation.complaint.no_apology",
        [A("以我说的为准。")],
        [A("对不起，给您造成了困扰，请您谅解，我把准确的规定给您讲清楚。")],
    ),
    *pair(
        "kb-complaint-3",
        "说句不好听的，问你们还不如我自己上网搜。",
        "situation.complaint.no_apology",
        [A("网上的不一定准。")],
        [A("实在抱歉，没让您满意，请您谅解，您的问题我认真给您解答。")],
    ),
    # 三（六）情绪激动
    *pair(
        "kb-upset-1",
        "报到证过期了没人告诉我，现在工作都要黄了，我快疯掉了！",
        "situation.upset.no_comfort",
        [A("过期可以补办。")],
        [A("您先别着急，您的心情我理解，报到证的问题是可以处理的，我告诉您怎么办。")],
    ),
    *pair(
        "kb-upset-2",
        "我爸妈为这个事天天吵，我夹在中间真的受够了！",
        "situation.upset.no_comfort",
        [A("您要问什么？")],
        [A("您先别急，我能理解您，我们先把档案的事弄清楚。")],
    ),
    *pair(
        "kb-upset-3",
        "我都毕业半年了工作还没着落，现在看到手机响就心慌。",
        "situation.upset.no_comfort",
        [A("就业可以找人才中心。")],
        [A("您先放宽心，我理解您的压力，我给您说说有哪些帮扶政策。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "kb-wait-1",
        "我这两天天天打，不是占线就是没人接，太难了。",
        "situation.wait.no_apology",
        [A("这几天毕业生来电多。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "kb-wait-2",
        "喂？你还在吗？我这边半天没声音了。",
        "situation.wait.no_apology",
        [A("在的。")],
        [A("对不起，让您久等了，我刚才在帮您查，现在告诉您。")],
    ),
    *pair(
        "kb-wait-3",
        "好家伙，排了二十几个人才轮到我。",
        "situation.wait.no_apology",
        [A("您请讲。")],
        [A("实在抱歉，让您久等了，请问您要咨询什么？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "kb-records-1",
        "你帮我看下我的档案现在转到哪里了？",
        "situation.personal_info.no_verification",
        [A("已经到人才中心了。")],
        [A(VERIFY)],
    ),
    *pair(
        "kb-records-2",
        "我想问问，我的就业登记办好了没有？",
        "situation.personal_info.no_verification",
        [A("已经办好了。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查。")],
    ),
    *pair(
        "kb-records-3",
        "麻烦查一下我毕业后单位有没有给我参保。",
        "situation.personal_info.no_verification",
        [A("参保了。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "kb-scope-1",
        "另外，我的助学贷款毕业以后咋个还？",
        "situation.out_of_scope.no_script",
        [A("找发放贷款的银行。")],
        [
            A(
                "对不起，目前我们只提供人力社保相关业务咨询服务，助学贷款的问题建议您咨询学校或者经办银行。"
            )
        ],
    ),
    *pair(
        "kb-scope-2",
        "顺便问下，我想把户口迁回老家，要去哪里办？",
        "situation.out_of_scope.no_script",
        [A("去派出所。")],
        [A("不好意思，户口迁移超出了我们的服务范围，建议您咨询公安户籍部门。")],
    ),
    *pair(
        "kb-scope-3",
        "还有，我租的公寓网费一直乱扣，找哪个投诉？",
        "situation.out_of_scope.no_script",
        [A("找运营商。")],
        [A("对不起，网费的问题不属于我们的咨询范围，建议您咨询通信运营商。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "kb-judge-1",
        "你说我这个情况，档案找回来的希望大不大？",
        "situation.judgement.no_script",
        [A("希望挺大的。")],
        [A(JUDGE_SCRIPT.format("档案管理部门"))],
    ),
    *pair(
        "kb-judge-2",
        "依你的经验，我这个报到证补办得下来不？",
        "situation.judgement.no_script",
        [A("补得下来。")],
        [A(JUDGE_SCRIPT.format("就业服务机构"))],
    ),
    *pair(
        "kb-judge-3",
        "你实话告诉我，单位扣着我的档案不放，算不算违法？",
        "situation.judgement.no_script",
        [A("肯定违法。")],
        [A(JUDGE_SCRIPT.format("劳动保障监察机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "kb-praise-1",
        "你解释得真到位，我一下子就懂了。",
        "situation.praise.no_reply",
        [A("还有问题吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "kb-praise-2",
        "谢谢你啊姐姐，你比我们学校老师讲得还明白。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "kb-praise-3",
        "像你这样负责的接线员真的不多了。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "kb-sorry-1",
        "刚才不好意思哈，我有点着急，语气不太好。",
        "situation.caller_apology.no_reply",
        [A("您接着说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "kb-sorry-2",
        "是我误会你了，你别生气哈。",
        "situation.caller_apology.no_reply",
        [A("那您还问什么？")],
        [A("没关系的，我理解。")],
    ),
    *pair(
        "kb-sorry-3",
        "对不住啊，刚才我吼了你两句。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没事的，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "kb-cursing-1",
        "你们这些人就是废柴，一个档案都管不好！",
        "situation.cursing.no_redirect",
        [A("档案不归我们管。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问档案怎么转，对吗？")],
    ),
    *pair(
        "kb-cursing-2",
        "你是不是脑子有坑，我问的是档案！",
        "situation.cursing.no_redirect",
        [A("你没说清楚。")],
        [A("打扰您一下，我们先来讨论您的问题，您问的是档案，对吗？")],
    ),
    *pair(
        "kb-cursing-3",
        "一群只会打官腔的废物！",
        "situation.cursing.no_redirect",
        [A("我们没有打官腔。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是报到证的问题，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "kb-neg-quoted-insult",
        [
            C("我室友老说我是个废物，连报到证都弄丢了，报到证丢了怎么补？"),
            A("可以到就业主管部门申请补办。"),
        ],
    ),
    plain(
        "kb-neg-wait-file",
        [
            C("档案转过去以后要等多久才能查到？"),
            A("一般一个月左右。"),
        ],
    ),
    plain(
        "kb-neg-complain-school",
        [
            C("我想投诉学校不给我转档案，找哪个部门？"),
            A("可以向教育主管部门反映。"),
        ],
    ),
    plain(
        "kb-neg-courtesy",
        [
            C("不好意思，我再问下，现在报到证还要不要？"),
            A("现在已经不再发放报到证了。"),
        ],
    ),
    plain(
        "kb-neg-thanks",
        [
            C("谢谢，那档案可以放在人才中心吗？"),
            A("可以存放在公共就业人才服务机构。"),
        ],
    ),
    plain(
        "kb-neg-rule",
        [
            C("按规定，毕业两年内还算不算应届生？"),
            A("按规定可以按应届毕业生对待。"),
        ],
    ),
    plain(
        "kb-neg-files-general",
        [
            C("一般毕业生的档案都存在哪里？"),
            A("一般存放在就业单位或者人才服务机构。"),
        ],
    ),
    plain(
        "kb-neg-stammer",
        [
            C("我这个人一急就结巴，我慢慢说哈，档案要怎么转？"),
            A("好的，您慢慢说。"),
        ],
    ),
    plain(
        "kb-ordinary-1",
        [
            C("毕业生就业登记在哪里办？"),
            A("可以在就业服务机构或者网上办理。"),
            C("好的，明白了。"),
        ],  # fmt: skip
    ),
    plain(
        "kb-ordinary-2",
        [
            C("档案能自己拿着吗？"),
            A("个人不能自己保管档案。"),
            C("那要交给谁？"),
            A("交给单位或者人才服务机构。"),
        ],  # fmt: skip
    ),
    plain(
        "kb-ordinary-3",
        [
            C("灵活就业的毕业生档案放哪里？"),
            A("可以存放在户籍地的人才服务机构。"),
            C("行，谢谢。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="KB")
    agents = [
        ("8521", "骆遥", "二十八组", {"f0": 1.09, "speed": 0.99, "gain": 0.7, "warp": 0.99}),
        ("8522", "毛峰", "二十八组", {"f0": 0.89, "speed": 1.0, "gain": 0.72, "warp": 1.0}),
        ("8523", "施岚", "二十八组", {"f0": 1.12, "speed": 1.01, "gain": 0.68, "warp": 1.01}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout22_set")
