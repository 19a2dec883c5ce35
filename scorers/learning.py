"""Learning from inspectors: their verdicts and line labels as trigger-class examples, and
per-class precision and recall of a trigger model on a held-out slice of them. Pure: rows
in, examples and figures out (`pipeline.review.learned` reads and writes the versions).

Two sources:
- a verdict on a situational finding: confirmed, its trigger line is of the rule's trigger
  class; rejected, it is not (an inspector who rejects because the agent did answer labels
  the answer line instead, or leaves it: a trigger line is what the verdict is about);
- a line label (标注): the line is of that class, or of none ("none").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from scorers import intents
from scorers.config import Intents, Situations
from scorers.situations import evidence_parts

NONE = "none"  # a line label: not any trigger class


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # a class, or NONE
    call_id: str
    source: str  # verdict | label


def trigger_classes(situations: Situations) -> dict[str, tuple[str, ...]]:
    """Rule id -> the intent classes its trigger reads."""
    return {r.id: r.trigger.intents for r in situations.rules if r.trigger.intents}


def trigger_text(evidence: str) -> str:
    """The trigger line of a situational finding's evidence ("来电：…")."""
    said, _ = evidence_parts(evidence)
    return said.split("：", 1)[-1].strip()


def examples(
    findings: list[dict], reviews: list[dict], labels: list[dict], classes: dict[str, tuple]
) -> list[Example]:
    """Verdicts on situational findings (the latest per finding) and line labels (the latest
    per line) as examples; a line labelled by hand wins over a verdict on the same text."""
    verdict = {}
    for r in sorted(reviews, key=lambda r: r["decided_at"]):
        verdict[r["finding_id"]] = r["decision"]
    out: dict[tuple[str, str], Example] = {}
    for f in findings:
        names = classes.get(f["rule_id"])
        d = verdict.get(f["finding_id"])
        if not names or d not in ("confirmed", "rejected"):
            continue
        text = trigger_text(f["evidence"])
        if text:
            label = names[0] if d == "confirmed" else NONE
            out[(f["call_id"], text)] = Example(text, label, f["call_id"], "verdict")
    latest = {}
    for r in sorted(labels, key=lambda r: r["decided_at"]):
        latest[(r["call_id"], r["start_s"])] = r
    for r in latest.values():
        out[(r["call_id"], r["text"])] = Example(r["text"], r["label"], r["call_id"], "label")
    return sorted(out.values(), key=lambda e: (e.call_id, e.text))


def held_out(e: Example, share: float) -> bool:
    """Whole calls go to the held-out slice, by a hash of the call id (stable across runs)."""
    h = int(hashlib.sha1(e.call_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return h < share


def as_corpus(exs: list[Example], known: set[str]) -> tuple[dict[str, tuple[str, ...]], tuple]:
    """Examples as corpus additions: class -> texts, and the negatives."""
    classes: dict[str, list[str]] = {}
    other = []
    for e in exs:
        if e.label in known:
            classes.setdefault(e.label, []).append(_literal(e.text))
        else:
            other.append(_literal(e.text))
    return {c: tuple(v) for c, v in classes.items()}, tuple(other)


def _literal(text: str) -> str:
    """A reviewed line as a corpus line: braces would read as slots."""
    return text.replace("{", "（").replace("}", "）")


def measure(exs: list[Example], cfg: Intents, names: list[str]) -> dict[str, tuple[int, int, int]]:
    """Per class (tp, fp, fn) of the model `cfg` on the examples, at the class thresholds."""
    probs = intents.probabilities([e.text for e in exs], cfg)
    out = {}
    for c in names:
        tp = fp = fn = 0
        for e, p in zip(exs, probs, strict=True):
            said = p.get(c, 0.0) >= cfg.threshold_for(c)
            truth = e.label == c
            tp += said and truth
            fp += said and not truth
            fn += truth and not said
        out[c] = (tp, fp, fn)
    return out


def pr(t: tuple[int, int, int]) -> tuple[float, float]:
    tp, fp, fn = t
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)
