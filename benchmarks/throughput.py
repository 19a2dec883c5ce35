"""Throughput: the obvious script (a) beside this pipeline (b), on the same calls, in one run.

    .venv/bin/python -m benchmarks.throughput [--quick]

(a) faster-whisper with default settings over each file, channels mixed down, one file
    at a time, then substring search for the lexicon phrases.
(b) `hotline-qa run` (per-channel VAD, beam 1, int8, word timestamps, all rules).
Calls: recordings_sample/ plus the generated evaluation set (~50 min, holds and silence).
Each side runs in its own process, so peak memory (max RSS) is its own. Then: the
incremental rerun, the ASR settings one at a time (what each step bought, on the
sample set), and `rescore` of 10,000 synthetic stored calls.
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
from pipeline.model_store import default_model_dir
from pipeline.config import load_config
from scorers.phrases import compile_entries, exact_match_entry
from scorers.text import normalize
manifest = Path(sys.argv[1]); out = sys.argv[2]
cfg = load_config()
forb = compile_entries(cfg["forbidden"]["entries"], cfg["matching"], cfg["forbidden"].get("defaults"))
req = [e for e in compile_entries(cfg["required"]["entries"], cfg["matching"]) if e.rule_id]
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
def prefect_server(port: int = 4298):
    """A real `prefect server start` on loopback for the length of the block."""
    import urllib.request

    env = {**ENV, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    proc = subprocess.Popen(
        [
            str(Path(PY).parent / "prefect"),
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    api = f"http://127.0.0.1:{port}/api"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(api + "/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        yield api
    finally:
        os.killpg(proc.pid, 15)
        proc.wait()


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
        [PY, "-m", "pipeline.cli", "run", "--manifest", str(manifest), "--out", str(out), *extra]
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--quick", action="store_true", help="sample set only (no 50-minute evaluation set)"
    )
    ap.add_argument("--skip-naive", action="store_true")
    ap.add_argument(
        "--part",
        choices=["all", "rescore"],
        default="all",
        help="rescore: only the 10,000-call rescore (needs one pipeline run on the sample set)",
    )
    args = ap.parse_args()
    if args.part == "rescore":
        work = Path(tempfile.mkdtemp(prefix="hqa-bench-"))
        run_pipeline(ROOT / "recordings_sample" / "manifest.csv", work / "src")
        rescore_10k(work / "src", work)
        shutil.rmtree(work, ignore_errors=True)
        return
    work = Path(tempfile.mkdtemp(prefix="hqa-bench-"))
    dirs = [ROOT / "recordings_sample"]
    if not args.quick:
        ev = ROOT / "benchmarks" / "eval_set"
        if not (ev / "manifest.csv").exists():
            subprocess.run([PY, "-m", "benchmarks.synth.eval_calls", str(ev)], cwd=ROOT, check=True)
        dirs.append(ev)
    manifest = combined_batch(dirs, work / "batch")
    labels = list(csv.DictReader(open(manifest.parent / "labels.csv", encoding="utf-8")))
    print(f"machine: {os.cpu_count()} cores; {sys.platform}; python {sys.version.split()[0]}")

    out_b = work / "out_b"
    wall_b, mem_b, _ = run_pipeline(manifest, out_b)
    import pyarrow.parquet as pq

    calls = pq.read_table(out_b / "calls.parquet").to_pylist()
    audio_s = sum(c["duration_s"] or 0 for c in calls)
    findings_b = pq.read_table(out_b / "findings.parquet").to_pylist()
    print(f"audio: {len(calls)} calls, {audio_s / 60:.1f} min")

    if not args.skip_naive:
        res = work / "naive.json"
        script = work / "naive.py"
        script.write_text(NAIVE)
        wall_a, mem_a, _ = timed([PY, str(script), str(manifest), str(res)])
        findings_a = json.loads(res.read_text())["findings"]
    else:
        wall_a = mem_a = float("nan")
        findings_a = []
    pa_, ra, fa = call_level_f1(labels, findings_a)
    pb, rb, fb = call_level_f1(labels, findings_b)
    print("\n                               (a) obvious script   (b) this pipeline")
    print(f"wall seconds                   {wall_a:18.1f}   {wall_b:17.1f}")
    print(f"audio s per wall s             {audio_s / wall_a:18.2f}   {audio_s / wall_b:17.2f}")
    print(f"peak memory (MB, max RSS)      {mem_a:18.0f}   {mem_b:17.0f}")
    print(
        f"phrase-rule F1, call level     {fa:18.3f}   {fb:17.3f}   (P {pa_:.3f}/{pb:.3f}, R {ra:.3f}/{rb:.3f})"
    )
    fam_all = (
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
    print(
        f"all-rule F1, call level        {call_level_f1(labels, findings_a, fam_all)[2]:18.3f}   "
        f"{call_level_f1(labels, findings_b, fam_all)[2]:17.3f}"
    )
    print(f"ratio b/a (audio s per wall s)  {wall_a / wall_b:.2f}")

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
    for label, extra in (
        ("beam 1, per-channel VAD (default)", []),
        ("beam 5", ["--beam-size", "5"]),
        ("2 workers x 1 thread", ["--workers", "2"]),
    ):
        o = work / f"abl-{len(label)}"
        w, m, _ = run_pipeline(sample, o, *extra)
        fs = pq.read_table(o / "findings.parquet").to_pylist()
        lab = list(
            csv.DictReader(open(ROOT / "recordings_sample" / "labels.csv", encoding="utf-8"))
        )
        print(
            f"  {label:36} {w:6.1f}s  peak {m:5.0f} MB  F1(all rules, call level) "
            f"{call_level_f1(lab, fs, fam_all)[2]:.3f}"
        )
        shutil.rmtree(o, ignore_errors=True)

    rescore_10k(out_b, work)
    shutil.rmtree(work, ignore_errors=True)


def rescore_10k(src: Path, work: Path) -> None:
    print("\nrescore of 10,000 stored calls (synthetic copies of the stored rows):")
    big = work / "big"
    make_synthetic_store(src, big, 10_000)
    w, m, stdout = timed([PY, "-m", "pipeline.cli", "rescore", "--out", str(big)])
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
