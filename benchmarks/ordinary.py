"""Situational precision where it matters most: on ordinary speech.

    python -m benchmarks.ordinary [--sets ordinary_set,ordinary_heldout_set,...] [--lexicons DIR]

Reads the stored runs of sets without a labelled situation (benchmarks/.out/<set>, as
`python -m benchmarks.situations --eval-dir benchmarks/<set> --none` leaves them: real TTS
audio through the telephone band and Whisper, so the caller lines carry ASR errors) and
re-judges them with the lexicons given (no ASR), so two lexicon folders compare side by side:

1. every caller line through the situational triggers: false triggers per rule family per
   1,000 ordinary caller lines (the target: all classes together at most 2);
2. every call through all rules: situational findings per 100 ordinary calls, those that
   would deduct (sure) apart from those left 待确认 (the target: at most 1 per 100, none
   deducting).

`ordinary_set` lines were looked at while the trigger model was worked on (and its corpus
lines are hard negatives in lexicons/intents.yaml); `ordinary_heldout_set` never was: it is
reported apart.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = "ordinary_set,ordinary_heldout_set"
# Calls of the no-situation sets where a real situation turned out to be said (the set's
# labels were written for other rules): left out of the ordinary pool.
NOT_ORDINARY = {"eval_set": {"E39"}, "mono_set": {"M01", "M09"}, "mono_heldout": {"N01"}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", default=DEFAULT)
    ap.add_argument("--lexicons", default=None)
    ap.add_argument("--show", type=int, default=15, help="false lines listed per set")
    a = ap.parse_args()

    from pipeline.inputs.config import load_config
    from pipeline.publish.outputs import stored_records
    from pipeline.store.storage import Store
    from scorers.engine import build_rules, evaluate
    from scorers.situations import line_triggers

    cfg = load_config(a.lexicons)
    rules = build_rules(cfg)
    total_lines, total_hits, total_calls = 0, Counter(), 0
    total_found, total_sure = 0, 0
    for name in a.sets.split(","):
        out = ROOT / "benchmarks" / ".out" / name
        if not (out / "calls.parquet").exists():
            print(f"{name}: no stored run; first: python -m benchmarks.situations "
                  f"--eval-dir benchmarks/{name} --none")  # fmt: skip
            continue
        records, _, _ = stored_records(Store(str(out)))
        records = [r for r in records if not r.is_rejected
                   and r.meta.call_id not in NOT_ORDINARY.get(name, ())]  # fmt: skip
        lines = [u.text for r in records for u in r.utterances if u.speaker == "caller"]
        trig = line_triggers(lines, rules.situations, rules.segmenter)
        hits = Counter(k.rsplit(".", 1)[0] for t in trig for k in t)
        false_lines = [(t, sorted(h)) for t, h in zip(lines, trig, strict=True) if h]
        found = sure = 0
        shown = []
        for r in records:
            out_ = evaluate(r.evidence(), rules)
            sit = [f for f in out_.findings if f.rule_id.startswith("situation.")]
            found += len(sit)
            sure += sum(not f.pending for f in sit)
            shown += [(r.meta.call_id, f) for f in sit]
        n = max(len(lines), 1)
        print(f"\n{name}: {len(records)} calls, {len(lines)} caller lines")
        print(f"  false triggers: {sum(hits.values())} ({1000 * sum(hits.values()) / n:.1f} per 1,000 lines)"
              + "".join(f"; {k.split('.', 1)[1]} {v}" for k, v in sorted(hits.items())))  # fmt: skip
        print(f"  situational findings: {found} ({100 * found / max(len(records), 1):.1f} per 100 calls), "
              f"deducting {sure}, 待确认 {found - sure}")  # fmt: skip
        for t, h in false_lines[: a.show]:
            print(f"    line  {t}  -> {', '.join(x.split('.', 1)[1] for x in h)}")
        for cid, f in shown:
            tag = "待确认" if f.pending else "DEDUCTS"
            print(f"    call  {cid} {f.rule_id} conf={f.confidence:.2f} {tag} {f.evidence[:60]}")
        total_lines += len(lines)
        total_hits += hits
        total_calls += len(records)
        total_found += found
        total_sure += sure
    if total_lines:
        n = sum(total_hits.values())
        print(f"\nall: {total_calls} calls, {total_lines} caller lines; false triggers "
              f"{1000 * n / total_lines:.1f} per 1,000 lines; situational findings "
              f"{100 * total_found / max(total_calls, 1):.1f} per 100 calls "
              f"(deducting {100 * total_sure / max(total_calls, 1):.1f})")  # fmt: skip


if __name__ == "__main__":
    main()
