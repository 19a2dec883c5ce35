"""The agent's manner, measured on the voice itself: loudness against the
speaker's own level in the call. Plain data in (a channel's loudness track, its speech),
plain data out; no audio, no model.

Why relative: recorders differ in gain by 20 dB and more, so an absolute level would call
every call of a loud recorder shouting. The reference is the median, over the speaker's own
speech, of the loudness smoothed over `smooth_s` (energy mean): a voice raised for a second
or more lifts that smoothed level well above its median, while the normal rise and fall of
syllables does not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from scorers.text import normalize
from scorers.types import MIX, Interval
from scorers.utterances import merge_intervals

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


def _frames(track, start: float, end: float, hop_s: float) -> np.ndarray:
    a, b = int(start / hop_s), int(np.ceil(end / hop_s))
    return np.asarray(track[max(0, a) : max(0, b)], dtype=np.float64)


def _speech_mask(n: int, speech, hop_s: float) -> np.ndarray:
    """Which of n frames lie in the speaker's own speech."""
    mask = np.zeros(n, dtype=bool)
    for iv in speech:
        a, b = int(iv.start / hop_s), int(np.ceil(iv.end / hop_s))
        mask[max(0, a) : max(0, min(n, b))] = True
    return mask


def _energy_db(db: np.ndarray) -> float:
    """The energy mean of frames given in dB, in dB."""
    return float(10 * np.log10(np.mean(10 ** (db / 10))))


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
    mask = _speech_mask(db.size, speech, hop_s)
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


def episodes(
    found: list, said: list[tuple[float, float]], gap_s: float, merge
) -> list:
    """Stretches of one episode as one: those inside one utterance of the speaker (`said`:
    (start, end) spans), or less than `gap_s` apart. `merge(a, b)` joins two of them (the
    span of both, the strongest evidence). An inspector reviews a shouted sentence once."""

    def same_utterance(a, b) -> bool:
        return any(s < a.end and a.start < e and s < b.end and b.start < e for s, e in said)

    out: list = []
    for x in sorted(found, key=lambda x: x.start):
        if out and (x.start - out[-1].end < gap_s or same_utterance(out[-1], x)):
            out[-1] = merge(out[-1], x)
        else:
            out.append(x)
    return out


def merge_raised(a: Raised, b: Raised) -> Raised:
    return Raised(min(a.start, b.start), max(a.end, b.end), max(a.peak_db, b.peak_db),
                  round(a.loud_s + b.loud_s, 2))  # fmt: skip


# -- side talk: a third voice on the agent's channel (七(二)2) ----------------------------


def own_voice_similarity(emb: np.ndarray, core: float = 0.5) -> np.ndarray:
    """Cosine of each window's embedding to the channel's own voice: the mean of all windows,
    then again of the `core` share closest to it, so that a colleague's minute of chat does
    not pull the reference towards them."""
    x = np.asarray(emb, dtype=np.float64)
    if x.size == 0:
        return np.zeros(0)
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    c = x.mean(axis=0)
    sims = x @ (c / max(float(np.linalg.norm(c)), 1e-9))
    keep = sims >= np.quantile(sims, 1 - core)
    c = x[keep].mean(axis=0)
    return x @ (c / max(float(np.linalg.norm(c)), 1e-9))


@dataclass(frozen=True)
class OtherVoice:
    """A stretch of the agent's channel in a voice that is neither the agent's nor the
    caller's."""

    start: float
    end: float
    seconds: float  # of windows in the other voice
    own: float  # the stretch's mean cosine to the agent's voice


def _covered_s(windows: list) -> float:
    """Seconds covered by windows that may overlap (a stretch's last window is flush with
    its end, so it can overlap the one before)."""
    return sum(iv.length for iv in merge_intervals([Interval(c.start, c.end) for c in windows]))


def window_levels(
    checks: list | tuple,
    track: tuple[float, ...] | list[float],
    speech: tuple[Interval, ...] | list[Interval],
    hop_s: float,
) -> list[float | None]:
    """Each window's loudness (energy mean of its frames) in dB against the median frame of
    the channel's own speech; None where the track does not reach."""
    db = np.asarray(track, dtype=np.float64)
    mask = _speech_mask(db.size, speech, hop_s)
    if not mask.any():
        return [None] * len(checks)
    ref = float(np.median(db[mask]))
    frames = [_frames(db, c.start, c.end, hop_s) for c in checks]
    return [_energy_db(w) - ref if w.size else None for w in frames]


def other_voices(
    checks: list | tuple,
    below: float,
    min_s: float,
    bridge_s: float,
    levels: list[float | None] | None = None,
    quiet_db: float | None = None,
) -> list[OtherVoice]:
    """Windows under `below` to the agent's own voice and (where measured) to the caller's,
    joined across gaps ≤ bridge_s; stretches that cover ≥ min_s. With `levels` (per check,
    `window_levels`) and `quiet_db`: windows more than quiet_db under the agent's own level
    are the room (neighbours' voices far from the microphone), not a voice at the desk."""

    def loud_enough(k: int) -> bool:
        if levels is None or quiet_db is None or levels[k] is None:
            return True
        return levels[k] >= -quiet_db

    odd = sorted(
        (
            c
            for k, c in enumerate(checks)
            if c.own < below and (c.caller is None or c.caller < below) and loud_enough(k)
        ),
        key=lambda c: c.start,
    )
    runs: list[list] = []
    for c in odd:
        if runs and c.start - max(g.end for g in runs[-1]) <= bridge_s:
            runs[-1].append(c)
        else:
            runs.append([c])
    out = []
    for g in runs:
        covered = _covered_s(g)
        if covered >= min_s:
            out.append(
                OtherVoice(
                    round(g[0].start, 2),
                    round(max(c.end for c in g), 2),
                    round(covered, 2),
                    round(float(np.mean([c.own for c in g])), 3),
                )
            )
    return out


def merge_voices(a: OtherVoice, b: OtherVoice) -> OtherVoice:
    """One stretch of side talk; the evidence kept is the one furthest from the agent's
    voice (the surest: the lower mean cosine)."""
    return OtherVoice(min(a.start, b.start), max(a.end, b.end), round(a.seconds + b.seconds, 2),
                      min(a.own, b.own))  # fmt: skip


# -- fillers: verbal tics (七(二)10 频繁使用口头禅) --------------------------------------


@dataclass(frozen=True)
class Filler:
    start: float
    end: float
    text: str


def _clauses(words: list | tuple, pause_s: float) -> list[list]:
    """Words split into clauses at punctuation Whisper wrote and at pauses ≥ pause_s."""
    out: list[list] = [[]]
    prev_end = None
    for w in words:
        if out[-1] and prev_end is not None and w.start - prev_end >= pause_s:
            out.append([])
        raw = unicodedata.normalize("NFKC", w.text).strip()
        out[-1].append(w)
        if raw and not raw[-1].isalnum():  # a comma, full stop or question mark after it
            out.append([])
        prev_end = w.end
    return [c for c in out if c]


def find_fillers(
    words: list | tuple,
    always: list[re.Pattern],
    alone: list[re.Pattern],
    pause_s: float,
    before: re.Pattern | None = None,
) -> list[Filler]:
    """The tics in one utterance's words. `always`: counted wherever they occur (就是说,
    然后呢). `alone`: words that are tics only when they stand alone (那个 before a pause, not
    那个窗口): a clause of their own, doubled, followed by another tic, or followed by what
    `before` matches (a pronoun or an adverb, which never follows a demonstrative)."""
    from scorers.text import normalize

    out: list[Filler] = []
    for clause in _clauses(words, pause_s):
        # character offsets of the clause's normalised text back to its words
        text, owner = "", []
        for w in clause:
            t = normalize(w.text)
            text += t
            owner += [w] * len(t)
        if not text:
            continue
        spans: list[tuple[int, int]] = []
        for p in always:
            spans += [m.span() for m in p.finditer(text)]
        pos = 0
        while pos < len(text):  # a run of 'alone' words from pos: tics if they fill the run
            m = next((m for p in alone if (m := p.match(text, pos))), None)
            if m is None:
                pos += 1
                continue
            rest = text[m.end() :]
            next_tic = any(p.match(text, m.end()) for p in alone + always)
            if before is not None and before.match(text, m.end()):
                next_tic = True
            if not rest or next_tic or pos == 0 and any(s[0] == m.end() for s in spans):
                spans.append(m.span())
            pos = m.end()
        for a, b in sorted(set(spans)):
            out.append(Filler(owner[a].start, owner[b - 1].end, text[a:b]))
    return out


# -- per-utterance measures ---------------------------------------------------------------


@dataclass(frozen=True)
class Measures:
    """How one utterance was said; None where not measured."""

    loudness_dbfs: float | None = None  # energy mean over the utterance's frames
    loudness_rel_db: float | None = None  # against the speaker's median utterance in the call
    pitch_hz: float | None = None  # median F0 of its voiced frames
    pitch_range_st: float | None = None  # 10th to 90th percentile of F0, in semitones
    rate_cps: float | None = None  # characters (Mandarin syllables) per second


def utterance_measures(
    spans: list[tuple[float, float, int]],
    level: list[float] | tuple[float, ...],
    pitch: list[float] | tuple[float, ...],
    hop_s: float,
    min_voiced: int = 3,
) -> list[Measures]:
    """Measures of one speaker's utterances, each (start, end, characters). The relative
    loudness needs the speaker's other utterances: recorders differ by 20 dB, a voice
    raised by 8 dB stands out only against the same voice."""
    loud: list[float | None] = []
    for start, end, _ in spans:
        db = _frames(level, start, end, hop_s)
        loud.append(round(_energy_db(db), 1) if db.size else None)
    known = [x for x in loud if x is not None]
    ref = float(np.median(known)) if known else None
    out = []
    for (start, end, chars), db in zip(spans, loud, strict=True):
        f0 = _frames(pitch, start, end, hop_s)
        f0 = f0[f0 > 0]
        hz = rng = None
        if f0.size >= min_voiced:
            hz = round(float(np.median(f0)), 1)
            lo, hi = np.percentile(f0, [10, 90])
            rng = round(float(12 * np.log2(hi / lo)), 2)
        out.append(
            Measures(
                db,
                round(db - ref, 1) if db is not None and ref is not None else None,
                hz,
                rng,
                round(chars / (end - start), 2) if end > start and chars else None,
            )
        )
    return out


def call_measures(
    utts: list | tuple,
    levels: dict[str, tuple[float, ...]],
    pitch: dict[str, tuple[float, ...]],
    mono: bool,
) -> list[Measures | None]:
    """utterance_measures for every utterance of a call, each against its own speaker's
    other utterances, from its channel's tracks (the speaker's own channel on stereo calls,
    the mix on mono ones); None where the channel has no loudness track."""
    out: list[Measures | None] = [None] * len(utts)
    for spk in {u.speaker for u in utts}:
        key = MIX if mono else spk
        if not levels.get(key):
            continue
        idx = [k for k, u in enumerate(utts) if u.speaker == spk]
        spans = [(utts[k].start, utts[k].end, len(normalize(utts[k].text))) for k in idx]
        got = utterance_measures(spans, levels[key], pitch.get(key, ()), HOP_S)
        for k, m in zip(idx, got, strict=True):
            out[k] = m
    return out
