"""Transcribed call records → every output table's rows (rules, rubric, scorecards).

No ASR, no audio: `hotline-qa rescore` runs exactly this on stored rows.
"""

from __future__ import annotations

import json
import os
from fnmatch import fnmatch

from pipeline.stages import evidence_from_record, utterance_to_dict
from scorers import coverage
from scorers import reviews as reviewing
from scorers.engine import build_rules, evaluate
from scorers.rubric import item_for_rule, parse_rubric, score_call
from scorers.scorecard import build_scorecards
from scorers.types import Interval, Rejection, finding_ids
from scorers.utterances import redact, redact_words

PER_CALL = ("calls", "utterances", "speech", "findings", "call_scores", "rejected", "redactions")
PARALLEL_MIN_CALLS = 400  # below this, starting worker processes costs more than it saves


def build_tables(
    records: list[dict],
    rejections: list[Rejection],
    cfg: dict,
    reviews: list[dict],
    processes: int | None = None,
) -> dict[str, list[dict]]:
    """Every table's rows. Calls are independent, so big batches (rescore of a month) are
    split over worker processes; the result is the same rows in the same order."""
    decided: dict[str, list[dict]] = {}
    for r in reviewing.latest(reviews):
        decided.setdefault(r.get("call_id") or "", []).append(r)
    records = sorted(records, key=lambda r: r["meta"]["call_id"])
    procs = processes or os.cpu_count() or 1
    if procs > 1 and len(records) >= PARALLEL_MIN_CALLS:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        size = -(-len(records) // (procs * 4))
        chunks = [records[i : i + size] for i in range(0, len(records), size)]
        with ProcessPoolExecutor(procs, mp_context=mp.get_context("spawn")) as pool:
            parts = list(
                pool.map(_call_tables, chunks, [cfg] * len(chunks), [decided] * len(chunks))
            )
    else:
        parts = [_call_tables(records, cfg, decided)]
    t: dict[str, list[dict]] = {k: [] for k in PER_CALL}
    t["rejected"] = [
        {"source": r.source, "call_id": r.call_id, "item": r.item, "reason": r.reason}
        for r in rejections
    ]
    for part in parts:
        for k in PER_CALL:
            t[k].extend(part[k])
    t["agent_scorecards"] = build_scorecards(t["call_scores"], t["findings"])
    return t


def _call_tables(
    records: list[dict], cfg: dict, decided: dict[str, list[dict]]
) -> dict[str, list[dict]]:
    """`decided`: the latest review decisions by call id ('' for decisions stored without one)."""
    rules = build_rules(cfg)
    scale, items = parse_rubric(cfg["rubric"])
    t: dict[str, list[dict]] = {k: [] for k in PER_CALL}
    for rec in records:
        m = rec["meta"]
        na: list[str] = []
        if rec["status"] == "rejected":
            t["rejected"].append(
                {
                    "source": rec.get("stage", "audio"),
                    "call_id": m["call_id"],
                    "item": m["audio"],
                    "reason": rec["error"],
                }
            )
        else:
            ev = evidence_from_record(rec)
            out = evaluate(ev, rules)
            na = out.not_assessable
            for u in out.utterances:
                d = utterance_to_dict(u)
                d["text"] = redact(d["text"])
                masked, spans = redact_words(list(u.words))
                for w, txt in zip(d["words"], masked, strict=True):
                    w["text"] = txt
                t["utterances"].append({"call_id": m["call_id"], **d})
                t["redactions"].extend(
                    {"call_id": m["call_id"], "speaker": u.speaker, "start_s": a, "end_s": b}
                    for a, b in spans
                )
            for spk, ivs in rec["speech"].items():
                t["speech"].extend(
                    {"call_id": m["call_id"], "speaker": spk, "start_s": s, "end_s": e}
                    for s, e in ivs
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
                    }
                )
            mine = decided.get(m["call_id"], []) + decided.get("", [])
            for row, hit in zip(rows, reviewing.attach(rows, mine), strict=True):
                if hit is not None:
                    row["review"] = hit[0]["decision"]
                    row["review_match"] = hit[1]
                    row["counted"] = row["review"] != "rejected"
            t["findings"].extend(rows)
            counted = [r["rule_id"] for r in rows if r["counted"]]
            cs = score_call(m["call_id"], m["agent_id"], counted, na, scale, items)
            t["call_scores"].append(
                {
                    "call_id": m["call_id"],
                    "agent_id": m["agent_id"],
                    "agent_name": m.get("agent_name", ""),
                    "team": m.get("team", ""),
                    "started_at": m["started_at"],
                    "score": cs.score,
                    "max_points": cs.max_points,
                    "veto": cs.veto,
                    "items": json.dumps(cs.items, ensure_ascii=False),
                    "violations": sum(cs.counts.values()),
                    "manual_items": list(cs.manual_items),
                }
            )
        t["calls"].append(
            {
                "call_id": m["call_id"],
                "agent_id": m["agent_id"],
                "agent_name": m.get("agent_name", ""),
                "team": m.get("team", ""),
                "started_at": m["started_at"],
                "audio": m["audio"],
                "audio_sha256": rec.get("sha256", ""),
                "duration_s": rec.get("duration"),
                "channels": rec.get("channels"),
                "agent_channel": m.get("agent_channel", "left"),
                "mono": rec.get("mono", False),
                "ring_seconds": m.get("ring_seconds"),
                "hangup_by": m.get("hangup_by"),
                "holds": json.dumps(m["holds"]) if m.get("holds") is not None else None,
                "status": rec["status"],
                "error": rec.get("error", ""),
                "warnings": "; ".join(rec.get("warnings", [])),
                "not_assessable": na,
                "asr_cached": rec.get("asr_cached", False),
                "asr_seconds": rec.get("asr_seconds", 0.0),
                **_coverage_columns(rec),
            }
        )
    return t


COVERAGE_CHANNELS = ("agent", "caller", "mix")


def _coverage_columns(rec: dict) -> dict:
    """Per channel: speech seconds, seconds of speech without words, covered share."""
    out: dict = {
        f"{k}_{m}": None for k in COVERAGE_CHANNELS for m in ("speech_s", "uncovered_s", "coverage")
    }
    holes = rec.get("uncovered") or {}
    for key, ivs in (rec.get("speech") or {}).items():
        cov = coverage.summarize(
            [Interval(a, b) for a, b in ivs], [Interval(a, b) for a, b in holes.get(key, [])]
        )
        out[f"{key}_speech_s"] = cov.speech_s
        out[f"{key}_uncovered_s"] = cov.uncovered_s
        out[f"{key}_coverage"] = round(cov.share, 4)
    decoded = (rec.get("decoded") or {}).get("caller")
    out["caller_transcribed_s"] = (
        coverage.summarize([Interval(a, b) for a, b in decoded], []).speech_s
        if decoded is not None
        else None
    )
    out["uncovered"] = json.dumps(holes) if rec.get("status") != "rejected" else None
    return out


def review_queue(findings: list[dict], call_scores: list[dict], rubric_items) -> list[dict]:
    """What needs a human first: veto hits, then low confidence, then manual items per call."""
    veto_rules = [p for it in rubric_items if it.veto for p in it.rules]
    q = []
    for f in findings:
        if f["review"]:
            continue
        veto = any(fnmatch(f["rule_id"], p) for p in veto_rules)
        q.append(
            {
                "kind": "finding",
                "priority": 0 if veto else (1 if f["confidence"] < 0.8 else 2),
                "finding_id": f["finding_id"],
                "call_id": f["call_id"],
                "agent_id": f["agent_id"],
                "rule_id": f["rule_id"],
                "confidence": f["confidence"],
                "evidence": f["evidence"],
            }
        )
    for c in call_scores:
        for item in c["manual_items"]:
            q.append(
                {
                    "kind": "manual",
                    "priority": 3,
                    "finding_id": "",
                    "call_id": c["call_id"],
                    "agent_id": c["agent_id"],
                    "rule_id": item,
                    "confidence": None,
                    "evidence": "需人工评分",
                }
            )
    return sorted(
        q,
        key=lambda x: (
            x["priority"],
            x["confidence"] if x["confidence"] is not None else 1,
            x["call_id"],
        ),
    )
