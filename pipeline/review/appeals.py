"""Agents' appeals (申诉): an agent disputes a finding or a manual score with a reason; an
inspector upholds or overturns it. Every step is a row appended to appeals.parquet with who
and when; scores change only on an overturn, through the same decision tables an
inspector's review writes (reviews, manual_scores), so a rescore applies them."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from pipeline.review.decisions import append_row, record_decision, record_manual_score
from pipeline.store.storage import Store

RULINGS = ("upheld", "overturned")


def appeals(out: str) -> list[dict]:
    """One row per appeal, its steps folded: status open | upheld | overturned."""
    return fold(Store(out).read_rows("appeals"))


def fold(rows: list[dict]) -> list[dict]:
    """appeals.parquet's step rows (of any nights) -> one row per appeal, oldest first."""
    by_id: dict[str, dict] = {}
    for r in sorted(rows, key=lambda r: r["at"]):
        if r["step"] == "opened":
            by_id[r["appeal_id"]] = {**r, "reason": r["text"], "opened_by": r["who"],
                                     "opened_at": r["at"], "status": "open", "ruling": "",
                                     "decided_by": "", "decided_at": ""}  # fmt: skip
        elif r["appeal_id"] in by_id:
            by_id[r["appeal_id"]].update(
                status=r["step"], ruling=r["text"], decided_by=r["who"], decided_at=r["at"]
            )
    return sorted(by_id.values(), key=lambda a: a["opened_at"])


def open_appeal(
    out: str,
    agent_id: str,
    reason: str,
    finding_id: str = "",
    call_id: str = "",
    item_id: str = "",
) -> dict:
    """The agent's own finding (finding_id), or the manual score of one of the agent's
    calls (call_id + item_id); one open appeal per target."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("an appeal needs the agent's reason")
    store = Store(out)
    if finding_id:
        f = next((f for f in store.read_rows("findings") if f["finding_id"] == finding_id), None)
        if f is None:
            raise FileNotFoundError(f"no finding {finding_id}")
        if f["review"] == "rejected":
            raise ValueError("这条发现已被驳回，不扣分，无需申诉 (the finding is already rejected)")
        kind, call_id, owner = "finding", f["call_id"], f["agent_id"]
    else:
        scored = [m for m in store.read_rows("manual_scores") if (m["call_id"], m["item_id"]) == (call_id, item_id)]  # fmt: skip
        call = next((c for c in store.read_rows("call_scores") if c["call_id"] == call_id), None)
        if not scored or call is None:
            raise FileNotFoundError(f"no manual score of {item_id} for call {call_id}")
        kind, owner = "manual", call["agent_id"]
    if owner != agent_id:
        raise PermissionError(f"agent {agent_id} can appeal only their own calls")
    target = (kind, finding_id, call_id, item_id)
    if any((a["kind"], a["finding_id"], a["call_id"], a["item_id"]) == target and a["status"] == "open" for a in appeals(out)):  # fmt: skip
        raise ValueError("this is already under appeal")
    at = datetime.now(UTC).isoformat()
    row = {
        "appeal_id": hashlib.sha256(f"{target}{at}".encode()).hexdigest()[:12],
        "kind": kind,
        "finding_id": finding_id,
        "call_id": call_id,
        "item_id": item_id,
        "agent_id": agent_id,
        "step": "opened",
        "text": reason,
        "points": None,
        "who": agent_id,
        "at": at,
    }
    append_row(store, "appeals", row)
    return row


def decide_appeal(
    out: str,
    appeal_id: str,
    ruling: str,
    comment: str,
    who: str,
    points: float | None = None,
    lexicons: str | None = None,
    items: list | None = None,
) -> dict:
    """Uphold or overturn an open appeal. Overturned: the finding is rejected, or the manual
    item re-scored with `points`, as the inspector's own decision would be."""
    if ruling not in RULINGS:
        raise ValueError("ruling must be upheld or overturned")
    who = (who or "").strip()
    if not who:
        raise ValueError("a ruling needs the reviewer's name")
    a = next((a for a in appeals(out) if a["appeal_id"] == appeal_id), None)
    if a is None:
        raise FileNotFoundError(f"no appeal {appeal_id}")
    if a["status"] != "open":
        raise ValueError(f"appeal {appeal_id} was already {a['status']}")
    if ruling == "overturned":
        note = f"申诉改判 appeal {appeal_id}: {comment}".strip()
        if a["kind"] == "finding":
            record_decision(out, a["finding_id"], "rejected", note, who)
        else:
            if points is None:
                raise ValueError("overturning a manual score needs the new points")
            record_manual_score(
                out, a["call_id"], a["item_id"], points, False, note, who, lexicons, items
            )
    row = {**{k: a[k] for k in ("appeal_id", "kind", "finding_id", "call_id", "item_id", "agent_id")},
           "step": ruling, "text": comment, "points": points, "who": who,
           "at": datetime.now(UTC).isoformat()}  # fmt: skip
    append_row(Store(out), "appeals", row)
    return row
