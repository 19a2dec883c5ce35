"""The situational held-out set, part 24: written on 2026-12-07 after the changes part 23 led to
(vocational 培训 as the hotline's business; a temper owned, 你别跟我一般计较, as an apology),
before any run of it, and never tuned on.

Three violations per situation family, each with its compliant twin: one in plain Mandarin,
one colloquial, one said indirectly. Every trigger comes in the middle of a call after an
ordinary first exchange about a late father's funeral grant and survivor's pension. Hard
negatives share words with a trigger (a brother's 没良心 quoted, 等 of a payment, 投诉 of a
former employer, 不好意思 and 谢谢 as courtesies, a survivor's benefit asked as a rule, records
asked about in general, a caller who cries as she speaks), and three ordinary calls in their
own wording.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout24_set
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

CLOSING = [A("您还有其他问题吗？"), C("没有了。"), A("感谢您的来电，再见。")]
OPENING = [C("你好，我父亲上个月过世了，想问下他养老金的后事怎么办。"), A("您好，请节哀，您请讲。")]

pair = partial(_pair, closing=CLOSING, opening=OPENING)
plain = partial(negative, closing=CLOSING)

SCENARIOS = [
    # 三（三）抱怨/批评
    *pair(
        "kd-complaint-1",
        "我上周打来，那个男的接了电话一句节哀都没有，冷冰冰地让我自己去窗口。",
        "situation.complaint.no_apology",
        [A("窗口确实要去。")],
        [A("非常抱歉，上次让您受委屈了，请您谅解，我把要办的事一件件给您说清楚。")],
    ),
    *pair(
        "kd-complaint-2",
        "你们讲的材料清单每次都不一样，我都跑了四趟了。",
        "situation.complaint.no_apology",
        [A("以窗口为准。")],
        [A("对不起，给您添麻烦了，请您谅解，我把完整的材料清单给您讲一遍。")],
    ),
    *pair(
        "kd-complaint-3",
        "我真不晓得你们这些咨询员是怎么培训出来的，问啥都含含糊糊。",
        "situation.complaint.no_apology",
        [A("这个问题比较复杂。")],
        [A("实在抱歉，没给您讲明白，请您谅解，我现在仔细给您解答。")],
    ),
    # 三（六）情绪激动
    *pair(
        "kd-upset-1",
        "我爸辛苦了一辈子，人走了钱还要被你们扣回去，我想不通！",
        "situation.upset.no_comfort",
        [A("多发的要退回。")],
        [A("您先别着急，您的心情我理解，多发的部分怎么处理我给您讲清楚。")],
    ),
    *pair(
        "kd-upset-2",
        "我这段时间又要办丧事又要跑手续，整个人都快撑不住了！",
        "situation.upset.no_comfort",
        [A("手续要本人家属办。")],
        [A("请您节哀，也别太着急，我理解您，手续我一步一步跟您说。")],
    ),
    *pair(
        "kd-upset-3",
        "你们要是再卡着不给办，我就带着我爸的照片去你们那里坐着！",
        "situation.upset.no_comfort",
        [A("您按规定提交材料。")],
        [A("您先冷静一下，我理解您的心情，我们一起看看卡在哪一步。")],
    ),
    # 三（五）、四（五）久等/电话难打
    *pair(
        "kd-wait-1",
        "你们这个电话太难打通了，我连着打了两天。",
        "situation.wait.no_apology",
        [A("最近来电多。")],
        [A("非常抱歉，12333是人力社保咨询服务热线，拨打的人员较多，让您久等了。")],
    ),
    *pair(
        "kd-wait-2",
        "你还要查多久？我这边等得都不耐烦了。",
        "situation.wait.no_apology",
        [A("马上。")],
        [A("对不起，让您久等了，我马上告诉您。")],
    ),
    *pair(
        "kd-wait-3",
        "好不容易才打进来，前面排了好长的队。",
        "situation.wait.no_apology",
        [A("您请讲。")],
        [A("实在抱歉，让您久等了，请问您要咨询什么？")],
    ),
    # 二（二）6 个人信息查询
    *pair(
        "kd-records-1",
        "你帮我查一下，我爸的养老金是从哪个月停的？",
        "situation.personal_info.no_verification",
        [A("上个月停的。")],
        [A(VERIFY)],
    ),
    *pair(
        "kd-records-2",
        "我想知道我爸个人账户里还剩多少钱。",
        "situation.personal_info.no_verification",
        [A("还剩两万多。")],
        [A("为了您的信息安全，请先根据语音提示验证身份，我再帮您查。")],
    ),
    *pair(
        "kd-records-3",
        "麻烦看下我妈的遗属待遇申请批了没有。",
        "situation.personal_info.no_verification",
        [A("已经批了。")],
        [A(VERIFY)],
    ),
    # 二（二）8 超出咨询范围
    *pair(
        "kd-scope-1",
        "对了，我爸名下那套房子过户要去哪里办？",
        "situation.out_of_scope.no_script",
        [A("去不动产中心。")],
        [
            A(
                "对不起，目前我们只提供人力社保相关业务咨询服务，房产过户的问题建议您咨询不动产登记部门。"
            )
        ],
    ),
    *pair(
        "kd-scope-2",
        "顺便问一下，殡仪馆那边的费用能不能报？",
        "situation.out_of_scope.no_script",
        [A("可以报一部分。")],
        [A("不好意思，殡葬费用超出了我们的服务范围，建议您咨询民政部门。")],
    ),
    *pair(
        "kd-scope-3",
        "还有，我爸的手机号要注销，去哪个营业厅？",
        "situation.out_of_scope.no_script",
        [A("去运营商营业厅。")],
        [A("对不起，手机号注销不属于我们的咨询范围，建议您咨询通信运营商。")],
    ),
    # 四（四）要求判断结果
    *pair(
        "kd-judge-1",
        "你估计我妈能不能领到遗属待遇？",
        "situation.judgement.no_script",
        [A("应该能领。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    *pair(
        "kd-judge-2",
        "照你的经验，多发的那两个月会不会让我们退？",
        "situation.judgement.no_script",
        [A("会让退的。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    *pair(
        "kd-judge-3",
        "你说句实话，我爸这种情况丧葬补助能批多少？",
        "situation.judgement.no_script",
        [A("大概一万。")],
        [A(JUDGE_SCRIPT.format("社保经办机构"))],
    ),
    # 三（一）表扬/致谢
    *pair(
        "kd-praise-1",
        "你讲得很细，连我没想到的都提醒我了。",
        "situation.praise.no_reply",
        [A("还有别的吗？")],
        [A("不客气，这是我们应该做的。")],
    ),
    *pair(
        "kd-praise-2",
        "这段时间就你们这个电话让我心里暖和一点，谢谢你。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "kd-praise-3",
        "你这么体贴，我一定要给你们写封感谢信。",
        "situation.praise.no_reply",
        [A("好的。")],
        [A("谢谢您的认可，这是我们应该做的。")],
    ),
    # 三（二）来电者致歉
    *pair(
        "kd-sorry-1",
        "不好意思，我刚才情绪不好，跟你说话大声了。",
        "situation.caller_apology.no_reply",
        [A("您接着说。")],
        [A("没关系，我能理解您当时的心情。")],
    ),
    *pair(
        "kd-sorry-2",
        "对不起，是我把政策理解错了，还说你们。",
        "situation.caller_apology.no_reply",
        [A("那您还有问题吗？")],
        [A("没关系的，我理解。")],
    ),
    *pair(
        "kd-sorry-3",
        "刚才那些话你别往心里去，我是心里太乱了。",
        "situation.caller_apology.no_reply",
        [A("嗯。")],
        [A("没事的，您别放在心上。")],
    ),
    # 五（三）咒骂
    *pair(
        "kd-cursing-1",
        "你们这些人一点良心都没有，死人的钱都要扣！",
        "situation.cursing.no_redirect",
        [A("这是规定。")],
        [A("打扰您一下，我们先来讨论您的问题，您是想问多发养老金的事，对吗？")],
    ),
    *pair(
        "kd-cursing-2",
        "你是个榆木脑袋吗？我说的是丧葬费！",
        "situation.cursing.no_redirect",
        [A("你说清楚一点。")],
        [A("打扰您一下，我们先来讨论您的问题，您问的是丧葬补助金，对吗？")],
    ),
    *pair(
        "kd-cursing-3",
        "一群冷血的混蛋！",
        "situation.cursing.no_redirect",
        [A("请你注意用词。")],
        [A("请您文明用语，我愿意帮您解决，您刚才问的是遗属待遇的问题，对吗？")],
    ),
    # Hard negatives: trigger words in another sense, no situation.
    plain(
        "kd-neg-quoted-insult",
        [
            C("我哥骂我没良心，说我不管爸的后事，丧葬费要谁去领？"),
            A("由直系亲属去领取。"),
        ],
    ),
    plain(
        "kd-neg-wait-payment",
        [
            C("丧葬补助批下来以后要等多久才到账？"),
            A("一般审核后一个月内发放。"),
        ],
    ),
    plain(
        "kd-neg-complain-employer",
        [
            C("我想投诉我爸以前的单位不给办手续，找哪里？"),
            A("可以向劳动保障监察机构投诉。"),
        ],
    ),
    plain(
        "kd-neg-courtesy",
        [
            C("不好意思，我再问下，死亡证明要原件吗？"),
            A("需要原件和复印件。"),
        ],
    ),
    plain(
        "kd-neg-thanks",
        [
            C("谢谢，那抚恤金是一次性发吗？"),
            A("是一次性发放。"),
        ],
    ),
    plain(
        "kd-neg-rule",
        [
            C("按规定，老人过世后多发的养老金要不要退？"),
            A("按规定需要退回。"),
        ],
    ),
    plain(
        "kd-neg-records-general",
        [
            C("一般去世人员的参保信息在哪里能查？"),
            A("可以由家属到窗口查询。"),
        ],
    ),
    plain(
        "kd-neg-crying",
        [
            C("我一说起我爸就想哭，你别介意，丧葬补助要带啥？"),
            A("请节哀，需要带死亡证明和身份证。"),
        ],
    ),
    plain(
        "kd-ordinary-1",
        [
            C("丧葬补助金是多少？"),
            A("按当地规定的标准发放。"),
            C("好的，晓得了。"),
        ],  # fmt: skip
    ),
    plain(
        "kd-ordinary-2",
        [
            C("个人账户的钱能继承吗？"),
            A("个人账户余额可以依法继承。"),
            C("要哪些人签字？"),
            A("需要法定继承人一起办理。"),
        ],  # fmt: skip
    ),
    plain(
        "kd-ordinary-3",
        [
            C("这些手续网上能办吗？"),
            A("部分可以在网上办理。"),
            C("那行，谢谢。"),
        ],  # fmt: skip
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="KD")
    agents = [
        ("8541", "付琳", "三十组", {"f0": 1.1, "speed": 1.0, "gain": 0.71, "warp": 0.99}),
        ("8542", "邹航", "三十组", {"f0": 0.88, "speed": 0.99, "gain": 0.7, "warp": 1.01}),
        ("8543", "简月", "三十组", {"f0": 1.12, "speed": 1.0, "gain": 0.69, "warp": 1.0}),
    ]
    return recast(out, agents, HELDOUT_CALLERS)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout24_set")
