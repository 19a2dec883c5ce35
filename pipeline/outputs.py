"""Write every output of a run (tables, clips, HTML) and read stored runs back for rescoring."""

from __future__ import annotations

import json

from pipeline import clips as clipmod
from pipeline import report
from pipeline.results import build_tables
from pipeline.schemas import AGENT_SCORECARDS, CLIPS, PUBLISHED
from pipeline.storage import Store
from scorers.rubric import parse_rubric
from scorers.types import Rejection

RUN_FILE = "run.json"


def publish(
    store: Store,
    batch_dir: str,
    records: list[dict],
    rejections: list[Rejection],
    cfg: dict,
    write_audio_clips: bool = True,
    bleep_pii: bool = False,
) -> dict:
    reviews = store.read_rows("reviews")
    tables = build_tables(records, rejections, cfg, reviews)
    _, items = parse_rubric(cfg["rubric"])
    spans: dict[str, list[tuple[float, float]]] = {}
    if bleep_pii:
        for r in tables["redactions"]:
            spans.setdefault(r["call_id"], []).append((r["start_s"], r["end_s"]))
    clip_rows = (
        clipmod.write_clips(store, batch_dir, tables["calls"], tables["findings"], spans)
        if write_audio_clips
        else []
    )
    tables["clips"] = clip_rows
    for name in PUBLISHED:
        store.write_table(name, tables[name])
    store.write_csv("clips/index.csv", clip_rows, CLIPS.names)
    store.write_bytes("clips/index.html", clipmod.index_html(clip_rows, prefix="../"))
    cards = tables["agent_scorecards"]
    store.write_csv(
        "agent_scorecards.csv", cards, list(cards[0]) if cards else AGENT_SCORECARDS.names
    )
    report.write_site(store, tables, items, clip_rows)
    store.write_bytes(RUN_FILE, json.dumps({"batch_dir": batch_dir}, ensure_ascii=False).encode())
    return {
        "calls": len(tables["calls"]),
        "scored": len(tables["call_scores"]),
        "findings": len(tables["findings"]),
        "rejected": len(tables["rejected"]),
        "clips": len(clip_rows),
        "transcribed": sum(
            1 for c in tables["calls"] if c["status"] != "rejected" and not c["asr_cached"]
        ),
        "cached": sum(1 for c in tables["calls"] if c["asr_cached"]),
        "tables": tables,
    }


def stored_records(store: Store) -> tuple[list[dict], list[Rejection], str]:
    """Rebuild the per-call records from stored tables: what `rescore` runs on, no ASR."""
    calls = store.read_rows("calls")
    if not calls:
        raise FileNotFoundError(f"no calls.parquet in {store.uri}: run `hotline-qa run` first")
    utts: dict[str, list[dict]] = {}
    for u in store.read_rows("utterances"):
        utts.setdefault(u["call_id"], []).append(u)
    speech: dict[str, dict[str, list]] = {}
    for s in store.read_rows("speech"):
        speech.setdefault(s["call_id"], {}).setdefault(s["speaker"], []).append(
            [s["start_s"], s["end_s"]]
        )
    records = []
    for c in calls:
        meta = {
            "call_id": c["call_id"],
            "agent_id": c["agent_id"],
            "audio": c["audio"],
            "started_at": c["started_at"],
            "agent_name": c["agent_name"],
            "team": c["team"],
            "ring_seconds": c["ring_seconds"],
            "agent_channel": c["agent_channel"],
            "holds": json.loads(c["holds"]) if c["holds"] else None,
            "hangup_by": c["hangup_by"],
        }
        rec = {
            "meta": meta,
            "status": c["status"],
            "error": c["error"],
            "warnings": [w for w in (c["warnings"] or "").split("; ") if w],
            "asr_cached": True,
            "asr_seconds": 0.0,
            "duration": c["duration_s"],
            "channels": c["channels"],
            "sha256": c["audio_sha256"],
            "mono": c["mono"],
            "speech": speech.get(c["call_id"], {}),
            "uncovered": json.loads(c["uncovered"]) if c["uncovered"] else {},
            "decoded": {"caller": [[0.0, c["caller_transcribed_s"]]]}
            if c["caller_transcribed_s"] is not None
            else {},
            "utterances": [],
        }
        for u in utts.get(c["call_id"], []):
            # Mono roles are re-assigned on rescore from the text, as on the first run.
            spk = "unknown" if c["mono"] else u["speaker"]
            rec["utterances"].append({**u, "speaker": spk, "role_confidence": 1.0})
        records.append(rec)
    rejections = [
        Rejection(r["source"], r["call_id"], r["item"], r["reason"])
        for r in store.read_rows("rejected")
        if r["source"] in ("manifest", "batch")
    ]
    batch_dir = (
        json.loads(store.read_bytes(RUN_FILE)).get("batch_dir", "")
        if store.exists(RUN_FILE)
        else ""
    )
    return records, rejections, batch_dir
