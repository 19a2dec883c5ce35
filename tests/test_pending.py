"""Deduct only what is sure: situational and manner findings below their rule's `sure` level
are 待确认 (pending). Pure logic: hand-made calls and rows in, findings and scores out."""

from __future__ import annotations

from dataclasses import replace

from pipeline.inputs.config import load_config
from scorers import situations
from scorers.engine import evaluate
from scorers.queue import PENDING, VETO, counts, is_pending, priority, review_queue
from scorers.rubric import parse_rubric, score_call
from scorers.scorecard import build_scorecards
from scorers.situations import EVIDENCE_SEP, evidence_parts
from scorers.types import AGENT, CALLER, Utterance
from tests.test_situations import END, GREET, _call, _rules


def _row(rule, review="", pending=False, confidence=0.9):
    return {"finding_id": rule, "call_id": "c1", "agent_id": "8001", "rule_id": rule,
            "review": review, "pending": pending, "confidence": confidence, "evidence": ""}  # fmt: skip


def test_a_pending_finding_deducts_only_once_confirmed():
    assert not counts(_row("situation.upset.no_comfort", pending=True))
    assert counts(_row("situation.upset.no_comfort", review="confirmed", pending=True))
    assert not counts(_row("situation.upset.no_comfort", review="rejected", pending=True))
    assert counts(_row("dead_air"))  # sure findings deduct without a verdict
    assert is_pending(_row("x", pending=True)) and not is_pending(_row("x", "confirmed", True))


def test_pending_findings_come_first_in_the_review_queue():
    _, items = parse_rubric(load_config().rubric)
    rows = [_row("forbidden.01"), _row("situation.upset.no_comfort", pending=True)]
    assert priority(rows[1], items, 0.8) == PENDING < VETO == priority(rows[0], items, 0.8)
    q = review_queue(rows, [], items, 0.8)
    assert [r["rule_id"] for r in q] == ["situation.upset.no_comfort", "forbidden.01"]


def test_a_clean_call_keeps_its_score_while_an_unsure_situation_waits():
    """The scores a call shows: with sure findings only, and should the pending be confirmed."""
    scale, items = parse_rubric(load_config().rubric)
    trig = ["situation.personal_info.no_verification"]
    now = score_call("c", "a", [], [], scale, items, triggered=trig)
    if_confirmed = score_call("c", "a", trig, [], scale, items, triggered=trig)
    assert now.score == 100 and if_confirmed.score < 100
    cards = build_scorecards(
        [{"call_id": "c1", "agent_id": "8001", "agent_name": "", "team": "",
          "started_at": "2026-12-01T10:00:00+08:00", "score": 100.0, "veto": False,
          "items": {}}],
        [{**_row("situation.upset.no_comfort", pending=True), "counted": False}],
    )  # fmt: skip
    assert all(c["pending"] == 1 and c["violations"] == {} for c in cards)


def test_situational_findings_below_their_sure_level_are_pending():
    rules = _rules()
    call = [GREET, (CALLER, 3.5, 7.0, "气死我了，你们到底管不管"),
            (AGENT, 7.5, 10.0, "您说的这个情况需要单位办理"), *END]  # fmt: skip
    (hit,) = [
        f for f in evaluate(_call(call), rules).findings if f.rule_id.startswith("situation.")
    ]
    sure = rules.situations.cfg.sure_for(hit.rule_id)
    assert hit.pending == (hit.confidence < sure)
    strict = replace(rules.situations.cfg, sure=1.01)
    picky = replace(rules, situations=replace(rules.situations, cfg=strict))
    (again,) = [f for f in evaluate(_call(call), picky).findings if f.rule_id == hit.rule_id]
    assert again.pending and again.confidence == hit.confidence


def test_trigger_and_response_are_two_fields_and_old_joined_evidence_still_reads():
    call = [GREET, (CALLER, 3.5, 7.0, "你们的服务态度太差了，我要投诉你们"),
            (AGENT, 7.5, 10.0, "您要咨询什么问题"), *END]  # fmt: skip
    found = evaluate(_call(call), _rules()).findings
    (hit,) = [f for f in found if f.rule_id == "situation.complaint.no_apology"]
    assert "投诉" in hit.evidence and "您要咨询什么问题" not in hit.evidence
    assert "您要咨询什么问题" in hit.response
    assert evidence_parts(hit.evidence, hit.response) == (hit.evidence, hit.response)
    old = f"来电：{'很长' * 50}{EVIDENCE_SEP}坐席应答：回答"  # a night judged by an older version
    said, answer = evidence_parts(old)
    assert said.startswith("来电：") and answer == "坐席应答：回答"


# -- exemptions ---------------------------------------------------------------------------
def _ids(turns, **kw) -> set[str]:
    return {f.rule_id for f in evaluate(_call(turns, **kw), _rules()).findings}


def test_no_closing_is_owed_to_a_caller_who_never_spoke():
    out = evaluate(_call([GREET, (AGENT, 12.0, 15.0, "喂，您好？")], duration=25.0,
                         hangup="agent"), _rules())  # fmt: skip
    ids = {f.rule_id for f in out.findings}
    assert not ids & {"closing.missing", "closing.question_missing"}
    assert out.exempted["closing.missing"] == "caller_silent"
    # A caller who spoke is owed the closing as before.
    spoke = [GREET, (CALLER, 3.5, 6.0, "养老保险怎么交"), (AGENT, 6.5, 9.0, "到窗口办理")]
    assert "closing.missing" in _ids(spoke, hangup="agent")


def test_a_transfer_in_other_words_exempts_the_closing():
    turns = [
        GREET,
        (CALLER, 3.5, 7.0, "这个问题你说不清楚，我要找你们领导"),
        (AGENT, 7.5, 12.0, "好的，我这边帮您转到值班长那边，您稍等一下"),
    ]
    ids = _ids(turns, hangup="agent")
    assert not ids & {"closing.missing", "closing.question_missing", "hangup.agent_first"}


def test_the_silent_line_protocol_allows_any_goodbye_after_the_wait():
    """Prompt, a 6 s wait, then the agent's own goodbye line: the protocol was kept."""
    turns = [
        GREET,
        (AGENT, 12.0, 15.0, "请问您能听到我的声音吗？"),
        (AGENT, 21.0, 26.0, "对不起，您的电话听不清楚，请用其他电话拨打好吗？再见"),
    ]
    ids = _ids(turns, duration=27.0, hangup="agent")
    assert "situation.no_response.no_prompt" not in ids
    # Two seconds between the prompt and the goodbye is no wait.
    rushed = [GREET, (AGENT, 12.0, 15.0, "请问您能听到我的声音吗？"),
              (AGENT, 17.0, 22.0, "对不起，请用其他电话拨打好吗？再见")]  # fmt: skip
    assert "situation.no_response.no_prompt" in _ids(rushed, duration=23.0, hangup="agent")


def test_mono_rules_that_rest_on_silence_abstain_when_roles_are_unsure():
    """A mono call whose caller lines went to the agent at low confidence: nobody can say
    the caller was silent, so the silent-line rule is not assessable, never a violation."""
    rules = _rules()
    utts = [
        Utterance(AGENT, 0.5, 3.0, "您好，请问有什么可以帮您？", role_confidence=0.95),
        Utterance(AGENT, 5.0, 12.0, "我想问一下灵活就业人员怎么交养老保险", role_confidence=0.6),
        Utterance(AGENT, 30.0, 33.0, "您可以到社保窗口办理", role_confidence=0.95),
    ]

    def judge(us):
        call = situations.CallLines(us, {}, 40.0, "agent", True)
        return situations.evaluate(call, rules.situations, rules.segmenter)

    shaky = judge(utts)
    assert not [h for h in shaky.hits if h.rule_id == "situation.no_response.no_prompt"]
    assert "situation.no_response.no_prompt" in shaky.not_assessable
    sure = judge([replace(u, role_confidence=0.97) for u in utts])
    assert [h for h in sure.hits if h.rule_id == "situation.no_response.no_prompt"]


def test_a_forbidden_phrase_on_a_mono_line_that_reads_as_the_callers_waits():
    """Mono: 烦人 in a line the role model gives to the caller is 待确认 (a 服务禁语 vetoes the
    call); the same word in a line that reads as the agent's deducts."""
    from scorers.types import UNKNOWN

    rules = _rules()
    rules = replace(rules, roles=replace(rules.roles, min_agent_prob=0.0))  # every line searched
    call = _call([GREET, (CALLER, 4.0, 7.0, "真是烦人，我打了好几次电话才打通"),
                  (AGENT, 7.5, 10.0, "烦人，您到底要问什么"), *END], mono=True)  # fmt: skip
    call = replace(call, utterances=tuple(replace(u, speaker=UNKNOWN) for u in call.utterances))
    hits = [f for f in evaluate(call, rules).findings if f.rule_id == "forbidden.14"]
    by_start = {round(f.start): f for f in hits}
    assert set(by_start) == {4, 8}, hits
    assert by_start[4].pending and not by_start[8].pending


def test_a_forbidden_sentence_split_at_a_role_change_is_one_finding():
    """Mono: 不是我处理的你 | 冲我喊什么 is one sentence cut in two where the role model
    changed its mind. The inspector reviews it once; it deducts because one part would."""
    from scorers.engine import one_per_sentence
    from scorers.types import Finding

    def f(rule, start, end, text, conf, pending):
        return Finding("c1", "8001", rule, start, end, "critical", text, conf, pending=pending)

    got = one_per_sentence(
        [f("forbidden.02", 14.57, 16.55, "不是我处理的你", 0.31, False),
         f("forbidden.02", 16.55, 17.53, "冲我喊什么", 0.18, True),
         f("forbidden.02", 30.0, 31.0, "你冲我喊什么", 0.9, False),  # said again later
         f("forbidden.14", 17.6, 18.0, "烦人", 0.5, False)],  # another rule
        gap_s=0.8,
    )  # fmt: skip
    assert [(x.rule_id, x.start, x.end) for x in got] == [
        ("forbidden.02", 14.57, 17.53), ("forbidden.14", 17.6, 18.0), ("forbidden.02", 30.0, 31.0)
    ]  # fmt: skip
    merged = got[0]
    assert not merged.pending and merged.confidence == 0.31
    assert merged.evidence == "不是我处理的你…冲我喊什么"
