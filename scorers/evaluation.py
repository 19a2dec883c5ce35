"""Findings against ground-truth labels: precision, recall, F1 and time errors per rule family."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

FAMILIES = {
    "forbidden": lambda r: r.startswith("forbidden."),
    "required": lambda r: r.split(".")[0] in ("greeting", "closing", "polite"),
}


def family(rule_id: str) -> str:
    if rule_id.startswith("situation."):  # situation.complaint.no_apology -> situation.complaint
        return ".".join(rule_id.split(".")[:2])
    for name, test in FAMILIES.items():
        if test(rule_id):
            return name
    return rule_id  # each timing rule is its own family


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    start_err: list[float] = field(default_factory=list)
    end_err: list[float] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _close(label: dict, f: dict, slack: float) -> bool:
    if label["start_s"] is None or f["start_s"] is None:
        return label["start_s"] is None and f["start_s"] is None
    return f["start_s"] < label["end_s"] + slack and label["start_s"] - slack < f["end_s"]


def compare(
    labels: list[dict],
    findings: list[dict],
    calls: set[str] | None = None,
    slack: float = 1.0,
    ignore: set[str] = frozenset(),
) -> tuple[dict[str, Tally], list[dict], list[dict]]:
    """Greedy one-to-one matching per (call, rule) by time overlap (±slack).

    Returns tallies by family plus 'overall', and the missed labels and false findings.
    """
    tallies: dict[str, Tally] = defaultdict(Tally)
    missed, false = [], []
    lab = defaultdict(list)
    for x in labels:
        if (calls is None or x["call_id"] in calls) and x["rule_id"] not in ignore:
            lab[(x["call_id"], x["rule_id"])].append(x)
    got = defaultdict(list)
    for f in findings:
        if (calls is None or f["call_id"] in calls) and f["rule_id"] not in ignore:
            got[(f["call_id"], f["rule_id"])].append(f)
    for key in set(lab) | set(got):
        fam = family(key[1])
        free = list(got.get(key, []))
        for x in lab.get(key, []):
            m = next((f for f in free if _close(x, f, slack)), None)
            for t in (tallies[fam], tallies["overall"]):
                if m is None:
                    t.fn += 1
                else:
                    t.tp += 1
                    if x["start_s"] is not None:
                        t.start_err.append(abs(m["start_s"] - x["start_s"]))
                        t.end_err.append(abs(m["end_s"] - x["end_s"]))
            if m is None:
                missed.append(x)
            else:
                free.remove(m)
        for f in free:
            tallies[fam].fp += 1
            tallies["overall"].fp += 1
            false.append(f)
    return dict(tallies), missed, false


def apply_reviews(
    labels: list[dict], findings: list[dict], decisions: dict[str, str], slack: float = 1.0
) -> list[dict]:
    """Ground truth updated with inspectors' decisions (finding_id -> confirmed|rejected).

    A confirmed finding that no label covers becomes a label; a rejected finding removes
    the labels it matched. On real nights, where no script exists, the reviewed findings
    are the only labels there are.
    """
    out = list(labels)
    for f in findings:
        d = decisions.get(f["finding_id"])
        if not d:
            continue
        same = [
            x
            for x in out
            if x["call_id"] == f["call_id"] and x["rule_id"] == f["rule_id"] and _close(x, f, slack)
        ]
        if d == "confirmed" and not same:
            out.append(
                {
                    "call_id": f["call_id"],
                    "rule_id": f["rule_id"],
                    "start_s": f["start_s"],
                    "end_s": f["end_s"],
                }
            )
        elif d == "rejected":
            out = [x for x in out if x not in same]
    return out
