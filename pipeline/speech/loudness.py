"""Loudness per 50 ms frame of one channel: the track the manner rules and the
console's loudness lane read. Signal processing only: samples in, numbers out."""

from __future__ import annotations

import numpy as np

from scorers.manner import HOP_S

FLOOR_DB = -100.0


def track(x: np.ndarray, sr: int, hop_s: float = HOP_S) -> list[float]:
    """dBFS (full scale = 1.0) of each hop_s frame, to 0.1 dB; digital silence is FLOOR_DB."""
    n = int(round(hop_s * sr))
    m = len(x) // n
    if m == 0:
        return []
    e = (x[: m * n].reshape(m, n).astype(np.float64) ** 2).mean(axis=1)
    db = 10 * np.log10(np.maximum(e, 10 ** (FLOOR_DB / 10)))
    return np.round(db, 1).tolist()
