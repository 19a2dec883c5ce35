"""Rule health (规则健康): per rule its hits, how many inspectors reviewed and the share they
confirmed, overall and per ISO week; a rule under the floor is flagged and listed first."""

from __future__ import annotations

from dataclasses import dataclass

from hotline_qa.console.queries.store import CALLS, ConsoleData
from scorers.rule_health import RuleStats, rule_stats


@dataclass(frozen=True)
class RuleRow:
    rule_id: str
    rule_name: str
    hits: int
    reviewed: int
    confirmed: int
    share: float | None  # confirmed among reviewed
    weeks: tuple[tuple[str, int, int], ...]  # (ISO week, reviewed, confirmed)
    flagged: bool

    @classmethod
    def of(cls, st: RuleStats, name: str) -> RuleRow:
        return cls(st.rule_id, name, st.hits, st.reviewed, st.confirmed, st.share, st.weeks,
                   st.flagged)  # fmt: skip


@dataclass(frozen=True)
class RulesView:
    rows: list[RuleRow]
    floor: float
    min_reviewed: int


def health(db: ConsoleData) -> RulesView:
    """Per rule: hits, reviewed, confirmed share overall and per week, flagged under the
    floor of lexicons/rule_health.yaml."""
    hits = {r["rule_id"]: r["n"] for r in db.q(
        "SELECT rule_id, count(*) AS n FROM fx GROUP BY rule_id")}  # fmt: skip
    weeks: dict[str, dict[str, tuple[int, int]]] = {}
    for r in db.q(
        f"""SELECT f.rule_id, coalesce(c.p_week, '?') AS week,
                   count(*) AS reviewed, count(*) FILTER (WHERE f.review = 'confirmed') AS confirmed
            FROM fx f LEFT JOIN (SELECT call_id, p_week FROM {CALLS}) c USING (call_id)
            WHERE f.review IN ('confirmed', 'rejected') GROUP BY ALL"""
    ):
        weeks.setdefault(r["rule_id"], {})[r["week"]] = (r["reviewed"], r["confirmed"])
    stats = rule_stats(hits, weeks, db.cfg.rule_health)
    rows = [RuleRow.of(st, db.rule_name(st.rule_id)) for st in stats]
    rows.sort(key=lambda r: (not r.flagged, r.share if r.share is not None else 2))
    return RulesView(rows, db.cfg.rule_health.floor, db.cfg.rule_health.min_reviewed)
