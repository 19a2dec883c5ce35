"""Pitch per frame and the per-utterance measures. Signal processing on synthetic
voices; the check against 26 real speakers' published median F0 is in the README
(`python -m benchmarks.manner --pitch`)."""

import numpy as np
from scipy.signal import butter, sosfilt

from pipeline.speech import pitch
from scorers import manner

SR = 16000


def voice(f0: float, seconds: float = 1.0, band: bool = True) -> np.ndarray:
    """A vowel-like harmonic complex at f0; `band`: through the 300-3400 Hz telephone band,
    which removes the fundamental itself."""
    t = np.arange(int(seconds * SR)) / SR
    x = sum(np.sin(2 * np.pi * k * f0 * t) / k for k in range(1, 20) if k * f0 < 4000)
    if band:
        x = sosfilt(butter(4, [300, 3400], btype="band", fs=SR, output="sos"), x)
    return (0.1 * x / np.max(np.abs(x))).astype(np.float32)


def test_the_fundamental_is_found_through_the_telephone_band():
    for f0 in (110.0, 150.0, 220.0, 280.0):
        f = np.array(pitch.track(voice(f0), SR))
        voiced = f[f > 0]
        assert len(voiced) >= 0.8 * len(f)
        assert abs(12 * np.log2(np.median(voiced) / f0)) < 0.5  # within half a semitone


def test_silence_and_noise_are_unvoiced():
    rng = np.random.default_rng(0)
    x = np.concatenate([np.zeros(SR), 0.05 * rng.normal(size=SR), voice(150.0)]).astype(np.float32)
    f = np.array(pitch.track(x, SR))
    assert (f[:20] == 0).all() and (f[20:40] > 0).mean() < 0.2 and (f[45:] > 0).mean() > 0.8


def test_pitch_measured_only_near_speech_keeps_every_measured_frame():
    # A quiet voice then a loud one: which frames are loud enough is judged on the whole
    # channel, so restricting the frames must not change a measured frame's value.
    x = np.concatenate([0.1 * voice(120.0, 2.0), voice(220.0, 2.0)]).astype(np.float32)
    full = np.array(pitch.track(x, SR))
    part = np.array(pitch.track(x, SR, within=[(0.5, 1.0), (2.5, 3.0)]))
    kept = np.zeros(len(full), dtype=bool)
    kept[10:20] = kept[50:60] = True
    assert (part[~kept] == 0).all()
    assert np.array_equal(part[kept], full[kept]) and (part[kept] > 0).all()


def test_utterance_measures_are_relative_to_the_speakers_own_median():
    hop = manner.HOP_S
    level = [-30.0] * 200
    for k in range(100, 140):
        level[k] = -20.0  # 5-7 s, 10 dB louder
    f0 = [200.0] * 200
    spans = [(0.0, 2.0, 10), (2.5, 4.5, 8), (5.0, 7.0, 12), (7.5, 9.5, 10)]
    m = manner.utterance_measures(spans, level, f0, hop)
    assert [x.loudness_rel_db for x in m] == [0.0, 0.0, 10.0, 0.0]
    assert m[2].loudness_dbfs == -20.0 and m[0].rate_cps == 5.0
    assert m[0].pitch_hz == 200.0 and m[0].pitch_range_st == 0.0
    none = manner.utterance_measures([(0.0, 1.0, 3)], level, [0.0] * 200, hop)[0]
    assert none.pitch_hz is None and none.loudness_dbfs == -30.0
