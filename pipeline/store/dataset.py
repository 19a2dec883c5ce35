"""Every night of a store (or a list of night folders) as one set of tables, queried with
DuckDB on the Parquet files where they lie.

A query names tables in braces, `SELECT count(*) FROM {findings}`; each becomes a
`read_parquet` of that table's file in every night, with two more columns: `night` (the
night's index in `folders()`) and `day` (its date partition, '' for a folder outside a
store). Nothing is loaded into Python but the rows a query returns, so a page over a
quarter's million findings costs what DuckDB's scan costs.
"""

from __future__ import annotations

import os
import re
import threading

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.store import layout
from pipeline.store.schemas import TABLE_PATHS, TABLES
from pipeline.store.storage import Store

_NAME = re.compile(r"\{([a-z_]+)\}")


def periods(started_at: pa.ChunkedArray | pa.Array) -> dict[str, pa.Array]:
    """The call's day, ISO week and month in Asia/Shanghai (p_day, p_week, p_month), as
    `scorers.scorecard.period_of` gives them, vectorised: a quarter's 180,000 calls in a
    fraction of a second. A start time in another ISO form falls back to period_of."""
    a = pa.chunked_array([started_at]) if isinstance(started_at, pa.Array) else started_at
    a = a.combine_chunks() if a.num_chunks else pa.array([], pa.string())
    ts = pc.strptime(a, format="%Y-%m-%dT%H:%M:%S%z", unit="s", error_is_null=True)
    local = pc.add(ts, pa.scalar(8 * 3600, pa.duration("s")))  # UTC+8 all year, no DST
    week = pc.binary_join_element_wise(
        pc.cast(pc.iso_year(local), pa.string()),
        pc.utf8_lpad(pc.cast(pc.iso_week(local), pa.string()), 2, "0"),
        "-W",
    )
    out = {
        "p_day": pc.strftime(local, format="%Y-%m-%d"),
        "p_week": week,
        "p_month": pc.strftime(local, format="%Y-%m"),
    }
    odd = np.flatnonzero(pc.and_(pc.is_null(ts), pc.is_valid(a)).to_numpy(zero_copy_only=False))
    if len(odd):  # fractional seconds, a space for the T...: the reference function
        from scorers.scorecard import period_of

        for key, kind in (("p_day", "day"), ("p_week", "week"), ("p_month", "month")):
            vals = out[key].to_pylist()
            for i in odd:
                vals[i] = period_of(a[int(i)].as_py(), kind)
            out[key] = pa.array(vals, pa.string())
    return out


def map_columns(m: pa.ChunkedArray | pa.Array, keys: list[str]) -> dict[str, pa.Array]:
    """A map column ({item_id: points}) as one float column per key (null where absent)."""
    m = pa.chunked_array([m]) if isinstance(m, pa.Array) else m
    m = m.combine_chunks() if m.num_chunks else pa.array([], pa.map_(pa.string(), pa.float64()))
    n = len(m)
    grid = np.full((len(keys), n), np.nan)
    if n:
        offsets = m.offsets.to_numpy()
        rows = np.repeat(np.arange(n), np.diff(offsets))
        lo, hi = int(offsets[0]), int(offsets[-1])
        keys_flat, values_flat = m.keys[lo:hi], m.items[lo:hi]
        k = pc.index_in(keys_flat, value_set=pa.array(keys, pa.string()))
        v = pc.fill_null(pc.cast(values_flat, pa.float64()), np.nan).to_numpy()
        k = pc.fill_null(k, -1).to_numpy()
        ok = k >= 0
        grid[k[ok], rows[ok]] = v[ok]
    return {key: pa.array(grid[i], mask=np.isnan(grid[i])) for i, key in enumerate(keys)}


class Dataset:
    def __init__(self, folders: list[str] | None = None, root: str | None = None,
                 memory_limit: str = "1GB"):  # fmt: skip
        """`root`: a store (its nights are listed again at each query, so a night that a
        run publishes while the console is up appears); `folders`: night folders.
        `memory_limit`: DuckDB's (it spills to disk past it), so big sorts stay bounded."""
        self.root = root
        self._folders = [os.path.abspath(f) for f in folders or []]
        self._db = duckdb.connect(config={"threads": 2, "memory_limit": memory_limit})
        self._parts: dict[tuple, tuple[int, pa.Table]] = {}
        self._parts_lock = threading.Lock()
        self._flights: dict[tuple, threading.Lock] = {}

    def index(self, table: str, columns: tuple[str, ...], derive=None) -> pa.Table:
        """Those columns of the table over every night, as one Arrow table in memory with
        a `night` column: what every page filters and sorts on, without reading Parquet
        again. A night's part is read again only when its file changes (a decision
        rewrites one night's findings: one night is read, not the quarter). `derive(t)`:
        columns computed once per part (the call's day, week and month)."""
        with self._parts_lock:
            flight = self._flights.setdefault((table, columns), threading.Lock())
        with flight:  # one thread reads a table's nights; another asking waits for them
            return self._index(table, columns, derive)

    def _index(self, table: str, columns: tuple[str, ...], derive) -> pa.Table:
        parts = []
        for i, _, path in self.files(table):
            try:
                stamp = os.stat(path).st_mtime_ns
            except FileNotFoundError:
                continue
            key = (table, columns, path)
            with self._parts_lock:
                hit = self._parts.get(key)
            if hit is None or hit[0] != stamp:
                folder = os.path.dirname(path)
                if table in TABLE_PATHS:
                    folder = os.path.dirname(folder)
                t = Store(folder).read_table(table, columns=list(columns))
                hit = (stamp, derive(t) if derive else t)
                with self._parts_lock:
                    self._parts[key] = hit
            t = hit[1]
            parts.append(t.append_column("night", pa.array(np.full(len(t), i, dtype=np.int32))))
        with self._parts_lock:  # nights gone from the store
            seen = {p for _, _, p in self.files(table)}
            for key in [k for k in self._parts if k[0] == table and k[2] not in seen]:
                del self._parts[key]
        if not parts:
            t = TABLES[table].empty_table().select(list(columns))
            t = derive(t) if derive else t
            return t.append_column("night", pa.array([], pa.int32()))
        return pa.concat_tables(parts, promote_options="default")  # columns a night lacks: nulls

    def arrow(self, sql: str, tables: dict[str, pa.Table]) -> pa.Table:
        """A query over Arrow tables only, as Arrow (`index`'s derived columns)."""
        cur = self._db.cursor()
        try:
            for name, t in tables.items():
                cur.register(name, t)
            return cur.sql(sql).to_arrow_table()
        finally:
            cur.close()

    def folders(self) -> list[str]:
        if self.root is not None:
            return [f for _, f in layout.nights(self.root)]
        return list(self._folders)

    def files(self, table: str) -> list[tuple[int, str, str]]:
        """(night index, day, file) of the table in every night that has it."""
        rel = TABLE_PATHS.get(table, f"{table}.parquet")
        out = []
        for i, folder in enumerate(self.folders()):
            path = os.path.join(folder, rel)
            if os.path.isfile(path):
                key, _, day = os.path.basename(folder).partition("=")
                out.append((i, day if key == layout.KEY else "", path))
        return out

    def source(self, table: str, nights: list[int] | None = None) -> str:
        """The FROM clause of a table over every night (or only `nights`)."""
        found = [f for f in self.files(table) if nights is None or f[0] in nights]
        if not found:
            return f"(SELECT *, 0 AS night, '' AS day FROM __empty_{table} WHERE false)"
        paths = ", ".join(_quote(p) for _, _, p in found)
        index = {p: (i, d) for i, d, p in found}
        night = " ".join(f"WHEN {_quote(p)} THEN {i}" for p, (i, _) in index.items())
        day = " ".join(f"WHEN {_quote(p)} THEN {_quote(d)}" for p, (_, d) in index.items())
        present = set().union(*(_columns(p) for _, _, p in found))
        cols = ", ".join(
            f'"{f.name}"' if f.name in present else f'CAST(NULL AS {_SQL_TYPE.get(str(f.type), "VARCHAR")}) AS "{f.name}"'
            for f in TABLES[table]
        )  # a column no night's file has yet (a store older than the column) reads as NULL
        return (
            f"(SELECT {cols}, CASE filename {night} END AS night, CASE filename {day} END AS day "
            f"FROM read_parquet([{paths}], union_by_name = true, filename = true))"
        )

    def query(self, sql: str, params: list | None = None, nights: list[int] | None = None,
              extra: dict[str, pa.Table] | None = None) -> list[dict]:  # fmt: skip
        """Rows as dicts. `extra`: Arrow tables the query names by their key (the sampling
        plan, computed in Python); `nights`: read only those nights' files."""
        cur = self._db.cursor()
        try:
            for name, table in (extra or {}).items():
                cur.register(name, table)

            def table_of(m: re.Match) -> str:
                name = m.group(1)
                cur.register(f"__empty_{name}", TABLES[name].empty_table())
                return self.source(name, nights)

            cur.execute(_NAME.sub(table_of, sql), params or [])
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        finally:
            cur.close()

    def stamp(self, tables: tuple[str, ...]) -> tuple:
        """What changes when any of these tables' files change (or a night comes or goes)."""
        out = []
        for t in tables:
            for i, _, p in self.files(t):
                try:
                    out.append((i, p, os.stat(p).st_mtime_ns))
                except FileNotFoundError:
                    out.append((i, p, 0))
        return tuple(out)


_SQL_TYPE = {"bool": "BOOLEAN", "double": "DOUBLE", "int8": "TINYINT", "int32": "INTEGER",
             "int64": "BIGINT", "string": "VARCHAR"}  # fmt: skip
_SCHEMAS: dict[str, tuple[int, frozenset[str]]] = {}


def _columns(path: str) -> frozenset[str]:
    """The columns a Parquet file holds, from its footer (kept while the file is unchanged)."""
    import pyarrow.parquet as pq

    mtime = os.stat(path).st_mtime_ns
    hit = _SCHEMAS.get(path)
    if hit is None or hit[0] != mtime:
        hit = (mtime, frozenset(pq.read_schema(path).names))
        _SCHEMAS[path] = hit
    return hit[1]


def _quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"
