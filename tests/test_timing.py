"""Timing rules on interval data alone, including the edge cases the norms imply."""

from scorers import timing
from scorers.config import (
    Answer,
    DeadAir,
    Hold,
    Interruption,
    Measurement,
    SpeechRate,
    TimedRule,
    build,
)
from scorers.types import Interval, Utterance

HOLD_RAW = {
    "too_long": {"rule_id": "hold.too_long", "max_lookup_s": 90},
    "no_checkin": {"rule_id": "hold.no_checkin", "checkin_after_s": 30},
    "no_request": {"rule_id": "hold.no_request", "lookback_s": 20},
    "min_silence_s": 10,
    "cti_join_gap_s": 15,
}
INTR_RAW = {
    "rule_id": "interruption",
    "min_overlap_s": 1.0,
    "min_chars": 4,
    "delay_s": 0.0,
    "caller_pause_join_s": 0.8,
}

HOLD = build(Hold, HOLD_RAW, "test", "")
INTR = build(Interruption, INTR_RAW, "test", "")
ANSWER = Answer(rule_id="answer.slow", max_ring_s=15)
HANGUP = TimedRule(rule_id="hangup.agent_first")
DEAD = DeadAir(rule_id="dead_air", min_gap_s=8)
M = Measurement()


def u(s, e, text="我正在为您查询请稍等", who="agent"):
    return Utterance(who, s, e, text)


def rules_of(hits):
    return sorted(h.rule_id for h in hits)


def lookup(start, end, checkins=()):
    return timing._lookup(start, end, tuple(Interval(a, b) for a, b in checkins), "audio", True)


def test_exactly_30s_without_checkin_is_allowed():
    assert rules_of(timing.hold_hits([lookup(10, 40)], HOLD, M)) == []


def test_30_1s_without_checkin_is_a_violation():
    assert rules_of(timing.hold_hits([lookup(10, 40.1)], HOLD, M)) == ["hold.no_checkin"]


def test_checkin_at_29_9s_resets_the_clock():
    lk = lookup(0, 55, [(29.9, 31.5)])
    assert rules_of(timing.hold_hits([lk], HOLD, M)) == []


def test_exactly_90s_lookup_is_allowed_and_90_5_is_not():
    ok = lookup(0, 90, [(25, 27), (55, 57), (80, 82)])
    bad = lookup(0, 90.5, [(25, 27), (55, 57), (80, 82)])
    assert rules_of(timing.hold_hits([ok], HOLD, M)) == []
    assert rules_of(timing.hold_hits([bad], HOLD, M)) == ["hold.too_long"]


def test_inferred_hold_spans_checkins_and_ends_when_agent_resumes():
    agent = [u(0, 3, "请稍等不要挂机"), u(30, 32), u(60, 63, "感谢您的耐心等待")]
    speech = [Interval(0, 3), Interval(3.5, 4.0), Interval(30, 32), Interval(60, 63)]
    lks = timing.infer_lookups(agent, {0}, {1}, speech, HOLD)
    assert len(lks) == 1 and lks[0].start == 4.0 and lks[0].end == 60
    assert [(s.start, s.end) for s in lks[0].stretches] == [(4.0, 30), (32, 60)]


def test_short_pause_after_request_is_no_hold():
    agent = [u(0, 3, "请稍等"), u(6, 9, "您的养老保险已经到账了")]
    assert timing.infer_lookups(agent, {0}, set(), [Interval(0, 3), Interval(6, 9)], HOLD) == []


def test_cti_holds_split_by_checkin_are_one_lookup():
    lks = timing.cti_lookups(
        [(10, 38), (40, 68), (70, 105)], [u(5, 8, "请稍等不要挂机")], {0}, HOLD
    )
    assert len(lks) == 1 and lks[0].end - lks[0].start == 95
    assert rules_of(timing.hold_hits(lks, HOLD, M)) == ["hold.no_checkin", "hold.too_long"]


def test_cti_hold_without_request():
    lks = timing.cti_lookups([(10, 20)], [u(1, 3, "您好")], set(), HOLD)
    assert rules_of(timing.hold_hits(lks, HOLD, M)) == ["hold.no_request"]


def test_hold_is_never_dead_air():
    speech = [Interval(0, 5), Interval(50, 55)]
    assert timing.dead_air(speech, [lookup(5.5, 49.5)], DEAD, M) == []
    hits = timing.dead_air(speech, [], DEAD, M)
    assert [(h.start, h.end) for h in hits] == [(5, 50)]


def test_dead_air_threshold_is_strict():
    cfg = DeadAir(rule_id="dead_air", min_gap_s=8)
    assert timing.dead_air([Interval(0, 2), Interval(10, 12)], [], cfg, M) == []
    assert len(timing.dead_air([Interval(0, 2), Interval(10.2, 12)], [], cfg, M)) == 1


def test_interruption_needs_overlap_and_length():
    caller = [Interval(0, 6)]
    assert rules_of(
        timing.interruptions([u(4, 8, "可以转移的这个很简单")], caller, [], INTR, M)
    ) == ["interruption"]
    assert (
        timing.interruptions([u(5.5, 8, "可以转移的这个很简单")], caller, [], INTR, M) == []
    )  # 0.5 s overlap


def test_backchannels_overlapping_the_caller_do_not_count():
    caller = [Interval(0, 6)]
    for bc in ("嗯", "对", "好的", "是的是"):
        assert timing.interruptions([u(2, 4, bc)], caller, [], INTR, M) == []


def test_agent_starting_after_caller_stopped_is_no_interruption():
    assert (
        timing.interruptions([u(6.2, 9, "您需要先办理失业登记")], [Interval(0, 6)], [], INTR, M)
        == []
    )


def test_slow_answer_and_hangup():
    assert rules_of(timing.slow_answer(15, ANSWER, M)) == []
    assert rules_of(timing.slow_answer(15.5, ANSWER, M)) == ["answer.slow"]
    assert rules_of(timing.hangup("agent", HANGUP)) == ["hangup.agent_first"]
    assert timing.hangup("caller", HANGUP) == []


def test_timing_confidence_grows_with_the_margin_past_the_threshold():
    """Evidence, not constants: a silence just past the threshold is about a coin toss,
    one far past it is sure; a CTI-logged hold (exact edges) is sure sooner than a VAD one."""
    near = timing.dead_air([Interval(0, 2), Interval(10.1, 12)], [], DEAD, M)[0].confidence
    far = timing.dead_air([Interval(0, 2), Interval(20, 22)], [], DEAD, M)[0].confidence
    assert 0.5 < near < 0.7 and far > 0.99
    audio = timing.hold_hits([lookup(10, 100.3)], HOLD, M)
    cti = timing.hold_hits([timing._lookup(10, 100.3, (), "cti", True)], HOLD, M)
    too_long = [h.confidence for h in audio + cti if h.rule_id == "hold.too_long"]
    assert too_long[0] < too_long[1] and too_long[1] > 0.99


def test_speech_rate_band():
    cfg = SpeechRate(rule_id="speech_rate", min_cpm=120, max_cpm=330, min_chars=10)
    fast = [u(0, 3, "您需要先到社保经办机构办理失业登记然后提交申请")]  # 22 chars in 3 s = 440/min
    normal = [u(0, 6, "您需要先到社保经办机构办理失业登记然后提交申请")]  # 220/min
    assert rules_of(timing.speech_rate(fast, cfg, M)) == ["speech_rate"]
    assert timing.speech_rate(normal, cfg, M) == []


def test_caller_comma_pause_does_not_hide_an_interruption():
    # The caller pauses 0.52 s at a comma; the agent jumps in during the pause and talks over the rest.
    caller = [Interval(19.0, 25.02), Interval(25.54, 27.36)]
    hits = timing.interruptions([u(25.12, 27.1, "这种情况您可以去投诉单位")], caller, [], INTR, M)
    assert rules_of(hits) == ["interruption"]
