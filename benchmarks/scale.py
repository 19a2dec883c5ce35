"""A quarter in one store: console start-up, every page, memory, a decision's effect, and
the rescore of the whole quarter after a rule change.

    .venv/bin/python -m benchmarks.scale --build /tmp/quarter [--template out/]
    .venv/bin/python -m benchmarks.scale --serve /tmp/quarter [--rescore]

`--build` writes a synthetic store of 50 agents x 2,000 calls a day x 90 days (180,000
calls) from a real night's rows (`--template`, default README command 1's `out/`): every
table a night holds, with new call and finding ids, agents, teams and start times; each
call's findings repeated to about 5.5 a call (a million findings); 5 % of them decided by
inspectors (85 % confirmed), as the reviews table and the findings' review column say.
Neither the recordings nor the clip files are copied (the clip index is).

`--serve` starts the real console on it (`hotline-qa console --store`, its own process),
then prints: the start-up time (until the queue page is served), each page's latency
(first and second request) and size, the console's resident and peak memory, a decision's
effect (POST, until the scores show it) beside a full rescore of that night, and with
`--rescore` the wall time of `hotline-qa rescore --store` over the whole quarter.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

ROOT = Path(__file__).resolve().parents[1]
FIRST_DAY = date(2026, 9, 1)
TABLES = ("calls", "call_scores", "findings", "clips", "utterances", "speech",
          "internal_utterances", "redactions")  # fmt: skip


def build(dst: Path, template: Path, agents: int, per_day: int, days: int,
          per_call: float, seed: int = 23) -> None:  # fmt: skip
    from pipeline.store import layout
    from pipeline.store.runstate import RUN_FILE
    from pipeline.store.storage import Store
    from scorers.scorecard import build_scorecards

    src = Store(str(template))
    t = {name: src.read_table(name) for name in TABLES}
    ids = t["calls"].column("call_id").to_pylist()
    rows_of = {
        name: {
            c: np.flatnonzero(pc.equal(tab.column("call_id"), c).to_numpy(zero_copy_only=False))
            for c in ids
        }  # fmt: skip
        for name, tab in t.items()
    }
    nf = sum(len(v) for v in rows_of["findings"].values())
    reps = per_call / max(nf / len(ids), 1e-9)  # each call's findings repeated about this often
    # No recordings: a rescore finds none for the clips it would cut (each night's clips
    # exist already in a real store, and a rescore writes none again), so it measures the
    # rules, the rubric and the tables.
    batch_dir = str(dst / "recordings-not-copied")
    rng = np.random.default_rng(seed)
    t0 = time.perf_counter()
    for d in range(days):
        day = FIRST_DAY + timedelta(days=d)
        folder = Path(layout.partition(str(dst), day.isoformat()))
        store = Store(str(folder))
        pick = rng.integers(0, len(ids), per_day)
        new_ids = [f"Q{day:%m%d}{i:05d}" for i in range(per_day)]
        agent = [f"{8000 + i % agents}" for i in range(per_day)]
        team = [f"{1 + (i % agents) % 5}组" for i in range(per_day)]
        start = [
            f"{day}T{8 + (i * 9 * 3600 // per_day) // 3600:02d}:"
            f"{(i * 9 * 3600 // per_day) % 3600 // 60:02d}:00+08:00"
            for i in range(per_day)
        ]
        out = {}
        for name, tab in t.items():
            idx, owner, copy = [], [], []
            for i, p in enumerate(pick):
                r = rows_of[name][ids[p]]
                k = 1
                if name in ("findings", "clips"):
                    k = int(reps) + (rng.random() < reps - int(reps))
                for j in range(k):
                    idx.append(r)
                    owner += [i] * len(r)
                    copy += [j] * len(r)
            idx = np.concatenate(idx) if idx else np.zeros(0, dtype=np.int64)
            sub = tab.take(pa.array(idx, type=pa.int64()))
            owner = np.asarray(owner, dtype=np.int64)
            sub = _set(sub, "call_id", [new_ids[i] for i in owner])
            if "agent_id" in sub.column_names:
                sub = _set(sub, "agent_id", [agent[i] for i in owner])
            if "team" in sub.column_names:
                sub = _set(sub, "team", [team[i] for i in owner])
            if "agent_name" in sub.column_names:
                sub = _set(sub, "agent_name", [f"坐席{agent[i]}" for i in owner])
            if "started_at" in sub.column_names:
                sub = _set(sub, "started_at", [start[i] for i in owner])
            if "finding_id" in sub.column_names:
                old = sub.column("finding_id").to_pylist()
                fid = [hashlib.sha1(f"{new_ids[i]}{o}{c}".encode()).hexdigest()[:12]
                       for i, o, c in zip(owner, old, copy, strict=True)]  # fmt: skip
                sub = _set(sub, "finding_id", fid)
                if name == "clips":
                    sub = _set(sub, "clip", [f"clips/{f}.wav" for f in fid])
            out[name] = sub
        # Inspectors decided 5 % of the findings, 85 % of those confirmed.
        f = out["findings"]
        u = rng.random(f.num_rows)
        review = np.where(u < 0.05 * 0.85, "confirmed", np.where(u < 0.05, "rejected", ""))
        out["findings"] = _set(f, "review", [r or None for r in review.tolist()])
        decided = [i for i, r in enumerate(review) if r]
        fr = out["findings"].take(pa.array(decided, type=pa.int64())).to_pylist()
        reviews = [
            {
                **{
                    k: r[k]
                    for k in (
                        "finding_id",
                        "call_id",
                        "rule_id",
                        "lexicon_entry",
                        "start_s",
                        "end_s",
                    )
                },  # fmt: skip
                "decision": r["review"],
                "comment": "",
                "reviewer": "质检员",
                "decided_at": f"{day}T23:00:00+08:00",
            }
            for r in fr
        ]
        for name, tab in out.items():
            store.write_table(name, tab)
        store.write_table("reviews", reviews)
        store.write_table("rejected", [])
        scores = [{**r, "items": dict(r["items"] or ())} for r in out["call_scores"].to_pylist()]
        cards = build_scorecards(scores, out["findings"].to_pylist())
        store.write_table("agent_scorecards", cards)
        run = {"batch_dir": batch_dir, "fingerprint": "", "summary": {},
               "options": {}, "decisions": {"reviews": len(reviews), "manual_scores": 0}}  # fmt: skip
        store.write_bytes(RUN_FILE, json.dumps(run).encode())
        print(f"  {folder.name}: {per_day} calls, {out['findings'].num_rows} findings, "
              f"{time.perf_counter() - t0:.0f} s", flush=True)  # fmt: skip
    size = sum(p.stat().st_size for p in dst.rglob("*") if p.is_file())
    print(f"built {dst}: {days * per_day} calls in {days} nights, {size / 2**30:.2f} GB")


def _set(tab: pa.Table, col: str, values: list) -> pa.Table:
    i = tab.column_names.index(col)
    return tab.set_column(i, tab.schema.field(i), pa.array(values, type=tab.schema.field(i).type))


# -- serving -----------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as r:
        body = r.read()
    return time.perf_counter() - t0, len(body)


def _post(url: str, base: str, body: dict) -> dict:
    req = urllib.request.Request(
        url, data=json.dumps(body).encode(), method="POST",
        headers={"content-type": "application/json", "origin": base},
    )  # fmt: skip
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read())


def _mem(pid: int) -> tuple[float, float]:
    """(resident, peak) MB of a process."""
    got = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        k, _, v = line.partition(":")
        if k in ("VmRSS", "VmHWM"):
            got[k] = int(v.split()[0]) / 1024
    return got["VmRSS"], got["VmHWM"]


def serve(store: Path, rescore: bool) -> None:
    from pipeline.store import layout
    from pipeline.store.dataset import Dataset

    nights = layout.nights(str(store))
    ds = Dataset(root=str(store))
    n_calls = ds.query("SELECT count(*) AS n FROM {calls}")[0]["n"]
    n_find = ds.query("SELECT count(*) AS n FROM {findings}")[0]["n"]
    print(f"store {store}: {len(nights)} nights, {n_calls} calls, {n_find} findings")
    some = ds.query("SELECT call_id, agent_id FROM {calls} LIMIT 1 OFFSET 1234")[0]
    last_day = nights[-1][0]
    week = ds.query(
        "SELECT finding_id, call_id FROM {findings} WHERE coalesce(review, '') = '' "
        "AND rule_id LIKE 'forbidden.%' LIMIT 1", nights=[len(nights) - 1]
    )[0]  # fmt: skip
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    exe = str(Path(sys.executable).with_name("hotline-qa"))
    t0 = time.perf_counter()
    proc = subprocess.Popen([exe, "console", "--store", str(store), "--port", str(port)],
                            stdout=subprocess.DEVNULL)  # fmt: skip
    try:
        while True:
            try:
                _get(base + "/healthz")
                break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit("the console exited") from None
                time.sleep(0.1)
        listening = time.perf_counter() - t0
        first, _ = _get(base + "/")
        start = time.perf_counter() - t0
        print(f"\nconsole start: listening after {listening:.1f} s, queue page served after "
              f"{start:.1f} s (first page {first:.2f} s)")  # fmt: skip
        pages = [
            ("queue /", "/"),
            ("queue, page 500", "/?page=500"),
            ("queue, last page", "/?page=100000"),
            ("queue, one agent", f"/?agent={some['agent_id']}"),
            ("queue, forbidden.*, one day", f"/?rule=forbidden.&date={last_day}"),
            ("queue, sampled (抽检)", "/?plan=sampled"),
            ("queue, all decided", "/?status=all&page=3"),
            ("call page", f"/calls/{some['call_id']}"),
            ("agents, day", "/agents?period_type=day"),
            ("agents, week", "/agents?period_type=week"),
            ("agents, month", "/agents?period_type=month"),
            ("agent page", f"/agents/{some['agent_id']}"),
            ("agent page, page 20", f"/agents/{some['agent_id']}?page=20"),
            ("clips", "/clips"),
            ("clips, one agent, a week", f"/clips?agent={some['agent_id']}&since={nights[-7][0]}"),
            ("rules (rule health)", "/rules"),
            ("appeals", "/appeals"),
        ]
        print(f"\n{'page':32} {'first':>7} {'again':>7} {'size':>9}")
        worst = 0.0
        for name, url in pages:
            a, size = _get(base + url)
            b, _ = _get(base + url)
            worst = max(worst, a, b)
            print(f"{name:32} {a:6.2f}s {b:6.2f}s {size / 1024:7.0f} KB")
        rss, peak = _mem(proc.pid)
        print(f"slowest page {worst:.2f} s; console memory after the pages: resident {rss:.0f} "
              f"MB, peak {peak:.0f} MB")  # fmt: skip

        # A decision: POST, then until the background update has put it in the scores.
        gen = json.loads(urllib.request.urlopen(base + "/api/rescore").read())["generation"]
        t1 = time.perf_counter()
        _post(base + "/api/decisions", base, {"finding_id": week["finding_id"],
              "decision": "rejected", "reviewer": "基准"})  # fmt: skip
        posted = time.perf_counter() - t1
        while True:
            st = json.loads(urllib.request.urlopen(base + "/api/rescore").read())
            if st["generation"] > gen and st["state"] in ("idle", "failed"):
                break
            time.sleep(0.05)
        applied = time.perf_counter() - t1
        after, _ = _get(base + "/agents?period_type=week")
        rss, peak = _mem(proc.pid)
        print(
            f"\ndecision: POST {posted:.2f} s; in the scores after {applied:.1f} s "
            f"({st['state']}{': ' + st['error'] if st['error'] else ''}); the week's "
            f"ranking then {after:.2f} s; memory resident {rss:.0f} MB, peak {peak:.0f} MB"
        )
    finally:
        proc.terminate()
        proc.wait(30)
    # The same decision's night, rescored in full (what the console did before).
    from hotline_qa.console.rescore import rescore_folder

    t2 = time.perf_counter()
    rescore_folder(nights[-1][1])
    print(f"a full rescore of that night ({nights[-1][0]}): {time.perf_counter() - t2:.1f} s")
    if rescore:
        t3 = time.perf_counter()
        r = subprocess.run(
            [sys.executable, "-c", PEAK, exe, "rescore", "--store", str(store)],
            capture_output=True, text=True,
        )  # fmt: skip
        wall = time.perf_counter() - t3
        peak_mb = int(r.stderr.strip().splitlines()[-1]) / 1024
        tail = [ln for ln in r.stdout.splitlines() if ln.startswith("calls:")]
        print(
            f"\nrescore of the whole quarter (hotline-qa rescore --store): {wall:.0f} s "
            f"({wall / max(1, n_calls) * 1000:.1f} ms a call), peak memory {peak_mb:.0f} MB, "
            f"exit {r.returncode}; {tail[-1] if tail else r.stdout[-300:]}"
        )


PEAK = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=None); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(r.returncode)"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--build", type=Path, metavar="DIR", help="write the synthetic store here")
    g.add_argument("--serve", type=Path, metavar="DIR", help="measure the console on this store")
    ap.add_argument("--template", type=Path, default=ROOT / "out", help="a night folder")
    ap.add_argument("--agents", type=int, default=50)
    ap.add_argument("--calls-per-day", type=int, default=2000)
    ap.add_argument("--days", type=int, default=90)
    ap.add_argument("--findings-per-call", type=float, default=5.5)
    ap.add_argument("--rescore", action="store_true", help="also rescore the whole quarter")
    a = ap.parse_args()
    if a.build:
        if a.build.exists():
            shutil.rmtree(a.build)
        build(a.build, a.template, a.agents, a.calls_per_day, a.days, a.findings_per_call)
    else:
        serve(a.serve, a.rescore)


if __name__ == "__main__":
    main()
