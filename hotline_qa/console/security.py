"""Who is asking and what they may do: tokens and roles, the loopback and same-origin
guards, and the role requirements each route declares with `Depends`.

Roles: inspector (everything), manager (reads every page), trainer (reads the clips),
agent (reads only their own calls, scorecard, clips and appeals; opens appeals). Without
tokens the console is the inspector's own, on the loopback only.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import Depends, HTTPException, Request

COOKIE = "hqa_token"
ROLES = ("inspector", "manager", "trainer", "agent")
ROLE_NAMES = {"inspector": "质检员", "manager": "主管", "trainer": "培训师", "agent": "坐席"}
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
AGENT_ONLY_OWN = "坐席只能查看本人的通话和评分 (an agent token reads only the agent's own calls)"
TRAINER_CLIPS = "培训师只能查看培训片段 (a trainer token reads the clips only)"


@dataclass(frozen=True)
class Principal:
    """Who a token is: a role and a name (an agent's name is their agent_id)."""

    role: str
    name: str


INSPECTOR = Principal("inspector", "")  # the token-less console's one user


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


def principal_of(request: Request) -> Principal | None:
    """Who holds the request's token; None: no valid token."""
    tokens = request.app.state.tokens
    if tokens is None:
        return INSPECTOR
    given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    given = given or request.cookies.get(COOKIE, "")
    for t, who in tokens.items():
        if given and same_token(given, t):
            return who
    return None


def current(request: Request) -> Principal:
    """Depends: the caller (the auth middleware already refused requests without a token)."""
    who = principal_of(request)
    if who is None:
        raise HTTPException(401, "请先登录 (a valid token is required)")
    return who


Caller = Annotated[Principal, Depends(current)]


def reads(*roles: str):
    """Depends: the page is for these roles (agents are checked for ownership apart)."""

    def need(who: Caller) -> Principal:
        if who.role not in roles:
            raise HTTPException(403, TRAINER_CLIPS if who.role == "trainer" else AGENT_ONLY_OWN)
        return who

    return need


def writes(*roles: str):
    """Depends: a write only these roles make."""

    def need(who: Caller) -> Principal:
        if who.role not in roles:
            name = ROLE_NAMES.get(who.role, who.role)
            raise HTTPException(
                403,
                f"无权修改：{name}不能复核或评分 (a {who.role} token cannot change decisions or scores)",
            )
        return who

    return need


def own(who: Principal, agent_id: str | None) -> None:
    """An agent reads only what is theirs; the other roles that reach here read all."""
    if who.role == "agent" and agent_id != who.name:
        raise HTTPException(403, AGENT_ONLY_OWN)


def own_call(who: Principal, data, call_id: str) -> None:
    """An agent reads only their own calls (the page and the recording alike)."""
    if who.role == "agent":
        row = data.call_row(call_id)
        own(who, row["agent_id"] if row else None)


def loopback_name(host: str) -> bool:
    """A Host header naming the loopback (with any port): 127.0.0.1:8765, localhost, [::1]:80."""
    h = host.strip().lower()
    if h.startswith("["):
        name = h[1:].split("]", 1)[0]
    else:
        name = h.rsplit(":", 1)[0] if h.count(":") == 1 else h
    return name in LOOPBACK_NAMES


def same_token(given: str, token: str) -> bool:
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
    own_origin = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin.rstrip("/").lower() != own_origin.lower():
        return f"cross-site write refused (Origin: {origin})"
    return ""
