"""Words into utterances: pure logic, no audio."""

from __future__ import annotations

from scorers.types import UNKNOWN, Interval, Word
from scorers.utterances import words_to_utterances


def test_on_mono_a_word_timed_into_the_pause_starts_the_turn_it_overlaps_most():
    # The caller speaks 11.4-13.3 s, the agent 13.8-14.6 s; Whisper times the agent's
    # 我不知道 13.0-14.2 s, its middle (13.6 s) in the pause between the two stretches.
    speech = [Interval(11.4, 13.3), Interval(13.8, 14.6)]
    words = [
        Word(11.5, 12.5, "看起来", 0.9),
        Word(12.5, 13.0, "这个", 0.9),
        Word(13.0, 14.2, "我不知道", 0.9),
    ]
    utts = words_to_utterances(words, UNKNOWN, 0.8, speech)
    assert [u.text for u in utts] == ["看起来这个", "我不知道"]


def test_a_word_that_overlaps_no_stretch_stays_with_the_utterance_it_follows():
    speech = [Interval(1.0, 2.0), Interval(5.0, 6.0)]
    words = [Word(1.2, 1.9, "您好", 0.9), Word(2.1, 2.4, "呃", 0.5)]
    utts = words_to_utterances(words, UNKNOWN, 0.8, speech)
    assert [u.text for u in utts] == ["您好呃"]


def test_stereo_splits_at_pauses_only():
    words = [Word(1.0, 1.5, "好的", 0.9), Word(1.6, 2.0, "稍等", 0.9), Word(3.5, 4.0, "您好", 0.9)]
    utts = words_to_utterances(words, "agent", 0.8)
    assert [u.text for u in utts] == ["好的稍等", "您好"]


def test_a_word_timed_into_a_pause_takes_the_wordless_stretch_it_overlaps():
    """Snapping: the agent's 我不知道 (said 13.8-14.6 s between two caller turns) is timed
    13.0-14.2 s; the stretch it overlaps has no word of its own, so it is the word's, not
    the next homed word's (which made it the caller's)."""
    from scorers.utterances import snap_words_to_speech

    speech = [Interval(11.4, 13.3), Interval(13.8, 14.6), Interval(15.2, 17.0)]
    words = [
        Word(12.5, 13.0, "这个", 0.9),
        Word(13.0, 14.2, "我不知道", 0.9),
        Word(15.3, 15.5, "跨度", 0.9),
    ]
    got = snap_words_to_speech(words, speech)
    assert got[1].start == 13.8 and got[0] == words[0] and got[2] == words[2]
    assert snap_words_to_speech(got, speech) == got  # idempotent: re-applied to the cache
    utts = words_to_utterances(got, UNKNOWN, 0.8, speech)
    assert [u.text for u in utts] == ["这个", "我不知道", "跨度"]
