"""Situational rules against the situational set's labels, through the real
pipeline (audio, Whisper with both channels transcribed, the rules).

    python -m benchmarks.situations                       # the tuning part
    python -m benchmarks.situations --heldout             # the part written after tuning
    python -m benchmarks.situations --eval-dir DIR --none # a set without situations
    python -m benchmarks.situations --eval-dir benchmarks/situation_heldout3_set  # part 3

Scored: every `situation.*` rule, and the closing and hang-up rules, whose exemptions
(transfer, silent-line protocol, harassment script) the situational machinery decides.
Other rules (dead air around the silent-line calls, ...) are not what this set labels.
`--none`: the set holds no situational violation: print every situational finding (there
should be none) and the situations that occurred.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from benchmarks.detection import load_labels, print_table

ROOT = Path(__file__).resolve().parents[1]
SCORED = ("situation.", "closing.", "hangup.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-dir", default=None)
    ap.add_argument("--out", default=None)
    ap.add_argument("--heldout", action="store_true", help="the held-out part")
    ap.add_argument("--none", action="store_true", help="a set with no situational violation")
    a = ap.parse_args()
    name = "situation_heldout" if a.heldout else "situation"
    eval_dir = Path(a.eval_dir or ROOT / "benchmarks" / f"{name}_set")
    out = a.out or str(ROOT / "benchmarks" / ".out" / (eval_dir.name if a.eval_dir else name))
    if not (eval_dir / "manifest.csv").exists():
        import importlib.util

        from benchmarks.synth.situation_calls import render_set

        # The situational sets (and the ordinary calls) are rendered here from their generator:
        # situation_heldoutN_set from benchmarks/synth/situation_heldoutN_calls.py. The other
        # sets come from the benchmark that owns them (benchmarks.detection, …).
        set_name = eval_dir.name
        module = "benchmarks.synth." + set_name.removesuffix("_set") + "_calls"
        ours = set_name.startswith("situation") or set_name == "ordinary_set"
        if not (ours and set_name.endswith("_set") and importlib.util.find_spec(module)):
            raise SystemExit(f"{eval_dir}: no manifest.csv, and no generator for this set")
        specs = importlib.import_module(module).specs
        print(f"generating {eval_dir} (TTS) ...", flush=True)
        render_set(specs(), eval_dir)

    from flows.nightly import nightly
    from pipeline.store.storage import Store
    from scorers.evaluation import compare

    t0 = time.perf_counter()
    summary = nightly(manifest=str(eval_dir / "manifest.csv"), out=out)
    wall = time.perf_counter() - t0
    store = Store(out)
    calls = store.read_rows("calls")
    ids = {c["call_id"] for c in calls}
    findings = store.read_rows("findings")
    occurred = sum(len(c["situations"] or []) for c in calls)
    exempted = {c["call_id"]: dict(c["exempted"] or {}) for c in calls if c["exempted"]}
    sit = [f for f in findings if f["rule_id"].startswith("situation.")]
    print(
        f"{eval_dir.name}: {len(ids)} calls; run wall {wall:.0f}s (transcribed "
        f"{summary['transcribed']}, cached {summary['cached']}); situations occurred: "
        f"{occurred}; situational findings: {len(sit)}; calls with an exemption: {len(exempted)}"
    )
    sure = [f for f in sit if not f["pending"]]
    print(f"  deducting (sure): {len(sure)}; 待确认 (pending, no deduction until confirmed): "
          f"{len(sit) - len(sure)}")  # fmt: skip
    if a.none:
        for f in sit:
            tag = "待确认" if f["pending"] else "DEDUCTS"
            print(
                f"  {f['call_id']} {f['rule_id']} {f['start_s']}-{f['end_s']} "
                f"conf={f['confidence']:.2f} {tag} {f['evidence'][:60]}"
            )
        for c in calls:
            if c["situations"]:
                print(f"  occurred: {c['call_id']} {list(c['situations'])}")
        for cid, ex in sorted(exempted.items()):
            print(f"  exempted: {cid} {ex}")
        return
    labels = [x for x in load_labels(eval_dir / "labels.csv") if x["rule_id"].startswith(SCORED)]
    scored = [f for f in findings if f["rule_id"].startswith(SCORED)]
    tallies, missed, false = compare(labels, scored, ids)
    print_table(f"{eval_dir.name}: situational families, closing and hang-up", tallies)
    # What deducts without an inspector: sure findings (待确认 ones wait for a verdict).
    counted, _, _ = compare(labels, [f for f in scored if not f["pending"]], ids)
    print_table(f"{eval_dir.name}: deducting findings only (sure)", counted)
    for x in sorted(missed, key=lambda x: (x["call_id"], x["rule_id"])):
        print(f"  missed {x['call_id']} {x['rule_id']} {x['start_s']}-{x['end_s']}")
    for f in sorted(false, key=lambda f: (f["call_id"], f["rule_id"])):
        print(
            f"  false  {f['call_id']} {f['rule_id']} {f['start_s']}-{f['end_s']} "
            f"{f['evidence'][:70]} conf={f['confidence']}{' 待确认' if f['pending'] else ''}"
        )


if __name__ == "__main__":
    main()
