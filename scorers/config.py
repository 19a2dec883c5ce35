"""The lexicons as typed, frozen configuration: parsed once, defaults named once.

Every rule module reads these dataclasses, never the YAML dicts, so a default lives in one
place (the field's default here) and a typo in a lexicon file is an error at start-up that
names the file and the key. Pure: `parse_config` takes the parsed YAML mappings by file
name and returns a `Config`; reading the files is `pipeline.inputs.config`'s job.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import MISSING, dataclass, field, fields, is_dataclass, replace
from enum import Enum, StrEnum
from typing import Any


class Severity(StrEnum):
    """How grave a rule's hit is (the rubric weighs the item, not this)."""

    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"


class SituationKind(StrEnum):
    """respond: the agent must answer the trigger; no_response: the silent-line protocol."""

    RESPOND = "respond"
    NO_RESPONSE = "no_response"


class ConfigError(Exception):
    """A lexicon file that cannot work, with the file and the key in the message."""


# -- phrases ------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class Window:
    """Where a required phrase must occur among the agent's utterances; all unset = the
    whole call."""

    first_utterances: int | None = None
    first_seconds: float | None = None
    last_utterances: int | None = None
    last_seconds: float | None = None

    @property
    def at_start(self) -> bool:
        return self.first_utterances is not None or self.first_seconds is not None

    @property
    def at_end(self) -> bool:
        return self.last_utterances is not None or self.last_seconds is not None

    def doubled_utterances(self) -> Window:
        """Mono: roles are uncertain, so the window counts twice as many utterances."""
        twice = {
            k: None if getattr(self, k) is None else 2 * getattr(self, k)
            for k in ("first_utterances", "last_utterances")
        }
        return Window(first_seconds=self.first_seconds, last_seconds=self.last_seconds, **twice)


@dataclass(frozen=True, kw_only=True)
class PhraseSpec:
    """One lexicon entry (forbidden.yaml, required.yaml) as written, before compiling."""

    id: str
    patterns: tuple[str, ...]
    norm: str = ""
    rule_id: str | None = None  # a required entry with a rule_id is a finding when missing
    name: str = ""
    severity: Severity = Severity.MINOR
    window: Window = field(default_factory=Window)
    exact: bool = False
    source_note: str = ""
    # A required phrase said in other words: one utterance of the window holds a word of
    # each group (by sound, so Whisper's homophones count), e.g. 还有 + 别的 + 问题.
    in_other_words: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, kw_only=True)
class EntryDefaults:
    severity: Severity | None = None


@dataclass(frozen=True, kw_only=True)
class Lexicon:
    entries: tuple[PhraseSpec, ...]
    defaults: EntryDefaults = field(default_factory=EntryDefaults)


# -- matching -----------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class Matching:
    tolerance: tuple[tuple[int, int], ...]  # (max syllables, allowed token edits)
    boundary_check_max_syllables: int = 0
    utterance_gap_s: float = 0.8
    domain_words: tuple[str, ...] = ()
    hallucinations: tuple[str, ...] = ()


# -- timing -------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class TimedRule:
    rule_id: str
    name: str = ""
    norm: str = ""
    severity: Severity = Severity.MINOR


@dataclass(frozen=True, kw_only=True)
class Interruption(TimedRule):
    min_overlap_s: float
    min_chars: int
    delay_s: float
    caller_pause_join_s: float = 0.5


@dataclass(frozen=True, kw_only=True)
class HoldTooLong(TimedRule):
    max_lookup_s: float


@dataclass(frozen=True, kw_only=True)
class HoldNoCheckin(TimedRule):
    checkin_after_s: float


@dataclass(frozen=True, kw_only=True)
class HoldNoRequest(TimedRule):
    lookback_s: float


@dataclass(frozen=True, kw_only=True)
class Hold:
    too_long: HoldTooLong
    no_checkin: HoldNoCheckin
    no_request: HoldNoRequest
    min_silence_s: float
    cti_join_gap_s: float
    norm: str = ""


@dataclass(frozen=True, kw_only=True)
class DeadAir(TimedRule):
    min_gap_s: float


@dataclass(frozen=True, kw_only=True)
class Answer(TimedRule):
    max_ring_s: float


@dataclass(frozen=True, kw_only=True)
class SpeechRate(TimedRule):
    min_cpm: float
    max_cpm: float
    min_chars: int


@dataclass(frozen=True, kw_only=True)
class UncoveredSpeech:
    lookback_s: float = 20.0
    rules: tuple[str, ...] = ()
    # A required phrase's window bounded by utterances alone reaches this far in time
    # when asking whether untranscribed speech could hold the phrase.
    window_reach_s: float = 30.0
    norm: str = ""


@dataclass(frozen=True, kw_only=True)
class RecordingQuality:
    min_snr_db: float
    max_clipping: float
    max_echo_db: float
    rules: tuple[str, ...]
    norm: str = ""


@dataclass(frozen=True, kw_only=True)
class Measurement:
    """How exact the timing measures are: a finding's confidence is how far past its
    threshold the measure reads, in these errors (`scorers.confidence.beyond`)."""

    vad_edge_s: float = 0.3  # one edge of a speech-activity stretch
    cti_edge_s: float = 0.05  # one edge of a CTI event (hold, ring)
    rate_rel_error: float = (
        0.1  # characters per minute, relative (the ASR's dropped/extra characters)
    )
    norm: str = ""

    def span_error(self, cti: bool) -> float:
        """The error of a span's length: two edges, independent."""
        return (self.cti_edge_s if cti else self.vad_edge_s) * 2**0.5


@dataclass(frozen=True, kw_only=True)
class Timing:
    interruption: Interruption
    hold: Hold
    dead_air: DeadAir
    answer: Answer
    speech_rate: SpeechRate
    hangup: TimedRule
    recording_quality: RecordingQuality
    uncovered_speech: UncoveredSpeech = field(default_factory=UncoveredSpeech)
    measurement: Measurement = field(default_factory=Measurement)

    def rules(self) -> tuple[TimedRule, ...]:
        h = self.hold
        return (
            self.interruption,
            h.too_long,
            h.no_checkin,
            h.no_request,
            self.dead_air,
            self.answer,
            self.speech_rate,
            self.hangup,
        )


# -- roles (mono calls) -------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class Training:
    agent: tuple[str, ...] = ()
    caller: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Voice:
    window_s: float = 1.2
    hop_s: float = 0.4
    min_window_s: float = 0.5
    max_separation: float = 0.84
    margin_scale: float = 4.0
    script_weight: float = 3.0
    text_weight: float = 2.0
    enrol_weight: float = 6.0
    utterance_text_weight: float = 0.5
    min_change_windows: int = 2
    enrol_min_prob: float = 0.95
    enrol_calls_per_agent: int = 3


@dataclass(frozen=True, kw_only=True)
class Roles:
    method: str = "classifier"  # classifier | keyword
    min_agent_prob: float = 0.3
    sure_agent_prob: float = 0.4
    switch_prob: float = 0.5
    agent_keywords: tuple[str, ...] = ()
    training: Training | None = None
    voice: Voice = field(default_factory=Voice)


# -- rubric -------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class RubricItemSpec:
    id: str
    name: str = ""
    points: float = 0.0
    deduct: float | None = None  # unset: the item's points
    cap: float | None = None  # unset: the item's points
    rules: tuple[str, ...] = ()
    veto: bool = False
    manual: bool = False
    # Counted only on calls where one of its rules' situations occurred (特殊情况处理: a
    # call without a complaint is not graded on handling complaints).
    when_triggered: bool = False


@dataclass(frozen=True, kw_only=True)
class RubricArea:
    name: str
    items: tuple[RubricItemSpec, ...] = ()


@dataclass(frozen=True, kw_only=True)
class RubricSpec:
    areas: tuple[RubricArea, ...]
    scale: float = 100.0
    target_score: float = 85.0


# -- situations (三/四/五/六: how the agent answers what the caller does) -----------------
@dataclass(frozen=True, kw_only=True)
class Within:
    """The agent's response window after a trigger: the agent's next `turns` turns or what
    starts within `seconds` of the trigger's end, whichever reaches further."""

    turns: int = 2
    seconds: float = 20.0
    # An agent pause this long inside a turn (a hold, dead air) starts a new turn.
    turn_gap_s: float = 3.0


@dataclass(frozen=True, kw_only=True)
class Cue:
    """Words that make a trigger or a response: fuzzy phrase patterns and/or trained intent
    classes (lexicons/intents.yaml). `unless`: exact substrings that cancel a phrase hit in
    the same utterance (negation: 我不是要投诉)."""

    phrases: tuple[str, ...] = ()
    intents: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Raised:
    """A raised voice with milder words (agitation signal): the utterance is
    ≥ above_db over the speaker's median utterance in the call, and one of `intents` is at
    least min_p (below the class's own threshold: the voice says the rest)."""

    above_db: float = 6.0
    intents: tuple[str, ...] = ()
    min_p: float = 0.2


@dataclass(frozen=True, kw_only=True)
class Rival:
    """A class whose reading of a trigger line, at min_p or more, leaves the family in doubt."""

    intent: str
    min_p: float = 0.5


@dataclass(frozen=True, kw_only=True)
class Trigger(Cue):
    role: str = "caller"  # caller | agent: whose words start the situation
    # A narrative: the caller's speech runs this long with no agent speech in between.
    min_speech_s: float | None = None
    raised: Raised | None = None
    # A second check on the evidence: the utterance must also hold a word of each group
    # (by sound, so Whisper's homophones count), e.g. a records request names the caller and
    # a record (我 + 缴费/余额/记录 …). Empty: no check.
    needs: tuple[tuple[str, ...], ...] = ()
    # How many pinyin tokens a `needs` word of two characters or more may differ by: for a
    # word Whisper garbles into a near-homophone that is no word at all (an insult).
    needs_edits: int = 0
    # More specific situations (rule ids) this one gives way to: a line that also sets one of
    # them off is read as that one alone. The norms give 咒骂 and 电话难打 their own scripts,
    # so a caller who curses is not also judged as upset, which wants a different answer.
    yields_to: tuple[str, ...] = ()
    # Classes whose reading of the same line leaves the situation's family in doubt: where
    # one of them reads the trigger line at its level or more, the finding is no surer than
    # the line is not that class (1 - p), so it waits for an inspector. 你们这些人一点良心都没有
    # reads as a complaint and, half as surely, as a curse: two norms, two scripts.
    unsure_with: tuple[Rival, ...] = ()


@dataclass(frozen=True, kw_only=True)
class SituationRule:
    id: str
    name: str
    norm: str
    severity: Severity = Severity.MINOR
    kind: SituationKind = SituationKind.RESPOND  # no_response: 四(六)(七)
    trigger: Trigger = field(default_factory=Trigger)
    expect: Cue = field(default_factory=Cue)
    # Saying this in the window is the violation even if `expect` is also said
    # (不得拒绝投诉), or, with `refuse_before_expect`, only before it (personal data before
    # the identity check).
    refuse: Cue = field(default_factory=Cue)
    refuse_before_expect: bool = False
    within: Within | None = None  # unset: the file's default
    # no_response: the caller's silence that makes the prompt due, and the agent's wait
    # after the prompt before hanging up.
    silence_s: float = 8.0
    wait_s: float = 5.0
    source_note: str = ""
    # A finding less probable than this is 待确认 (pending): listed first for review, and
    # it deducts only once an inspector confirms it. None: the file's `sure`.
    sure: float | None = None


@dataclass(frozen=True, kw_only=True)
class Exemption:
    """A script that ends a call lawfully without the closing (a transfer, the silent-line
    protocol, the harassment script): said by the agent among their last `last_turns`
    utterances, with at least `wait_s` of caller silence after it before the call ends, it
    silences the listed rules. `intents`: trained classes that say the same in any wording
    (a transfer to 主管 / 专家 / 班长 however put). `caller_silent`: instead of a script, the
    caller never said a word (a closing is owed to someone who speaks)."""

    id: str
    name: str = ""
    norm: str = ""
    phrases: tuple[str, ...] = ()
    intents: tuple[str, ...] = ()
    # How surely a line must say one of `intents`, and the words it must also hold (a word
    # of each group, by sound), for the class alone to make the exemption.
    min_p: float = 0.5
    needs: tuple[tuple[str, ...], ...] = ()
    caller_silent: bool = False
    last_turns: int = 3
    wait_s: float = 0.0
    silences: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Situations:
    within: Within = field(default_factory=Within)
    # Mono calls: a trigger's utterance must be this role with at least this probability.
    min_role_prob: float = 0.8
    # An expected answer missing from words heard at this mean probability or more was not
    # said; under it the ASR may have garbled it, and the finding's probability falls in
    # proportion.
    heard_in_full: float = 0.75
    # A reply is due after the agent's greeting or after an agent utterance with one of
    # these question cues (exact substrings of the normalised text).
    reply_due: tuple[str, ...] = ()
    rules: tuple[SituationRule, ...] = ()
    exemptions: tuple[Exemption, ...] = ()
    # Every rule's `sure` unless it sets its own: a finding's probability must reach it to
    # deduct without an inspector's confirmation.
    sure: float = 0.9

    def sure_for(self, rule_id: str) -> float:
        rule = next((r for r in self.rules if r.id == rule_id), None)
        return self.sure if rule is None or rule.sure is None else rule.sure


# -- manner (一(三)5, 七(二): the voice itself) -------------------------------
@dataclass(frozen=True, kw_only=True)
class MannerRule:
    """What every manner rule has: its id, the name people read, the norm it enforces."""

    rule_id: str = ""
    name: str = ""
    norm: str = ""
    severity: Severity = Severity.MINOR
    # A finding less probable than this is 待确认 (pending): it deducts only once an
    # inspector confirms it.
    sure: float = 0.9


@dataclass(frozen=True, kw_only=True)
class RaisedVoice(MannerRule):
    """The agent's smoothed loudness ≥ above_db over their own median for ≥ min_s."""

    rule_id: str = "manner.raised_voice"
    above_db: float = 8.5
    min_s: float = 0.5
    bridge_s: float = 0.3  # quieter gaps up to this long inside one raised stretch
    smooth_s: float = 0.5  # energy mean over this window (syllables do not count alone)
    min_speech_s: float = 10.0  # less agent speech than this: the agent's level is unknown
    # Stretches inside one utterance, or closer than this, are one episode: one finding.
    episode_gap_s: float = 1.0


@dataclass(frozen=True, kw_only=True)
class SideTalk(MannerRule):
    """A voice on the agent's channel that is neither the agent's nor the caller's, for
    ≥ min_s (七(二)2: chatting with colleagues)."""

    rule_id: str = "manner.side_talk"
    below: float = 0.75  # cosine to the agent's own voice (and to the caller's) under this
    min_s: float = 1.8  # seconds such windows cover in one stretch
    bridge_s: float = 1.5  # gaps up to this long inside one stretch
    # The ASR stage asks the caller's voice about windows under this cosine to the agent's
    # (a rescore can lower `below`, not raise it past this, without the audio).
    screen_below: float = 0.8
    # Windows more than this under the agent's own level are the room, not a colleague at
    # the desk (None: no level gate).
    quiet_db: float | None = None
    # Stretches inside one agent utterance, or closer than this, are one episode.
    episode_gap_s: float = 1.0

    def __post_init__(self) -> None:
        if self.below > self.screen_below:
            raise ConfigError(
                f"side_talk: below ({self.below}) must not exceed screen_below "
                f"({self.screen_below}): windows above screen_below are not compared with the caller"
            )


@dataclass(frozen=True, kw_only=True)
class Fillers(MannerRule):
    """The agent's verbal tics per minute of their speech ≥ per_minute (call level)."""

    rule_id: str = "manner.fillers"
    always: tuple[str, ...] = ()  # regular expressions on normalised text: always a tic
    alone: tuple[str, ...] = ()  # a tic only standing alone (a clause, doubled, before a tic)
    alone_before: str = ""  # or followed by this (a pronoun, an adverb: never a noun)
    pause_s: float = 0.3  # a gap between words this long ends a clause
    per_minute: float = 6.0
    min_count: int = 3  # fewer tics than this never make a finding (a short call)
    min_speech_s: float = 15.0  # less agent speech: the rate is not assessed

    def __post_init__(self) -> None:
        for p in self.always + self.alone + ((self.alone_before,) if self.alone_before else ()):
            try:
                re.compile(p)
            except re.error as e:
                raise ConfigError(f"fillers: bad pattern {p!r}: {e}") from None


@dataclass(frozen=True, kw_only=True)
class Manner:
    raised_voice: RaisedVoice | None = None
    side_talk: SideTalk | None = None
    fillers: Fillers | None = None

    def rules(self) -> list:
        return [r for r in (self.raised_voice, self.side_talk, self.fillers) if r is not None]


@dataclass(frozen=True, kw_only=True)
class Intents:
    """Paraphrase corpus for the trigger classes (lexicons/intents.yaml): class -> examples.
    `other` holds the negatives every class is trained against."""

    threshold: float = 0.5
    # Per-class overrides: a class whose look-alikes are common (out_of_scope: a garbled
    # in-scope question also has unknown words) needs more certainty.
    thresholds: dict[str, float] = field(default_factory=dict)
    classes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    other: tuple[str, ...] = ()
    # Per class, (a, b) of a Platt map from the model's score to the probability that a
    # sentence of unseen wording really is of the class: sigmoid(a·logit(score) + b).
    # Fitted on cross-validation by corpus line (`python -m benchmarks.intents
    # --fit-calibration`); a class without one keeps its score.
    calibration: dict[str, tuple[float, float]] = field(default_factory=dict)
    # Beside the char n-grams: toneless pinyin syllables and their pairs (ASR homophones),
    # and jieba words and word pairs.
    pinyin_features: bool = True
    word_features: bool = False
    # A reviewed line (a verdict or a 标注 on a real call) counts as this many corpus
    # sentences: one real caller's wording outweighs one paraphrase of ours.
    review_weight: int = 5
    # What people read for a class (the console's 标注 menu): class -> Chinese name.
    names: dict[str, str] = field(default_factory=dict)

    def threshold_for(self, name: str) -> float:
        return self.thresholds.get(name, self.threshold)

    def with_examples(self, classes: dict[str, tuple[str, ...]], other: tuple[str, ...]) -> Intents:
        """This corpus plus reviewed lines (an inspector's 标注 or verdicts): a new config,
        so the fitted model is cached apart."""
        k = self.review_weight
        merged = {
            c: self.classes.get(c, ()) + tuple(t for t in classes.get(c, ()) for _ in range(k))
            for c in self.classes
        }
        return replace(
            self, classes=merged, other=self.other + tuple(t for t in other for _ in range(k))
        )

    def __hash__(self) -> int:
        return hash(
            (
                self.threshold,
                tuple(sorted(self.thresholds.items())),
                tuple(sorted(self.classes.items())),
                self.other,
                tuple(sorted(self.calibration.items())),
                self.word_features,
                self.pinyin_features,
                self.review_weight,
            )
        )


# -- confidence model (optional file) -----------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class ConfidenceModel:
    intercept: float
    coef: dict[str, float]

    def __hash__(self) -> int:  # the whole Config is hashable: compiled rules cache on it
        return hash((self.intercept, tuple(sorted(self.coef.items()))))


@dataclass(frozen=True, kw_only=True)
class Confidence:
    model: ConfidenceModel | None = None
    candidates: int = 0
    positives: int = 0
    # Findings below this confidence go to the review queue before the sure ones.
    review_below: float = 0.8


@dataclass(frozen=True, kw_only=True)
class Sampling:
    """抽检: the calls an inspector reviews by hand (lexicons/sampling.yaml)."""

    seed: int = 12333
    veto: bool = True
    low_confidence: bool = True
    random_share: float = 0.05
    random_min: int = 1
    norm: str = ""


@dataclass(frozen=True, kw_only=True)
class RuleHealth:
    """When inspectors' decisions flag a rule as unreliable (lexicons/rule_health.yaml)."""

    floor: float = 0.8
    min_reviewed: int = 10
    norm: str = ""


@dataclass(frozen=True, kw_only=True)
class Config:
    forbidden: Lexicon
    required: Lexicon
    timing: Timing
    matching: Matching
    rubric: RubricSpec
    roles: Roles = field(default_factory=Roles)
    confidence: Confidence = field(default_factory=Confidence)
    sampling: Sampling = field(default_factory=Sampling)
    rule_health: RuleHealth = field(default_factory=RuleHealth)
    situations: Situations = field(default_factory=Situations)
    intents: Intents = field(default_factory=Intents)
    manner: Manner = field(default_factory=Manner)

    def rule_names(self) -> dict[str, str]:
        """rule_id -> the name people read (Chinese): a forbidden phrase's number and
        official wording, the `name` of required entries and timing rules."""
        out = {e.id: f"服务禁语{e.id.split('.')[-1]}「{e.norm}」" for e in self.forbidden.entries}
        out.update({e.rule_id: e.name or e.rule_id for e in self.required.entries if e.rule_id})
        out.update({r.rule_id: r.name or r.rule_id for r in self.timing.rules()})
        out.update({r.id: r.name or r.id for r in self.situations.rules})
        out.update({r.rule_id: r.name or r.rule_id for r in self.manner.rules()})
        return out

    def severities(self) -> dict[str, str]:
        out = {r.rule_id: r.severity for r in self.timing.rules()}
        out.update({r.rule_id: r.severity for r in self.manner.rules()})
        return out


FILES = {
    "forbidden": Lexicon,
    "required": Lexicon,
    "timing": Timing,
    "matching": Matching,
    "roles": Roles,
    "rubric": RubricSpec,
    "confidence": Confidence,
    "sampling": Sampling,
    "rule_health": RuleHealth,
    "situations": Situations,
    "intents": Intents,
    "manner": Manner,
}
OPTIONAL = ("roles", "confidence", "sampling", "rule_health", "situations", "intents", "manner")


def parse_config(raw: dict[str, Any], where: str = "") -> Config:
    """The parsed YAML mappings by file name (forbidden, required, ...) → `Config`.
    `where`: the lexicon folder, for the messages."""
    parts = {}
    for name, cls in FILES.items():
        if name not in raw or raw[name] is None:
            if name in OPTIONAL:
                continue  # optional files: the defaults
            raise ConfigError(f"{_file(where, name)}: missing")
        data = raw[name]
        if name == "forbidden" and isinstance(data, dict):
            data = _with_defaults(data)
        parts[name] = build(cls, data, _file(where, name), "")
    return Config(**parts)


def _file(where: str, name: str) -> str:
    return f"{where.rstrip('/')}/{name}.yaml" if where else f"{name}.yaml"


def _with_defaults(data: dict) -> dict:
    """forbidden.yaml's `defaults:` apply to every entry that does not set the key."""
    d = data.get("defaults") or {}
    if not isinstance(d, dict) or not isinstance(data.get("entries"), list):
        return data
    return {**data, "entries": [{**d, **e} if isinstance(e, dict) else e for e in data["entries"]]}


def build(cls: type, data: Any, file: str, key: str) -> Any:
    """A dataclass from a YAML mapping: every key known, every key without a default given,
    every value of the field's type. Errors name the file and the dotted key."""
    at = f"{file}: {key}" if key else file
    if not isinstance(data, dict):
        raise ConfigError(f"{at}: expected a mapping, got {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    unknown = sorted(str(k) for k in data if k not in known)
    if unknown:
        raise ConfigError(f"{at}: unknown key(s) {', '.join(unknown)}")
    kw = {}
    for f in fields(cls):
        sub = f"{key}.{f.name}" if key else f.name
        if f.name in data:
            kw[f.name] = _value(hints[f.name], data[f.name], file, sub)
        elif f.default is MISSING and f.default_factory is MISSING:
            raise ConfigError(f"{file}: missing key '{sub}'")
    return cls(**kw)


def _value(tp: Any, v: Any, file: str, key: str) -> Any:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if v is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _value(inner, v, file, key)
    if is_dataclass(tp):
        return build(tp, {} if v is None else v, file, key)
    if origin is tuple:
        if v is None:
            v = []
        if not isinstance(v, list | tuple):
            raise ConfigError(f"{file}: {key}: expected a list, got {v!r}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(args[0], x, file, f"{key}[{i}]") for i, x in enumerate(v))
        if len(v) != len(args):
            raise ConfigError(f"{file}: {key}: expected {len(args)} values, got {v!r}")
        return tuple(
            _value(a, x, file, f"{key}[{i}]") for i, (a, x) in enumerate(zip(args, v, strict=True))
        )
    if origin is dict:
        if not isinstance(v, dict):
            raise ConfigError(f"{file}: {key}: expected a mapping, got {v!r}")
        return {str(k): _value(args[1], x, file, f"{key}.{k}") for k, x in v.items()}
    if tp is float:
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise ConfigError(f"{file}: {key}: expected a number, got {v!r}")
        return float(v)
    if tp is int:
        if isinstance(v, bool) or not isinstance(v, int):
            raise ConfigError(f"{file}: {key}: expected a whole number, got {v!r}")
        return v
    if tp is bool:
        if not isinstance(v, bool):
            raise ConfigError(f"{file}: {key}: expected true or false, got {v!r}")
        return v
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(v)
        except ValueError:
            allowed = ", ".join(m.value for m in tp)
            raise ConfigError(f"{file}: {key}: expected one of {allowed}, got {v!r}") from None
    if tp is str:
        if not isinstance(v, str | int | float) or isinstance(v, bool):
            raise ConfigError(f"{file}: {key}: expected text, got {v!r}")
        return str(v)
    return v
