"""All rules for one call: evidence in, findings out. Plain data both ways."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Protocol

from scorers import confidence, crosstalk, manner, situations, timing
from scorers.config import ConfidenceModel, Config, Manner, Matching, Roles, Timing, Window
from scorers.phrases import (
    Match,
    MatchText,
    PhraseEntry,
    Segmenter,
    compile_entries,
    match_entry,
    names_all,
    prepare,
)
from scorers.roles import assign_roles, merge_turns, usable
from scorers.text import normalize
from scorers.types import (
    AGENT,
    CALLER,
    MIX,
    CallEvidence,
    Finding,
    Interval,
    RuleFamily,
    Utterance,
    Word,
)

HOLD_SCRIPT = ("hold_request", "hold_checkin", "hold_thanks")


@dataclass
class RuleSet:
    """The compiled lexicons: built once per run from the typed configuration."""

    forbidden: list[PhraseEntry]
    required: dict[str, PhraseEntry]
    timing: Timing
    matching: Matching
    segmenter: Segmenter
    roles: Roles = field(default_factory=Roles)
    # Fitted logistic model (lexicons/confidence.yaml); None = the heuristic.
    confidence: ConfidenceModel | None = None
    severities: dict[str, str] = field(default_factory=dict)  # timing rule_id -> severity
    situations: situations.CompiledSituations | None = None
    manner: Manner = field(default_factory=Manner)


def build_rules(cfg: Config) -> RuleSet:
    m = cfg.matching
    required = {e.id: e for e in compile_entries(cfg.required.entries, m)}
    closing = tuple(e for e in required.values() if e.window.at_end)
    return RuleSet(
        forbidden=compile_entries(cfg.forbidden.entries, m),
        required=required,
        timing=cfg.timing,
        matching=m,
        segmenter=Segmenter(m.domain_words),
        roles=cfg.roles,
        confidence=cfg.confidence.model,
        severities=cfg.severities(),
        situations=situations.compile_situations(cfg.situations, cfg.intents, m, closing),
        manner=cfg.manner,
    )


@dataclass(frozen=True)
class FamilyResult:
    """What one rule family found on a call: every family returns this."""

    findings: list[Finding] = field(default_factory=list)
    not_assessable: list[str] = field(default_factory=list)  # rule ids it could not judge
    occurred: list[str] = field(default_factory=list)  # situational rules whose trigger occurred
    exempted: dict[str, str] = field(default_factory=dict)  # rule id -> exemption that silenced it
    lookups: list[timing.Lookup] = field(default_factory=list)  # the timing family's holds


class FamilyCheck(Protocol):
    """A rule family: one check over the call as the rules read it."""

    def __call__(self, v: CallView, rules: RuleSet) -> FamilyResult: ...


@dataclass(frozen=True)
class CallOutcome:
    findings: list[Finding]
    not_assessable: list[str]
    utterances: list[Utterance]  # with roles assigned (mono)
    lookups: list[timing.Lookup]
    situations: list[str] = field(default_factory=list)  # situational rules whose trigger occurred
    exempted: dict[str, str] = field(default_factory=dict)  # rule id -> exemption that silenced it


def span_times(u: Utterance, mt: MatchText, s: int, e: int) -> tuple[float, float, float]:
    """Character span → (start, end, mean word probability) from word timestamps."""
    owners: list[int] = []
    for k, w in enumerate(u.words):
        owners.extend([k] * len(normalize(w.text)))
    if not owners or len(owners) != len(mt.norm) or e <= s:
        return u.start, u.end, 1.0
    ws = u.words[owners[s] : owners[min(e, len(owners)) - 1] + 1]
    prob = sum(w.probability for w in ws) / len(ws)
    return ws[0].start, ws[-1].end, prob


def _finding(
    ev: CallEvidence,
    *,
    rule_id: str,
    start: float | None,
    end: float | None,
    severity: str,
    evidence: str,
    conf: float,
    **kw,
) -> Finding:
    return Finding(
        call_id=ev.meta.call_id,
        agent_id=ev.meta.agent_id,
        rule_id=rule_id,
        start=None if start is None else round(float(start), 2),
        end=None if end is None else round(float(end), 2),
        severity=severity,
        evidence=evidence,
        confidence=round(float(conf), 3),
        **kw,
    )


@dataclass(frozen=True)
class CallView:
    """One call as the rule families read it: roles assigned, phrase candidates prepared."""

    ev: CallEvidence
    utts: list[Utterance]  # all, in time order, roles assigned (mono)
    agent: list[Utterance]
    # Utterances phrase rules search: the agent's, and on mono calls also those that are
    # probably the caller's but could be the agent's (confidence = P(agent)).
    candidates: list[Utterance]
    cand_prepared: list[MatchText]
    holes: list[Interval]  # agent speech without words (ASR coverage)

    @property
    def agent_prepared(self) -> list[MatchText]:
        return [
            mt
            for u, mt in zip(self.candidates, self.cand_prepared, strict=True)
            if u.speaker == AGENT
        ]


def view_call(ev: CallEvidence, rules: RuleSet) -> CallView:
    utts = list(ev.utterances)
    if ev.mono:
        utts = assign_roles(utts, rules.required, rules.roles, ev.voice, ev.agent_voice)
        if usable(ev.voice, rules.roles.voice):
            utts = merge_turns(utts, rules.matching.utterance_gap_s)
    utts.sort(key=lambda u: u.start)
    min_p = rules.roles.min_agent_prob if ev.mono else 1.0
    candidates = [
        u for u in utts if u.speaker == AGENT or (ev.mono and 1 - u.role_confidence >= min_p)
    ]
    return CallView(
        ev,
        utts,
        [u for u in utts if u.speaker == AGENT],
        candidates,
        [prepare(u.text, rules.segmenter) for u in candidates],
        # Agent speech the ASR stage could not transcribe: what may be said there is unknown.
        [h for k in (AGENT, MIX) for h in ev.uncovered.get(k, ())],
    )


def evaluate(ev: CallEvidence, rules: RuleSet) -> CallOutcome:
    """Every rule family over the call. A situational exemption (a transfer, the silent-line
    protocol, …) silences the other families' findings of the rules it names."""
    v = view_call(ev, rules)
    results = {family: check(v, rules) for family, check in FAMILIES.items()}
    situational = results[RuleFamily.SITUATION]
    exempted = situational.exempted
    findings = [
        replace(f, family=family)
        for family, r in results.items()
        for f in r.findings
        if family is RuleFamily.SITUATION or f.rule_id not in exempted
    ]
    findings.sort(key=lambda f: (f.start if f.start is not None else -1, f.rule_id))
    na = sorted({x for r in results.values() for x in r.not_assessable} - set(exempted))
    lookups = results[RuleFamily.TIMING].lookups
    return CallOutcome(findings, na, v.utts, lookups, situational.occurred, exempted)


def manner_findings(v: CallView, rules: RuleSet) -> FamilyResult:
    """The agent's manner measured on the voice (lexicons/manner.yaml): a raised voice
    (stretches of their own speech well above their own level in the call; stereo: the
    agent channel's echo-free loudness over its own speech, mono: the mix's over the
    agent's utterances), side talk (a third voice on the agent's channel) and verbal tics
    (their rate per minute of the agent's speech)."""
    found, na = _raised_voice(v, rules)
    f2, na2 = _side_talk(v, rules)
    f3, na3 = _fillers(v, rules)
    return FamilyResult(found + f2 + f3, na + na2 + na3)


@lru_cache(maxsize=8)
def _filler_patterns(fl) -> tuple[list[re.Pattern], list[re.Pattern], re.Pattern | None]:
    before = re.compile(fl.alone_before) if fl.alone_before else None
    return [re.compile(p) for p in fl.always], [re.compile(p) for p in fl.alone], before


def _fillers(v: CallView, rules: RuleSet) -> tuple[list[Finding], list[str]]:
    """The agent's verbal tics per minute of their speech (lexicons/manner.yaml fillers):
    one call-level finding that lists where they are."""
    fl = rules.manner.fillers
    ev = v.ev
    if fl is None:
        return [], []
    if ev.mono:
        speech_s = sum(u.end - u.start for u in v.agent)
    else:
        speech_s = sum(iv.end - iv.start for iv in ev.speech.get(AGENT, ()))
    if speech_s < fl.min_speech_s:
        return [], [fl.rule_id]
    always, alone, before = _filler_patterns(fl)
    tics = [
        t for u in v.agent for t in manner.find_fillers(u.words, always, alone, fl.pause_s, before)
    ]
    rate = len(tics) / (speech_s / 60)
    if len(tics) < fl.min_count or rate < fl.per_minute:
        return [], []
    counts: dict[str, int] = {}
    for t in tics:
        counts[t.text] = counts.get(t.text, 0) + 1
    top = "、".join(f"{k}×{n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    evidence = (
        f"坐席口头禅 {len(tics)} 次，每分钟 {rate:.1f} 次（坐席讲话 {speech_s:.0f} 秒）：{top}"
    )
    detail = "; ".join(f"{t.start:.1f}-{t.end:.1f} {t.text}" for t in tics)
    conf = 1.0 if rate >= 1.5 * fl.per_minute else 0.7
    return [_manner(ev, fl, None, None, evidence, conf, detail)], []


def _side_talk(v: CallView, rules: RuleSet) -> tuple[list[Finding], list[str]]:
    """A voice on the agent's channel that is neither the agent's nor the caller's
    (lexicons/manner.yaml side_talk). Stereo only: a mono call's two voice clusters cannot
    tell a third voice apart."""
    st = rules.manner.side_talk
    ev = v.ev
    if st is None:
        return [], []
    if ev.mono or not ev.voice_checks:
        return [], [st.rule_id]
    out = []
    levels = (
        manner.window_levels(
            ev.voice_checks, ev.levels.get(AGENT, ()), ev.speech.get(AGENT, ()), manner.HOP_S
        )
        if st.quiet_db is not None
        else None
    )
    found = manner.episodes(
        manner.other_voices(ev.voice_checks, st.below, st.min_s, st.bridge_s, levels, st.quiet_db),
        [(u.start, u.end) for u in v.agent],
        st.episode_gap_s,
        manner.merge_voices,
    )
    for o in found:
        said = "".join(u.text for u in v.agent if u.start < o.end and o.start < u.end)
        evidence = (
            f"坐席通道上出现第三人声 {o.seconds:.1f} 秒（与坐席本人声纹相似度 {o.own:.2f}）"
            + (f"：{said}" if said else "")
        )
        conf = 1.0 if o.own < st.below - 0.1 else 0.7
        out.append(_manner(ev, st, o.start, o.end, evidence, conf))
    return out, []


def _raised_voice(v: CallView, rules: RuleSet) -> tuple[list[Finding], list[str]]:
    rv = rules.manner.raised_voice
    ev = v.ev
    if rv is None:
        return [], []
    if ev.mono:
        track = ev.levels.get(MIX, ())
        speech = [Interval(u.start, u.end) for u in v.agent]
    else:
        track = ev.levels.get(AGENT, ())
        speech = list(ev.speech.get(AGENT, ()))
    p = manner.profile(track, speech, manner.HOP_S, rv.smooth_s, rv.min_speech_s)
    if p is None:
        return [], [rv.rule_id] if track else []
    out = []
    stretches = manner.episodes(
        manner.raised_stretches(p, rv.above_db, rv.min_s, rv.bridge_s),
        [(u.start, u.end) for u in v.agent],
        rv.episode_gap_s,
        manner.merge_raised,
    )
    for r in stretches:
        said = "".join(u.text for u in v.agent if u.start < r.end and r.start < u.end)
        evidence = f"坐席音量高出本人通话中位 {r.peak_db:+.1f} dB，{r.loud_s:.1f} 秒：{said}"
        conf = 1.0 if r.peak_db >= rv.above_db + 3 else 0.7
        out.append(_manner(ev, rv, r.start, r.end, evidence, conf))
    return out, []


def _manner(ev: CallEvidence, rule, start: float | None, end: float | None, evidence: str,
            conf: float, detail: str = "") -> Finding:  # fmt: skip
    """A manner finding: 待确认 below its rule's `sure` level."""
    return _finding(
        ev,
        rule_id=rule.rule_id,
        start=start,
        end=end,
        severity=rule.severity,
        evidence=evidence,
        conf=conf,
        lexicon_entry="manner",
        detail=detail,
        pending=conf < rule.sure,
    )


def _loudness(v: CallView) -> dict[int, float]:
    """Utterance index -> its loudness over its speaker's median utterance in the call."""
    ms = manner.call_measures(v.utts, v.ev.levels, {}, v.ev.mono)
    return {k: m.loudness_rel_db for k, m in enumerate(ms) if m and m.loudness_rel_db is not None}


def situation_findings(v: CallView, rules: RuleSet) -> FamilyResult:
    """The agent's answers to what the caller does (lexicons/situations.yaml): findings,
    not-assessable rules, the situations that occurred, and the rules an ending script
    (transfer, silent-line protocol, harassment script) lawfully silences."""
    if rules.situations is None:
        return FamilyResult()
    ev = v.ev
    speech = {} if ev.mono else {k: list(ivs) for k, ivs in ev.speech.items()}
    lines = situations.CallLines(
        v.utts, speech, ev.duration, ev.meta.hangup_by, ev.mono, list(v.holes), _loudness(v)
    )
    out = situations.evaluate(lines, rules.situations, rules.segmenter)
    sev = {r.spec.id: r.spec.severity for r in rules.situations.rules}
    cfg = rules.situations.cfg
    found = [
        _finding(
            ev,
            rule_id=h.rule_id,
            start=h.start,
            end=h.end,
            severity=sev[h.rule_id],
            evidence=h.evidence,
            conf=h.confidence,
            lexicon_entry="situation",
            detail=h.detail,
            trigger_end=round(float(h.trigger_end), 2),
            pending=round(h.confidence, 3) < cfg.sure_for(h.rule_id),
            response=h.response,
        )
        for h in out.hits
    ]
    return FamilyResult(found, out.not_assessable, out.triggered, out.silenced)


@dataclass(frozen=True)
class PhraseCandidate:
    match: Match
    entry: PhraseEntry
    start: float
    end: float
    features: list[float]  # scorers.confidence.features


def forbidden_candidates(
    u: Utterance, mt: MatchText, rules: RuleSet, slack: int = 0
) -> list[PhraseCandidate]:
    """Forbidden-phrase matches in one utterance; overlapping hits keep the most specific.
    `slack` > 0 widens the edit budget (the benchmark's near misses for the confidence model)."""
    hits = [(h, e) for e in rules.forbidden if (h := match_entry(e, mt, slack=slack))]
    hits.sort(key=lambda he: (-len(he[0].pattern.replace("*", "")), -he[0].similarity))
    out: list[PhraseCandidate] = []
    for h, entry in hits:
        if any(h.start_char < k.match.end_char and k.match.start_char < h.end_char for k in out):
            continue
        s, e_, prob = span_times(u, mt, h.start_char, h.end_char)
        on_words = h.start_char in mt.boundaries and h.end_char in mt.boundaries
        out.append(
            PhraseCandidate(
                h, entry, s, e_, confidence.features(h.similarity, h.syllables, prob, on_words)
            )
        )
    return out


def forbidden_findings(v: CallView, rules: RuleSet) -> FamilyResult:
    """服务禁语 in the agent's speech (and, on mono, in speech that may be the agent's)."""
    out = []
    for u, mt in zip(v.candidates, v.cand_prepared, strict=True):
        p_agent = u.role_confidence if u.speaker == AGENT else 1 - u.role_confidence
        for c in forbidden_candidates(u, mt, rules):
            out.append(
                _finding(
                    v.ev,
                    rule_id=c.entry.rule_id,
                    start=c.start,
                    end=c.end,
                    severity=c.entry.severity,
                    evidence=c.match.matched_text,
                    conf=confidence.score(c.features, rules.confidence, p_agent),
                    lexicon_entry=c.match.pattern,
                    similarity=c.match.similarity,
                    detail=c.entry.norm,
                    pending=v.ev.mono and p_agent < rules.roles.sure_agent_prob,
                )
            )
    return FamilyResult(one_per_sentence(out, rules.matching.utterance_gap_s))


def one_per_sentence(found: list[Finding], gap_s: float) -> list[Finding]:
    """A phrase rule's findings that abut (no pause of `gap_s` between them) are one
    sentence said once: a mono line split at a role change (不是我处理的你 | 冲我喊什么) is
    reviewed once. The merged finding spans both, keeps the surer one's match, and deducts
    if either would."""
    out: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.rule_id, f.start or 0.0)):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.rule_id == f.rule_id
            and None not in (prev.end, f.start)
            and f.start - prev.end <= gap_s
        ):
            best = max(prev, f, key=lambda x: x.confidence)
            out[-1] = replace(
                best,
                start=prev.start,
                end=max(prev.end, f.end or prev.end),
                evidence=f"{prev.evidence}…{f.evidence}",
                pending=prev.pending and f.pending,
            )
            continue
        out.append(f)
    return sorted(out, key=lambda f: (f.start or 0.0, f.rule_id))


def required_findings(v: CallView, rules: RuleSet) -> FamilyResult:
    """Required phrases within their windows, searched in the window's joined text so that
    a phrase split across two utterances (感谢 | 您的来电) still counts."""
    ev, out, na = v.ev, [], []
    for entry in rules.required.values():
        if not entry.rule_id:
            continue
        # Mono: roles are uncertain and a phrase's first word often lands in the other
        # turn (…没有了,感谢 | 您的来电,再见), so the window counts every utterance, twice as many.
        pool = v.utts if ev.mono else v.candidates
        win = entry.window.doubled_utterances() if ev.mono else entry.window
        idx = window_indices(pool, win)
        joined = "".join(pool[i].text for i in idx)
        if match_entry(entry, prepare(joined, rules.segmenter)):
            continue
        if entry.in_other_words and any(
            names_all(entry.in_other_words, prepare(pool[i].text)) for i in idx
        ):
            continue  # the script's sense in the agent's own words
        if _unheard(pool, win, v.holes, rules.timing.uncovered_speech.window_reach_s):
            na.append(entry.rule_id)
            continue
        where = f"{pool[idx[0]].start:.2f}-{pool[idx[-1]].end:.2f}s" if idx else "no agent speech"
        out.append(
            _finding(
                ev,
                rule_id=entry.rule_id,
                start=None,
                end=None,
                severity=entry.severity,
                evidence="；".join(pool[i].text for i in idx)[:120] or "（坐席无语音）",
                conf=absence_confidence([pool[i] for i in idx] or v.utts, ev.mono),
                lexicon_entry=entry.id,
                detail=f"{entry.norm} searched {where}",
            )
        )
    return FamilyResult(out, na)


def absence_confidence(window: list[Utterance], mono: bool) -> float:
    """P(a phrase that is not in the transcript really was not said) in a window: the ASR's
    mean word probability there (a phrase the ASR misheard would still have been said),
    times, on mono calls, the mean P(agent) of the window's utterances (an agent turn given
    to the caller would hide the phrase). A window without words: what the call's words
    say of the ASR's reliability."""
    probs = [w.probability for u in window for w in u.words]
    heard = confidence.mean(probs)
    roles = confidence.mean([u.role_confidence for u in window]) if mono else 1.0
    return (heard if heard is not None else 1.0) * (roles if roles is not None else 1.0)


def timing_findings(v: CallView, rules: RuleSet) -> FamilyResult:
    """Holds, dead air, answer time, speech rate, hang-up and interruptions."""
    ev, t, na = v.ev, rules.timing, []
    script = {
        k: {i for i, mt in enumerate(v.agent_prepared) if match_entry(rules.required[k], mt)}
        for k in HOLD_SCRIPT
        if k in rules.required
    }
    speech_all = [iv for ivs in ev.speech.values() for iv in ivs] or [
        Interval(u.start, u.end) for u in v.utts
    ]
    if ev.meta.holds is not None:
        lookups = timing.cti_lookups(
            list(ev.meta.holds), v.agent, script.get("hold_request", set()), t.hold
        )
    else:
        lookups = timing.infer_lookups(
            v.agent,
            script.get("hold_request", set()),
            script.get("hold_checkin", set()),
            speech_all,
            t.hold,
        )
    m = t.measurement
    hits = timing.hold_hits(lookups, t.hold, m)
    hits += timing.dead_air(speech_all, lookups, t.dead_air, m)
    hits += timing.slow_answer(ev.meta.ring_seconds, t.answer, m)
    hits += timing.speech_rate(v.agent, t.speech_rate, m)
    hits += timing.hangup(ev.meta.hangup_by, t.hangup)
    if ev.mono:
        na.append(t.interruption.rule_id)
    else:
        caller_speech = list(ev.speech.get(CALLER, ())) or [
            Interval(u.start, u.end) for u in v.utts if u.speaker == CALLER
        ]
        hits += timing.interruptions(
            v.agent, caller_speech, list(ev.speech.get(AGENT, ())), t.interruption, m
        )
    blind = t.uncovered_speech
    quality = t.recording_quality
    degraded = bool(crosstalk.judge_recording(ev.recording, quality))
    if degraded:
        na += [r for r in quality.rules if r not in na]
    kept = []
    for h in hits:
        if degraded and h.rule_id in quality.rules:
            continue
        if (
            h.rule_id in blind.rules
            and h.start is not None
            and any(x.end > h.start - blind.lookback_s and x.start < h.end for x in v.holes)
        ):
            na.append(h.rule_id)
        else:
            kept.append(h)
    out = [
        _finding(
            ev,
            rule_id=h.rule_id,
            start=h.start,
            end=h.end,
            severity=rules.severities[h.rule_id],
            evidence=h.evidence,
            conf=h.confidence * _heard_near(v, h, blind.lookback_s),
            lexicon_entry="timing",
            detail=h.detail,
        )
        for h in kept
    ]
    return FamilyResult(out, na, lookups=lookups)


def _heard_near(v: CallView, h: timing.Hit, lookback_s: float) -> float:
    """The evidence around a timing hit: the share of the agent's speech near it (from
    `lookback_s` before it to its end; the whole call for a call-level hit) that has words,
    times, on mono calls, the mean P(agent) of the agent's turns there."""
    lo, hi = (h.start - lookback_s, h.end) if h.start is not None else (float("-inf"), float("inf"))
    speech = [iv for k in (AGENT, MIX) for iv in v.ev.speech.get(k, ())]
    said = sum(max(0.0, min(hi, iv.end) - max(lo, iv.start)) for iv in speech)
    lost = sum(max(0.0, min(hi, iv.end) - max(lo, iv.start)) for iv in v.holes)
    share = 1.0 - lost / said if said > 0 else 1.0
    if not v.ev.mono:
        return share
    near = [u.role_confidence for u in v.agent if u.end > lo and u.start < hi]
    roles = confidence.mean(near)
    return share * (roles if roles is not None else 1.0)


def _unheard(pool: list[Utterance], win: Window, holes: list[Interval], reach_s: float) -> bool:
    """Could a required phrase be in agent speech that has no transcript? Then its absence
    proves nothing (a window with no bound covers the whole call; one bounded by utterances
    alone reaches `reach_s`)."""
    if not holes:
        return False
    if win.at_start:
        reach = (pool[0].start if pool else float("inf")) + _or(win.first_seconds, reach_s)
        return any(h.start < reach for h in holes)
    if win.at_end:
        reach = (pool[-1].end if pool else float("-inf")) - _or(win.last_seconds, reach_s)
        return any(h.end > reach for h in holes)
    return True


def _or(x: float | None, unset: float) -> float:
    return unset if x is None else x


def window_indices(agent: list[Utterance], w: Window) -> list[int]:
    """Indices of the agent utterances a required phrase may appear in."""
    n = len(agent)
    if not n:
        return []
    if w.at_start:
        t0 = agent[0].start
        k = n if w.first_utterances is None else w.first_utterances
        lim = _or(w.first_seconds, float("inf"))
        return [i for i in range(min(k, n)) if agent[i].start - t0 <= lim]
    if w.at_end:
        t1 = agent[-1].end
        k = n if w.last_utterances is None else w.last_utterances
        lim = _or(w.last_seconds, float("inf"))
        return [i for i in range(max(0, n - k), n) if t1 - agent[i].end <= lim]
    return list(range(n))


# Every rule family, in the order they run: one check each, one result type.
FAMILIES: dict[RuleFamily, FamilyCheck] = {
    RuleFamily.FORBIDDEN: forbidden_findings,
    RuleFamily.REQUIRED: required_findings,
    RuleFamily.TIMING: timing_findings,
    RuleFamily.SITUATION: situation_findings,
    RuleFamily.MANNER: manner_findings,
}


def smoke_test(rules: RuleSet) -> None:
    """Runs every rule family once on a tiny made-up call: a lexicon set that cannot
    work fails here, at start-up, not in the middle of a night."""
    from scorers.types import CallMeta

    meta = CallMeta(
        "smoke", "0", "-", "2026-01-01T00:00:00+08:00", ring_seconds=20.0, hangup_by="agent"
    )
    words = (Word(1.0, 3.0, "您好请问有什么可以帮您"),)
    utts = (
        Utterance(AGENT, 1.0, 3.0, "您好请问有什么可以帮您", words),
        Utterance(CALLER, 2.0, 6.0, "我想问一下养老保险怎么办"),
        Utterance(AGENT, 5.0, 8.0, "请稍等不要挂机"),
    )
    speech = {AGENT: (Interval(1.0, 3.0), Interval(5.0, 8.0)), CALLER: (Interval(2.0, 6.0),)}
    evaluate(CallEvidence(meta, 60.0, False, utts, speech), rules)
    evaluate(CallEvidence(meta, 60.0, True, utts, {MIX: speech[AGENT]}), rules)
