"""Rendering shared by the routers: pages, error pages in Chinese, and list paging."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from hotline_qa.console.security import principal_of

ERROR_TITLES = {400: "请求有误", 401: "请先登录", 403: "无权访问", 404: "找不到", 421: "未知主机"}


def render(request: Request, name: str, status_code: int = 200, **ctx) -> HTMLResponse:
    st = request.app.state
    who = principal_of(request)
    ctx.update(
        request=request,
        status=st.rescorer.status.as_dict(),
        role=who.role if who else "",
        user=who.name if who else "",
        nav=name.split(".")[0],
    )
    return st.pages.TemplateResponse(request, name, ctx, status_code=status_code)


def error_page(request: Request, code: int, message: str) -> HTMLResponse:
    """A refusal or a missing page as a page a person reads, in Chinese first."""
    return render(request, "error.html", status_code=code, code=code, message=message,
                  title=ERROR_TITLES.get(code, "出错了"))  # fmt: skip


def reviewer(request: Request, typed: str) -> str:
    """The token's name wins; otherwise the name typed in the page. Empty is refused."""
    who = principal_of(request)
    name = ((who.name if who else "") or typed).strip()
    if not name:
        raise HTTPException(400, "a decision needs the reviewer's name")
    return name


def page_of(rows: list, total: int, page: int, size: int, request: Request,
            again=None, flt=None) -> tuple[list, dict]:  # fmt: skip
    """A page of a list the query already filtered and cut (a quarter's queue is a million
    rows), with links that keep the filters. `again(flt, offset, limit)`: fetches the last
    page when `page` is past the end."""
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
