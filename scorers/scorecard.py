"""Per-agent scorecards by day, ISO week and month: means, items, violations, trend, rank."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta, timezone

SHANGHAI = timezone(timedelta(hours=8))
PERIODS = ("day", "week", "month")


def period_of(started_at: str, kind: str) -> str:
    d = datetime.fromisoformat(started_at).astimezone(SHANGHAI).date()
    if kind == "day":
        return d.isoformat()
    if kind == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    return f"{d.year}-{d.month:02d}"


def build_scorecards(call_scores: list[dict], findings: list[dict]) -> list[dict]:
    """`call_scores` rows (call_id, agent_id, agent_name, team, started_at, score, veto, items JSON);
    `findings` rows (call_id, rule_id, counted)."""
    viol_by_call: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    pending: dict[str, int] = defaultdict(int)
    for f in findings:
        if f.get("counted", True):
            viol_by_call[f["call_id"]][f["rule_id"]] += 1
        elif f.get("pending") and not f.get("review"):
            pending[f["call_id"]] += 1
    rows = []
    for kind in PERIODS:
        groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for c in call_scores:
            groups[(c["agent_id"], period_of(c["started_at"], kind))].append(c)
        cards = {}
        for (agent, period), calls in groups.items():
            items: dict[str, list[float]] = defaultdict(list)
            viol: dict[str, int] = defaultdict(int)
            for c in calls:
                for k, v in c["items"].items():
                    if v is not None:
                        items[k].append(v)
                for r, n in viol_by_call[c["call_id"]].items():
                    viol[r] += n
            cards[(agent, period)] = {
                "agent_id": agent,
                "agent_name": calls[-1].get("agent_name", ""),
                "team": calls[-1].get("team", ""),
                "period_type": kind,
                "period": period,
                "calls": len(calls),
                "mean_score": round(sum(c["score"] for c in calls) / len(calls), 2),
                "veto_calls": sum(1 for c in calls if c["veto"]),
                "pending": sum(pending[c["call_id"]] for c in calls),
                "items": {k: round(sum(v) / len(v), 2) for k, v in sorted(items.items())},
                "violations": dict(sorted(viol.items())),
            }
        by_agent: dict[str, list[str]] = defaultdict(list)
        for agent, period in cards:
            by_agent[agent].append(period)
        for agent, periods in by_agent.items():
            periods.sort()
            for i, p in enumerate(periods):
                card = cards[(agent, p)]
                prev = cards[(agent, periods[i - 1])]["mean_score"] if i else None
                card["prev_mean_score"] = prev
                card["trend"] = None if prev is None else round(card["mean_score"] - prev, 2)
        by_team: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for card in cards.values():
            by_team[(card["team"], card["period"])].append(card)
        for team_cards in by_team.values():
            team_cards.sort(key=lambda c: (-c["mean_score"], c["agent_id"]))
            for rank, card in enumerate(team_cards, start=1):
                card["rank_in_team"] = rank
                card["team_size"] = len(team_cards)
        rows.extend(sorted(cards.values(), key=lambda c: (c["period"], c["agent_id"])))
    return rows
