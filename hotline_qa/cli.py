"""`hotline-qa`: a thin command line over the Prefect flows (as WhisperX keeps CLI and pipeline apart).

Every invocation is checked first (Python, manifest, lexicons, output folder, lock, dates)
without importing Prefect, so a bad one answers in about a second with one clear line and
exit code 2. A rerun of a finished night with nothing changed stops there too.

Exit codes: 0 every input processed, 1 some inputs rejected (outputs for the rest are
complete), 2 the run itself failed or the invocation is wrong.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from dataclasses import asdict
from datetime import UTC, date

from hotline_qa import __version__
from hotline_qa.env import prefect_defaults
from hotline_qa.prefect_api import api_for_run
from pipeline.speech.settings import AsrSettings, CallerWords

ASR = AsrSettings()  # the defaults the options show

MIN_PYTHON = (3, 11)


class UsageError(Exception):
    """A wrong invocation: one line on stderr, exit code 2."""


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name for this uid
        return ""


def _env() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never contact a model hub
    prefect_defaults()


# -- checks before any engine starts ---------------------------------------------------------
def _check_lexicons(args) -> None:
    from pipeline.inputs.config import load_config

    load_config(args.lexicons)  # ConfigError names the file


def _check_manifest(path: str) -> None:
    from pipeline.inputs import files
    from pipeline.inputs.manifest import parse_manifest

    if files.size(path) is None:
        raise UsageError(f"manifest not found: {path}")
    parse_manifest(files.read_bytes(path))  # ManifestError says what is wrong with it


def _check_unlocked(out: str) -> None:
    from pipeline.store.storage import Store

    Store(out).check_unlocked()  # LockedError names the holder


def _check_output_folder(out: str) -> None:
    from pipeline.store.runstate import is_output_folder

    if not is_output_folder(out):
        raise UsageError(
            f"{out} is not the output folder of a run (no calls.parquet); "
            "run `hotline-qa run --manifest M --out DIR` first"
        )


def _check_date(value: str | None, option: str = "--since") -> None:
    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; use YYYY-MM-DD") from None


def _night_out(args) -> None:
    """`--store ROOT [--night D]`: the night's date partition is the output folder."""
    if getattr(args, "store", None) is None:
        return
    from pipeline.inputs import files
    from pipeline.store import layout

    if "://" in args.store:
        raise UsageError("--store is a local folder (a filesystem URI works with --out)")
    if args.night:
        _check_date(args.night, "--night")
    try:
        args.out = layout.manifest_night(args.store, files.read_bytes(args.manifest), args.night)
    except ValueError as e:
        raise UsageError(str(e)) from None


def _store_nights(args) -> list[str]:
    """The night folders a command works on: --out, or the store's (one with --night)."""
    if getattr(args, "store", None) is None:
        return [args.out]
    from pipeline.store import layout

    if args.night:
        _check_date(args.night, "--night")
    found = [f for d, f in layout.nights(args.store) if not args.night or d == args.night]
    if not found:
        what = f"night {args.night}" if args.night else "published night"
        raise UsageError(f"the store {args.store} holds no {what} (date=YYYY-MM-DD folders)")
    return found


def _asr_settings(args) -> AsrSettings:
    """The run's ASR settings: the command line's, every default AsrSettings' own."""
    return AsrSettings(
        model_dir=args.model or "",
        device=args.device,
        compute_type=args.compute_type,
        beam_size=args.beam_size,
        caller_words=args.caller_words,
        batch_size=args.batch_size,
    )


def _run_params(args) -> dict:
    return {
        "asr": _asr_settings(args),
        "workers": args.workers,
        "lexicons": args.lexicons,
        "bleep_pii": args.bleep_pii,
        "enrolment": args.enrolment or "",
    }


# -- commands --------------------------------------------------------------------------------
def _task_runner(args):
    from pipeline.speech.asr import workers_for

    if getattr(args, "runner", "local") == "dask":
        from prefect_dask import DaskTaskRunner

        if args.address:
            return DaskTaskRunner(address=args.address)
        return DaskTaskRunner(
            cluster_kwargs={
                "n_workers": workers_for(args.workers),
                "threads_per_worker": 1,
                "processes": True,
            }
        )
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=workers_for(args.workers))


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
    from pipeline.inputs.config import lexicon_dir
    from pipeline.store.runstate import fingerprint, last_run

    t0 = time.perf_counter()
    _night_of(args)
    _check_manifest(args.manifest)
    _night_out(args)
    _check_unlocked(args.out)
    params = _run_params(args)
    fp = fingerprint(args.manifest, lexicon_dir(args.lexicons), params, args.out, __version__)
    last = last_run(args.out)
    if last.get("fingerprint") == fp and last.get("summary"):
        # Same manifest, recordings, lexicons, settings and reviews as the last complete run.
        print("nothing changed since the last run of this folder; its outputs are current")
        s = last["summary"]
        return _finish(
            {**s, "transcribed": 0, "cached": s["transcribed"] + s["cached"]},
            time.perf_counter() - t0,
        )
    with api_for_run() as api_ready:  # boots while the lexicons compile (~3 s each)
        _check_lexicons(args)  # before any call is decoded
        from flows.nightly import nightly

        flow = nightly.with_options(task_runner=_task_runner(args))
        api_ready()
        summary = flow(manifest=args.manifest, out=args.out, fingerprint=fp, **params)
    return _finish(summary, time.perf_counter() - t0)


def cmd_rescore(args) -> int:
    t0 = time.perf_counter()
    outs = _store_nights(args)
    for out in outs:
        _check_output_folder(out)
        _check_unlocked(out)
    total: dict = {}
    with api_for_run() as api_ready:
        _check_lexicons(args)
        from flows.nightly import rescore

        api_ready()
        for out in outs:  # a store: night by night, each under its own lock
            summary = rescore(out=out, lexicons=args.lexicons, bleep_pii=args.bleep_pii)
            if len(outs) > 1:
                print(f"{out}: calls {summary['calls']}  findings {summary['findings']}", flush=True)
            for k in ("calls", "scored", "findings", "clips", "transcribed", "cached", "rejected"):
                total[k] = total.get(k, 0) + summary[k]
    return _finish(total, time.perf_counter() - t0)


def cmd_import(args) -> int:
    from pipeline.store import layout

    for folder in args.folders:
        _check_output_folder(folder)
        _check_unlocked(folder)
    from pipeline.store.storage import Store

    for folder in args.folders:
        starts = [c["started_at"] for c in Store(folder).read_rows("calls")]
        try:
            day = args.night or layout.night_day(starts)
            dest = layout.import_night(args.store, folder, day, move=args.move)
        except (ValueError, FileExistsError) as e:
            raise UsageError(f"{folder}: {e}") from None
        print(f"{folder} -> {dest} ({len(starts)} calls)")
    return 0


def _night_of(args) -> None:
    """A manifest path with `{date}`: the night's own export (--night, else yesterday in
    Asia/Shanghai), and that night's partition of a store."""
    from datetime import datetime

    from pipeline.inputs.manifest import DATE_FIELD, night_export

    if DATE_FIELD not in args.manifest:
        return
    if args.night:
        _check_date(args.night, "--night")
    args.manifest, args.night = night_export(args.manifest, args.night, datetime.now(UTC))


def deployment(args):
    """The nightly deployment `serve` runs: the flow, its cron schedule and every run option
    as parameters (absolute paths: the deployment runs later, from wherever it was served)."""
    from prefect.schedules import Cron

    from flows.nightly import nightly

    if args.night:
        raise UsageError("serve runs every night; --night is for `run` (a manifest with {date} "
                         "reads the night before each run)")  # fmt: skip
    params = _run_params(args)
    params["asr"] = asdict(params["asr"])
    if params["asr"]["model_dir"]:
        params["asr"]["model_dir"] = os.path.abspath(params["asr"]["model_dir"])
    if params["lexicons"]:
        params["lexicons"] = os.path.abspath(params["lexicons"])
    if params["enrolment"] and "://" not in params["enrolment"]:
        params["enrolment"] = os.path.abspath(params["enrolment"])
    where = (
        {"store_root": os.path.abspath(args.store)}
        if args.store
        else {"out": args.out if "://" in args.out else os.path.abspath(args.out)}
    )
    flow = nightly.with_options(task_runner=_task_runner(args))
    # _sync: the synchronous builder even where an event loop runs in this thread (Prefect
    # would otherwise hand back a coroutine).
    return flow.to_deployment(
        name="nightly",
        schedules=[Cron(args.cron, timezone=args.timezone)],
        parameters={"manifest": os.path.abspath(args.manifest), **where, **params},
        _sync=True,
    )


def cmd_serve(args) -> int:
    from pipeline.inputs.manifest import DATE_FIELD

    if DATE_FIELD not in args.manifest:
        _check_manifest(args.manifest)
    elif not os.path.isdir(args.manifest.split(DATE_FIELD)[0] or "."):
        raise UsageError(
            f"the manifest's folder does not exist: {args.manifest.split(DATE_FIELD)[0]}"
        )
    _check_lexicons(args)
    from prefect import serve

    dep = deployment(args)
    print(
        f"serving deployment 'hotline-qa-nightly/nightly' (cron {args.cron}, {args.timezone}); "
        "it needs a Prefect server: `prefect server start` and "
        "PREFECT_API_URL=http://127.0.0.1:4200/api"
    )
    serve(dep)
    return 0


def cmd_review(args) -> int:
    _check_output_folder(args.out)
    _check_lexicons(args)
    from pipeline.review.decisions import list_queue, record_decision

    if args.finding:
        if not args.decision:
            raise UsageError("--finding needs --decision confirmed|rejected")
        if not args.reviewer.strip():
            raise UsageError("--reviewer is empty: every decision records who made it")
        record_decision(args.out, args.finding, args.decision, args.comment, args.reviewer)
        print(
            f"{args.finding}: {args.decision}. Run `hotline-qa rescore --out {args.out}` to update the scores."
        )
        return 0
    for row in list_queue(args.out, args.lexicons)[: args.limit]:
        conf = "" if row["confidence"] is None else f"{row['confidence']:.2f}"
        print(
            f"{row['finding_id'] or '-':12}  {row['kind']:7} {row['call_id']:10} {row['agent_id']:6} "
            f"{row['rule_id']:24} {conf:5} {row['evidence']}"
        )
    return 0


def cmd_clips(args) -> int:
    _check_output_folder(args.out)
    _check_date(args.since)
    from pipeline.review.decisions import filter_clips

    rows = filter_clips(args.out, args.rule, args.agent, args.since)
    for r in rows:
        print(
            f"{r['clip']}\t{r['rule_id']}\t{r['agent_id']}\t{r['started_at'][:16]}\t{r['evidence']}"
        )
    print(f"{len(rows)} clips", file=sys.stderr)
    return 0


def cmd_calibrate(args) -> int:
    for out in args.out:
        _check_output_folder(out)
    _check_lexicons(args)
    from pipeline.review.calibrate import calibrate

    r = calibrate(args.out, args.lexicons, args.write)
    print(f"decided forbidden-phrase findings: {r['decided']} (fit on {r['train']}, "
          f"held back {r['test']})")  # fmt: skip
    if "error" in r:
        print(f"not calibrated: {r['error']}", file=sys.stderr)
        return 1
    print(
        f"Brier score on the held-back decisions: before {r['before']:.4f}, after {r['after']:.4f}"
    )
    if r["written"]:
        print(f"wrote {r['written']} (fitted on all {r['decided']}); rescore to apply it")
    return 0


def cmd_label(args) -> int:
    _check_output_folder(args.out)
    from pipeline.review.decisions import record_line_label

    row = record_line_label(args.out, args.call, args.at, args.label, args.reviewer, args.lexicons)
    print(f"labelled {row['call_id']} {row['start_s']:.1f}-{row['end_s']:.1f}s "
          f"{row['speaker']} 「{row['text']}」 as {row['label']}")  # fmt: skip
    return 0


def cmd_learn(args) -> int:
    from pipeline.inputs.config import load_config
    from pipeline.review import learned
    from pipeline.store.layout import is_store

    if not is_store(args.out):
        _check_output_folder(args.out)
    _check_lexicons(args)

    folder = learned.folder_for(args.out)
    if args.restore:
        learned.restore(folder, args.restore)
        print(f"{folder}: current trigger model is now {args.restore}; rescore to apply it")
        return 0
    if args.list:
        now = learned.current(folder)
        for v in learned.versions(folder):
            doc = learned.read(folder, v)
            print(f"{'*' if v == now else ' '} {v}  {doc['made_at']}  examples {doc['sources']}")
        return 0
    r = learned.learn(args.out, load_config(args.lexicons), args.held_share)
    print(f"reviewed examples: {r['examples']} (refit on {r['train']}, held out {r['held']} "
          "by call)")  # fmt: skip
    print(f"  {'class':<18}{'P before':>9}{'R before':>9}{'P after':>9}{'R after':>9}{'n':>4}")
    from scorers.learning import pr

    for c, f in r["figures"].items():
        (p0, r0), (p1, r1) = pr(tuple(f["before"])), pr(tuple(f["after"]))
        n = f["before"][0] + f["before"][2]
        print(f"  {c:<18}{p0:>9.2f}{r0:>9.2f}{p1:>9.2f}{r1:>9.2f}{n:>4}")
    print(f"wrote {r['folder']}/intents-{r['version']}.yaml (fitted on every example) and made it "
          "current; `hotline-qa rescore` and the next night use it")  # fmt: skip
    return 0


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def cmd_console(args) -> int:
    if bool(args.out) == bool(args.store):
        raise UsageError("give the store (--store DIR) or night folders (--out DIR ...)")
    for out in args.out or []:
        _check_output_folder(out)
    if args.store and not os.path.isdir(args.store):
        raise UsageError(f"no store at {args.store}")
    _check_lexicons(args)
    tokens = None
    if args.token_file:
        from hotline_qa.console.app import read_tokens

        try:
            tokens = read_tokens(args.token_file)
        except (OSError, ValueError) as e:
            raise UsageError(f"--token-file: {e}") from None
    elif args.host not in LOOPBACK:
        raise UsageError(
            f"refusing to serve on {args.host} without --token-file: anyone on the network "
            "could read transcripts and change scores (bind 127.0.0.1, or give a token file)"
        )
    import uvicorn

    from hotline_qa.console.app import create_app

    app = create_app(args.out, args.lexicons, tokens, root=args.store)
    what = f"store {args.store}" if args.store else ", ".join(args.out)
    print(f"console: http://{args.host}:{args.port}/  ({what})", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


# -- arguments -------------------------------------------------------------------------------
def _lexicons_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lexicons",
        default=None,
        metavar="DIR",
        help="folder with the lexicon and rubric YAML files (default: the shipped lexicons/)",
    )


def _out_option(p: argparse.ArgumentParser, what: str, store: str = "") -> None:
    """--out DIR; with `store`, or --store ROOT [--night YYYY-MM-DD] instead."""
    if not store:
        p.add_argument(
            "--out", required=True, metavar="DIR", help=f"{what} (a folder or a filesystem URI)"
        )
        return
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--out", metavar="DIR", help=f"{what} (a folder or a filesystem URI)")
    g.add_argument("--store", metavar="DIR", help=store)
    p.add_argument("--night", default=None, metavar="YYYY-MM-DD",
                   help="with --store: the night (date partition) to work on")  # fmt: skip


def _run_options(p: argparse.ArgumentParser) -> None:
    """What `run` and `serve` both take."""
    p.add_argument(
        "--manifest",
        required=True,
        metavar="CSV",
        help="the batch's manifest: call_id, agent_id, audio, started_at (+ optional columns); "
        "audio paths are relative to its folder",
    )
    _out_option(
        p,
        "where the tables, clips and report are written",
        "the store of every night: the batch goes to its night's date=YYYY-MM-DD folder (the "
        "day most of its calls started, Asia/Shanghai, unless --night says)",
    )
    p.add_argument(
        "--model",
        default=None,
        metavar="DIR",
        help="a CTranslate2 Whisper folder (default: the offline Whisper base shipped as wheels)",
    )
    p.add_argument(
        "--enrolment",
        default=None,
        metavar="DIR",
        help="a folder shared by the nights' output folders: the agents' voiceprints "
        "(voiceprints.parquet) are read from it and this run's are added (mono calls)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="calls transcribed at once; the CPU's cores are shared between them (default 0: "
        "one per core, each decoding on one thread, which measured faster than one call on "
        "all cores)",
    )
    p.add_argument(
        "--device",
        default=ASR.device,
        choices=["cpu", "cuda"],
        help=f"where Whisper runs (default {ASR.device})",
    )
    p.add_argument(
        "--compute-type",
        default=ASR.compute_type,
        metavar="TYPE",
        help="CTranslate2 compute type: int8 on CPU (default), float16 on a GPU",
    )
    p.add_argument(
        "--beam-size",
        type=int,
        default=ASR.beam_size,
        metavar="N",
        help="Whisper beam size (default 1: greedy, with the coverage re-decode as the safety net)",
    )
    p.add_argument(
        "--batch-size",
        type=int,
        default=ASR.batch_size,
        metavar="N",
        help="Whisper clips decoded at once; both channels' speech is packed into 30 s clips "
        "(default 8; 0: one channel at a time with faster-whisper's own VAD, slower)",
    )
    p.add_argument(
        "--caller-words",
        choices=[c.value for c in CallerWords],
        default=ASR.caller_words.value,
        help="stereo calls: transcribe the whole caller channel (full, default: the "
        "situational rules' triggers are the caller's words) or only within 10 s of each "
        "timed finding (context: cheaper; situational rules then see only those words). "
        "Mono calls are always transcribed in full.",
    )
    p.add_argument(
        "--runner",
        choices=["local", "dask"],
        default="local",
        help="local threads (default) or a Dask cluster (prefect-dask)",
    )
    p.add_argument(
        "--address",
        default=None,
        metavar="URL",
        help="the Dask scheduler, e.g. tcp://HOST:8786 (default with --runner dask: a local cluster)",
    )
    _lexicons_option(p)
    p.add_argument(
        "--bleep-pii",
        action="store_true",
        help="replace ID-card and phone numbers in exported clips with a 1 kHz tone",
    )


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="hotline-qa",
        description="12333 hotline call quality monitoring: transcribe a night's calls, check "
        "them against the service norms, score calls and agents.",
    )
    p.add_argument("--version", action="version", version=f"hotline-qa {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="transcribe, check and score a batch")
    _run_options(r)
    r.set_defaults(fn=cmd_run)
    s = sub.add_parser("rescore", help="re-run rules and rubric on stored transcripts (no ASR)")
    _out_option(s, "the output folder of a run", "the store: every night in it (or --night's)")
    _lexicons_option(s)
    s.add_argument(
        "--bleep-pii",
        action="store_true",
        default=None,
        help="replace ID-card and phone numbers in exported clips with a 1 kHz tone "
        "(default: as the run did; the run's options are stored in run.json)",
    )
    s.set_defaults(fn=cmd_rescore)
    v = sub.add_parser(
        "serve",
        help="serve the nightly deployment (default 02:00 Asia/Shanghai) with a Prefect server",
        description="Takes every option of `run`; the deployment runs them each night. A "
        "--manifest with {date} in it reads each night's own export: the day before the run.",
    )
    _run_options(v)
    v.add_argument(
        "--cron",
        default="0 2 * * *",
        help="when the night runs, a cron expression (default '0 2 * * *')",
    )
    v.add_argument(
        "--timezone", default="Asia/Shanghai", help="the cron's time zone (default Asia/Shanghai)"
    )
    v.set_defaults(fn=cmd_serve)
    w = sub.add_parser("review", help="list the review queue, or record a decision on a finding")
    _out_option(w, "the output folder of a run")
    w.add_argument("--finding", default=None, metavar="ID", help="the finding to decide on")
    w.add_argument(
        "--decision", choices=["confirmed", "rejected"], default=None, help="with --finding"
    )
    w.add_argument("--comment", default="", help="why (kept with the decision)")
    w.add_argument(
        "--reviewer",
        default=_login(),
        help="who decides (default: the login name); an empty reviewer is refused",
    )
    w.add_argument("--limit", type=int, default=50, metavar="N", help="queue rows shown (50)")
    _lexicons_option(w)
    w.set_defaults(fn=cmd_review)
    c = sub.add_parser("clips", help="list flagged clips, filtered")
    _out_option(c, "the output folder of a run")
    c.add_argument("--rule", default="*", help="rule id glob, e.g. 'forbidden.*' (default all)")
    c.add_argument("--agent", default=None, metavar="ID", help="one agent's clips")
    c.add_argument("--since", default=None, metavar="YYYY-MM-DD", help="calls on or after")
    _lexicons_option(c)
    c.set_defaults(fn=cmd_clips)
    m = sub.add_parser(
        "import",
        help="put per-night output folders into a store, each as its night's date partition",
    )
    m.add_argument("--store", required=True, metavar="DIR", help="the store (created if new)")
    m.add_argument("folders", nargs="+", metavar="DIR", help="night output folders")
    m.add_argument("--night", default=None, metavar="YYYY-MM-DD",
                   help="the night's date (default: the day most of its calls started)")  # fmt: skip
    m.add_argument("--move", action="store_true", help="move the folders instead of copying")
    m.set_defaults(fn=cmd_import)
    k = sub.add_parser(
        "calibrate",
        help="refit the confidence model from inspectors' decisions; before/after on held-back ones",
    )
    k.add_argument("--out", action="append", required=True, metavar="DIR",
                   help="an output folder with decisions (repeat for several nights)")  # fmt: skip
    k.add_argument("--write", action="store_true",
                   help="store the model fitted on all decisions in the lexicons' confidence.yaml")  # fmt: skip
    _lexicons_option(k)
    k.set_defaults(fn=cmd_calibrate)
    lb = sub.add_parser(
        "label",
        help="标注 a transcript line as a trigger class (complaint, upset, ...) or 'none'",
    )
    lb.add_argument("--out", required=True, metavar="DIR", help="the night's output folder")
    lb.add_argument("--call", required=True, help="call id")
    lb.add_argument("--at", type=float, required=True, metavar="SECONDS",
                    help="a time inside the line")  # fmt: skip
    lb.add_argument("--label", required=True, help="an intent class of a trigger, or none")
    lb.add_argument("--reviewer", required=True)
    _lexicons_option(lb)
    lb.set_defaults(fn=cmd_label)
    le = sub.add_parser(
        "learn",
        help="refit the situational trigger classes on inspectors' verdicts and labels",
        description="Refits the trigger classes on the lexicons' corpus plus every reviewed "
        "situational finding and labelled line of the folder (a night, or a whole store), "
        "prints per-class precision and recall before and after on a held-out slice of the "
        "reviews, and writes a new version that rescore and the next night use.",
    )
    le.add_argument("--out", required=True, metavar="DIR", help="a night's folder or the store")
    le.add_argument("--held-share", type=float, default=0.3,
                    help="share of reviewed calls held out for the before/after figures")  # fmt: skip
    le.add_argument("--restore", default=None, metavar="VERSION",
                    help="make an earlier version current again (e.g. v0001)")  # fmt: skip
    le.add_argument("--list", action="store_true", help="list the versions")
    _lexicons_option(le)
    le.set_defaults(fn=cmd_learn)
    q = sub.add_parser(
        "console",
        help="the QA console in the browser: review queue, calls, agents, clips",
        description="Serves one or more nights' output folders as a web app for inspectors "
        "(review queue, call pages with audio and transcript, decisions and manual scores, "
        "followed by a background rescore), managers (agent and team rankings, trends) and "
        "trainers (clips, filtered, as one zip). It binds 127.0.0.1 unless told otherwise; "
        "any other address needs --token-file. GET /healthz answers ok.",
    )
    q.add_argument(
        "--out",
        action="append",
        default=None,
        metavar="DIR",
        help="a night's output folder (repeat for several nights)",
    )
    q.add_argument(
        "--store",
        default=None,
        metavar="DIR",
        help="the store: every night in it, and the nights published while the console runs",
    )
    q.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    q.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    q.add_argument(
        "--token-file",
        default=None,
        metavar="F",
        help="access tokens, one per line as 'TOKEN', 'NAME TOKEN' or 'ROLE NAME TOKEN' (ROLE: "
        "inspector, the default, manager, trainer or agent with NAME the agent_id; an "
        "inspector's NAME becomes the reviewer of its decisions); every request needs one "
        "(Authorization: Bearer, or the sign-in page). Required to bind anything but loopback",
    )
    _lexicons_option(q)
    q.set_defaults(fn=cmd_console)
    return p


def main(argv: list[str] | None = None) -> int:
    if sys.version_info < MIN_PYTHON:
        print(
            f"error: hotline-qa needs Python {'.'.join(map(str, MIN_PYTHON))} or newer; "
            f"this is {sys.version.split()[0]}",
            file=sys.stderr,
        )
        return 2
    _env()
    args = build_parser().parse_args(argv)
    try:
        return args.fn(args)
    except BrokenPipeError:
        # `hotline-qa review ... | head`: the reader left; nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as e:  # a clear message and exit 2, never a bare traceback
        from pipeline.inputs.config import ConfigError
        from pipeline.inputs.manifest import ManifestError
        from pipeline.store.storage import LockedError

        if isinstance(
            e, UsageError | ManifestError | LockedError | ConfigError | FileNotFoundError
        ):
            print(f"error: {e}", file=sys.stderr)
        else:
            import traceback

            traceback.print_exc()
            print(f"error: the run failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
