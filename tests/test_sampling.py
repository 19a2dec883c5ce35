"""The sampling plan (抽检): veto and low-confidence calls always, a seeded share of
each agent's calls per week, reproducible in any order."""

import random

from scorers.config import Sampling
from scorers.sampling import LOW, RANDOM, VETO, progress, sample_calls


def _calls(n_agents=3, per_week=40):
    calls = []
    for a in range(n_agents):
        for k in range(per_week):
            day = 23 + k % 5  # Mon 2026-11-23 .. Fri 11-27: ISO week 48
            calls.append(
                {
                    "call_id": f"a{a}-c{k:03d}",
                    "agent_id": f"800{a}",
                    "started_at": f"2026-11-{day}T10:00:00+08:00",
                    "status": "ok",
                }
            )
    return calls


FINDINGS = [
    {"call_id": "a0-c001", "rule_id": "forbidden.07", "confidence": 0.95, "review": ""},
    {"call_id": "a1-c002", "rule_id": "dead_air", "confidence": 0.55, "review": ""},
    {"call_id": "a2-c003", "rule_id": "dead_air", "confidence": 0.99, "review": "rejected"},
]


def test_veto_and_low_confidence_always_and_a_share_per_agent_and_week():
    s = sample_calls(_calls(), FINDINGS, ["forbidden.*"], 0.8, Sampling(random_share=0.05))
    assert VETO in s["a0-c001"] and LOW in s["a1-c002"]
    assert "a2-c003" not in s or s["a2-c003"] == (RANDOM,)  # sure and not a veto: chance only
    for a in range(3):
        drawn = [c for c, why in s.items() if c.startswith(f"a{a}-") and RANDOM in why]
        assert len(drawn) == 2  # ceil(5 % of 40)


def test_the_sample_is_the_same_in_any_order_and_changes_with_the_seed():
    calls = _calls()
    plan = Sampling()
    a = sample_calls(calls, FINDINGS, ["forbidden.*"], 0.8, plan)
    shuffled = calls[:]
    random.Random(7).shuffle(shuffled)
    assert sample_calls(shuffled, FINDINGS[::-1], ["forbidden.*"], 0.8, plan) == a
    other = sample_calls(calls, FINDINGS, ["forbidden.*"], 0.8, Sampling(seed=1))
    assert {c for c, w in other.items() if RANDOM in w} != {c for c, w in a.items() if RANDOM in w}


def test_an_agent_with_few_calls_still_gets_the_minimum_and_progress_counts():
    calls = _calls(n_agents=1, per_week=3)
    s = sample_calls(calls, [], [], 0.8, Sampling(random_share=0.05, random_min=1))
    assert len(s) == 1
    (cid,) = s
    assert progress(s, set()) == {VETO: (0, 0), LOW: (0, 0), RANDOM: (0, 1)}
    assert progress(s, {cid}) == {VETO: (0, 0), LOW: (0, 0), RANDOM: (1, 1)}


def test_rule_health_flags_a_rule_whose_reviewed_hits_are_mostly_rejected():
    from scorers.config import RuleHealth
    from scorers.rule_health import rule_health

    starts = {f"c{k}": f"2026-11-{20 + k % 10:02d}T10:00:00+08:00" for k in range(40)}
    rows = (
        [
            {
                "rule_id": "dead_air",
                "call_id": f"c{k}",
                "review": "rejected" if k < 8 else "confirmed",
            }
            for k in range(12)
        ]
        + [
            {"rule_id": "forbidden.07", "call_id": f"c{k}", "review": "confirmed"}
            for k in range(12)
        ]
        + [{"rule_id": "speech_rate", "call_id": "c1", "review": "rejected"}]
    )
    stats = {
        s.rule_id: s for s in rule_health(rows, starts, RuleHealth(floor=0.8, min_reviewed=10))
    }
    assert stats["dead_air"].flagged and abs(stats["dead_air"].share - 4 / 12) < 1e-9
    assert not stats["forbidden.07"].flagged and stats["forbidden.07"].share == 1.0
    assert not stats["speech_rate"].flagged  # one review is too few to judge
    assert [w for w, _, _ in stats["dead_air"].weeks] == ["2026-W47", "2026-W48"]
