"""Two nights of calls in a centre's own wording, for the learning loop (`python -m
benchmarks.learning`): written after the trigger model's last change and never tuned on.

Night 1 and night 2 share the way this centre's callers talk (Chongqing 硬是, 恼火, 造孽,
好多, 头) in different sentences. Each night: eight situations the agent mishandles (labelled)
and eight ordinary calls whose caller uses the same words in an ordinary sense.

    python -m benchmarks.synth.learning_calls benchmarks/learning_night1 1
    python -m benchmarks.synth.learning_calls benchmarks/learning_night2 2
    (nights 3 and 4: a second centre, the same way)
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.synth.situation_calls import A, C, recast, render_set
from benchmarks.synth.situation_calls import specs as _specs

CLOSING = [A("请问您还有其他问题需要咨询吗？"), C("没有了。"), A("感谢您的来电，再见。")]
COMPLAINT = "situation.complaint.no_apology"
WAIT = "situation.wait.no_apology"
UPSET = "situation.upset.no_comfort"
RECORDS = "situation.personal_info.no_verification"

NIGHTS = {
    1: {
        "situations": [
            ("你们这个服务硬是要不得，问啥子都说不晓得。", COMPLAINT, "您要问什么业务？"),
            ("你们电话打起好造孽哦，打了一早上都打不进来。", WAIT, "您要咨询什么？"),
            ("我火都冒起来了，跑了四趟都没给我办好。", UPSET, "您说一下具体是什么业务。"),
            ("你帮我查下我那个养老账户头还有好多钱嘛。", RECORDS, "您的账户余额是三万多。"),
            ("你们上回那个妹儿说话好冲哦，我听到心头不舒服。", COMPLAINT, "您今天要办什么？"),
            ("等了半天才接，你们硬是慢得很。", WAIT, "请讲。"),
            ("气得我脑壳都痛了，你们到底管不管嘛。", UPSET, "这个要问您单位。"),
            ("我想晓得我医保卡头还剩好多钱。", RECORDS, "您的医保余额是八百多。"),
        ],
        "ordinary": [
            ("这个手续有点恼火哦，要跑几个地方嘛？", "一般只需要去一次窗口。"),
            ("我老汉在火锅店上班，单位给不给他买社保？", "单位应当为职工缴纳社保。"),
            ("你说慢点嘛，我拿笔记一下。", "好的，我慢慢说。"),
            ("我妈说等了好久养老金才到账，正常不嘛？", "每月发放时间是固定的，您可以留意一下。"),
            ("我帮我屋头的问下，他在工地上班，工伤咋个认定？", "由单位或本人向人社部门申请认定。"),
            ("查一下政策嘛，灵活就业医保一年交好多钱？", "按当年公布的标准缴纳。"),
            ("要得，那我明天去窗口问下。", "好的。"),
            ("我硬是没搞懂，失业金要交满几年才能领？", "累计缴费满一年就可以申请。"),
        ],
    },
    2: {
        "situations": [
            ("你们这个热线硬是问不出个名堂，每次说的都不一样。", COMPLAINT, "您要问什么？"),
            ("打你们电话硬是难打得很，排了二十分钟的队。", WAIT, "请问咨询什么业务？"),
            ("我真的是气惨了，材料交了三次还在喊我补。", UPSET, "补材料是正常流程。"),
            ("你帮我看下我社保交到好多年了嘛。", RECORDS, "您已经缴了十二年。"),
            ("你们那个妹儿态度好差哦，话都不听我说完。", COMPLAINT, "您现在要办什么？"),
            ("半天都没人接，你们是不是都在耍哦。", WAIT, "您请讲。"),
            ("我心头冒火得很，你们推来推去的到底哪个管。", UPSET, "这个归区县经办机构管。"),
            ("我想问下我养老账户头交了好多钱了。", RECORDS, "您的个人账户里有两万多。"),
        ],
        "ordinary": [
            ("这个手续办起来好恼火哦，需要哪些材料嘛？", "需要身份证和申请表。"),
            ("我屋头老人在火锅店打工，能不能交职工社保？", "符合条件的可以由单位缴纳。"),
            ("你慢点说嘛，我记不到。", "好的，我再说一遍。"),
            ("我爸的养老金等了好久才到账，是不是每个月都是这个时候？", "是的，每月固定时间发放。"),
            ("工伤认定要好久嘛，我同事在工地摔了。", "一般六十日内作出认定。"),
            ("要得，谢谢你哈，我晓得了。", "不客气。"),
            ("灵活就业交医保，一年大概好多钱嘛？", "以当年公布的缴费标准为准。"),
            ("那我是去窗口还是在网上弄嘛？", "两种方式都可以。"),
        ],
    },
    # A second centre (nights 3 and 4, written on 2026-12-07 after the out-of-scope and
    # apology checks and before any run of them): its callers' own idioms for the same
    # situations, 水 (poor service), 花儿都谢了 (waited forever), 毛焦火辣 (beside oneself),
    # that no corpus line holds; each night says them in other sentences.
    3: {
        "situations": [
            ("你们那个接线的太水了，啥子都答不上来。", COMPLAINT, "您要问哪方面的？"),
            ("电话打起等得我花儿都谢了才有人接。", WAIT, "您请讲。"),
            ("我心头毛焦火辣的，这个钱到底好久到嘛。", UPSET, "按流程走就是了。"),
            ("你帮我查下我的社保断没断过。", RECORDS, "您去年断了两个月。"),
            ("上个礼拜那个小伙子水得很，说的全是错的。", COMPLAINT, "那您今天问什么？"),
            ("打了一上午，等得花儿都谢了。", WAIT, "嗯，您说。"),
            ("搞得我毛焦火辣的，跑断腿了都没办成。", UPSET, "材料要带齐。"),
            ("你看下我名下的医保交起没得。", RECORDS, "您的医保是正常缴费状态。"),
        ],
        "ordinary": [
            ("我在自来水厂上班，单位给我们交的是哪个档次？", "按单位申报的工资基数缴纳。"),
            ("我屋头老人看病花了好多钱，医保能报好多？", "按医保目录和比例报销。"),
            ("你等一哈，我拿个笔记一下。", "好的，您慢慢来。"),
            ("花了两年时间才把档案弄好，现在退休要啥子材料？", "身份证、户口本和档案。"),
            ("我想问下失业了医保咋个办，会不会断？", "领失业金期间由失业保险基金代缴。"),
            ("要得，我明天去社保局问一哈。", "好的。"),
            ("开花店的个体户能不能交社保？", "可以以灵活就业人员身份参保。"),
            ("你说的那个网上经办大厅在哪里进？", "在重庆人社的官方网站上。"),
        ],
    },
    4: {
        "situations": [
            ("你们热线的人水得很，问个啥子都推给窗口。", COMPLAINT, "窗口能办的就去窗口。"),
            ("等你们接电话，花儿都等谢了。", WAIT, "您要问什么？"),
            ("这个事情搞得我毛焦火辣的，三个月了都没弄好。", UPSET, "这个不归我们管。"),
            ("你帮我看下我养老保险交了好多年了。", RECORDS, "您已经缴了十五年。"),
            ("你们那个妹儿太水了，一句话都说不清楚。", COMPLAINT, "您现在要问什么？"),
            ("你们这个电话，等到花儿都谢了。", WAIT, "请讲。"),
            ("我真的是毛焦火辣，钱一直不到账。", UPSET, "到账要等银行。"),
            ("你查下我的失业金还剩几个月。", RECORDS, "您还剩四个月。"),
        ],
        "ordinary": [
            ("我在水务公司上班，工伤保险是单位交还是自己交？", "工伤保险由单位缴纳。"),
            ("我妈住院花了三万，异地能不能报？", "备案后可以直接结算。"),
            ("你等一下嘛，我看下身份证号。", "好的。"),
            ("我想问个事，灵活就业交养老有没有补贴？", "符合条件的可以申请社保补贴。"),
            ("我家小孩刚出生，生育津贴咋个领？", "由单位申报后发放。"),
            ("要得，谢谢你哈。", "不客气。"),
            ("开了个花店，员工的社保怎么交？", "单位应当为员工办理参保登记。"),
            ("医保卡掉了，在哪里补？", "到社保卡服务网点补办。"),
        ],
    },
}


def specs(night: int) -> list[dict]:
    n = NIGHTS[night]
    scen = [
        (f"n{night}-s{k}", [C(line, rule), A(answer), *CLOSING], [], "caller")
        for k, (line, rule, answer) in enumerate(n["situations"])
    ] + [
        (f"n{night}-o{k}", [C(line), A(answer), *CLOSING], [], "caller")
        for k, (line, answer) in enumerate(n["ordinary"])
    ]
    out = _specs(scen, prefix=f"L{night}")
    for i, s in enumerate(out):
        s["started_at"] = f"2026-12-{7 + night:02d}T{9 + i % 8:02d}:{(7 * i) % 60:02d}:00"
    agents = [
        ("8341", "何丽", "九组", {"f0": 1.1, "speed": 1.0, "gain": 0.7}),
        ("8342", "罗刚", "九组", {"f0": 0.78, "speed": 1.0, "gain": 0.72, "warp": 0.95}),
    ]
    callers = [
        {"f0": 0.85, "speed": 0.97, "gain": 0.66, "warp": 0.93},
        {"f0": 1.25, "speed": 1.04, "gain": 0.62, "warp": 1.04},
        {"f0": 1.0, "speed": 1.08, "gain": 0.65},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    night = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    target = Path(sys.argv[1] if len(sys.argv) > 1 else f"benchmarks/learning_night{night}")
    calls = specs(night)
    render_set(calls, target)
    print(f"wrote {len(calls)} calls to {target}")
