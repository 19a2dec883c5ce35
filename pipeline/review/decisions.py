"""Inspector review decisions and the trainers' clip filter, on a run's output folder."""

from __future__ import annotations

from datetime import UTC, datetime
from fnmatch import fnmatch

from pipeline.inputs.config import load_config
from pipeline.store.storage import REVIEWS_LOCK, Store
from scorers.queue import review_queue
from scorers.rubric import RubricItem, parse_rubric


def record_decision(
    out: str, finding_id: str, decision: str, comment: str = "", reviewer: str = ""
) -> dict:
    """Appends to reviews.parquet; the latest decision per finding wins. Survives reruns and rescoring
    because finding ids are stable, the decision keeps a snapshot of the finding to re-attach
    by time if an id changes anyway (`scorers.reviews`), and the reviews table is never
    rebuilt from findings. Decisions have their own lock, so inspectors can decide while a
    run or a rescore holds the folder, and two deciding at once are both kept."""
    if decision not in ("confirmed", "rejected"):
        raise ValueError("decision must be confirmed or rejected")
    reviewer = _reviewer(reviewer)
    store = Store(out)
    known = {f["finding_id"]: f for f in store.read_rows("findings")}
    if finding_id not in known:
        raise FileNotFoundError(f"no finding {finding_id} in {out}/findings.parquet")
    f = known[finding_id]
    row = {
        "finding_id": finding_id,
        **{k: f[k] for k in ("call_id", "rule_id", "lexicon_entry", "start_s", "end_s")},
        "decision": decision,
        "comment": comment,
        "reviewer": reviewer,
        "decided_at": datetime.now(UTC).isoformat(),
    }
    append_row(store, "reviews", row)
    return row


def record_manual_score(
    out: str,
    call_id: str,
    item_id: str,
    points: float | None = None,
    violated: bool = False,
    comment: str = "",
    reviewer: str = "",
    lexicons: str | None = None,
    items: list[RubricItem] | None = None,
) -> dict:
    """An inspector's score of a manual rubric item (e.g. answer_accuracy) for one call.
    `items`: the rubric as the caller has it loaded (the console), else read from `lexicons`."""
    reviewer = _reviewer(reviewer)
    if items is None:
        _, items = parse_rubric(load_config(lexicons).rubric)
    item = next((it for it in items if it.id == item_id and it.manual), None)
    if item is None:
        manual = [it.id for it in items if it.manual]
        raise ValueError(f"'{item_id}' is not a manual rubric item (those are: {manual})")
    store = Store(out)
    if call_id not in {c["call_id"] for c in store.read_rows("call_scores")}:
        raise FileNotFoundError(f"no scored call {call_id} in {out}")
    if item.points > 0:
        if points is None or not 0 <= points <= item.points:
            raise ValueError(f"{item_id} takes 0 to {item.points:g} points")
    else:
        points = 0.0
    row = {
        "call_id": call_id,
        "item_id": item_id,
        "points": float(points),
        "violated": bool(violated),
        "comment": comment,
        "reviewer": reviewer,
        "decided_at": datetime.now(UTC).isoformat(),
    }
    append_row(store, "manual_scores", row)
    return row


def record_line_label(
    out: str, call_id: str, at_s: float, label: str, reviewer: str = "", lexicons: str | None = None
) -> dict:
    """An inspector's 标注 of the transcript line spoken at `at_s`: one of the trigger classes
    (投诉 complaint, 情绪激动 upset …) or "none" (不是 any of them). Appended to
    line_labels.parquet; `hotline-qa learn` refits the trigger model on it."""
    reviewer = _reviewer(reviewer)
    cfg = load_config(lexicons)
    known = sorted({n for r in cfg.situations.rules for n in r.trigger.intents})
    if label not in (*known, "none"):
        raise ValueError(f"label is one of {known} or 'none', not {label!r}")
    store = Store(out)
    utts = store.read_rows("internal_utterances", call_id)
    if not utts:
        raise FileNotFoundError(f"no transcript of call {call_id} in {out}")
    line = min(utts, key=lambda u: (not u["start_s"] <= at_s <= u["end_s"],
                                    abs(u["start_s"] - at_s)))  # fmt: skip
    row = {
        "call_id": call_id,
        "speaker": line["speaker"],
        "start_s": line["start_s"],
        "end_s": line["end_s"],
        "text": line["text"],
        "label": label,
        "reviewer": reviewer,
        "decided_at": datetime.now(UTC).isoformat(),
    }
    append_row(store, "line_labels", row)
    return row


def _reviewer(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValueError("a decision needs the reviewer's name")
    return name


def append_row(store: Store, table: str, row: dict) -> None:
    """Read, append, write (temp file + rename) under the decisions' lock."""
    with store.lock(REVIEWS_LOCK, wait_s=30):
        rows = store.read_rows(table)
        rows.append(row)
        store.write_table(table, rows)


def list_queue(out: str, lexicons: str | None = None) -> list[dict]:
    store = Store(out)
    cfg = load_config(lexicons)
    _, items = parse_rubric(cfg.rubric)
    return review_queue(
        store.read_rows("findings"),
        store.read_rows("call_scores"),
        items,
        cfg.confidence.review_below,
    )


def filter_clips(
    out: str, rule: str = "*", agent: str | None = None, since: str | None = None
) -> list[dict]:
    rows = Store(out).read_rows("clips")
    return [
        r
        for r in rows
        if fnmatch(r["rule_id"], rule)
        and (agent is None or r["agent_id"] == agent)
        and (since is None or r["started_at"][:10] >= since)
    ]
