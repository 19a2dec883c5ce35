"""Sign-in, sign-out and the health check: open to anyone."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse

from hotline_qa.console.security import COOKIE, same_token

router = APIRouter()


@router.get("/healthz", response_class=PlainTextResponse)
def healthz() -> str:
    return "ok"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request):
    st = request.app.state
    if st.tokens is None:
        return RedirectResponse("/", status_code=303)
    return HTMLResponse(st.pages.get_template("login.html").render(error=""))


@router.get("/logout")
def logout(request: Request):
    tokens = request.app.state.tokens
    resp = RedirectResponse("/login" if tokens is not None else "/", status_code=303)
    resp.delete_cookie(COOKIE)
    return resp


@router.post("/login")
async def login(request: Request):
    st = request.app.state
    form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
    token = form.get("token", "")
    if st.tokens is None or not any(same_token(token, t) for t in st.tokens):
        return HTMLResponse(
            st.pages.get_template("login.html").render(error="令牌无效 invalid token"),
            status_code=401,
        )
    resp = RedirectResponse("/", status_code=303)
    resp.set_cookie(COOKIE, token, httponly=True, samesite="strict")
    return resp
