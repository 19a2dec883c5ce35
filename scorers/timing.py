"""Timing rules on speech intervals and utterances: no audio, no files.

Each rule takes plain data (utterances, per-speaker speech intervals, the rule's
typed config from lexicons/timing.yaml, `scorers.config`) and returns `Hit`s; `scorers.engine` turns
hits into findings for a call.
"""

from __future__ import annotations

from dataclasses import dataclass

from scorers.confidence import beyond
from scorers.config import (
    Answer,
    DeadAir,
    Hold,
    Interruption,
    Measurement,
    SpeechRate,
    TimedRule,
)
from scorers.text import normalize
from scorers.types import Interval, Utterance
from scorers.utterances import gaps, merge_intervals

EPS = 1e-6


@dataclass(frozen=True)
class Hit:
    rule_id: str
    start: float | None
    end: float | None
    evidence: str
    # P(the measure really is past its threshold), from the margin and the measurement's
    # error (`beyond`); the engine multiplies in coverage and, on mono, role confidence.
    confidence: float = 1.0
    detail: str = ""


@dataclass(frozen=True)
class Lookup:
    """One hold: the time the caller waited for a lookup, with its check-ins."""

    start: float
    end: float
    checkins: tuple[Interval, ...] = ()
    source: str = "audio"  # audio | cti
    requested: bool = True
    stretches: tuple[Interval, ...] = ()  # silent stretches between check-ins


def _snap_start(u: Utterance, speech: list[Interval]) -> float:
    """Word timestamps drift by a few hundred ms; the VAD onset of the same speech is sharper."""
    for iv in speech:
        if iv.end > u.start and iv.start < u.end and abs(iv.start - u.start) < 1.0:
            return max(iv.start, u.start - 1.0)
    return u.start


def interruptions(
    agent: list[Utterance],
    caller_speech: list[Interval],
    agent_speech: list[Interval],
    cfg: Interruption,
    m: Measurement,
) -> list[Hit]:
    """抢话: the agent starts a real sentence while the caller is still speaking.

    The caller's short pauses (commas) are bridged, and the overlap is the caller's speech
    time inside the agent's sentence, as in SCA's 抢话 operator.
    """
    hits = []
    caller = merge_intervals(caller_speech, cfg.caller_pause_join_s)
    raw = merge_intervals(caller_speech, 0.0)
    for u in agent:
        if len(normalize(u.text)) < cfg.min_chars:
            continue
        start = _snap_start(u, agent_speech)
        for iv in caller:
            if iv.start + cfg.delay_s <= start < iv.end:
                ov = sum(max(0.0, min(u.end, c.end) - max(start, c.start)) for c in raw)
                if ov + EPS >= cfg.min_overlap_s:
                    end = min(u.end, iv.end)
                    hits.append(
                        Hit(
                            cfg.rule_id,
                            round(start, 2),
                            round(end, 2),
                            u.text,
                            beyond(ov - cfg.min_overlap_s, m.span_error(False)),
                            f"overlap {ov:.1f}s",
                        )
                    )
                break
    return hits


def infer_lookups(
    agent: list[Utterance],
    requests: set[int],
    checkins: set[int],
    all_speech: list[Interval],
    cfg: Hold,
) -> list[Lookup]:
    """Holds from the audio: a hold request, then both channels silent ≥ min_silence_s.

    The hold runs until the agent resumes with anything but a check-in, so a check-in
    inside a lookup does not end it.
    """
    out: list[Lookup] = []
    busy = merge_intervals(all_speech, 0.0)
    i = 0
    while i < len(agent):
        if i not in requests or i in checkins or (out and agent[i].start < out[-1].end):
            i += 1
            continue
        j = i + 1
        while j < len(agent) and j in checkins:
            j += 1
        t0 = agent[i].end
        t1 = agent[j].start if j < len(agent) else (busy[-1].end if busy else t0)
        silent = [g for g in gaps(busy, t0, t1) if g.length >= 1.0]
        if not silent or max(g.length for g in silent) + EPS < cfg.min_silence_s:
            i += 1
            continue
        hs = silent[0].start
        cis = tuple(Interval(agent[k].start, agent[k].end) for k in range(i + 1, j))
        out.append(_lookup(hs, t1, cis, "audio", True))
        i = j
    return out


def _lookup(
    start: float, end: float, checkins: tuple[Interval, ...], source: str, requested: bool
) -> Lookup:
    edges = [start] + [x for c in checkins for x in (c.start, c.end)] + [end]
    stretches = tuple(Interval(edges[k], edges[k + 1]) for k in range(0, len(edges), 2))
    return Lookup(start, end, checkins, source, requested, stretches)


def cti_lookups(
    holds: list[tuple[float, float]], agent: list[Utterance], requests: set[int], cfg: Hold
) -> list[Lookup]:
    """Lookups from CTI hold events: holds split only by a short check-in are one lookup."""
    groups: list[list[tuple[float, float]]] = []
    for s, e in sorted(holds):
        if groups and s - groups[-1][-1][1] <= cfg.cti_join_gap_s:
            groups[-1].append((s, e))
        else:
            groups.append([(s, e)])
    out = []
    back = cfg.no_request.lookback_s
    for g in groups:
        start, end = g[0][0], g[-1][1]
        cis = tuple(Interval(g[k][1], g[k + 1][0]) for k in range(len(g) - 1))
        asked = any(start - back <= agent[k].end <= start + 2.0 for k in requests)
        out.append(_lookup(start, end, cis, "cti", asked))
    return out


def hold_hits(lookups: list[Lookup], cfg: Hold, m: Measurement) -> list[Hit]:
    hits = []
    tl, nc, nr = cfg.too_long, cfg.no_checkin, cfg.no_request
    for lk in lookups:
        length = lk.end - lk.start
        err = m.span_error(lk.source == "cti")
        if length > tl.max_lookup_s + EPS:
            hits.append(
                Hit(
                    tl.rule_id,
                    round(lk.start, 2),
                    round(lk.end, 2),
                    f"查询保持 {length:.0f} 秒",
                    beyond(length - tl.max_lookup_s, err),
                    f"lookup {length:.1f}s > {tl.max_lookup_s}s ({lk.source})",
                )
            )
        for st in lk.stretches:
            if st.length > nc.checkin_after_s + EPS:
                hits.append(
                    Hit(
                        nc.rule_id,
                        round(st.start, 2),
                        round(st.end, 2),
                        f"保持 {st.length:.0f} 秒未回复",
                        beyond(st.length - nc.checkin_after_s, err),
                        f"silent {st.length:.1f}s without check-in ({lk.source})",
                    )
                )
        if not lk.requested:
            hits.append(
                Hit(
                    nr.rule_id,
                    round(lk.start, 2),
                    round(lk.end, 2),
                    "保持前未说“请稍等，不要挂机”",
                    1.0,  # an absence: the engine weighs how well the agent was heard
                    f"{lk.source} hold without a request",
                )
            )
    return hits


def dead_air(
    all_speech: list[Interval], lookups: list[Lookup], cfg: DeadAir, m: Measurement
) -> list[Hit]:
    """Both channels silent past the threshold, between first and last speech, outside holds."""
    busy = merge_intervals(all_speech, 0.0)
    if not busy:
        return []
    hits = []
    for g in gaps(busy, busy[0].start, busy[-1].end):
        if g.length <= cfg.min_gap_s + EPS:
            continue
        if any(lk.start - 1.0 < g.end and g.start < lk.end + 1.0 for lk in lookups):
            continue
        hits.append(
            Hit(
                cfg.rule_id,
                round(g.start, 2),
                round(g.end, 2),
                f"双方静默 {g.length:.0f} 秒",
                beyond(g.length - cfg.min_gap_s, m.span_error(False)),
                f"silence {g.length:.1f}s",
            )
        )
    return hits


def slow_answer(ring_seconds: float | None, cfg: Answer, m: Measurement) -> list[Hit]:
    if ring_seconds is None or ring_seconds <= cfg.max_ring_s:
        return []
    return [
        Hit(
            cfg.rule_id,
            None,
            None,
            f"振铃 {ring_seconds:.0f} 秒后接听",
            beyond(ring_seconds - cfg.max_ring_s, m.cti_edge_s),
            f"ring {ring_seconds}s",
        )
    ]


def speech_rate(agent: list[Utterance], cfg: SpeechRate, m: Measurement) -> list[Hit]:
    chars = sum(len(normalize(u.text)) for u in agent)
    talk = sum(u.end - u.start for u in agent)
    if chars < cfg.min_chars or talk <= 0:
        return []
    cpm = chars / talk * 60
    if cfg.min_cpm <= cpm <= cfg.max_cpm:
        return []
    side = "过快" if cpm > cfg.max_cpm else "过慢"
    # The character count carries the ASR's errors: the margin is relative to the band.
    excess = cpm / cfg.max_cpm - 1 if cpm > cfg.max_cpm else 1 - cpm / cfg.min_cpm
    conf = beyond(excess, m.rate_rel_error)
    return [
        Hit(cfg.rule_id, None, None, f"语速{side} {cpm:.0f} 字/分", conf, f"{cpm:.0f} chars/min")
    ]


def hangup(hangup_by: str | None, cfg: TimedRule) -> list[Hit]:
    if hangup_by != "agent":
        return []
    # The CTI record says who hung up: nothing measured, nothing to doubt.
    return [Hit(cfg.rule_id, None, None, "咨询员先挂机", 1.0, "hangup_by=agent")]
