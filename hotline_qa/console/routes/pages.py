"""The pages inspectors, managers and agents read: the review queue, a call, the agents'
rankings and scorecards, rule health and appeals."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from hotline_qa.console.queries import agents, appeals, call, queue, rules
from hotline_qa.console.queries.queue import Filters
from hotline_qa.console.security import Caller, Principal, own, own_call, reads
from hotline_qa.console.views import page_of, render
from scorers.sampling import NAMES as PLAN_NAMES

router = APIRouter(default_response_class=HTMLResponse)
STAFF = ("inspector", "manager")
StaffOrAgent = Annotated[Principal, Depends(reads(*STAFF, "agent"))]


@router.get("/")
def queue_page(request: Request, who: Caller, rule: str = "", agent: str = "", team: str = "",
          date: str = "", status: str = "open", plan: str = "", page: int = 1):  # fmt: skip
    """The review queue; an agent lands on their own scores, a trainer on the clips."""
    if who.role == "agent":
        return RedirectResponse(f"/agents/{who.name}", status_code=303)
    if who.role == "trainer":
        return RedirectResponse("/clips", status_code=303)
    st = request.app.state
    flt = Filters(rule, agent, team, date, status, plan)
    unknown = queue.unknown_filters(st.data, flt)
    if unknown:
        raise HTTPException(400, "筛选条件无效：" + "；".join(unknown))
    size = st.page_size
    rows, total = queue.page(st.data, flt, (max(1, page) - 1) * size, size)
    again = lambda f, offset, limit: queue.page(st.data, f, offset, limit)  # noqa: E731
    rows, pager = page_of(rows, total, page, size, request, again, flt)
    _, progress = queue.sample(st.data)
    return render(request, "queue.html", rows=rows, pager=pager, flt=flt,
                  options=st.data.options(),
                  progress=[(k, PLAN_NAMES[k], done, drawn)
                            for k, (done, drawn) in progress.items()])  # fmt: skip


@router.get("/calls/{call_id}")
def call_page(request: Request, call_id: str,
              who: StaffOrAgent):  # fmt: skip
    data = request.app.state.data
    own_call(who, data, call_id)
    view = call.view(data, call_id)
    if view is None:
        raise HTTPException(404, f"没有通话 {call_id} (no call {call_id} in this console's runs)")
    return render(request, "call.html", v=view)


@router.get("/agents", dependencies=[Depends(reads(*STAFF))])
def agents_page(request: Request, period_type: str = "day", period: str = ""):
    if period_type not in ("day", "week", "month"):
        raise HTTPException(
            400, "统计周期只能是 day、week 或 month (period_type is day, week or month)"
        )
    return render(
        request, "agents.html", v=agents.ranking(request.app.state.data, period_type, period)
    )


@router.get("/agents/{agent_id}")
def agent_page(request: Request, agent_id: str, who: StaffOrAgent, page: int = 1):
    own(who, agent_id)
    st = request.app.state
    size = st.page_size
    view = agents.agent(st.data, agent_id, (max(1, page) - 1) * size, size)
    if view is None:
        raise HTTPException(404, f"没有坐席 {agent_id} (no agent {agent_id})")
    if not view.calls and page > 1:  # past the end: the last page
        last = max(1, -(-view.total // size))
        view = agents.agent(st.data, agent_id, (last - 1) * size, size)
        page = last
    _, pager = page_of([], view.total, page, size, request)
    return render(request, "agent.html", v=view, pager=pager)


@router.get("/rules", dependencies=[Depends(reads(*STAFF))])
def rules_page(request: Request):
    return render(request, "rules.html", v=rules.health(request.app.state.data))


@router.get("/appeals")
def appeals_page(request: Request, who: StaffOrAgent):
    mine = who.name if who.role == "agent" else ""
    return render(request, "appeals.html", rows=appeals.rows(request.app.state.data, agent=mine),
                  can_rule=who.role == "inspector")  # fmt: skip
