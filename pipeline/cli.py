"""`hotline-qa`: a thin command line over the Prefect flows (as WhisperX keeps CLI and pipeline apart).

Exit codes: 0 every input processed, 1 some inputs rejected (outputs for the rest are
complete), 2 the run itself failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def _env() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never contact a model hub
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def _task_runner(args):
    if getattr(args, "runner", "local") == "dask":
        from prefect_dask import DaskTaskRunner

        if args.address:
            return DaskTaskRunner(address=args.address)
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": args.workers, "threads_per_worker": 1, "processes": True}
        )
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=max(1, args.workers))


def _finish(summary: dict, seconds: float) -> int:
    print(
        f"calls: {summary['calls']}  scored: {summary['scored']}  findings: {summary['findings']}  "
        f"clips: {summary['clips']}"
    )
    print(
        f"transcribed: {summary['transcribed']}  from cache: {summary['cached']}  rejected: {summary['rejected']}  "
        f"wall: {seconds:.1f}s"
    )
    return 1 if summary["rejected"] else 0


def cmd_run(args) -> int:
    from flows.nightly import nightly

    t0 = time.perf_counter()
    flow = nightly.with_options(task_runner=_task_runner(args))
    summary = flow(
        manifest=args.manifest,
        out=args.out,
        model=args.model,
        device=args.device,
        compute_type=args.compute_type,
        workers=args.workers,
        lexicons=args.lexicons,
        beam_size=args.beam_size,
        bleep_pii=args.bleep_pii,
        caller_words=args.caller_words,
    )
    return _finish(summary, time.perf_counter() - t0)


def cmd_rescore(args) -> int:
    from flows.nightly import rescore

    t0 = time.perf_counter()
    return _finish(
        rescore(out=args.out, lexicons=args.lexicons, bleep_pii=args.bleep_pii),
        time.perf_counter() - t0,
    )


def cmd_serve(args) -> int:
    from prefect.schedules import Cron

    from flows.nightly import nightly

    print(
        "serving deployment 'hotline-qa-nightly/nightly' (cron 0 2 * * *, Asia/Shanghai); it needs a Prefect "
        "server: `prefect server start` and PREFECT_API_URL=http://127.0.0.1:4200/api"
    )
    nightly.serve(
        name="nightly",
        schedules=[Cron("0 2 * * *", timezone="Asia/Shanghai")],
        # Absolute paths: the deployment runs later, from wherever the worker starts.
        parameters={
            "manifest": os.path.abspath(args.manifest),
            "out": args.out if "://" in args.out else os.path.abspath(args.out),
            "model": os.path.abspath(args.model) if args.model else None,
            "workers": args.workers,
        },
    )
    return 0


def cmd_review(args) -> int:
    from pipeline.review import list_queue, record_decision

    if args.finding:
        record_decision(args.out, args.finding, args.decision, args.comment, args.reviewer)
        print(
            f"{args.finding}: {args.decision}. Run `hotline-qa rescore --out {args.out}` to update the scores."
        )
        return 0
    for row in list_queue(args.out)[: args.limit]:
        conf = "" if row["confidence"] is None else f"{row['confidence']:.2f}"
        print(
            f"{row['finding_id'] or '-':12}  {row['kind']:7} {row['call_id']:10} {row['agent_id']:6} "
            f"{row['rule_id']:24} {conf:5} {row['evidence']}"
        )
    return 0


def cmd_clips(args) -> int:
    from pipeline.review import filter_clips

    rows = filter_clips(args.out, args.rule, args.agent, args.since)
    for r in rows:
        print(
            f"{r['clip']}\t{r['rule_id']}\t{r['agent_id']}\t{r['started_at'][:16]}\t{r['evidence']}"
        )
    print(f"{len(rows)} clips", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="hotline-qa", description="12333 hotline call quality monitoring"
    )
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="transcribe, check and score a batch")
    r.add_argument("--manifest", required=True)
    r.add_argument("--out", required=True, help="output folder or filesystem URI (file://, s3://)")
    r.add_argument(
        "--model", default=None, help="CTranslate2 Whisper folder (default: offline Whisper base)"
    )
    r.add_argument("--workers", type=int, default=1)
    r.add_argument("--device", default="cpu")
    r.add_argument("--compute-type", default="int8")
    r.add_argument("--beam-size", type=int, default=1)
    r.add_argument(
        "--caller-words",
        choices=["context", "full"],
        default="context",
        help="stereo calls: transcribe the caller only within 10 s of each timed finding "
        "(context, default: the rules need only the agent's words) or the whole caller "
        "channel (full). Mono calls are always transcribed in full.",
    )
    r.add_argument("--runner", choices=["local", "dask"], default="local")
    r.add_argument("--address", default=None, help="Dask scheduler, e.g. tcp://HOST:8786")
    r.add_argument(
        "--lexicons", default=None, help="folder with the lexicon/rubric YAML (default: lexicons/)"
    )
    r.add_argument(
        "--bleep-pii", action="store_true", help="bleep ID-card/phone numbers in exported clips"
    )
    r.set_defaults(fn=cmd_run)
    s = sub.add_parser("rescore", help="re-run rules and rubric on stored transcripts (no ASR)")
    s.add_argument("--out", required=True)
    s.add_argument("--lexicons", default=None)
    s.add_argument(
        "--bleep-pii", action="store_true", help="bleep ID-card/phone numbers in exported clips"
    )
    s.set_defaults(fn=cmd_rescore)
    v = sub.add_parser(
        "serve", help="register the nightly deployment (02:00 Asia/Shanghai) with a Prefect server"
    )
    v.add_argument("--manifest", required=True)
    v.add_argument("--out", required=True)
    v.add_argument("--model", default=None)
    v.add_argument("--workers", type=int, default=1)
    v.set_defaults(fn=cmd_serve)
    w = sub.add_parser("review", help="list the review queue, or record a decision on a finding")
    w.add_argument("--out", required=True)
    w.add_argument("--finding", default=None)
    w.add_argument("--decision", choices=["confirmed", "rejected"], default=None)
    w.add_argument("--comment", default="")
    w.add_argument("--reviewer", default=os.environ.get("USER", ""))
    w.add_argument("--limit", type=int, default=50)
    w.set_defaults(fn=cmd_review)
    c = sub.add_parser("clips", help="list flagged clips, filtered")
    c.add_argument("--out", required=True)
    c.add_argument("--rule", default="*", help="glob, e.g. 'forbidden.*'")
    c.add_argument("--agent", default=None)
    c.add_argument("--since", default=None, help="YYYY-MM-DD")
    c.set_defaults(fn=cmd_clips)
    return p


def main(argv: list[str] | None = None) -> int:
    _env()
    args = build_parser().parse_args(argv)
    if args.cmd == "review" and args.finding and not args.decision:
        print("error: --finding needs --decision confirmed|rejected", file=sys.stderr)
        return 2
    try:
        return args.fn(args)
    except Exception as e:  # a clear message and exit 2, never a bare traceback
        from pipeline.config import ConfigError
        from pipeline.manifest import ManifestError
        from pipeline.storage import LockedError

        if isinstance(e, ManifestError | LockedError | ConfigError | FileNotFoundError):
            print(f"error: {e}", file=sys.stderr)
        else:
            import traceback

            traceback.print_exc()
            print(f"error: the run failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
