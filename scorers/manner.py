"""The agent's manner, measured on the voice itself (issue 22): loudness against the
speaker's own level in the call. Plain data in (a channel's loudness track, its speech),
plain data out; no audio, no model.

Why relative: recorders differ in gain by 20 dB and more, so an absolute level would call
every call of a loud recorder shouting. The reference is the median, over the speaker's own
speech, of the loudness smoothed over `smooth_s` (energy mean): a voice raised for a second
or more lifts that smoothed level well above its median, while the normal rise and fall of
syllables does not.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scorers.types import Interval

HOP_S = 0.05  # the loudness tracks' frame: pipeline/speech/loudness.py writes them at this hop


@dataclass(frozen=True)
class Raised:
    """A stretch of speech at least `above_db` over the speaker's own level."""

    start: float
    end: float
    peak_db: float  # the smoothed level's highest point over the reference
    loud_s: float  # seconds of the stretch over the threshold


@dataclass(frozen=True)
class LevelProfile:
    """A speaker's loudness in one call: the reference and the smoothed track."""

    reference_db: float  # median smoothed dBFS over the speaker's speech
    smoothed: np.ndarray  # dBFS per frame, energy mean over the smoothing window
    in_speech: np.ndarray  # bool per frame
    hop_s: float


def profile(
    track: tuple[float, ...] | list[float],
    speech: tuple[Interval, ...] | list[Interval],
    hop_s: float,
    smooth_s: float,
    min_speech_s: float,
) -> LevelProfile | None:
    """The speaker's level profile, or None with too little speech to know their level."""
    db = np.asarray(track, dtype=np.float64)
    if db.size == 0:
        return None
    mask = np.zeros(db.size, dtype=bool)
    for iv in speech:
        a, b = int(iv.start / hop_s), int(np.ceil(iv.end / hop_s))
        mask[max(0, a) : max(0, min(db.size, b))] = True
    if mask.sum() * hop_s < min_speech_s:
        return None
    # Energy mean over the window, counting speech frames only (pauses do not pull it down).
    e = np.where(mask, 10 ** (db / 10), 0.0)
    k = max(1, int(round(smooth_s / hop_s)))
    kernel = np.ones(k)
    num = np.convolve(e, kernel, mode="same")
    den = np.convolve(mask.astype(np.float64), kernel, mode="same")
    smoothed = np.where(den > 0, 10 * np.log10(np.maximum(num, 1e-12) / np.maximum(den, 1)), -100)
    ref = float(np.median(smoothed[mask]))
    return LevelProfile(ref, smoothed, mask, hop_s)


def raised_stretches(
    p: LevelProfile, above_db: float, min_s: float, bridge_s: float
) -> list[Raised]:
    """Stretches of speech whose smoothed level is ≥ above_db over the reference for ≥ min_s
    in all (gaps ≤ bridge_s between loud frames joined)."""
    loud = p.in_speech & (p.smoothed >= p.reference_db + above_db)
    idx = np.flatnonzero(loud)
    if idx.size == 0:
        return []
    bridge = int(round(bridge_s / p.hop_s))
    runs, start, prev = [], idx[0], idx[0]
    for i in idx[1:]:
        if i - prev > bridge + 1:
            runs.append((start, prev))
            start = i
        prev = i
    runs.append((start, prev))
    out = []
    for a, b in runs:
        n_loud = int(loud[a : b + 1].sum())
        if n_loud * p.hop_s >= min_s:
            out.append(
                Raised(
                    round(a * p.hop_s, 2),
                    round((b + 1) * p.hop_s, 2),
                    round(float(p.smoothed[a : b + 1].max() - p.reference_db), 1),
                    round(n_loud * p.hop_s, 2),
                )
            )
    return out
