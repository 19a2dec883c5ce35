"""The record of one call, typed and frozen: what the ASR stage produces, what the rules and
the rubric consume, and what `rescore` reads back. One author per way it is made:

- `CallRecord.rejected(...)`: bad input or a transcription that kept failing;
- `pipeline.stages.transcribe_call`: a transcribed call;
- `pipeline.outputs.stored_records`: read back from a run's tables, the utterances from the
  internal unredacted transcript table (people read only the redacted one), so `rescore`
  sees exactly what `run` saw.

Frozen dataclasses pickle as they are, so records cross Dask workers whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.store import schemas
from scorers import coverage, voices
from scorers.types import (
    AGENT,
    CALLER,
    MIX,
    CallEvidence,
    CallMeta,
    Interval,
    Utterance,
    VoiceCheck,
    VoiceTrack,
    Word,
)

Intervals = dict[str, tuple[Interval, ...]]  # channel (agent | caller | mix) -> stretches
COVERAGE_CHANNELS = (AGENT, CALLER, MIX)


@dataclass(frozen=True)
class CallRecord:
    meta: CallMeta
    status: str = "ok"  # ok | warning | rejected
    error: str = ""
    stage: str = "audio"  # where a rejection came from: audio | asr
    warnings: tuple[str, ...] = ()
    duration: float = 0.0
    channels: int = 0
    sha256: str = ""
    mono: bool = False
    speech: Intervals = field(default_factory=dict)  # VAD speech per channel
    uncovered: Intervals = field(default_factory=dict)  # speech that has no words
    decoded: Intervals = field(default_factory=dict)  # speech that was transcribed
    # Per channel: echo_db, echo_delay_ms, leftover_db, noise_dbfs, speech_dbfs, clipping,
    # echo_words (recording diagnostics).
    recording: dict[str, dict] = field(default_factory=dict)
    # Per channel: loudness in dBFS per 50 ms frame of the echo-free signal.
    levels: dict[str, tuple[float, ...]] = field(default_factory=dict)
    # Per channel: pitch in Hz per 50 ms frame (0: unvoiced), for the utterances' measures.
    pitch: dict[str, tuple[float, ...]] = field(default_factory=dict)
    utterances: tuple[Utterance, ...] = ()  # unredacted; mono speakers before role assignment
    asr_cached: bool = False
    asr_seconds: float = 0.0
    # Mono: the call's two voice clusters. Stereo: the agent channel's mean embedding and
    # its seconds, an enrolment for the agent's mono calls.
    voice: VoiceTrack | None = None
    voiceprint: tuple[tuple[float, ...], float] | None = None
    voice_seconds: float = 0.0  # of asr_seconds, the voice encoder's share
    # Stereo: the agent channel's windows against the agent's and the caller's voices
    # (side talk).
    voice_checks: tuple[VoiceCheck, ...] = ()
    # Where a fresh call's seconds went: decode, echo, vad, asr, refill, voice (the
    # cost table); empty for a call served from the cache or read back for a rescore.
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @classmethod
    def rejected(cls, meta: CallMeta, error: str, stage: str = "audio", **known) -> CallRecord:
        return cls(meta, status="rejected", error=error, stage=stage, **known)

    @property
    def is_rejected(self) -> bool:
        return self.status == "rejected"

    def evidence(self, agent_voice: tuple[float, ...] | None = None) -> CallEvidence:
        return CallEvidence(
            meta=self.meta,
            duration=self.duration,
            mono=self.mono,
            utterances=self.utterances,
            speech=self.speech,
            uncovered=self.uncovered,
            recording=self.recording,
            voice=self.voice,
            agent_voice=agent_voice,
            levels=self.levels,
            voice_checks=self.voice_checks,
        )

    def call_row(
        self,
        not_assessable: list[str],
        situations: list[str] | None = None,
        exempted: dict[str, str] | None = None,
    ) -> dict:
        """The calls.parquet row."""
        m = self.meta
        return {
            "call_id": m.call_id,
            "agent_id": m.agent_id,
            "agent_name": m.agent_name,
            "team": m.team,
            "started_at": m.started_at,
            "audio": m.audio,
            "audio_sha256": self.sha256,
            "duration_s": self.duration,
            "channels": self.channels,
            "agent_channel": m.agent_channel,
            "mono": self.mono,
            "ring_seconds": m.ring_seconds,
            "hangup_by": m.hangup_by,
            "holds": [list(h) for h in m.holds] if m.holds is not None else None,
            "status": self.status,
            "error": self.error,
            "warnings": list(self.warnings),
            "not_assessable": not_assessable,
            "situations": list(situations or []),
            "exempted": dict(exempted or {}),
            "asr_cached": self.asr_cached,
            "asr_seconds": self.asr_seconds,
            "voice_seconds": self.voice_seconds,
            "stage_seconds": dict(self.stage_seconds),
            "level_track": {k: list(v) for k, v in self.levels.items()},
            "pitch_track": {k: list(v) for k, v in self.pitch.items()},
            "voice_checks": [
                {"start": c.start, "end": c.end, "own": c.own, "caller": c.caller}
                for c in self.voice_checks
            ],
            "voice": voices.track_to_json(self.voice) if self.voice else None,
            "voiceprint": (
                {"embedding": list(self.voiceprint[0]), "seconds": self.voiceprint[1]}
                if self.voiceprint
                else None
            ),
            **self._coverage_columns(),
            **self._recording_columns(),
        }

    def _recording_columns(self) -> dict:
        out: dict = {f"{k}_{m}": None for k in COVERAGE_CHANNELS for m in schemas.RECORDING_METRICS}
        for key, d in self.recording.items():
            for m in schemas.RECORDING_METRICS:
                out[f"{key}_{m}"] = d.get(m, 0 if m == "echo_words" else None)
        out["recording"] = dict(self.recording) if self.recording else None
        return out

    def _coverage_columns(self) -> dict:
        """Per channel: speech seconds, seconds of speech without words, covered share."""
        out: dict = {
            f"{k}_{m}": None
            for k in COVERAGE_CHANNELS
            for m in ("speech_s", "uncovered_s", "coverage")
        }
        for key, ivs in self.speech.items():
            cov = coverage.summarize(ivs, self.uncovered.get(key, ()))
            out[f"{key}_speech_s"] = cov.speech_s
            out[f"{key}_uncovered_s"] = cov.uncovered_s
            out[f"{key}_coverage"] = round(cov.share, 4)
        caller = self.decoded.get("caller")
        out["caller_transcribed_s"] = (
            coverage.summarize(caller, ()).speech_s if caller is not None else None
        )
        out["uncovered"] = None if self.is_rejected else intervals_to_json(self.uncovered)
        out["decoded"] = None if self.is_rejected else intervals_to_json(self.decoded)
        return out


def voiceprint_from_json(d: dict | None) -> tuple[tuple[float, ...], float] | None:
    """{embedding, seconds} as the cache and calls.parquet hold it → (embedding, seconds)."""
    return (tuple(d["embedding"]), float(d["seconds"])) if d and d["embedding"] else None


def intervals_to_json(d: Intervals) -> dict[str, list[list[float]]]:
    return {k: [[iv.start, iv.end] for iv in v] for k, v in d.items()}


def intervals_from_json(d: dict | None) -> Intervals:
    """{channel: [[start, end], ...]} (a channel the call lacks may read as None) → Intervals."""
    return {k: tuple(Interval(a, b) for a, b in v) for k, v in (d or {}).items() if v is not None}


def recording_from_row(d: dict | None) -> dict[str, dict]:
    """The recording struct read back: the channels the call has, the metrics it measured
    (a struct reads absent ones as None; every reader treats None as not measured)."""
    return {
        ch: {m: v for m, v in metrics.items() if v is not None}
        for ch, metrics in (d or {}).items()
        if metrics is not None
    }


def utterance_row(u: Utterance) -> dict:
    return {
        "speaker": u.speaker,
        "start_s": u.start,
        "end_s": u.end,
        "text": u.text,
        "words": [
            {"start": w.start, "end": w.end, "text": w.text, "probability": w.probability}
            for w in u.words
        ],
        "role_confidence": u.role_confidence,
    }


def utterance_from_row(u: dict) -> Utterance:
    return Utterance(
        u["speaker"],
        u["start_s"],
        u["end_s"],
        u["text"],
        tuple(Word(w["start"], w["end"], w["text"], w["probability"]) for w in u["words"] or ()),
        u.get("role_confidence", 1.0) or 1.0,
    )
