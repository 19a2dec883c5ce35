"""The typed results every stage shares, named once (faster-whisper's Segment/Word style)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

AGENT = "agent"
CALLER = "caller"
UNKNOWN = "unknown"
MIX = "mix"  # a mono call's one channel, where both voices are


class RuleFamily(StrEnum):
    """The rule families, each one check over a call (`scorers.engine.FAMILIES`)."""

    FORBIDDEN = "forbidden"  # 服务禁语 in the agent's words
    REQUIRED = "required"  # 首问语, 结束语 and the other required phrases
    TIMING = "timing"  # holds, dead air, answer time, speech rate, hang-up, interruptions
    SITUATION = "situation"  # how the agent answers what the caller does
    MANNER = "manner"  # how it was said: a raised voice, side talk, verbal tics


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
class VoiceWindow:
    """One stretch of a mono call embedded by the voice encoder."""

    start: float
    end: float
    cluster: int  # 0 or 1: which of the call's two voices
    margin: float  # cosine to cluster 0's centroid minus cosine to cluster 1's


@dataclass(frozen=True)
class VoiceCheck:
    """One window of a stereo call's agent channel against the voices of the call (side
    talk): cosine to the channel's own dominant voice, and to the caller's voice
    where it was measured (None: the window was close enough to the agent's not to ask)."""

    start: float
    end: float
    own: float
    caller: float | None = None


@dataclass(frozen=True)
class VoiceTrack:
    """Who spoke when on a mono call, by voice: two clusters, not yet named agent/caller.

    Which cluster is the agent is decided by the rules (`scorers.roles`), from the script,
    the text and the agent's enrolled voice, so a rescore can re-decide it."""

    windows: tuple[VoiceWindow, ...]
    centroids: tuple[tuple[float, ...], ...]  # two L2-normalised mean embeddings
    separation: float  # cosine between the two centroids: near 1 = one voice, no evidence


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
    # speaker -> speech stretches the ASR stage could not transcribe: rules whose
    # evidence would lie there are not assessable instead of firing as if it were silence.
    uncovered: dict[str, tuple[Interval, ...]] = field(default_factory=dict)
    # channel -> the front end's measurements (echo_db, noise_dbfs, speech_dbfs, clipping):
    # a recording too degraded to judge makes its timing rules "not assessable".
    recording: dict[str, dict] = field(default_factory=dict)
    # Mono calls: the call's two voices, and the agent's enrolled voice (the mean
    # embedding of their stereo calls and confidently assigned mono calls), if any.
    voice: VoiceTrack | None = None
    agent_voice: tuple[float, ...] | None = None
    # channel -> loudness, dBFS per 50 ms frame of the echo-free signal (manner
    # rules: a raised voice is measured against the speaker's own level in the call).
    levels: dict[str, tuple[float, ...]] = field(default_factory=dict)
    # Stereo: the agent channel's windows against the agent's own voice (side
    # talk: a third voice on the agent's line).
    voice_checks: tuple[VoiceCheck, ...] = ()


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
    # Situational findings: where the trigger ends and the agent's response window begins
    # (the finding spans the trigger's start to the window's end).
    trigger_end: float | None = None
    # 待确认: a situational or manner finding below its rule's `sure` level. It deducts
    # only once an inspector confirms it (rules that read words or timing are always sure).
    pending: bool = False
    # Situational findings: what the agent said in the response window (the evidence is
    # what set the situation off).
    response: str = ""
    family: str = ""  # RuleFamily: set by the engine for the family that found it


@dataclass(frozen=True)
class Rejection:
    source: str  # manifest | audio | asr | ...
    call_id: str
    item: str  # file path or manifest row number
    reason: str


def finding_ids(findings: list[Finding]) -> list[str]:
    """One id per finding, in the given order.

    ASR times move by a few hundredths of a second with the CPU's thread layout, so the id
    hashes no time: it is call, rule, lexicon entry and the hit's ordinal among that call's
    hits of the same rule and entry, ordered by time. Jitter never reorders two hits of one
    rule (they are seconds apart), so ids survive recomputation on other hardware.
    """
    import hashlib

    order = sorted(
        range(len(findings)),
        key=lambda k: (
            findings[k].start if findings[k].start is not None else -1.0,
            findings[k].end if findings[k].end is not None else -1.0,
        ),
    )
    seen: dict[tuple[str, str, str], int] = {}
    out = [""] * len(findings)
    for k in order:
        f = findings[k]
        group = (f.call_id, f.rule_id, f.lexicon_entry)
        n = seen.get(group, 0)
        seen[group] = n + 1
        key = f"{f.call_id}|{f.rule_id}|{f.lexicon_entry}|{n}"
        out[k] = hashlib.sha1(key.encode()).hexdigest()[:12]
    return out
