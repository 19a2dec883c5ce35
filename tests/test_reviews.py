"""Finding ids that survive ASR jitter, and decisions that re-attach when ids change anyway."""

from dataclasses import replace

from scorers.reviews import attach, latest
from scorers.types import Finding, finding_ids


def _f(rule, start, entry="x", call="C1"):
    end = None if start is None else start + 1.5
    return Finding(call, "8001", rule, start, end, "major", "ev", 0.9, lexicon_entry=entry)


def test_ids_ignore_jitter_but_keep_hits_apart():
    fs = [_f("forbidden.17", 12.34), _f("forbidden.17", 40.0), _f("closing.missing", None)]
    jittered = [replace(f, start=f.start + 0.02) if f.start is not None else f for f in fs]
    ids = finding_ids(fs)
    assert ids == finding_ids(jittered)
    assert len(set(ids)) == 3
    # Order of the input does not matter: the ordinal follows time.
    assert finding_ids(list(reversed(fs))) == list(reversed(ids))


def test_ids_differ_by_call_rule_and_entry():
    a = finding_ids([_f("forbidden.17", 1.0)])[0]
    assert a != finding_ids([_f("forbidden.17", 1.0, call="C2")])[0]
    assert a != finding_ids([_f("forbidden.18", 1.0)])[0]
    assert a != finding_ids([_f("forbidden.17", 1.0, entry="y")])[0]


def _row(fid, rule, start, entry="x"):
    return {
        "finding_id": fid,
        "call_id": "C1",
        "rule_id": rule,
        "lexicon_entry": entry,
        "start_s": start,
        "end_s": None if start is None else start + 1.5,
    }


def _review(fid, rule, start, decision="rejected", when="2026-11-29T08:00:00", entry="x"):
    return {**_row(fid, rule, start, entry), "decision": decision, "decided_at": when}


def test_decision_attaches_by_id():
    rows = [_row("a", "forbidden.17", 10.0), _row("b", "forbidden.17", 40.0)]
    got = attach(rows, [_review("b", "forbidden.17", 40.02)])
    assert got[0] is None and got[1][1] == "id"


def test_renumbered_hit_reattaches_by_overlap_not_to_the_wrong_hit():
    # The inspector rejected the second hit (id 'b', at 40 s). A lexicon edit removed the
    # first hit, so the old second hit is now ordinal 0 with id 'a'; and a new hit took 'b'.
    rows = [_row("a", "forbidden.17", 40.1), _row("b", "forbidden.17", 70.0)]
    got = attach(rows, [_review("b", "forbidden.17", 40.0)])
    assert got[1] is None  # same id, but another place in the call
    assert got[0][0]["decision"] == "rejected" and got[0][1] == "overlap"


def test_decision_without_a_matching_hit_attaches_nowhere():
    rows = [_row("a", "forbidden.17", 10.0)]
    assert attach(rows, [_review("z", "forbidden.17", 80.0)]) == [None]
    assert attach(rows, [_review("z", "forbidden.18", 10.0)]) == [None]


def test_call_level_findings_match_call_level_decisions():
    rows = [_row("n", "closing.missing", None)]
    assert attach(rows, [_review("old", "closing.missing", None)])[0][1] == "overlap"


def test_decisions_stored_before_snapshots_attach_by_id_only():
    rows = [_row("a", "forbidden.17", 10.0)]
    old = {"finding_id": "a", "decision": "confirmed", "decided_at": "2026-11-01T00:00:00"}
    assert attach(rows, [old])[0][1] == "id"
    old_other = {**old, "finding_id": "q"}
    assert attach(rows, [old_other]) == [None]


def test_latest_decision_wins():
    r1 = _review("a", "forbidden.17", 10.0, "rejected", "2026-11-29T08:00:00")
    r2 = _review("a", "forbidden.17", 10.0, "confirmed", "2026-11-29T09:00:00")
    assert [r["decision"] for r in latest([r2, r1])] == ["confirmed"]
