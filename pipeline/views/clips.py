"""Trainer clips: both channels of each timed finding with ±2 s of context, plus an index."""

from __future__ import annotations

import html
import io
from collections import defaultdict

import numpy as np
import soundfile as sf

from pipeline.inputs import files
from pipeline.speech import audio
from pipeline.store.storage import Store
from pipeline.views.report import FONT_STACK

CLIP_SR = 8000
CONTEXT_S = 2.0


def clip_name(f: dict) -> str:
    """Call, rule, agent and time for people; the finding id keeps it unique and stable."""
    t = int(f["start_s"] or 0)
    rule = f["rule_id"].replace(".", "-")
    return f"clips/{f['call_id']}__{rule}__{f['agent_id']}__{t // 60:02d}m{t % 60:02d}s__{f['finding_id'][:6]}.wav"


def bleep(x: np.ndarray, spans: list[tuple[float, float]], sr: int = CLIP_SR) -> np.ndarray:
    """A 1 kHz tone over each span on every channel (Contact Lens style audio redaction)."""
    y = x.copy()
    for a, b in spans:
        s, e = max(0, int(a * sr)), min(y.shape[1], int(b * sr) + 1)
        if e > s:
            y[:, s:e] = 0.25 * np.sin(2 * np.pi * 1000 * np.arange(e - s) / sr)
    return y


def write_clips(
    store: Store,
    batch_dir: str,
    calls: list[dict],
    findings: list[dict],
    bleep_spans: dict[str, list[tuple[float, float]]] | None = None,
) -> list[dict]:
    """Writes one WAV per timed finding (skipping clips a previous run wrote); returns the
    clips index rows and sets the findings' clip column. With `bleep_spans` (call_id ->
    spans of masked ID/phone numbers) those spans are bleeped and the call's clips rewritten."""
    bleep_spans = bleep_spans or {}
    by_call = defaultdict(list)
    for f in findings:
        if f["start_s"] is not None:
            by_call[f["call_id"]].append(f)
    index = []
    meta = {c["call_id"]: c for c in calls}
    for cid, fs in sorted(by_call.items()):
        c = meta[cid]
        todo = [f for f in fs if cid in bleep_spans or not store.exists(clip_name(f))]
        x = None
        if todo:
            try:
                x = audio.load(files.join(batch_dir, c["audio"]), 1 if c["mono"] else 2, CLIP_SR)
            except (audio.AudioError, OSError):
                x = None  # the recording moved since the run: those findings keep clip=''
            if x is not None and not c["mono"] and c["agent_channel"] == "right":
                x = x[::-1]
            if x is not None and cid in bleep_spans:
                x = bleep(x, bleep_spans[cid])
        for f in fs:
            name = clip_name(f)
            if f in todo:
                if x is None:
                    continue
                s = max(0, int((f["start_s"] - CONTEXT_S) * CLIP_SR))
                e = min(x.shape[1], int(((f["end_s"] or f["start_s"]) + CONTEXT_S) * CLIP_SR))
                buf = io.BytesIO()
                sf.write(
                    buf, np.ascontiguousarray(x[:, s:e].T), CLIP_SR, format="WAV", subtype="PCM_16"
                )
                store.write_bytes(name, buf.getvalue())
            f["clip"] = name
            index.append(
                {
                    "finding_id": f["finding_id"],
                    "call_id": cid,
                    "agent_id": f["agent_id"],
                    "rule_id": f["rule_id"],
                    "started_at": c["started_at"],
                    "start_s": f["start_s"],
                    "end_s": f["end_s"],
                    "evidence": f["evidence"],
                    "clip": name,
                }
            )
    return index


def index_html(rows: list[dict], title: str = "培训片段 Flagged clips", prefix: str = "") -> bytes:
    trs = "\n".join(
        f"<tr><td>{html.escape(r['call_id'])}</td><td>{html.escape(r['agent_id'])}</td>"
        f"<td>{html.escape(r['rule_id'])}</td><td>{html.escape(r['started_at'][:16])}</td>"
        f"<td>{r['start_s']:.1f}–{(r['end_s'] or r['start_s']):.1f}s</td><td>{html.escape(r['evidence'])}</td>"
        f'<td><audio controls preload="none" src="{html.escape(prefix + r["clip"])}"></audio></td></tr>'
        for r in rows
    )
    page = f"""<!doctype html><html lang="zh"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>{html.escape(title)}</title>
<style>body{{font-family:{FONT_STACK};margin:1.5em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px 8px}}</style>
</head><body><h1>{html.escape(title)}</h1><p>{len(rows)} clips</p>
<table><tr><th>call</th><th>agent</th><th>rule</th><th>started</th><th>time</th><th>evidence</th><th>clip</th></tr>
{trs}</table></body></html>"""
    return page.encode("utf-8")
