"""Detection under real-recorder conditions, every condition beside the clean
figures in one run.

    .venv/bin/python -m benchmarks.degradation [--calls 24] [--conditions all]

Builds each condition's copy of the evaluation set (`benchmarks.synth.degrade`, into
benchmarks/degraded/, seeded), runs the real nightly flow on it (default offline Whisper
base, CPU; transcripts cached per audio file, so a rerun only re-scores), and prints per
condition: P/R/F1 overall (and the F1 of the findings that deduct, 'F1 ded': a 待确认
finding waits for an inspector) and per rule family, interruption precision, transcript
coverage, echo words taken out, words the agent transcript holds at moments when only the
caller spoke (echo that got through), findings against the agent made of such moments, and
calls judged too degraded for the timing rules. Situational findings are scored on their own
sets (`benchmarks.situations`), as in `benchmarks.detection`: here they are counted apart,
deducting / pending ('sit d/p'), and listed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
from hotline_qa.env import prefect_defaults  # noqa: E402

prefect_defaults()

ROOT = Path(__file__).resolve().parents[1]
GROUPS = ("forbidden", "required", "interruption", "hold", "dead_air", "other")


def subset(src: Path, dst: Path, n: int) -> Path:
    """The first n calls of a set (all rule cases of the evaluation set occur in E00-E23)."""
    dst.mkdir(parents=True, exist_ok=True)
    with open(src / "manifest.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[:n]
    keep = {r["call_id"] for r in rows}
    with open(dst / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    for name in ("labels.csv", "script.jsonl"):
        lines = (src / name).read_text(encoding="utf-8").splitlines(keepends=True)
        head = lines[:1] if name.endswith(".csv") else []
        body = lines[1:] if name.endswith(".csv") else lines
        body = [x for x in body if _call_of(x, name) in keep]
        (dst / name).write_text("".join(head + body), encoding="utf-8")
    if not (dst / "audio").exists():
        (dst / "audio").symlink_to((src / "audio").resolve())
    return dst


def _call_of(line: str, name: str) -> str:
    return json.loads(line)["call_id"] if name.endswith(".jsonl") else line.split(",", 1)[0]


def group(rule_id: str) -> str:
    from scorers.evaluation import family

    f = family(rule_id)
    if f.startswith("hold."):
        return "hold"
    return f if f in GROUPS else "other"


def caller_only_moments(script: list[dict]) -> dict[str, list[tuple[float, float]]]:
    """Per call: when the caller speaks and the agent does not (± 0.3 s of slack)."""
    out: dict[str, list[tuple[float, float]]] = {}
    by_call: dict[str, list[dict]] = {}
    for s in script:
        by_call.setdefault(s["call_id"], []).append(s)
    for cid, turns in by_call.items():
        agent = [(t["start_s"] - 0.3, t["end_s"] + 0.3) for t in turns if t["speaker"] == "agent"]
        spans = []
        for t in turns:
            if t["speaker"] != "caller":
                continue
            a, b = t["start_s"], t["end_s"]
            for x, y in sorted(agent):
                if y <= a or x >= b:
                    continue
                if x > a:
                    spans.append((a, x))
                a = max(a, y)
            if b > a:
                spans.append((a, b))
        out[cid] = spans
    return out


def measure(eval_dir: Path, out: Path) -> dict:
    from flows.nightly import nightly
    from pipeline.publish.outputs import stored_records
    from pipeline.store.storage import Store
    from scorers.evaluation import Tally, compare

    t0 = time.perf_counter()
    nightly(manifest=str(eval_dir / "manifest.csv"), out=str(out))
    wall = time.perf_counter() - t0
    store = Store(str(out))
    calls = store.read_rows("calls")
    ids = {c["call_id"] for c in calls}
    from benchmarks.detection import load_labels

    labels = load_labels(eval_dir / "labels.csv")
    # As in benchmarks.detection: situational rules have their own sets and benchmark. Here
    # they are listed apart; none should deduct (pending ones wait for an inspector).
    every = store.read_rows("findings")
    situational = [f for f in every if f["rule_id"].startswith("situation.")]
    findings = [f for f in every if not f["rule_id"].startswith("situation.")]
    tallies, _, _ = compare(labels, findings, ids)
    # What the scores see: a 待确认 finding (a mono line that reads as the caller's) deducts
    # nothing until an inspector confirms it.
    deducting, _, _ = compare(labels, [f for f in findings if not f["pending"]], ids)
    groups: dict[str, Tally] = {}
    for fam, t in tallies.items():
        if fam == "overall":
            continue
        g = groups.setdefault(group(fam), Tally())
        g.tp, g.fp, g.fn = g.tp + t.tp, g.fp + t.fp, g.fn + t.fn
    script = [json.loads(x) for x in open(eval_dir / "script.jsonl", encoding="utf-8")]
    caller_only = caller_only_moments(script)
    records, _, _ = stored_records(store)
    leaked = 0
    for rec in records:
        spans = caller_only.get(rec.meta.call_id, [])
        for u in rec.utterances:
            if u.speaker != "agent":
                continue
            for w in u.words:
                mid = (w.start + w.end) / 2
                leaked += any(a + 0.2 <= mid <= b - 0.2 for a, b in spans)
    against = sum(
        1
        for f in findings
        if f["rule_id"].split(".")[0] in ("forbidden", "polite")
        and f["start_s"] is not None
        and any(
            a + 0.2 <= f["start_s"] and f["end_s"] <= b - 0.2
            for a, b in caller_only.get(f["call_id"], [])
        )
    )

    def cov(ch: str) -> float | None:
        rows = [c for c in calls if c.get(f"{ch}_speech_s")]
        sp = sum(c[f"{ch}_speech_s"] for c in rows)
        return 1 - sum(c[f"{ch}_uncovered_s"] for c in rows) / sp if sp else None

    return {
        "wall": wall,
        "overall": tallies["overall"],
        "deducting": deducting["overall"],
        "groups": groups,
        "coverage": cov("agent"),
        "echo_words": sum((c.get("agent_echo_words") or 0) for c in calls),
        "leaked": leaked,
        "against": against,
        "degraded": sum(1 for c in calls if any("too degraded" in w for w in c["warnings"] or [])),
        "situational": situational,
        "calls": len(ids),
    }


def main() -> None:
    from benchmarks.synth import degrade

    ap = argparse.ArgumentParser()
    ap.add_argument("--eval-dir", default=str(ROOT / "benchmarks" / "eval_set"))
    ap.add_argument("--calls", type=int, default=24, help="first N calls of the set (0: all)")
    ap.add_argument("--conditions", default="all", help="comma-separated names, or all")
    ap.add_argument("--work", default=str(ROOT / "benchmarks" / "degraded"))
    args = ap.parse_args()
    src = Path(args.eval_dir)
    if not (src / "manifest.csv").exists():
        raise SystemExit(f"{src} has no manifest: python -m benchmarks.synth.eval_calls {src}")
    work = Path(args.work)
    if args.calls:
        src = subset(src, work / f"base-{args.calls}", args.calls)
    names = list(degrade.CONDITIONS) if args.conditions == "all" else args.conditions.split(",")
    # Every row is compared with clean, so clean runs first wherever it was named.
    names = ["clean"] + [n for n in names if n != "clean"]
    results = {}
    for name in names:
        d = work / f"{name}-{args.calls or 'all'}"
        print(f"[{name}] building and running ...", flush=True)
        degrade.build(src, d, name)
        results[name] = measure(d, work / ".out" / d.name)
        print(_row(name, results[name], results["clean"]), flush=True)
    print(
        f"\n{results['clean']['calls']} calls per condition (evaluation set, first {args.calls or 'all'})"
    )
    print(_header())
    for name in names:
        print(_row(name, results[name], results["clean"]))
    worst = {
        g: max(results["clean"]["groups"][g].f1 - r["groups"][g].f1 for r in results.values())
        for g in results["clean"]["groups"]
    }
    print("\nsituational findings (not in the F1; a pending one deducts nothing until confirmed):")
    for name in names:
        for f in results[name]["situational"]:
            kind = "pending" if f["pending"] else "DEDUCTS"
            print(
                f"  {name:14} {f['call_id']} {f['rule_id']} {kind} p={f['confidence']:.2f} {f['evidence']}"
            )
    print(
        "\nlargest F1 drop from clean per family: "
        + ", ".join(f"{g} {v:+.3f}" for g, v in worst.items())
    )


def _header() -> str:
    cols = "  ".join(f"{g[:8]:>8}" for g in GROUPS)
    return (
        f"{'condition':14} {'P':>6} {'R':>6} {'F1':>6} {'F1 ded':>6}  {cols}  {'intr P':>6} "
        f"{'cover':>6} "
        f"{'echo w':>6} {'leaked':>6} {'vs ag':>5} {'degr':>4} {'sit d/p':>7} {'wall s':>6}"
    )


def _row(name: str, r: dict, clean: dict) -> str:
    o = r["overall"]
    fam = "  ".join(
        f"{r['groups'][g].f1:8.3f}" if g in r["groups"] else f"{'-':>8}" for g in GROUPS
    )
    ip = r["groups"].get("interruption")
    cov = f"{r['coverage']:6.3f}" if r["coverage"] is not None else f"{'-':>6}"
    sit_pend = sum(1 for f in r["situational"] if f["pending"])
    sit_ded = len(r["situational"]) - sit_pend
    return (
        f"{name:14} {o.precision:6.3f} {o.recall:6.3f} {o.f1:6.3f} {r['deducting'].f1:6.3f}  "
        f"{fam}  "
        f"{(ip.precision if ip else 1.0):6.3f} {cov} {r['echo_words']:6d} {r['leaked']:6d} "
        f"{r['against']:5d} {r['degraded']:4d} {sit_ded:>3}/{sit_pend:<3} {r['wall']:6.0f}"
    )


if __name__ == "__main__":
    main()
