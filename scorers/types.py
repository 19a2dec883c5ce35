"""The typed results every stage shares, named once (faster-whisper's Segment/Word style)."""

from __future__ import annotations

from dataclasses import dataclass, field

AGENT = "agent"
CALLER = "caller"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    text: str
    probability: float = 1.0


@dataclass(frozen=True)
class Utterance:
    speaker: str  # agent | caller | unknown (mono before role assignment)
    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()
    role_confidence: float = 1.0


@dataclass(frozen=True)
class Interval:
    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class CallMeta:
    """One manifest row, validated."""

    call_id: str
    agent_id: str
    audio: str  # path relative to the manifest's folder
    started_at: str  # ISO 8601 with offset
    agent_name: str = ""
    team: str = ""
    ring_seconds: float | None = None
    agent_channel: str = "left"  # left | right | mono
    holds: tuple[tuple[float, float], ...] | None = None  # CTI hold events, None = not exported
    hangup_by: str | None = None


@dataclass(frozen=True)
class CallEvidence:
    """Everything the rules need about one call; the ASR stage's product, stored and rescored."""

    meta: CallMeta
    duration: float
    mono: bool
    utterances: tuple[Utterance, ...]
    speech: dict[str, tuple[Interval, ...]] = field(
        default_factory=dict
    )  # speaker -> VAD intervals


@dataclass(frozen=True)
class Finding:
    call_id: str
    agent_id: str
    rule_id: str
    start: float | None
    end: float | None
    severity: str
    evidence: str
    confidence: float
    speaker: str = AGENT
    lexicon_entry: str = ""
    similarity: float | None = None
    detail: str = ""


@dataclass(frozen=True)
class Rejection:
    source: str  # manifest | audio | asr | ...
    call_id: str
    item: str  # file path or manifest row number
    reason: str


def finding_id(f: Finding) -> str:
    """Stable across reruns and rescoring, so review decisions stay attached."""
    import hashlib

    key = f"{f.call_id}|{f.rule_id}|{f.start}|{f.lexicon_entry}"
    return hashlib.sha1(key.encode()).hexdigest()[:12]
