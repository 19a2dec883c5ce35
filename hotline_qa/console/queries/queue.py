"""The review queue (复核队列): what needs a human first, filtered and cut to a page in the
query, and the sampling plan (抽检) that decides which calls are drawn."""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch

import pyarrow as pa

from hotline_qa.console.queries.store import CALLS, ConsoleData, glob_sql, rule_glob
from scorers import sampling
from scorers.queue import DECIDED, MANUAL_ITEM, REST


@dataclass
class Filters:
    rule: str = ""
    agent: str = ""
    team: str = ""
    date: str = ""  # YYYY-MM-DD, or a prefix: 2026-11
    status: str = "open"  # open | confirmed | rejected | all
    plan: str = ""  # '' | sampled (any plan) | veto | low_confidence | random


@dataclass(frozen=True)
class QueueRow:
    """One row of the queue: a finding to decide, or a manual item to score."""

    kind: str  # finding | manual
    priority: int  # scorers.queue: -1 待确认, 0 veto, 1 low confidence, 2 rest, 3 manual, 4 decided
    finding_id: str
    call_id: str
    agent_id: str
    rule_id: str
    confidence: float | None
    review: str
    team: str
    evidence: str
    plans: list[str]
    rule_name: str
    date: str


def rows(db: ConsoleData, flt: Filters) -> list[QueueRow]:
    """The whole queue (tests, small nights); the console asks for a page."""
    return page(db, flt)[0]


def page(
    db: ConsoleData, flt: Filters, offset: int = 0, limit: int | None = None
) -> tuple[list[QueueRow], int]:
    """The review queue in the CLI's order (veto hits, low confidence, the rest, manual
    items); with status confirmed/rejected/all, decided findings too. One page of it
    and the number of rows, filtered and cut in the query."""
    drawn, _ = sample(db)
    where = {"open": f"priority < {DECIDED}", "all": "true"}.get(flt.status, "review = ?")
    params: list = []
    if flt.status not in ("open", "all"):
        params.append(flt.status)
    conds = [where]
    if flt.rule:
        conds.append("rule_id GLOB ?")
        params.append(rule_glob(flt.rule))
    for col, value in (("agent_id", flt.agent), ("team", flt.team)):
        if value:
            conds.append(f"{col} = ?")
            params.append(value)
    if flt.date:
        conds.append("starts_with(coalesce(started_at, ''), ?)")
        params.append(flt.date)
    if flt.plan == "sampled":
        conds.append("plans IS NOT NULL")
    elif flt.plan:
        conds.append("list_contains(plans, ?)")
        params.append(flt.plan)
    # The calls and the plan are joined only when a filter needs them; the page's rows
    # get their team and date afterwards (100 rows, not a million).
    joined = bool(flt.team or flt.date)
    calls_cols = ", c.team, c.started_at" if joined else ""
    calls_join = (
        f" LEFT JOIN (SELECT call_id, team, started_at FROM {CALLS}) c USING (call_id)"
        if joined
        else ""
    )
    plan_cols = ", s.plans" if flt.plan else ""
    plan_join = " LEFT JOIN sample s USING (call_id)" if flt.plan else ""
    sql = f"""
        WITH q AS (
          SELECT 'finding' AS kind,
            coalesce(priority, {REST}) AS priority,
            finding_id, call_id, agent_id, rule_id, confidence,
            coalesce(review, '') AS review, night
          FROM fx
          UNION ALL
          SELECT 'manual', {MANUAL_ITEM}, '', call_id, agent_id, unnest(manual_items), NULL, '', night
          FROM sx
        )
        SELECT q.*{calls_cols}{plan_cols} FROM q{calls_join}{plan_join}
        WHERE {" AND ".join(conds)}
    """
    keys = ("priority", "coalesce(confidence, 1)", "call_id", "finding_id", "rule_id")
    extra = {"sample": _sample_table(drawn)} if flt.plan else {}
    total = db.q(f"SELECT count(*) AS n FROM ({sql})", params, extra=extra)[0]["n"]
    if limit and offset > total // 2:
        # A page past the middle is read from the end: a top-N of a page, not a sort
        # of a quarter's million rows.
        n = max(0, min(limit, total - offset))
        desc = " ORDER BY " + ", ".join(f"{k} DESC" for k in keys)
        page = sql + desc + f" LIMIT {n} OFFSET {max(0, total - offset - n)}"
        rows = db.q(page, params, extra=extra)[::-1] if n else []
    else:
        page = sql + " ORDER BY " + ", ".join(keys)
        page += f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit else ""
        rows = db.q(page, params, extra=extra)
    return _rows(db, rows, drawn), total


def _rows(db: ConsoleData, rows: list[dict], drawn: dict) -> list[QueueRow]:
    """A page of queue rows with what the page shows beside each: the call's team and
    date, the evidence, the sampling plans, the rule's name."""
    evidence = _evidence(db, [r for r in rows if r["kind"] == "finding"])
    calls = _calls_of(db, {r["call_id"] for r in rows})
    keep = ("kind", "priority", "finding_id", "call_id", "agent_id", "rule_id",
            "confidence", "review")  # fmt: skip
    return [
        QueueRow(
            **{k: r[k] for k in keep},
            team=calls.get(r["call_id"], {}).get("team") or "",
            evidence=evidence.get(r["finding_id"], "需人工评分"),
            plans=[sampling.NAMES[p] for p in drawn.get(r["call_id"], ())],
            rule_name=db.rule_name(r["rule_id"]),
            date=(calls.get(r["call_id"], {}).get("started_at") or "")[:16].replace("T", " "),
        )
        for r in rows
    ]


def _calls_of(db: ConsoleData, ids: set[str]) -> dict[str, dict]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = db.q(f"SELECT * FROM {CALLS} WHERE call_id IN ({marks})", sorted(ids))
    return {r["call_id"]: r for r in rows}


def _evidence(db: ConsoleData, rows: list[dict]) -> dict[str, str]:
    """finding_id -> evidence, read for these rows only (from their nights' files)."""
    if not rows:
        return {}
    ids = sorted({r["finding_id"] for r in rows})
    marks = ", ".join("?" * len(ids))
    found = db.q(
        f"SELECT finding_id, evidence FROM {{findings}} WHERE finding_id IN ({marks})",
        ids,
        nights=sorted({r["night"] for r in rows}),
    )
    return {r["finding_id"]: r["evidence"] for r in found}


def sample(db: ConsoleData) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, int]]]:
    """The sampling plan (lexicons/sampling.yaml) over the open nights: call_id -> the
    plans that drew it, and per plan (calls reviewed, calls drawn). A call is reviewed
    once every finding is decided and every manual item scored."""
    return db.cached("sample", ("calls", "findings", "call_scores"), lambda: _sample(db))


def _random_draw(db: ConsoleData) -> list[str]:
    """The random part depends on the calls only: kept while decisions come in."""

    def draw() -> list[str]:
        cols = ["call_id", "agent_id", "started_at", "status", "p_week"]
        calls = db.index_table("cx").select(cols).rename_columns([*cols[:-1], "week"]).to_pylist()
        return sampling.random_draw(calls, db.cfg.sampling)

    return db.cached("random_draw", ("calls",), draw)


def _sample(db: ConsoleData) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, int]]]:
    plan = db.cfg.sampling
    flagged = {}
    if plan.veto or plan.low_confidence:
        for r in db.q(
            f"""SELECT call_id, bool_or({glob_sql("rule_id", db.veto_rules)}) AS veto,
                       bool_or(confidence < ?) AS low
                FROM fx GROUP BY call_id HAVING veto OR low""",
            [db.cfg.confidence.review_below],
        ):
            why = {sampling.VETO} if plan.veto and r["veto"] else set()
            why |= {sampling.LOW} if plan.low_confidence and r["low"] else set()
            if why:
                flagged[r["call_id"]] = why
    drawn = sampling.combine(flagged, _random_draw(db))
    still_open = {
        r["call_id"]
        for r in db.q(
            "SELECT DISTINCT call_id FROM fx WHERE coalesce(review, '') = '' "
            "UNION SELECT call_id FROM sx WHERE len(manual_items) > 0"
        )
    }
    return drawn, sampling.progress(drawn, set(drawn) - still_open)


def unknown_filters(db: ConsoleData, flt: Filters) -> list[str]:
    """What in the queue's filters names nothing there is (an empty list when all is
    known): a typo must say so, not show an empty queue."""
    opts = db.options()
    bad = []
    if flt.status not in ("open", "all", "confirmed", "rejected"):
        bad.append(f"状态 status={flt.status}（可选 open、all、confirmed、rejected）")
    if flt.agent and flt.agent not in {a for a, _ in opts["agents"]}:
        bad.append(f"没有坐席 agent={flt.agent}")
    if flt.team and flt.team not in opts["teams"]:
        bad.append(f"没有班组 team={flt.team}")
    if flt.plan and flt.plan != "sampled" and flt.plan not in sampling.NAMES:
        bad.append(f"没有抽样计划 plan={flt.plan}")
    known = set(opts["rules"]) | set(db.cfg.rule_names())
    if flt.rule and not any(fnmatch(r, rule_glob(flt.rule)) for r in known):
        bad.append(f"没有规则 rule={flt.rule}")
    return bad


def _sample_table(sample: dict[str, tuple[str, ...]]) -> pa.Table:
    return pa.table(
        {"call_id": list(sample), "plans": [list(v) for v in sample.values()]},
        schema=pa.schema([("call_id", pa.string()), ("plans", pa.list_(pa.string()))]),
    )
