"""What the console shows, read from one or more nights' output folders.

Tables are read through `pipeline.storage.Store` and kept until their file changes (a
rescore rewrites them), so pages stay fast on a month of calls and never show stale
scores. Everything here returns plain rows for the templates; nothing writes.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from fnmatch import fnmatch

from pipeline.inputs import files
from pipeline.inputs.config import load_config
from pipeline.publish.results import queue_row, review_queue
from pipeline.review.appeals import appeals as appeal_rows
from pipeline.store.runstate import last_run
from pipeline.store.storage import Store
from scorers import manner, sampling
from scorers.rubric import parse_rubric, score_call
from scorers.rule_health import rule_health
from scorers.scorecard import PERIODS, build_scorecards

TIMELINE_RULES = ("interruption", "dead_air", "hold.", "speech_rate", "manner.")
LOUD_FLOOR_DB = -60.0  # the loudness lanes' bottom (dBFS); 0 dBFS is the top


def rule_matches(rule_id: str, rule: str) -> bool:
    """The filters' rule: empty = all, a prefix ('forbidden.') or a glob ('hold.*')."""
    return not rule or fnmatch(rule_id, rule if "*" in rule else rule + "*")


class Night:
    """One output folder."""

    def __init__(self, out: str):
        self.out = out
        self.store = Store(out)
        self._cache: dict[str, tuple[float, list[dict]]] = {}
        self._lock = threading.Lock()

    def stamp(self, name: str) -> int:
        """The table file's mtime (0: none yet; -1: not a local folder, never cached)."""
        from pipeline.store.schemas import TABLE_PATHS

        path = self.store.path(TABLE_PATHS.get(name, f"{name}.parquet"))
        try:
            return os.stat(path).st_mtime_ns if self.store.local_root else -1
        except FileNotFoundError:
            return 0

    def rows(self, name: str) -> list[dict]:
        stamp = self.stamp(name)
        with self._lock:
            hit = self._cache.get(name)
            if hit and hit[0] == stamp and stamp != -1:
                return hit[1]
        rows = self.store.read_rows(name)
        with self._lock:
            self._cache[name] = (stamp, rows)
        return rows

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

    def keep(self, row: dict, call: dict, plans: tuple[str, ...] = ()) -> bool:
        return (
            rule_matches(row["rule_id"], self.rule)
            and (not self.plan or (plans and (self.plan == "sampled" or self.plan in plans)))
            and (not self.agent or row["agent_id"] == self.agent)
            and (not self.team or (call.get("team") or "") == self.team)
            and (not self.date or (call.get("started_at") or "").startswith(self.date))
        )


class ConsoleData:
    def __init__(self, outs: list[str], lexicons: str | None = None):
        self.nights = [Night(o) for o in outs]
        self.lexicons = lexicons
        self.cfg = load_config(lexicons)
        self.names = self.cfg.rule_names()
        self.scale, self.items = parse_rubric(self.cfg.rubric)
        self.item_names = {it.id: it.name for it in self.items}
        self.target = self.cfg.rubric.target_score
        self._derived: dict[str, tuple[tuple, object]] = {}  # see _cached
        self._derived_lock = threading.Lock()

    # -- lookups ---------------------------------------------------------------------------
    def all_rows(self, name: str) -> list[dict]:
        return [r for n in self.nights for r in n.rows(name)]

    def _cached(self, what: str, tables: tuple[str, ...], compute):
        """`compute()` over the open nights, kept until one of `tables` changes on disk
        (never kept for folders that are not local: their files have no mtime here)."""
        key = tuple(n.stamp(t) for n in self.nights for t in tables)
        with self._derived_lock:
            hit = self._derived.get(what)
            if hit is not None and hit[0] == key and -1 not in key:
                return hit[1]
        value = compute()
        with self._derived_lock:
            self._derived[what] = (key, value)
        return value

    def scorecards(self) -> list[dict]:
        """Agent scorecards for every day, week and month of the open nights, computed from
        all their call scores and findings together (a call in several folders counts once,
        the last folder's row). Each night's own agent_scorecards table only knows that
        night: stacking them listed an agent once per night, each with a one-night mean."""
        return self._cached("scorecards", ("call_scores", "findings"), self._scorecards)

    def _scorecards(self) -> list[dict]:
        scores = {c["call_id"]: c for c in self.all_rows("call_scores")}
        findings = {f["finding_id"]: f for f in self.all_rows("findings")}
        return build_scorecards(list(scores.values()), list(findings.values()))

    def night_of(self, call_id: str) -> Night | None:
        for n in self.nights:
            if any(c["call_id"] == call_id for c in n.rows("calls")):
                return n
        return None

    def calls(self) -> dict[str, dict]:
        return {c["call_id"]: c for c in self.all_rows("calls")}

    def rule_name(self, rule_id: str) -> str:
        return self.names.get(rule_id) or self.item_names.get(rule_id, rule_id)

    def finding(self, finding_id: str) -> tuple[Night, dict] | None:
        for n in self.nights:
            for f in n.rows("findings"):
                if f["finding_id"] == finding_id:
                    return n, f
        return None

    # -- pages -----------------------------------------------------------------------------
    def queue(self, flt: Filters) -> list[dict]:
        """The review queue in the CLI's order (veto hits, low confidence, manual items);
        with status confirmed/rejected/all, decided findings too."""
        calls = self.calls()
        findings = self.all_rows("findings")
        rows = review_queue(
            findings, self.all_rows("call_scores"), self.items, self.cfg.confidence.review_below
        )
        if flt.status != "open":
            decided = [
                {**queue_row(f, 4), "review": f["review"]}
                for f in findings
                if f["review"] and (flt.status == "all" or f["review"] == flt.status)
            ]
            rows = (rows if flt.status == "all" else []) + decided
        sample, _ = self.sample()
        out = []
        for r in rows:
            call = calls.get(r["call_id"], {})
            plans = sample.get(r["call_id"], ())
            if not flt.keep(r, call, plans):
                continue
            out.append(
                {
                    **r,
                    "plans": [sampling.NAMES[p] for p in plans],
                    "rule_name": self.rule_name(r["rule_id"]),
                    "team": call.get("team") or "",
                    "date": (call.get("started_at") or "")[:16].replace("T", " "),
                    "review": r.get("review", ""),
                }
            )
        return out

    def appeals(self, agent: str = "") -> list[dict]:
        """Every appeal of the open nights (one agent's with `agent`), newest first."""
        out = []
        for n in self.nights:
            for a in appeal_rows(n.out):
                if not agent or a["agent_id"] == agent:
                    target = self.item_names.get(a["item_id"], a["item_id"])
                    if a["kind"] == "finding":
                        hit = self.finding(a["finding_id"])
                        target = self.rule_name(hit[1]["rule_id"]) if hit else a["finding_id"]
                    out.append({**a, "target": target})
        return sorted(out, key=lambda a: a["opened_at"], reverse=True)

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

    def _sample(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, int]]]:
        findings = self.all_rows("findings")
        veto_rules = [p for it in self.items if it.veto for p in it.rules]
        drawn = sampling.sample_calls(
            self.all_rows("calls"),
            findings,
            veto_rules,
            self.cfg.confidence.review_below,
            self.cfg.sampling,
        )
        still_open = {f["call_id"] for f in findings if not f["review"]}
        still_open |= {c["call_id"] for c in self.all_rows("call_scores") if c["manual_items"]}
        return drawn, sampling.progress(drawn, set(drawn) - still_open)

    def rules_health(self) -> dict:
        """Per rule: hits, reviewed, confirmed share overall and per week, flagged under the
        floor of lexicons/rule_health.yaml."""
        starts = {c["call_id"]: c["started_at"] for c in self.all_rows("calls")}
        stats = rule_health(self.all_rows("findings"), starts, self.cfg.rule_health)
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

    def options(self) -> dict:
        calls = self.all_rows("calls")
        return {
            "rules": sorted({f["rule_id"] for f in self.all_rows("findings")}),
            "agents": sorted({(c["agent_id"], c["agent_name"] or "") for c in calls}),
            "teams": sorted({c["team"] for c in calls if c["team"]}),
            "dates": sorted({(c["started_at"] or "")[:10] for c in calls}, reverse=True),
        }

    def call(self, call_id: str) -> dict | None:
        night = self.night_of(call_id)
        if night is None:
            return None
        call = next(c for c in night.rows("calls") if c["call_id"] == call_id)
        appealed = {a["finding_id"]: a for a in self.appeals() if a["kind"] == "finding"}
        findings = [
            {
                **f,
                "rule_name": self.rule_name(f["rule_id"]),
                "appeal": appealed.get(f["finding_id"]),
            }
            for f in night.rows("findings")
            if f["call_id"] == call_id
        ]
        utts = sorted(
            (u for u in night.rows("utterances") if u["call_id"] == call_id),
            key=lambda u: u["start_s"],
        )
        for u in utts:
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
        for s in night.rows("speech"):
            if s["call_id"] == call_id:
                speech.setdefault(s["speaker"], []).append((s["start_s"], s["end_s"]))
        score = next((c for c in night.rows("call_scores") if c["call_id"] == call_id), None)
        manual = {
            m["item_id"]: m
            for m in sorted(night.rows("manual_scores"), key=lambda m: m["decided_at"])
            if m["call_id"] == call_id
        }
        dur = call["duration_s"] or max([u["end_s"] for u in utts] or [1.0])
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
        holds = call["holds"] or []
        return {
            "call": call,
            "night_index": self.nights.index(night),
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
            "marks": marks,
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
        }

    def machine_score(self, call: dict, findings: list[dict]) -> float | None:
        """The call's score before any inspector's decision or manual score."""
        if call["status"] == "rejected":
            return None
        cs = score_call(
            call["call_id"],
            call["agent_id"],
            [f["rule_id"] for f in findings],
            list(call["not_assessable"] or []),
            self.scale,
            self.items,
            triggered=list(call.get("situations") or []),
        )
        return cs.score

    def agents(self, period_type: str = "day", period: str = "") -> dict:
        """Ranking across the centre and within teams for one period, below-target flagged."""
        cards = [c for c in self.scorecards() if c["period_type"] == period_type]
        periods = sorted({c["period"] for c in cards}, reverse=True)
        period = period or (periods[0] if periods else "")
        rows = sorted(
            (c for c in cards if c["period"] == period),
            key=lambda c: (-c["mean_score"], c["agent_id"]),
        )
        series: dict[str, list[tuple[str, float]]] = {}
        for c in sorted(cards, key=lambda c: c["period"]):
            series.setdefault(c["agent_id"], []).append((c["period"], c["mean_score"]))
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
                    "spark": _spark([v for _, v in series.get(c["agent_id"], [])]),
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

    def agent(self, agent_id: str) -> dict | None:
        cards = [c for c in self.scorecards() if c["agent_id"] == agent_id]
        if not cards:
            return None
        scores = {s["call_id"]: s for s in self.all_rows("call_scores")}
        calls = [c for c in self.all_rows("calls") if c["agent_id"] == agent_id]
        findings = [f for f in self.all_rows("findings") if f["agent_id"] == agent_id]
        rows = []
        for c in sorted(calls, key=lambda c: c["started_at"] or "", reverse=True):
            mine = [
                {**f, "rule_name": self.rule_name(f["rule_id"])}
                for f in findings
                if f["call_id"] == c["call_id"] and f["review"] != "rejected"
            ]
            s = scores.get(c["call_id"])
            rows.append({"call": c, "score": s, "findings": mine})
        trends = {
            kind: [
                (c["period"], c["mean_score"], c["veto_calls"])
                for c in sorted(cards, key=lambda c: c["period"])
                if c["period_type"] == kind
            ]
            for kind in PERIODS
        }
        latest = max((c for c in cards if c["period_type"] == "month"), key=lambda c: c["period"])
        return {
            "agent_id": agent_id,
            "agent_name": latest["agent_name"],
            "team": latest["team"],
            "calls": rows,
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
        """Clips of findings that are not rejected, filtered; the newest first."""
        rejected = {f["finding_id"] for f in self.all_rows("findings") if f["review"] == "rejected"}
        out = []
        for n, night in enumerate(self.nights):
            for r in night.rows("clips"):
                day = (r["started_at"] or "")[:10]
                if (
                    r["finding_id"] in rejected
                    or not rule_matches(r["rule_id"], rule)
                    or (agent and r["agent_id"] != agent)
                    or (since and day < since)
                    or (until and day > until)
                ):
                    continue
                out.append({**r, "night": n, "rule_name": self.rule_name(r["rule_id"])})
        return sorted(out, key=lambda r: (r["started_at"] or "", r["start_s"] or 0), reverse=True)

    def clip_agent(self, night: int, clip: str) -> str | None:
        """The agent of a clip in that night's clip index; None for anything else."""
        if not 0 <= night < len(self.nights):
            return None
        return next(
            (r["agent_id"] for r in self.nights[night].rows("clips") if r["clip"] == clip), None
        )

    def clip_path(self, night: int, clip: str) -> str | None:
        """The file of a clip that is in that night's clip index; None for anything else."""
        if not 0 <= night < len(self.nights):
            return None
        n = self.nights[night]
        if clip not in {r["clip"] for r in n.rows("clips")}:
            return None
        return n.store.path(clip)

    def audio_path(self, call_id: str) -> str | None:
        """The recording of a call of the run, only from inside its batch folder."""
        night = self.night_of(call_id)
        if night is None or not night.batch_dir:
            return None
        call = next(c for c in night.rows("calls") if c["call_id"] == call_id)
        base = night.batch_dir
        path = files.join(base, call["audio"])
        if files.is_uri(base):
            return path
        real, root = os.path.realpath(path), os.path.realpath(base)
        if os.path.commonpath([real, root]) != root or not os.path.isfile(real):
            return None
        return real


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
    loudness track (issue 22), at most n points: the loudest frame of each step."""
    if not track or dur <= 0:
        return ""
    step = max(1, -(-len(track) // n))
    pts = []
    for i in range(0, len(track), step):
        db = max(track[i : i + step])
        y = 20 * min(1.0, max(0.0, db / LOUD_FLOOR_DB))
        pts.append(f"{100 * i * hop_s / dur:.2f},{y:.2f}")
    return " ".join(pts)
