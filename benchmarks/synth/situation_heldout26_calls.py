"""The situational held-out set, part 26: written on 2026-12-08 after the changes part 25 led to
(a curse reported from a third party, 同事说…, is no curse at the agent; 没长脑子 as an insult;
praise for an agent's command of the business; angry words taken back, 莫当真, as an apology),
before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange in which a company's HR clerk asks about enrolling new employees
(参保登记). Hard negatives share words with a trigger (a boss's 废物 quoted, 等 of a system
update, 投诉 by an employee, 抱歉 and 谢谢 as courtesies, a fine asked as a rule, records asked
about in general, a clerk who says she is in a hurry), and three ordinary calls in their own
wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout26_set
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

CLOSING = [A("您还有别的问题需要咨询吗？"), C("暂时没有了。"), A("感谢您的来电，再见。")]
OPENING = [C("你好，我是公司管人事的，想问一下新员工参保登记的事。"), A("好的，您请说。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "kf-complaint-1",
        "你们前天那个客服把增员的截止日期说错了，害我们公司被罚了滞纳金。",
        "situation.complaint.no_apology",
        [A("截止日期是每月十五号。")],
        [A("非常抱歉，给您带来了损失，请您谅解，我把正确的时间给您说一下。")],
    ),
    *pair(
        "kf-complaint-2",
        "每次打过来都是叫我去看网上的通知，那还要你们热线干啥子？",
        "situation.complaint.no_apology",
        [A("网上确实都有。")],
        [A("对不起，让您失望了，请您谅解，我直接在电话里给您讲清楚。")],
    ),
    *pair(
        "kf-complaint-3",
        "说实话，你们这个服务水平，跟我们公司前台比都差得远。",
        "situation.complaint.no_apology",
        [A("请问您要问什么？")],
        [A("实在抱歉，我们会改进，请您谅解，您的问题我马上帮您解答。")],
    ),
    # 三（六）情绪激动
    *pair(
        "kf-upset-1",
        "老板天天骂我，社保再弄不好我饭碗都要丢了！",
        "situation.upset.no_comfort",
        [A("您按流程办就行。")],
        [A("您别着急，我理解您的难处，我们一步一步把它办好。")],
    ),
    *pair(
        "kf-upset-2",
        "这个系统我弄了一上午都报不上去，我人都要疯了！",
        "situation.upset.no_comfort",
        [A("您再试试。")],
        [A("您先别急，您的心情我理解，我来帮您看看是哪一步出了问题。")],
    ),
    *pair(
        "kf-upset-3",
        "我一个人管几十个人的社保，出一点错就是我背锅，真的太委屈了！",
        "situation.upset.no_comfort",
        [A("那是您的工作。")],
        [A("我能理解您，您辛苦了，先别着急，咱们把问题理一理。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "kf-wait-1",
        "你们这个号码太难打了，我午饭都没吃就一直在拨。",
        "situation.wait.no_apology",
        [A("现在可以说了。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "kf-wait-2",
        "你看个东西怎么要这么长时间，我后面还有一堆事。",
        "situation.wait.no_apology",
        [A("快了。")],
        [A("对不起，让您久等了，我正在帮您处理。")],
    ),
    *pair(
        "kf-wait-3",
        "我在线上等了快二十分钟才轮到人工，你们该多招点人了。",
        "situation.wait.no_apology",
        [A("您要问什么？")],
        [A("实在抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "kf-records-1",
        "麻烦帮我查一下我自己的医保这个月扣费了没有。",
        "situation.personal_info.no_verification",
        [A("已经扣了。")],
        [A(VERIFY)],
    ),
    *pair(
        "kf-records-2",
        "顺便看看我本人的养老保险断没断过。",
        "situation.personal_info.no_verification",
        [A("没有断过。")],
        [A("为了您的个人信息安全，请根据语音提示进行身份验证。")],
    ),
    *pair(
        "kf-records-3",
        "我想晓得我个人账户现在有好多钱。",
        "situation.personal_info.no_verification",
        [A("有三万多。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "kf-scope-1",
        "另外问一下，公司的营业执照年报在哪里填？",
        "situation.out_of_scope.no_script",
        [A("在市场监管的网站上填。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，营业执照年报建议您咨询市场监管部门。")],
    ),
    *pair(
        "kf-scope-2",
        "还有，我们单位的发票领用要去哪个窗口？",
        "situation.out_of_scope.no_script",
        [A("去税务大厅。")],
        [A("不好意思，发票的问题超出了我们的服务范围，建议您咨询税务部门。")],
    ),
    *pair(
        "kf-scope-3",
        "对了，公司要办个消防验收，找哪个部门？",
        "situation.out_of_scope.no_script",
        [A("找消防救援部门。")],
        [A("对不起，消防验收不在我们的咨询范围，建议您咨询消防救援机构。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "kf-judge-1",
        "你帮我估一下，我们这次少报了两个人，会不会被罚款？",
        "situation.judgement.no_script",
        [A("肯定会罚。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    *pair(
        "kf-judge-2",
        "你说句准话，员工这种情况算不算工伤？",
        "situation.judgement.no_script",
        [A("应该算。")],
        [A(JUDGE_SCRIPT.format("工伤认定部门"))],
    ),
    *pair(
        "kf-judge-3",
        "按你的经验，我们这个补缴申请能批下来不？",
        "situation.judgement.no_script",
        [A("能批。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "kf-praise-1",
        "你讲得太清楚了，比我们培训课上老师讲的还明白。",
        "situation.praise.no_reply",
        [A("还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "kf-praise-2",
        "多亏你提醒，不然这个月又要漏报了，真的感谢。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "kf-praise-3",
        "像你这么有耐心的客服真不多见。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我们应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "kf-sorry-1",
        "抱歉抱歉，刚才急了，语气不太好。",
        "situation.caller_apology.no_reply",
        [A("您继续说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "kf-sorry-2",
        "不好意思啊，是我自己没看清楚通知，还怪到你们头上。",
        "situation.caller_apology.no_reply",
        [A("那您还有什么问题？")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "kf-sorry-3",
        "刚才对你嚷了几句，你别跟我计较。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没关系，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "kf-cursing-1",
        "你们全是一群拿钱不干事的废物！",
        "situation.cursing.no_redirect",
        [A("请你说话客气点。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问增员的事，对吗？")],
    ),
    *pair(
        "kf-cursing-2",
        "你个死脑筋，我说了是新员工！",
        "situation.cursing.no_redirect",
        [A("你再说一遍。")],
        [A("打扰您一下，我们先来讨论您的问题，您问的是新员工参保，对吗？")],
    ),
    *pair(
        "kf-cursing-3",
        "什么狗屁规定，定规矩的人都是猪！",
        "situation.cursing.no_redirect",
        [A("规定就是这样。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是参保登记的问题，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "kf-neg-quoted-insult",
        [
            C("我们老板骂我是废物，说社保都办不好，增员到底要带哪些材料？"),
            A("需要劳动合同和身份证复印件。"),
        ],
    ),
    plain(
        "kf-neg-wait-system",
        [
            C("系统升级要等到几点才能用？"),
            A("预计下午两点恢复。"),
        ],
    ),
    plain(
        "kf-neg-complaint-employee",
        [
            C("有个员工说要投诉我们没给他交社保，我们该怎么处理？"),
            A("请尽快为其补缴并保留凭证。"),
        ],
    ),
    plain(
        "kf-neg-courtesy",
        [
            C("抱歉，我插一句，增员是当月生效吗？"),
            A("是当月生效。"),
        ],
    ),
    plain(
        "kf-neg-thanks",
        [
            C("谢谢，那减员要在每月几号前办？"),
            A("每月十五号前办理。"),
        ],
    ),
    plain(
        "kf-neg-rule",
        [
            C("按规定，公司晚交社保要罚多少？"),
            A("按日加收万分之五的滞纳金。"),
        ],
    ),
    plain(
        "kf-neg-records-general",
        [
            C("员工的参保记录一般在哪里能打印？"),
            A("可以在网上经办大厅打印。"),
        ],
    ),
    plain(
        "kf-neg-hurry",
        [
            C("我有点赶时间，你简单说一下增员流程就行。"),
            A("先在网上申报，再确认缴费。"),
        ],
    ),
    plain(
        "kf-ordinary-1",
        [
            C("新员工入职多久内要参保？"),
            A("应在用工之日起三十日内办理参保登记。"),
            C("好的，明白。"),
        ],  # fmt: skip
    ),
    plain(
        "kf-ordinary-2",
        [
            C("实习生要不要交社保？"),
            A("在校实习生一般不需要参加社保。"),
            C("那工伤怎么办？"),
            A("可以购买商业意外险作为补充。"),
        ],  # fmt: skip
    ),
    plain(
        "kf-ordinary-3",
        [
            C("缴费基数每年什么时候调？"),
            A("一般每年七月调整。"),
            C("行，谢谢啊。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="KF")
    agents = [
        ("8561", "韦倩", "三十二组", {"f0": 1.11, "speed": 1.0, "gain": 0.7, "warp": 1.01}),
        ("8562", "葛斌", "三十二组", {"f0": 0.86, "speed": 0.99, "gain": 0.71, "warp": 1.0}),
        ("8563", "柯雨", "三十二组", {"f0": 1.13, "speed": 1.0, "gain": 0.69, "warp": 0.99}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout26_set")
