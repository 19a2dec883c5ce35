"""The console under inspectors' writes: page latency while 8 people save manual scores.

    .venv/bin/python -m benchmarks.console_load [--calls 1000] [--writers 8] [--rounds 4]

Builds a night of N calls from recordings_sample/'s audio (`benchmarks.soak`: the transcript
cache answers after eight transcriptions), serves it with the real console (uvicorn, in this
process), then prints, side by side: the queue page's latency alone, and while `writers`
threads each save `rounds` manual scores (each followed by the console's background
rescore); the writes' own latency; and how long until the last rescore finished.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from benchmarks.soak import ROOT, SAMPLE, make_batch  # noqa: E402


def _get(url: str) -> float:
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as r:
        r.read()
    return time.perf_counter() - t0


def _post(url: str, body: dict) -> float:
    t0 = time.perf_counter()
    req = urllib.request.Request(
        url, json.dumps(body).encode(), {"content-type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(req, timeout=300) as r:
        r.read()
    return time.perf_counter() - t0


def _stats(xs: list[float]) -> str:
    if not xs:
        return "-"
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, int(0.95 * len(xs)))]
    return f"median {statistics.median(xs):.3f} s, p95 {p95:.3f} s (n={len(xs)})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=1000)
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hqa-console-"))
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    out = work / "out"
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "hotline_qa", "run", "--manifest", str(SAMPLE / "manifest.csv"),
         "--out", str(work / "warm")], cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    shutil.copytree(work / "warm" / ".cache", out / ".cache")
    manifest = make_batch(args.calls, work / "batch")
    subprocess.run(
        [sys.executable, "-m", "hotline_qa", "run", "--manifest", str(manifest), "--out", str(out)],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    print(f"night of {args.calls} calls built in {time.perf_counter() - t0:.0f} s")

    import uvicorn

    from hotline_qa.console.app import create_app

    app = create_app([str(out)])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    _get(base + "/")  # the first read of the tables
    alone = [_get(base + "/") for _ in range(10)]

    calls = [
        r["call_id"]
        for r in app.state.data.q("SELECT DISTINCT call_id FROM {call_scores} ORDER BY 1")
    ]
    posts: list[float] = []
    during: list[float] = []
    done = threading.Event()

    def writer(w: int) -> None:
        for k in range(args.rounds):
            cid = calls[(w * args.rounds + k) % len(calls)]
            body = {"call_id": cid, "item_id": "answer_accuracy", "points": 15,
                    "comment": "", "reviewer": f"检{w}"}  # fmt: skip
            posts.append(_post(base + "/api/manual", body))

    def reader() -> None:
        while not done.is_set():
            during.append(_get(base + "/"))

    r = threading.Thread(target=reader)
    r.start()
    t1 = time.perf_counter()
    ws = [threading.Thread(target=writer, args=(w,)) for w in range(args.writers)]
    for t in ws:
        t.start()
    for t in ws:
        t.join()
    writes_s = time.perf_counter() - t1
    while app.state.rescorer.status.state in ("queued", "running"):
        time.sleep(0.2)
    settled_s = time.perf_counter() - t1
    done.set()
    r.join()
    server.should_exit = True
    print(f"queue page, nobody writing:       {_stats(alone)}")
    print(f"queue page, {args.writers} writing at once:    {_stats(during)}")
    print(f"manual-score POSTs:               {_stats(posts)}")
    print(f"all {len(posts)} writes returned after {writes_s:.1f} s; "
          f"scores current (last rescore done) after {settled_s:.1f} s")  # fmt: skip
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
