"""What trainers pull and pages play: the clips list, a zip of clips, one clip, a call's
recording."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from hotline_qa.console.queries import clips
from hotline_qa.console.security import Principal, own, own_call, reads
from hotline_qa.console.views import page_of, render
from pipeline.inputs import files

router = APIRouter()
CLIP_READERS = ("inspector", "manager", "trainer")
AnyReader = Annotated[Principal, Depends(reads(*CLIP_READERS, "agent"))]
CallReader = Annotated[Principal, Depends(reads("inspector", "manager", "agent"))]


@router.get("/clips", response_class=HTMLResponse, dependencies=[Depends(reads(*CLIP_READERS))])
def clips_page(request: Request, rule: str = "", agent: str = "", since: str = "",
               until: str = "", page: int = 1):  # fmt: skip
    st = request.app.state
    size = st.page_size
    rows, total = clips.page(st.data, rule, agent, since, until, (max(1, page) - 1) * size, size)
    if not rows and total == 0 and page > 1:
        total = clips.page(st.data, rule, agent, since, until, 0, 1)[1]
        last = max(1, -(-total // size))
        rows, total = clips.page(st.data, rule, agent, since, until, (last - 1) * size, size)
    rows, pager = page_of(rows, total, page, size, request)
    q = {"rule": rule, "agent": agent, "since": since, "until": until}
    return render(request, "clips.html", rows=rows, pager=pager, q=q, options=st.data.options())


@router.get("/clips.zip", dependencies=[Depends(reads(*CLIP_READERS))])
def clips_zip(request: Request, rule: str = "", agent: str = "", since: str = "", until: str = ""):
    data = request.app.state.data
    rows = clips.rows(data, rule, agent, since, until)
    buf, index = io.BytesIO(), io.StringIO()
    cols = ["file", "finding_id", "call_id", "agent_id", "rule_id", "rule_name",
            "started_at", "start_s", "end_s", "evidence"]  # fmt: skip
    w = csv.DictWriter(index, fieldnames=cols, extrasaction="ignore")
    w.writeheader()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for r in rows:
            path = clips.path(data, r["night"], r["clip"])
            if path is None:
                continue
            name = r["clip"].rsplit("/", 1)[-1]
            z.writestr(name, files.read_bytes(path))
            w.writerow({**r, "file": name})
        z.writestr("index.csv", "\ufeff" + index.getvalue())
    tag = "-".join(x for x in (rule.replace("*", ""), agent, since, until) if x) or "all"
    return Response(buf.getvalue(), media_type="application/zip",
                    headers={"content-disposition": f'attachment; filename="clips-{tag}.zip"'})  # fmt: skip


@router.get("/clip/{night}/{name}")
def clip_file(request: Request, night: int, name: str, who: AnyReader, download: int = 0):
    data = request.app.state.data
    if who.role == "agent":
        own(who, clips.agent_of(data, night, f"clips/{name}"))
    path = clips.path(data, night, f"clips/{name}")
    if path is None:
        raise HTTPException(404, "no such clip in this run")
    extra = {"content-disposition": f'attachment; filename="{name}"'} if download else {}
    return FileResponse(path, media_type="audio/wav", headers=extra)


@router.get("/audio/{call_id}")
def call_audio(request: Request, call_id: str,
               who: CallReader):  # fmt: skip
    data = request.app.state.data
    own_call(who, data, call_id)
    path = clips.audio_path(data, call_id)
    if path is None:
        raise HTTPException(404, "no recording for this call in its batch folder")
    if files.is_uri(path):
        return Response(files.read_bytes(path), media_type=media_type(path))
    return FileResponse(path, media_type=media_type(path))


def media_type(path: str) -> str:
    ext = path.rsplit(".", 1)[-1].lower()
    return {"wav": "audio/wav", "flac": "audio/flac", "mp3": "audio/mpeg"}.get(
        ext, "application/octet-stream"
    )
