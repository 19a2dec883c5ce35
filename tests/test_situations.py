"""Situational norms as pure logic: hand-made utterances in, findings out."""

from __future__ import annotations

from functools import lru_cache, partial

import pytest

from pipeline.inputs.config import load_config
from scorers import intents
from scorers.engine import build_rules, evaluate
from scorers.rubric import parse_rubric, score_call
from scorers.types import AGENT, CALLER, CallEvidence, CallMeta, Interval, Utterance, Word


@lru_cache(maxsize=1)
def _rules():
    return build_rules(load_config())


def _call(turns, duration=None, hangup="caller", mono=False, heard=0.9):
    utts, speech = [], {AGENT: [], CALLER: []}
    for who, s, e, text in turns:
        n = len(text)
        words = tuple(
            Word(s + (e - s) * i / n, s + (e - s) * (i + 1) / n, ch, heard)
            for i, ch in enumerate(text)
        )
        spk = who if not mono else who
        utts.append(Utterance(spk, s, e, text, words))
        speech[who].append(Interval(s, e))
    meta = CallMeta(
        "c1", "8001", "x.wav", "2026-12-01T10:00:00+08:00", ring_seconds=3, hangup_by=hangup
    )
    dur = duration or max(u.end for u in utts) + 1
    return CallEvidence(meta, dur, mono, tuple(utts), {k: tuple(v) for k, v in speech.items()})


GREET = (AGENT, 0.5, 3.0, "您好，请问有什么可以帮您？")
END = [
    (AGENT, 30.0, 33.0, "请问您还有问题需要咨询吗？"),
    (CALLER, 33.5, 35.0, "没有了，谢谢"),
    (AGENT, 35.5, 37.0, "感谢您的来电，再见。"),
]


def _rules_of(turns, **kw) -> set[str]:
    out = evaluate(_call(turns, **kw), _rules())
    return {f.rule_id for f in out.findings if f.rule_id.startswith("situation.")}


@pytest.mark.parametrize(
    "caller, agent, expected",
    [
        # complaint: apology due
        ("你们上次那个接线员态度太差了", "您要咨询什么问题", {"situation.complaint.no_apology"}),
        ("你们上次那个接线员态度太差了", "非常抱歉给您带来不便，请您谅解", set()),
        ("你们上次那个接线员态度太差了", "实在不好意思，是我们的工作没做好", set()),  # paraphrase
        # insisting on a complaint: transfer due, refusing is the violation
        (
            "我要投诉你",
            "您投诉也没用",
            {"situation.complaint.no_apology", "situation.complaint.no_transfer"},
        ),
        ("我要投诉你", "非常抱歉，现在为您转接到班长席，由我们的班长为您处理，好吗", set()),
        # upset caller: comfort due
        ("气死我了，你们到底管不管", "您说的这个情况需要单位办理", {"situation.upset.no_comfort"}),
        ("气死我了，你们到底管不管", "您先别着急，我来帮您看看", set()),
        # waiting
        (
            "你们这电话太难打了，我打了一上午才打通",
            "请问您要咨询什么",
            {"situation.wait.no_apology"},
        ),
        ("你们这电话太难打了，我打了一上午才打通", "非常抱歉，让您久等了", set()),
        # personal records: identity check first, never data before it
        (
            "帮我查一下我的缴费记录",
            "您的缴费记录显示已经交了十年",
            {"situation.personal_info.no_verification"},
        ),
        ("帮我查一下我的缴费记录", "为了您的个人信息安全，请根据语音提示进行身份验证", set()),
        # hard negatives: negation, polite fillers, ordinary questions
        ("我不是要投诉，就是问问", "好的您说", set()),
        ("不好意思，我再问一下，失业金怎么领", "失业金需要先办理失业登记", set()),
        ("我想问一下养老保险怎么交", "您可以到经办机构办理", set()),
    ],
)
def test_the_agent_must_answer_the_caller(caller, agent, expected):
    turns = [GREET, (CALLER, 3.5, 7.0, caller), (AGENT, 7.5, 11.0, agent), *END]
    assert _rules_of(turns) == expected


def test_trigger_words_said_by_the_agent_are_not_a_situation():
    turns = [
        GREET,
        (CALLER, 3.5, 7.0, "我想问下养老保险"),
        (AGENT, 7.5, 12.0, "如果您要投诉，可以拨打监督电话；等了半天的话非常抱歉"),
        *END,
    ]
    out = evaluate(_call(turns), _rules())
    assert not out.situations


def test_the_response_may_come_in_the_second_turn_but_not_later():
    late = [
        GREET,
        (CALLER, 3.5, 7.0, "你们上次那个接线员态度太差了"),
        (AGENT, 7.5, 9.0, "嗯"),
        (CALLER, 9.5, 12.0, "真的太差了"),
        (AGENT, 12.5, 15.0, "非常抱歉给您带来不便"),
        *END,
    ]
    assert _rules_of(late) == set()
    never = [
        t if t[3] != "非常抱歉给您带来不便" else (AGENT, 12.5, 15.0, "您要问什么") for t in late
    ]
    assert _rules_of(never) == {"situation.complaint.no_apology"}


def test_an_unanswerable_question_needs_a_transfer_or_a_callback():
    ask = [GREET, (CALLER, 3.5, 7.0, "灵活就业的补贴怎么算")]
    bad = ask + [(AGENT, 7.5, 11.0, "这个问题我们暂时无法回答"), *END]
    ok = ask + [
        (
            AGENT,
            7.5,
            14.0,
            "对不起，您的问题我们暂时无法回答，我们将咨询有关部门，并在5个工作日内与您联系",
        ),
        *END,
    ]
    assert _rules_of(bad) == {"situation.unanswered.no_followup"}
    assert _rules_of(ok) == set()


def test_the_silent_line_protocol():
    rules = _rules()
    # Greeting, silence, the agent hangs up without a prompt: the violation, and the
    # hang-up and closings still count.
    bad = evaluate(_call([GREET], duration=20.0, hangup="agent"), rules)
    ids = {f.rule_id for f in bad.findings}
    assert "situation.no_response.no_prompt" in ids and "hangup.agent_first" in ids
    hit = next(f for f in bad.findings if f.rule_id == "situation.no_response.no_prompt")
    assert hit.start == 3.0 and hit.trigger_end == 11.0
    # The prompt, then 6 s of silence, then the hang-up: the protocol; no closing is due
    # and the agent may hang up first.
    prompt = (AGENT, 12.0, 15.0, "您好，请问您能听到我的声音吗？")
    good = evaluate(_call([GREET, prompt], duration=21.0, hangup="agent"), rules)
    ids = {f.rule_id for f in good.findings}
    assert not ids & {"situation.no_response.no_prompt", "closing.missing", "hangup.agent_first"}
    assert good.exempted["hangup.agent_first"] == "no_response_protocol"
    # Prompted but hung up 2 s later: the wait is missing.
    rushed = evaluate(_call([GREET, prompt], duration=17.0, hangup="agent"), rules)
    ids = {f.rule_id for f in rushed.findings}
    assert "situation.no_response.no_prompt" in ids and "hangup.agent_first" in ids
    # The caller hung up: no duty left.
    assert not _rules_of([GREET], duration=20.0, hangup="caller")


def test_a_transfer_needs_no_closing_and_a_plain_hangup_still_counts():
    transfer = [
        GREET,
        (CALLER, 3.5, 7.0, "我要投诉你们那个咨询员"),
        (
            AGENT,
            7.5,
            14.0,
            "我们的服务给您带来了不便，非常抱歉，现在为您转接到班长席，由我们的班长为您处理，好吗",
        ),
        (CALLER, 14.5, 15.5, "好的"),
    ]
    out = evaluate(_call(transfer, hangup="agent"), _rules())
    assert not {f.rule_id for f in out.findings} & {
        "closing.missing",
        "closing.question_missing",
        "hangup.agent_first",
    }
    plain = [
        GREET,
        (CALLER, 3.5, 7.0, "养老保险怎么交"),
        (AGENT, 7.5, 11.0, "您可以到经办机构办理"),
    ]
    ids = {f.rule_id for f in evaluate(_call(plain, hangup="agent"), _rules()).findings}
    assert {"closing.missing", "hangup.agent_first"} <= ids


def test_a_long_narrative_needs_an_acknowledgement():
    story = [
        (CALLER, 4.0 + 10 * i, 13.5 + 10 * i, "我们单位去年开始就一直没有给我们交社保")
        for i in range(5)
    ]
    silent = [
        GREET,
        *story,
        (AGENT, 55.0, 58.0, "您可以去劳动监察大队反映"),
        *[(w, s + 30, e + 30, t) for w, s, e, t in END],
    ]
    heard = [
        GREET,
        *story,
        (AGENT, 55.0, 58.0, "我明白，您可以去劳动监察大队反映"),
        *[(w, s + 30, e + 30, t) for w, s, e, t in END],
    ]
    assert _rules_of(silent) == {"situation.narrative.no_backchannel"}
    assert _rules_of(heard) == set()


def test_situational_items_count_only_when_their_situation_occurred():
    cfg = load_config()
    scale, items = parse_rubric(cfg.rubric)
    plain = score_call("c", "a", [], [], scale, items)
    assert plain.items["complaint_handling"] is None and plain.score == 100
    hit = score_call(
        "c",
        "a",
        ["situation.complaint.no_apology"],
        [],
        scale,
        items,
        triggered=["situation.complaint.no_apology"],
    )
    assert hit.items["complaint_handling"] == 0 and hit.score < 100
    ok = score_call("c", "a", [], [], scale, items, triggered=["situation.complaint.no_apology"])
    assert ok.items["complaint_handling"] == 10 and ok.score == 100


def test_intent_slots_expand_and_classes_are_independent():
    assert intents.expand("{你们|他们}{好|坏}") == ["你们好", "你们坏", "他们好", "他们坏"]
    p = intents.probabilities(["你们这什么破服务，气死我了"], load_config().intents)[0]
    assert p["complaint"] >= 0.5 and p["upset"] >= 0.5


def test_every_situational_rule_names_its_norm_and_a_rubric_item():
    cfg = load_config()
    _, items = parse_rubric(cfg.rubric)
    from scorers.rubric import item_for_rule

    for r in cfg.situations.rules:
        assert r.norm and r.name, r.id
        assert item_for_rule(r.id, items) is not None, r.id


def test_intent_probabilities_are_the_classifiers_own():
    """The one-product shortcut gives predict_proba's numbers (a quarter's rescore
    spent 40 % of its time in predict_proba's per-class checks)."""
    cfg = load_config().intents
    names, vec, proba, clf = intents._model(cfg)
    texts = [intents.normalize(x) for c in names for t in cfg.classes[c][:3]
             for x in intents.expand(t)[:2]] + ["你好我想问一下社保卡怎么补办"]  # fmt: skip
    x = vec.transform(texts)
    got, want = proba(x), clf.predict_proba(x)
    assert got.shape == want.shape == (len(texts), len(names))
    assert abs(got - want).max() < 1e-9


def test_a_situational_finding_splits_into_its_trigger_and_the_agents_window():
    from hotline_qa.console.queries.call import situation_parts

    f = {"start_s": 4.6, "trigger_end_s": 8.8, "end_s": 20.0,
         "evidence": "来电：我打了好几次电话都打不通 ｜ 坐席应答：请问您要咨询什么"}  # fmt: skip
    trig, win = situation_parts(f)
    assert (trig["start_s"], trig["end_s"], trig["text"]) == (
        4.6,
        8.8,
        "来电：我打了好几次电话都打不通",
    )
    assert (win["start_s"], win["end_s"], win["text"]) == (8.8, 20.0, "坐席应答：请问您要咨询什么")
    assert situation_parts({**f, "trigger_end_s": None}) == []  # other rules: one span


@pytest.mark.parametrize(
    "caller, expected",
    [
        # out of scope: the question must name another office's business
        ("我想问一下驾照到期了在哪里换", {"situation.out_of_scope.no_script"}),
        ("在哪里班", set()),  # a garbled in-scope question names none
        ("商店店找哪个部门", set()),
        # a caller's apology owns up; 刚才 in a complaint about waiting is no apology
        ("对不起，刚才我太激动了，说话冲了点", {"situation.caller_apology.no_reply"}),
        ("你刚才说请稍等，结果我等了这么久", {"situation.wait.no_apology"}),
        # not understanding is not being upset
        ("我搞不懂了，你再给我解释一下", set()),
        # a curse names an insult (a near-homophone of one counts); 什么东西 is also a question
        ("你算个什么东西", {"situation.cursing.no_redirect"}),
        ("你们这帮窝郎废", {"situation.cursing.no_redirect"}),
        ("你们这帮丑货", {"situation.cursing.no_redirect"}),  # two syllables, the class sure
        ("你们这个这些我，为啥回回都让我自己去网上查，有啥子意思嘛", set()),  # 啥子 is no 傻逼
        ("什么东西啊", set()),
        ("办退休要带些什么东西", set()),
        # a complaint about waiting names the line, the queue or the slowness
        ("我材料交了一个月了，还要等好久才能批下来", set()),
        ("电话打了一上午都是占线", {"situation.wait.no_apology"}),
        # a judgement asks about an outcome; a fragment asks nothing
        ("你就直接说，我这种情况单位该不该赔我钱", {"situation.judgement.no_script"}),
        ("我这样做啊", set()),
        # the in-scope guard hears 失业 only where a word starts: 不是也 is no 失业
        ("我娃娃要转学，学籍那些事不是也找你们", {"situation.out_of_scope.no_script"}),
        ("我是失业人员，驾照的事能问吗", set()),
        # a complaint is about the hotline's service; praise that says 服务态度 is praise
        ("单位不给我报工伤，我要投诉单位，应该找哪个部门", set()),
        ("你们那个工作人员话都没听完就说不归你们管", {"situation.complaint.no_apology"}),
        ("你这个小姑娘服务态度好得很，我要给你点个赞", {"situation.praise.no_reply"}),
        ("你们这群王八蛋，就知道踢皮球", {"situation.cursing.no_redirect"}),  # 五（三）'s script
        # a records request names a record, here whether contributions were paid
        ("你帮我看一下，单位到底有没有给我交工伤保险", {"situation.personal_info.no_verification"}),
        # a judgement asks the agent's opinion of an outcome, in any business; the same
        # business asked as a rule is an ordinary question
        ("你觉得我提前退休的申请最后能不能批下来", {"situation.judgement.no_script"}),
        ("特殊工种能不能提前退休", set()),
        # a household repair is another office's business; a trade certificate is the hotline's
        ("另外问一下，我家的电表坏了找谁来修", {"situation.out_of_scope.no_script"}),
        ("电工证怎么报名", set()),
        # an apology idiom owns up too
        ("我给你赔个不是，刚才态度不好", {"situation.caller_apology.no_reply"}),
        # a curse or a complaint someone else said is reported, not said to the agent
        ("你们就是一群吃干饭的", {"situation.cursing.no_redirect"}),
        ("我同事说评委都是吃干饭的，我不信，结果啥时候公布", set()),
        ("我邻居说要投诉你们，说你们的服务态度太差了", set()),
        ("我同时说平尾都是吃干饭的,我不信,平选结果杀时候公布,", set()),  # as Whisper heard it
    ],
)
def test_second_checks_on_the_evidence(caller, expected):
    turns = [GREET, (CALLER, 3.5, 7.0, caller), (AGENT, 7.5, 11.0, "好的，您说的这个情况"), *END]
    assert _rules_of(turns) == expected


def test_a_cursing_caller_is_judged_as_cursing_not_also_as_upset():
    turns = [
        GREET,
        (CALLER, 3.5, 7.0, "你们这些人真是一群饭桶，啥子都办不好"),
        (AGENT, 7.5, 11.0, "你骂人也没用"),
        *END,
    ]
    assert _rules_of(turns) == {"situation.cursing.no_redirect"}


@pytest.mark.parametrize(
    "upset_yields, praise_yields, error",
    [
        (("situation.nope",), (), "yields_to unknown"),
        # upset yields to wait, which yields to praise: a chain compiles
        (("situation.wait.no_apology",), (), None),
        # ... and praise yielding to upset would close a circle
        (("situation.wait.no_apology",), ("situation.upset.no_comfort",), "round in a circle"),
    ],
)
def test_yields_to_names_known_rules_and_never_goes_round_in_a_circle(
    upset_yields, praise_yields, error
):
    from dataclasses import replace

    from scorers.situations import compile_situations

    cfg = load_config()
    yields = {"situation.upset.no_comfort": upset_yields, "situation.praise.no_reply": praise_yields}
    rules = tuple(
        replace(r, trigger=replace(r.trigger, yields_to=yields[r.id])) if r.id in yields else r
        for r in cfg.situations.rules
    )
    compile = partial(compile_situations, replace(cfg.situations, rules=rules), cfg.intents,
                      cfg.matching, ())  # fmt: skip
    if error is None:
        compile()
    else:
        with pytest.raises(ValueError, match=error):
            compile()


@pytest.mark.parametrize(
    "caller",
    [
        "我在银行排队等了一个小时才办好社保卡，现在怎么激活",  # a wait at a bank
        "我打了这么多次，就数你说得最清楚，谢谢了啊",  # thanks
    ],
)
def test_a_complaint_about_waiting_is_the_hotlines_and_thanks_no_one(caller):
    turns = [GREET, (CALLER, 3.5, 7.0, caller), (AGENT, 7.5, 11.0, "好的，您说的这个情况"), *END]
    assert "situation.wait.no_apology" not in _rules_of(turns)


@pytest.mark.parametrize(
    "question, missing",
    [
        ("请问您还有问题需要咨询吗？", False),
        ("您看还有别的需要问的吗？", False),  # the script's sense in other words
        ("还有没有啥子要问的？", False),
        ("好的，就这样。", True),
        ("还有就是社保卡要带上。", True),  # 还有 alone is not the question
    ],
)
def test_the_closing_question_counts_in_the_agents_own_words(question, missing):
    turns = [
        GREET,
        (CALLER, 3.5, 7.0, "我想问一下养老保险怎么交"),
        (AGENT, 7.5, 11.0, "您可以到经办机构办理"),
        (AGENT, 30.0, 33.0, question),
        (CALLER, 33.5, 35.0, "没有了，谢谢"),
        (AGENT, 35.5, 37.0, "感谢您的来电，再见。"),
    ]
    out = evaluate(_call(turns), _rules())
    assert ("closing.question_missing" in {f.rule_id for f in out.findings}) is missing


def test_an_answer_missing_from_clearly_heard_words_was_not_said():
    """The agent's words heard at the probability clean telephone speech reads (0.8, 0.95)
    leave the trigger's probability whole; words heard at 0.5 may hide a garbled answer, so
    the finding is that much less sure (0.5 / heard_in_full)."""
    turns = [GREET, (CALLER, 4.0, 8.0, "你们上次那个接线员态度太差了"), (AGENT, 8.5, 11.0, "您要咨询什么问题"), *END]

    def conf(heard: float) -> float:
        out = evaluate(_call(turns, heard=heard), _rules())
        (f,) = [f for f in out.findings if f.rule_id == "situation.complaint.no_apology"]
        return f.confidence

    full = load_config().situations.heard_in_full
    assert conf(0.8) == pytest.approx(conf(0.95))
    assert conf(0.5) == pytest.approx(conf(0.95) * 0.5 / full, rel=0.02)


def test_a_rival_reading_of_the_trigger_line_leaves_the_finding_pending():
    """`unsure_with`: where another class also reads the line at its level, the finding is
    no surer than the line is not that class, so it waits for an inspector."""
    from dataclasses import replace

    from scorers.config import Rival

    cfg = load_config()
    line = "你们上次那个接线员态度太差了"
    turns = [GREET, (CALLER, 3.5, 7.0, line), (AGENT, 7.5, 11.0, "您要咨询什么问题"), *END]
    rid = "situation.complaint.no_apology"

    def finding(rivals):
        rules = tuple(
            replace(r, trigger=replace(r.trigger, unsure_with=rivals)) if r.id == rid else r
            for r in cfg.situations.rules
        )
        built = build_rules(replace(cfg, situations=replace(cfg.situations, rules=rules)))
        (f,) = [f for f in evaluate(_call(turns), built).findings if f.rule_id == rid]
        return f

    assert not finding(()).pending
    # The line's own class as its rival: as sure a rival as there is.
    p = intents.probabilities([line], cfg.intents)[0]["complaint"]
    doubted = finding((Rival(intent="complaint", min_p=0.5),))
    assert doubted.pending and doubted.confidence <= 1.0 - p + 0.001  # stored to 3 places
    # A rival under its level changes nothing.
    assert not finding((Rival(intent="cursing", min_p=0.99),)).pending
    with pytest.raises(ValueError, match="unknown intent"):
        finding((Rival(intent="nope"),))
