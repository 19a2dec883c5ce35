"""The nightly Prefect flow. It only wires stages together; the logic lives in pipeline/ and scorers/."""

from __future__ import annotations

import os
from dataclasses import asdict

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from pipeline import files, stages
from pipeline.asr import AsrSettings
from pipeline.config import load_config
from pipeline.manifest import parse_manifest, unlisted_audio
from pipeline.outputs import publish, stored_records
from pipeline.storage import Store
from scorers.types import Rejection

ASR_RETRIES = 2


# NO_CACHE: our own transcript cache keys on audio content; hashing big inputs would only cost time.
@task(
    retries=ASR_RETRIES,
    retry_delay_seconds=1,
    task_run_name="asr-{meta[call_id]}",
    cache_policy=NO_CACHE,
)
def transcribe(meta: dict, batch_dir: str, out: str, settings: dict, cfg: dict) -> dict:
    return stages.transcribe_call(meta, batch_dir, out, settings, cfg)


@task(cache_policy=NO_CACHE)
def publish_outputs(
    out: str,
    batch_dir: str,
    records: list[dict],
    rejections: list[Rejection],
    lexicons: str | None,
    bleep_pii: bool = False,
) -> dict:
    summary = publish(
        Store(out), batch_dir, records, rejections, load_config(lexicons), bleep_pii=bleep_pii
    )
    tables = summary.pop("tables")
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


@flow(name="hotline-qa-nightly", log_prints=True)
def nightly(
    manifest: str,
    out: str,
    model: str | None = None,
    device: str = "cpu",
    compute_type: str = "int8",
    workers: int = 1,
    lexicons: str | None = None,
    beam_size: int = 1,
    bleep_pii: bool = False,
    caller_words: str = "context",
) -> dict:
    """Transcribe every call of the batch (cached), apply all rules and the rubric, write outputs."""
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
        cfg = load_config(lexicons)
        threads = max(1, (os.cpu_count() or 1) // max(1, workers))
        settings = asdict(
            AsrSettings(
                model_dir=model or "",
                device=device,
                compute_type=compute_type,
                cpu_threads=threads if device == "cpu" else 0,
                beam_size=beam_size,
                caller_words=caller_words,
            )
        )
        metas = [stages.meta_to_dict(m) for m in parsed.calls]
        futures = [transcribe.submit(m, batch_dir, out, settings, cfg) for m in metas]
        records = []
        for m, fut in zip(metas, futures, strict=True):
            res = fut.result(raise_on_failure=False)
            if isinstance(res, BaseException):
                records.append(
                    {
                        "meta": m,
                        "status": "rejected",
                        "stage": "asr",
                        "error": f"transcription failed after {ASR_RETRIES + 1} attempts: {type(res).__name__}: {res}",
                    }
                )
            else:
                records.append(res)
        # quote(): Prefect must not walk thousands of nested records looking for futures.
        return publish_outputs(
            out, batch_dir, quote(records), quote(rejections), lexicons, bleep_pii
        )


@flow(name="hotline-qa-rescore", log_prints=True)
def rescore(out: str, lexicons: str | None = None, bleep_pii: bool = False) -> dict:
    """Rules and rubric again on stored transcripts: no ASR. For lexicon/rubric edits and reviews."""
    store = Store(out)
    with store.lock():
        records, rejections, batch_dir = stored_records(store)
        # quote(): Prefect must not walk thousands of nested records looking for futures.
        return publish_outputs(
            out, batch_dir, quote(records), quote(rejections), lexicons, bleep_pii
        )
