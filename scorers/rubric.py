"""Rubric maths: findings of one call → item scores and the call score."""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatch

from scorers.config import RubricSpec


@dataclass(frozen=True)
class RubricItem:
    id: str
    name: str
    area: str
    points: float
    deduct: float
    cap: float
    rules: tuple[str, ...]
    veto: bool = False
    manual: bool = False
    when_triggered: bool = False


@dataclass(frozen=True)
class CallScore:
    call_id: str
    agent_id: str
    score: float
    max_points: float
    veto: bool
    items: dict[str, float | None]  # None = not assessable / manual
    counts: dict[str, int] = field(default_factory=dict)  # rule_id -> counted findings
    manual_items: tuple[str, ...] = ()  # manual items still without the inspector's score


def parse_rubric(spec: RubricSpec) -> tuple[float, list[RubricItem]]:
    """The rubric's scale and its items, each with its area; an item's deduction and cap
    default to its points."""
    items = [
        RubricItem(
            id=it.id,
            name=it.name or it.id,
            area=area.name,
            points=it.points,
            deduct=it.points if it.deduct is None else it.deduct,
            cap=it.points if it.cap is None else it.cap,
            rules=it.rules,
            veto=it.veto,
            manual=it.manual,
            when_triggered=it.when_triggered,
        )
        for area in spec.areas
        for it in area.items
    ]
    return spec.scale, items


def item_for_rule(rule_id: str, items: list[RubricItem]) -> RubricItem | None:
    return next((it for it in items if any(fnmatch(rule_id, pat) for pat in it.rules)), None)


def score_call(
    call_id: str,
    agent_id: str,
    rule_ids: list[str],
    not_assessable: list[str],
    scale: float,
    items: list[RubricItem],
    manual: dict[str, dict] | None = None,
    triggered: list[str] | tuple[str, ...] = (),
) -> CallScore:
    """`rule_ids`: one entry per counted finding (rejected review decisions already removed).
    `manual`: the inspector's entries for manual items, {item_id: {points, violated}}.

    Manual items not yet scored and items whose every rule is not assessable are left out
    of the maximum instead of counting as full marks; so are `when_triggered` items whose
    situations (`triggered`: situational rule ids whose trigger occurred) did not occur.
    """
    manual = manual or {}
    counts: dict[str, int] = {}
    for r in rule_ids:
        counts[r] = counts.get(r, 0) + 1
    got, max_pts, veto = 0.0, 0.0, False
    scores: dict[str, float | None] = {}
    for it in items:
        na = it.rules and all(any(fnmatch(x, pat) for x in not_assessable) for pat in it.rules)
        if it.manual and it.id in manual:
            m = manual[it.id]
            s = min(it.points, max(0.0, float(m.get("points") or 0.0)))
            scores[it.id] = s
            got += s
            max_pts += it.points
            veto = veto or (it.veto and bool(m.get("violated")))
            continue
        absent = it.when_triggered and not any(
            fnmatch(x, pat) for x in triggered for pat in it.rules
        )
        if it.manual or na or absent:
            scores[it.id] = None
            continue
        n = sum(c for r, c in counts.items() if any(fnmatch(r, pat) for pat in it.rules))
        s = it.points - min(it.cap, it.deduct * n)
        scores[it.id] = s
        got += s
        max_pts += it.points
        veto = veto or (it.veto and n > 0)
    score = 0.0 if veto or max_pts == 0 else round(got / max_pts * scale, 2)
    open_items = tuple(it.id for it in items if it.manual and it.id not in manual)
    return CallScore(call_id, agent_id, score, max_pts, veto, scores, counts, open_items)
