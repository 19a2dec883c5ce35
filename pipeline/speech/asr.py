"""faster-whisper adapter: one model per process, words and speech intervals per channel.

Only public faster-whisper API is used (WhisperModel.transcribe, vad.get_speech_timestamps),
so upgrading faster-whisper does not break us.
"""

from __future__ import annotations

import bisect
import heapq
import os
from functools import lru_cache

import numpy as np

from pipeline.speech.settings import FRONT_END, AsrSettings, CallerWords  # noqa: F401 (re-exported)
from scorers import coverage
from scorers.text import normalize
from scorers.types import Interval, Word
from scorers.utterances import merge_intervals

SR = 16000
CLIP_S = 30.0  # Whisper's window
COMPRESSION_RATIO_MAX = 2.4  # faster-whisper's defaults for a failed decode
LOGPROB_MIN = -1.0


def workers_for(n: int) -> int:
    """Calls transcribed at once: n, or one per core when n is 0 (the default)."""
    return n if n > 0 else max(1, os.cpu_count() or 1)


def get_model(s: AsrSettings):
    """The settings' model, loaded once per process and never pickled (WhisperModel cannot be)."""
    return _load_model(s.model_dir, s.device, s.compute_type, s.cpu_threads, s.decoders)


@lru_cache(maxsize=2)
def _load_model(model_dir: str, device: str, compute_type: str, cpu_threads: int, decoders: int):
    from faster_whisper import WhisperModel

    from pipeline.speech.model_store import default_model_dir

    path = model_dir or str(default_model_dir())
    if not os.path.exists(os.path.join(path, "tokenizer.json")):
        # Without tokenizer.json faster-whisper would try a model hub.
        raise FileNotFoundError(f"{path} is not a CTranslate2 Whisper folder (no tokenizer.json)")
    return WhisperModel(
        path,
        device=device,
        compute_type=compute_type,
        cpu_threads=cpu_threads,
        num_workers=max(1, decoders),
        local_files_only=True,
    )


def speech_intervals(samples: np.ndarray, s: AsrSettings) -> list[Interval]:
    """Silero VAD (shipped inside faster-whisper) with tight settings for timing rules."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    opts = VadOptions(
        min_silence_duration_ms=s.timing_min_silence_ms,
        speech_pad_ms=s.timing_speech_pad_ms,
        min_speech_duration_ms=150,
    )
    ts = get_speech_timestamps(samples, opts, sampling_rate=SR)
    return [Interval(round(float(t["start"]) / SR, 3), round(float(t["end"]) / SR, 3)) for t in ts]


def transcribe_channels(
    signals: list[np.ndarray],
    s: AsrSettings,
    speech: list[list[Interval]],
    hallucinations: list[str],
) -> list[list[Word]]:
    """Words of each channel's speech stretches, all channels decoded together.

    With `batch_size` > 0 the stretches of all channels are packed into as few ≤ 30 s
    clips as they fill (`chunks`), decoded a batch at a time (BatchedInferencePipeline):
    fewer encoder windows, the front end's VAD not run again. A clip whose text looks
    like a decoding loop (compression ratio over Whisper's 2.4) or holds a known
    hallucination is decoded again alone, with the temperature fallback and timed
    segments the batched pipeline lacks. 0: each channel alone with faster-whisper's VAD
    (the earlier unbatched decoder).
    """
    if s.batch_size <= 0:
        return [
            _decode(x, s, sp, hallucinations, vad=True) if sp else []
            for x, sp in zip(signals, speech, strict=True)
        ]
    from faster_whisper import BatchedInferencePipeline

    from pipeline.speech import chunks

    ranges = [
        chunks.pieces_of(
            sp, len(x), SR, s.vad_speech_pad_ms / 1000, s.vad_min_silence_ms / 1000, CLIP_S - 0.5
        )
        for x, sp in zip(signals, speech, strict=True)
    ]
    plan = chunks.plan(ranges, SR, CLIP_S)
    if not plan.clips:
        return [[] for _ in signals]
    stream = chunks.join(signals, plan)
    model = get_model(s)
    segments, _ = BatchedInferencePipeline(model).transcribe(
        stream,
        language=s.language,
        task="transcribe",
        beam_size=s.beam_size,
        word_timestamps=True,
        without_timestamps=True,
        clip_timestamps=[{"start": a / SR, "end": b / SR} for a, b in plan.clips],
        batch_size=s.batch_size,
    )
    bad = [normalize(h) for h in hallucinations]
    by_clip: list[list[Word]] = [[] for _ in plan.clips]  # stream times
    redo: set[int] = set()
    for seg in segments:
        k = plan.clip_of(seg.start, seg.end, SR)
        text = normalize(seg.text)
        if seg.compression_ratio > COMPRESSION_RATIO_MAX or any(b and b in text for b in bad):
            redo.add(k)  # a loop, or a known hallucination somewhere in the clip's text
        elif seg.no_speech_prob > s.no_speech_threshold and seg.avg_logprob < LOGPROB_MIN:
            continue  # Whisper's own silence rule, which the batched pipeline leaves to us
        elif text:
            by_clip[k] += [
                Word(float(w.start), float(w.end), w.word.strip(), round(float(w.probability), 4))
                for w in seg.words or []
                if normalize(w.word)
            ]
    for k in redo:  # alone, in timed segments, with the temperature fallback
        a, b = plan.clips[k]
        clip = stream[a:b]
        whole = [Interval(0.0, len(clip) / SR)]
        by_clip[k] = [
            Word(w.start + a / SR, w.end + a / SR, w.text, w.probability)
            for w in _decode(clip, s, whole, hallucinations, vad=False)
        ]
    by_piece: list[list[Word]] = [[] for _ in plan.pieces]
    for c, words in enumerate(by_clip):
        for w in words:
            k = plan.piece_of(w.start, w.end, SR, c)
            p = plan.pieces[k]
            shift = (p.start - p.at) / SR
            x = Word(round(w.start + shift, 3), round(w.end + shift, 3), w.text, w.probability)
            if _inside(x, speech[p.channel], 0.5):  # decoded over silence: a hallucination
                by_piece[k].append(x)
    out: list[list[Word]] = [[] for _ in signals]
    for k in sorted(range(len(plan.pieces)), key=lambda k: plan.pieces[k].start):
        out[plan.pieces[k].channel] += by_piece[k]  # pieces in time order, words in Whisper's
    return [plausible(ws) for ws in out]


def transcribe_stretches(
    samples: np.ndarray, s: AsrSettings, stretches: list[Interval], hallucinations: list[str]
) -> list[Word]:
    """Words of these speech stretches only (e.g. the caller's turns near a finding).

    The stretches are cut out, padded and joined into one stream, as faster-whisper's VAD
    filter does, so the encoder runs once per 30 s of speech rather than once per stretch;
    word times are mapped back to the channel.
    """
    if not stretches:
        return []
    pad = s.vad_speech_pad_ms / 1000
    chunks = merge_intervals(
        [Interval(max(0.0, iv.start - pad), iv.end + pad) for iv in stretches],
        s.vad_min_silence_ms / 1000,
    )
    pieces, starts, t = [], [], 0.0
    for c in chunks:
        a, b = int(c.start * SR), min(len(samples), int(c.end * SR))
        pieces.append(samples[a:b])
        starts.append(t)
        t += (b - a) / SR
    stream = _decode(np.concatenate(pieces), s, [Interval(0.0, t)], hallucinations, vad=False)
    out = []
    for w in stream:
        k = max(0, bisect.bisect_right(starts, w.start) - 1)
        shift = chunks[k].start - starts[k]
        x = Word(round(w.start + shift, 3), round(w.end + shift, 3), w.text, w.probability)
        if _inside(x, stretches, 0.3):
            out.append(x)
    return out


def _decode_windows(
    samples: np.ndarray,
    s: AsrSettings,
    stretches: list[Interval],
    hallucinations: list[str],
    join_gap_s: float,
) -> list[Word]:
    """Each window of stretches decoded on its own: no window can swallow another."""
    found: list[Word] = []
    for win in coverage.decode_windows(stretches, join_gap_s=join_gap_s):
        a, b = int(win.start * SR), min(len(samples), int(win.end * SR))
        local = [
            Interval(iv.start - win.start, iv.end - win.start)
            for iv in stretches
            if iv.end > win.start and iv.start < win.end
        ]
        new = _decode(samples[a:b], s, local, hallucinations, vad=False, offset=win.start)
        # Keep only words inside the stretches: the window's padding belongs to others.
        found += [w for w in new if _inside(w, stretches, 0.3)]
    return found  # windows are in time order; within each, Whisper's text order


def merge_words(a: list[Word], b: list[Word]) -> list[Word]:
    """Two word lists interleaved by time, each keeping its own order: Whisper's order is
    the text order, and its times are not always monotonic (a chunk's first word can be
    timed at the previous chunk's end), so sorting would scramble the text."""
    return list(heapq.merge(a, b, key=lambda w: w.start))


def fill_uncovered(
    samples: np.ndarray,
    s: AsrSettings,
    speech: list[Interval],
    words: list[Word],
    hallucinations: list[str],
) -> tuple[list[Word], list[Interval]]:
    """Decode speech that got no words again, on its own; returns all words (in time order)
    and the stretches still without words.

    faster-whisper's VAD concatenation plus greedy decoding can end a 30 s window early and
    return nothing for the rest of the channel. Decoded alone, the same speech comes back.
    Windows are tried grouped first, then each stretch alone.
    """
    holes = coverage.uncovered(speech, words, s.coverage_min_s)
    for join_gap in (1.5, -1.0):  # grouped windows, then one window per stretch
        if not holes:
            break
        found = _decode_windows(samples, s, holes, hallucinations, join_gap)
        if found:
            words = merge_words(words, found)
        holes = coverage.uncovered(speech, words, s.coverage_min_s)
    return words, holes


# A word Whisper timed longer than this is one it stretched over speech it did not transcribe
# (a packed clip that ended early: one 您 timed over 16 s of the agent's lines). It is dropped,
# and the speech under it is decoded again like any speech without words. The longest real
# word in the benchmark sets' 150,000 lasts 1.5-2 s (a drawn-out 嗯). Changing it changes
# transcripts: bump the transcript entry's VERSION (pipeline.calls.transcript) with it.
MAX_WORD_S = 2.0


def plausible(words: list[Word]) -> list[Word]:
    """The words whose timing can be believed (`MAX_WORD_S`)."""
    return [w for w in words if w.end - w.start <= MAX_WORD_S]


# The agent's speech shorter than `coverage_min_s` that got no words is decoded alone down
# to this length: a forbidden phrase can be one short line (神经病, 0.8 s) that a packed clip
# returns nothing for. Raising or lowering it changes transcripts: bump the transcript entry's
# VERSION (pipeline.calls.transcript) with it.
SHORT_MIN_S = 0.4


def short_holes(s: AsrSettings, speech: list[Interval], words: list[Word]) -> list[Interval]:
    """Whole speech stretches from SHORT_MIN_S up to `coverage_min_s` long that no word
    overlaps (the next stretch's first word may lie within a word's reach of it)."""
    said = merge_intervals([Interval(w.start, w.end) for w in words])  # sorted, disjoint
    starts = [iv.start for iv in said]
    out = []
    for iv in speech:
        if SHORT_MIN_S <= iv.length < s.coverage_min_s:
            k = bisect.bisect_left(starts, iv.end)  # said[k:] start at or after its end
            if k == 0 or said[k - 1].end <= iv.start:
                out.append(iv)
    return out


def fill_short(
    samples: np.ndarray,
    s: AsrSettings,
    holes: list[Interval],
    words: list[Word],
    hallucinations: list[str],
) -> list[Word]:
    """`words` with the short `holes` decoded each on its own (`short_holes`)."""
    found = _decode_windows(samples, s, holes, hallucinations, -1.0) if holes else []
    return merge_words(words, found) if found else words


def _decode(
    samples: np.ndarray,
    s: AsrSettings,
    speech: list[Interval],
    hallucinations: list[str],
    vad: bool,
    offset: float = 0.0,
) -> list[Word]:
    model = get_model(s)
    extra = (
        {
            "vad_filter": True,
            "vad_parameters": {
                "min_silence_duration_ms": s.vad_min_silence_ms,
                "speech_pad_ms": s.vad_speech_pad_ms,
            },
        }
        if vad
        else {"vad_filter": False}
    )
    segments, _ = model.transcribe(
        samples,
        language=s.language,
        task="transcribe",
        beam_size=s.beam_size,
        word_timestamps=True,
        condition_on_previous_text=False,
        no_speech_threshold=s.no_speech_threshold,
        **extra,
    )
    bad = [normalize(h) for h in hallucinations]
    words: list[Word] = []
    for seg in segments:
        text = normalize(seg.text)
        if not text or any(b and b in text for b in bad):
            continue
        for w in seg.words or []:
            if not normalize(w.word):
                continue
            if not _inside(w, speech, 0.5):
                continue  # decoded over silence: a hallucination
            words.append(
                Word(
                    round(float(w.start) + offset, 3),
                    round(float(w.end) + offset, 3),
                    w.word.strip(),
                    round(float(w.probability), 4),
                )
            )
    return plausible(words)


def _inside(w, stretches: list[Interval], slack_s: float) -> bool:
    """The word's middle lies in one of the stretches (± slack_s)."""
    mid = (w.start + w.end) / 2
    return any(iv.start - slack_s <= mid <= iv.end + slack_s for iv in stretches)
