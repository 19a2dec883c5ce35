"""Rule health: how often inspectors confirm a rule's hits. Pure: finding rows in, one row
per rule out, with its weekly series and a flag when reviewed hits fall under the floor."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from scorers.config import RuleHealth
from scorers.scorecard import period_of


@dataclass(frozen=True)
class RuleStats:
    rule_id: str
    hits: int
    reviewed: int
    confirmed: int
    weeks: tuple[tuple[str, int, int], ...]  # (ISO week, reviewed, confirmed)
    flagged: bool

    @property
    def share(self) -> float | None:
        """Confirmed among reviewed hits (the rule's precision as inspectors see it)."""
        return self.confirmed / self.reviewed if self.reviewed else None


def rule_health(
    findings: list[dict], started_at: dict[str, str], cfg: RuleHealth
) -> list[RuleStats]:
    """`findings`: rows with rule_id, call_id, review ('' | confirmed | rejected);
    `started_at`: call_id -> the call's start (the week a hit counts in)."""
    hits: dict[str, int] = defaultdict(int)
    weeks: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for f in findings:
        hits[f["rule_id"]] += 1
        if f["review"] in ("confirmed", "rejected"):
            when = started_at.get(f["call_id"])
            w = weeks[f["rule_id"]][period_of(when, "week") if when else "?"]
            w[0] += 1
            w[1] += f["review"] == "confirmed"
    return rule_stats(
        hits, {r: {wk: (a, b) for wk, (a, b) in ws.items()} for r, ws in weeks.items()}, cfg
    )


def rule_stats(
    hits: dict[str, int], weeks: dict[str, dict[str, tuple[int, int]]], cfg: RuleHealth
) -> list[RuleStats]:
    """From counts: hits per rule, and per rule and ISO week (reviewed, confirmed). The
    console counts them with a query over every night and calls this."""
    out = []
    for rule in sorted(hits):
        series = tuple((wk, r, c) for wk, (r, c) in sorted(weeks.get(rule, {}).items()))
        reviewed = sum(r for _, r, _ in series)
        confirmed = sum(c for _, _, c in series)
        flagged = reviewed >= cfg.min_reviewed and confirmed < cfg.floor * reviewed
        out.append(RuleStats(rule, hits[rule], reviewed, confirmed, series, flagged))
    return out
