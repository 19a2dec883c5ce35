"""The QA console: review queue, call pages, agent rankings and the trainers' clips, served
from one or more nights' output folders (FastAPI with server-rendered Jinja2 pages and a
little plain JavaScript; no CDN, so it works offline).

Decisions and manual scores are appended to the folder's tables under their own lock
(`pipeline.review`), then a background rescore updates the scores (`console.rescore`).
"""

from __future__ import annotations

import csv
import hmac
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from hotline_qa.console.data import ConsoleData, Filters
from hotline_qa.console.rescore import Rescorer
from pipeline.inputs import files
from pipeline.publish import outputs
from pipeline.review import appeals
from pipeline.review import decisions as review
from pipeline.review.appeals import fold as appeal_fold
from scorers.sampling import NAMES as PLAN_NAMES

HERE = Path(__file__).parent
COOKIE = "hqa_token"
OPEN_PATHS = ("/healthz", "/login", "/logout", "/static/")


ROLES = ("inspector", "manager", "trainer", "agent")


@dataclass(frozen=True)
class Principal:
    """Who a token is: a role and a name (an agent's name is their agent_id).
    inspector: everything; manager: reads every page; trainer: reads the clips;
    agent: reads only their own calls, scorecard and clips."""

    role: str
    name: str


def read_tokens(path: str) -> dict[str, Principal]:
    """token -> Principal. One token per line: `TOKEN`, `NAME TOKEN` (an inspector, as
    before roles), or `ROLE NAME TOKEN`; # comments."""
    out = {}
    for k, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) > 3 or (len(parts) == 3 and parts[0] not in ROLES):
            raise ValueError(f"{path} line {k}: expected [ROLE] [NAME] TOKEN, ROLE one of {ROLES}")
        role = parts[0] if len(parts) == 3 else "inspector"
        name = parts[-2] if len(parts) > 1 else ""
        if role == "agent" and not name:
            raise ValueError(f"{path} line {k}: an agent token needs the agent_id")
        out[parts[-1]] = Principal(role, name)
    if not out:
        raise ValueError(f"{path} holds no token")
    return out


PAGE_SIZE = 100  # rows per page of the queue and the clips


def create_app(
    outs: list[str] | None = None,
    lexicons: str | None = None,
    tokens: dict[str, Principal | str] | None = None,
    page_size: int = PAGE_SIZE,
    root: str | None = None,
) -> FastAPI:
    """`root`: a store (every night in it, and nights published while it runs); `outs`:
    night folders. `tokens`: token -> Principal (a plain name is an inspector); None:
    loopback, no tokens, everyone an inspector."""
    if tokens is not None:
        tokens = {
            t: p if isinstance(p, Principal) else Principal("inspector", p)
            for t, p in tokens.items()
        }
    data = ConsoleData(outs, lexicons, root=root)
    rescorer = Rescorer(lexicons)
    for night in data.nights:  # decisions a killed console never applied: apply them now
        calls = outputs.pending_calls(night.store)
        if calls:
            rescorer.request(night.out, calls)
    app = FastAPI(title="hotline-qa console", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    pages = Jinja2Templates(directory=HERE / "templates")
    pages.env.globals["rule_name"] = data.rule_name

    def principal_of(request: Request) -> Principal | None:
        """Who holds the request's token; None: no valid token."""
        if tokens is None:
            return Principal("inspector", "")
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        given = given or request.cookies.get(COOKIE, "")
        for t, who in tokens.items():
            if given and _same_token(given, t):
                return who
        return None

    def user_of(request: Request) -> str | None:
        """The reviewer name behind a valid token ('' if the token has none); None: no token."""
        who = principal_of(request)
        return None if who is None else who.name

    def forbidden(who: Principal, request: Request) -> str:
        """Why this role may not make this request ('' if it may)."""
        path, write = request.url.path, request.method not in ("GET", "HEAD")
        if who.role == "inspector" or path.startswith(OPEN_PATHS) or path == "/api/rescore":
            return ""
        if write:
            if who.role == "agent" and path == "/api/appeals":
                return ""  # an agent's one write: an appeal (of their own calls, checked there)
            return f"无权修改：{ROLE_NAMES.get(who.role, who.role)}不能复核或评分 (a {who.role} token cannot change decisions or scores)"
        if who.role == "manager":
            return ""
        if who.role == "trainer":
            ok = path.startswith(("/clips", "/clip/"))
            return "" if ok else "培训师只能查看培训片段 (a trainer token reads the clips only)"
        # agent: own calls, own scorecard, own clips
        parts = path.strip("/").split("/")
        if parts[0] in ("calls", "audio") and len(parts) == 2:
            call = data.call_row(parts[1])
            own = call is not None and call["agent_id"] == who.name
        elif parts[0] == "agents" and len(parts) == 2:
            own = parts[1] == who.name
        elif parts == ["appeals"]:
            own = True  # the page lists the agent's own appeals only
        elif parts[0] == "clip" and len(parts) == 3 and parts[1].isdigit():
            own = data.clip_agent(int(parts[1]), f"clips/{parts[2]}") == who.name
        else:
            own = False
        return "" if own else "坐席只能查看本人的通话和评分 (an agent token reads only the agent's own calls)"

    @app.middleware("http")
    async def loopback_host(request: Request, call_next):
        """Without tokens the console trusts whoever reaches it, so it must be reached as
        the loopback names only: a page on evil.example that resolves to 127.0.0.1 (DNS
        rebinding) sends Host: evil.example, and is refused, reads included."""
        if tokens is None and not loopback_name(request.headers.get("host", "")):
            return JSONResponse(
                {"detail": "未知主机 Host not allowed: the token-less console answers "
                           "127.0.0.1, localhost and [::1] only"},
                status_code=421,
            )  # fmt: skip
        return await call_next(request)

    @app.middleware("http")
    async def same_origin_writes(request: Request, call_next):
        """Every write is refused unless it comes from the console's own pages, in every
        mode, loopback included: a web page the inspector has open elsewhere can post to
        127.0.0.1 too. The browser names a request's origin (Origin, Sec-Fetch-Site); the
        API takes JSON only, which no cross-site form or text/plain post can send without a
        CORS preflight, and the console answers none."""
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            why = cross_site(request)
            if why:
                return JSONResponse({"detail": why}, status_code=403)
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if request.url.path.startswith("/api/") and ctype != "application/json":
                return JSONResponse(
                    {"detail": "writes take application/json only"}, status_code=415
                )
        return await call_next(request)

    @app.middleware("http")
    async def auth(request: Request, call_next):
        path = request.url.path
        if tokens is not None and not path.startswith(OPEN_PATHS):
            if user_of(request) is None:
                if request.headers.get("accept", "").startswith("text/html"):
                    return HTMLResponse(
                        pages.get_template("login.html").render(error=""), status_code=401
                    )
                if path.startswith("/api/"):
                    return JSONResponse({"detail": "a valid token is required"}, status_code=401)
                return PlainTextResponse("401: a valid token is required", status_code=401)
        who = principal_of(request)
        if who is not None:
            if who.role == "agent" and path == "/":
                return RedirectResponse(f"/agents/{who.name}", status_code=303)
            if who.role == "trainer" and path == "/":
                return RedirectResponse("/clips", status_code=303)
            why = forbidden(who, request)
            if why:
                if path.startswith("/api/"):
                    return JSONResponse({"detail": why}, status_code=403)
                return error_page(request, 403, why)
        return await call_next(request)

    def error_page(request: Request, code: int, message: str) -> HTMLResponse:
        """A refusal or a missing page as a page a person reads, in Chinese first."""
        return render(request, "error.html", status_code=code, code=code, message=message,
                      title=ERROR_TITLES.get(code, "出错了"))  # fmt: skip

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return error_page(request, exc.status_code, str(exc.detail))

    def render(request: Request, name: str, status_code: int = 200, **ctx) -> HTMLResponse:
        who = principal_of(request)
        ctx.update(
            request=request,
            status=rescorer.status.as_dict(),
            role=who.role if who else "",
            user=user_of(request) or "",
            nav=name.split(".")[0],
        )
        return pages.TemplateResponse(request, name, ctx, status_code=status_code)

    @app.get("/healthz", response_class=PlainTextResponse)
    def healthz() -> str:
        return "ok"

    @app.get("/login", response_class=HTMLResponse)
    def login_page() -> HTMLResponse:
        if tokens is None:
            return RedirectResponse("/", status_code=303)
        return HTMLResponse(pages.get_template("login.html").render(error=""))

    @app.get("/logout")
    def logout():
        resp = RedirectResponse("/login" if tokens is not None else "/", status_code=303)
        resp.delete_cookie(COOKIE)
        return resp

    @app.post("/login")
    async def login(request: Request):
        form = _form(await request.body())
        token = form.get("token", "")
        if tokens is None or not any(_same_token(token, t) for t in tokens):
            return HTMLResponse(
                pages.get_template("login.html").render(error="令牌无效 invalid token"),
                status_code=401,
            )
        resp = RedirectResponse("/", status_code=303)
        resp.set_cookie(COOKIE, token, httponly=True, samesite="strict")
        return resp

    @app.get("/", response_class=HTMLResponse)
    def queue(
        request: Request,
        rule: str = "",
        agent: str = "",
        team: str = "",
        date: str = "",
        status: str = "open",
        plan: str = "",
        page: int = 1,
    ):
        flt = Filters(rule, agent, team, date, status, plan)
        unknown = data.unknown_filters(flt)
        if unknown:
            raise HTTPException(400, "筛选条件无效：" + "；".join(unknown))
        rows, total = data.queue_page(flt, (max(1, page) - 1) * page_size, page_size)
        rows, pager = _page(rows, total, page, page_size, request, data.queue_page, flt)
        _, progress = data.sample()
        return render(
            request,
            "queue.html",
            rows=rows,
            pager=pager,
            flt=flt,
            options=data.options(),
            progress=[(k, PLAN_NAMES[k], done, drawn) for k, (done, drawn) in progress.items()],
        )

    @app.get("/calls/{call_id}", response_class=HTMLResponse)
    def call_page(request: Request, call_id: str):
        view = data.call(call_id)
        if view is None:
            raise HTTPException(404, f"没有通话 {call_id} (no call {call_id} in this console's runs)")
        return render(request, "call.html", v=view)

    @app.get("/agents", response_class=HTMLResponse)
    def agents_page(request: Request, period_type: str = "day", period: str = ""):
        if period_type not in ("day", "week", "month"):
            raise HTTPException(400, "统计周期只能是 day、week 或 month (period_type is day, week or month)")
        return render(request, "agents.html", v=data.agents(period_type, period))

    @app.get("/agents/{agent_id}", response_class=HTMLResponse)
    def agent_page(request: Request, agent_id: str, page: int = 1):
        view = data.agent(agent_id, (max(1, page) - 1) * page_size, page_size)
        if view is None:
            raise HTTPException(404, f"没有坐席 {agent_id} (no agent {agent_id})")
        if not view["calls"] and page > 1:  # past the end: the last page
            last = max(1, -(-view["total"] // page_size))
            view = data.agent(agent_id, (last - 1) * page_size, page_size)
            page = last
        _, pager = _page([], view["total"], page, page_size, request)
        return render(request, "agent.html", v=view, pager=pager)

    @app.get("/rules", response_class=HTMLResponse)
    def rules_page(request: Request):
        return render(request, "rules.html", v=data.rules_health())

    @app.get("/appeals", response_class=HTMLResponse)
    def appeals_page(request: Request):
        who = principal_of(request)
        mine = who.name if who is not None and who.role == "agent" else ""
        return render(
            request,
            "appeals.html",
            rows=data.appeals(agent=mine),
            can_rule=who is not None and who.role == "inspector",
        )

    @app.post("/api/appeals")
    async def open_appeal(body: OpenAppeal, request: Request):
        """An agent disputes their own finding or manual score; scores do not change."""
        who = principal_of(request)
        agent = who.name if who and who.role == "agent" else body.agent_id
        fid = body.finding_id
        hit = data.finding(fid) if fid else None
        night = hit[0] if hit else data.night_of(body.call_id)
        if night is None:
            raise HTTPException(404, "no such finding or call")
        try:
            row = await run_in_threadpool(
                appeals.open_appeal,
                night.out,
                agent,
                body.reason,
                finding_id=fid,
                call_id=body.call_id,
                item_id=body.item_id,
            )
        except PermissionError as e:
            raise HTTPException(403, str(e)) from None
        except (ValueError, FileNotFoundError) as e:
            raise HTTPException(400, str(e)) from None
        return JSONResponse({"ok": True, "appeal": row})

    @app.post("/api/appeals/decide")
    async def decide_appeal(body: DecideAppeal, request: Request):
        """An inspector upholds or overturns an appeal; an overturn changes the scores."""
        night = data.appeal_of(body.appeal_id)
        if night is None:
            raise HTTPException(404, "no such appeal")
        try:
            row = await run_in_threadpool(
                appeals.decide_appeal,
                night.out,
                body.appeal_id,
                body.ruling,
                body.comment,
                _reviewer(user_of(request), {"reviewer": body.reviewer}),
                body.points,
                data.lexicons,
                data.items,
            )
        except (ValueError, FileNotFoundError) as e:
            raise HTTPException(400, str(e)) from None
        if row["step"] == "overturned":
            rescorer.request(night.out, [row["call_id"]] if row.get("call_id") else None)
        return JSONResponse({"ok": True, "appeal": row, "rescore": rescorer.status.as_dict()})

    @app.get("/clips", response_class=HTMLResponse)
    def clips_page(
        request: Request,
        rule: str = "",
        agent: str = "",
        since: str = "",
        until: str = "",
        page: int = 1,
    ):
        offset = (max(1, page) - 1) * page_size
        rows, total = data.clips_page(rule, agent, since, until, offset, page_size)
        if not rows and total == 0 and page > 1:
            total = data.clips_page(rule, agent, since, until, 0, 1)[1]
            last = max(1, -(-total // page_size))
            rows, total = data.clips_page(
                rule, agent, since, until, (last - 1) * page_size, page_size
            )
        rows, pager = _page(rows, total, page, page_size, request)
        q = {"rule": rule, "agent": agent, "since": since, "until": until}
        return render(request, "clips.html", rows=rows, pager=pager, q=q, options=data.options())

    @app.get("/clips.zip")
    def clips_zip(rule: str = "", agent: str = "", since: str = "", until: str = ""):
        rows = data.clips(rule, agent, since, until)
        buf = io.BytesIO()
        index = io.StringIO()
        cols = ["file", "finding_id", "call_id", "agent_id", "rule_id", "rule_name",
                "started_at", "start_s", "end_s", "evidence"]  # fmt: skip
        w = csv.DictWriter(index, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for r in rows:
                path = data.clip_path(r["night"], r["clip"])
                if path is None:
                    continue
                name = r["clip"].rsplit("/", 1)[-1]
                z.writestr(name, files.read_bytes(path))
                w.writerow({**r, "file": name})
            z.writestr("index.csv", "\ufeff" + index.getvalue())
        tag = "-".join(x for x in (rule.replace("*", ""), agent, since, until) if x) or "all"
        return Response(
            buf.getvalue(),
            media_type="application/zip",
            headers={"content-disposition": f'attachment; filename="clips-{tag}.zip"'},
        )

    @app.get("/clip/{night}/{name}")
    def clip_file(night: int, name: str, download: int = 0):
        path = data.clip_path(night, f"clips/{name}")
        if path is None:
            raise HTTPException(404, "no such clip in this run")
        extra = {"content-disposition": f'attachment; filename="{name}"'} if download else {}
        return FileResponse(path, media_type="audio/wav", headers=extra)

    @app.get("/audio/{call_id}")
    def call_audio(call_id: str):
        path = data.audio_path(call_id)
        if path is None:
            raise HTTPException(404, "no recording for this call in its batch folder")
        if files.is_uri(path):
            return Response(files.read_bytes(path), media_type=_media_type(path))
        return FileResponse(path, media_type=_media_type(path))

    @app.get("/api/rescore")
    def rescore_status() -> dict:
        return rescorer.status.as_dict()

    @app.post("/api/decisions")
    async def decide(body: Decision, request: Request):
        hit = data.finding(body.finding_id)
        if hit is None:
            raise HTTPException(404, "no such finding")
        night, finding = hit
        reviewer = _reviewer(user_of(request), {"reviewer": body.reviewer})
        try:
            row = await run_in_threadpool(
                review.record_decision,
                night.out,
                body.finding_id,
                body.decision,
                body.comment,
                reviewer,
            )
        except ValueError as e:
            raise HTTPException(400, str(e)) from None
        rescorer.request(night.out, [finding["call_id"]])
        warning = contradicted_appeal(night.rows("appeals"), body.finding_id, body.decision)
        return JSONResponse({"ok": True, "decision": row, "warning": warning,
                             "rescore": rescorer.status.as_dict()})  # fmt: skip

    @app.post("/api/labels")
    async def label_line(body: LineLabel, request: Request):
        """An inspector's 标注 of a transcript line: training data for `hotline-qa learn`."""
        night = data.night_of(body.call_id)
        if night is None:
            raise HTTPException(404, "no such call")
        reviewer = _reviewer(user_of(request), {"reviewer": body.reviewer})
        try:
            row = await run_in_threadpool(
                review.record_line_label, night.out, body.call_id, body.at_s, body.label,
                reviewer, data.lexicons,
            )  # fmt: skip
        except (ValueError, FileNotFoundError) as e:
            raise HTTPException(400, str(e)) from None
        return JSONResponse({"ok": True, "label": row})

    @app.post("/api/manual")
    async def manual(body: ManualScore, request: Request):
        night = data.night_of(body.call_id)
        if night is None:
            raise HTTPException(404, "no such call")
        reviewer = _reviewer(user_of(request), {"reviewer": body.reviewer})
        try:
            row = await run_in_threadpool(
                review.record_manual_score,
                night.out,
                body.call_id,
                body.item_id,
                body.points,
                body.violated,
                body.comment,
                reviewer,
                data.lexicons,
                data.items,
            )
        except (ValueError, FileNotFoundError) as e:
            raise HTTPException(400, str(e)) from None
        rescorer.request(night.out, [row["call_id"]])
        return JSONResponse({"ok": True, "manual": row, "rescore": rescorer.status.as_dict()})

    app.state.data = data
    app.state.rescorer = rescorer
    return app


def _page(rows: list, total: int, page: int, size: int, request: Request,
          again=None, flt=None) -> tuple[list, dict]:  # fmt: skip
    """A page of a list the query already filtered and cut (a quarter's queue is a million
    rows), with links that keep the filters. `again(flt, offset, limit)`: fetches the last
    page when `page` is past the end."""
    from urllib.parse import urlencode

    pages = max(1, -(-total // size))
    if again is not None and page > pages:
        rows, total = again(flt, (pages - 1) * size, size)
        pages = max(1, -(-total // size))
    page = min(max(1, page), pages)
    query = {k: v for k, v in request.query_params.items() if k != "page"}

    def link(p: int) -> str:
        return "?" + urlencode({**query, "page": p})

    return rows, {
        "page": page,
        "pages": pages,
        "total": total,
        "prev": link(page - 1) if page > 1 else "",
        "next": link(page + 1) if page < pages else "",
    }


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


ROLE_NAMES = {"inspector": "质检员", "manager": "主管", "trainer": "培训师", "agent": "坐席"}
ERROR_TITLES = {400: "请求有误", 401: "请先登录", 403: "无权访问", 404: "找不到", 421: "未知主机"}

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def loopback_name(host: str) -> bool:
    """A Host header naming the loopback (with any port): 127.0.0.1:8765, localhost, [::1]:80."""
    h = host.strip().lower()
    if h.startswith("["):
        name = h[1:].split("]", 1)[0]
    else:
        name = h.rsplit(":", 1)[0] if h.count(":") == 1 else h
    return name in LOOPBACK_NAMES


def _same_token(given: str, token: str) -> bool:
    """Constant-time, and safe for any input: compare_digest refuses non-ASCII str (a 500)."""
    return hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def cross_site(request: Request) -> str:
    """Why a write is not from the console's own pages ('' when it is, or when no browser
    sent it: a client without Origin or Sec-Fetch-Site headers is no browser, so no page
    can have forged it)."""
    fetch_site = request.headers.get("sec-fetch-site", "")
    if fetch_site and fetch_site not in ("same-origin", "none"):
        return f"cross-site write refused (Sec-Fetch-Site: {fetch_site})"
    origin = request.headers.get("origin") or ""
    if not origin:
        referer = request.headers.get("referer") or ""
        origin = "/".join(referer.split("/")[:3]) if referer else ""
    if not origin:
        return ""
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin.rstrip("/").lower() != own.lower():
        return f"cross-site write refused (Origin: {origin})"
    return ""


class Body(BaseModel):
    """A write's JSON body: every field typed, unknown fields refused, nothing coerced (a
    "false" is not a boolean, [1] is not a number): a wrong type is a 422 that names the
    field, and nothing is stored."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Decision(Body):
    finding_id: str = Field(min_length=1)
    decision: Literal["confirmed", "rejected"]
    comment: str = ""
    reviewer: str = ""


class ManualScore(Body):
    call_id: str = Field(min_length=1)
    item_id: str = Field(min_length=1)
    points: float | None = None
    violated: bool = False
    comment: str = ""
    reviewer: str = ""


class OpenAppeal(Body):
    reason: str = ""
    finding_id: str = ""
    call_id: str = ""
    item_id: str = ""
    agent_id: str = ""


class DecideAppeal(Body):
    appeal_id: str = Field(min_length=1)
    ruling: Literal["upheld", "overturned"]
    comment: str = ""
    reviewer: str = ""
    points: float | None = None


class LineLabel(Body):
    """POST /api/labels: the line spoken at `at_s` is of this trigger class, or "none"."""
    call_id: str = Field(min_length=1)
    at_s: float = Field(ge=0)
    label: str = Field(min_length=1)
    reviewer: str = ""


def _reviewer(token_user: str | None, body: dict) -> str:
    """The token's name wins; otherwise the name typed in the page. Empty is refused."""
    name = (token_user or str(body.get("reviewer", ""))).strip()
    if not name:
        raise HTTPException(400, "a decision needs the reviewer's name")
    return name


def _form(raw: bytes) -> dict[str, str]:
    from urllib.parse import parse_qs

    return {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}


def _media_type(path: str) -> str:
    ext = path.rsplit(".", 1)[-1].lower()
    return {"wav": "audio/wav", "flac": "audio/flac", "mp3": "audio/mpeg"}.get(
        ext, "application/octet-stream"
    )
