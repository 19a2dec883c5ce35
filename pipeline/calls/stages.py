"""The per-call ASR stage the flow wires together: probe, validate, decode, VAD, ASR, verdict,
utterances, each a small step. It takes the typed call meta and ASR settings and returns a
`CallRecord` (frozen dataclasses pickle across Dask workers; the model never travels).

What is transcribed: both channels of every call by default (`AsrSettings.caller_words =
"full"`): the situational rules are triggered by the caller's words. `"context"`
decodes the caller only around the call's timed findings (± `caller_context_s`), the
cheaper mode in which situational rules see only those words. Mono calls are
always transcribed in full.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, fields, replace
from functools import lru_cache

import numpy as np

from pipeline.calls.clock import Clock, idle
from pipeline.calls.record import CallRecord, voiceprint_from_json
from pipeline.calls.transcript import ChannelEntry, TranscriptEntry, Upgrade, VoiceEntry
from pipeline.inputs import files
from pipeline.speech import asr, audio, frontend, loudness, pitch, voice
from pipeline.store.storage import Store
from scorers import coverage, crosstalk, manner, roles, voices
from scorers.config import Config
from scorers.types import (
    AGENT,
    CALLER,
    MIX,
    UNKNOWN,
    CallMeta,
    Interval,
    Utterance,
    VoiceCheck,
    VoiceTrack,
    Word,
)
from scorers.utterances import merge_intervals, snap_words_to_speech, words_to_utterances

MAX_DURATION_S = 3 * 3600
SILENCE_RMS = 1e-4  # about -80 dBFS


class Rejected(Exception):
    """Bad input with the reason an inspector reads."""


@lru_cache(maxsize=1)
def _numpy_threads(threads: int) -> None:
    """numpy's BLAS (the voice encoder's matrix products) gets the decoder's share of the
    cores: with a call per core, BLAS's own threads fought the other calls' decoders (the
    voice stage took twice as long on the long set). Results are the same: each product's
    cells are summed alike whatever the threads. Set once per process (0: left as is)."""
    if threads > 0:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=threads, user_api="blas")


def transcribe_call(
    meta: CallMeta,
    batch_dir: str,
    out_uri: str,
    settings: asr.AsrSettings,
    cfg: Config,
    enrol: bool = True,
) -> CallRecord:
    """Decode, VAD and ASR one call (cached by audio content + model + settings).
    `enrol`: a stereo call's agent channel gives a voiceprint (`voices.enrolment_calls`).

    Bad audio returns a rejected record with the reason; an unexpected failure (e.g. the
    model raising) propagates so that Prefect retries the task.
    """
    _numpy_threads(settings.cpu_threads)
    known: dict = {}  # what is known of the file, kept in a rejection too
    warnings: list[str] = []
    path = files.join(batch_dir, meta.audio)
    try:
        info = _probe(path)
        known = {
            "duration": round(info.duration, 3),
            "channels": info.channels,
            "sha256": info.sha256,
        }
        _check_limits(info)
        mono = _layout(info, meta, warnings)
        store = Store(out_uri)
        key = f"{info.sha256}-{1 if mono else 2}-{settings.cache_key()}"
        t0 = time.perf_counter()
        stored = store.cache_get(key)
        fresh = stored is None
        speakers = _speakers(meta, mono)
        clock = Clock()
        echo_free = _EchoFree(path, mono, clock)  # decoded and separated once, when needed
        if fresh:
            words_on = _word_channels(meta, mono, settings)
            front = echo_free.channels(settings)
            entry = _transcribe(
                echo_free.samples(), settings, cfg, words_on, speakers, front, clock, enrol
            )
        else:
            entry = TranscriptEntry.from_json(stored)
        known["duration"] = entry.duration
        _verdict(entry.channels)
        if entry.voice.version != _voice_version(cfg) or (enrol and entry.voice.voiceprint_skipped):
            # Voices are computed with the transcript; an entry from other encoder or window
            # settings (or one whose voiceprint was not wanted then) gets them now, from the
            # same echo-free signal.
            with clock("voice"):
                entry = _add_voices(entry, echo_free.signals(), speakers, cfg, enrol)
            fresh = True
        for step in entry.upgrades():  # an older entry, brought to the current version
            if step is Upgrade.LEVELS:
                with clock("level"):
                    entry = _add_levels(entry, echo_free.signals())
            if step is Upgrade.COVERAGE:
                entry = _check_coverage(entry, echo_free.signals, speakers, settings, cfg, clock)
            fresh = True
        todo = _caller_todo(meta, entry, speakers, settings, cfg)
        if todo:
            k = speakers.index(CALLER)
            signal = echo_free.signals()[k]  # the echo-free signal, as decoded first
            chan = _decode_stretches(signal, settings, cfg, entry.channels[k], todo, clock=clock)
            entry = entry.with_channel(k, chan)
            fresh = True
        if fresh:
            # Round-trip through JSON so a fresh transcript and a cached one are the same values.
            stored = json.loads(json.dumps(entry.to_json()))
            store.cache_put(key, stored)
            entry = TranscriptEntry.from_json(stored)
        parts = _parts(entry, speakers, cfg)
        warnings += parts.warnings
        if not any(u.words for u in parts.utterances):
            raise Rejected("no intelligible speech (music, tones or noise only)")
    except Rejected as e:
        return CallRecord.rejected(meta, str(e), warnings=tuple(warnings), **known)
    return CallRecord(
        meta,
        status="warning" if warnings else "ok",
        warnings=tuple(warnings),
        mono=mono,
        asr_cached=not fresh,
        asr_seconds=round(time.perf_counter() - t0, 3) if fresh else 0.0,
        voice_seconds=entry.voice.seconds if fresh else 0.0,
        stage_seconds=clock.seconds if fresh else {},
        voiceprint=voiceprint_from_json(entry.voice.voiceprint) if enrol else None,
        voice_checks=tuple(VoiceCheck(*c) for c in entry.voice.checks),
        **known,
        **parts.record_fields(),
    )


def _probe(path: str) -> audio.AudioInfo:
    try:
        return audio.probe(path)
    except audio.AudioError as e:
        raise Rejected(str(e)) from None


def _check_limits(info: audio.AudioInfo) -> None:
    if info.duration > MAX_DURATION_S:
        raise Rejected(
            f"recording is {info.duration / 3600:.1f} h long; the limit is {MAX_DURATION_S / 3600:.0f} h"
        )
    if info.channels > 2:
        raise Rejected(f"{info.channels} channels; expected 1 (mono) or 2 (agent+caller)")


def _layout(info: audio.AudioInfo, meta: CallMeta, warnings: list[str]) -> bool:
    """Mono or stereo, with a warning where the file and the manifest disagree."""
    if info.channels == 1 and meta.agent_channel != "mono":
        warnings.append(
            f"declared agent_channel={meta.agent_channel} but the file is mono; scored as mono"
        )
    if info.channels == 2 and meta.agent_channel == "mono":
        warnings.append("declared mono but the file has 2 channels; mixed down and scored as mono")
    return info.channels == 1 or meta.agent_channel == "mono"


def _speakers(meta: CallMeta, mono: bool) -> list[str]:
    if mono:
        return [UNKNOWN]
    return [AGENT, CALLER] if meta.agent_channel != "right" else [CALLER, AGENT]


def _word_channels(meta: CallMeta, mono: bool, s: asr.AsrSettings) -> list[bool]:
    """Which channels are transcribed in full on the first pass."""
    return [
        spk != CALLER or s.caller_words == asr.CallerWords.FULL for spk in _speakers(meta, mono)
    ]


def _load(path: str, mono: bool) -> np.ndarray:
    try:
        return audio.load(path, 1 if mono else 2)
    except audio.AudioError as e:
        raise Rejected(str(e)) from None


class _EchoFree:
    """One call's audio and its echo-free signals, each made once: the first pass, the
    voices and the caller's context stretches all decode from the same separation (it had
    run twice on calls with caller context)."""

    def __init__(self, path: str, mono: bool, clock=idle):
        self.path, self.mono, self.clock = path, mono, clock
        self._samples: np.ndarray | None = None
        self._signals: list[np.ndarray] | None = None

    def samples(self) -> np.ndarray:
        if self._samples is None:
            with self.clock("decode"):
                self._samples = _load(self.path, self.mono)
        return self._samples

    def signals(self) -> list[np.ndarray]:
        if self._signals is None:
            samples = self.samples()
            with self.clock("echo"):
                self._signals = frontend.signals(samples)[0]
        return self._signals

    def channels(self, s: asr.AsrSettings) -> list[frontend.Channel]:
        """The front end's own speech and diagnostics per channel; keeps its signals."""
        front = frontend.channels(self.samples(), s, self.clock)
        self._signals = [ch.signal for ch in front]
        return front


def _voice_version(cfg: Config) -> str:
    """What the cached voices depend on: the encoder's weights, the window settings and
    which agent windows are compared with the caller's voice (side talk)."""
    v = cfg.roles.voice
    st = cfg.manner.side_talk
    screen = st.screen_below if st else None
    return json.dumps([voice.WEIGHTS_VERSION, v.window_s, v.hop_s, v.min_window_s, screen])


def _add_voices(
    entry: TranscriptEntry,
    signals: list[np.ndarray],
    speakers: list[str],
    cfg: Config,
    enrol: bool = True,
) -> TranscriptEntry:
    """Mono: the call's two voice clusters (which is the agent is the rules' decision).
    Stereo, where `enrol`: the agent channel's voiceprint, the enrolment that later mono
    calls of the agent are compared with; with side talk on, each agent window against the
    agent's own voice. The entry with its voices and the seconds they took."""
    t0 = time.perf_counter()
    v = cfg.roles.voice
    length, hop, short = v.window_s, v.hop_s, v.min_window_s
    clusters = voiceprint = None
    checks: list[list] = []
    if UNKNOWN in speakers:
        speech = [Interval(a, b) for a, b in entry.channels[0].speech]
        wins = voices.window_plan(speech, length, hop, short)
        clusters = voices.track_to_json(voices.cluster(wins, voice.embed_windows(signals[0], wins)))
    elif AGENT in speakers:
        k = speakers.index(AGENT)
        speech = [Interval(a, b) for a, b in entry.channels[k].speech]
        wins = voices.window_plan(speech, length, length, short)  # no overlap: enough for a mean
        side_talk = cfg.manner.side_talk
        if not side_talk:  # only the voiceprint: a spread, not every window
            wins = _spread(wins, voice.MAX_ENROL_WINDOWS) if enrol else []
        emb = voice.embed_windows(signals[k], wins)
        if enrol and wins:
            spread = _spread(list(range(len(wins))), voice.MAX_ENROL_WINDOWS)
            voiceprint = {
                "embedding": list(voices.mean_voice([(emb[i], 1.0) for i in spread]) or ()),
                "seconds": round(sum(wins[i][1] - wins[i][0] for i in spread), 2),
            }
        if side_talk:
            caller = [Interval(a, b) for a, b in entry.channels[1 - k].speech]
            checks = _voice_checks(wins, emb, signals[1 - k], caller, cfg)
    found = VoiceEntry(
        version=_voice_version(cfg),
        clusters=clusters,
        voiceprint=voiceprint,
        voiceprint_skipped=AGENT in speakers and not enrol,
        checks=tuple(tuple(c) for c in checks),
        seconds=round(time.perf_counter() - t0, 3),
    )
    return replace(entry, voice=found)


def _spread(items: list, n: int) -> list:
    """At most n of the items, spread evenly over them (a call's whole length, not its first
    minute)."""
    if len(items) <= n:
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def agent_voice_checks(front: list[frontend.Channel], agent: int, cfg: Config) -> list[VoiceCheck]:
    """The side-talk checks of a stereo call's agent channel from the front end's channels
    (what `_add_voices` stores, for benchmarks.manner)."""
    v = cfg.roles.voice
    wins = voices.window_plan(front[agent].speech, v.window_s, v.window_s, v.min_window_s)
    emb = voice.embed_windows(front[agent].signal, wins)
    rows = _voice_checks(wins, emb, front[1 - agent].signal, front[1 - agent].speech, cfg)
    return [VoiceCheck(*r) for r in rows]


def _voice_checks(
    wins: list[tuple[float, float]],
    emb: np.ndarray,
    caller_signal: np.ndarray,
    caller_speech: list[Interval],
    cfg: Config,
) -> list[list]:
    """[start, end, cosine to the agent's own voice, cosine to the caller's or None] per
    agent window (side talk). The caller's voice is embedded only when some
    window is unlike the agent's (under screen_below): most calls never need it."""
    own = manner.own_voice_similarity(emb)
    odd = [i for i, c in enumerate(own) if c < cfg.manner.side_talk.screen_below]
    caller = [None] * len(wins)
    if odd:
        v = cfg.roles.voice
        cw = _spread(voices.window_plan(caller_speech, v.window_s, v.window_s, v.min_window_s), 20)
        if cw:
            ref = voices.mean_voice([(e, 1.0) for e in voice.embed_windows(caller_signal, cw)])
            for i in odd:
                caller[i] = round(float(np.dot(emb[i], ref)), 4)
    return [
        [a, b, round(float(c), 4), caller[i]]
        for i, ((a, b), c) in enumerate(zip(wins, own, strict=True))
    ]


def _transcribe(
    samples: np.ndarray,
    s: asr.AsrSettings,
    cfg: Config,
    words_on: list[bool],
    speakers: list[str],
    front: list[frontend.Channel] | None = None,
    clock=idle,
    enrol: bool = True,
) -> TranscriptEntry:
    """Own speech and recording diagnostics on every channel; words on the channels asked
    for, decoded from the echo-free signal. Words are kept as decoded: which of them are
    the other party's echo is decided from the cache (`_parts`), so it can be re-decided.
    `front`: the front end's channels when the caller has them already."""
    chans = []
    front = front if front is not None else frontend.channels(samples, s, clock)
    for k, ch in enumerate(front):
        x = samples[k]
        chans.append(
            ChannelEntry(
                rms=float(np.sqrt(np.mean(x**2))) if len(x) else 0.0,
                speech=tuple((iv.start, iv.end) for iv in ch.speech),
                heard=tuple((iv.start, iv.end) for iv in ch.heard),
                recording=ch.diag,
            )
        )
    full = [k for k, on in enumerate(words_on) if on]
    hall = list(cfg.matching.hallucinations)
    with clock("asr"):
        first = asr.transcribe_channels(
            [front[k].signal for k in full], s, [front[k].speech for k in full], hall
        )
    for k, words in zip(full, first, strict=True):
        chans[k] = _decode_stretches(
            front[k].signal, s, cfg, chans[k], front[k].speech, words, clock
        )
    out = TranscriptEntry(round(samples.shape[1] / audio.SAMPLE_RATE, 3), tuple(chans), version=2)
    out = _check_coverage(out, lambda: [ch.signal for ch in front], speakers, s, cfg, clock)
    with clock("voice"):
        out = _add_voices(out, [ch.signal for ch in front], speakers, cfg, enrol)
    with clock("level"):
        return _add_levels(out, [ch.signal for ch in front])


def _check_coverage(
    entry: TranscriptEntry, signals, speakers: list[str], s: asr.AsrSettings, cfg: Config, clock
) -> TranscriptEntry:
    """Version 3's coverage check. Words timed longer than `asr.MAX_WORD_S` are dropped and
    the speech under them decoded again (a fresh decode never keeps them, an older entry may
    hold them). The agent channel's short wordless speech is decoded alone (`asr.fill_short`:
    a forbidden phrase is often one short line). `signals`: the echo-free signals, made only
    when there is something to do."""
    hall = list(cfg.matching.hallucinations)
    chans = list(entry.channels)
    for k, chan in enumerate(chans):
        old = [Word(*w) for w in chan.words]
        words = asr.plausible(old)
        speech = [Interval(a, b) for a, b in chan.speech]
        decoded = [Interval(a, b) for a, b in chan.decoded]
        if len(words) != len(old):  # the speech under an over-long word, decoded again
            inside = [iv for iv in speech if _within(iv, decoded)]
            chan = _decode_stretches(
                signals()[k], s, cfg, replace(chan, words=()), inside, words, clock
            )
            words = [Word(*w) for w in chan.words]
        holes = asr.short_holes(s, speech, words) if speakers[k] == AGENT else []
        if holes:
            with clock("refill"):
                words = asr.fill_short(signals()[k], s, holes, words, hall)
            chan = _with_words(chan, words, [Interval(a, b) for a, b in chan.decoded], s)
        chans[k] = chan
    return entry.with_coverage_checked(tuple(chans))


PITCH_PAD_S = 1.0  # pitch is measured this far around the channel's speech (utterances)


def _add_levels(entry: TranscriptEntry, signals: list[np.ndarray]) -> TranscriptEntry:
    """Each channel's loudness and pitch tracks, from the echo-free signal: the caller's
    echo does not make the agent loud. Pitch only near the channel's own speech: it is
    read per utterance, and the rest of a call with holds is most of its frames."""
    sr = audio.SAMPLE_RATE
    tracks = []
    for x, ch in zip(signals, entry.channels, strict=True):
        near = [(a - PITCH_PAD_S, b + PITCH_PAD_S) for a, b in ch.speech]
        tracks.append((tuple(loudness.track(x, sr)), tuple(pitch.track(x, sr, within=near))))
    return entry.with_tracks(tracks)


def _decode_stretches(
    x: np.ndarray,
    s: asr.AsrSettings,
    cfg: Config,
    chan: ChannelEntry,
    stretches: list[Interval],
    first: list[Word] | None = None,
    clock=idle,
) -> ChannelEntry:
    """The channel with words for `stretches` of its speech merged in: decoded (unless
    `first` has them already), checked for coverage, decoded again where words are missing."""
    hall = list(cfg.matching.hallucinations)
    if first is None:
        with clock("asr"):
            first = asr.transcribe_stretches(x, s, stretches, hall)
    with clock("refill"):
        new, _ = asr.fill_uncovered(x, s, stretches, first, hall)
    old = [Word(*w) for w in chan.words]
    decoded = merge_intervals([Interval(a, b) for a, b in chan.decoded] + list(stretches))
    return _with_words(chan, asr.merge_words(old, new), decoded, s)


def _with_words(
    chan: ChannelEntry, words: list[Word], decoded: list[Interval], s: asr.AsrSettings
) -> ChannelEntry:
    """The channel with these words, snapped to its speech, and the parts of `decoded` they
    leave without words."""
    words = snap_words_to_speech(words, [Interval(a, b) for a, b in chan.speech])
    holes = coverage.uncovered(decoded, words, s.coverage_min_s)
    return replace(
        chan,
        words=tuple((w.start, w.end, w.text, w.probability) for w in words),
        decoded=tuple((iv.start, iv.end) for iv in decoded),
        uncovered=tuple((h.start, h.end) for h in holes),
    )


def _within(iv: Interval, spans: list[Interval]) -> bool:
    """`iv` lies inside one of `spans` (the stretches a channel has decoded)."""
    return any(d.start <= iv.start + 1e-6 and iv.end <= d.end + 1e-6 for d in spans)


def _caller_todo(
    meta: CallMeta, entry: TranscriptEntry, speakers: list[str], s: asr.AsrSettings, cfg: Config
) -> list[Interval]:
    """Caller speech stretches still to decode: all of them ('full'), or those near the
    call's timed findings ('context'). Empty on mono calls and when all is done."""
    if CALLER not in speakers:
        return []
    chans = entry.channels
    chan = chans[speakers.index(CALLER)]
    speech = [Interval(a, b) for a, b in chan.speech]
    agent_words = any(c.words for c, spk in zip(chans, speakers, strict=True) if spk == AGENT)
    if (
        s.caller_words == asr.CallerWords.FULL or not agent_words
    ):  # nothing to go by: a person reads it all
        want = speech
    else:
        windows = _finding_windows(meta, entry, speakers, cfg, s.caller_context_s)
        want = [iv for iv in speech if any(iv.start < w.end and w.start < iv.end for w in windows)]
    done = [Interval(a, b) for a, b in chan.decoded]
    return [iv for iv in want if not _within(iv, done)]


def _finding_windows(
    meta: CallMeta, entry: TranscriptEntry, speakers: list[str], cfg: Config, context_s: float
) -> list[Interval]:
    """± context_s around every timed finding the rules make of the agent's words."""
    from scorers.engine import evaluate

    parts = _parts(entry, speakers, cfg)
    ev = CallRecord(meta, duration=entry.duration, **parts.record_fields()).evidence()
    out = evaluate(ev, _rules(cfg))
    return [
        Interval(f.start - context_s, f.end + context_s)
        for f in out.findings
        if f.start is not None
    ]


@lru_cache(maxsize=4)
def _rules(cfg: Config):
    """Compiled once per worker process and lexicon set (a frozen Config is its own key)."""
    from scorers.engine import build_rules

    return build_rules(cfg)


def _verdict(chans: tuple[ChannelEntry, ...]) -> None:
    if all(c.rms < SILENCE_RMS for c in chans):
        raise Rejected("silent recording: no signal on any channel")
    if not any(c.speech for c in chans):
        raise Rejected("no speech detected on any channel (music, tones or noise only)")


@dataclass(frozen=True)
class CallParts:
    """What a call record is made of, read from its transcript entry, and the warnings
    reading it gave."""

    voice: VoiceTrack | None
    speech: dict[str, tuple[Interval, ...]]
    uncovered: dict[str, tuple[Interval, ...]]
    decoded: dict[str, tuple[Interval, ...]]
    recording: dict[str, dict]
    levels: dict[str, tuple[float, ...]]
    pitch: dict[str, tuple[float, ...]]
    utterances: tuple[Utterance, ...]
    warnings: tuple[str, ...]

    def record_fields(self) -> dict:
        """The CallRecord fields (the warnings go to the record's own list)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "warnings"}


def _parts(entry: TranscriptEntry, speakers: list[str], cfg: Config) -> CallParts:
    """Speech, coverage, utterances, recording diagnostics and warnings of a call from its
    channels' cache entries. On stereo calls with echo, words that are the other party's
    echo are taken out here (`scorers.crosstalk`) and counted. On mono calls an utterance
    is also split where the voice changes inside it."""
    speech: dict = {}
    uncovered: dict = {}
    decoded: dict = {}
    recording: dict = {}
    levels: dict = {}
    pitches: dict = {}
    utts: list[Utterance] = []
    warnings: list[str] = []
    gap = cfg.matching.utterance_gap_s
    # Snapped again here (it is idempotent), so a change of the snapping rule applies to
    # cached transcripts without ASR.
    words = {
        spk: snap_words_to_speech(
            [Word(*w) for w in c.words], [Interval(a, b) for a, b in c.speech]
        )
        for spk, c in zip(speakers, entry.channels, strict=True)
    }
    for spk, c in zip(speakers, entry.channels, strict=True):
        key = MIX if spk == UNKNOWN else spk
        speech[key] = tuple(Interval(a, b) for a, b in c.speech)
        uncovered[key] = tuple(Interval(a, b) for a, b in c.uncovered)
        decoded[key] = tuple(Interval(a, b) for a, b in c.decoded)
        recording[key] = dict(c.recording)
        levels[key] = c.level
        pitches[key] = c.pitch
        if uncovered[key]:
            cov = coverage.summarize(speech[key], uncovered[key])
            warnings.append(
                f"incomplete transcript: {cov.uncovered_s:.1f} s of {key} speech has no words "
                f"({coverage.describe(uncovered[key])}); rules needing those words are not "
                "assessed there"
            )
    if UNKNOWN not in speakers and any(r.get("echo_db") is not None for r in recording.values()):
        words, dropped = crosstalk.split_echo(words, speech)
        for spk, ws in dropped.items():
            recording[spk]["echo_words"] = len(ws)
    reasons = crosstalk.judge_recording(recording, cfg.timing.recording_quality)
    if reasons:
        warnings.append(
            "recording too degraded to judge its timing: "
            + "; ".join(reasons)
            + " (timing rules not assessed)"
        )
    track = voices.track_from_json(entry.voice.clusters)
    vcfg = cfg.roles.voice
    breaks = (  # only where the two voices are apart enough to be evidence
        voices.change_points(track, vcfg.min_change_windows)
        if track and roles.usable(track, vcfg)
        else None
    )
    for spk in speakers:
        sp = list(speech[MIX]) if spk == UNKNOWN else None
        heard = None if sp else list(speech[spk])  # a stereo channel's own speech
        utts += words_to_utterances(words[spk], spk, gap, sp, breaks if sp else None, heard)
    return CallParts(
        voice=track,
        speech=speech,
        uncovered=uncovered,
        decoded=decoded,
        recording=recording,
        levels=levels,
        pitch=pitches,
        utterances=tuple(utts),
        warnings=tuple(warnings),
    )
