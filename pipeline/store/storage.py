"""Output folder adapter: atomic Parquet tables, the transcript cache and the run lock.

Paths or any pyarrow filesystem URI (file://, s3://...) work, so workers on several
hosts can share one output folder.
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import threading
import time
import uuid
from contextlib import contextmanager

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from pyarrow import fs as pafs

from pipeline.store.schemas import LEGACY_TEXT, TABLE_PATHS, TABLES


class LockedError(Exception):
    pass


LOCK = ".lock"
REVIEWS_LOCK = ".reviews.lock"


class Store:
    def __init__(self, uri: str):
        self.uri = str(uri)
        if "://" in self.uri:
            self.fs, self.root = pafs.FileSystem.from_uri(self.uri)
        else:
            self.fs, self.root = pafs.LocalFileSystem(), os.path.abspath(self.uri)
        # Nothing is created until something is written: reading a wrong path creates no folder.

    @property
    def local_root(self) -> str | None:
        return self.root if isinstance(self.fs, pafs.LocalFileSystem) else None

    def path(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/"), *parts])

    def exists(self, rel: str) -> bool:
        return self.fs.get_file_info(self.path(rel)).type != pafs.FileType.NotFound

    # -- bytes -------------------------------------------------------------------------
    def write_bytes(self, rel: str, data: bytes) -> None:
        """Temp file + rename: a crash never leaves a half-written file under its real name."""
        final = self.path(rel)
        self.fs.create_dir(final.rsplit("/", 1)[0], recursive=True)
        tmp = f"{final}.tmp-{uuid.uuid4().hex[:8]}"
        with self.fs.open_output_stream(tmp) as out:
            out.write(data)
        self.fs.move(tmp, final)

    def write_if_changed(self, rel: str, data: bytes) -> bool:
        """For pages people may have open or synced: an unchanged file is left as it is."""
        if self.exists(rel) and self.read_bytes(rel) == data:
            return False
        self.write_bytes(rel, data)
        return True

    def read_bytes(self, rel: str) -> bytes:
        with self.fs.open_input_stream(self.path(rel)) as fh:
            return fh.read()

    def write_csv(self, rel: str, rows: list[dict], fieldnames: list[str]) -> None:
        """UTF-8 with BOM, so Excel on a Chinese Windows machine opens it correctly."""
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=fieldnames)
        w.writeheader()
        w.writerows(
            # Nested values (a scorecard's items, a call's warnings) as JSON, not Python repr.
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
                for k, v in r.items()
            }
            for r in rows
        )
        self.write_bytes(rel, buf.getvalue().encode("utf-8-sig"))

    # -- tables ------------------------------------------------------------------------
    def write_table(self, name: str, rows: list[dict] | pa.Table) -> None:
        schema = TABLES[name]
        table = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(rows, schema=schema)
        sink = pa.BufferOutputStream()
        pq.write_table(table.cast(schema), sink)
        self.write_bytes(_table_path(name), sink.getvalue().to_pybytes())

    def read_table(
        self, name: str, call_id: str | list[str] | None = None, columns: list[str] | None = None
    ) -> pa.Table:
        """The whole table, or only one call's rows, or those of a few calls (`call_id`: a
        call page, or a decision's update, reads those rows without the rest); `columns`:
        only those."""
        if not self.exists(_table_path(name)):
            return TABLES[name].empty_table()
        schema = TABLES[name]
        with self.fs.open_input_file(self.path(_table_path(name))) as fh:
            pf = pq.ParquetFile(fh)  # a third of read_table's cost on a night's small files
            cols = None
            if columns is not None:
                schema = pa.schema([schema.field(c) for c in columns])
                cols = [c for c in columns if c in pf.schema_arrow.names]
            t = pf.read(columns=cols if cols is None or call_id is None else [*cols, "call_id"])
            if call_id is not None:  # a night's file is one row group: read, then keep
                ids = [call_id] if isinstance(call_id, str) else list(call_id)
                t = t.filter(pc.is_in(t.column("call_id"), pa.array(ids, pa.string())))
        # A folder written by an older version lacks newer columns: they read as nulls; and
        # it wrote some nested columns as JSON text: they are parsed into the native type.
        for f in schema:
            if f.name not in t.column_names:
                t = t.append_column(f.name, pa.nulls(len(t), f.type))
            elif _legacy_text(t.schema.field(f.name).type, f):
                i = t.column_names.index(f.name)
                t = t.set_column(i, f, _from_text(t.column(f.name).to_pylist(), f))
        return t.select(schema.names).cast(schema)

    def count_rows(self, name: str) -> int:
        """A table's row count from its Parquet footer, without reading the rows."""
        if not self.exists(_table_path(name)):
            return 0
        with self.fs.open_input_file(self.path(_table_path(name))) as fh:
            return pq.read_metadata(fh).num_rows

    def read_rows(self, name: str, call_id: str | list[str] | None = None) -> list[dict]:
        """Rows as dicts; map columns ({item_id: points}) as dicts too."""
        t = self.read_table(name, call_id)
        rows = t.to_pylist()
        maps = [f.name for f in t.schema if pa.types.is_map(f.type)]
        for r in rows:
            for k in maps:
                if r[k] is not None:
                    r[k] = dict(r[k])
        return rows

    # -- transcript cache (content hash + model + settings) -------------------------------
    def cache_get(self, key: str) -> dict | None:
        rel = f".cache/transcripts/{key}.json"
        if not self.exists(rel):
            return None
        try:
            return json.loads(self.read_bytes(rel))
        except (OSError, ValueError):
            return None  # a damaged cache entry is simply recomputed

    def cache_put(self, key: str, value: dict) -> None:
        self.write_bytes(
            f".cache/transcripts/{key}.json", json.dumps(value, ensure_ascii=False).encode()
        )

    # -- run lock ------------------------------------------------------------------------
    def check_unlocked(self, name: str = LOCK) -> None:
        """Raises LockedError if a live run holds the folder (checked before starting one)."""
        err = self._held_by_another(name)
        if err is not None:
            raise err

    def _held_by_another(self, name: str = LOCK) -> LockedError | None:
        """The error to raise if another live run holds the lock; None if it is free or
        stale (left by a killed run on this host, which the next run takes over)."""
        if not self.exists(name):
            return None
        if not self.local_root:
            return LockedError(f"another run holds {self.uri}/{name}")
        holder = _read_json(self.path(name))
        if holder.get("host") == socket.gethostname() and not _alive(holder.get("pid", -1)):
            return None
        return LockedError(
            f"another run is using {self.uri} (pid {holder.get('pid')} on "
            f"{holder.get('host')}); wait for it or remove {self.path(name)} if it is gone"
        )

    @contextmanager
    def lock(self, name: str = LOCK, wait_s: float = 0.0):
        """One run per output folder (`LOCK`); a lock left by a killed run on this host is
        taken over. Other names lock other things (`REVIEWS_LOCK`: the append-only
        decisions, which inspectors write while a run or rescore holds `LOCK`); with
        `wait_s` the caller waits that long for a holder to finish."""
        me = {"pid": os.getpid(), "host": socket.gethostname(), "token": uuid.uuid4().hex}
        self.fs.create_dir(self.root, recursive=True)
        deadline = time.monotonic() + wait_s
        # Threads of one process (the console's writes run in a worker pool) queue here
        # first: the lock file tells processes apart, not threads.
        local = _local_lock(self.path(name))
        got = local.acquire(timeout=wait_s) if wait_s > 0 else local.acquire(blocking=False)
        if not got:
            raise LockedError(f"another task of this process holds {self.path(name)}")
        try:
            while True:
                try:
                    self._take(name, me)
                    break
                except LockedError:
                    if time.monotonic() >= deadline:
                        raise
                    time.sleep(0.05)
            try:
                yield
            finally:
                try:
                    self.fs.delete_file(self.path(name))
                except OSError:
                    pass
        finally:
            local.release()

    def _take(self, name: str, me: dict) -> None:
        if not self.local_root:
            self.check_unlocked(name)
            self.write_bytes(name, json.dumps(me).encode())
            return
        p = self.path(name)
        for _ in range(2):
            try:
                fd = os.open(p, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
                os.write(fd, json.dumps(me).encode())
                os.close(fd)
                return
            except FileExistsError:
                err = self._held_by_another(name)
                if err is not None:
                    raise err from None
                if not os.path.exists(p):
                    continue  # released meanwhile: never unlink a lock someone just took
                try:
                    os.unlink(p)  # stale: its process is gone
                except FileNotFoundError:
                    pass
        raise LockedError(f"cannot take the lock {p}")


def _legacy_text(stored: pa.DataType, field: pa.Field) -> bool:
    return (
        field.name in LEGACY_TEXT
        and pa.types.is_string(stored)
        and not pa.types.is_string(field.type)
    )


def _from_text(values: list, field: pa.Field) -> pa.Array:
    """A column an older version wrote as JSON text (warnings: joined with "; "), in the
    column's native type now."""
    if field.name == "warnings":
        out = [[w for w in v.split("; ") if w] if v is not None else None for v in values]
    else:
        out = [json.loads(v) if v else None for v in values]
    return pa.array(out, type=field.type)


_LOCAL_LOCKS: dict[str, threading.Lock] = {}
_LOCAL_GUARD = threading.Lock()


def _local_lock(path: str) -> threading.Lock:
    with _LOCAL_GUARD:
        return _LOCAL_LOCKS.setdefault(path, threading.Lock())


def _table_path(name: str) -> str:
    return TABLE_PATHS.get(name, f"{name}.parquet")


def _read_json(p: str) -> dict:
    try:
        with open(p) as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return {}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
