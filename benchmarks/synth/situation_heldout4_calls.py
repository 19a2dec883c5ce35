"""The situational held-out set, part 4: written on 2026-12-07 after the trigger model's
pinyin features, hard negatives from ordinary calls, the 待确认 (pending) level and the new
exemptions, and before any run of it; never tuned on.

Violations with compliant twins (right answers paraphrased), hard negatives (a caller who
quotes trigger words, an employer complaint, mild annoyance, ordinary fragments), and the
endings the exemptions are for: a caller who never speaks, a transfer in other words, and
the silent-line protocol closed with the agent's own goodbye.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout4_set
"""

from __future__ import annotations

from benchmarks.synth.situation_calls import SILENT_END, A, C, recast, write_set
from benchmarks.synth.situation_calls import pair as _pair
from benchmarks.synth.situation_calls import specs as _specs

CLOSING = [A("请问还有其他需要咨询的吗？"), C("没得了。"), A("感谢您的来电，再见。")]


def pair(name: str, trigger: str, label, wrong: list[dict], right: list[dict], after=()):
    return _pair(name, trigger, label, wrong, right, after, CLOSING)


SCENARIOS = [
    *pair(
        "p-complaint",
        "上礼拜你们有个小伙子接我电话，我话还没说完他就挂了，太不像话了。",
        "situation.complaint.no_apology",
        [A("那您今天要问什么？")],
        [A("真是对不起，这是我们的工作没做好，您今天的问题我来帮您解决。")],
        [C("我想问失业金的事。"), A("您可以在失业登记后申请。")],
    ),
    *pair(
        "p-complaint2",
        "你们热线说的和社保局窗口说的两回事，我到底该信哪个嘛。",
        "situation.complaint.no_apology",
        [A("以窗口为准。")],
        [A("给您添麻烦了，非常抱歉，我帮您把最新的政策核实清楚。")],
    ),
    *pair(
        "p-upset",
        "我一把年纪了跑了七八趟，你们还要我怎么样嘛，我真的受不了了！",
        "situation.upset.no_comfort",
        [A("材料不齐肯定办不了。")],
        [A("您别着急，您的心情我能理解，我们一项一项把材料核对清楚。")],
    ),
    *pair(
        "p-wait",
        "电话响了好久都没人接，我都打了五六次了。",
        "situation.wait.no_apology",
        [A("您要问什么？")],
        [A("不好意思让您久等了，现在来电比较多，请问您要咨询什么？")],
    ),
    *pair(
        "p-records",
        "你帮我看下我医保账户今年进了好多钱。",
        "situation.personal_info.no_verification",
        [A("您的医保账户今年进了一千二。")],
        [A("查询个人账户需要先验证身份，请您根据语音提示进行身份验证。")],
    ),
    *pair(
        "p-scope",
        "我想问一下驾驶证到期了在哪里换？",
        "situation.out_of_scope.no_script",
        [A("这个您自己问问吧。")],
        [A("对不起，这个超出了我们的服务范围，建议您咨询车管所。")],
    ),
    *pair(
        "p-praise",
        "你这个人服务真的好，讲得清清楚楚的，谢谢你哦。",
        "situation.praise.no_reply",
        [A("嗯。")],
        [A("不用谢，这是我们应该做的。")],
    ),
    *pair(
        "p-cursing",
        "你们这些人真是一群饭桶，啥子都办不好！",
        "situation.cursing.no_redirect",
        [A("你骂人也没用。")],
        [A("先生，打扰您一下，我们先来讨论您的问题，您刚才说的是哪项业务？")],
    ),
    # Hard negatives: no situation.
    (
        "p-neg-quote",
        [C("我邻居说你们这个热线态度好得很，我就打来问问生育津贴。"),
         A("生育津贴由单位申请后发放。"), *CLOSING],  # fmt: skip
        [],
        "caller",
    ),
    (
        "p-neg-employer",
        [C("我们厂里不给我买社保，我想举报他们，去哪里举报？"),
         A("您可以向劳动保障监察部门举报。"), *CLOSING],  # fmt: skip
        [],
        "caller",
    ),
    (
        "p-neg-annoyed",
        [C("这个手续也太麻烦了，还要跑一趟单位盖章。"),
         A("是的，需要单位盖章才能办理。"), *CLOSING],  # fmt: skip
        [],
        "caller",
    ),
    (
        "p-neg-fragments",
        [C("喂，你好，我这样啊，想问个事。"), A("您请讲。"),
         C("那怎么办呢，我社保断了三个月。"), A("可以按规定补缴。"), *CLOSING],  # fmt: skip
        [],
        "caller",
    ),
    # Endings the exemptions cover.
    (
        "p-silent-caller",  # greeting, nobody there, the agent hangs up without a prompt
        [{"silence": 10, "labels": ["situation.no_response.no_prompt"]}],
        SILENT_END,
        "agent",
    ),
    (
        "p-silent-protocol",  # prompt, a 6 s wait, then the agent's own goodbye
        [{"silence": 9}, A("喂，您好，请问您能听到我的声音吗？"), {"silence": 6},
         A("对不起，您的电话没有声音，请您换个电话再拨好吗？再见。")],  # fmt: skip
        [],
        "agent",
    ),
    (
        "p-transfer-other-words",
        [C("这个事情你说不清楚，我要找你们管事的。"),
         A("好的，我这边帮您转给我们值班长，您稍等一下。"), C("好。")],  # fmt: skip
        [],
        "agent",
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="P")
    agents = [
        ("8351", "冉静", "十组", {"f0": 1.12, "speed": 0.98, "gain": 0.7, "warp": 1.03}),
        ("8352", "向东", "十组", {"f0": 0.76, "speed": 1.03, "gain": 0.72}),
    ]
    callers = [
        {"f0": 0.88, "speed": 1.02, "gain": 0.64, "warp": 0.95},
        {"f0": 1.28, "speed": 0.96, "gain": 0.62},
        {"f0": 1.05, "speed": 1.1, "gain": 0.66, "warp": 1.05},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout4_set")
