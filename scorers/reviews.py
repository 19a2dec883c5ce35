"""Inspectors' decisions → the findings they belong to. Plain rows in, plain rows out.

A decision is stored with the finding's id and a snapshot of what the inspector saw (call,
rule, lexicon entry, times). Ids are built to survive ASR jitter (`scorers.types.finding_ids`),
but a lexicon edit or a lost cache can still renumber hits; then the decision re-attaches to
the finding of the same call and rule whose time overlaps the snapshot, and the finding says
so (`review_match` = 'overlap'), so a decision never silently comes unattached or lands on
another hit.
"""

from __future__ import annotations

# How far (s) a re-decoded finding may have moved and still be the one that was decided.
TIME_SLACK_S = 1.0


def latest(reviews: list[dict]) -> list[dict]:
    """The latest decision per finding id."""
    out: dict[str, dict] = {}
    for r in sorted(reviews, key=lambda r: r["decided_at"]):
        out[r["finding_id"]] = r
    return list(out.values())


def _same_place(review: dict, f: dict) -> bool:
    """The review's snapshot and the finding are the same hit in time (or both call-level)."""
    rs, re_ = review.get("start_s"), review.get("end_s")
    if review.get("call_id") is None:  # decided before snapshots were stored: trust the id
        return True
    if rs is None or f["start_s"] is None:
        return rs is None and f["start_s"] is None
    return f["start_s"] < re_ + TIME_SLACK_S and rs - TIME_SLACK_S < f["end_s"]


def _overlap(review: dict, f: dict) -> float:
    if review.get("start_s") is None or f["start_s"] is None:
        return 0.0
    return min(review["end_s"], f["end_s"]) - max(review["start_s"], f["start_s"])


def attach(findings: list[dict], reviews: list[dict]) -> list[tuple[dict, str] | None]:
    """For each finding (rows with finding_id, call_id, rule_id, lexicon_entry, start_s, end_s)
    the (review, how) that decides it, how = 'id' | 'overlap', or None.

    `reviews` should be `latest(...)`. Each review decides at most one finding.
    """
    out: list[tuple[dict, str] | None] = [None] * len(findings)
    by_id = {f["finding_id"]: k for k, f in enumerate(findings)}
    pending = []
    for r in reviews:
        k = by_id.get(r["finding_id"])
        if k is not None and out[k] is None and _same_place(r, findings[k]):
            out[k] = (r, "id")
        else:
            pending.append(r)
    for r in pending:
        if r.get("call_id") is None:
            continue  # no snapshot to match on
        cands = [
            k
            for k, f in enumerate(findings)
            if out[k] is None
            and f["call_id"] == r["call_id"]
            and f["rule_id"] == r["rule_id"]
            and f["lexicon_entry"] == (r.get("lexicon_entry") or f["lexicon_entry"])
            and _same_place(r, f)
        ]
        if cands:
            best = max(cands, key=lambda k: _overlap(r, findings[k]))
            out[best] = (r, "overlap")
    return out
