"""The learning loop on two nights of calls in a centre's own wording
(`benchmarks/synth/learning_calls.py`, written after the trigger model's last change).

    python -m benchmarks.learning

1. Both nights run through the nightly flow into one store (benchmarks/.out/learning).
2. Night 2's situational findings are scored against its labels: the model before learning.
3. Night 1 is reviewed as an inspector would, from its labels: each situational finding is
   confirmed when a labelled situation of its rule lies there, else rejected; each labelled
   situation without a finding gets its trigger line labelled (`hotline-qa label`).
4. `hotline-qa learn` refits the trigger classes on the store's reviews.
5. Night 2 is rescored with the new version and scored again: after learning.
Rerunnable: the store's reviews, labels and learned versions are cleared first (the
transcripts stay cached).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.detection import load_labels
from scorers.evaluation import compare

ROOT = Path(__file__).resolve().parents[1]
STORE = ROOT / "benchmarks" / ".out" / "learning"
NIGHTS = {1: ROOT / "benchmarks" / "learning_night1", 2: ROOT / "benchmarks" / "learning_night2"}
REVIEWER = "质检员(模拟)"


def _ensure(night: int) -> Path:
    d = NIGHTS[night]
    if not (d / "manifest.csv").exists():
        from benchmarks.synth.learning_calls import specs
        from benchmarks.synth.situation_calls import render_set

        print(f"generating {d} (TTS) ...", flush=True)
        render_set(specs(night), d)
    return d


def _night_folder(night: int) -> str:
    return str(STORE / f"date=2026-12-{7 + night:02d}")


def _score(night: int, title: str) -> None:
    from pipeline.store.storage import Store

    store = Store(_night_folder(night))
    ids = {c["call_id"] for c in store.read_rows("calls")}
    labels = [x for x in load_labels(NIGHTS[night] / "labels.csv") if x["rule_id"].startswith("situation.")]
    found = [f for f in store.read_rows("findings") if f["rule_id"].startswith("situation.")]
    for name, rows in (("all findings", found), ("deducting", [f for f in found if f["counted"]])):
        t, _, _ = compare(labels, rows, ids)
        o = t["overall"]
        p = o.tp / (o.tp + o.fp) if o.tp + o.fp else 1.0
        r = o.tp / (o.tp + o.fn) if o.tp + o.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        fams = "  ".join(
            f"{k.split('.')[-1]} {v.tp}/{v.tp + v.fp}/{v.tp + v.fn}"
            for k, v in sorted(t.items())
            if k != "overall"
        )
        print(f"{title:<28} {name:<13} P {p:.3f} R {r:.3f} F1 {f1:.3f}   (tp/found/labelled) {fams}")


def _review_night1() -> tuple[int, int, int]:
    """Confirm or reject night 1's situational findings from its labels; label the trigger
    line of each labelled situation that has no finding."""
    from pipeline.inputs.config import load_config
    from pipeline.review.decisions import record_decision, record_line_label
    from pipeline.store.storage import Store

    out = _night_folder(1)
    store = Store(out)
    labels = [x for x in load_labels(NIGHTS[1] / "labels.csv") if x["rule_id"].startswith("situation.")]
    found = [f for f in store.read_rows("findings") if f["rule_id"].startswith("situation.")]
    _, missed, false = compare(labels, found, None)
    wrong = {f["finding_id"] for f in false}
    confirmed = rejected = 0
    for f in found:
        d = "rejected" if f["finding_id"] in wrong else "confirmed"
        record_decision(out, f["finding_id"], d, "", REVIEWER)
        confirmed += d == "confirmed"
        rejected += d == "rejected"
    rules = {r.id: r for r in load_config().situations.rules}
    for x in missed:
        cls = rules[x["rule_id"]].trigger.intents[0]
        record_line_label(out, x["call_id"], x["start_s"] + 0.3, cls, REVIEWER)
    return confirmed, rejected, len(missed)


def main() -> None:
    from flows.nightly import nightly, rescore
    from hotline_qa.env import prefect_defaults
    from pipeline.inputs.config import load_config
    from pipeline.review import learned

    prefect_defaults()
    for n in NIGHTS:
        d = _ensure(n)
        nightly(manifest=str(d / "manifest.csv"), store_root=str(STORE))
    shutil.rmtree(STORE / learned.FOLDER, ignore_errors=True)
    for n in NIGHTS:
        for t in ("reviews.parquet", "line_labels.parquet"):
            (Path(_night_folder(n)) / t).unlink(missing_ok=True)
        rescore(out=_night_folder(n))
    print("\nsituational findings against the labels (tp/found/labelled per family)")
    _score(1, "night 1, before learning")
    _score(2, "night 2, before learning")
    c, r, m = _review_night1()
    print(f"\nnight 1 reviewed: {c} confirmed, {r} rejected, {m} missed situations labelled")
    res = learned.learn(str(STORE), load_config(), held_share=0.0)
    print(f"learned {res['version']} from {res['examples']} reviewed examples")
    rescore(out=_night_folder(2))
    _score(2, f"night 2, after {res['version']}")


if __name__ == "__main__":
    main()
