"""Real-recorder conditions applied to clean stereo calls: line echo and sidetone
between the channels, neighbours' babble, line noise, a quiet caller, clipping, a
narrow-band codec round trip and G.711 companding.

    python -m benchmarks.synth.degrade SRC_DIR DST_DIR CONDITION

A condition is plain data (see CONDITIONS); every random choice is seeded by the call
id, so a set is rebuilt byte for byte. Mono calls get the single-channel conditions only
(echo needs two channels). Test data only: nothing here ships in the pipeline.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import soundfile as sf
from scipy.signal import lfilter, resample_poly

VOICES = Path(__file__).resolve().parents[3] / "shared" / "voices"

# name -> list of steps, applied in order. Echo levels are of the leaked copy relative to
# its source; noise SNR is relative to the channel's active-speech level.
CONDITIONS: dict[str, list[dict]] = {
    "clean": [],
    "echo-15": [{"echo_db": -15}],
    "echo-20": [{"echo_db": -20}],
    "echo-25": [{"echo_db": -25}],
    "echo-30": [{"echo_db": -30}],
    "echo-40": [{"echo_db": -40}],
    "babble-25": [{"babble_db": -25}],
    "white-20": [{"noise": "white", "snr_db": 20}],
    "white-10": [{"noise": "white", "snr_db": 10}],
    "pink-20": [{"noise": "pink", "snr_db": 20}],
    "pink-10": [{"noise": "pink", "snr_db": 10}],
    "quiet-caller": [{"caller_gain_db": -20}],
    "clipping": [{"clip_gain_db": 12}],
    "amr-nb": [{"codec": "amr_nb"}],
    "mulaw": [{"g711": "pcm_mulaw"}],
    "alaw": [{"g711": "pcm_alaw"}],
    "combined": [
        {"caller_gain_db": -20},
        {"echo_db": -25},
        {"babble_db": -25},
        {"noise": "pink", "snr_db": 20},
        {"codec": "amr_nb"},
    ],
}


def _rng(call_id: str, salt: str) -> np.random.Generator:
    seed = int(hashlib.sha1(f"{call_id}:{salt}".encode()).hexdigest()[:8], 16)
    return np.random.default_rng(seed)


def active_rms(x: np.ndarray, sr: int) -> float:
    """RMS over the loudest 30 % of 20 ms frames: the speech level, not the silence."""
    n = sr // 50
    frames = x[: len(x) // n * n].reshape(-1, n)
    e = np.sort((frames**2).mean(axis=1))
    top = e[int(len(e) * 0.7) :]
    return float(np.sqrt(top.mean())) if len(top) else 0.0


def echo(
    x: np.ndarray, sr: int, call_id: str, db: float, delays_s: tuple[float, float] | None = None
) -> np.ndarray:
    """Each channel gets the other one back: attenuated, delayed 10-80 ms (drawn per call
    unless given, into channel 0 and 1) and band-limited (a hybrid's path is not flat)."""
    r = _rng(call_id, "echo")
    out = x.copy()
    for k in (0, 1):
        d = int(round((delays_s[k] if delays_s else r.uniform(0.010, 0.080)) * sr))
        src = x[1 - k]
        path = lfilter([0.55, 0.3, 0.15], [1.0], src)  # a short smear, like a hybrid's
        path = lfilter([1.0, -0.6], [1.0], path)  # and its low cut
        path *= np.sqrt(np.mean(src**2) / max(np.mean(path**2), 1e-12))
        out[k, d:] += 10 ** (db / 20) * path[: len(src) - d]
    return out


def _voice_pool(sr: int) -> list[np.ndarray]:
    pool = []
    for p in sorted(VOICES.glob("*.wav")):
        if "two speakers" in p.name or "dialog" in p.name:
            continue
        y, r = sf.read(p, dtype="float32", always_2d=True)
        y = y.mean(axis=1)
        f = Fraction(sr, r)
        y = resample_poly(y, f.numerator, f.denominator).astype(np.float32)
        pool.append(y / max(active_rms(y, sr), 1e-6))
    return pool


def babble(x: np.ndarray, sr: int, call_id: str, db: float, agent: int) -> np.ndarray:
    """Four neighbouring agents' voices (real recordings, looped) on the agent channel."""
    r = _rng(call_id, "babble")
    pool = _voice_pool(sr)
    n = x.shape[1]
    mix = np.zeros(n, np.float32)
    for k in r.choice(len(pool), size=min(4, len(pool)), replace=False):
        v = pool[k]
        reps = np.tile(v, n // len(v) + 2)
        off = int(r.integers(0, len(v)))
        mix += reps[off : off + n]
    out = x.copy()
    level = active_rms(x[agent], sr)
    out[agent] += mix / max(active_rms(mix, sr), 1e-6) * level * 10 ** (db / 20)
    return out


def noise(x: np.ndarray, sr: int, call_id: str, kind: str, snr_db: float) -> np.ndarray:
    r = _rng(call_id, f"noise-{kind}")
    out = x.copy()
    for k in range(x.shape[0]):
        w = r.standard_normal(x.shape[1])
        if kind == "pink":  # Voss-McCartney-like 1/f by filtering white noise
            b = [0.049922035, -0.095993537, 0.050612699, -0.004408786]
            a = [1, -2.494956002, 2.017265875, -0.522189400]
            w = lfilter(b, a, w)
        w = w / np.sqrt(np.mean(w**2))
        out[k] += (w * active_rms(x[k], sr) * 10 ** (-snr_db / 20)).astype(np.float32)
    return out


def amr_nb(x: np.ndarray, sr: int) -> np.ndarray:
    """AMR-NB 12.2 kbit/s round trip per channel, through PyAV's libopencore encoder."""
    out = np.zeros_like(x)
    for k in range(x.shape[0]):
        y = resample_poly(x[k], 8000, sr) if sr != 8000 else x[k]
        pcm = (np.clip(y, -1, 1) * 32767).astype(np.int16)
        enc = av.CodecContext.create("libopencore_amrnb", "w")
        enc.sample_rate, enc.layout, enc.format, enc.bit_rate = 8000, "mono", "s16", 12200
        dec = av.CodecContext.create("amrnb", "r")
        dec.sample_rate, dec.layout = 8000, "mono"
        got = []
        for i in range(0, len(pcm), 160):
            blk = pcm[i : i + 160]
            if len(blk) < 160:
                blk = np.pad(blk, (0, 160 - len(blk)))
            fr = av.AudioFrame.from_ndarray(blk.reshape(1, -1), format="s16", layout="mono")
            fr.sample_rate = 8000
            for p in enc.encode(fr):
                got += [_floats(f) for f in dec.decode(p)]
        for p in enc.encode(None):
            got += [_floats(f) for f in dec.decode(p)]
        z = np.concatenate(got)
        z = resample_poly(z, sr, 8000) if sr != 8000 else z
        z = np.pad(z, (0, max(0, x.shape[1] - len(z))))[: x.shape[1]]
        out[k] = z
    return out


def _floats(frame: av.AudioFrame) -> np.ndarray:
    y = frame.to_ndarray().reshape(-1)
    return (y / 32768.0 if y.dtype == np.int16 else y).astype(np.float32)


def write_g711(x: np.ndarray, sr: int, codec: str, path: Path) -> None:
    """A WAV file in mu-law or A-law, as many recorders store calls; read back by PyAV."""
    pcm = (np.clip(x, -1, 1) * 32767).astype(np.int16)
    layout = "stereo" if x.shape[0] == 2 else "mono"
    with av.open(str(path), "w", format="wav") as c:
        st = c.add_stream(codec, rate=sr, layout=layout)
        fr = av.AudioFrame.from_ndarray(pcm.T.reshape(1, -1), format="s16", layout=layout)
        fr.sample_rate = sr
        for p in st.encode(fr):
            c.mux(p)
        for p in st.encode(None):
            c.mux(p)


def apply(
    x: np.ndarray, sr: int, call_id: str, steps: list[dict], agent: int
) -> tuple[np.ndarray, str | None]:
    """(samples, G.711 codec to write with or None)."""
    g711 = None
    stereo = x.shape[0] == 2
    for st in steps:
        if "echo_db" in st and stereo:
            x = echo(x, sr, call_id, st["echo_db"])
        elif "babble_db" in st:
            x = babble(x, sr, call_id, st["babble_db"], agent if stereo else 0)
        elif "noise" in st:
            x = noise(x, sr, call_id, st["noise"], st["snr_db"])
        elif "caller_gain_db" in st and stereo:
            x = x.copy()
            x[1 - agent] *= 10 ** (st["caller_gain_db"] / 20)
        elif "clip_gain_db" in st:
            x = np.clip(x * 10 ** (st["clip_gain_db"] / 20), -1.0, 1.0)
        elif "codec" in st:
            x = amr_nb(x, sr)
        elif "g711" in st:
            g711 = st["g711"]
    return np.clip(x, -1.0, 1.0).astype(np.float32), g711


def write(y: np.ndarray, sr: int, g711: str | None, stem: Path) -> Path:
    """A degraded call as a recorder stores it: a G.711 WAV where the condition says so,
    else 16-bit FLAC; kept if it exists (seeded, so the same bytes). Returns the path."""
    path = stem.with_suffix(".wav" if g711 else ".flac")
    if not path.exists():
        if g711:
            write_g711(y, sr, g711, path)
        else:
            sf.write(path, y.T, sr, subtype="PCM_16")
    return path


def build(src: Path, dst: Path, condition: str) -> Path:
    """Copy the set at `src` (manifest.csv, labels.csv, script.jsonl, audio/) to `dst` with
    `condition` applied to every call; returns the new manifest. Idempotent."""
    import csv

    steps = CONDITIONS[condition]
    dst.mkdir(parents=True, exist_ok=True)
    (dst / "audio").mkdir(exist_ok=True)
    for name in ("labels.csv", "script.jsonl"):
        shutil.copy(src / name, dst / name)
    with open(src / "manifest.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        x, sr = sf.read(src / row["audio"], dtype="float32", always_2d=True)
        x = x.T.copy()
        agent = 1 if row["agent_channel"] == "right" else 0
        y, g711 = apply(x, sr, row["call_id"], steps, agent)
        path = write(y, sr, g711, dst / "audio" / Path(row["audio"]).stem)
        row["audio"] = f"audio/{path.name}"
    with open(dst / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return dst / "manifest.csv"


if __name__ == "__main__":
    print(build(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]))
