"""Appeals (申诉): every step folded into one row per appeal, and the counts managers see
beside the ranking."""

from __future__ import annotations

from hotline_qa.console.queries.store import ConsoleData, Night
from pipeline.review.appeals import fold as appeal_fold


def rows(db: ConsoleData, agent: str = "") -> list[dict]:
    """Every appeal of the open nights (one agent's with `agent`), newest first."""
    found = appeal_fold(db.q("SELECT * EXCLUDE (night, day) FROM {appeals}"))
    found = [a for a in found if not agent or a["agent_id"] == agent]
    ids = sorted({a["finding_id"] for a in found if a["kind"] == "finding"})
    rules = {}
    if ids:
        marks = ", ".join("?" * len(ids))
        rules = {r["finding_id"]: r["rule_id"] for r in db.q(
            f"SELECT finding_id, rule_id FROM {{findings}} WHERE finding_id IN ({marks})", ids)}  # fmt: skip
    out = []
    for a in found:
        target = db.item_names.get(a["item_id"], a["item_id"])
        if a["kind"] == "finding":
            rid = rules.get(a["finding_id"])
            target = db.rule_name(rid) if rid else a["finding_id"]
        out.append({**a, "target": target})
    return sorted(out, key=lambda a: a["opened_at"], reverse=True)


def night_of(db: ConsoleData, appeal_id: str) -> Night | None:
    hit = db.q("SELECT max(night) AS n FROM {appeals} WHERE appeal_id = ?", [appeal_id])
    n = hit[0]["n"] if hit else None
    return None if n is None else Night(db.dataset.folders()[n], n)


def counts(db: ConsoleData) -> dict[str, dict[str, int]]:
    """agent_id -> {open, upheld, overturned}: what managers see beside the ranking."""
    out: dict[str, dict[str, int]] = {}
    for a in rows(db):
        c = out.setdefault(a["agent_id"], {"open": 0, "upheld": 0, "overturned": 0})
        c[a["status"]] += 1
    return out
