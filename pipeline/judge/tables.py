"""Judge: transcribed call records -> every table's rows (roles, rules, rubric, scorecards).

Pure apart from the worker processes a big batch is split over: the decisions and
voiceprints it needs come in as rows, nothing is read or written. `hotline-qa rescore`
runs exactly this on stored records.
"""

from __future__ import annotations

import os
from dataclasses import asdict

from pipeline.calls.record import CallRecord, utterance_row
from pipeline.judge.workers import pool
from scorers import manner, voices
from scorers import reviews as reviewing
from scorers.config import Config
from scorers.engine import RuleSet, build_rules, evaluate
from scorers.queue import counts, is_pending, priority
from scorers.roles import agent_cluster
from scorers.rubric import item_for_rule, parse_rubric, score_call
from scorers.scorecard import build_scorecards
from scorers.types import Interval, Rejection, finding_ids
from scorers.utterances import merge_intervals, redact, redact_words

PER_CALL = (
    "calls",
    "utterances",
    "internal_utterances",
    "speech",
    "findings",
    "call_scores",
    "rejected",
    "redactions",
)
MANUAL = "manual:"  # key prefix of a call's manual scores in `decided`
PARALLEL_MIN_CALLS = 400  # below this, starting worker processes costs more than it saves


def judge(
    records: list[CallRecord],
    rejections: list[Rejection],
    cfg: Config,
    reviews: list[dict],
    processes: int | None = None,
    manual: list[dict] | None = None,
    voiceprints: list[dict] | None = None,
) -> dict[str, list[dict]]:
    """Every table's rows. Calls are independent, so big batches (rescore of a month) are
    split over worker processes; the result is the same rows in the same order.
    `manual`: manual_scores rows (the latest per call and item counts); `voiceprints`: the
    enrolment rows stored so far (this run's are added)."""
    decided: dict[str, list[dict]] = {}
    for r in reviewing.latest(reviews):
        decided.setdefault(r.get("call_id") or "", []).append(r)
    for r in sorted(manual or [], key=lambda r: r["decided_at"]):
        decided.setdefault(MANUAL + r["call_id"], []).append(r)
    records = sorted(records, key=lambda r: r.meta.call_id)
    rules = build_rules(cfg)  # 0.8 s: built once here, and once per worker process below
    vp_rows, enrol = enrolments(records, rules, voiceprints or [])
    procs = processes or os.cpu_count() or 1
    if procs > 1 and len(records) >= PARALLEL_MIN_CALLS:
        size = -(-len(records) // (procs * 4))
        chunks = [records[i : i + size] for i in range(0, len(records), size)]
        parts = list(
            pool(procs).map(
                _call_tables,
                chunks,
                [cfg] * len(chunks),
                [decided] * len(chunks),
                [enrol] * len(chunks),
            )
        )
    else:
        parts = [_call_tables(records, cfg, decided, enrol, rules)]
    t: dict[str, list[dict]] = {k: [] for k in PER_CALL}
    t["rejected"] = [
        {"source": r.source, "call_id": r.call_id, "item": r.item, "reason": r.reason}
        for r in rejections
    ]
    for part in parts:
        for k in PER_CALL:
            t[k].extend(part[k])
    t["agent_scorecards"] = build_scorecards(t["call_scores"], t["findings"])
    t["voiceprints"] = vp_rows
    return t


def enrolments(
    records: list[CallRecord], rules: RuleSet, stored: list[dict]
) -> tuple[list[dict], dict[str, tuple[float, ...]]]:
    """The voiceprint rows (stored ones, with this run's replacing those of the same call and
    audio) and, per mono call, its agent's enrolled voice from the agent's other calls.

    A mono call enrols its agent cluster only when the script and text alone (without any
    enrolment) decide it with `enrol_min_prob`, so no call's decision depends on the order
    the batch is processed in."""
    vcfg = rules.roles.voice
    rows = {(r["call_id"], r["audio_sha256"]): r for r in stored}
    for rec in records:
        if rec.is_rejected:
            continue
        m = rec.meta
        emb, secs, source = None, 0.0, ""
        if rec.voiceprint:
            (emb, secs), source = rec.voiceprint, "stereo"
        elif rec.mono and rec.voice is not None:
            p0 = agent_cluster(list(rec.utterances), rules.required, rules.roles, rec.voice)
            sure = vcfg.enrol_min_prob
            if p0 is not None and max(p0, 1 - p0) >= sure:
                k = 0 if p0 >= 0.5 else 1
                emb = rec.voice.centroids[k]
                mine = [Interval(w.start, w.end) for w in rec.voice.windows if w.cluster == k]
                secs = sum(iv.length for iv in merge_intervals(mine))  # windows overlap
                source = "mono"
        if emb is not None:
            rows[(m.call_id, rec.sha256)] = {
                "agent_id": m.agent_id,
                "call_id": m.call_id,
                "audio_sha256": rec.sha256,
                "source": source,
                "seconds": round(float(secs), 2),
                "started_at": m.started_at,
                "embedding": [float(x) for x in emb],
            }
    out = sorted(rows.values(), key=lambda r: (r["agent_id"], r["call_id"], r["audio_sha256"]))
    by_agent: dict[str, list[dict]] = {}
    for r in out:
        by_agent.setdefault(r["agent_id"], []).append(r)
    enrol: dict[str, tuple[float, ...]] = {}
    for rec in records:
        if rec.mono and not rec.is_rejected:
            mine = [
                (r["embedding"], r["seconds"])
                for r in by_agent.get(rec.meta.agent_id, [])
                if r["call_id"] != rec.meta.call_id
            ]
            v = voices.mean_voice(mine)
            if v is not None:
                enrol[rec.meta.call_id] = v
    return out, enrol


def _call_tables(
    records: list[CallRecord],
    cfg: Config,
    decided: dict[str, list[dict]],
    enrol: dict[str, tuple[float, ...]] | None = None,
    rules: RuleSet | None = None,
) -> dict[str, list[dict]]:
    """`decided`: the latest review decisions by call id ('' for decisions stored without one);
    `enrol`: mono calls' enrolled agent voices by call id; `rules`: compiled already (a
    worker process compiles its own from `cfg`)."""
    enrol = enrol or {}
    rules = rules or build_rules(cfg)
    scale, items = parse_rubric(cfg.rubric)
    t: dict[str, list[dict]] = {k: [] for k in PER_CALL}
    for rec in records:
        m = rec.meta
        na: list[str] = []
        occurred: list[str] = []
        exempted: dict[str, str] = {}
        if rec.is_rejected:
            t["rejected"].append(
                {"source": rec.stage, "call_id": m.call_id, "item": m.audio, "reason": rec.error}
            )
        else:
            out = evaluate(rec.evidence(enrol.get(m.call_id)), rules)
            na, occurred, exempted = out.not_assessable, out.situations, out.exempted
            # What rescore reads back: the transcript as the rules saw it, never published.
            t["internal_utterances"].extend(
                {"call_id": m.call_id, **utterance_row(u)} for u in rec.utterances
            )
            # What people read: roles assigned, ID-card and phone numbers masked, and how
            # each utterance was said.
            measures = manner.call_measures(out.utterances, rec.levels, rec.pitch, rec.mono)
            for u, said in zip(out.utterances, measures, strict=True):
                d = utterance_row(u) | (asdict(said) if said else {})
                d["text"] = redact(d["text"])
                masked, spans = redact_words(list(u.words))
                for w, txt in zip(d["words"], masked, strict=True):
                    w["text"] = txt
                t["utterances"].append({"call_id": m.call_id, **d})
                t["redactions"].extend(
                    {"call_id": m.call_id, "speaker": u.speaker, "start_s": a, "end_s": b}
                    for a, b in spans
                )
            for spk, ivs in rec.speech.items():
                t["speech"].extend(
                    {"call_id": m.call_id, "speaker": spk, "start_s": iv.start, "end_s": iv.end}
                    for iv in ivs
                )
            rows = []
            for f, fid in zip(out.findings, finding_ids(out.findings), strict=True):
                item = item_for_rule(f.rule_id, items)
                rows.append(
                    {
                        "finding_id": fid,
                        "call_id": f.call_id,
                        "agent_id": f.agent_id,
                        "rule_id": f.rule_id,
                        "start_s": f.start,
                        "end_s": f.end,
                        "severity": f.severity,
                        "evidence": redact(f.evidence),
                        "confidence": f.confidence,
                        "speaker": f.speaker,
                        "lexicon_entry": f.lexicon_entry,
                        "similarity": f.similarity,
                        "detail": f.detail,
                        "rubric_item": item.id if item else "",
                        "review": "",
                        "review_match": "",
                        "counted": True,
                        "clip": "",
                        "trigger_end_s": f.trigger_end,
                        "pending": f.pending,
                        "response_evidence": redact(f.response)
                        if f.trigger_end is not None
                        else None,
                        "family": f.family,
                    }
                )
            mine = decided.get(m.call_id, []) + decided.get("", [])
            for row, hit in zip(rows, reviewing.attach(rows, mine), strict=True):
                if hit is not None:
                    row["review"] = hit[0]["decision"]
                    row["review_match"] = hit[1]
                row["counted"] = counts(row)
                row["priority"] = priority(row, items, cfg.confidence.review_below)
            t["findings"].extend(rows)
            counted = [r["rule_id"] for r in rows if r["counted"]]
            waiting = [r["rule_id"] for r in rows if is_pending(r)]
            entered = {r["item_id"]: r for r in decided.get(MANUAL + m.call_id, [])}
            cs = score_call(m.call_id, m.agent_id, counted, na, scale, items, entered, occurred)
            if_confirmed = (
                score_call(
                    m.call_id, m.agent_id, counted + waiting, na, scale, items, entered, occurred
                ).score
                if waiting
                else cs.score
            )
            t["call_scores"].append(
                {
                    "call_id": m.call_id,
                    "agent_id": m.agent_id,
                    "agent_name": m.agent_name,
                    "team": m.team,
                    "started_at": m.started_at,
                    "score": cs.score,
                    "max_points": cs.max_points,
                    "veto": cs.veto,
                    "items": dict(cs.items),
                    "violations": sum(cs.counts.values()),
                    "manual_items": list(cs.manual_items),
                    "pending": len(waiting),
                    "score_if_confirmed": if_confirmed,
                }
            )
        t["calls"].append(rec.call_row(na, occurred, exempted))
    return t
