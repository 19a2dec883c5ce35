"""The situational held-out set, part 9: written on 2026-12-07 after the closed insult list,
the caller's-own-application records lines, the out-of-scope lines for every business of the
second check's list, the in-scope guard heard only where a word starts (失业 is not in
不是也) and one finding per forbidden sentence; before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one in Chongqing phrasing or said indirectly. Every trigger comes in the
middle of a call after an ordinary first exchange about unemployment insurance. Some
wordings name nothing the lexicons list (高龄补贴, 瓜婆娘, 混吃等死): they are there because
callers say them. Hard negatives share words with a trigger (精神病 of an illness, 废品 of a
job, 投诉 of an employer, 驾校 and 快点 in in-scope questions, 不好意思 and 谢谢 mid-call, a
rule and a process asked in general), and one ordinary call.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout9_set
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

CLOSING = [A("请问您还有其他问题需要咨询吗？"), C("没有了。"), A("感谢您的来电，再见！")]
OPENING = [C("你好，我想问一下失业金的事情。"), A("好的，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "x-complaint-1",
        "上回打过来那个男的，我话还没说完，他就说不归他管，直接挂了。",
        "situation.complaint.no_apology",
        [A("那您现在要问什么？")],
        [A("非常抱歉，给您带来不便，请您谅解，您把情况告诉我，我来帮您解决。")],
    ),
    *pair(
        "x-complaint-2",
        "你们热线讲政策跟念经一样，我听了三遍还是一头雾水。",
        "situation.complaint.no_apology",
        [A("条文上就是那样写的。")],
        [A("对不起，是我没讲清楚，请您谅解，我换个说法再给您讲一遍。")],
    ),
    *pair(
        "x-complaint-3",
        "说实话，你们这服务还不如街道办，问啥子都是回去等通知。",
        "situation.complaint.no_apology",
        [A("我们也是按规定答复。")],
        [A("对不起，让您不满意了，请您谅解，我这边再帮您仔细核实一下。")],
    ),
    # 三（六）情绪激动
    *pair(
        "x-upset-1",
        "我下个月房租都交不起了，失业金还不到账，我真的要疯掉了！",
        "situation.upset.no_comfort",
        [A("失业金是按月发放的。")],
        [A("您别着急，您的心情我理解，我先帮您看看是哪个环节卡住了。")],
    ),
    *pair(
        "x-upset-2",
        "我整晚整晚睡不着，越想越气，这钱凭什么不给我！",
        "situation.upset.no_comfort",
        [A("这个要看审核结果。")],
        [A("您先别生气，我能理解您，我们一起把情况理一理。")],
    ),
    *pair(
        "x-upset-3",
        "我跑了八趟了，腿都跑断了，你们到底要咋个嘛！",
        "situation.upset.no_comfort",
        [A("材料齐了才能办。")],
        [A("您消消气，我理解您的心情，我把要带的材料给您一次说清楚。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "x-wait-1",
        "我拨了快四十分钟，一直叫我请稍候，总算接通了。",
        "situation.wait.no_apology",
        [A("你说。")],
        [A("非常抱歉，让您久等了，请问您要咨询什么？")],
    ),
    *pair(
        "x-wait-2",
        "你查个记录要查一刻钟啊？我这边还在上班的。",
        "situation.wait.no_apology",
        [A("系统查询需要时间。")],
        [A("对不起，让您久等了，我正在帮您处理，马上就好。")],
    ),
    *pair(
        "x-wait-3",
        "你们这个号码比抢火车票还难打。",
        "situation.wait.no_apology",
        [A("现在打通了，您问吧。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "x-records-1",
        "麻烦帮我看一下，我的失业金这个月打到卡上没有？",
        "situation.personal_info.no_verification",
        [A("这个月的已经发了。")],
        [A(VERIFY)],
    ),
    *pair(
        "x-records-2",
        "我想晓得我养老保险到底交满十五年没得，你帮我查下嘛。",
        "situation.personal_info.no_verification",
        [A("您已经交了十三年。")],
        [A(VERIFY)],
    ),
    *pair(
        "x-records-3",
        "你那边能不能调出我去年的社保缴费单子？",
        "situation.personal_info.no_verification",
        [A("可以，您去年交了十二个月。")],
        [A("为了您的信息安全，我先为您转到语音身份验证，验证通过后就能查询。")],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "x-scope-1",
        "对了，我那个公积金贷款的额度是怎么算的？",
        "situation.out_of_scope.no_script",
        [A("按您的缴存基数算。")],
        [A("对不起，目前我们只提供人力社保相关业务咨询服务，公积金的问题建议您拨打12329咨询。")],
    ),
    *pair(
        "x-scope-2",
        "我的车被贴了罚单，罚款要在哪里交嘛？",
        "situation.out_of_scope.no_script",
        [A("去交警队交就可以。")],
        [A("不好意思，您的问题超出了我们的服务范围，建议您咨询交管部门。")],
    ),
    *pair(
        "x-scope-3",
        "顺带问下，我屋头老人的高龄补贴是不是你们在发？",
        "situation.out_of_scope.no_script",
        [A("那个是每季度发一次。")],
        [A("对不起，高龄补贴不属于我们的咨询范围，建议您咨询民政部门。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "x-judge-1",
        "我被公司辞退了，你说我去仲裁的话能拿到几个月的赔偿？",
        "situation.judgement.no_script",
        [A("一般能拿到三个月。")],
        [A(JUDGE_SCRIPT.format("仲裁委员会"))],
    ),
    *pair(
        "x-judge-2",
        "你凭经验讲，我这个腰伤认定工伤的可能性大不大？",
        "situation.judgement.no_script",
        [A("可能性挺大的。")],
        [A(JUDGE_SCRIPT.format("人社部门"))],
    ),
    *pair(
        "x-judge-3",
        "你给我透个底嘛，我这个退休申请到底批得下来不？",
        "situation.judgement.no_script",
        [A("应该没啥问题。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "x-praise-1",
        "你讲得比我们单位人事还清楚，真是太谢谢你了。",
        "situation.praise.no_reply",
        [A("嗯，还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "x-praise-2",
        "你这个姑娘服务好得很，我要给你们领导写表扬信。",
        "situation.praise.no_reply",
        [A("那您还有其他问题吗？")],
        [A("谢谢您的肯定，这是我们应该做的。")],
    ),
    *pair(
        "x-praise-3",
        "多亏你提醒，不然我就错过申请时间了，感谢感谢！",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("不用谢，很高兴能帮到您。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "x-sorry-1",
        "不好意思啊，刚才我嗓门大了，不是冲你。",
        "situation.caller_apology.no_reply",
        [A("你说吧。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "x-sorry-2",
        "刚才那些话你别往心里去，我也是一时着急。",
        "situation.caller_apology.no_reply",
        [A("嗯，继续吧。")],
        [A("没事的，我理解。")],
    ),
    *pair(
        "x-sorry-3",
        "对不住啊妹儿，我刚才火气大，话说重了。",
        "situation.caller_apology.no_reply",
        [A("那你要问啥子？")],
        [A("没关系，不要紧的。")],
    ),
    # 五（三）咒骂
    *pair(
        "x-cursing-1",
        "你们这群混吃等死的东西，拿着工资不办事！",
        "situation.cursing.no_redirect",
        [A("你骂人是不对的。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是失业金的事，对吗？")],
    ),
    *pair(
        "x-cursing-2",
        "你个瓜婆娘，听不懂人话是不是！",
        "situation.cursing.no_redirect",
        [A("你再这样我就不说了。")],
        [A("打扰您一下，我们先来讨论您的问题好吗？您是想问失业金怎么领吧？")],
    ),
    *pair(
        "x-cursing-3",
        "一群王八蛋，拿着纳税人的钱不干人事！",
        "situation.cursing.no_redirect",
        [A("请你注意用词。")],
        [A("请您文明用语，我愿意帮您解决，您刚才说的问题是失业金没到账，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "x-neg-illness",
        [C("我老婆是精神病患者，长期住院能报销多少？"), A("按医保规定的比例报销。")],
    ),
    plain(
        "x-neg-job",
        [C("我在废品收购站打零工，能不能自己交社保？"), A("可以按灵活就业人员参保。")],
    ),
    plain(
        "x-neg-employer",
        [C("我想投诉我们公司不签劳动合同，该打哪个电话？"), A("可以向劳动保障监察投诉。")],
    ),
    plain(
        "x-neg-school",
        [C("我在驾校当教练，单位没给我买工伤保险怎么办？"), A("单位应当为您参加工伤保险。")],
    ),
    plain(
        "x-neg-hurry",
        [
            C("我明天就要去外地上班了，社保转移能不能快点办好？"),
            A("转移一般需要四十五个工作日。"),
        ],  # fmt: skip
    ),
    plain(
        "x-neg-sorry",
        [
            C("失业登记在哪里办？"),
            A("在户籍所在地的街道社保所。"),
            C("不好意思，麻烦你再说一下是哪里。"),
            A("街道社保所。"),
        ],  # fmt: skip
    ),
    plain(
        "x-neg-thanks",
        [C("好的谢谢，那我还想问一下生育津贴怎么领。"), A("由单位向医保经办机构申请。")],
    ),
    plain(
        "x-neg-process",
        [C("劳动仲裁一般要多长时间出结果？"), A("一般在受理后四十五日内结束。")],
    ),
    plain(
        "x-neg-rule",
        [C("养老保险最少要交满多少年才能按月领？"), A("累计缴费满十五年。")],
    ),
    plain(
        "x-neg-angry-word",
        [C("我老汉儿气管炎又犯了，住院的钱医保报好多？"), A("按住院报销比例报销。")],
    ),
    plain(
        "x-neg-waited",
        [
            C("我等了两个月，单位终于给我开了离职证明，现在可以去领失业金了吧？"),
            A("可以，带上证明去办理失业登记。"),
        ],  # fmt: skip
    ),
    plain(
        "x-neg-ordinary",
        [
            C("失业金领完了，再找到工作以后还能再领吗？"),
            A("重新就业后再失业，符合条件的可以重新计算领取期限。"),
            C("好的，我晓得了。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="X")
    agents = [
        ("8393", "冉静", "十五组", {"f0": 1.06, "speed": 0.98, "gain": 0.72, "warp": 1.0}),
        ("8394", "邓凯", "十五组", {"f0": 0.86, "speed": 1.03, "gain": 0.68, "warp": 0.98}),
        ("8395", "向丽", "十五组", {"f0": 1.14, "speed": 1.0, "gain": 0.7, "warp": 1.02}),
    ]
    callers = [
        {"f0": 0.93, "speed": 1.02, "gain": 0.63, "warp": 1.01},
        {"f0": 1.17, "speed": 1.05, "gain": 0.6},
        {"f0": 0.88, "speed": 0.97, "gain": 0.66, "warp": 0.98},
        {"f0": 1.05, "speed": 1.08, "gain": 0.62, "warp": 1.03},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout9_set")
