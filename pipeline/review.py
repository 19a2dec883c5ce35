"""Inspector review decisions and the trainers' clip filter, on a run's output folder."""

from __future__ import annotations

from datetime import UTC, datetime
from fnmatch import fnmatch

from pipeline.config import load_config
from pipeline.results import review_queue
from pipeline.storage import Store
from scorers.rubric import parse_rubric


def record_decision(
    out: str, finding_id: str, decision: str, comment: str = "", reviewer: str = ""
) -> None:
    """Appends to reviews.parquet; the latest decision per finding wins. Survives reruns and rescoring
    because finding ids are stable, the decision keeps a snapshot of the finding to re-attach
    by time if an id changes anyway (`scorers.reviews`), and the reviews table is never
    rebuilt from findings."""
    if decision not in ("confirmed", "rejected"):
        raise ValueError("decision must be confirmed or rejected")
    store = Store(out)
    known = {f["finding_id"]: f for f in store.read_rows("findings")}
    if finding_id not in known:
        raise FileNotFoundError(f"no finding {finding_id} in {out}/findings.parquet")
    f = known[finding_id]
    with store.lock():
        rows = store.read_rows("reviews")
        rows.append(
            {
                "finding_id": finding_id,
                **{k: f[k] for k in ("call_id", "rule_id", "lexicon_entry", "start_s", "end_s")},
                "decision": decision,
                "comment": comment,
                "reviewer": reviewer,
                "decided_at": datetime.now(UTC).isoformat(),
            }
        )
        store.write_table("reviews", rows)


def list_queue(out: str, lexicons: str | None = None) -> list[dict]:
    store = Store(out)
    _, items = parse_rubric(load_config(lexicons)["rubric"])
    return review_queue(store.read_rows("findings"), store.read_rows("call_scores"), items)


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
