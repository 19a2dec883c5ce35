"""Clips (培训片段) for trainers, and the recordings behind the call pages: only files the
run's own indexes name, from inside its folders."""

from __future__ import annotations

import os

from hotline_qa.console.queries.store import ConsoleData, Night, rule_glob
from pipeline.inputs import files


def rows(
    db: ConsoleData, rule: str = "", agent: str = "", since: str = "", until: str = ""
) -> list[dict]:
    """Every clip the filters select (tests, small nights); the console asks for a page."""
    return page(db, rule, agent, since, until)[0]


def page(db: ConsoleData, rule: str = "", agent: str = "", since: str = "", until: str = "",
               offset: int = 0, limit: int | None = None) -> tuple[list[dict], int]:  # fmt: skip
    """Clips of findings that are not rejected, filtered; the newest first."""
    conds, args = ["true"], []
    if rule:
        conds.append("k.rule_id GLOB ?")
        args.append(rule_glob(rule))
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
    keys = db.q(
        f"{sql} ORDER BY k.started_at DESC NULLS LAST, k.start_s DESC NULLS LAST, k.clip{page}",
        args,
    )
    total = db.q(f"SELECT count(*) AS n FROM ({sql})", args)[0]["n"] if limit else len(keys)
    full: dict[tuple[int, str], dict] = {}
    if keys:
        marks = ", ".join("?" * len(keys))
        for r in db.q(
            f"SELECT * EXCLUDE (day) FROM {{clips}} WHERE clip IN ({marks})",
            [k["clip"] for k in keys],
            nights=sorted({k["night"] for k in keys}),
        ):
            full[(r["night"], r["clip"])] = r
    out = [
        {**full[key], "rule_name": db.rule_name(full[key]["rule_id"])}
        for key in ((k["night"], k["clip"]) for k in keys)
        if key in full
    ]
    return out, total


def agent_of(db: ConsoleData, night: int, clip: str) -> str | None:
    """The agent of a clip in that night's clip index; None for anything else."""
    if not 0 <= night < len(db.dataset.folders()):
        return None
    hit = db.q("SELECT agent_id FROM kx WHERE clip = ? AND night = ? LIMIT 1", [clip, night])
    return hit[0]["agent_id"] if hit else None


def path(db: ConsoleData, night: int, clip: str) -> str | None:
    """The file of a clip that is in that night's clip index; None for anything else."""
    if agent_of(db, night, clip) is None:
        return None
    return Night(db.dataset.folders()[night], night).store.path(clip)


def audio_path(db: ConsoleData, call_id: str) -> str | None:
    """The recording of a call of the run, only from inside its batch folder."""
    night = db.night_of(call_id)
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
