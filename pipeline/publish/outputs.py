"""Write every output of a run (tables, clips, HTML) and read stored runs back for rescoring."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace

from pipeline.calls.clock import Clock
from pipeline.calls.record import (
    CallRecord,
    intervals_from_json,
    recording_from_row,
    utterance_from_row,
    voiceprint_from_json,
)
from pipeline.judge.tables import judge
from pipeline.store.runstate import RUN_FILE, last_run
from pipeline.store.schemas import AGENT_SCORECARDS, CLIPS, TABLE_PATHS, WRITTEN
from pipeline.store.storage import Store
from pipeline.views import clips as clipmod
from pipeline.views import report
from scorers import voices
from scorers.config import Config
from scorers.scorecard import build_scorecards
from scorers.types import UNKNOWN, CallMeta, Interval, Rejection, Utterance, VoiceCheck


@dataclass(frozen=True)
class PublishOptions:
    """The run's options that shape its outputs. Stored in run.json, so every rescore (the
    CLI's, the flow's, the console's) publishes the way the run did."""

    bleep_pii: bool = False  # tone out ID-card and phone numbers in the clips
    enrolment: str = ""  # a folder of voiceprints shared by several nights' folders

    @classmethod
    def stored(cls, store: Store) -> PublishOptions:
        """The options of the folder's last complete run (the defaults for an older one)."""
        d = last_run(store.uri).get("options") or {}
        return cls(**{f.name: d[f.name] for f in fields(cls) if f.name in d})


def rescore_options(store: Store, bleep_pii: bool | None = None) -> PublishOptions:
    """What every rescore publishes with: the run's stored options, `bleep_pii` overriding
    them where a rescore asks (and stored again with the rescore)."""
    opts = PublishOptions.stored(store)
    return opts if bleep_pii is None else replace(opts, bleep_pii=bleep_pii)


def _direct(fn, *args):
    return fn(*args)


@dataclass(frozen=True)
class Judged:
    """The judge stage's result: every table's rows, how many decision rows they include
    (counted before the decisions were read: one that lands in between is applied but not
    counted, so at worst a later start-up applies it again, never the other way round), and
    the stage's seconds for the cost table."""

    tables: dict[str, list[dict]]
    decisions: dict[str, int]
    seconds: float


def judged(
    store: Store,
    records: list[CallRecord],
    rejections: list[Rejection],
    cfg: Config,
    enrolment: str = "",
    step=_direct,
) -> Judged:
    """Roles, rules, rubric and scorecards over the call records (`judge`), with the
    inspectors' decisions and the voiceprints the store holds. `step(fn, *args)` runs the
    judge: directly here, as a Prefect task in the flows. `enrolment`: a folder whose
    voiceprints are shared by several nights' folders, read beside this folder's own."""
    applied = decision_counts(store)
    reviews, manual, prints = _known_rows(store, enrolment)
    clock = Clock()
    with clock("rules"):
        tables = step(judge, records, rejections, cfg, reviews, None, manual, prints)
    return Judged(tables, applied, clock.seconds["rules"])


def publish(
    store: Store,
    batch_dir: str,
    records: list[CallRecord],
    judged: Judged,
    cfg: Config,
    options: PublishOptions,
    fingerprint: str = "",
    step=_direct,
    seconds: dict[str, float] | None = None,
) -> tuple[dict, dict]:
    """Every output of a judged night, in order: the clips, the tables, the report, and
    run.json last. The one publish path of `run`, `rescore` and the console's rescore.
    `step(fn, *args)` runs each output step: directly here, as a Prefect task (with retries)
    in the flows. Returns (summary, tables). `seconds`: the caller's own stage times (the
    ASR wall); the summary's `seconds` adds the judge's and the publish steps'."""
    tables = judged.tables
    clock = Clock()
    with clock("clips"):
        rows = step(export_clips, store.uri, batch_dir, tables, options.bleep_pii)
        attach_clips(tables, rows)
    with clock("tables"):
        step(write_tables, store.uri, tables)
        if options.enrolment:
            share_voiceprints(options.enrolment, tables["voiceprints"])
    with clock("report"):
        step(write_report, store.uri, tables, cfg)
    summary = summarize(tables)
    summary["seconds"] = {
        **(seconds or {}),
        "rules": judged.seconds,
        **clock.seconds,
        **stage_sums(records),
    }
    # last: the run is complete
    write_run_file(store, batch_dir, fingerprint, summary, options, judged.decisions)
    return summary, tables


def rescore(store: Store, cfg: Config, options: PublishOptions, step=_direct) -> tuple[dict, dict]:
    """The rescore of a night: its stored records judged again and published, without ASR.
    It judges on the folder's own voiceprints (the union the run saw), not on what later
    nights added to a shared enrolment folder: rescore == run."""
    records, rejections, batch_dir = stored_records(store)
    j = judged(store, records, rejections, cfg, step=step)
    return publish(store, batch_dir, records, j, cfg, options, step=step)


def apply_decisions(store: Store, cfg: Config, call_ids: list[str]) -> dict:
    """A decision's effect, incrementally: only the calls it touches are re-decided (their
    findings' review state and their score); the night's other rows are kept as they are,
    and its scorecards, clips index and report are rebuilt from the merged rows. The same
    rows as a full rescore (tests/test_rescore.py), at a night's read and write cost
    instead of re-running every call's rules. Decisions change neither the transcript nor
    the rules' inputs, so calls, utterances and speech are left untouched."""
    records, _, batch_dir = stored_records(store, sorted(call_ids))
    touched = {r.meta.call_id for r in records}
    j = judged(store, records, [], cfg)
    applied, new = j.decisions, j.tables
    tables = {
        name: store.read_rows(name) for name in ("findings", "call_scores", "clips", "rejected")
    }
    # The summary's counts of calls, not the calls' tracks (a night's are hundreds of MB).
    calls = store.read_table("calls", columns=["call_id", "status", "asr_cached"])
    tables["calls"] = calls.to_pylist()
    for name in ("findings", "call_scores"):
        kept = [r for r in tables[name] if r["call_id"] not in touched]
        tables[name] = sorted(kept + new[name], key=lambda r: r["call_id"])  # stable: run order
    run, options = last_run(store.uri), PublishOptions.stored(store)
    fresh = export_clips(store.uri, batch_dir, new, options.bleep_pii)
    clips = [r for r in tables["clips"] if r["call_id"] not in touched] + fresh
    attach_clips(tables, sorted(clips, key=lambda r: r["call_id"]))
    tables["agent_scorecards"] = build_scorecards(tables["call_scores"], tables["findings"])
    for name in ("findings", "call_scores", "clips", "agent_scorecards"):
        store.write_table(name, tables[name])
    write_csvs(store, tables)
    write_report(store.uri, tables, cfg)
    summary = {**summarize(tables), "seconds": (run.get("summary") or {}).get("seconds") or {}}
    write_run_file(store, batch_dir, run.get("fingerprint", ""), summary, options, applied)
    return summary


def pending_calls(store: Store) -> list[str] | None:
    """The calls of decisions added after the folder's last complete publish (a console
    killed before applying them); None: nothing pending."""
    run = last_run(store.uri)
    if not run:
        return None
    applied = run.get("decisions") or {}
    out: set[str] = set()
    for name, n in decision_counts(store).items():
        if n <= applied.get(name, 0):
            continue  # from the Parquet footer: a store's nights are checked in a blink
        rows = store.read_rows(name)
        out |= {r["call_id"] for r in rows[applied.get(name, 0) :] if r["call_id"]}
    return sorted(out) or None


DECISIONS = ("reviews", "manual_scores")


def decision_counts(store: Store) -> dict[str, int]:
    """Rows in the append-only decision tables."""
    return {name: store.count_rows(name) for name in DECISIONS}


def decisions_pending(store: Store) -> bool:
    """Were decisions added after the folder's last complete publish (a console killed
    during its rescore leaves them unapplied)? Then the scores do not show them yet."""
    run = last_run(store.uri)
    if not run:
        return False
    applied = run.get("decisions") or {}
    return any(n > applied.get(name, 0) for name, n in decision_counts(store).items())


VOICEPRINTS_LOCK = ".voiceprints.lock"


def _known_rows(store: Store, enrolment: str = "") -> tuple[list[dict], list[dict], list[dict]]:
    """What the judge needs from the store: the reviews, the manual scores, and the
    voiceprints (with a shared enrolment folder's beside the folder's own)."""
    prints = store.read_rows("voiceprints")
    if enrolment:
        prints += Store(enrolment).read_rows("voiceprints")
    return store.read_rows("reviews"), store.read_rows("manual_scores"), prints


def share_voiceprints(enrolment: str, rows: list[dict]) -> None:
    """Add a run's voiceprints to the shared enrolment folder (one row per call and audio),
    under its own lock: runs of several folders may end at once."""
    shared = Store(enrolment)
    with shared.lock(VOICEPRINTS_LOCK, wait_s=60):
        merged = {(r["call_id"], r["audio_sha256"]): r for r in shared.read_rows("voiceprints")}
        merged.update({(r["call_id"], r["audio_sha256"]): r for r in rows})
        shared.write_table(
            "voiceprints",
            sorted(merged.values(), key=lambda r: (r["agent_id"], r["call_id"], r["audio_sha256"])),
        )


def export_clips(out: str, batch_dir: str, tables: dict, bleep_pii: bool) -> list[dict]:
    """Writes the trainer clips of the timed findings; returns the clip index rows."""
    store = Store(out)
    spans: dict[str, list[tuple[float, float]]] = {}
    if bleep_pii:
        for r in tables["redactions"]:
            spans.setdefault(r["call_id"], []).append((r["start_s"], r["end_s"]))
    # A finding the inspector rejected is not a training example: no clip.
    findings = [dict(f) for f in tables["findings"] if f["review"] != "rejected"]
    return clipmod.write_clips(store, batch_dir, tables["calls"], findings, spans)


def attach_clips(tables: dict, rows: list[dict]) -> None:
    """The clip index as a table, and each finding's clip path."""
    tables["clips"] = rows
    by_id = {r["finding_id"]: r["clip"] for r in rows}
    for f in tables["findings"]:
        f["clip"] = by_id.get(f["finding_id"], "")


def write_tables(out: str, tables: dict) -> None:
    """The published Parquet tables and their CSV companions."""
    store = Store(out)
    for name in WRITTEN:
        store.write_table(name, tables[name])
    write_csvs(store, tables)


def write_csvs(store: Store, tables: dict) -> None:
    """The clips index (CSV and HTML) and the scorecards' CSV."""
    store.write_csv("clips/index.csv", tables["clips"], CLIPS.names)
    store.write_if_changed("clips/index.html", clipmod.index_html(tables["clips"], prefix="../"))
    cards = tables["agent_scorecards"]
    store.write_csv(
        "agent_scorecards.csv", cards, list(cards[0]) if cards else AGENT_SCORECARDS.names
    )


def write_report(out: str, tables: dict, cfg: Config) -> None:
    report.write_site(Store(out), tables, cfg, tables["clips"])


def stage_sums(records: list[CallRecord]) -> dict[str, float]:
    """Per-call stage seconds summed over the night's fresh calls, as `call.<stage>`."""
    out: dict[str, float] = {}
    for r in records:
        for k, v in r.stage_seconds.items():
            out[f"call.{k}"] = round(out.get(f"call.{k}", 0.0) + v, 3)
    return out


def summarize(tables: dict) -> dict:
    return {
        "calls": len(tables["calls"]),
        "scored": len(tables["call_scores"]),
        "findings": len(tables["findings"]),
        "rejected": len(tables["rejected"]),
        "clips": len(tables["clips"]),
        "transcribed": sum(
            1 for c in tables["calls"] if c["status"] != "rejected" and not c["asr_cached"]
        ),
        "cached": sum(1 for c in tables["calls"] if c["asr_cached"]),
    }


def write_run_file(
    store: Store,
    batch_dir: str,
    fingerprint: str,
    summary: dict,
    options: PublishOptions,
    decisions: dict[str, int],
) -> None:
    """Written last: a folder whose run.json names a fingerprint is complete for it. The
    options are kept for every later rescore of the folder; `decisions`: how many rows of
    each decision table the scores include."""
    run = {
        "batch_dir": batch_dir,
        "fingerprint": fingerprint,
        "summary": summary,
        "options": asdict(options),
        "decisions": decisions,
    }
    store.write_bytes(RUN_FILE, json.dumps(run, ensure_ascii=False).encode())


def stored_records(
    store: Store, only: list[str] | None = None
) -> tuple[list[CallRecord], list[Rejection], str]:
    """The call records as `run` made them, read back from a run's tables: what `rescore`
    runs on, without ASR. Utterances come from the internal unredacted transcript, so the
    rules see the same characters as in the run (a folder written before that table
    existed falls back to the published, redacted utterances). `only`: these calls'."""
    calls = store.read_rows("calls", only)
    if not calls:
        raise FileNotFoundError(f"no calls.parquet in {store.uri}: run `hotline-qa run` first")
    source = (
        "internal_utterances" if store.exists(TABLE_PATHS["internal_utterances"]) else "utterances"
    )
    utts: dict[str, list[Utterance]] = {}
    for u in store.read_rows(source, only):
        utts.setdefault(u["call_id"], []).append(utterance_from_row(u))
    speech: dict[str, dict[str, list[Interval]]] = {}
    for r in store.read_rows("speech", only):
        speech.setdefault(r["call_id"], {}).setdefault(r["speaker"], []).append(
            Interval(r["start_s"], r["end_s"])
        )
    stage = {r["call_id"]: r["source"] for r in store.read_rows("rejected") if r["call_id"]}
    records = []
    for c in calls:
        meta = CallMeta(
            c["call_id"],
            c["agent_id"],
            c["audio"],
            c["started_at"],
            c["agent_name"] or "",
            c["team"] or "",
            c["ring_seconds"],
            c["agent_channel"],
            tuple(tuple(h) for h in c["holds"]) if c["holds"] is not None else None,
            c["hangup_by"],
        )
        known = {
            "warnings": tuple(c["warnings"] or ()),
            "duration": c["duration_s"] or 0.0,
            "channels": c["channels"] or 0,
            "sha256": c["audio_sha256"] or "",
            "asr_cached": True,
        }
        if c["status"] == "rejected":
            records.append(
                CallRecord.rejected(meta, c["error"], stage.get(c["call_id"], "audio"), **known)
            )
            continue
        mine = utts.get(c["call_id"], [])
        if source == "utterances" and c["mono"]:
            # Published mono utterances carry assigned roles; the rules assign them again.
            mine = [replace(u, speaker=UNKNOWN, role_confidence=1.0) for u in mine]
        records.append(
            CallRecord(
                meta,
                status=c["status"],
                error=c["error"] or "",
                mono=c["mono"],
                speech={k: tuple(v) for k, v in speech.get(c["call_id"], {}).items()},
                uncovered=intervals_from_json(c["uncovered"]),
                decoded=intervals_from_json(c["decoded"]),
                recording=recording_from_row(c["recording"]),
                levels={k: tuple(v) for k, v in (c.get("level_track") or {}).items()},
                pitch={k: tuple(v) for k, v in (c.get("pitch_track") or {}).items()},
                voice_checks=tuple(
                    VoiceCheck(d["start"], d["end"], d["own"], d["caller"])
                    for d in c.get("voice_checks") or ()
                ),
                utterances=tuple(mine),
                voice=voices.track_from_json(c["voice"]),
                voiceprint=voiceprint_from_json(c["voiceprint"]),
                voice_seconds=c.get("voice_seconds") or 0.0,
                **known,
            )
        )
    rejections = [
        Rejection(r["source"], r["call_id"], r["item"], r["reason"])
        for r in store.read_rows("rejected")
        if r["source"] in ("manifest", "batch")
    ]
    batch_dir = last_run(store.uri).get("batch_dir", "")
    return records, rejections, batch_dir
