"""Situational norms (三/四/五/六): "the agent must say B within N turns or S seconds
after the caller says A", plus the silent-line protocol and the scripts that end a call
lawfully without the closing. Plain data in (one call's utterances with roles, speech
intervals, compiled cues), plain data out (hits, the situations that occurred, the rules
an exemption silences). The rules themselves are data: lexicons/situations.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from scorers import confidence, intents
from scorers.config import (
    Cue,
    Exemption,
    Intents,
    Matching,
    PhraseSpec,
    SituationKind,
    SituationRule,
    Situations,
    Trigger,
)
from scorers.phrases import (
    PhraseEntry,
    Segmenter,
    compile_entries,
    match_entry,
    names_all,
    prepare,
    sounds,
    sounds_at_word,
)
from scorers.types import AGENT, CALLER, Interval, Utterance

# A situational finding's evidence is what set it off; its response is what the agent said in
# the window. The console shows the two side by side. Each is cut to EVIDENCE_CHARS.
EVIDENCE_CHARS = 240
# How findings judged by earlier versions joined the two in one column; still read.
EVIDENCE_SEP = " ｜ "


def evidence_parts(evidence: str, response: str | None = None) -> tuple[str, str]:
    """A finding's trigger and response halves: the two columns, or the one joined column of
    a finding stored before they were apart."""
    if response is not None:
        return evidence.strip(), response.strip()
    said, _, answer = evidence.partition(EVIDENCE_SEP)
    return said.strip(), answer.strip()


@dataclass(frozen=True)
class CompiledCue:
    phrases: PhraseEntry | None
    intents: tuple[str, ...]
    unless: tuple[str, ...]  # as pinyin tokens: a homophone (射保 for 社保) negates as well


@dataclass(frozen=True)
class CompiledRule:
    spec: SituationRule
    trigger: CompiledCue
    expect: CompiledCue
    refuse: CompiledCue
    needs: tuple[tuple[str, ...], ...] = ()  # the trigger's second check, as pinyin tokens
    yields_to: tuple[CompiledRule, ...] = ()  # more specific situations read first


def _with_yields(rules: list[CompiledRule]) -> list[CompiledRule]:
    """Each rule with the rules it yields to, resolved with their own (a line an upset
    caller's words share with a complaint about waiting yields to the wait rule, which yields
    to praise in turn); a rule that yields to itself through others is an error."""
    by_id = {r.spec.id: r for r in rules}
    done: dict[str, CompiledRule] = {}

    def resolve(rid: str, path: tuple[str, ...]) -> CompiledRule:
        if rid in done:
            return done[rid]
        r = by_id[rid]
        unknown = [x for x in r.spec.trigger.yields_to if x not in by_id or x == rid]
        if unknown:
            raise ValueError(f"situation {rid}: yields_to unknown rule(s) {unknown}")
        loop = [x for x in r.spec.trigger.yields_to if x in path]
        if loop:
            raise ValueError(f"situation {rid}: yields_to goes round in a circle through {loop}")
        others = tuple(resolve(x, (*path, rid)) for x in r.spec.trigger.yields_to)
        done[rid] = replace(r, yields_to=others) if others else r
        return done[rid]

    return [resolve(r.spec.id, ()) for r in rules]


@dataclass(frozen=True)
class CompiledExemption:
    spec: Exemption
    phrases: PhraseEntry | None
    needs: tuple[tuple[str, ...], ...] = ()  # as pinyin tokens


@dataclass(frozen=True)
class CompiledSituations:
    cfg: Situations
    intents: Intents
    rules: tuple[CompiledRule, ...]
    exemptions: tuple[CompiledExemption, ...]
    # Agent lines that end the call (the closing script): no reply is due after them.
    closing: tuple[PhraseEntry, ...] = ()


def _cue(c: Cue, name: str, matching: Matching) -> CompiledCue:
    entry = None
    if c.phrases:
        (entry,) = compile_entries((PhraseSpec(id=name, patterns=c.phrases),), matching)
    return CompiledCue(entry, c.intents, sounds(c.unless))


def compile_situations(
    cfg: Situations, intent_cfg: Intents, matching: Matching, closing: tuple[PhraseEntry, ...]
) -> CompiledSituations:
    known = set(intent_cfg.classes)
    rules = []
    for r in cfg.rules:
        raised = r.trigger.raised.intents if r.trigger.raised else ()
        for names in (
            r.trigger.intents,
            r.expect.intents,
            r.refuse.intents,
            raised,
            tuple(x.intent for x in r.trigger.unsure_with),
        ):
            missing = [i for i in names if i not in known]
            if missing:
                raise ValueError(f"situation {r.id}: unknown intent class(es) {missing}")
        rules.append(
            CompiledRule(
                r,
                _cue(r.trigger, r.id + ":trigger", matching),
                _cue(r.expect, r.id + ":expect", matching),
                _cue(r.refuse, r.id + ":refuse", matching),
                tuple(sounds(g) for g in r.trigger.needs),
            )
        )
    rules = _with_yields(rules)
    for e in cfg.exemptions:
        missing = [i for i in e.intents if i not in known]
        if missing:
            raise ValueError(f"exemption {e.id}: unknown intent class(es) {missing}")
    exemptions = tuple(
        CompiledExemption(
            e,
            compile_entries((PhraseSpec(id=e.id, patterns=e.phrases),), matching)[0]
            if e.phrases
            else None,
            tuple(sounds(g) for g in e.needs),
        )
        for e in cfg.exemptions
    )
    return CompiledSituations(cfg, intent_cfg, tuple(rules), exemptions, closing)


@dataclass(frozen=True)
class CallLines:
    """One call as the situational rules read it."""

    utts: list[Utterance]  # time order, roles assigned
    speech: dict[str, list[Interval]]  # agent / caller (stereo) VAD speech; empty on mono
    duration: float
    hangup_by: str | None
    mono: bool
    holes: list[Interval] = field(default_factory=list)  # agent speech without words
    # utterance index -> its loudness over the speaker's median utterance, dB
    loudness: dict[int, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    rule_id: str
    start: float  # the trigger's start
    trigger_end: float
    end: float  # the end of the response window
    evidence: str  # what set it off
    response: str  # what the agent said in the window
    confidence: float
    detail: str


@dataclass(frozen=True)
class Outcome:
    hits: list[Hit]
    triggered: list[str]  # rules whose situation occurred, violated or not
    not_assessable: list[str]
    silenced: dict[str, str]  # rule id -> the exemption that silences it


def evaluate(call: CallLines, cs: CompiledSituations, segmenter: Segmenter) -> Outcome:
    utts = call.utts
    prepared = [prepare(u.text, segmenter) for u in utts]
    probs = intents.probabilities([u.text for u in utts], cs.intents)
    hits: list[Hit] = []
    triggered: set[str] = set()
    na: set[str] = set()
    for rule in cs.rules:
        if rule.spec.kind == SituationKind.NO_RESPONSE:
            got, occurred, blind = _no_response(call, rule, prepared, cs)
            if blind:
                na.add(rule.spec.id)
        else:
            got, occurred, blind = _respond(call, rule, prepared, probs, cs, segmenter)
            if blind:
                na.add(rule.spec.id)
        hits += got
        if occurred:
            triggered.add(rule.spec.id)
    silenced = exemptions(call, prepared, probs, cs)
    return Outcome(hits, sorted(triggered), sorted(na - triggered), silenced)


# -- cues ---------------------------------------------------------------------------------
def _says(cue: CompiledCue, k: int, prepared, probs, th: Intents) -> float:
    """How surely utterance k says the cue: the phrase's similarity or the best intent
    class's calibrated probability where its score reaches the class's threshold; 0 when it
    does not."""
    best = 0.0
    mt = prepared[k]
    if any(sounds_at_word(u, mt) for u in cue.unless):
        return 0.0  # negated: 我不是要投诉
    if cue.phrases is not None and (m := match_entry(cue.phrases, mt)):
        best = m.similarity / 100.0
    for name in cue.intents:
        p = probs[k].get(name, 0.0) if probs else 0.0
        if p >= th.threshold_for(name):
            best = max(best, intents.calibrated(name, p, th))
    return best


def _trigger_p(rule: CompiledRule, k: int, call: CallLines, prepared, probs, th: Intents) -> float:
    """How surely utterance k sets off the rule's situation (0: it does not): its words
    (phrases, classes, and the second check on the evidence), or a raised voice."""
    spec = rule.spec
    p = _says(rule.trigger, k, prepared, probs, th)
    if p > 0 and rule.needs:
        # A garbled two-syllable word (丑货 for 蠢货) counts only where the class is sure.
        sure = bool(probs) and any(
            probs[k].get(n, 0.0) >= th.threshold for n in spec.trigger.intents
        )
        if not names_all(rule.needs, prepared[k], spec.trigger.needs_edits, short=sure):
            return 0.0  # the words do not carry what the situation needs
    if any(_trigger_p(o, k, call, prepared, probs, th) > 0 for o in rule.yields_to):
        return 0.0  # the line is the more specific situation
    if p == 0 and spec.trigger.raised is not None:
        p = _raised_says(spec.trigger.raised, k, call, probs)
    return p


def _not_another(trigger: Trigger, k: int, probs) -> float:
    """How surely utterance k is not one of the classes that leave the family in doubt
    (`Trigger.unsure_with`): 1 - p for each that reads the line at its level or more."""
    out = 1.0
    for rival in trigger.unsure_with:
        q = probs[k].get(rival.intent, 0.0) if probs else 0.0
        if q >= rival.min_p:
            out = min(out, 1.0 - q)
    return out


def line_triggers(texts: list[str], cs: CompiledSituations, segmenter: Segmenter) -> list[dict]:
    """Per caller line, the word-triggered rules it sets off with their probability: what
    the rules would start from, measured on lines that hold no situation."""
    utts = [Utterance(CALLER, float(i), i + 0.5, t) for i, t in enumerate(texts)]
    call = CallLines(utts, {}, float(len(texts)), None, False)
    prepared = [prepare(t, segmenter) for t in texts]
    probs = intents.probabilities(texts, cs.intents)
    out: list[dict] = [{} for _ in texts]
    for rule in cs.rules:
        if rule.spec.trigger.role != CALLER or rule.spec.trigger.min_speech_s is not None:
            continue
        for k in range(len(texts)):
            p = _trigger_p(rule, k, call, prepared, probs, cs.intents)
            if p > 0:
                out[k][rule.spec.id] = p
    return out


def _raised_says(r, k: int, call: CallLines, probs) -> float:
    """A raised voice with milder words: how surely, 0 when not (`config.Raised`). The
    words still count: a caller who shouts 喂，能听到吗 on a bad line is not upset."""
    loud = call.loudness.get(k)
    if loud is None or loud < r.above_db or not probs:
        return 0.0
    p = max((probs[k].get(name, 0.0) for name in r.intents), default=0.0)
    return round(0.5 + 0.5 * p, 3) if p >= r.min_p else 0.0


def _joined_says(cue: CompiledCue, idx: list[int], utts, segmenter: Segmenter) -> bool:
    """A phrase split across two utterances of the window (对不起，| 给您带来不便) still counts."""
    if cue.phrases is None or not idx:
        return False
    joined = "".join(utts[i].text for i in idx)
    return match_entry(cue.phrases, prepare(joined, segmenter)) is not None


def _role_ok(u: Utterance, role: str, call: CallLines, min_p: float) -> bool:
    return u.speaker == role and (not call.mono or u.role_confidence >= min_p)


# -- respond rules ------------------------------------------------------------------------
def _window(
    call: CallLines, k: int, w_turns: int, w_seconds: float, from_agent: bool, turn_gap_s: float
) -> list[int]:
    """Agent utterances answering trigger utterance k: its next `w_turns` agent turns (the
    trigger's own turn and utterance too when the agent said it) or whatever the agent
    starts within `w_seconds` of its end."""
    utts = call.utts
    t = utts[k]
    out, turns, in_turn, prev_end = [], 0, from_agent, t.end
    for i in range(k if from_agent else k + 1, len(utts)):
        u = utts[i]
        if u.speaker != AGENT:
            in_turn = False
            continue
        if i != k and u.start < t.start:
            continue
        if not in_turn or u.start - prev_end > turn_gap_s:  # a long pause starts a new turn
            turns += 1
            in_turn = True
        prev_end = u.end
        early = u.start <= t.end + w_seconds
        if turns <= w_turns or early:
            out.append(i)
        else:
            break
    return out


def _respond(
    call: CallLines, rule: CompiledRule, prepared, probs, cs: CompiledSituations, segmenter
):
    spec, utts = rule.spec, call.utts
    w = spec.within or cs.cfg.within
    th = cs.intents
    trig: list[tuple[int, float, float]] = []  # (utterance, P(trigger), start)
    if spec.trigger.min_speech_s is not None:
        trig = _narratives(call, spec.trigger.min_speech_s)
        if call.mono and any(
            u.role_confidence < cs.cfg.min_role_prob for u in utts if u.speaker == CALLER
        ):
            return [], False, bool(trig)  # who talked that long is an inference
    else:
        for k, u in enumerate(utts):
            if not _role_ok(u, spec.trigger.role, call, cs.cfg.min_role_prob):
                continue
            p = _trigger_p(rule, k, call, prepared, probs, th)
            if p > 0:
                p = min(p, _not_another(spec.trigger, k, probs))
                trig.append((k, p * (u.role_confidence if call.mono else 1.0), u.start))
    hits, blind, open_until = [], False, float("-inf")
    from_agent = spec.trigger.role == AGENT
    for k, p, t_start in trig:
        if t_start < open_until:
            continue  # said again inside the first one's window: one situation, judged once
        win = _window(call, k, w.turns, w.seconds, from_agent, w.turn_gap_s)
        t = utts[k]
        open_until = max([utts[i].end for i in win], default=t.end + w.seconds)
        said = [i for i in win if _says(rule.expect, i, prepared, probs, th) > 0]
        if not said and _joined_says(rule.expect, win, utts, segmenter):
            said = win[-1:]
        refused = [i for i in win if _says(rule.refuse, i, prepared, probs, th) > 0]
        if spec.refuse_before_expect and said:
            refused = [i for i in refused if i < said[0]]
        w_end = max([utts[i].end for i in win], default=min(call.duration, t.end + w.seconds))
        if not refused and said:
            continue
        if not refused and any(h.end > t.end and h.start < w_end for h in call.holes):
            blind = True  # the answer may be in agent speech without words
            continue
        if (
            not refused
            and call.mono
            and _answer_elsewhere(rule, k, w_end, call, prepared, probs, th)
        ):
            blind = True  # the answer may be in a line given to the caller
            continue
        agent_text = "；".join(utts[i].text for i in win) or "（坐席无应答）"
        who = "坐席" if from_agent else "来电"
        if refused:
            what = f"refused: {utts[refused[0]].text}"
            conf = p
        else:
            what = "expected response not said"
            conf = p * _absence([utts[i] for i in win], call.mono, cs.cfg.heard_in_full)
        hits.append(
            Hit(
                spec.id,
                t_start,
                t.end,
                max(w_end, t.end),
                f"{who}：{t.text}"[:EVIDENCE_CHARS],
                f"坐席应答：{agent_text}"[:EVIDENCE_CHARS],
                conf,
                f"{spec.norm[:60]}… · {what} · trigger {t_start:.2f}-{t.end:.2f}s, "
                f"window to {max(w_end, t.end):.2f}s",
            )
        )
    return hits, bool(trig), blind


def _answer_elsewhere(rule: CompiledRule, k: int, end: float, call: CallLines, prepared, probs,
                      th: Intents) -> bool:  # fmt: skip
    """Mono: is the expected answer said in a line the roles gave to someone other than the
    agent (the trigger's own line, where two voices ran together, or a caller line of the
    window)? Then who said it is an inference, and the rule cannot tell."""
    t = call.utts[k]
    for i, u in enumerate(call.utts):
        if u.speaker == AGENT or u.end <= t.start or u.start >= end:
            continue
        if _says(rule.expect, i, prepared, probs, th) > 0:
            return True
    return False


def _absence(window: list[Utterance], mono: bool, heard_in_full: float) -> float:
    """P(a response missing from the transcript really was not said): 1 where the ASR heard
    the window's words at a mean probability of at least `heard_in_full` (clean telephone
    speech reads 0.75 or more nine times in ten), less in proportion below it, where noise
    may have garbled the answer; on mono calls times the window's mean P(agent)."""
    heard = confidence.mean([w.probability for u in window for w in u.words])
    roles = confidence.mean([u.role_confidence for u in window]) if mono else None
    sure_heard = 1.0 if heard is None else min(1.0, heard / heard_in_full)
    return sure_heard * (1.0 if roles is None else roles)


def _narratives(call: CallLines, min_s: float) -> list[tuple[int, float, float]]:
    """(last utterance, 1.0, start) of each stretch of caller speech at least `min_s` long
    with no agent speech inside or between its utterances (a long narrative nobody
    acknowledged)."""
    agent = call.speech.get(AGENT) or [
        Interval(u.start, u.end) for u in call.utts if u.speaker == AGENT
    ]
    callers = [(k, u) for k, u in enumerate(call.utts) if u.speaker == CALLER]
    out, run_start = [], None
    for j, (k, u) in enumerate(callers):
        run_start = u.start if run_start is None else run_start
        nxt = callers[j + 1][1] if j + 1 < len(callers) else None
        if nxt is not None and not any(a.start < nxt.start and a.end > u.end for a in agent):
            continue
        heard = any(a.start < u.end and a.end > run_start for a in agent)
        if u.end - run_start >= min_s and not heard:
            out.append((k, 1.0, run_start))
        run_start = None
    return out


# -- the silent line (四(六)(七)) ---------------------------------------------------------
def _caller_starts(call: CallLines) -> list[float]:
    sp = call.speech.get(CALLER)
    if sp:
        return sorted(iv.start for iv in sp)
    return sorted(u.start for u in call.utts if u.speaker == CALLER)


def _reply_due(mt, cs: CompiledSituations) -> bool:
    if any(match_entry(e, mt) for e in cs.closing):
        return False
    return any(c in mt.norm for c in cs.cfg.reply_due)


def _no_response(call: CallLines, rule: CompiledRule, prepared, cs: CompiledSituations):
    """A reply was due (greeting, question) and the caller never spoke again: after
    `silence_s` of that the agent must prompt (能听到我的声音吗 / 请您再讲一遍) and then wait
    `wait_s` before saying anything else or hanging up; whatever goodbye follows the wait is
    the agent's to choose. A caller who answers late is dead air's business, not this rule's;
    a caller who hangs up ends the duty. On a mono call the silence is an inference from
    roles: any line after the due one that may be the caller's makes the rule not
    assessable. Returns (hits, occurred, not assessable)."""
    spec, utts = rule.spec, call.utts
    starts = _caller_starts(call)
    last_caller = max(starts, default=float("-inf"))
    due = [
        k
        for k, u in enumerate(utts)
        if u.speaker == AGENT and u.end > last_caller + 0.3 and _reply_due(prepared[k], cs)
    ]
    if not due or rule.expect.phrases is None:
        return [], False, False
    k = due[0]  # the first question the caller left unanswered to the end
    u = utts[k]
    after = [i for i in range(k + 1, len(utts)) if utts[i].speaker == AGENT]
    prompts = [i for i in after if match_entry(rule.expect.phrases, prepared[i])]
    if call.duration - u.end < spec.silence_s and not prompts:
        return [], False, False  # too short to be a silent line
    if call.hangup_by == "caller":
        return [], False, False  # the caller left: the protocol was not the agent's to finish
    if call.mono and any(utts[i].role_confidence < cs.cfg.min_role_prob for i in after):
        return [], False, True  # a line after the question may be the caller's answer
    said = "；".join(utts[i].text for i in after) or "（挂机）"
    if not prompts:
        hit = Hit(
            spec.id,
            u.end,
            min(u.end + spec.silence_s, call.duration),
            call.duration,
            f"来电者无应答 {call.duration - u.end:.0f} 秒"[:EVIDENCE_CHARS],
            f"坐席：{said}"[:EVIDENCE_CHARS],
            _absence([utts[i] for i in after] or [u], call.mono, cs.cfg.heard_in_full),
            f"{spec.norm[:60]}… · no prompt before hanging up · silent from {u.end:.2f}s",
        )
        return [hit], True, False
    # The wait after each prompt: until the agent's next line, or the end of the call.
    waits = []
    for i in prompts:
        nxt = next((utts[j].start for j in after if j > i), call.duration)
        waits.append((nxt - utts[i].end, i))
    waited, last = max(waits)
    if waited >= spec.wait_s:
        return [], True, False
    hit = Hit(
        spec.id,
        u.end,
        utts[last].end,
        call.duration,
        "来电者无应答",
        f"坐席：{said}"[:EVIDENCE_CHARS],
        confidence.beyond(spec.wait_s - waited, 0.3 * 2**0.5),
        f"{spec.norm[:60]}… · waited {waited:.1f}s after the prompt (wait {spec.wait_s:.0f}s)",
    )
    return [hit], True, False


# -- exemptions ---------------------------------------------------------------------------
def exemptions(call: CallLines, prepared, probs, cs: CompiledSituations) -> dict[str, str]:
    """Rules silenced by a script that ends the call lawfully (transfer, silent line,
    harassment): said among the agent's last utterances (its phrases, or its intent classes
    in any wording), followed, where the norm asks for a wait, by that much caller silence
    before the end; or by a caller who never said a word (`caller_silent`)."""
    agent = [k for k, u in enumerate(call.utts) if u.speaker == AGENT]
    starts = _caller_starts(call)
    out: dict[str, str] = {}
    for compiled in cs.exemptions:
        ex, entry = compiled.spec, compiled.phrases
        if ex.caller_silent:
            if caller_never_spoke(call):
                for r in ex.silences:
                    out.setdefault(r, ex.id)
            continue
        for k in agent[-ex.last_turns :]:
            said = entry is not None and match_entry(entry, prepared[k])
            meant = (
                bool(probs)
                and any(probs[k].get(c, 0.0) >= ex.min_p for c in ex.intents)
                and names_all(compiled.needs, prepared[k])
            )
            if not (said or meant):
                continue
            u = call.utts[k]
            if ex.wait_s > 0 and (
                any(s > u.end - 0.3 for s in starts) or call.duration - u.end < ex.wait_s
            ):
                continue
            for r in ex.silences:
                out.setdefault(r, ex.id)
            break
    return out


def caller_never_spoke(call: CallLines) -> bool:
    """Stereo only: no speech on the caller's channel and no caller words. On a mono call
    who spoke is an inference, so it never counts as silence."""
    if call.mono:
        return False
    return not call.speech.get(CALLER) and not any(u.speaker == CALLER for u in call.utts)
