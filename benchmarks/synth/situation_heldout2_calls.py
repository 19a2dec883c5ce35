"""The situational held-out set, part 2: written after the last change to the situational
rules, the intent corpus and the thresholds. Part 1 (`situation_heldout_calls.py`) was
looked at once (F1 0.545, see README) and then used for tuning, so it is a tuning set
now; this part is the honest figure.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout2_set
"""

from __future__ import annotations

from benchmarks.synth.situation_calls import SILENT_END, A, C, R, recast, write_set
from benchmarks.synth.situation_calls import specs as _specs

CLOSING = [A("请问您还有别的问题要咨询吗？"), C("没有啦，谢谢。"), A("感谢您的来电，再见。")]
INSIST = ["situation.complaint.no_transfer", "situation.complaint.no_apology"]

SCENARIOS = [
    (
        "k-complaint-v",
        [
            C("你们那边办事的人说话特别难听，我很不高兴。", "situation.complaint.no_apology"),
            A("您具体要办什么业务？"),
            C("退休。"),
            A("退休需要单位申报。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-complaint-c",
        [
            C("你们那边办事的人说话特别难听，我很不高兴。"),
            A("真对不起，给您带来不愉快了，您要办什么业务我来帮您。"),
            C("退休。"),
            A("退休需要单位申报。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-insist-v",
        [
            C("我要投诉你们窗口那个办事员！", INSIST),
            A("窗口的事我们管不了。"),
            C("算了算了。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-insist-c",
        [
            C("我要投诉你们窗口那个办事员！"),
            A("非常抱歉给您带来不便，我这就帮您转接到班长席，由班长为您处理，好吗？"),
            C("好。"),
        ],
        [],
        "agent",
    ),
    (
        "k-upset-v",
        [
            C("我已经被你们折腾了三个月了，真是受够了！", "situation.upset.no_comfort"),
            A("那您要问什么？"),
            C("工伤的钱什么时候到？"),
            A("工伤待遇审核后发放。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-upset-c",
        [
            C("我已经被你们折腾了三个月了，真是受够了！"),
            A("您别着急，我理解您的心情，我们一起看看卡在哪一步。"),
            C("工伤的钱什么时候到？"),
            A("工伤待遇审核后发放。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-wait-v",
        [
            C("我打了十几次才打进来。", "situation.wait.no_apology"),
            A("您说吧。"),
            C("医保怎么续交？"),
            A("医保可以通过手机应用续交。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-wait-c",
        [
            C("我打了十几次才打进来。"),
            A("不好意思让您久等了，现在来电的人比较多，请问您要咨询什么？"),
            C("医保怎么续交？"),
            A("医保可以通过手机应用续交。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-unanswered-v",
        [
            C("我们村的新农保和城镇的怎么合并？"),
            A("这个我这边暂时查不到。", "situation.unanswered.no_followup"),
            C("哦。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-unanswered-c",
        [
            C("我们村的新农保和城镇的怎么合并？"),
            A("这个我这边暂时查不到，我帮您转到专家席，好吗？"),
            C("好的。"),
        ],
        [],
        "agent",
    ),
    (
        "k-silent-v",
        [{"silence": 9.5, "labels": ["situation.no_response.no_prompt"]}],
        SILENT_END,
        "agent",
    ),
    (
        "k-silent-c",
        [{"silence": 9}, A("您好，请问您能听到我的声音吗？"), {"silence": 5.8}],
        [],
        "agent",
    ),
    (
        "k-personal-v",
        [
            C("你帮我看看我的医保交到几月份了。", "situation.personal_info.no_verification"),
            A("您的医保交到今年六月。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-personal-c",
        [
            C("你帮我看看我的医保交到几月份了。"),
            A("为了您的个人信息安全，请根据语音提示进行身份验证。"),
            C("行。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-neg-1",
        [
            C("我不是来投诉的，就想问问失业金。"),
            A("失业金需要先办理失业登记。"),
            C("好嘞，谢谢你。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-neg-2",
        [
            C("不好意思啊，我耳朵不太好，你再说一遍。"),
            A("好的，养老保险需要缴满十五年。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-neg-3",
        [
            R("soulx_male_mandarin.wav"),
            A("您说的是电影吧？我们这里是人力社保咨询热线。"),
            C("哦，打错了。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "k-praise-v",
        [C("你解释得太清楚了，真得谢谢你。", "situation.praise.no_reply"), A("嗯嗯。"), *CLOSING],
        [],
        "caller",
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="K")
    agents = [
        ("8321", "罗琳", "七组", {"f0": 1.1, "speed": 1.03, "gain": 0.69}),
        ("8322", "石磊", "七组", {"f0": 0.78, "speed": 0.97, "gain": 0.73}),
    ]
    callers = [
        {"f0": 1.18, "speed": 0.97, "gain": 0.64, "warp": 1.04},
        {"f0": 0.76, "speed": 1.04, "gain": 0.69},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout2_set")
