"""Soak: 1,000 short calls in one run, peak memory at 100 and at 1,000 calls.

    .venv/bin/python -m benchmarks.soak

The calls reuse recordings_sample/'s audio (hard links under new call ids), so after the
first eight transcriptions the transcript cache answers and this measures the pipeline
(manifest, rules, rubric, tables, clips, HTML), not the ASR. Each size runs in a fresh
process on a fresh output folder; memory is that process tree's largest max RSS.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "recordings_sample"
PEAK = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"
)


def make_batch(n: int, dst: Path) -> Path:
    rows = list(csv.DictReader(open(SAMPLE / "manifest.csv", encoding="utf-8")))
    (dst / "audio").mkdir(parents=True)
    out = []
    for i in range(n):
        r = dict(rows[i % len(rows)])
        name = f"audio/C{i:05d}.wav"
        os.link(SAMPLE / r["audio"], dst / name)
        out.append(
            {
                **r,
                "call_id": f"C{i:05d}",
                "audio": name,
                "agent_id": f"8{i % 40:03d}",
                "started_at": f"2026-11-{1 + i % 28:02d}T10:00:00",
            }
        )
    with open(dst / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(out[0]))
        w.writeheader()
        w.writerows(out)
    return dst / "manifest.csv"


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="hqa-soak-"))
    cache = work / "shared-cache"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PREFECT_LOGGING_LEVEL": "WARNING"}

    def run(manifest: Path, out: Path) -> tuple[float, float, str]:
        t0 = time.perf_counter()
        cmd = [
            sys.executable,
            "-m",
            "hotline_qa",
            "run",
            "--manifest",
            str(manifest),
            "--out",
            str(out),
        ]
        p = subprocess.run(
            [sys.executable, "-c", PEAK, *cmd], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if p.returncode not in (0, 1):
            raise SystemExit(p.stderr[-3000:])
        return time.perf_counter() - t0, int(p.stderr.strip().splitlines()[-1]) / 1024, p.stdout

    # Warm the transcript cache once with the eight distinct recordings, so that both sizes
    # below measure the same thing: the pipeline around a cache hit.
    run(SAMPLE / "manifest.csv", work / "warm")
    shutil.copytree(work / "warm" / ".cache", cache)
    print(f"{'calls':>6} {'wall s':>8} {'peak MB':>8}  last line")
    for n in (100, 1000):
        m = make_batch(n, work / f"b{n}")
        out = work / f"o{n}"
        shutil.copytree(cache, out / ".cache")
        wall, peak, stdout = run(m, out)
        print(f"{n:6d} {wall:8.1f} {peak:8.0f}  {stdout.strip().splitlines()[-1]}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
