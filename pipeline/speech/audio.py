"""The one module that reads audio. Everything else asks it for samples.

PyAV (already a faster-whisper dependency) decodes WAV (PCM, mu-law, A-law),
MP3 and FLAC at any rate; we probe first so that bad files get a specific reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from pipeline.inputs import files

SAMPLE_RATE = 16000
SUPPORTED_CODECS = {
    "pcm_s16le",
    "pcm_s24le",
    "pcm_s32le",
    "pcm_u8",
    "pcm_f32le",
    "pcm_f64le",
    "pcm_s16be",
    "pcm_mulaw",
    "pcm_alaw",
    "mp3",
    "mp3float",
    "flac",
}


class AudioError(Exception):
    """A recording that cannot be used, with the reason an inspector can act on."""


@dataclass(frozen=True)
class AudioInfo:
    channels: int
    sample_rate: int
    duration: float
    codec: str
    sha256: str


def file_hash(source: str, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with files.open_input(source) as fh:
        while b := fh.read(chunk):
            h.update(b)
    return h.hexdigest()


def _name(source: str) -> str:
    return str(source).replace("\\", "/").rsplit("/", 1)[-1]


def probe(source: str | Path) -> AudioInfo:
    """Channels, rate, duration, codec and content hash; AudioError with the reason if unusable."""
    source, name = str(source), _name(str(source))
    n = files.size(source)
    if n is None:
        raise AudioError(f"audio file not found: {name}")
    if n == 0:
        raise AudioError(f"audio file is empty (0 bytes): {name}")
    try:
        with files.open_input(source) as fh, av.open(fh, mode="r", metadata_errors="ignore") as c:
            if not c.streams.audio:
                raise AudioError(f"no audio stream in {name}")
            st = c.streams.audio[0]
            codec = st.codec_context.name
            ch = st.codec_context.channels
            sr = st.codec_context.sample_rate
            dur = float(st.duration * st.time_base) if st.duration else (c.duration or 0) / 1e6
    except AudioError:
        raise
    except Exception as e:  # PyAV raises many kinds of error for broken containers
        raise AudioError(f"not a readable audio file ({type(e).__name__}: {e}): {name}") from None
    if codec not in SUPPORTED_CODECS:
        raise AudioError(
            f"unsupported codec '{codec}' in {name}; use WAV (PCM, mu-law, A-law), MP3 or FLAC"
        )
    if not sr or not ch:
        raise AudioError(f"audio header is incomplete (rate={sr}, channels={ch}): {name}")
    return AudioInfo(ch, sr, dur, codec, file_hash(source))


def load(source: str | Path, channels: int, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """float32 array of shape (channels, samples); channels is 1 (mixed down) or 2."""
    source, name = str(source), _name(str(source))
    layout = "stereo" if channels == 2 else "mono"
    res = av.audio.resampler.AudioResampler(format="s16", layout=layout, rate=sample_rate)
    chunks = []
    try:
        with files.open_input(source) as fh, av.open(fh, mode="r", metadata_errors="ignore") as c:
            for frame in c.decode(audio=0):
                for out in res.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
            for out in res.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except av.error.InvalidDataError as e:
        if not chunks:
            raise AudioError(f"audio data cannot be decoded ({e}): {name}") from None
    except Exception as e:
        raise AudioError(
            f"audio data cannot be decoded ({type(e).__name__}: {e}): {name}"
        ) from None
    if not chunks:
        raise AudioError(f"no audio samples decoded (truncated file?): {name}")
    # One int16 buffer, one float32 copy scaled in place (a two-hour stereo call is 115 M
    # samples: every extra temporary is 460 MB).
    data = np.concatenate(chunks)
    chunks.clear()
    # De-interleaved while converting: (channels, samples), C order, in one copy.
    out = data.reshape(-1, channels).T.astype(np.float32, order="C")
    del data
    out *= 1.0 / 32768.0
    return out
