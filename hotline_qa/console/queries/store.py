"""The console's reads over a store (`pipeline.store.layout`) or night folders: the
in-memory indexes, the query entry point and the lookups every page shares. The pages'
queries live beside it, one module per page (queue, call, agents, clips, appeals, rules).

Lists and aggregates are DuckDB queries over every night's Parquet files, filtered, sorted
and cut to a page in the query; one call's page reads that call's rows of its night.
Nothing is cached but small derived values (the sampling plan, the filter options), kept
until a table file changes, so a rescore's or a decision's effect shows at once. Nothing
here writes.
"""

from __future__ import annotations

import logging
import re
import threading

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.inputs.config import load_config
from pipeline.store.dataset import Dataset, map_columns, periods
from pipeline.store.runstate import last_run
from pipeline.store.storage import Store
from scorers.rubric import parse_rubric

log = logging.getLogger(__name__)


class Night:
    """One night folder (a store's date partition, or a folder given on its own)."""

    def __init__(self, out: str, index: int):
        self.out = out
        self.index = index
        self.store = Store(out)

    def rows(self, name: str, call_id: str | None = None) -> list[dict]:
        """A table of this night (only one call's rows with `call_id`), read when asked:
        a night is one date partition, so this stays small whatever the store holds."""
        return self.store.read_rows(name, call_id=call_id)

    @property
    def batch_dir(self) -> str:
        return last_run(self.out).get("batch_dir", "")


def glob_sql(column: str, patterns: list[str]) -> str:
    """SQL: the column matches one of these fnmatch globs (false for none)."""
    if not patterns:
        return "false"
    return (
        "("
        + " OR ".join(f"{column} GLOB '{p.replace(chr(39), chr(39) * 2)}'" for p in patterns)
        + ")"
    )


def item_column(item_id: str) -> str:
    return '"i_' + item_id.replace('"', '""') + '"'


def rule_glob(rule: str) -> str:
    """The filters' rule as one GLOB: empty = all, a prefix ('forbidden.') or a glob ('hold.*')."""
    return rule if "*" in rule else rule + "*"


# What the lists filter and sort on, kept in memory per night (`Dataset.index`); the rest
# of a row (evidence, words) is read for the rows of the page only.
INDEX = {
    "cx": ("calls", ("call_id", "agent_id", "agent_name", "team", "started_at", "status")),
    "sx": ("call_scores", ("call_id", "agent_id", "agent_name", "team", "started_at", "score",
                           "veto", "items", "manual_items", "pending")),
    "fx": ("findings", ("finding_id", "call_id", "agent_id", "rule_id", "confidence", "review",
                        "counted", "start_s", "pending", "priority")),
    "kx": ("clips", ("clip", "finding_id", "call_id", "agent_id", "rule_id", "started_at",
                     "start_s")),
}  # fmt: skip
DATED = ("cx", "sx")  # with the call's day, ISO week and month (p_day, p_week, p_month)
# The indexes hold the latest row per call across nights (a call run again on a later
# night counts once), so queries name them as they are.
CALLS, SCORES = "cx", "sx"


class ConsoleData:
    """The reads over a store (`root`) or night folders (`outs`) that every page shares:
    the indexes, `q`, the lexicons' names and rubric, and small derived values kept until
    their tables change."""

    def __init__(self, outs: list[str] | None = None, lexicons: str | None = None,
                 root: str | None = None):  # fmt: skip
        self.dataset = Dataset(outs, root)
        self.lexicons = lexicons
        self._derived: dict[str, tuple[tuple, object]] = {}  # see _cached
        self._derived_lock = threading.Lock()
        self._flight: dict[str, threading.Lock] = {}
        self._cfg_ready = threading.Event()
        warm = threading.Thread(target=self._warm_indexes, name="console-warm", daemon=True)
        warm.start()
        self.warming = warm
        self.cfg = load_config(lexicons)
        self.names = self.cfg.rule_names()
        self.scale, self.items = parse_rubric(self.cfg.rubric)
        self.item_names = {it.id: it.name for it in self.items}
        self.target = self.cfg.rubric.target_score
        self.veto_rules = [p for it in self.items if it.veto for p in it.rules]
        self._cfg_ready.set()

    def _warm_indexes(self) -> None:
        """Reads the store's indexes in the background at start-up, while the lexicons
        load (3 s), so that the first page finds them read. A failure is logged; the page
        that needs the index reads it again and says what is wrong."""
        from hotline_qa.console.queries import queue

        try:
            for name in ("fx", "sx", "cx"):  # the queue's; the clips' index when asked
                self.index_table(name)
            self._cfg_ready.wait()
            queue.sample(self)
        except Exception:
            log.exception("reading the store's indexes at start-up failed")

    def index_table(self, name: str) -> pa.Table:
        """An index over every night: the latest row per call for calls and scores."""
        table, cols = INDEX[name]
        derive = None
        if name == "cx":
            derive = self._dated
        elif name == "sx":
            derive = self._dated_items
        if name not in DATED:
            return self.dataset.index(table, cols, derive)

        def latest() -> pa.Table:
            t = self.dataset.index(table, cols, derive)
            if pc.count_distinct(t.column("call_id")).as_py() == t.num_rows:
                return t
            return self.dataset.arrow(
                "SELECT * FROM t QUALIFY row_number() OVER "
                "(PARTITION BY call_id ORDER BY night DESC) = 1", {"t": t}
            )  # fmt: skip

        return self.cached(f"index:{name}", (table,), latest)

    # -- lookups ---------------------------------------------------------------------------
    @property
    def nights(self) -> list[Night]:
        return [Night(f, i) for i, f in enumerate(self.dataset.folders())]

    def q(self, sql: str, params: list | None = None, **kw) -> list[dict]:
        """A query; it names the in-memory indexes (cx, sx, fx, kx) or the Parquet tables
        in braces ({findings})."""
        extra = dict(kw.pop("extra", None) or {})
        for name in INDEX:
            if re.search(rf"\b{name}\b", sql):
                extra[name] = self.index_table(name)
        return self.dataset.query(sql, params, extra=extra, **kw)

    def _dated(self, t: pa.Table) -> pa.Table:
        for name, col in periods(t.column("started_at")).items():
            t = t.append_column(name, col)
        return t

    def _dated_items(self, t: pa.Table) -> pa.Table:
        """Scores with the items as columns (i_<item>), not a map: the scorecards' item
        means are then plain column averages. The items are those the night's scores hold
        (nights scored under another rubric get nulls for the items they lack)."""
        m = t.column("items").combine_chunks()
        ids = sorted(pc.unique(m.keys).to_pylist()) if len(m) else []
        for key, col in map_columns(t.column("items"), ids).items():
            t = t.append_column(f"i_{key}", col)
        return self._dated(t.drop_columns(["items"]))

    def cached(self, what: str, tables: tuple[str, ...], compute):
        """`compute()`, kept until one of `tables` changes on disk in any night. One
        thread computes it; others asking meanwhile wait for that value (at start-up the
        first page and the warm-up would otherwise read the whole store twice at once)."""
        with self._derived_lock:
            lock = self._flight.setdefault(what, threading.Lock())
        with lock:
            key = self.dataset.stamp(tables)
            with self._derived_lock:
                hit = self._derived.get(what)
            if hit is not None and hit[0] == key:
                return hit[1]
            value = compute()
            with self._derived_lock:
                self._derived[what] = (key, value)
            return value

    def night_of(self, call_id: str) -> Night | None:
        hit = self.q("SELECT max(night) AS n FROM cx WHERE call_id = ?", [call_id])
        n = hit[0]["n"] if hit else None
        nights = self.dataset.folders()
        return None if n is None or n >= len(nights) else Night(nights[n], n)

    def call_row(self, call_id: str) -> dict | None:
        night = self.night_of(call_id)
        rows = night.rows("calls", call_id) if night else []
        return rows[0] if rows else None

    def rule_name(self, rule_id: str) -> str:
        return self.names.get(rule_id) or self.item_names.get(rule_id, rule_id)

    def finding(self, finding_id: str) -> tuple[Night, dict] | None:
        hit = self.q(
            "SELECT night, call_id FROM fx WHERE finding_id = ? ORDER BY night DESC LIMIT 1",
            [finding_id],
        )
        if not hit:
            return None
        night = Night(self.dataset.folders()[hit[0]["night"]], hit[0]["night"])
        row = next(
            f for f in night.rows("findings", hit[0]["call_id"]) if f["finding_id"] == finding_id
        )
        return night, row

    def options(self) -> dict:
        return self.cached("options", ("calls", "findings"), self._options)

    def _options(self) -> dict:
        calls = self.q(f"SELECT DISTINCT agent_id, coalesce(agent_name, '') AS name, team, "
                       f"substr(coalesce(started_at, ''), 1, 10) AS day FROM {CALLS}")  # fmt: skip
        return {
            "rules": [
                r["rule_id"] for r in self.q("SELECT DISTINCT rule_id FROM fx ORDER BY rule_id")
            ],  # fmt: skip
            "agents": sorted({(c["agent_id"], c["name"]) for c in calls}),
            "teams": sorted({c["team"] for c in calls if c["team"]}),
            "dates": sorted({c["day"] for c in calls}, reverse=True),
        }
