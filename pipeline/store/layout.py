"""The store: one root folder for every night, partitioned by date, Hive style.

    STORE/date=2026-11-18/calls.parquet, findings.parquet, ..., clips/, run.json
    STORE/date=2026-11-19/...

Each partition is a complete night folder (what `run --out` writes), so `run`, `rescore`
and the console's incremental updates work on one night's files, and a reader takes all
nights as one dataset: `STORE/date=*/findings.parquet` with the date as a column
(`pipeline.store.dataset`). Old per-night folders are imported as they are.
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter

from scorers.scorecard import period_of

KEY = "date"
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MARKER = "calls.parquet"  # a partition counts once its first publish wrote this


def partition(root: str, day: str) -> str:
    if not DAY.match(day or ""):
        raise ValueError(f"a night is a date YYYY-MM-DD, not {day!r}")
    return os.path.join(root, f"{KEY}={day}")


def nights(root: str) -> list[tuple[str, str]]:
    """(day, folder) of every published night in the store, oldest first."""
    try:
        names = os.listdir(root)
    except FileNotFoundError:
        return []
    out = []
    for name in names:
        key, _, day = name.partition("=")
        folder = os.path.join(root, name)
        if key == KEY and DAY.match(day) and os.path.isfile(os.path.join(folder, MARKER)):
            out.append((day, folder))
    return sorted(out)


def is_store(root: str) -> bool:
    """A folder of date partitions (not itself a night folder)."""
    return not os.path.isfile(os.path.join(root, MARKER)) and bool(nights(root))


def night_day(started_at: list[str]) -> str:
    """The night a batch belongs to: the day (Asia/Shanghai, as the scorecards count days)
    on which most of its calls started; the earliest such day on a tie."""
    days = Counter(period_of(s, "day") for s in started_at if s)
    if not days:
        raise ValueError("no call has a start time: give the night with --night YYYY-MM-DD")
    top = max(days.values())
    return min(d for d, n in days.items() if n == top)


def manifest_night(root: str, manifest: bytes, day: str = "") -> str:
    """The partition a batch is written to: `day`, else the night its calls belong to."""
    from pipeline.inputs.manifest import parse_manifest

    if not day:
        day = night_day([c.started_at for c in parse_manifest(manifest).calls])
    return partition(root, day)


def import_night(root: str, folder: str, day: str, move: bool = False) -> str:
    """A per-night output folder into the store as the partition of `day`. Refuses to
    overwrite a partition that exists: two folders of one night are two runs to merge by
    rerunning the night, not by picking one silently."""
    dest = partition(root, day)
    if os.path.exists(dest):
        raise FileExistsError(f"{dest} exists already: the store has a night {day}")
    os.makedirs(root, exist_ok=True)
    tmp = f"{dest}.importing"
    shutil.rmtree(tmp, ignore_errors=True)
    if move:
        os.rename(folder, tmp)
    else:
        shutil.copytree(folder, tmp, ignore=shutil.ignore_patterns(".lock", ".*.lock", "*.tmp-*"))
    os.rename(tmp, dest)  # whole or not at all: a reader never sees half a night
    return dest
