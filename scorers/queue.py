"""The review queue: what needs a human first. One definition of a finding's place in it,
which the judge stores with every finding (`findings.priority`) and the console's queue and
the command line's read, and of whether a finding deducts."""

from __future__ import annotations

from fnmatch import fnmatch


def counts(f: dict) -> bool:
    """Whether a finding deducts: an inspector's verdict decides; without one, a sure finding
    deducts and a 待确认 (pending) one waits."""
    if f["review"]:
        return f["review"] != "rejected"
    return not f.get("pending")


def is_pending(f: dict) -> bool:
    """待确认 and not yet reviewed."""
    return bool(f.get("pending")) and not f["review"]


def queue_row(f: dict, priority: int) -> dict:
    """A finding as a review-queue row (the CLI's queue and the console's)."""
    return {
        "kind": "finding",
        "priority": priority,
        "finding_id": f["finding_id"],
        "call_id": f["call_id"],
        "agent_id": f["agent_id"],
        "rule_id": f["rule_id"],
        "confidence": f["confidence"],
        "evidence": f["evidence"],
    }


PENDING, VETO, LOW, REST, MANUAL_ITEM, DECIDED = -1, 0, 1, 2, 3, 4


def priority(f: dict, rubric_items, review_below: float) -> int:
    """A finding's place in the review queue: decided last, 待确认 first, then veto hits,
    then findings under `review_below` confidence, then the rest."""
    if f["review"]:
        return DECIDED
    if f.get("pending"):
        return PENDING
    if any(fnmatch(f["rule_id"], p) for it in rubric_items if it.veto for p in it.rules):
        return VETO
    return LOW if f["confidence"] < review_below else REST


def review_queue(
    findings: list[dict], call_scores: list[dict], rubric_items, review_below: float
) -> list[dict]:
    """What needs a human first: 待确认 findings (they deduct nothing until confirmed), veto
    hits, then findings below `review_below` confidence (lexicons/confidence.yaml), then the
    rest, then manual items per call."""
    q = []
    for f in findings:
        if f["review"]:
            continue
        stored = f.get("priority")  # the judge's; a folder judged before it was stored has none
        q.append(queue_row(f, stored if stored is not None else priority(f, rubric_items, review_below)))
    for c in call_scores:
        for item in c["manual_items"]:
            q.append(
                {
                    "kind": "manual",
                    "priority": MANUAL_ITEM,
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
