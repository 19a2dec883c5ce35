"""The ASR settings of a run: one definition of every default, which the command line,
the flow's parameter and the transcript cache key all read. No model, no numpy."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from enum import StrEnum

# Bump when the front end changes what is decoded (2: echo cancellation; 3: LS taps, babble gate; 4: stricter echo detection).
FRONT_END = 4


class CallerWords(StrEnum):
    """How much of a stereo call's caller channel is decoded."""

    FULL = "full"  # all of it: the situational rules' triggers are the caller's words
    CONTEXT = "context"  # only around the call's timed findings (cheaper)


@dataclass(frozen=True)
class AsrSettings:
    model_dir: str = ""  # empty = the offline Whisper base (pipeline.model_store)
    device: str = "cpu"
    compute_type: str = "int8"
    beam_size: int = 1
    cpu_threads: int = 0  # 0 = ctranslate2 default
    language: str = "zh"
    # VAD for the ASR pass (which audio is decoded at all).
    vad_min_silence_ms: int = 500
    vad_speech_pad_ms: int = 200
    # Tighter VAD for timing rules (speech intervals stored with the call).
    timing_min_silence_ms: int = 300
    timing_speech_pad_ms: int = 60
    no_speech_threshold: float = 0.6
    # Speech stretches at least this long must end up with words: the ones
    # without are decoded again on their own; what stays empty is reported.
    coverage_min_s: float = 0.8
    # Stereo calls: the whole caller channel is decoded ("full", the default: the
    # situational rules' triggers are the caller's words), or only around the call's timed
    # findings ("context", ± caller_context_s: cheaper, but situational rules then see only
    # those caller words).
    caller_words: CallerWords = CallerWords.FULL
    caller_context_s: float = 10.0
    # Speech of both channels is cut into ≤ 30 s clips and decoded this many clips at a
    # time (faster-whisper's BatchedInferencePipeline); 0 = one channel at a time with
    # faster-whisper's own VAD, the earlier unbatched decoder.
    batch_size: int = 8
    # Calls decoded at once in one process (CTranslate2's inter_threads, one model shared);
    # each gets cpu_threads. Measured on 2 cores: 2 decodes × 1 thread did 8 dense calls
    # in 26 s, 1 × 2 threads in 39-49 s (small matrices don't split well over threads).
    decoders: int = 1

    def cache_key(self) -> str:
        """Only what changes the transcript: threads and device don't, and how much of the
        caller is decoded is tracked inside the cache entry (it grows as needed)."""
        d = asdict(self)
        skip = (
            "device",
            "cpu_threads",
            "caller_words",
            "caller_context_s",
            "batch_size",
            "decoders",
        )
        for k in skip:
            d.pop(k)
        # The batch's size changes no word, batching does (2: clips of one channel each;
        # 3: a word straddling a join is the later piece's; 4: a segment's clip by its middle).
        d["batched"] = 4 if self.batch_size > 0 else 0
        # The stored words are snapped to the speech (scorers.utterances): 2, a word timed
        # into a pause takes the wordless stretch it overlaps.
        d["snapped"] = 2
        d["model"] = _model_identity(self.model_dir)
        d["front_end"] = FRONT_END  # what the decoded signal is (pipeline.frontend)
        return hashlib.sha256(json.dumps(d, sort_keys=True).encode()).hexdigest()[:16]


def _model_identity(model_dir: str) -> str:
    if not model_dir:
        from pipeline.speech.model_store import MODEL_SHA256

        return "whisper-base:" + MODEL_SHA256[:16]
    st = os.stat(os.path.join(model_dir, "model.bin"))
    return f"{os.path.abspath(model_dir)}:{st.st_size}:{int(st.st_mtime)}"
