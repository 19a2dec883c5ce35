"""What the console shows, read from a store (`pipeline.store.layout`) or night folders.

Lists and aggregates are DuckDB queries over every night's Parquet files, filtered, sorted
and cut to a page in the query; one call's page reads that call's rows of its night.
Nothing is cached but small derived values (the sampling plan, the filter options), kept
until a table file changes, so a rescore's or a decision's effect shows at once.
Everything here returns plain rows for the templates; nothing writes.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from fnmatch import fnmatch

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.inputs import files
from pipeline.inputs.config import load_config
from pipeline.review.appeals import fold as appeal_fold
from pipeline.store.dataset import Dataset, map_columns, periods
from pipeline.store.runstate import last_run
from pipeline.store.storage import Store
from scorers import manner, sampling
from scorers.queue import DECIDED, MANUAL_ITEM, REST
from scorers.rubric import parse_rubric, score_call
from scorers.rule_health import rule_stats
from scorers.scorecard import PERIODS
from scorers.situations import evidence_parts

TIMELINE_RULES = ("interruption", "dead_air", "hold.", "speech_rate", "manner.")
LOUD_FLOOR_DB = -60.0  # the loudness lanes' bottom (dBFS); 0 dBFS is the top


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


@dataclass
class Filters:
    rule: str = ""
    agent: str = ""
    team: str = ""
    date: str = ""  # YYYY-MM-DD, or a prefix: 2026-11
    status: str = "open"  # open | confirmed | rejected | all
    plan: str = ""  # '' | sampled (any plan) | veto | low_confidence | random


def _glob(column: str, patterns: list[str]) -> str:
    """SQL: the column matches one of these fnmatch globs (false for none)."""
    if not patterns:
        return "false"
    return (
        "("
        + " OR ".join(f"{column} GLOB '{p.replace(chr(39), chr(39) * 2)}'" for p in patterns)
        + ")"
    )


def _col(item_id: str) -> str:
    return '"i_' + item_id.replace('"', '""') + '"'


def _rule_glob(rule: str) -> str:
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
    """The console's reads over a store (`root`) or night folders (`outs`). Lists and
    aggregates are DuckDB queries on the Parquet files (`pipeline.store.dataset`); one
    call's page reads only its night's rows of that call."""

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
        load (3 s), so that the first page finds them read."""
        try:
            for name in ("fx", "sx", "cx"):  # the queue's; the clips' index when asked
                self._tab(name)
            self._cfg_ready.wait()
            self.sample()
        except Exception:  # the page that needs it will say what is wrong
            pass

    def _tab(self, name: str) -> pa.Table:
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

        return self._cached(f"index:{name}", (table,), latest)

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
                extra[name] = self._tab(name)
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

    def _cached(self, what: str, tables: tuple[str, ...], compute):
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

    # -- pages -----------------------------------------------------------------------------
    def queue(self, flt: Filters) -> list[dict]:
        return self.queue_page(flt)[0]

    def queue_page(
        self, flt: Filters, offset: int = 0, limit: int | None = None
    ) -> tuple[list[dict], int]:
        """The review queue in the CLI's order (veto hits, low confidence, the rest, manual
        items); with status confirmed/rejected/all, decided findings too. One page of it
        and the number of rows, filtered and cut in the query."""
        sample, _ = self.sample()
        where = {"open": f"priority < {DECIDED}", "all": "true"}.get(flt.status, "review = ?")
        params: list = []
        if flt.status not in ("open", "all"):
            params.append(flt.status)
        conds = [where]
        if flt.rule:
            conds.append("rule_id GLOB ?")
            params.append(_rule_glob(flt.rule))
        for col, value in (("agent_id", flt.agent), ("team", flt.team)):
            if value:
                conds.append(f"{col} = ?")
                params.append(value)
        if flt.date:
            conds.append("starts_with(coalesce(started_at, ''), ?)")
            params.append(flt.date)
        if flt.plan == "sampled":
            conds.append("plans IS NOT NULL")
        elif flt.plan:
            conds.append("list_contains(plans, ?)")
            params.append(flt.plan)
        # The calls and the plan are joined only when a filter needs them; the page's rows
        # get their team and date afterwards (100 rows, not a million).
        joined = bool(flt.team or flt.date)
        calls_cols = ", c.team, c.started_at" if joined else ""
        calls_join = (
            f" LEFT JOIN (SELECT call_id, team, started_at FROM {CALLS}) c USING (call_id)"
            if joined
            else ""
        )
        plan_cols = ", s.plans" if flt.plan else ""
        plan_join = " LEFT JOIN sample s USING (call_id)" if flt.plan else ""
        sql = f"""
            WITH q AS (
              SELECT 'finding' AS kind,
                coalesce(priority, {REST}) AS priority,
                finding_id, call_id, agent_id, rule_id, confidence,
                coalesce(review, '') AS review, night
              FROM fx
              UNION ALL
              SELECT 'manual', {MANUAL_ITEM}, '', call_id, agent_id, unnest(manual_items), NULL, '', night
              FROM sx
            )
            SELECT q.*{calls_cols}{plan_cols} FROM q{calls_join}{plan_join}
            WHERE {" AND ".join(conds)}
        """
        keys = ("priority", "coalesce(confidence, 1)", "call_id", "finding_id", "rule_id")
        extra = {"sample": _sample_table(sample)} if flt.plan else {}
        total = self.q(f"SELECT count(*) AS n FROM ({sql})", params, extra=extra)[0]["n"]
        if limit and offset > total // 2:
            # A page past the middle is read from the end: a top-N of a page, not a sort
            # of a quarter's million rows.
            n = max(0, min(limit, total - offset))
            desc = " ORDER BY " + ", ".join(f"{k} DESC" for k in keys)
            page = sql + desc + f" LIMIT {n} OFFSET {max(0, total - offset - n)}"
            rows = self.q(page, params, extra=extra)[::-1] if n else []
        else:
            page = sql + " ORDER BY " + ", ".join(keys)
            page += f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit else ""
            rows = self.q(page, params, extra=extra)
        return self._queue_rows(rows, sample), total

    def _queue_rows(self, rows: list[dict], sample: dict) -> list[dict]:
        """A page of queue rows with what the page shows beside each: the call's team and
        date, the evidence, the sampling plans, the rule's name."""
        evidence = self._evidence([r for r in rows if r["kind"] == "finding"])
        calls = self._calls_of({r["call_id"] for r in rows})
        keep = ("kind", "priority", "finding_id", "call_id", "agent_id", "rule_id",
                "confidence", "review")  # fmt: skip
        return [
            {
                **{k: r[k] for k in keep},
                "team": calls.get(r["call_id"], {}).get("team") or "",
                "evidence": evidence.get(r["finding_id"], "需人工评分"),
                "plans": [sampling.NAMES[p] for p in sample.get(r["call_id"], ())],
                "rule_name": self.rule_name(r["rule_id"]),
                "date": (calls.get(r["call_id"], {}).get("started_at") or "")[:16].replace(
                    "T", " "
                ),
            }
            for r in rows
        ]

    def _calls_of(self, ids: set[str]) -> dict[str, dict]:
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        rows = self.q(f"SELECT * FROM {CALLS} WHERE call_id IN ({marks})", sorted(ids))
        return {r["call_id"]: r for r in rows}

    def _evidence(self, rows: list[dict]) -> dict[str, str]:
        """finding_id -> evidence, read for these rows only (from their nights' files)."""
        if not rows:
            return {}
        ids = sorted({r["finding_id"] for r in rows})
        marks = ", ".join("?" * len(ids))
        found = self.q(
            f"SELECT finding_id, evidence FROM {{findings}} WHERE finding_id IN ({marks})",
            ids,
            nights=sorted({r["night"] for r in rows}),
        )
        return {r["finding_id"]: r["evidence"] for r in found}

    def appeals(self, agent: str = "") -> list[dict]:
        """Every appeal of the open nights (one agent's with `agent`), newest first."""
        rows = appeal_fold(self.q("SELECT * EXCLUDE (night, day) FROM {appeals}"))
        rows = [a for a in rows if not agent or a["agent_id"] == agent]
        ids = sorted({a["finding_id"] for a in rows if a["kind"] == "finding"})
        rules = {}
        if ids:
            marks = ", ".join("?" * len(ids))
            rules = {r["finding_id"]: r["rule_id"] for r in self.q(
                f"SELECT finding_id, rule_id FROM {{findings}} WHERE finding_id IN ({marks})", ids)}  # fmt: skip
        out = []
        for a in rows:
            target = self.item_names.get(a["item_id"], a["item_id"])
            if a["kind"] == "finding":
                rid = rules.get(a["finding_id"])
                target = self.rule_name(rid) if rid else a["finding_id"]
            out.append({**a, "target": target})
        return sorted(out, key=lambda a: a["opened_at"], reverse=True)

    def appeal_of(self, appeal_id: str) -> Night | None:
        hit = self.q("SELECT max(night) AS n FROM {appeals} WHERE appeal_id = ?", [appeal_id])
        n = hit[0]["n"] if hit else None
        return None if n is None else Night(self.dataset.folders()[n], n)

    def appeal_counts(self) -> dict[str, dict[str, int]]:
        """agent_id -> {open, upheld, overturned}: what managers see beside the ranking."""
        out: dict[str, dict[str, int]] = {}
        for a in self.appeals():
            c = out.setdefault(a["agent_id"], {"open": 0, "upheld": 0, "overturned": 0})
            c[a["status"]] += 1
        return out

    def sample(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, int]]]:
        """The sampling plan (lexicons/sampling.yaml) over the open nights: call_id -> the
        plans that drew it, and per plan (calls reviewed, calls drawn). A call is reviewed
        once every finding is decided and every manual item scored."""
        return self._cached("sample", ("calls", "findings", "call_scores"), self._sample)

    def _random_draw(self) -> list[str]:
        """The random part depends on the calls only: kept while decisions come in."""

        def draw() -> list[str]:
            cols = ["call_id", "agent_id", "started_at", "status", "p_week"]
            calls = self._tab("cx").select(cols).rename_columns([*cols[:-1], "week"]).to_pylist()
            return sampling.random_draw(calls, self.cfg.sampling)

        return self._cached("random_draw", ("calls",), draw)

    def _sample(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, int]]]:
        plan = self.cfg.sampling
        flagged = {}
        if plan.veto or plan.low_confidence:
            for r in self.q(
                f"""SELECT call_id, bool_or({_glob("rule_id", self.veto_rules)}) AS veto,
                           bool_or(confidence < ?) AS low
                    FROM fx GROUP BY call_id HAVING veto OR low""",
                [self.cfg.confidence.review_below],
            ):
                why = {sampling.VETO} if plan.veto and r["veto"] else set()
                why |= {sampling.LOW} if plan.low_confidence and r["low"] else set()
                if why:
                    flagged[r["call_id"]] = why
        drawn = sampling.combine(flagged, self._random_draw())
        still_open = {
            r["call_id"]
            for r in self.q(
                "SELECT DISTINCT call_id FROM fx WHERE coalesce(review, '') = '' "
                "UNION SELECT call_id FROM sx WHERE len(manual_items) > 0"
            )
        }
        return drawn, sampling.progress(drawn, set(drawn) - still_open)

    def rules_health(self) -> dict:
        """Per rule: hits, reviewed, confirmed share overall and per week, flagged under the
        floor of lexicons/rule_health.yaml."""
        hits = {r["rule_id"]: r["n"] for r in self.q(
            "SELECT rule_id, count(*) AS n FROM fx GROUP BY rule_id")}  # fmt: skip
        weeks: dict[str, dict[str, tuple[int, int]]] = {}
        for r in self.q(
            f"""SELECT f.rule_id, coalesce(c.p_week, '?') AS week,
                       count(*) AS reviewed, count(*) FILTER (WHERE f.review = 'confirmed') AS confirmed
                FROM fx f LEFT JOIN (SELECT call_id, p_week FROM {CALLS}) c USING (call_id)
                WHERE f.review IN ('confirmed', 'rejected') GROUP BY ALL"""
        ):
            weeks.setdefault(r["rule_id"], {})[r["week"]] = (r["reviewed"], r["confirmed"])
        stats = rule_stats(hits, weeks, self.cfg.rule_health)
        rows = [
            {
                "rule_id": st.rule_id,
                "rule_name": self.rule_name(st.rule_id),
                "hits": st.hits,
                "reviewed": st.reviewed,
                "confirmed": st.confirmed,
                "share": st.share,
                "weeks": st.weeks,
                "flagged": st.flagged,
            }
            for st in stats
        ]
        rows.sort(key=lambda r: (not r["flagged"], r["share"] if r["share"] is not None else 2))
        return {"rows": rows, "floor": self.cfg.rule_health.floor,
                "min_reviewed": self.cfg.rule_health.min_reviewed}  # fmt: skip

    def unknown_filters(self, flt: Filters) -> list[str]:
        """What in the queue's filters names nothing there is (an empty list when all is
        known): a typo must say so, not show an empty queue."""
        opts = self.options()
        bad = []
        if flt.status not in ("open", "all", "confirmed", "rejected"):
            bad.append(f"状态 status={flt.status}（可选 open、all、confirmed、rejected）")
        if flt.agent and flt.agent not in {a for a, _ in opts["agents"]}:
            bad.append(f"没有坐席 agent={flt.agent}")
        if flt.team and flt.team not in opts["teams"]:
            bad.append(f"没有班组 team={flt.team}")
        if flt.plan and flt.plan != "sampled" and flt.plan not in sampling.NAMES:
            bad.append(f"没有抽样计划 plan={flt.plan}")
        known = set(opts["rules"]) | set(self.cfg.rule_names())
        if flt.rule and not any(fnmatch(r, _rule_glob(flt.rule)) for r in known):
            bad.append(f"没有规则 rule={flt.rule}")
        return bad

    def options(self) -> dict:
        return self._cached("options", ("calls", "findings"), self._options)

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

    def call(self, call_id: str) -> dict | None:
        night = self.night_of(call_id)
        if night is None:
            return None
        call = night.rows("calls", call_id)[0]
        appealed = {a["finding_id"]: a for a in appeal_fold(night.rows("appeals"))
                    if a["kind"] == "finding" and a["call_id"] == call_id}  # fmt: skip
        decided = {r["finding_id"]: r for r in sorted(night.rows("reviews", call_id),
                                                       key=lambda r: r["decided_at"])}  # fmt: skip
        findings = [
            {
                **f,
                "rule_name": self.rule_name(f["rule_id"]),
                "appeal": appealed.get(f["finding_id"]),
                "decision": decided.get(f["finding_id"]),
                "parts": situation_parts(f),
            }
            for f in night.rows("findings", call_id)
        ]
        utts = sorted(night.rows("utterances", call_id), key=lambda u: u["start_s"])
        labels = {}
        for r in sorted(night.rows("line_labels", call_id), key=lambda r: r["decided_at"]):
            labels[round(r["start_s"], 2)] = r
        for u in utts:
            u["label"] = labels.get(round(u["start_s"], 2))
            # A situation's trigger and the agent's response window, marked on their lines.
            u["situation"] = sorted({
                p["kind"] for f in findings for p in f["parts"]
                if p["start_s"] < u["end_s"] and u["start_s"] < p["end_s"]
            })  # fmt: skip
            # Findings are against the agent: the caller's turn beside one is not marked.
            u["hits"] = (
                []
                if u["speaker"] == "caller"
                else [
                    f["finding_id"]
                    for f in findings
                    if f["start_s"] is not None
                    and f["start_s"] < u["end_s"] + 0.05
                    and u["start_s"] < f["end_s"] + 0.05
                    and f["rule_id"].split(".")[0] in ("forbidden", "interruption", "manner")
                ]
            )
        speech: dict[str, list] = {}
        for s in night.rows("speech", call_id):
            speech.setdefault(s["speaker"], []).append((s["start_s"], s["end_s"]))
        score = next(iter(night.rows("call_scores", call_id)), None)
        manual = {
            m["item_id"]: m
            for m in sorted(night.rows("manual_scores", call_id), key=lambda m: m["decided_at"])
        }
        dur = call["duration_s"] or max([u["end_s"] for u in utts] or [1.0])
        holds = call["holds"] or []
        return {
            "call": call,
            "night_index": night.index,
            "findings": findings,
            "utterances": utts,
            "speech": {
                k: [{"left": 100 * a / dur, "width": max(0.2, 100 * (b - a) / dur)} for a, b in v]
                for k, v in speech.items()
            },
            "holds": [
                {"left": 100 * a / dur, "width": 100 * (b - a) / dur, "start_s": a, "end_s": b}
                for a, b in holds
            ],
            "marks": timeline_marks(findings, dur),
            "loudness": {
                k: loudness_points(v, manner.HOP_S, dur)
                for k, v in (call.get("level_track") or {}).items()
            },
            "duration": dur,
            "score": score,
            "score_before": self.machine_score(call, findings),
            "manual": manual,
            "manual_items": [it for it in self.items if it.manual],
            "warnings": list(call["warnings"] or []),
            "items": (score["items"] or {}) if score else {},
            "label_names": {**self.cfg.intents.names, "none": "不是以上情况"},
        }

    def machine_score(self, call: dict, findings: list[dict]) -> float | None:
        """The call's score before any inspector's decision or manual score: sure findings
        deduct, 待确认 ones wait for a verdict."""
        if call["status"] == "rejected":
            return None
        cs = score_call(
            call["call_id"],
            call["agent_id"],
            [f["rule_id"] for f in findings if not f.get("pending")],
            list(call["not_assessable"] or []),
            self.scale,
            self.items,
            triggered=list(call.get("situations") or []),
        )
        return cs.score

    def scorecards(self, period_type: str, period: str = "", agent: str = "",
                   detail: bool = True) -> list[dict]:  # fmt: skip
        """Agent scorecards of one kind of period (day, ISO week, month), computed from
        every night's call scores and findings together, as `scorers.scorecard` computes a
        night's: the period's true mean and call count, never a mean of nightly means.
        `period`/`agent` narrow the rows (the trend and the rank in team still see every
        period and agent); `detail`: with the item means and the violations."""
        if period_type not in PERIODS:
            raise ValueError(f"period_type is one of {PERIODS}")
        psql = f"p_{period_type}"
        rows = self.q(
            f"""WITH p AS (SELECT *, {psql} AS period FROM {SCORES}),
            card AS (
              SELECT agent_id, period, count(*) AS calls, round(avg(score), 2) AS mean_score,
                count(*) FILTER (WHERE veto) AS veto_calls,
                coalesce(sum(pending), 0) AS pending,
                arg_max(coalesce(agent_name, ''), lpad(CAST(night AS VARCHAR), 6, '0') || call_id) AS agent_name,
                arg_max(coalesce(team, ''), lpad(CAST(night AS VARCHAR), 6, '0') || call_id) AS team
              FROM p GROUP BY agent_id, period),
            ranked AS (
              SELECT *, lag(mean_score) OVER (PARTITION BY agent_id ORDER BY period) AS prev_mean_score,
                row_number() OVER (PARTITION BY team, period ORDER BY mean_score DESC, agent_id) AS rank_in_team,
                count(*) OVER (PARTITION BY team, period) AS team_size
              FROM card)
            SELECT * FROM ranked WHERE (? = '' OR period = ?) AND (? = '' OR agent_id = ?)
            ORDER BY period, agent_id""",
            [period, period, agent, agent],
        )
        for r in rows:
            r["period_type"] = period_type
            prev = r["prev_mean_score"]
            r["trend"] = None if prev is None else round(r["mean_score"] - prev, 2)
            r["items"], r["violations"] = {}, {}
        if not detail or not rows:
            return rows
        cards = {(r["agent_id"], r["period"]): r for r in rows}
        where = "(? = '' OR period = ?) AND (? = '' OR agent_id = ?)"
        args = [period, period, agent, agent]
        have = set(self._tab("sx").column_names)
        items = [it for it in self.items if f"i_{it.id}" in have]
        means = ", ".join(f"round(avg({_col(it.id)}), 2) AS m{i}" for i, it in enumerate(items))
        for r in (
            []
            if not items
            else self.q(
                f"""SELECT agent_id, {psql} AS period, {means} FROM {SCORES}
            WHERE {where.replace("period", psql)} GROUP BY ALL""",
                args,
            )
        ):
            card = cards[(r["agent_id"], r["period"])]
            for i, it in sorted(enumerate(items), key=lambda x: x[1].id):
                if r[f"m{i}"] is not None:
                    card["items"][it.id] = r[f"m{i}"]
        for r in self.q(
            f"""WITH p AS (SELECT call_id, night, agent_id, {psql} AS period FROM {SCORES})
            SELECT p.agent_id, p.period, f.rule_id, count(*) AS n
            FROM fx f JOIN p ON f.call_id = p.call_id AND f.night = p.night
            WHERE f.counted AND {where.replace("period", "p.period").replace("agent_id", "p.agent_id")}
            GROUP BY ALL ORDER BY f.rule_id""",
            args,
        ):
            cards[(r["agent_id"], r["period"])]["violations"][r["rule_id"]] = r["n"]
        return rows

    def periods(self, period_type: str) -> list[str]:
        psql = f"p_{period_type}"
        return [r["p"] for r in self.q(
            f"SELECT DISTINCT {psql} AS p FROM {SCORES} ORDER BY p DESC")]  # fmt: skip

    def agents(self, period_type: str = "day", period: str = "") -> dict:
        """Ranking across the centre and within teams for one period, below-target flagged."""
        periods = self.periods(period_type)
        period = period or (periods[0] if periods else "")
        rows = sorted(
            self.scorecards(period_type, period) if period else [],
            key=lambda c: (-c["mean_score"], c["agent_id"]),
        )
        series: dict[str, list[float]] = {}
        shown = {c["agent_id"] for c in rows}
        for c in self.scorecards(period_type, detail=False):
            if c["agent_id"] in shown:
                series.setdefault(c["agent_id"], []).append(c["mean_score"])
        counts = self.appeal_counts()
        out = []
        for rank, c in enumerate(rows, start=1):
            items = c["items"] or {}
            out.append(
                {
                    **c,
                    "rank": rank,
                    "below": c["mean_score"] < self.target,
                    "bars": self._bars(items, c["veto_calls"]),
                    "violations": {
                        self.rule_name(k): v for k, v in (c["violations"] or {}).items()
                    },
                    "spark": _spark(series.get(c["agent_id"], [])),
                    "appeals": counts.get(c["agent_id"], {}),
                }
            )
        teams: dict[str, list[dict]] = {}
        for r in out:
            teams.setdefault(r["team"] or "-", []).append(r)
        return {
            "rows": out,
            "teams": teams,
            "period": period,
            "periods": periods,
            "period_type": period_type,
            "period_types": PERIODS,
            "target": self.target,
            "item_order": [it.name for it in self.items if it.points],
        }

    def _bars(self, items: dict, veto_calls: int) -> list[dict]:
        bars = []
        for it in self.items:
            if it.id not in items or not it.points:
                continue
            share = items[it.id] / it.points
            bars.append(
                {
                    "name": it.name,
                    "value": items[it.id],
                    "points": it.points,
                    "pct": round(100 * share),
                    # A veto item whose calls were vetoed is red whatever its mean says.
                    "bad": share < 0.8 or (it.veto and veto_calls > 0),
                    "veto": it.veto and veto_calls > 0,
                }
            )
        return bars

    def agent(self, agent_id: str, offset: int = 0, limit: int | None = None) -> dict | None:
        """One agent's trends, this month's items and calls (newest first; one page of
        them with `limit`)."""
        cards = {kind: self.scorecards(kind, agent=agent_id, detail=kind == "month")
                 for kind in PERIODS}  # fmt: skip
        if not cards["month"]:
            return None
        page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit else ""
        calls = self.q(
            f"""SELECT c.call_id, c.started_at, c.status, s.score, s.veto, s.pending,
                count(*) OVER () AS total
            FROM {CALLS} c LEFT JOIN {SCORES} s USING (call_id)
            WHERE c.agent_id = ? ORDER BY c.started_at DESC NULLS LAST, c.call_id{page}""",
            [agent_id],
        )
        ids = [c["call_id"] for c in calls]
        mine: dict[str, list[dict]] = {}
        if ids:
            marks = ", ".join("?" * len(ids))
            for f in self.q(
                f"""SELECT DISTINCT ON (finding_id) finding_id, call_id, rule_id, start_s FROM fx
                WHERE call_id IN ({marks}) AND coalesce(review, '') <> 'rejected'
                ORDER BY finding_id, night DESC""",
                ids,
            ):
                mine.setdefault(f["call_id"], []).append(
                    {**f, "rule_name": self.rule_name(f["rule_id"])}
                )
            for fs in mine.values():
                fs.sort(key=lambda f: (f["start_s"] is None, f["start_s"] or 0, f["finding_id"]))
        rows = [
            {
                "call": {k: c[k] for k in ("call_id", "started_at", "status")},
                "score": None
                if c["score"] is None
                else {"score": c["score"], "veto": c["veto"], "pending": c["pending"]},
                "findings": mine.get(c["call_id"], []),
            }
            for c in calls
        ]
        trends = {
            kind: [(c["period"], c["mean_score"], c["veto_calls"]) for c in cards[kind]]
            for kind in PERIODS
        }
        latest = max(cards["month"], key=lambda c: c["period"])
        return {
            "agent_id": agent_id,
            "agent_name": latest["agent_name"],
            "team": latest["team"],
            "calls": rows,
            "total": calls[0]["total"] if calls else 0,
            "trends": {
                k: {"points": v, "spark": _spark([x[1] for x in v], 240, 48)}
                for k, v in trends.items()
            },
            "bars": self._bars(latest["items"] or {}, latest["veto_calls"]),
            "target": self.target,
        }

    def clips(
        self, rule: str = "", agent: str = "", since: str = "", until: str = ""
    ) -> list[dict]:
        return self.clips_page(rule, agent, since, until)[0]

    def clips_page(self, rule: str = "", agent: str = "", since: str = "", until: str = "",
                   offset: int = 0, limit: int | None = None) -> tuple[list[dict], int]:  # fmt: skip
        """Clips of findings that are not rejected, filtered; the newest first."""
        conds, args = ["true"], []
        if rule:
            conds.append("k.rule_id GLOB ?")
            args.append(_rule_glob(rule))
        if agent:
            conds.append("k.agent_id = ?")
            args.append(agent)
        if since:
            conds.append("substr(coalesce(k.started_at, ''), 1, 10) >= ?")
            args.append(since)
        if until:
            conds.append("substr(coalesce(k.started_at, ''), 1, 10) <= ?")
            args.append(until)
        sql = f"""SELECT k.clip, k.night, k.started_at, k.start_s FROM kx k
            ANTI JOIN (SELECT finding_id FROM fx WHERE review = 'rejected') r USING (finding_id)
            WHERE {" AND ".join(conds)}"""
        page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit else ""
        keys = self.q(
            f"{sql} ORDER BY k.started_at DESC NULLS LAST, k.start_s DESC NULLS LAST, k.clip{page}",
            args,
        )
        total = self.q(f"SELECT count(*) AS n FROM ({sql})", args)[0]["n"] if limit else len(keys)
        full: dict[tuple[int, str], dict] = {}
        if keys:
            marks = ", ".join("?" * len(keys))
            for r in self.q(
                f"SELECT * EXCLUDE (day) FROM {{clips}} WHERE clip IN ({marks})",
                [k["clip"] for k in keys],
                nights=sorted({k["night"] for k in keys}),
            ):
                full[(r["night"], r["clip"])] = r
        out = [
            {**full[key], "rule_name": self.rule_name(full[key]["rule_id"])}
            for key in ((k["night"], k["clip"]) for k in keys)
            if key in full
        ]
        return out, total

    def clip_agent(self, night: int, clip: str) -> str | None:
        """The agent of a clip in that night's clip index; None for anything else."""
        if not 0 <= night < len(self.dataset.folders()):
            return None
        hit = self.q("SELECT agent_id FROM kx WHERE clip = ? AND night = ? LIMIT 1", [clip, night])
        return hit[0]["agent_id"] if hit else None

    def clip_path(self, night: int, clip: str) -> str | None:
        """The file of a clip that is in that night's clip index; None for anything else."""
        if self.clip_agent(night, clip) is None:
            return None
        return Night(self.dataset.folders()[night], night).store.path(clip)

    def audio_path(self, call_id: str) -> str | None:
        """The recording of a call of the run, only from inside its batch folder."""
        night = self.night_of(call_id)
        if night is None or not night.batch_dir:
            return None
        call = night.rows("calls", call_id)[0]
        base = night.batch_dir
        path = files.join(base, call["audio"])
        if files.is_uri(base):
            return path
        real, root = os.path.realpath(path), os.path.realpath(base)
        if os.path.commonpath([real, root]) != root or not os.path.isfile(real):
            return None
        return real


def _sample_table(sample: dict[str, tuple[str, ...]]) -> pa.Table:
    return pa.table(
        {"call_id": list(sample), "plans": [list(v) for v in sample.values()]},
        schema=pa.schema([("call_id", pa.string()), ("plans", pa.list_(pa.string()))]),
    )


def _spark(values: list[float], w: int = 120, h: int = 28) -> str:
    """An SVG polyline's points for a small trend line (scores 0-100)."""
    if not values:
        return ""
    if len(values) == 1:
        values = values * 2
    step = w / (len(values) - 1)
    return " ".join(
        f"{i * step:.1f},{h - h * max(0.0, min(100.0, v)) / 100:.1f}" for i, v in enumerate(values)
    )


def loudness_points(track: list[float] | None, hop_s: float, dur: float, n: int = 400) -> str:
    """An SVG polyline (x 0-100 over the call, y 0-20, loud at the top) of a channel's
    loudness track, at most n points: the loudest frame of each step."""
    if not track or dur <= 0:
        return ""
    step = max(1, -(-len(track) // n))
    pts = []
    for i in range(0, len(track), step):
        db = max(track[i : i + step])
        y = 20 * min(1.0, max(0.0, db / LOUD_FLOOR_DB))
        pts.append(f"{100 * i * hop_s / dur:.2f},{y:.2f}")
    return " ".join(pts)


def timeline_marks(findings: list[dict], dur: float) -> list[dict]:
    """The call's timeline: a mark per timed finding, and a situation's trigger and the
    agent's response window side by side."""
    marks = [
        {
            "finding_id": f["finding_id"],
            "rule_id": f["rule_id"],
            "rule_name": f["rule_name"],
            "left": 100 * f["start_s"] / dur,
            "width": max(0.6, 100 * (f["end_s"] - f["start_s"]) / dur),
            "start_s": f["start_s"],
            "review": f["review"],
        }
        for f in findings
        if f["start_s"] is not None and f["rule_id"].startswith(TIMELINE_RULES)
    ]
    return marks + [
        {
            "finding_id": f["finding_id"],
            "rule_id": f["rule_id"],
            "rule_name": f"{f['rule_name']} · {p['label']}",
            "left": 100 * p["start_s"] / dur,
            "width": max(0.6, 100 * (p["end_s"] - p["start_s"]) / dur),
            "start_s": p["start_s"],
            "review": f["review"],
            "part": p["kind"],
        }
        for f in findings
        for p in f["parts"]
    ]


def situation_parts(f: dict) -> list[dict]:
    """A situational finding as the inspector judges it: what set the situation off (the
    caller's words, or the silence) and what the agent said in the window the norm gives,
    each its own span of the call to play. Empty for the other rules."""
    start, mid, end = f.get("start_s"), f.get("trigger_end_s"), f.get("end_s")
    if start is None or mid is None or end is None:
        return []
    said, answer = evidence_parts(f.get("evidence") or "", f.get("response_evidence"))
    return [
        {"kind": "trigger", "label": "触发 trigger", "start_s": start, "end_s": mid,
         "text": said},
        {"kind": "window", "label": "坐席应答窗口 the agent's response window", "start_s": mid,
         "end_s": max(end, mid + 0.5), "text": answer or "（坐席无应答）"},
    ]  # fmt: skip
