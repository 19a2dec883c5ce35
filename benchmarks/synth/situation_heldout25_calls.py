"""The situational held-out set, part 25: written on 2026-12-08 after the changes part 24 led to
(a complaint the cursing class also reads half as surely waits for an inspector; insults that
deny a conscience or call a head wooden; a house, a phone number, a funeral home as other
offices' business; praise for an agent's care), before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about a teacher's intermediate professional title (职称评审). Hard
negatives share words with a trigger (a colleague's 吃干饭 quoted, 等 of a certificate, 投诉
of an employer, 对不起 and 谢谢 as courtesies, a title's years asked as a rule, results asked
about in general, a caller who says she is nervous), and three ordinary calls in their own
wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout25_set
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

CLOSING = [A("请问还有其他问题吗？"), C("没得了。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，你好，我是个老师，想问一下评中级职称的事。"), A("您好，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "ke-complaint-1",
        "上次那个接线员跟我说材料不用盖章，结果我交上去被退回来了。",
        "situation.complaint.no_apology",
        [A("盖章是要盖的。")],
        [A("非常抱歉，给您带来不便，请您谅解，我把盖章的要求给您说清楚。")],
    ),
    *pair(
        "ke-complaint-2",
        "你们这里的人说话都是打官腔，一点实在的都没有。",
        "situation.complaint.no_apology",
        [A("我们按政策答复。")],
        [A("对不起，让您有这种感受，请您谅解，我尽量给您讲具体些。")],
    ),
    *pair(
        "ke-complaint-3",
        "我打了三回，三个人讲三个样，你们自己都没统一过嗦？",
        "situation.complaint.no_apology",
        [A("以文件为准。")],
        [A("实在抱歉，给您造成了困扰，请您谅解，我按最新文件给您讲一遍。")],
    ),
    # 三（六）情绪激动
    *pair(
        "ke-upset-1",
        "我评了三年都没评上，今年再不过我真的要崩溃了！",
        "situation.upset.no_comfort",
        [A("今年还没开始评。")],
        [A("您别着急，您的心情我理解，我们看看今年的条件。")],
    ),
    *pair(
        "ke-upset-2",
        "凭什么别人材料差不多就过了，我就不行，气得我一晚上没睡着！",
        "situation.upset.no_comfort",
        [A("评审有标准。")],
        [A("您先消消气，我理解您，评审的标准我给您讲一下。")],
    ),
    *pair(
        "ke-upset-3",
        "我都四十几了，再评不上这辈子就这样了，你叫我咋个不急嘛！",
        "situation.upset.no_comfort",
        [A("那您今年再报。")],
        [A("我能理解您，您先别着急，我们一起看看还差哪些条件。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "ke-wait-1",
        "这个电话我从早上打到现在，一直占线。",
        "situation.wait.no_apology",
        [A("现在通了。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "ke-wait-2",
        "你查了这么半天了，到底好了没有嘛？",
        "situation.wait.no_apology",
        [A("还在查。")],
        [A("对不起，让您久等了，我正在帮您处理。")],
    ),
    *pair(
        "ke-wait-3",
        "等你们人工接起来，我茶都泡了三杯了。",
        "situation.wait.no_apology",
        [A("请问什么事？")],
        [A("实在抱歉，让您久等了，您请讲。")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "ke-records-1",
        "帮我查一下我今年的职称申报审到哪一步了。",
        "situation.personal_info.no_verification",
        [A("在专家评审阶段。")],
        [A(VERIFY)],
    ),
    *pair(
        "ke-records-2",
        "你看下我的社保缴了几年了，评职称要用。",
        "situation.personal_info.no_verification",
        [A("缴了十二年。")],
        [A("为了您的个人信息安全，请先根据语音提示进行身份验证。")],
    ),
    *pair(
        "ke-records-3",
        "我想确认一下我的继续教育学时记录够没够。",
        "situation.personal_info.no_verification",
        [A("已经够了。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "ke-scope-1",
        "对了，我娃儿的户口要迁到学校去，派出所要开啥证明？",
        "situation.out_of_scope.no_script",
        [A("要开迁移证明。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，户口迁移的问题建议您咨询公安部门。")],
    ),
    *pair(
        "ke-scope-2",
        "还有个事，我的驾驶证快到期了，要在哪里换？",
        "situation.out_of_scope.no_script",
        [A("去车管所换。")],
        [A("不好意思，驾驶证换证超出了我们的服务范围，建议您咨询交管部门。")],
    ),
    *pair(
        "ke-scope-3",
        "顺便问一下，我们小区物业费涨了，该找哪个部门反映？",
        "situation.out_of_scope.no_script",
        [A("找住建部门。")],
        [A("对不起，物业收费不在我们的咨询范围，建议您向住建部门反映。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "ke-judge-1",
        "你看我这个论文数量，今年评中级有没有希望？",
        "situation.judgement.no_script",
        [A("应该有希望。")],
        [A(JUDGE_SCRIPT.format("职称评审委员会"))],
    ),
    *pair(
        "ke-judge-2",
        "凭你的经验，我这个破格申报能过不？",
        "situation.judgement.no_script",
        [A("可能过不了。")],
        [A(JUDGE_SCRIPT.format("职称评审委员会"))],
    ),
    *pair(
        "ke-judge-3",
        "你给我打个包票嘛，我这次到底评得上评不上？",
        "situation.judgement.no_script",
        [A("评得上。")],
        [A(JUDGE_SCRIPT.format("职称评审委员会"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "ke-praise-1",
        "你这个解释比我们单位人事讲的清楚多了，谢谢你。",
        "situation.praise.no_reply",
        [A("还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "ke-praise-2",
        "你人真好，这么晚了还这么耐心。",
        "situation.praise.no_reply",
        [A("嗯嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "ke-praise-3",
        "以后有事我还找你，你业务真熟。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我们应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "ke-sorry-1",
        "不好意思哈，刚才我口气有点冲。",
        "situation.caller_apology.no_reply",
        [A("您接着说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "ke-sorry-2",
        "是我没听清楚就乱发脾气，对不住。",
        "situation.caller_apology.no_reply",
        [A("那您还有问题吗？")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "ke-sorry-3",
        "我刚才说的那些气话，你莫当真哈。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没关系，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "ke-cursing-1",
        "你们就是一群尸位素餐的官僚！",
        "situation.cursing.no_redirect",
        [A("请你冷静。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问评审条件，对吗？")],
    ),
    *pair(
        "ke-cursing-2",
        "你这个人是不是没长脑子？我问的是中级！",
        "situation.cursing.no_redirect",
        [A("你说清楚。")],
        [A("打扰您一下，我们先来讨论您的问题，您问的是中级职称，对吗？")],
    ),
    *pair(
        "ke-cursing-3",
        "一帮吃闲饭的，养你们有啥子用！",
        "situation.cursing.no_redirect",
        [A("请注意你的言辞。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是申报材料的问题，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "ke-neg-quoted-insult",
        [
            C("我同事说评委都是吃干饭的，我不信，评审结果啥时候公布？"),
            A("一般在评审结束后一个月内公示。"),
        ],
    ),
    plain(
        "ke-neg-wait-certificate",
        [
            C("职称证书下来要等多久？"),
            A("公示结束后一般两个月内发证。"),
        ],
    ),
    plain(
        "ke-neg-complain-employer",
        [
            C("我想投诉我们单位不给我报职称，找哪个部门？"),
            A("可以向当地人社部门反映。"),
        ],
    ),
    plain(
        "ke-neg-courtesy",
        [
            C("对不起，我插一句，论文要交原件吗？"),
            A("需要原件和复印件。"),
        ],
    ),
    plain(
        "ke-neg-thanks",
        [
            C("谢谢，那继续教育在哪里报名？"),
            A("可以在继续教育平台报名。"),
        ],
    ),
    plain(
        "ke-neg-rule",
        [
            C("按规定，中级要工作满几年才能报？"),
            A("本科毕业一般要满五年。"),
        ],
    ),
    plain(
        "ke-neg-results-general",
        [
            C("职称评审结果一般在哪个网站能查到？"),
            A("在人社局官网公示。"),
        ],
    ),
    plain(
        "ke-neg-nervous",
        [
            C("我有点紧张，第一次申报，要准备哪些材料？"),
            A("需要申报表、学历证书和业绩材料。"),
        ],
    ),
    plain(
        "ke-ordinary-1",
        [
            C("中级职称要考试吗？"),
            A("部分系列需要考试，教师系列以评审为主。"),
            C("哦，明白了。"),
        ],  # fmt: skip
    ),
    plain(
        "ke-ordinary-2",
        [
            C("申报材料交到哪里？"),
            A("先交到单位，由单位统一报送。"),
            C("要交几份？"),
            A("一般一式两份。"),
        ],  # fmt: skip
    ),
    plain(
        "ke-ordinary-3",
        [
            C("今年申报啥时候截止？"),
            A("以当年的通知为准，一般在九月。"),
            C("好，我晓得了。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="KE")
    agents = [
        ("8551", "严雪", "三十一组", {"f0": 1.12, "speed": 0.99, "gain": 0.7, "warp": 1.0}),
        ("8552", "鲁强", "三十一组", {"f0": 0.87, "speed": 1.0, "gain": 0.71, "warp": 0.99}),
        ("8553", "闵佳", "三十一组", {"f0": 1.1, "speed": 1.01, "gain": 0.69, "warp": 1.01}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout25_set")
