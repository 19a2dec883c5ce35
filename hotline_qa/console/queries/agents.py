"""The agents' pages (坐席评分): the ranking across the centre and within teams for a
period, and one agent's trends, items and calls. Scorecards are computed from every night's
call scores together: a period's true mean and call count, never a mean of nightly means."""

from __future__ import annotations

from dataclasses import dataclass

from hotline_qa.console.queries import appeals
from hotline_qa.console.queries.store import CALLS, SCORES, ConsoleData, item_column
from scorers.scorecard import PERIODS


@dataclass(frozen=True)
class Bar:
    """One rubric item's mean, as a bar."""

    name: str
    value: float
    points: float
    bad: bool
    veto: bool


@dataclass(frozen=True)
class AgentsView:
    rows: list[dict]  # scorecards with rank, below, bars, violations, trend_scores, appeals
    teams: dict[str, list[dict]]
    period: str
    periods: list[str]
    period_type: str
    period_types: tuple[str, ...]
    target: float
    item_order: list[str]


@dataclass(frozen=True)
class AgentView:
    agent_id: str
    agent_name: str
    team: str
    calls: list[dict]  # one page: call, score, findings
    total: int
    trends: dict[str, list[tuple[str, float, int]]]  # period type -> (period, mean, veto calls)
    bars: list[Bar]
    target: float


def scorecards(db: ConsoleData, period_type: str, period: str = "", agent: str = "",
               detail: bool = True) -> list[dict]:  # fmt: skip
    """Agent scorecards of one kind of period (day, ISO week, month), computed from
    every night's call scores and findings together, as `scorers.scorecard` computes a
    night's: the period's true mean and call count, never a mean of nightly means.
    `period`/`agent` narrow the rows (the trend and the rank in team still see every
    period and agent); `detail`: with the item means and the violations."""
    if period_type not in PERIODS:
        raise ValueError(f"period_type is one of {PERIODS}")
    psql = f"p_{period_type}"
    rows = db.q(
        f"""WITH p AS (SELECT *, {psql} AS period FROM {SCORES}),
        card AS (
          SELECT agent_id, period, count(*) AS calls, round(avg(score), 2) AS mean_score,
            count(*) FILTER (WHERE veto) AS veto_calls,
            coalesce(sum(pending), 0) AS pending,
            arg_max(coalesce(agent_name, ''), lpad(CAST(night AS VARCHAR), 6, '0') || call_id) AS agent_name,
            arg_max(coalesce(team, ''), lpad(CAST(night AS VARCHAR), 6, '0') || call_id) AS team
          FROM p GROUP BY agent_id, period),
        ranked AS (
          SELECT *, lag(mean_score) OVER (PARTITION BY agent_id ORDER BY period) AS prev_mean_score,
            row_number() OVER (PARTITION BY team, period ORDER BY mean_score DESC, agent_id) AS rank_in_team,
            count(*) OVER (PARTITION BY team, period) AS team_size
          FROM card)
        SELECT * FROM ranked WHERE (? = '' OR period = ?) AND (? = '' OR agent_id = ?)
        ORDER BY period, agent_id""",
        [period, period, agent, agent],
    )
    for r in rows:
        r["period_type"] = period_type
        prev = r["prev_mean_score"]
        r["trend"] = None if prev is None else round(r["mean_score"] - prev, 2)
        r["items"], r["violations"] = {}, {}
    if not detail or not rows:
        return rows
    cards = {(r["agent_id"], r["period"]): r for r in rows}
    where = "(? = '' OR period = ?) AND (? = '' OR agent_id = ?)"
    args = [period, period, agent, agent]
    have = set(db.index_table("sx").column_names)
    items = [it for it in db.items if f"i_{it.id}" in have]
    means = ", ".join(f"round(avg({item_column(it.id)}), 2) AS m{i}" for i, it in enumerate(items))
    for r in (
        []
        if not items
        else db.q(
            f"""SELECT agent_id, {psql} AS period, {means} FROM {SCORES}
        WHERE {where.replace("period", psql)} GROUP BY ALL""",
            args,
        )
    ):
        card = cards[(r["agent_id"], r["period"])]
        for i, it in sorted(enumerate(items), key=lambda x: x[1].id):
            if r[f"m{i}"] is not None:
                card["items"][it.id] = r[f"m{i}"]
    for r in db.q(
        f"""WITH p AS (SELECT call_id, night, agent_id, {psql} AS period FROM {SCORES})
        SELECT p.agent_id, p.period, f.rule_id, count(*) AS n
        FROM fx f JOIN p ON f.call_id = p.call_id AND f.night = p.night
        WHERE f.counted AND {where.replace("period", "p.period").replace("agent_id", "p.agent_id")}
        GROUP BY ALL ORDER BY f.rule_id""",
        args,
    ):
        cards[(r["agent_id"], r["period"])]["violations"][r["rule_id"]] = r["n"]
    return rows


def periods(db: ConsoleData, period_type: str) -> list[str]:
    psql = f"p_{period_type}"
    return [r["p"] for r in db.q(
        f"SELECT DISTINCT {psql} AS p FROM {SCORES} ORDER BY p DESC")]  # fmt: skip


def ranking(db: ConsoleData, period_type: str = "day", period: str = "") -> AgentsView:
    """Ranking across the centre and within teams for one period, below-target flagged."""
    known = periods(db, period_type)
    period = period or (known[0] if known else "")
    rows = sorted(
        scorecards(db, period_type, period) if period else [],
        key=lambda c: (-c["mean_score"], c["agent_id"]),
    )
    series: dict[str, list[float]] = {}
    shown = {c["agent_id"] for c in rows}
    for c in scorecards(db, period_type, detail=False):
        if c["agent_id"] in shown:
            series.setdefault(c["agent_id"], []).append(c["mean_score"])
    counts = appeals.counts(db)
    out = []
    for rank, c in enumerate(rows, start=1):
        items = c["items"] or {}
        out.append(
            {
                **c,
                "rank": rank,
                "below": c["mean_score"] < db.target,
                "bars": _bars(db, items, c["veto_calls"]),
                "violations": {db.rule_name(k): v for k, v in (c["violations"] or {}).items()},
                "trend_scores": series.get(c["agent_id"], []),
                "appeals": counts.get(c["agent_id"], {}),
            }
        )
    teams: dict[str, list[dict]] = {}
    for r in out:
        teams.setdefault(r["team"] or "-", []).append(r)
    return AgentsView(
        rows=out,
        teams=teams,
        period=period,
        periods=known,
        period_type=period_type,
        period_types=PERIODS,
        target=db.target,
        item_order=[it.name for it in db.items if it.points],
    )


def _bars(db: ConsoleData, items: dict, veto_calls: int) -> list[Bar]:
    bars = []
    for it in db.items:
        if it.id not in items or not it.points:
            continue
        share = items[it.id] / it.points
        bars.append(
            Bar(
                name=it.name,
                value=items[it.id],
                points=it.points,
                # A veto item whose calls were vetoed is red whatever its mean says.
                bad=share < 0.8 or (it.veto and veto_calls > 0),
                veto=it.veto and veto_calls > 0,
            )
        )
    return bars


def agent(
    db: ConsoleData, agent_id: str, offset: int = 0, limit: int | None = None
) -> AgentView | None:
    """One agent's trends, this month's items and calls (newest first; one page of
    them with `limit`)."""
    cards = {kind: scorecards(db, kind, agent=agent_id, detail=kind == "month")
             for kind in PERIODS}  # fmt: skip
    if not cards["month"]:
        return None
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit else ""
    calls = db.q(
        f"""SELECT c.call_id, c.started_at, c.status, s.score, s.veto, s.pending,
            count(*) OVER () AS total
        FROM {CALLS} c LEFT JOIN {SCORES} s USING (call_id)
        WHERE c.agent_id = ? ORDER BY c.started_at DESC NULLS LAST, c.call_id{page}""",
        [agent_id],
    )
    ids = [c["call_id"] for c in calls]
    mine: dict[str, list[dict]] = {}
    if ids:
        marks = ", ".join("?" * len(ids))
        for f in db.q(
            f"""SELECT DISTINCT ON (finding_id) finding_id, call_id, rule_id, start_s FROM fx
            WHERE call_id IN ({marks}) AND coalesce(review, '') <> 'rejected'
            ORDER BY finding_id, night DESC""",
            ids,
        ):
            mine.setdefault(f["call_id"], []).append({**f, "rule_name": db.rule_name(f["rule_id"])})
        for fs in mine.values():
            fs.sort(key=lambda f: (f["start_s"] is None, f["start_s"] or 0, f["finding_id"]))
    rows = [
        {
            "call": {k: c[k] for k in ("call_id", "started_at", "status")},
            "score": None
            if c["score"] is None
            else {"score": c["score"], "veto": c["veto"], "pending": c["pending"]},
            "findings": mine.get(c["call_id"], []),
        }
        for c in calls
    ]
    trends = {
        kind: [(c["period"], c["mean_score"], c["veto_calls"]) for c in cards[kind]]
        for kind in PERIODS
    }
    latest = max(cards["month"], key=lambda c: c["period"])
    return AgentView(
        agent_id=agent_id,
        agent_name=latest["agent_name"],
        team=latest["team"],
        calls=rows,
        total=calls[0]["total"] if calls else 0,
        trends=trends,
        bars=_bars(db, latest["items"] or {}, latest["veto_calls"]),
        target=db.target,
    )
