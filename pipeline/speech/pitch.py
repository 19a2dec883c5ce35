"""Pitch per 50 ms frame of one channel (per-utterance measures): the fundamental
of voiced frames in Hz, 0 where unvoiced. Signal processing only: samples in, numbers out.

A normalised cross-correlation (the core of YIN and RAPT) over 40 ms frames, lags for
70-400 Hz. On the telephone band the fundamental itself is filtered out below 300 Hz, but
its harmonics keep the period, which is what the correlation finds. The smallest lag whose
correlation is within `OCTAVE_TOLERANCE` of the best one is taken, against octave-down
errors. Checked against the median F0 the voices' manifest gives for 20 real speakers
(tests/test_pitch.py).
"""

from __future__ import annotations

import numpy as np

from scorers.manner import HOP_S

FRAME_S = 0.04
F0_MIN, F0_MAX = 70.0, 400.0
VOICED_NCCF = 0.6  # correlation at the period: voiced above it
OCTAVE_TOLERANCE = 0.92
QUIET_DB = 35.0  # frames this far under the channel's loudest 5 % are not voiced


def track(
    x: np.ndarray,
    sr: int,
    hop_s: float = HOP_S,
    within: list[tuple[float, float]] | None = None,
) -> list[float]:
    """F0 in Hz per hop_s frame (0.0: unvoiced or silent), rounded to 0.1 Hz.

    `within`: only frames that start inside these (start, end) seconds are measured, the
    rest are 0.0. Utterances are measured inside speech, and on a call with holds and
    silences that is a fraction of the frames; which frames are loud enough is still
    judged against the whole channel, so a measured frame's value does not change."""
    hop, n = int(round(hop_s * sr)), int(round(FRAME_S * sr))
    lo, hi = int(sr / F0_MAX), int(sr / F0_MIN)
    m = len(x) // hop
    if m == 0:
        return []
    x = np.asarray(x, dtype=np.float64)
    x = np.concatenate([x, np.zeros(n + hi)])
    idx = np.arange(m)[:, None] * hop + np.arange(n + hi)[None, :]
    frames = x[idx]
    frames = frames - frames.mean(axis=1, keepdims=True)
    energy = (frames[:, :n] ** 2).sum(axis=1)
    loud = np.percentile(energy, 95) if m else 0.0
    out = np.zeros(m)
    audible = energy > max(loud * 10 ** (-QUIET_DB / 10), 1e-10)
    if within is not None:
        wanted = np.zeros(m, dtype=bool)
        for a, b in within:
            wanted[max(0, int(np.floor(a / hop_s))) : max(0, int(np.ceil(b / hop_s)))] = True
        audible &= wanted
    if not audible.any():
        return out.tolist()
    f = frames[audible]
    size = 1 << int(np.ceil(np.log2(2 * (n + hi))))
    head = np.zeros_like(f)
    head[:, :n] = f[:, :n]
    # cross-correlation of the frame's first n samples with the frame at every lag
    cc = np.fft.irfft(np.conj(np.fft.rfft(head, size)) * np.fft.rfft(f, size), size)[:, : hi + 1]
    sq = np.concatenate([np.zeros((len(f), 1)), np.cumsum(f**2, axis=1)], axis=1)
    lags = np.arange(hi + 1)
    e_lag = sq[:, lags + n] - sq[:, lags]  # energy of the lagged window
    e0 = sq[:, n][:, None]
    nccf = cc / np.sqrt(np.maximum(e0 * e_lag, 1e-20))
    seg = nccf[:, lo : hi + 1]
    best = seg.max(axis=1)
    first = np.argmax(seg >= OCTAVE_TOLERANCE * best[:, None], axis=1)
    f0 = np.where(best >= VOICED_NCCF, sr / (first + lo), 0.0)
    out[audible] = f0
    return np.round(out, 1).tolist()
