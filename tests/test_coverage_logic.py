"""The coverage check and 'not assessable' on unheard speech, on plain data (milliseconds)."""

from scorers import coverage
from scorers.engine import evaluate
from scorers.types import AGENT, CALLER, CallEvidence, CallMeta, Interval, Utterance, Word

SP = [Interval(1.0, 4.0), Interval(10.0, 14.0), Interval(20.0, 20.5)]


def w(s, e, t="字"):
    return Word(s, e, t)


def test_a_stretch_without_words_is_uncovered_short_ones_are_ignored():
    holes = coverage.uncovered(SP, [w(1.2, 3.8)], 0.8)
    assert holes == [Interval(10.0, 14.0)]  # 20.0-20.5 is shorter than 0.8 s


def test_a_long_stretch_with_words_only_at_its_start_is_partly_uncovered():
    holes = coverage.uncovered([Interval(0.0, 20.0)], [w(0.2, 1.0), w(1.0, 2.0)], 0.8)
    assert holes == [Interval(2.5, 20.0)]


def test_summary_and_windows():
    c = coverage.summarize(SP, [Interval(10.0, 14.0)])
    assert c.speech_s == 7.5 and c.uncovered_s == 4.0 and abs(c.share - 3.5 / 7.5) < 1e-9
    assert coverage.summarize([], []).share == 1.0
    wins = coverage.decode_windows([Interval(10, 14), Interval(15, 16), Interval(60, 130)])
    assert wins[0] == Interval(9.7, 16.3)  # close stretches decoded together
    assert all(b.length <= 28.0 + 1e-9 for b in wins) and wins[-1].end == 130.3
    alone = coverage.decode_windows([Interval(10, 14), Interval(15, 16)], join_gap_s=-1)
    assert len(alone) == 2


def test_describe_names_the_stretches():
    assert coverage.describe([Interval(12.34, 18.0)]) == "12.3-18.0s"


def _call(uncovered):
    meta = CallMeta("C1", "8001", "a.wav", "2026-11-29T09:00:00+08:00", hangup_by="caller")
    utts = (
        Utterance(
            AGENT, 1.0, 3.0, "您好请问有什么可以帮您", (w(1.0, 3.0, "您好请问有什么可以帮您"),)
        ),
        Utterance(CALLER, 3.5, 8.0, "我想问一下养老保险", (w(3.5, 8.0, "我想问一下养老保险"),)),
    )
    speech = {
        AGENT: (Interval(1.0, 3.0), Interval(9.0, 40.0), Interval(60.0, 70.0)),
        CALLER: (Interval(3.5, 8.0),),
    }
    return CallEvidence(meta, 72.0, False, utts, speech, uncovered)


def test_missing_closing_is_a_violation_only_when_the_end_was_heard(rules):
    heard = evaluate(_call({}), rules)
    assert "closing.missing" in {f.rule_id for f in heard.findings}
    unheard = evaluate(_call({AGENT: (Interval(60.0, 70.0),)}), rules)
    assert "closing.missing" not in {f.rule_id for f in unheard.findings}
    assert "closing.missing" in unheard.not_assessable


def test_silence_next_to_unheard_speech_is_not_dead_air(rules):
    # 40-60 s is silent on both channels; the agent spoke 9-40 s, but without words.
    assert "dead_air" in {f.rule_id for f in evaluate(_call({}), rules).findings}
    out = evaluate(_call({AGENT: (Interval(30.0, 40.0),)}), rules)
    assert "dead_air" not in {f.rule_id for f in out.findings}
    assert "dead_air" in out.not_assessable


def test_merged_words_keep_whisper_text_order():
    from pipeline.speech.asr import merge_words

    # The chunk's first word 我 is timed at the previous chunk's end (before 帮): the text
    # order must survive a merge with words decoded again elsewhere.
    first = [w(10.0, 10.3, "正在"), w(10.3, 10.6, "为您"), w(9.8, 9.9, "我"), w(10.7, 11.0, "查询")]
    found = [w(20.0, 20.5, "请稍等")]
    assert [x.text for x in merge_words(first, found)] == ["正在", "为您", "我", "查询", "请稍等"]


def test_a_word_timed_over_seconds_is_not_believed_and_short_speech_needs_its_own_words():
    from pipeline.speech import asr
    from pipeline.speech.settings import AsrSettings

    s = AsrSettings()
    stretched = w(18.3, 34.8)  # one 您 timed over 16 s of speech
    assert asr.plausible([w(1.0, 1.4), stretched]) == [w(1.0, 1.4)]
    speech = [Interval(1.0, 3.0), Interval(8.7, 9.5), Interval(9.8, 10.1), Interval(11.0, 11.6)]
    # 8.7-9.5 (0.8 s) is the refill's; 9.8-10.1 is under SHORT_MIN_S; 11.0-11.6 has no word
    holes = asr.short_holes(s, speech, [w(1.1, 2.9), w(11.65, 11.9)])
    assert holes == [Interval(11.0, 11.6)]
