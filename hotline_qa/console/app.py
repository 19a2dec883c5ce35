"""The QA console: review queue, call pages, agent rankings and the trainers' clips, served
from one or more nights' output folders (FastAPI with server-rendered Jinja2 pages and a
little plain JavaScript; no CDN, so it works offline).

The app holds its state on `app.state` (the data, the rescorer, the tokens, the templates);
each area is a router (`routes/`), each role requirement a dependency (`security`), each
write body a typed model (`bodies`). Decisions and manual scores are appended to the
folder's tables under their own lock (`pipeline.review`), then a background rescore updates
the scores (`console.rescore`).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from hotline_qa.console.queries.store import ConsoleData
from hotline_qa.console.rescore import Rescorer
from hotline_qa.console.routes import api, auth, media, pages
from hotline_qa.console.security import (
    COOKIE,
    Principal,
    cross_site,
    loopback_name,
    principal_of,
    read_tokens,
)
from hotline_qa.console.views import error_page
from pipeline.publish import outputs

__all__ = ["COOKIE", "Principal", "create_app", "loopback_name", "read_tokens"]

HERE = Path(__file__).parent
PAGE_SIZE = 100  # rows per page of the queue, the clips and an agent's calls
OPEN_PATHS = ("/healthz", "/login", "/logout", "/static/")


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
    app = FastAPI(title="hotline-qa console", docs_url=None, redoc_url=None, openapi_url=None)
    st = app.state
    st.tokens = None if tokens is None else {
        t: p if isinstance(p, Principal) else Principal("inspector", p) for t, p in tokens.items()
    }  # fmt: skip
    st.data = ConsoleData(outs, lexicons, root=root)
    st.rescorer = Rescorer(lexicons)
    st.page_size = page_size
    st.pages = Jinja2Templates(directory=HERE / "templates")
    st.pages.env.globals["rule_name"] = st.data.rule_name
    for night in st.data.nights:  # decisions a killed console never applied: apply them now
        calls = outputs.pending_calls(night.store)
        if calls:
            st.rescorer.request(night.out, calls)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for r in (auth.router, pages.router, media.router, api.router):
        app.include_router(r)
    app.add_exception_handler(HTTPException, http_error)
    # Starlette runs the last added first: the host check, then same-origin, then sign-in.
    app.middleware("http")(signed_in)
    app.middleware("http")(same_origin_writes)
    app.middleware("http")(loopback_host)
    return app


async def http_error(request: Request, exc: HTTPException):
    """The API answers JSON; a page answers a page a person reads, in Chinese."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
    return error_page(request, exc.status_code, str(exc.detail))


async def loopback_host(request: Request, call_next):
    """Without tokens the console trusts whoever reaches it, so it must be reached as the
    loopback names only: a page on evil.example that resolves to 127.0.0.1 (DNS rebinding)
    sends Host: evil.example, and is refused, reads included."""
    if request.app.state.tokens is None and not loopback_name(request.headers.get("host", "")):
        return JSONResponse(
            {"detail": "未知主机 Host not allowed: the token-less console answers "
                       "127.0.0.1, localhost and [::1] only"},
            status_code=421,
        )  # fmt: skip
    return await call_next(request)


async def same_origin_writes(request: Request, call_next):
    """Every write is refused unless it comes from the console's own pages, in every mode,
    loopback included: a web page the inspector has open elsewhere can post to 127.0.0.1
    too. The browser names a request's origin (Origin, Sec-Fetch-Site); the API takes JSON
    only, which no cross-site form or text/plain post can send without a CORS preflight,
    and the console answers none."""
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        why = cross_site(request)
        if why:
            return JSONResponse({"detail": why}, status_code=403)
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if request.url.path.startswith("/api/") and ctype != "application/json":
            return JSONResponse({"detail": "writes take application/json only"}, status_code=415)
    return await call_next(request)


async def signed_in(request: Request, call_next):
    """With tokens, every request but sign-in needs one (what it may do is each route's
    dependency)."""
    path = request.url.path
    if request.app.state.tokens is None or path.startswith(OPEN_PATHS):
        return await call_next(request)
    if principal_of(request) is None:
        if request.headers.get("accept", "").startswith("text/html"):
            page = request.app.state.pages.get_template("login.html").render(error="")
            return HTMLResponse(page, status_code=401)
        if path.startswith("/api/"):
            return JSONResponse({"detail": "a valid token is required"}, status_code=401)
        return PlainTextResponse("401: a valid token is required", status_code=401)
    return await call_next(request)
