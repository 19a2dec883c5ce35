"""The nightly Prefect flow: transcribe (a task per call), judge (roles, rules, rubric: one
task), publish (a task per output). It only wires stages together; the logic lives in
pipeline/ and scorers/."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import UTC, datetime

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote, unmapped

from pipeline.calls import stages
from pipeline.calls.record import CallRecord
from pipeline.inputs import files
from pipeline.inputs.config import load_config
from pipeline.inputs.manifest import (
    DATE_FIELD,
    night_export,
    parse_manifest,
    unlisted_audio,
)
from pipeline.publish import outputs
from pipeline.review import learned
from pipeline.speech.asr import AsrSettings, workers_for
from pipeline.store import layout
from pipeline.store.storage import Store
from scorers import voices
from scorers.config import Config
from scorers.types import CallMeta, Rejection

ASR_RETRIES = 2


# NO_CACHE: our own transcript cache keys on audio content; hashing big inputs would only cost time.
@task(
    retries=ASR_RETRIES,
    retry_delay_seconds=1,
    task_run_name="asr-{meta.call_id}",
    cache_policy=NO_CACHE,
)
def transcribe(
    meta: CallMeta, batch_dir: str, out: str, settings: AsrSettings, cfg: Config, enrol: bool
) -> CallRecord:
    return stages.transcribe_call(meta, batch_dir, out, settings, cfg, enrol)


OUTPUT_RETRIES = 2


@task(
    retries=OUTPUT_RETRIES,
    retry_delay_seconds=1,
    cache_policy=NO_CACHE,
    task_run_name="{name}",
)
def output_step(name: str, fn, args: tuple):
    return fn(*args)


def _as_task(fn, *args):
    """One step (the judge, or an output step of `outputs.publish`) as a Prefect task with
    retries. Its arguments
    go quoted: Prefect walks a task's inputs, and walking a month of rows (10,000 calls)
    cost minutes."""
    return output_step(fn.__name__, fn, quote(args))


@task(cache_policy=NO_CACHE)
def artifacts(summary: dict, tables: dict) -> None:
    try:
        create_table_artifact(
            key="agent-scorecards",
            table=[
                {
                    k: c[k]
                    for k in (
                        "agent_id",
                        "agent_name",
                        "team",
                        "period",
                        "calls",
                        "mean_score",
                        "trend",
                        "rank_in_team",
                    )
                }
                for c in tables["agent_scorecards"]
                if c["period_type"] == "day"
            ],
            description="Daily agent scores",
        )
        create_markdown_artifact(key="qa-night-summary", markdown=_summary_md(summary, tables))
    except Exception as e:  # artifacts are a convenience; never fail the night for them
        get_run_logger().warning(f"artifact not created: {e}")


def _publish(
    out: str,
    batch_dir: str,
    records: list[CallRecord],
    judged: outputs.Judged,
    cfg: Config,
    options: outputs.PublishOptions,
    fingerprint: str = "",
    seconds: dict[str, float] | None = None,
) -> dict:
    """Publish a judged night (`outputs.publish`), each output step a task."""
    summary, tables = outputs.publish(
        Store(out), batch_dir, records, judged, cfg, options, fingerprint, _as_task, seconds
    )
    artifacts(summary, quote(tables))
    return summary


def _summary_md(s: dict, tables: dict) -> str:
    lines = [
        f"# 12333 QA night: {s['scored']} calls scored, {s['findings']} findings, {s['rejected']} rejected",
        "",
    ]
    by_rule: dict[str, int] = {}
    for f in tables["findings"]:
        by_rule[f["rule_id"]] = by_rule.get(f["rule_id"], 0) + 1
    lines += ["| rule | hits |", "|---|---|"] + [
        f"| {k} | {v} |" for k, v in sorted(by_rule.items())
    ]
    if tables["rejected"]:
        lines += ["", "## Rejected", ""] + [
            f"- {r['item']}: {r['reason']}" for r in tables["rejected"]
        ]
    return "\n".join(lines)


# Called from Python (a benchmark, a deployment made without the CLI) the flow keeps as many
# calls in flight as the CLI does: Prefect's own default starts every task of the batch at
# once (65 calls reached 18 GB). `hotline-qa run --workers N` replaces it.
@flow(
    name="hotline-qa-nightly",
    log_prints=True,
    task_runner=ThreadPoolTaskRunner(max_workers=workers_for(0)),
)
def nightly(
    manifest: str,
    out: str = "",
    asr: AsrSettings | None = None,
    workers: int = 0,
    lexicons: str | None = None,
    bleep_pii: bool = False,
    fingerprint: str = "",
    enrolment: str = "",
    store_root: str = "",
    night: str = "",
) -> dict:
    """Transcribe every call of the batch (cached), apply all rules and the rubric, write
    outputs. `store_root`: instead of `out`, a store; the batch goes to its night's partition.
    A manifest path with `{date}` in it is the night's own export: `night` (YYYY-MM-DD), or
    the day before the run starts (Asia/Shanghai), as a deployment's 02:00 run wants."""
    asr = asr or AsrSettings()
    if DATE_FIELD in manifest:
        manifest, night = night_export(manifest, night, datetime.now(UTC))
        if files.size(manifest) is None:
            raise FileNotFoundError(f"no manifest for the night of {night}: {manifest}")
        print(f"night {night}: {manifest}")
    t0 = time.perf_counter()
    if store_root:
        out = layout.manifest_night(store_root, files.read_bytes(manifest), night)
    store = Store(out)
    with store.lock():
        batch_dir = files.parent(manifest)  # a local folder or a filesystem URI
        parsed = parse_manifest(files.read_bytes(manifest))
        rejections = list(parsed.rejected)
        rejections += [
            Rejection(
                "batch", "", f, "audio file is in the batch folder but not listed in the manifest"
            )
            for f in unlisted_audio(files.list_files(batch_dir), parsed.calls)
        ]
        cfg = learned.apply(load_config(lexicons), learned.folder_for(out))
        workers = workers_for(workers)
        threads = max(1, (os.cpu_count() or 1) // workers)
        # Threads per call and the decoders sharing one model follow from the workers.
        settings = replace(
            asr,
            cpu_threads=threads if asr.device == "cpu" else 0,
            decoders=workers,  # the thread runner's tasks share one model
        )
        metas = parsed.calls
        t_asr = time.perf_counter()
        enrol = voices.enrolment_calls(metas, cfg.roles.voice.enrol_calls_per_agent)
        futures = transcribe.map(
            metas,
            unmapped(batch_dir),
            unmapped(out),
            unmapped(settings),
            unmapped(cfg),
            [m.call_id in enrol for m in metas],
        )
        records = []
        for m, fut in zip(metas, futures, strict=True):
            res = fut.result(raise_on_failure=False)
            if isinstance(res, BaseException):
                why = f"transcription failed after {ASR_RETRIES + 1} attempts: {type(res).__name__}: {res}"
                records.append(CallRecord.rejected(m, why, stage="asr"))
            else:
                records.append(res)
        seconds = {
            "flow.inputs": round(t_asr - t0, 3),
            "flow.calls": round(time.perf_counter() - t_asr, 3),  # wall, all workers
        }
        options = outputs.PublishOptions(bleep_pii=bleep_pii, enrolment=enrolment)
        judged = outputs.judged(store, records, rejections, cfg, enrolment, step=_as_task)
        return _publish(out, batch_dir, records, judged, cfg, options, fingerprint, seconds)


@flow(name="hotline-qa-rescore", log_prints=True)
def rescore(out: str, lexicons: str | None = None, bleep_pii: bool | None = None) -> dict:
    """Rules and rubric again on stored transcripts: no ASR. For lexicon/rubric edits and
    reviews. Publishes with the run's stored options; `bleep_pii` given overrides them."""
    store = Store(out)
    with store.lock():
        options = outputs.rescore_options(store, bleep_pii)
        cfg = learned.apply(load_config(lexicons), learned.folder_for(out))
        summary, tables = outputs.rescore(store, cfg, options, step=_as_task)
        artifacts(summary, quote(tables))
        return summary
