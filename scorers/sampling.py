"""抽检: which calls an inspector reviews by hand. Pure: call and finding rows in, the plan's
reasons per call out.

Every call with a veto hit, every call with a finding below the review threshold, and a
random share of each agent's calls per ISO week. "Random" is a seeded hash of the call id,
so the same calls and seed give the same sample in any order, on any machine, and a rerun
or a rescore never reshuffles it.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from fnmatch import fnmatch

from scorers.config import Sampling
from scorers.scorecard import period_of

VETO, LOW, RANDOM = "veto", "low_confidence", "random"
NAMES = {VETO: "否决全检", LOW: "低置信全检", RANDOM: "随机抽检"}


def _draw(seed: int, call_id: str) -> str:
    return hashlib.sha256(f"{seed}:{call_id}".encode()).hexdigest()


def sample_calls(
    calls: list[dict],
    findings: list[dict],
    veto_rules: list[str],
    review_below: float,
    plan: Sampling,
) -> dict[str, tuple[str, ...]]:
    """call_id -> the plans that put it in the sample (calls not sampled are absent).
    `calls`: rows with call_id, agent_id, started_at (rejected calls are skipped);
    `findings`: rows with call_id, rule_id, confidence, review; a finding an inspector
    rejected still counts: it was sampled for review."""
    out: dict[str, set[str]] = defaultdict(set)
    for f in findings:
        if plan.veto and any(fnmatch(f["rule_id"], p) for p in veto_rules):
            out[f["call_id"]].add(VETO)
        if plan.low_confidence and f["confidence"] < review_below:
            out[f["call_id"]].add(LOW)
    return combine(out, random_draw(calls, plan))


def combine(flagged: dict[str, set[str]], drawn: list[str]) -> dict[str, tuple[str, ...]]:
    """The plan: the calls findings put in it (call_id -> VETO / LOW reasons) and the
    random draw. The console finds the flagged calls with a query over a quarter's
    findings and calls this."""
    out: dict[str, set[str]] = defaultdict(set)
    for cid, why in flagged.items():
        out[cid] |= why
    for cid in drawn:
        out[cid].add(RANDOM)
    order = (VETO, LOW, RANDOM)
    return {cid: tuple(r for r in order if r in why) for cid, why in out.items()}


def random_draw(calls: list[dict], plan: Sampling) -> list[str]:
    """N % (at least `random_min`) of each agent's calls per ISO week, by the seeded hash."""
    if not (plan.random_share > 0 or plan.random_min > 0):
        return []
    weeks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in calls:
        if c.get("status") == "rejected" or not c.get("started_at"):
            continue
        week = c.get("week") or period_of(c["started_at"], "week")  # given: already known
        weeks[(c["agent_id"], week)].append(c["call_id"])
    out = []
    for ids in weeks.values():
        k = min(len(ids), max(plan.random_min, math.ceil(plan.random_share * len(ids))))
        out += sorted(ids, key=lambda c: _draw(plan.seed, c))[:k]
    return out


def progress(sample: dict[str, tuple[str, ...]], reviewed: set[str]) -> dict[str, tuple[int, int]]:
    """Per plan: (calls reviewed, calls sampled). `reviewed`: calls an inspector has
    finished (every finding decided, every manual item scored)."""
    out = {p: [0, 0] for p in (VETO, LOW, RANDOM)}
    for cid, plans in sample.items():
        for p in plans:
            out[p][1] += 1
            out[p][0] += cid in reviewed
    return {p: (a, b) for p, (a, b) in out.items()}
