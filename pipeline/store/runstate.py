"""What a finished night was made of, so that rerunning it with nothing changed stops before
any workflow engine starts (Prefect's temporary server alone costs several seconds).

The fingerprint covers the manifest, every file in the batch folder (path, size, mtime),
the lexicon files, the run's settings, the inspectors' reviews and manual scores, and the
package version.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline.inputs import files
from pipeline.inputs.config import lexicon_files
from pipeline.store.storage import Store

RUN_FILE = "run.json"


def fingerprint(manifest: str, lexicon_dir: Path, params: dict, out: str, version: str) -> str:
    h = hashlib.sha256()
    h.update(files.read_bytes(manifest))
    h.update(json.dumps(files.stat_listing(files.parent(manifest))).encode())
    for p in lexicon_files(lexicon_dir):
        h.update(p.name.encode() + p.read_bytes())
    h.update(json.dumps(params, sort_keys=True, default=str).encode())
    store = Store(out)
    for decided in ("reviews.parquet", "manual_scores.parquet"):
        if store.exists(decided):
            h.update(store.read_bytes(decided))
    h.update(version.encode())
    return h.hexdigest()


def last_run(out: str) -> dict:
    """run.json of the folder's last complete run ({} if none)."""
    store = Store(out)
    if not store.exists(RUN_FILE):
        return {}
    try:
        return json.loads(store.read_bytes(RUN_FILE))
    except ValueError:
        return {}


def is_output_folder(out: str) -> bool:
    return Store(out).exists("calls.parquet")
