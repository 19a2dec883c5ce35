"""The transcript cache entry: what the transcribe stage made of one recording, stored as JSON
under a key of the audio's content, the model and the ASR settings, so a rerun decodes nothing
again and a rescore reads exactly what the run read.

Typed and versioned. `from_json` reads every version written so far and says which upgrades
an entry still needs (`Upgrade`); the stage runs them and stores the entry at `VERSION`.
Functions here return new entries; none changes one in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

Span = tuple[float, float]
WordRow = tuple[float, float, str, float]  # start, end, text, probability

# 1: words, speech, coverage, diagnostics and voices per channel (no version field).
# 2: + each channel's loudness and pitch tracks, and the version field.
# 3: words timed over pipeline.speech.asr.MAX_WORD_S dropped and the speech under them decoded
#    again; the agent's short wordless speech decoded alone (asr.SHORT_MIN_S).
VERSION = 3


class Upgrade(StrEnum):
    """What an older entry lacks, computed from the same echo-free signal."""

    LEVELS = "levels"  # version 1 -> 2: loudness and pitch tracks per channel
    COVERAGE = "coverage"  # version 2 -> 3: over-long words and the agent's short speech


@dataclass(frozen=True)
class ChannelEntry:
    rms: float
    speech: tuple[Span, ...]  # own speech (echo taken out), the timing rules' input
    heard: tuple[Span, ...]  # everything the VAD heard on the channel, echo included
    recording: dict[str, Any]  # diagnostics: echo level and delay, noise, level, clipping
    words: tuple[WordRow, ...] = ()  # as decoded; echo words are taken out when read
    decoded: tuple[Span, ...] = ()  # the stretches the ASR has decoded
    uncovered: tuple[Span, ...] = ()  # decoded speech still without words
    level: tuple[float, ...] = ()  # dBFS per 50 ms of the echo-free signal
    pitch: tuple[float, ...] = ()  # F0 in Hz per 50 ms (0.0: unvoiced)

    def to_json(self) -> dict:
        return {
            "rms": self.rms,
            "speech": [list(s) for s in self.speech],
            "heard": [list(s) for s in self.heard],
            "recording": dict(self.recording),
            "words": [list(w) for w in self.words],
            "decoded": [list(s) for s in self.decoded],
            "uncovered": [list(s) for s in self.uncovered],
            "level": list(self.level),
            "pitch": list(self.pitch),
        }

    @classmethod
    def from_json(cls, d: dict) -> ChannelEntry:
        return cls(
            rms=float(d.get("rms", 1.0)),
            speech=_spans(d["speech"]),
            heard=_spans(d.get("heard", d["speech"])),
            recording=dict(d.get("recording") or {}),
            words=tuple((w[0], w[1], w[2], w[3]) for w in d.get("words", [])),
            decoded=_spans(d.get("decoded", d["speech"])),
            uncovered=_spans(d.get("uncovered", [])),
            level=tuple(d.get("level") or ()),
            pitch=tuple(d.get("pitch") or ()),
        )


@dataclass(frozen=True)
class VoiceEntry:
    """The voice encoder's output for the call, with what it depends on (`version`)."""

    version: str = ""  # encoder weights and window settings; a change recomputes
    clusters: dict | None = None  # mono: the two voice clusters (scorers.voices track JSON)
    voiceprint: dict | None = None  # stereo: the agent channel's mean embedding and seconds
    voiceprint_skipped: bool = False  # stereo call that was not asked for a voiceprint
    checks: tuple[tuple, ...] = ()  # stereo side talk: [start, end, own cos, caller cos]
    seconds: float = 0.0

    def to_json(self) -> dict:
        return {
            "voice_version": self.version,
            "voice": self.clusters,
            "voiceprint": self.voiceprint,
            "voiceprint_skipped": self.voiceprint_skipped,
            "voice_checks": [list(c) for c in self.checks],
            "voice_seconds": self.seconds,
        }

    @classmethod
    def from_json(cls, d: dict) -> VoiceEntry:
        return cls(
            version=d.get("voice_version") or "",
            clusters=d.get("voice"),
            voiceprint=d.get("voiceprint"),
            voiceprint_skipped=bool(d.get("voiceprint_skipped")),
            checks=tuple(tuple(c) for c in d.get("voice_checks") or ()),
            seconds=float(d.get("voice_seconds") or 0.0),
        )


@dataclass(frozen=True)
class TranscriptEntry:
    duration: float
    channels: tuple[ChannelEntry, ...]
    voice: VoiceEntry = field(default_factory=VoiceEntry)
    version: int = VERSION

    def to_json(self) -> dict:
        return {
            "version": self.version,
            "duration": self.duration,
            "channels": [c.to_json() for c in self.channels],
            **self.voice.to_json(),
        }

    @classmethod
    def from_json(cls, d: dict) -> TranscriptEntry:
        """Any version written so far. An entry without a version field is version 1,
        unless every channel has its tracks already (written between the tracks and the
        field), which is version 2."""
        version = d.get("version")
        if version is None:
            tracked = all("level" in c and "pitch" in c for c in d["channels"])
            version = 2 if tracked else 1
        return cls(
            duration=float(d["duration"]),
            channels=tuple(ChannelEntry.from_json(c) for c in d["channels"]),
            voice=VoiceEntry.from_json(d),
            version=int(version),
        )

    def upgrades(self) -> list[Upgrade]:
        """What this entry needs to be at `VERSION`, in order."""
        steps = [Upgrade.LEVELS] if self.version < 2 else []
        return steps + ([Upgrade.COVERAGE] if self.version < 3 else [])

    def with_channel(self, k: int, channel: ChannelEntry) -> TranscriptEntry:
        chans = list(self.channels)
        chans[k] = channel
        return replace(self, channels=tuple(chans))

    def with_tracks(self, tracks: list[tuple[tuple[float, ...], tuple]]) -> TranscriptEntry:
        """Each channel's (loudness, pitch) tracks; the entry is then at version 2."""
        chans = tuple(
            replace(c, level=tuple(lv), pitch=tuple(p))
            for c, (lv, p) in zip(self.channels, tracks, strict=True)
        )
        return replace(self, channels=chans, version=max(self.version, 2))

    def with_coverage_checked(self, channels: tuple[ChannelEntry, ...]) -> TranscriptEntry:
        """The channels after version 3's coverage check; the entry is then at version 3."""
        return replace(self, channels=channels, version=max(self.version, 3))


def _spans(rows) -> tuple[Span, ...]:
    return tuple((float(a), float(b)) for a, b in rows)
