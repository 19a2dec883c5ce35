"""Pure logic: which words are the other channel's echo, when a recording is too
degraded to judge, and the echo path estimate on synthetic signals (numpy only, no audio
files, no model)."""

import numpy as np

from pipeline.speech import echo
from scorers.config import RecordingQuality
from scorers.crosstalk import echoed, judge_recording, split_echo
from scorers.types import AGENT, CALLER, Interval, Word

SR = 16000


def _words(text: str, t0: float, step: float = 0.25) -> list[Word]:
    return [Word(t0 + i * step, t0 + (i + 1) * step, ch, 0.9) for i, ch in enumerate(text)]


def test_an_echoed_caller_sentence_leaves_the_agent_channel():
    caller = _words("我不知道该去哪里办", 2.0)
    agent_echo = _words("我不知道该去哪里", 2.05)
    words = {AGENT: agent_echo, CALLER: caller}
    own = {AGENT: (), CALLER: (Interval(1.9, 4.4),)}
    kept, dropped = split_echo(words, own)
    assert kept[AGENT] == [] and len(dropped[AGENT]) == len(agent_echo)
    assert kept[CALLER] == caller


def test_one_shared_character_during_double_talk_is_not_echo():
    # The caller says 能不能转到城里来 while the agent starts 可以转，需要…: both say 转.
    caller = _words("能不能转到城里来", 1.0)
    agent = _words("可以转", 1.5) + _words("需要到户籍地办理", 2.5)
    assert not any(echoed(agent, caller))
    own = {AGENT: (Interval(1.4, 4.6),), CALLER: (Interval(0.9, 3.1),)}
    kept, _ = split_echo({AGENT: agent, CALLER: caller}, own)
    assert kept[AGENT] == agent


def test_ties_go_to_the_caller():
    both = _words("你怎么还听不懂", 1.0)
    own = {AGENT: (Interval(0.9, 3.0),), CALLER: (Interval(0.9, 3.0),)}
    kept, dropped = split_echo({AGENT: both, CALLER: list(both)}, own)
    assert kept[AGENT] == [] and kept[CALLER] == both


def test_judge_recording():
    cfg = RecordingQuality(min_snr_db=6, max_clipping=0.02, max_echo_db=-6, rules=())
    good = {"agent": {"noise_dbfs": -60, "speech_dbfs": -25, "clipping": 0.0, "echo_db": -18}}
    assert judge_recording(good, cfg) == []
    noisy = {"caller": {"noise_dbfs": -30, "speech_dbfs": -27, "clipping": 0.0}}
    assert "3 dB above the line noise" in judge_recording(noisy, cfg)[0]
    clipped = {"agent": {"noise_dbfs": -60, "speech_dbfs": -10, "clipping": 0.08}}
    assert "clipped (8.0 %" in judge_recording(clipped, cfg)[0]
    loud_echo = {"agent": {"noise_dbfs": -60, "speech_dbfs": -25, "echo_db": -3.0}}
    assert "echo into the agent channel" in judge_recording(loud_echo, cfg)[0]


def _talk(rng, n, on):
    """Speech-like bursts: coloured noise switched on in the given (start, end) seconds."""
    x = np.convolve(rng.standard_normal(n), np.ones(8) / 8, mode="same")
    gate = np.zeros(n)
    for a, b in on:
        gate[int(a * SR) : int(b * SR)] = 1.0
    return (0.1 * x * gate).astype(np.float32)


def test_echo_path_delay_and_gain_are_found_and_cancelled():
    rng = np.random.default_rng(0)
    n = 40 * SR
    a = _talk(rng, n, [(1, 6), (12, 18), (25, 30)])
    c = _talk(rng, n, [(6.5, 11), (18.5, 24), (29, 36)])  # 29-30: double talk
    d = int(0.045 * SR)
    g = 10 ** (-15 / 20)
    left, right = a.copy(), c.copy()
    left[d:] += g * c[:-d]
    right[d:] += g * a[:-d]
    sep = echo.separate(np.stack([left, right]), SR)
    for s in sep:
        assert s.path.detected and abs(s.path.delay_ms - 45) < 1 and abs(s.path.gain_db + 15) < 1
    # What is left of the caller's echo on the agent channel, where only the caller talks:
    k = slice(int(7 * SR), int(11 * SR))
    erle = 10 * np.log10(np.sum((left - a)[k] ** 2) / np.sum((sep[0].residual - a)[k] ** 2))
    assert erle > 20
    own, _ = echo.own_frames(sep[0].residual, sep[0].echo, SR)
    # VAD on the agent channel as captured fires on both; only the agent's own talk stays.
    kept = echo.keep_own([(1.0, 6.0), (6.545, 11.045)], own)
    assert kept[0][0] <= 1.1 and kept[0][1] >= 5.9
    assert not any(b0 > 7.0 for _, b0 in kept), kept


def test_no_echo_is_no_echo():
    rng = np.random.default_rng(1)
    n = 30 * SR
    x = np.stack([_talk(rng, n, [(1, 8), (20, 25)]), _talk(rng, n, [(9, 18)])])
    assert not any(s.path.detected for s in echo.separate(x, SR))


def test_neighbours_babble_leaves_the_speech_and_the_speakers_pauses_stay():
    rng = np.random.default_rng(2)
    n = 20 * SR
    own = _talk(rng, n, [(1, 4), (4.5, 8), (14, 18)])  # a 0.5 s pause inside a turn
    babble = 10 ** (-25 / 20) * _talk(rng, n, [(0, 20)])
    kept = echo.drop_background(own + babble, SR, [(0.0, 20.0)])
    assert [(round(a), round(b)) for a, b in kept] == [(1, 8), (14, 18)]
    assert echo.drop_background(own, SR, [(1.0, 8.0), (14.0, 18.0)]) == [(1.0, 8.0), (14.0, 18.0)]
