"""The situational held-out set, part 3: written on 2026-12-06 after intent corpus round 3
(lexicons/intents.yaml) and before any run of it; never tuned on. Parts 1 and 2 were looked
at and then used for tuning (part 2's two misses are in the corpus's themes since), so this
part is the honest figure for unseen wording.

Violations with compliant twins whose right answers are paraphrased, hard negatives (the
agent says trigger words; the caller quotes them; a complaint about the employer, which is a
consultation) and other agents' and callers' voices.

    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout3_set
"""

from __future__ import annotations

from benchmarks.synth.situation_calls import A, C, recast, write_set
from benchmarks.synth.situation_calls import pair as _pair
from benchmarks.synth.situation_calls import specs as _specs

CLOSING = [A("请问您还有其他问题需要咨询吗？"), C("没有了。"), A("感谢您的来电，再见。")]
INSIST = ["situation.complaint.no_transfer", "situation.complaint.no_apology"]


def pair(name: str, trigger: str, label, wrong: list[dict], right: list[dict], after=()):
    return _pair(name, trigger, label, wrong, right, after, CLOSING)


SCENARIOS = [
    *pair(
        "m-complaint",
        "你们那个接电话的大姐说话冷冰冰的，问两句就不耐烦。",
        "situation.complaint.no_apology",
        [A("您要咨询什么问题？")],
        [A("实在抱歉，让您有了不好的感受，您要咨询什么，我来帮您。")],
        [C("医保怎么转到外地？"), A("您可以在参保地申请转移接续。")],
    ),
    *pair(
        "m-complaint2",
        "你们给的答复和窗口说的完全不一样，害我白跑了一趟。",
        "situation.complaint.no_apology",
        [A("窗口怎么说是窗口的事，您现在要问什么？")],
        [A("很抱歉给您添麻烦了，您把情况详细说一下，我帮您核实。")],
        [C("失业登记要带什么？"), A("带身份证就可以办理。")],
    ),
    (
        "m-insist-v",
        [
            C("你把你们领导叫来，我今天一定要投诉刚才那个人。", INSIST),
            A("领导不在，您投诉也没有用。"),
            C("那算了。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "m-insist-c",
        [
            C("你把你们领导叫来，我今天一定要投诉刚才那个人。"),
            A("对不起，给您带来不便了，我马上把电话转给我们的班长，由班长为您处理，好吗？"),
            C("行。"),
        ],
        [],
        "agent",
    ),
    *pair(
        "m-upset",
        "我看病的钱全靠这个，你们一拖再拖，我心里急得像火烧一样！",
        "situation.upset.no_comfort",
        [A("您的报销材料交了没有？")],
        [A("您先别急，我能体会您的心情，我马上帮您查一下进度。")],
        [C("交了。"), A("报销审核一般需要二十个工作日。")],
    ),
    *pair(
        "m-wait",
        "我从早上八点打到现在，好不容易才打进来。",
        "situation.wait.no_apology",
        [A("请问您要咨询什么？")],
        [A("真是抱歉让您等了这么久，咨询的人比较多，请问您要咨询什么？")],
        [C("养老金调整什么时候发？"), A("一般在下半年统一补发。")],
    ),
    *pair(
        "m-records",
        "你帮我看一下我的养老保险到底交了多少年了。",
        "situation.personal_info.no_verification",
        [A("我看一下，您已经缴了十二年了。")],
        [A("为了保护您的个人信息，查询缴费情况需要您根据语音提示先进行身份验证。")],
    ),
    *pair(
        "m-scope",
        "请问一下孩子的出生证明丢了去哪里补办？",
        "situation.out_of_scope.no_script",
        [A("这个我也不清楚。")],
        [A("不好意思，这个不属于我们的咨询范围，建议您向出生的医院或者卫生部门咨询。")],
    ),
    *pair(
        "m-praise",
        "你这个同志讲得真细致，我一听就懂了，太谢谢了。",
        "situation.praise.no_reply",
        [A("嗯，那就这样。")],
        [A("不客气，能帮到您我们也很高兴。")],
    ),
    *pair(
        "m-sorry",
        "刚才是我火气太大了，说话不中听，你莫往心里去。",
        "situation.caller_apology.no_reply",
        [A("那您还要问什么？")],
        [A("没关系的，我理解您着急的心情，您接着说。")],
    ),
    *pair(
        "m-judge",
        "你凭你的经验说说，我这个腰伤能不能评上伤残等级？",
        "situation.judgement.no_script",
        [A("应该能评上九级吧。")],
        [A("伤残等级要由鉴定委员会鉴定，我们暂时无法做出判断，请您按照正常程序办理。")],
    ),
    (
        "m-unanswered-v",
        [
            C("我们村里的被征地农民养老保险怎么算？"),
            A("这个问题我这里答复不了。", "situation.unanswered.no_followup"),
            C("那怎么办？"),
            A("您再问问别人吧。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "m-unanswered-c",
        [
            C("我们村里的被征地农民养老保险怎么算？"),
            A("这个问题我这里答复不了，我们核实以后会在五个工作日内给您回电话，好吗？"),
            C("好的。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    # Hard negatives: no situation occurs.
    (
        "m-neg-employer",
        [
            C("我想投诉我们老板，他三个月没给我们发工资了，应该找哪个部门？"),
            A("拖欠工资可以向劳动保障监察部门举报投诉。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "m-neg-agent-words",
        [
            C("请问失业金每个月能领多少？"),
            A("最近打电话的人多，好多人都说电话难打。失业金按最低工资的百分之九十发放。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "m-neg-quote",
        [
            C("窗口的人跟我说我要等审批，让我耐心一点，要等多久啊？"),
            A("审批一般需要十五个工作日。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
    (
        "m-neg-calm",
        [
            C("不好意思，我年纪大了，记性不好，你再说一下材料。"),
            A("好的，需要身份证和户口本。"),
            *CLOSING,
        ],
        [],
        "caller",
    ),
]


def specs() -> list[dict]:
    out = _specs(SCENARIOS, prefix="M")
    agents = [
        ("8331", "田甜", "八组", {"f0": 1.06, "speed": 1.0, "gain": 0.7}),
        ("8332", "唐军", "八组", {"f0": 0.8, "speed": 1.02, "gain": 0.72}),
    ]
    callers = [
        {"f0": 0.82, "speed": 0.98, "gain": 0.66},
        {"f0": 1.22, "speed": 1.03, "gain": 0.62, "warp": 0.97},
    ]
    return recast(out, agents, callers)


if __name__ == "__main__":
    write_set(specs(), "benchmarks/situation_heldout3_set")
