"""Manifest CSV → validated CallMeta rows, with a specific reason for every bad row.

`parse_manifest` is pure (bytes in, rows and rejections out), so the hypothesis fuzz
test can hammer it; it never raises anything but ManifestError.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import PurePosixPath

from scorers.types import CallMeta, Rejection

REQUIRED = ("call_id", "agent_id", "audio", "started_at")
OPTIONAL = ("agent_name", "team", "ring_seconds", "agent_channel", "holds", "hangup_by")
SHANGHAI = timezone(timedelta(hours=8))
MAX_RING_S = 600


class ManifestError(Exception):
    """The manifest as a whole cannot be used (encoding, header): the run stops with this message."""


@dataclass(frozen=True)
class ParsedManifest:
    calls: list[CallMeta]
    rejected: list[Rejection]
    encoding: str


def decode_bytes(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK, what Excel on Chinese Windows writes)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as e:
        raise ManifestError(
            f"manifest is neither UTF-8 nor GBK/GB18030 (byte {e.start}); save it as UTF-8"
        ) from None


def parse_time(value: str) -> str:
    """ISO 8601; a missing time zone means Asia/Shanghai. Returns ISO with offset."""
    v = value.strip().replace("/", "-")
    if not v:
        raise ValueError("empty")
    dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=SHANGHAI)
    return dt.isoformat()


def parse_holds(value: str) -> tuple[tuple[float, float], ...] | None:
    if not value.strip():
        return None
    data = json.loads(value)
    if not isinstance(data, list):
        raise ValueError("not a list")
    out = []
    for pair in data:
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise ValueError(f"{pair!r} is not [start_s, end_s]")
        s, e = (float(x) for x in pair)
        if not (math.isfinite(s) and math.isfinite(e)) or s < 0 or e <= s:
            raise ValueError(f"[{s}, {e}] is not a forward interval")
        out.append((s, e))
    return tuple(sorted(out))


def safe_relpath(value: str) -> str:
    """Refuse paths that leave the batch folder: absolute, '..', drive letters."""
    v = value.strip().replace("\\", "/")
    p = PurePosixPath(v)
    if not v or p.is_absolute() or ".." in p.parts or (len(v) > 1 and v[1] == ":") or "\x00" in v:
        raise ValueError(f"audio path '{value}' points outside the batch folder")
    return str(p)


def parse_manifest(data: bytes) -> ParsedManifest:
    try:
        text, enc = decode_bytes(data)
        return _parse(text, enc)
    except ManifestError:
        raise
    except Exception as e:  # the fuzz test holds us to this
        raise ManifestError(f"manifest cannot be parsed: {type(e).__name__}: {e}") from None


def _parse(text: str, enc: str) -> ParsedManifest:
    if "\x00" in text:
        raise ManifestError("manifest contains NUL bytes; is it really a CSV file?")
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as e:
        raise ManifestError(f"manifest header cannot be read: {e}") from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ManifestError(
            f"manifest lacks required column(s) {', '.join(missing)}; found: {', '.join(header) or 'nothing'}"
        )
    reader.fieldnames = header
    calls: list[CallMeta] = []
    rejected: list[Rejection] = []
    seen: dict[str, int] = {}
    try:
        rows = list(reader)
    except csv.Error as e:
        raise ManifestError(f"manifest is not valid CSV: {e}") from None
    for n, row in enumerate(rows, start=2):  # line 1 is the header
        row = {
            k: (v or "").strip() if isinstance(v, str) else ""
            for k, v in row.items()
            if k is not None
        }
        cid = row.get("call_id", "")
        item = f"manifest line {n}"
        try:
            meta = _row(row)
        except ValueError as e:
            rejected.append(Rejection("manifest", cid, item, str(e)))
            continue
        if meta.call_id in seen:
            rejected.append(
                Rejection(
                    "manifest", cid, item, f"duplicate call_id '{cid}' (first on line {seen[cid]})"
                )
            )
            continue
        seen[meta.call_id] = n
        calls.append(meta)
    return ParsedManifest(calls, rejected, enc)


def _row(row: dict) -> CallMeta:
    for c in REQUIRED:
        if not row.get(c):
            raise ValueError(f"empty required cell '{c}'")
    for col in ("call_id", "agent_id"):  # both name files (clips, report pages)
        v = row[col]
        if any(ch in v for ch in "/\\\x00") or v in (".", ".."):
            raise ValueError(f"{col} '{v}' contains a path character")
    cid = row["call_id"]
    try:
        started = parse_time(row["started_at"])
    except (ValueError, TypeError):
        raise ValueError(f"started_at '{row['started_at']}' is not an ISO 8601 time") from None
    ring = None
    if row.get("ring_seconds"):
        try:
            ring = float(row["ring_seconds"])
        except ValueError:
            raise ValueError(f"ring_seconds '{row['ring_seconds']}' is not a number") from None
        if not math.isfinite(ring) or ring < 0 or ring > MAX_RING_S:
            raise ValueError(f"ring_seconds {row['ring_seconds']} is outside 0..{MAX_RING_S}")
    ch = (row.get("agent_channel") or "left").lower()
    if ch not in ("left", "right", "mono"):
        raise ValueError(f"agent_channel '{ch}' must be left, right or mono")
    try:
        holds = parse_holds(row.get("holds", ""))
    except (ValueError, TypeError) as e:
        raise ValueError(f"holds is not JSON [[start_s, end_s], ...]: {e}") from None
    hang = (row.get("hangup_by") or "").lower() or None
    if hang not in (None, "agent", "caller"):
        raise ValueError(f"hangup_by '{hang}' must be agent or caller")
    return CallMeta(
        cid,
        row["agent_id"],
        safe_relpath(row["audio"]),
        started,
        row.get("agent_name", ""),
        row.get("team", ""),
        ring,
        ch,
        holds,
        hang,
    )


def unlisted_audio(
    files_in_batch: list[str], calls: list[CallMeta], exts=(".wav", ".mp3", ".flac")
) -> list[str]:
    """Audio files in the batch folder that no manifest row names: reported, not processed."""
    listed = {os.path.normpath(c.audio) for c in calls}
    return sorted(
        f for f in files_in_batch if f.lower().endswith(exts) and os.path.normpath(f) not in listed
    )


DATE_FIELD = "{date}"


def previous_night(now: datetime) -> str:
    """The night a run at `now` processes: the day before, in Asia/Shanghai (a 02:00 run
    reads the export of the day that just ended)."""
    return (now.astimezone(SHANGHAI) - timedelta(days=1)).date().isoformat()


def night_manifest(template: str, night: str) -> str:
    """A manifest path with the night's date in it (`/data/12333/{date}/manifest.csv`), so a
    deployment reads each day's own export. A path without `{date}` is returned unchanged."""
    return template.replace(DATE_FIELD, night)


def night_export(template: str, night: str, now: datetime) -> tuple[str, str]:
    """(the manifest a run reads, its night) for a path that may hold `{date}`: the night
    given, else the one before `now`. A path without `{date}` comes back as it is."""
    if DATE_FIELD not in template:
        return template, night
    night = night or previous_night(now)
    return night_manifest(template, night), night
