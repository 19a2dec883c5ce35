"""The console's writes (decisions, manual scores, labels, appeals), each body a typed
model, each role requirement a dependency; then the background rescore."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from hotline_qa.console.bodies import DecideAppeal, Decision, LineLabel, ManualScore, OpenAppeal
from hotline_qa.console.queries import appeals as appeal_queries
from hotline_qa.console.security import Principal, writes
from hotline_qa.console.views import reviewer
from pipeline.review import appeals
from pipeline.review import decisions as review
from pipeline.review.appeals import fold as appeal_fold

router = APIRouter(prefix="/api")
INSPECTS = Depends(writes("inspector"))
Appellant = Annotated[Principal, Depends(writes("inspector", "agent"))]


@router.get("/rescore")
def rescore_status(request: Request) -> dict:
    return request.app.state.rescorer.status.as_dict()


async def _call(fn, *args, **kw):
    """A write in a worker thread; the writer's own errors are the caller's 400."""
    try:
        return await run_in_threadpool(fn, *args, **kw)
    except PermissionError as e:
        raise HTTPException(403, str(e)) from None
    except (ValueError, FileNotFoundError) as e:
        raise HTTPException(400, str(e)) from None


def _night_of_call(data, call_id: str):
    night = data.night_of(call_id)
    if night is None:
        raise HTTPException(404, "no such call")
    return night


@router.post("/decisions", dependencies=[INSPECTS])
async def decide(body: Decision, request: Request):
    st = request.app.state
    hit = st.data.finding(body.finding_id)
    if hit is None:
        raise HTTPException(404, "no such finding")
    night, finding = hit
    row = await _call(review.record_decision, night.out, body.finding_id, body.decision,
                      body.comment, reviewer(request, body.reviewer))  # fmt: skip
    st.rescorer.request(night.out, [finding["call_id"]])
    warning = contradicted_appeal(night.rows("appeals"), body.finding_id, body.decision)
    return JSONResponse({"ok": True, "decision": row, "warning": warning,
                         "rescore": st.rescorer.status.as_dict()})  # fmt: skip


@router.post("/manual", dependencies=[INSPECTS])
async def manual(body: ManualScore, request: Request):
    st = request.app.state
    night = _night_of_call(st.data, body.call_id)
    row = await _call(review.record_manual_score, night.out, body.call_id, body.item_id,
                      body.points, body.violated, body.comment, reviewer(request, body.reviewer),
                      st.data.lexicons, st.data.items)  # fmt: skip
    st.rescorer.request(night.out, [row["call_id"]])
    return JSONResponse({"ok": True, "manual": row, "rescore": st.rescorer.status.as_dict()})


@router.post("/labels", dependencies=[INSPECTS])
async def label_line(body: LineLabel, request: Request):
    """An inspector's 标注 of a transcript line: training data for `hotline-qa learn`."""
    data = request.app.state.data
    night = _night_of_call(data, body.call_id)
    row = await _call(review.record_line_label, night.out, body.call_id, body.at_s, body.label,
                      reviewer(request, body.reviewer), data.lexicons)  # fmt: skip
    return JSONResponse({"ok": True, "label": row})


@router.post("/appeals")
async def open_appeal(body: OpenAppeal, request: Request,
                      who: Appellant):  # fmt: skip
    """An agent disputes their own finding or manual score; scores do not change."""
    data = request.app.state.data
    agent = who.name if who.role == "agent" else body.agent_id
    hit = data.finding(body.finding_id) if body.finding_id else None
    night = hit[0] if hit else data.night_of(body.call_id)
    if night is None:
        raise HTTPException(404, "no such finding or call")
    row = await _call(appeals.open_appeal, night.out, agent, body.reason,
                      finding_id=body.finding_id, call_id=body.call_id, item_id=body.item_id)  # fmt: skip
    return JSONResponse({"ok": True, "appeal": row})


@router.post("/appeals/decide", dependencies=[INSPECTS])
async def decide_appeal(body: DecideAppeal, request: Request):
    """An inspector upholds or overturns an appeal; an overturn changes the scores."""
    st = request.app.state
    night = appeal_queries.night_of(st.data, body.appeal_id)
    if night is None:
        raise HTTPException(404, "no such appeal")
    row = await _call(appeals.decide_appeal, night.out, body.appeal_id, body.ruling,
                      body.comment, reviewer(request, body.reviewer), body.points,
                      st.data.lexicons, st.data.items)  # fmt: skip
    if row["step"] == "overturned":
        st.rescorer.request(night.out, [row["call_id"]] if row.get("call_id") else None)
    return JSONResponse({"ok": True, "appeal": row, "rescore": st.rescorer.status.as_dict()})


def contradicted_appeal(appeal_rows: list[dict], finding_id: str, decision: str) -> str:
    """A warning when an inspector's decision goes against an appeal's ruling on the same
    finding ('' when it does not): the decision stands, and the agent was told otherwise."""
    against = {"confirmed": "overturned", "rejected": "upheld"}.get(decision)
    for a in appeal_fold(appeal_rows):
        if a["kind"] == "finding" and a["finding_id"] == finding_id and a["status"] == against:
            word = "改判（撤销）" if against == "overturned" else "维持"
            return (f"注意：此发现的申诉已于 {a['decided_at'][:10]} 由 {a['decided_by']} {word}，"
                    f"本次决定与该裁定相反 (this decision contradicts the appeal's ruling)")  # fmt: skip
    return ""
