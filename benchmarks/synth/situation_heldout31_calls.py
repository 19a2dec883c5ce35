"""The situational held-out set, part 31: written on 2026-12-08 after the changes part 30 led to
(someone else's 投诉 reported is no complaint; a transit card as another office's business;
凶你, 说重了, 别生我的气 as an apology; 安心 and a dutiful agent as praise; an agent gone too
long and a queue at the human line as waits), before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange in which a new father asks about enrolling his newborn in residents'
medical insurance (新生儿参保). Hard negatives share words with a trigger (a mother-in-law's
没用 quoted, 等 of a birth certificate, a friend's 投诉 reported, 不好意思 and 谢谢 as
courtesies, the enrolment deadline asked as a rule, records asked about in general, a caller
who says he is flustered), and three ordinary calls in their own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout31_set
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

CLOSING = [A("您还有其他问题吗？"), C("没得了，谢谢。"), A("感谢您的来电，再见。")]
OPENING = [C("喂，你好，我家娃儿刚生，想问下新生儿医保咋个办。"), A("您好，恭喜您，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "kk-complaint-1",
        "昨天你们那个客服让我先去办户口再参保，今天窗口说根本不用，我白请了一天假。",
        "situation.complaint.no_apology",
        [A("现在确实不用。")],
        [A("非常抱歉，昨天的答复有误，请您谅解，我把现在的流程给您讲清楚。")],
    ),
    *pair(
        "kk-complaint-2",
        "你们讲的跟网上写的不一样，到底哪个是真的？",
        "situation.complaint.no_apology",
        [A("以网上为准。")],
        [A("对不起，让您困惑了，请您谅解，我按最新的规定给您说。")],
    ),
    *pair(
        "kk-complaint-3",
        "每次问你们都是这个不清楚那个要核实，问了等于白问。",
        "situation.complaint.no_apology",
        [A("有些确实要核实。")],
        [A("实在抱歉，没能直接帮到您，请您谅解，我现在把能确定的先告诉您。")],
    ),
    # 三（六）情绪激动
    *pair(
        "kk-upset-1",
        "娃儿住院天天都在花钱，医保还办不下来，我急得嘴巴都起泡了！",
        "situation.upset.no_comfort",
        [A("要按流程走。")],
        [A("您别着急，您的心情我理解，我们看看怎么尽快办下来。")],
    ),
    *pair(
        "kk-upset-2",
        "我一个大男人，抱着娃儿跑了四个窗口，真的要哭了！",
        "situation.upset.no_comfort",
        [A("那您再去一次。")],
        [A("您先别急，我理解您，我告诉您只需要去哪个窗口。")],
    ),
    *pair(
        "kk-upset-3",
        "要是因为没参保报不了，这几万块钱我上哪去找啊！",
        "situation.upset.no_comfort",
        [A("那就报不了。")],
        [A("我能理解您，您先别着急，出生后九十天内参保都可以报。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "kk-wait-1",
        "你们热线怎么回事，我从昨天打到今天才打进来。",
        "situation.wait.no_apology",
        [A("现在可以说了。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "kk-wait-2",
        "你那边好了没有，娃儿在哭，我等不了那么久。",
        "situation.wait.no_apology",
        [A("快了。")],
        [A("对不起，让您久等了，我马上告诉您。")],
    ),
    *pair(
        "kk-wait-3",
        "光听那个语音提示就听了五分钟。",
        "situation.wait.no_apology",
        [A("您要问什么？")],
        [A("实在抱歉，让您久等了，请问有什么可以帮您？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "kk-records-1",
        "帮我查一下我娃儿的医保参保成功没有。",
        "situation.personal_info.no_verification",
        [A("已经成功了。")],
        [A(VERIFY)],
    ),
    *pair(
        "kk-records-2",
        "你看下我自己的医保卡里还剩好多钱。",
        "situation.personal_info.no_verification",
        [A("还剩两千多。")],
        [A("为了您的个人信息安全，请根据语音提示进行身份验证。")],
    ),
    *pair(
        "kk-records-3",
        "我想确认一下我老婆的生育津贴发了没有。",
        "situation.personal_info.no_verification",
        [A("已经发了。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "kk-scope-1",
        "对了，娃儿的出生证明丢了，去哪个医院补？",
        "situation.out_of_scope.no_script",
        [A("去出生的医院补。")],
        [
            A(
                "对不起，目前我们只提供人力社保相关业务咨询服务，出生证明补办建议您咨询出生医院或卫健部门。"
            )
        ],
    ),
    *pair(
        "kk-scope-2",
        "还有，娃儿打疫苗要在哪个社区医院预约？",
        "situation.out_of_scope.no_script",
        [A("在社区卫生服务中心。")],
        [A("不好意思，疫苗接种超出了我们的服务范围，建议您咨询社区卫生服务中心。")],
    ),
    *pair(
        "kk-scope-3",
        "顺便问一下，上户口要带啥子材料？",
        "situation.out_of_scope.no_script",
        [A("带出生证明和户口本。")],
        [A("对不起，户口登记不在我们的咨询范围，建议您咨询派出所。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "kk-judge-1",
        "你估计我娃儿出生前几天的住院费能不能报？",
        "situation.judgement.no_script",
        [A("能报。")],
        [A(JUDGE_SCRIPT.format("医保经办机构"))],
    ),
    *pair(
        "kk-judge-2",
        "凭你的经验，我们晚了一个月参保，会不会影响报销？",
        "situation.judgement.no_script",
        [A("会影响。")],
        [A(JUDGE_SCRIPT.format("医保经办机构"))],
    ),
    *pair(
        "kk-judge-3",
        "你实话跟我讲，这个病报销比例有没有百分之七十？",
        "situation.judgement.no_script",
        [A("有的。")],
        [A(JUDGE_SCRIPT.format("医保经办机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "kk-praise-1",
        "你解释得好清楚，我这个新手爸爸一下就懂了，谢谢哈。",
        "situation.praise.no_reply",
        [A("还有吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "kk-praise-2",
        "你们这个服务真的贴心，连娃儿几天内要办都提醒到了。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "kk-praise-3",
        "能遇到你这样的接线员，今天总算有件顺心事。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我们应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "kk-sorry-1",
        "不好意思哈，刚才娃儿哭我心烦，对你吼了。",
        "situation.caller_apology.no_reply",
        [A("您继续说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "kk-sorry-2",
        "对不起，是我没听你说完就乱讲。",
        "situation.caller_apology.no_reply",
        [A("您还有问题吗？")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "kk-sorry-3",
        "我刚才态度有问题，给你赔个不是。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没关系，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "kk-cursing-1",
        "你们这帮人就是吃白饭的！",
        "situation.cursing.no_redirect",
        [A("请你冷静。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问新生儿参保，对吗？")],
    ),
    *pair(
        "kk-cursing-2",
        "你是不是脑子有病，我说的是新生儿！",
        "situation.cursing.no_redirect",
        [A("你说清楚。")],
        [A("打扰您一下，我们先来讨论您的问题，您问的是新生儿参保，对吗？")],
    ),
    *pair(
        "kk-cursing-3",
        "一群混蛋，娃儿都病成这样了还刁难人！",
        "situation.cursing.no_redirect",
        [A("请注意你的用词。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是住院报销，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "kk-neg-quoted-insult",
        [
            C("我丈母娘说我没用，连个医保都办不好，新生儿参保要带户口本吗？"),
            A("不需要户口本，有出生证明就可以。"),
        ],
    ),
    plain(
        "kk-neg-wait-certificate",
        [
            C("出生证明要等几天才能拿到？"),
            A("一般出院时就能拿到。"),
        ],
    ),
    plain(
        "kk-neg-friend-complained",
        [
            C("我朋友上次投诉过医院乱收费，我就想问下新生儿在哪里参保。"),
            A("可以在户籍所在地的社区参保。"),
        ],
    ),
    plain(
        "kk-neg-courtesy",
        [
            C("不好意思，我再问下，参保费一年多少？"),
            A("按当年的居民医保标准缴纳。"),
        ],
    ),
    plain(
        "kk-neg-thanks",
        [
            C("谢谢，那娃儿的医保卡多久能拿到？"),
            A("一般一个月左右。"),
        ],
    ),
    plain(
        "kk-neg-rule",
        [
            C("按规定，新生儿出生后多少天内参保可以报？"),
            A("出生后九十天内参保的，出生之日起的费用可以报。"),
        ],
    ),
    plain(
        "kk-neg-records-general",
        [
            C("一般新生儿的参保信息在哪个平台能查？"),
            A("可以在医保服务平台查询。"),
        ],
    ),
    plain(
        "kk-neg-flustered",
        [
            C("我有点手忙脚乱的，你能不能从第一步慢慢讲？"),
            A("好的，第一步是办理出生证明。"),
        ],
    ),
    plain(
        "kk-ordinary-1",
        [
            C("新生儿参保可以网上办吗？"),
            A("可以在医保服务平台上办理。"),
            C("好，晓得了。"),
        ],  # fmt: skip
    ),
    plain(
        "kk-ordinary-2",
        [
            C("娃儿参保跟爸爸还是跟妈妈？"),
            A("随父母任一方户籍所在地参保都可以。"),
            C("要交多少钱？"),
            A("按当年居民医保个人缴费标准。"),
        ],  # fmt: skip
    ),
    plain(
        "kk-ordinary-3",
        [
            C("参保以后马上能用吗？"),
            A("缴费后即可享受待遇。"),
            C("行，谢谢。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="KK")
    agents = [
        ("8611", "穆兰", "三十七组", {"f0": 1.11, "speed": 1.01, "gain": 0.7, "warp": 0.99}),
        ("8612", "闫军", "三十七组", {"f0": 0.86, "speed": 1.0, "gain": 0.71, "warp": 1.0}),
        ("8613", "温晓", "三十七组", {"f0": 1.13, "speed": 0.99, "gain": 0.69, "warp": 1.01}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout31_set")
