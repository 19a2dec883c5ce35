"""Packing speech into Whisper clips: pure arithmetic, no model."""

from pipeline.speech import chunks
from scorers.types import Interval

SR = 100  # samples per second: small numbers, same arithmetic


def test_pieces_are_padded_joined_across_short_pauses_and_long_ones_split_evenly():
    speech = [Interval(1.0, 2.0), Interval(2.3, 3.0), Interval(10.0, 80.0)]
    got = chunks.pieces_of(speech, 100 * SR, SR, pad_s=0.2, join_s=0.5, max_s=29.5)
    assert got[0] == (80, 320)  # 0.8-3.2 s: the pause of 0.3 s does not split a turn
    long = got[1:]
    assert len(long) == 3 and long[0][0] == 980 and long[-1][1] == 8020
    sizes = [b - a for a, b in long]
    assert max(sizes) <= 29.5 * SR and max(sizes) - min(sizes) <= 1
    assert all(
        b == c for (_, b), (c, _) in zip(long, long[1:], strict=False)
    )  # nothing between parts


def test_pieces_stay_inside_the_recording():
    got = chunks.pieces_of([Interval(0.05, 0.5), Interval(9.9, 10.0)], 10 * SR, SR, 0.2, 0.5, 29.5)
    assert got[0][0] == 0 and got[-1][1] == 10 * SR


def test_each_channel_fills_as_few_clips_as_its_speech_needs_and_none_mixes_them():
    agent = [(0, 2500), (3000, 3400), (5000, 5300)]  # 25 s, 4 s, 3 s
    caller = [(2600, 2900), (3500, 4900)]  # 3 s, 14 s
    plan = chunks.plan([agent, caller], SR, 30.0)
    assert len(plan.clips) == 3  # agent 25+4 | 3, caller 14+3
    assert all(b - a <= 30 * SR for a, b in plan.clips)
    for a, b in plan.clips:
        assert len({p.channel for p in plan.pieces if a <= p.at < b}) == 1
    got = sorted((p.channel, p.start, p.end) for p in plan.pieces)
    assert got == sorted([(0, *r) for r in agent] + [(1, *r) for r in caller])  # none lost
    # the stream has no gaps and no overlaps
    at = sorted((p.at, p.at + p.end - p.start) for p in plan.pieces)
    assert at[0][0] == 0 and all(b == c for (_, b), (c, _) in zip(at, at[1:], strict=False))
    assert plan.clips[-1][1] == at[-1][1]


def test_a_word_that_straddles_a_join_is_the_later_pieces_first_word():
    plan = chunks.plan([[(1000, 1200), (1500, 1800)]], SR, 30.0)
    first, second = plan.pieces  # one clip: 10-12 s, then 15-18 s, joined
    assert second.at == 200 and second.start == 1500
    assert plan.piece_of(1.2, 1.9, SR) == 0  # wholly before the join
    # 1.5-2.3 s of the stream: most of it before the join (at 2.0 s), yet Whisper starts
    # the first word after a join early, so it is the second piece's (the L07 closing 感)
    assert plan.piece_of(1.5, 2.3, SR) == 1
    assert plan.piece_of(1.9, 2.5, SR) == 1
    assert plan.piece_of(1.7, 2.0, SR) == 0  # ends at the join: the piece before
    # the clip bounds a word's end: one timed past the clip's end stays in the clip
    assert plan.piece_of(2.9, 3.4, SR, clip=0) == 1
    two = chunks.plan([[(1000, 1200)], [(1500, 1800)]], SR, 30.0)  # two clips, two channels
    k = next(i for i, p in enumerate(two.pieces) if p.at == 0)
    end = two.clips[0][1] / SR
    assert two.piece_of(end - 0.3, end + 0.4, SR, clip=0) == k


def test_a_segment_whose_rounded_start_is_before_its_clip_is_still_that_clips():
    two = chunks.plan([[(1000, 1200)], [(1500, 1800)]], SR, 30.0)
    second = two.clips[1][0] / SR
    assert two.clip_of(second - 0.004, second + 2.0, SR) == 1  # 70.14 for 70.144
    assert two.clip_of(0.0, second - 0.004, SR) == 0


def test_join_makes_the_stream_the_plan_describes():
    import numpy as np

    a = np.arange(1000, dtype=np.float32)
    b = -np.arange(1000, dtype=np.float32)
    plan = chunks.plan([[(100, 150)], [(300, 320)]], SR, 30.0)
    stream = chunks.join([a, b], plan)
    assert len(stream) == 70
    for p in plan.pieces:
        src = (a, b)[p.channel][p.start : p.end]
        assert (stream[p.at : p.at + len(src)] == src).all()
