"""Throughput: the obvious script (a) beside this pipeline (b, c), on the same calls, in one run.

    .venv/bin/python -m benchmarks.throughput [--sets dense,sparse] [--extras]

(a) faster-whisper with default settings over each file, channels mixed down, one file
    at a time, then substring search for the lexicon phrases.
(b) `hotline-qa run` as the nightly default: both channels' speech in full (the situational
    rules need the caller's words), packed into 30 s clips and decoded in batches, beam 1,
    int8, word timestamps, all rules.
(c) `hotline-qa run --batch-size 0`: the same with the unbatched decoder (each
    channel alone, faster-whisper's own VAD), so every change shows its gain in one run.
Sets (generated on first use with ../shared/tools/zh_tts): short = 24 short talk-dense calls
of 30-60 s (long_calls.py short); dense = 24 talk-dense calls
(benchmarks/synth/long_calls.py dense); sparse = recordings_sample/ plus 10 long calls with
lookups and holds (long_calls.py long). The speech density of each set is printed.
Each side runs in its own process, so peak memory (max RSS) is its own. --extras adds the
incremental rerun, the ASR settings one at a time and `rescore` of 10,000 stored calls.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "PREFECT_LOGGING_LEVEL": "WARNING"}


def combined_batch(dirs: list[Path], dst: Path) -> Path:
    """One manifest over several batch folders (paths stay inside dst via symlinks)."""
    dst.mkdir(parents=True, exist_ok=True)
    rows, labels = [], []
    for d in dirs:
        link = dst / d.name
        if not link.exists():
            link.symlink_to(d.resolve())
        with open(d / "manifest.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                rows.append({**r, "audio": f"{d.name}/{r['audio']}"})
        with open(d / "labels.csv", encoding="utf-8") as fh:
            labels += list(csv.DictReader(fh))
    from benchmarks.synth.callgen import write_batch_csvs

    write_batch_csvs(dst, rows, labels)
    return dst / "manifest.csv"


PEAK = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"
)


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) of this command's own process tree (a fresh wrapper each time,
    so one measurement never carries another's peak), stdout."""
    t0 = time.perf_counter()
    p = subprocess.run([PY, "-c", PEAK, *cmd], cwd=ROOT, env=ENV, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        raise RuntimeError(f"{cmd} failed:\n{p.stderr[-3000:]}")
    return wall, int(p.stderr.strip().splitlines()[-1]) / 1024, p.stdout


NAIVE = r"""
import json, sys, csv, os, resource
from pathlib import Path
from faster_whisper import WhisperModel
from pipeline.speech.model_store import default_model_dir
from pipeline.inputs.config import load_config
from scorers.phrases import compile_entries, exact_match_entry
from scorers.text import normalize
manifest = Path(sys.argv[1]); out = sys.argv[2]
cfg = load_config()
forb = compile_entries(cfg.forbidden.entries, cfg.matching)
req = [e for e in compile_entries(cfg.required.entries, cfg.matching) if e.rule_id]
model = WhisperModel(str(default_model_dir()))           # default settings
found, seconds = [], 0.0
for r in csv.DictReader(open(manifest, encoding="utf-8")):
    segs, info = model.transcribe(str(manifest.parent / r["audio"]))   # mixed down, beam 5, no VAD
    text = normalize("".join(s.text for s in segs))
    seconds += info.duration
    found += [{"call_id": r["call_id"], "rule_id": e.rule_id} for e in forb if exact_match_entry(e, text)]
    found += [{"call_id": r["call_id"], "rule_id": e.rule_id} for e in req if not exact_match_entry(e, text)]
json.dump({"findings": found, "audio_s": seconds}, open(out, "w"))
"""


@contextlib.contextmanager
def prefect_server():
    """A real `prefect server start` (UI and services, as a deployment's) for the block."""
    from hotline_qa.prefect_api import ApiServer

    server = ApiServer(api_only=False)
    try:
        server.ready()
        yield server.url
    finally:
        server.stop()


def call_level_f1(
    labels: list[dict], findings: list[dict], families=("forbidden", "greeting", "closing")
) -> tuple[float, float, float]:
    lab = {(x["call_id"], x["rule_id"]) for x in labels if x["rule_id"].split(".")[0] in families}
    got = {(f["call_id"], f["rule_id"]) for f in findings if f["rule_id"].split(".")[0] in families}
    tp = len(lab & got)
    p = tp / len(got) if got else 1.0
    r = tp / len(lab) if lab else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_pipeline(manifest: Path, out: Path, *extra: str) -> tuple[float, float, str]:
    return timed(
        [PY, "-m", "hotline_qa", "run", "--manifest", str(manifest), "--out", str(out), *extra]
    )


SIDES = (("b", []), ("c", ["--batch-size", "0", "--workers", "1"]))
SETS = {
    # Talk-dense consultations: speech over most of the call, as on a real hotline.
    "dense": ("dense_set", "benchmarks.synth.long_calls", ["dense"]),
    # Short talk-dense calls (30-60 s), where start-up and per-call costs weigh the most.
    "short": ("short_set", "benchmarks.synth.long_calls", ["short"]),
    # Long calls with lookups, holds and silences, plus the sample night.
    "sparse": ("long_set", "benchmarks.synth.long_calls", ["long"]),
}
FAM_ALL = (
    "forbidden",
    "greeting",
    "closing",
    "hold",
    "dead_air",
    "interruption",
    "answer",
    "speech_rate",
    "hangup",
)


WIDTHS = (20, 21, 25)


def batch_for(name: str, work: Path) -> Path:
    folder, module, argv = SETS[name]
    d = ROOT / "benchmarks" / folder
    if not (d / "manifest.csv").exists():
        subprocess.run([PY, "-m", module, *argv, str(d)], cwd=ROOT, check=True)
    dirs = [d] if name in ("dense", "short") else [ROOT / "recordings_sample", d]
    return combined_batch(dirs, work / f"batch-{name}")


def compare_set(name: str, work: Path, skip_naive: bool) -> dict:
    """(a) the obvious script, (b) the nightly default, (c) the old decoder, same calls."""
    import pyarrow.parquet as pq

    manifest = batch_for(name, work)
    labels = list(csv.DictReader(open(manifest.parent / "labels.csv", encoding="utf-8")))
    res: dict = {}
    for side, extra in SIDES:
        out = work / f"out-{name}-{side}"
        wall, mem, _ = run_pipeline(manifest, out, *extra)
        findings = pq.read_table(out / "findings.parquet").to_pylist()
        res[side] = (wall, mem, findings)
        res[f"seconds_{side}"] = json.loads((out / "run.json").read_text())["summary"]["seconds"]
        if side == "b":
            calls = pq.read_table(out / "calls.parquet").to_pylist()
            res["out_b"] = out
    audio_s = sum(c["duration_s"] or 0 for c in calls)
    speech_s = sum(
        (c["agent_speech_s"] or 0) + (c["caller_speech_s"] or 0) + (c["mix_speech_s"] or 0)
        for c in calls
    )
    lost = sum(
        (c["agent_uncovered_s"] or 0) + (c["caller_uncovered_s"] or 0) + (c["mix_uncovered_s"] or 0)
        for c in calls
    )
    if skip_naive:
        res["a"] = (float("nan"), float("nan"), [])
    else:
        out_a = work / f"naive-{name}.json"
        script = work / "naive.py"
        script.write_text(NAIVE)
        wall, mem, _ = timed([PY, str(script), str(manifest), str(out_a)])
        res["a"] = (wall, mem, json.loads(out_a.read_text())["findings"])
    print(
        f"\n== {name} set: {len(calls)} calls, {audio_s / 60:.1f} min; VAD speech {speech_s / audio_s:.2f} "
        f"of call time (summed over channels); speech without words after the ASR stage: {lost:.1f} s"
    )
    print(f"{'':32}{'(a) obvious script':>20}{'(b) nightly default':>21}{'(c) --batch-size 0':>25}")
    row = [res[k] for k in ("a", "b", "c")]

    def line(title: str, cell) -> None:
        print(f"{title:32}" + "".join(f"{cell(v):>{w}}" for v, w in zip(row, WIDTHS, strict=True)))

    line("wall seconds", lambda v: f"{v[0]:.1f}")
    line("audio s per wall s", lambda v: f"{audio_s / v[0]:.2f}")
    line("peak memory (MB, max RSS)", lambda v: f"{v[1]:.0f}")
    for title, fams in (
        ("phrase-rule F1, call level", ("forbidden", "greeting", "closing")),
        ("all-rule F1, call level", FAM_ALL),
    ):
        line(title, lambda v, fams=fams: f"{call_level_f1(labels, v[2], fams)[2]:.3f}")
    wa = row[0][0]
    print(f"ratio a/b (speed-up of the default): {wa / row[1][0]:.2f}   a/c: {wa / row[2][0]:.2f}")
    cost_table(res)
    return {"manifest": manifest, **res}


STAGES = (
    ("call.decode", "audio decode (per call, summed)"),
    ("call.echo", "echo estimate and removal"),
    ("call.vad", "VAD and own-speech gates"),
    ("call.asr", "Whisper, first pass"),
    ("call.refill", "Whisper, uncovered speech again"),
    ("call.voice", "voice encoder"),
    ("flow.calls", "= calls stage, wall"),
    ("flow.inputs", "manifest, lexicons"),
    ("rules", "rules, rubric, scorecards"),
    ("clips", "clips"),
    ("tables", "Parquet tables"),
    ("report", "HTML report"),
)


def cost_table(res: dict) -> None:
    """Where the wall time went, per side (b, c): the per-call stages are seconds summed
    over calls (one worker: they add up to the calls stage's wall); the rest is
    Python and Prefect start-up and shut-down, i.e. the process wall minus the flow."""
    print(f"\n{'stage cost, seconds':40}{'(b)':>10}{'(c)':>10}")
    for key, title in STAGES:
        vals = [res[f"seconds_{k}"].get(key, 0.0) for k in ("b", "c")]
        print(f"  {title:38}" + "".join(f"{v:10.1f}" for v in vals))
    flow_keys = ("flow.inputs", "flow.calls", "rules", "clips", "tables", "report")
    rest = [res[k][0] - sum(res[f"seconds_{k}"].get(x, 0.0) for x in flow_keys) for k in "bc"]
    print(f"  {'start-up, Prefect, shut-down (rest)':38}" + "".join(f"{v:10.1f}" for v in rest))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--sets",
        default="dense,sparse",
        help="comma-separated: short, dense, sparse (default dense,sparse)",
    )
    ap.add_argument("--skip-naive", action="store_true")
    ap.add_argument(
        "--extras",
        action="store_true",
        help="also the incremental rerun, the ASR settings one at a time and the 10,000-call rescore",
    )
    ap.add_argument(
        "--part",
        choices=["all", "rescore"],
        default="all",
        help="rescore: only the 10,000-call rescore (needs one pipeline run on the sample set)",
    )
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hqa-bench-"))
    if args.part == "rescore":
        run_pipeline(ROOT / "recordings_sample" / "manifest.csv", work / "src")
        rescore_10k(work / "src", work)
        shutil.rmtree(work, ignore_errors=True)
        return
    print(f"machine: {os.cpu_count()} cores; {sys.platform}; python {sys.version.split()[0]}")
    last = None
    for name in args.sets.split(","):
        last = compare_set(name.strip(), work, args.skip_naive)
    if args.extras and last is not None:
        extras(last["manifest"], last["out_b"], last["b"][0], work)
    shutil.rmtree(work, ignore_errors=True)


def extras(manifest: Path, out_b: Path, wall_b: float, work: Path) -> None:
    import pyarrow.parquet as pq

    wall_r, _, _ = run_pipeline(manifest, out_b)
    print(
        f"\nincremental rerun of the same night, ad hoc (Prefect starts a temporary server): "
        f"{wall_r:.1f}s = {100 * wall_r / wall_b:.1f}% of the first run"
    )
    with prefect_server() as api:
        ENV["PREFECT_API_URL"] = api
        run_pipeline(manifest, out_b)  # registers the flow with this server once
        wall_s, _, _ = run_pipeline(manifest, out_b)
        del ENV["PREFECT_API_URL"]
    print(
        f"incremental rerun against a running Prefect server (the nightly deployment's case): "
        f"{wall_s:.1f}s = {100 * wall_s / wall_b:.1f}% of the first run"
    )
    print("\nwhat each ASR setting buys (sample set, fresh cache each):")
    sample = ROOT / "recordings_sample" / "manifest.csv"
    lab = list(csv.DictReader(open(ROOT / "recordings_sample" / "labels.csv", encoding="utf-8")))
    for label, extra in (
        ("beam 1, per-channel VAD (default)", []),
        ("beam 5", ["--beam-size", "5"]),
        ("2 workers x 1 thread", ["--workers", "2"]),
    ):
        o = work / f"abl-{len(label)}"
        w, m, _ = run_pipeline(sample, o, *extra)
        fs = pq.read_table(o / "findings.parquet").to_pylist()
        print(
            f"  {label:36} {w:6.1f}s  peak {m:5.0f} MB  F1(all rules, call level) "
            f"{call_level_f1(lab, fs, FAM_ALL)[2]:.3f}"
        )
        shutil.rmtree(o, ignore_errors=True)
    rescore_10k(out_b, work)


def rescore_10k(src: Path, work: Path) -> None:
    print("\nrescore of 10,000 stored calls (synthetic copies of the stored rows):")
    big = work / "big"
    make_synthetic_store(src, big, 10_000)
    w, m, stdout = timed([PY, "-m", "hotline_qa", "rescore", "--out", str(big)])
    print(f"  {w:.1f}s wall, peak {m:.0f} MB; {stdout.strip().splitlines()[0]}")


def make_synthetic_store(src: Path, dst: Path, n: int) -> None:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    dst.mkdir(parents=True)
    calls = pq.read_table(src / "calls.parquet").filter(pc.field("status") != "rejected")
    ids = calls.column("call_id").to_pylist()
    tables = {
        name: pq.read_table(src / f"{name}.parquet") for name in ("calls", "utterances", "speech")
    }
    out = {name: [] for name in tables}
    reps = -(-n // len(ids))
    for k in range(reps):
        for name, t in tables.items():
            t = t.filter(pc.is_in(t.column("call_id"), pa.array(ids)))
            new_ids = pc.binary_join_element_wise(t.column("call_id"), pa.scalar(f"{k:05d}"), "-")
            out[name].append(t.set_column(t.schema.get_field_index("call_id"), "call_id", new_ids))
    for name, parts in out.items():
        t = pa.concat_tables(parts)
        if name == "calls":
            t = t.slice(0, n)
        pq.write_table(t, dst / f"{name}.parquet")
    # No recordings behind these rows: clips are skipped, as for a night whose audio was archived.
    (dst / "run.json").write_text(json.dumps({"batch_dir": str(dst / "no-recordings")}))


if __name__ == "__main__":
    main()
