"""Speaker embeddings for mono calls: the GE2E voice encoder of resemblyzer, in numpy.

The weights (`pipeline/speech/models/ge2e.npz`, 2.7 MB, Apache-2.0) were exported once from the
resemblyzer 0.1.4 wheel on PyPI (`benchmarks/export_ge2e.py`); nothing is fetched at run
time and torch is not needed: the network is 40 mel bands → 3 LSTM layers of 256 → a
linear layer → ReLU → L2 norm, a few matrix products per 10 ms frame, batched over all
windows of a call. The mel front end reproduces librosa's `melspectrogram` (power, Slaney
filters, centred frames) that resemblyzer trains on.

This module only turns samples into vectors. Which window is whose voice is pure logic
(`scorers.voices`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

SR = 16000
N_FFT = 400  # 25 ms
HOP = 160  # 10 ms
N_MELS = 40
TARGET_DBFS = -30.0  # resemblyzer's volume normalisation
WEIGHTS = Path(__file__).resolve().parent / "models" / "ge2e.npz"
# Part of the ASR cache entry's voice version: bump when the embeddings change.
WEIGHTS_VERSION = "ge2e-resemblyzer-0.1.4-fp16-1"
MAX_ENROL_WINDOWS = 40  # per stereo call: a voiceprint needs a spread, not every second


@lru_cache(maxsize=1)
def _weights() -> dict[str, np.ndarray]:
    if not WEIGHTS.exists():
        raise FileNotFoundError(
            f"voice encoder weights missing: {WEIGHTS} (reinstall with: pip install -e .)"
        )
    with np.load(WEIGHTS) as z:
        return {k.replace("__", "."): z[k].astype(np.float32) for k in z.files}


@lru_cache(maxsize=1)
def _mel_filters() -> np.ndarray:
    """librosa.filters.mel(sr=16000, n_fft=400, n_mels=40): Slaney scale and norm."""

    def hz_to_mel(f):
        f = np.asarray(f, dtype=np.float64)
        lin = f / (200.0 / 3)
        log = 15.0 + np.log(np.maximum(f, 1e-10) / 1000.0) / (np.log(6.4) / 27.0)
        return np.where(f >= 1000.0, log, lin)

    def mel_to_hz(m):
        m = np.asarray(m, dtype=np.float64)
        lin = m * (200.0 / 3)
        log = 1000.0 * np.exp((np.log(6.4) / 27.0) * (m - 15.0))
        return np.where(m >= 15.0, log, lin)

    fft_f = np.fft.rfftfreq(N_FFT, 1.0 / SR)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(SR / 2), N_MELS + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fft_f)
    w = np.zeros((N_MELS, len(fft_f)))
    for i in range(N_MELS):
        w[i] = np.maximum(0, np.minimum(-ramps[i] / fdiff[i], ramps[i + 2] / fdiff[i + 1]))
    w *= (2.0 / (mel_f[2 : N_MELS + 2] - mel_f[:N_MELS]))[:, None]
    return w.astype(np.float32)


def mel_frames(x: np.ndarray) -> np.ndarray:
    """(frames, 40) power mel spectrogram; frame k is centred at k * 10 ms."""
    x = np.pad(np.asarray(x, dtype=np.float32), N_FFT // 2)
    n = 1 + (len(x) - N_FFT) // HOP
    if n <= 0:
        return np.zeros((0, N_MELS), np.float32)
    idx = np.arange(N_FFT)[None, :] + HOP * np.arange(n)[:, None]
    win = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)).astype(np.float32)
    spec = np.abs(np.fft.rfft(x[idx] * win, axis=1)) ** 2
    return (spec @ _mel_filters().T).astype(np.float32)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def encode(mels: np.ndarray) -> np.ndarray:
    """(batch, frames, 40) → (batch, 256) L2-normalised embeddings (torch's LSTM gate order
    i, f, g, o; the last layer's final hidden state)."""
    w = _weights()
    h_seq = mels.astype(np.float32)
    b, t, _ = h_seq.shape
    for layer in range(3):
        wi, wh = w[f"lstm.weight_ih_l{layer}"], w[f"lstm.weight_hh_l{layer}"]
        bias = w[f"lstm.bias_ih_l{layer}"] + w[f"lstm.bias_hh_l{layer}"]
        pre = h_seq @ wi.T + bias  # all time steps' input projections at once
        h = np.zeros((b, 256), np.float32)
        c = np.zeros((b, 256), np.float32)
        out = np.empty((b, t, 256), np.float32)
        wht = np.ascontiguousarray(wh.T)
        for k in range(t):
            g = pre[:, k] + h @ wht
            i, f, gg, o = (
                _sigmoid(g[:, :256]),
                _sigmoid(g[:, 256:512]),
                np.tanh(g[:, 512:768]),
                _sigmoid(g[:, 768:]),
            )
            c = f * c + i * gg
            h = o * np.tanh(c)
            out[:, k] = h
        h_seq = out
    e = np.maximum(h_seq[:, -1] @ w["linear.weight"].T + w["linear.bias"], 0.0)
    return e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-9)


def embed_windows(
    x: np.ndarray, windows: list[tuple[float, float]], batch: int = 256
) -> np.ndarray:
    """One embedding per (start, end) window of the signal, each window first brought to
    -30 dBFS so that a quiet caller and a loud agent are compared by voice, not level.
    Windows of unequal length are padded with silence to the longest in their batch."""
    if not windows:
        return np.zeros((0, 256), np.float32)
    out = []
    for s in range(0, len(windows), batch):
        mels = []
        for a, b in windows[s : s + batch]:
            seg = np.asarray(x[int(a * SR) : int(b * SR)], dtype=np.float32)
            rms = float(np.sqrt(np.mean(seg**2))) if len(seg) else 0.0
            if rms > 1e-6:
                seg = seg * (10 ** (TARGET_DBFS / 20) / rms)
            mels.append(mel_frames(seg))
        t = max(len(m) for m in mels)
        arr = np.zeros((len(mels), t, N_MELS), np.float32)
        for k, m in enumerate(mels):
            arr[k, : len(m)] = m  # trailing silence: resemblyzer pads partials the same way
        out.append(encode(arr))
    return np.concatenate(out)
