"""The learning loop on two nights of calls in a centre's own wording
(`benchmarks/synth/learning_calls.py`, written after the trigger model's last change), for
two centres: A (nights 1 and 2) and B (nights 3 and 4, whose callers' idioms no corpus line
holds).

    python -m benchmarks.learning [--centres A,B]

Per centre, in a store of its own (benchmarks/.out/learning, benchmarks/.out/learning_b):
1. Both nights run through the nightly flow into the store.
2. The second night's situational findings are scored against its labels: before learning.
3. The first night is reviewed as an inspector would, from its labels: each situational
   finding is confirmed when a labelled situation of its rule lies there, else rejected; each
   labelled situation without a finding gets its trigger line labelled (`hotline-qa label`).
4. `hotline-qa learn` refits the trigger classes on the store's reviews.
5. The second night is rescored with the new version and scored again: after learning.
Rerunnable: the store's reviews, labels and learned versions are cleared first (the
transcripts stay cached).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.detection import load_labels
from scorers.evaluation import compare

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / ".out"
# centre: (first night, second night, store)
CENTRES = {"A": (1, 2, OUT / "learning"), "B": (3, 4, OUT / "learning_b")}
REVIEWER = "质检员(模拟)"


def _set(night: int) -> Path:
    return ROOT / "benchmarks" / f"learning_night{night}"


def _ensure(night: int) -> Path:
    d = _set(night)
    if not (d / "manifest.csv").exists():
        from benchmarks.synth.learning_calls import specs
        from benchmarks.synth.situation_calls import render_set

        print(f"generating {d} (TTS) ...", flush=True)
        render_set(specs(night), d)
    return d


def _night_folder(store: Path, night: int) -> str:
    return str(store / f"date=2026-12-{7 + night:02d}")


def _score(store_root: Path, night: int, title: str) -> None:
    from pipeline.store.storage import Store

    store = Store(_night_folder(store_root, night))
    ids = {c["call_id"] for c in store.read_rows("calls")}
    labels = [x for x in load_labels(_set(night) / "labels.csv") if x["rule_id"].startswith("situation.")]
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


def _review(store_root: Path, night: int) -> tuple[int, int, int]:
    """Confirm or reject a night's situational findings from its labels; label the trigger
    line of each labelled situation that has no finding."""
    from pipeline.inputs.config import load_config
    from pipeline.review.decisions import record_decision, record_line_label
    from pipeline.store.storage import Store

    out = _night_folder(store_root, night)
    store = Store(out)
    labels = [x for x in load_labels(_set(night) / "labels.csv") if x["rule_id"].startswith("situation.")]
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
    import argparse

    from hotline_qa.env import prefect_defaults

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--centres", default=",".join(CENTRES))
    a = ap.parse_args()
    prefect_defaults()
    for name in a.centres.split(","):
        _centre(name, *CENTRES[name])


def _centre(name: str, first: int, second: int, store: Path) -> None:
    from flows.nightly import nightly, rescore
    from pipeline.inputs.config import load_config
    from pipeline.review import learned

    for n in (first, second):
        d = _ensure(n)
        nightly(manifest=str(d / "manifest.csv"), store_root=str(store))
    shutil.rmtree(store / learned.FOLDER, ignore_errors=True)
    for n in (first, second):
        for t in ("reviews.parquet", "line_labels.parquet"):
            (Path(_night_folder(store, n)) / t).unlink(missing_ok=True)
        rescore(out=_night_folder(store, n))
    print(f"\ncentre {name}: situational findings against the labels (tp/found/labelled per family)")
    _score(store, first, f"night {first}, before learning")
    _score(store, second, f"night {second}, before learning")
    c, r, m = _review(store, first)
    print(f"\nnight {first} reviewed: {c} confirmed, {r} rejected, {m} missed situations labelled")
    res = learned.learn(str(store), load_config(), held_share=0.0)
    print(f"learned {res['version']} from {res['examples']} reviewed examples")
    rescore(out=_night_folder(store, second))
    _score(store, second, f"night {second}, after {res['version']}")


if __name__ == "__main__":
    main()
