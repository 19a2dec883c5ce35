"""The QA console on a real night: the real server (uvicorn), the real pages in
Debian's Chromium through Playwright, real decisions written to the folder and a real
rescore. Plus concurrency, authentication and path-escape tests over HTTP."""

import json
import shutil
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ROOT, assert_same_results, next_day_copy, open_page, read

# Every test here reads a real night (the model ran): e2e. Only the tests that drive Chromium
# are also `browser`, so `-m 'not browser'` still runs the HTTP and security tests.
pytestmark = pytest.mark.e2e
SHOTS = Path(__file__).parent / ".screenshots"


@contextmanager
def serve(outs, tokens=None, **kw):
    import uvicorn

    from hotline_qa.console.app import create_app

    app = create_app([str(o) for o in outs], tokens=tokens, **kw)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    for _ in range(400):
        if server.started:
            break
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        t.join(10)


@pytest.fixture
def folder(night, tmp_path):
    """A private copy of the sample night: decisions change it."""
    out, _ = night
    dst = tmp_path / "night"
    shutil.copytree(out, dst)
    return dst


def get(url, token=None):
    req = urllib.request.Request(url, headers={"authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def post(url, body, token=None):
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, json.dumps(body).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def _score(out, call_id):
    return next(c["score"] for c in read(out, "call_scores") if c["call_id"] == call_id)


def _wait_idle(app, generation, timeout=120):
    t0 = time.time()
    while time.time() - t0 < timeout:
        s = app.state.rescorer.status.as_dict()
        if s["generation"] > generation and s["state"] in ("idle", "failed"):
            assert s["error"] == ""
            return
        time.sleep(0.2)
    raise AssertionError("rescore did not finish")


@pytest.mark.browser
def test_an_inspectors_morning_in_the_browser(folder, browser):
    SHOTS.mkdir(exist_ok=True)
    with serve([folder]) as (base, app):
        assert get(base + "/healthz") == (200, b"ok")
        page, errors = open_page(browser, base + "/")
        page.fill("#reviewer", "王检")
        page.dispatch_event("#reviewer", "change")
        rows = page.query_selector_all("table.queue tbody tr")
        assert len(rows) >= 10
        assert "服务禁语" in page.inner_text("table.queue")  # rule names in Chinese
        page.screenshot(path=str(SHOTS / "queue.png"), full_page=True)
        # Filter to the interruptions and open S03's.
        page.select_option("select[name=rule]", "interruption")
        page.click("form.filters button")
        page.wait_for_load_state("load")
        page.click("table.queue tbody tr >> a[href='/calls/S03']")
        page.wait_for_load_state("load")
        assert page.inner_text("#score-now").strip() == "75.0"
        # The call audio and a clip play.
        for sel in ("#player", "audio.clip"):
            page.wait_for_function(
                f"document.querySelector('{sel}').readyState >= 1", timeout=20000
            )
            assert page.eval_on_selector(sel, "a => a.duration") > 0
        page.eval_on_selector("audio.clip", "a => { a.muted = true; return a.play(); }")
        # Clicking an utterance seeks the call audio.
        utt = page.query_selector_all(".utt")[2]
        t = float(utt.get_attribute("data-t"))
        utt.click()
        page.wait_for_function(f"document.getElementById('player').currentTime > {t - 1}")
        assert page.query_selector_all(".timeline .mark.interruption")
        assert page.query_selector(".utt.hit")  # the finding is highlighted in the transcript
        page.screenshot(path=str(SHOTS / "call.png"), full_page=True)
        # Reject the interruption with a comment; the score changes after the rescore.
        art = page.query_selector("article.finding:has-text('抢话')")
        art.query_selector("textarea").fill("来电者已说完，不算抢话")
        with page.expect_navigation(timeout=120000):
            art.query_selector("button.reject").click()
        assert page.inner_text("#score-now").strip() == "80.0"
        assert page.inner_text("#score-before").strip() == "75.0"
        assert _score(folder, "S03") == 80.0
        rev = read(folder, "reviews")[-1]
        assert (rev["decision"], rev["reviewer"], rev["comment"]) == (
            "rejected",
            "王检",
            "来电者已说完，不算抢话",
        )
        # A manual item: entered, kept across a reload, and counted.
        page.goto(base + "/calls/S01")
        # a loudness lane per channel on the call's timeline.
        lanes = page.query_selector_all("svg.loudness polyline")
        assert len(lanes) == 2 and all(len(x.get_attribute("points").split()) > 100 for x in lanes)
        # and how each line was said: dB against the speaker's median, pitch, rate
        how = [x.inner_text() for x in page.query_selector_all(".utt .how")]
        assert len(how) >= 6 and all("dB" in h and "字/秒" in h for h in how)
        form = page.query_selector("form.manual[data-item=answer_accuracy]")
        form.query_selector("input[name=points]").fill("15")
        form.query_selector("input[name=comment]").fill("政策解答基本准确")
        with page.expect_navigation(timeout=120000):
            form.query_selector("button").click()
        page.reload()
        kept = page.query_selector("form.manual[data-item=answer_accuracy]")
        assert kept.query_selector("input[name=points]").input_value() == "15"
        assert "王检" in kept.inner_text()
        assert page.inner_text("#score-now").strip() == "95.83"
        for path, name in (("/agents", "agents"), ("/agents/8002", "agent"), ("/clips", "clips")):
            p2, errs = open_page(browser, base + path)
            p2.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
            assert errs == [], (path, errs)
            if name == "agents":
                assert p2.query_selector_all("tr.below")  # 8003 has a vetoed call
                assert p2.query_selector_all(".tag.veto")
        assert errors == [], "\n".join(errors)


@pytest.mark.browser
def test_a_rejected_findings_clip_leaves_every_clip_list(folder, browser):
    f = next(f for f in read(folder, "findings") if f["rule_id"] == "interruption")
    with serve([folder]) as (base, app):
        code, _ = post(
            base + "/api/decisions",
            {"finding_id": f["finding_id"], "decision": "rejected", "reviewer": "李检"},
        )
        assert code == 200
        _wait_idle(app, 0)
        assert f["finding_id"] not in {c["finding_id"] for c in read(folder, "clips")}
        page, errors = open_page(browser, base + "/clips")
        assert f["finding_id"] not in page.content()
        page, errors = open_page(browser, base + f"/agents/{f['agent_id']}")
        assert "抢话" not in page.inner_text("table.calls")
        assert f["finding_id"][:6] not in (folder / "clips" / "index.html").read_text()
        assert errors == []


@pytest.mark.browser
def test_a_situation_plays_as_its_trigger_and_the_agents_window(folder, browser):
    """The caller's line that set the situation off and the agent's response
    window side by side, each a player of its own span of the call."""
    f = next(f for f in read(folder, "findings") if f["rule_id"] == "situation.wait.no_apology")
    assert f["start_s"] < f["trigger_end_s"] < f["end_s"]
    with serve([folder]) as (base, app):
        page, errors = open_page(browser, base + f"/calls/{f['call_id']}")
        art = page.query_selector(f"#f-{f['finding_id']}")
        trig, win = art.query_selector(".part.trigger"), art.query_selector(".part.window")
        assert trig.inner_text().startswith("触发") and "来电" in trig.inner_text()
        assert "应答窗口" in win.inner_text() and len(win.query_selector("p").inner_text()) > 2
        assert page.query_selector_all(".timeline .mark.situation.trigger")
        assert page.query_selector_all(".timeline .mark.situation.window")
        page.screenshot(path=str(SHOTS / "situation.png"), full_page=True)
        # The trigger's player plays its span and stops at its end; the window's starts there.
        sel = f"#f-{f['finding_id']} audio.span-player.trigger"
        page.wait_for_function(f"document.querySelector('{sel}').readyState >= 1", timeout=20000)
        start = page.eval_on_selector(sel, "a => a.currentTime")
        assert abs(start - f["start_s"]) < 0.1
        page.eval_on_selector(sel, "a => { a.muted = true; return a.play(); }")
        page.wait_for_function(f"document.querySelector('{sel}').paused", timeout=30000)
        stop = page.eval_on_selector(sel, "a => a.currentTime")
        assert f["trigger_end_s"] - 0.1 < stop < f["trigger_end_s"] + 0.5
        wsel = f"#f-{f['finding_id']} audio.span-player.window"
        page.wait_for_function(f"document.querySelector('{wsel}').readyState >= 1", timeout=20000)
        assert abs(page.eval_on_selector(wsel, "a => a.currentTime") - f["trigger_end_s"]) < 0.1
        assert errors == []


def test_a_trainer_pulls_one_agents_forbidden_clips_as_a_zip(folder):
    import csv
    import io
    import zipfile

    with serve([folder]) as (base, _):
        code, body = get(base + "/clips.zip?rule=forbidden.&agent=8001&since=2026-11-23")
    assert code == 200
    z = zipfile.ZipFile(io.BytesIO(body))
    index = list(csv.DictReader(io.StringIO(z.read("index.csv").decode("utf-8-sig"))))
    want = [
        c
        for c in read(folder, "clips")
        if c["agent_id"] == "8001" and c["rule_id"].startswith("forbidden.")
    ]
    assert len(index) == len(want) >= 2
    assert all(r["rule_name"].startswith("服务禁语") for r in index)
    for r in index:
        assert z.read(r["file"])[:4] == b"RIFF"


def test_two_inspectors_deciding_at_once_are_both_kept(folder):
    findings = read(folder, "findings")
    with serve([folder]) as (base, app):
        jobs = [
            (f["finding_id"], "confirmed" if i % 2 else "rejected", f"检{i % 2}")
            for i, f in enumerate(findings)
        ]
        calls = [c["call_id"] for c in read(folder, "call_scores")]

        def decide(job):
            return post(
                base + "/api/decisions",
                {"finding_id": job[0], "decision": job[1], "reviewer": job[2]},
            )

        def score(cid):
            return post(
                base + "/api/manual",
                {"call_id": cid, "item_id": "answer_accuracy", "points": 18, "reviewer": "检2"},
            )

        with ThreadPoolExecutor(8) as pool:
            res = list(pool.map(decide, jobs)) + list(pool.map(score, calls))
        assert all(code == 200 for code, _ in res), res
        _wait_idle(app, 0)
    reviews = read(folder, "reviews")
    assert sorted((r["finding_id"], r["decision"]) for r in reviews) == sorted(
        (j[0], j[1]) for j in jobs
    )
    assert sorted(m["call_id"] for m in read(folder, "manual_scores")) == sorted(calls)


def test_console_rescore_is_the_cli_rescore(folder, tmp_path, prefect_harness):
    """The console's background rescore and `hotline-qa rescore` give the same tables."""
    from hotline_qa.cli import main
    from hotline_qa.console.rescore import rescore_folder
    from pipeline.review.decisions import record_decision

    f = next(f for f in read(folder, "findings") if f["rule_id"] == "interruption")
    record_decision(str(folder), f["finding_id"], "rejected", "", "王检")
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    rescore_folder(str(folder))
    assert main(["rescore", "--out", str(other)]) == 0
    assert_same_results(folder, other)


def test_tokens_are_required_when_given(folder, tmp_path):
    with serve([folder], tokens={"s3cret-token": "王检"}) as (base, _):
        assert get(base + "/healthz") == (200, b"ok")
        for path in ("/", "/calls/S01", "/agents", "/clips", "/audio/S01", "/api/rescore"):
            assert get(base + path)[0] == 401, path
            assert get(base + path, token="wrong")[0] == 401, path
            assert get(base + path, token="s3cret-token")[0] == 200, path
        f = read(folder, "findings")[0]
        code, _ = post(
            base + "/api/decisions", {"finding_id": f["finding_id"], "decision": "confirmed"}
        )
        assert code == 401
        code, body = post(
            base + "/api/decisions",
            {"finding_id": f["finding_id"], "decision": "confirmed"},
            token="s3cret-token",
        )
        assert code == 200 and body["decision"]["reviewer"] == "王检"  # the token's name


def test_binding_beyond_loopback_needs_a_token_file(folder, tmp_path, capsys):
    from hotline_qa.cli import main

    assert main(["console", "--out", str(folder), "--host", "0.0.0.0"]) == 2
    assert "without --token-file" in capsys.readouterr().err
    empty = tmp_path / "tokens"
    empty.write_text("# nobody\n")
    assert (
        main(["console", "--out", str(folder), "--host", "0.0.0.0", "--token-file", str(empty)])
        == 2
    )
    assert "holds no token" in capsys.readouterr().err


def test_no_path_leaves_the_run(folder):
    with serve([folder]) as (base, _):
        for path in (
            "/audio/..%2Fmanifest.csv",
            "/audio/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/audio/../../etc/passwd",
            "/audio/NOPE",
            "/calls/NOPE",
            "/calls/..%2F..%2Fcalls.parquet",
            "/clip/0/..%2F..%2Fcalls.parquet",
            "/clip/0/%2e%2e%2fcalls.parquet",
            "/clip/9/x.wav",
            "/static/..%2F..%2Fcli.py",
        ):
            code, body = get(base + path)
            assert code in (400, 404), (path, code)
            assert b"PAR1" not in body and b"root:" not in body
        assert get(base + "/audio/S01")[0] == 200


def test_the_transcript_shown_is_redacted(prefect_harness, tmp_path):
    from flows.nightly import nightly

    out = tmp_path / "pii"
    nightly(manifest=str(ROOT / "tests" / "data" / "pii_call" / "manifest.csv"), out=str(out))
    with serve([out]) as (base, _):
        code, body = get(base + "/calls/P00")
    assert code == 200
    html = body.decode()
    assert "13812345678" not in html and "138******78" in html


def _raw_post(url, data: bytes, headers: dict) -> int:
    """The status of one POST, redirects not followed."""
    import http.client

    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    try:
        conn.request("POST", u.path, data, headers)
        return conn.getresponse().status
    finally:
        conn.close()


def test_cross_site_writes_are_refused_and_write_nothing(folder):
    """A page on another site can post to 127.0.0.1 too: text/plain, form-encoded and JSON
    posts from a foreign origin are refused in the default loopback mode, and nothing is
    written; the console's own requests still work (security item)."""
    f = next(f for f in read(folder, "findings") if f["rule_id"].startswith("forbidden."))
    decision = {"finding_id": f["finding_id"], "decision": "rejected", "reviewer": "伪造"}
    as_json = json.dumps(decision).encode()
    as_form = urllib.parse.urlencode(decision).encode()
    evil = "http://evil.example"
    with serve([folder]) as (base, app):
        url = base + "/api/decisions"
        forged = [
            (as_json, {"content-type": "text/plain", "origin": evil}),
            (as_form, {"content-type": "application/x-www-form-urlencoded", "origin": evil}),
            (as_json, {"content-type": "application/json", "origin": evil}),
            (as_json, {"content-type": "application/json", "sec-fetch-site": "cross-site"}),
            (as_json, {"content-type": "application/json", "referer": evil + "/page"}),
            (as_json, {"content-type": "text/plain"}),  # a simple request: JSON only
            (as_form, {"content-type": "application/x-www-form-urlencoded"}),
        ]
        codes = [_raw_post(url, body, h) for body, h in forged]
        assert all(c in (403, 415) for c in codes), codes
        assert read(folder, "reviews") == []
        gen = app.state.rescorer.status.generation
        own = {"content-type": "application/json", "origin": base, "sec-fetch-site": "same-origin"}
        assert _raw_post(url, as_json, own) == 200
        _wait_idle(app, gen)
    assert [r["decision"] for r in read(folder, "reviews")] == ["rejected"]


def test_a_non_ascii_token_is_refused_not_a_server_error(folder):
    with serve([folder], tokens={"s3cret-token": "王检"}) as (base, _):
        form = {"content-type": "application/x-www-form-urlencoded", "origin": base}
        bad = urllib.parse.urlencode({"token": "令牌"}).encode()
        assert _raw_post(base + "/login", bad, form) == 401
        good = urllib.parse.urlencode({"token": "s3cret-token"}).encode()
        assert _raw_post(base + "/login", good, form) == 303


def test_two_nights_of_one_week_give_one_row_per_agent(folder, tmp_path):
    """Scorecards over the open nights come from all their call scores: one row per agent
    for the week, with the week's true mean and call count (the console had
    stacked each night's rows, listing an agent once per night)."""
    from hotline_qa.console.queries import agents
    from hotline_qa.console.queries.store import ConsoleData

    night2 = tmp_path / "night2"
    next_day_copy(folder, night2)
    data = ConsoleData([str(folder), str(night2)])
    week = agents.ranking(data, "week")
    assert week.period == "2026-W48"
    ids = [r["agent_id"] for r in week.rows]
    assert len(ids) == len(set(ids)) == 3
    scores = read(folder, "call_scores") + read(night2, "call_scores")
    for r in week.rows:
        mine = [s["score"] for s in scores if s["agent_id"] == r["agent_id"]]
        assert r["calls"] == len(mine) and r["calls"] % 2 == 0
        assert abs(r["mean_score"] - round(sum(mine) / len(mine), 2)) < 1e-9
    days = agents.ranking(data, "day", "2026-11-28").rows
    assert {r["calls"] for r in days} == {r["calls"] // 2 for r in week.rows}
    page = agents.agent(data, "8001")
    assert [p for p, _, _ in page.trends["week"]] == ["2026-W48"]


def test_decisions_left_unapplied_are_applied_at_start_up(folder):
    """A console killed during its rescore leaves decisions out of the scores: the next
    start-up sees more decisions than the last publish applied, and rescores."""
    from pipeline.publish.outputs import decisions_pending
    from pipeline.review.decisions import record_decision
    from pipeline.store.storage import Store

    rows = read(folder, "findings")
    own = [f for f in rows if not f["rule_id"].startswith("situation.")]
    alone = [f for f in own if sum(g["call_id"] == f["call_id"] for g in own) == 1]
    f = next(f for f in alone if f["rule_id"].startswith("forbidden."))  # a vetoed call
    before = _score(folder, f["call_id"])
    assert not decisions_pending(Store(str(folder)))
    record_decision(str(folder), f["finding_id"], "rejected", "", "王检")  # no rescore
    assert decisions_pending(Store(str(folder)))
    with serve([folder]) as (_, app):
        _wait_idle(app, 0)
    assert _score(folder, f["call_id"]) > before
    assert not decisions_pending(Store(str(folder)))


def test_a_token_carries_a_role(folder, tmp_path):
    """inspector: everything; manager: reads; trainer: clips; agent: only their own calls,
    scorecard and clips, and no writes (roles)."""
    from hotline_qa.console.app import read_tokens

    tf = tmp_path / "tokens.txt"
    tf.write_text(
        "inspector 王检 t-insp\nmanager 李经理 t-man\ntrainer 张培训 t-train\nagent 8001 t-8001\n",
        encoding="utf-8",
    )
    calls = read(folder, "calls")
    mine = next(c["call_id"] for c in calls if c["agent_id"] == "8001")
    other = next(c["call_id"] for c in calls if c["agent_id"] == "8002")
    f = next(f for f in read(folder, "findings") if f["agent_id"] == "8001")
    decision = {"finding_id": f["finding_id"], "decision": "confirmed", "comment": ""}
    with serve([folder], tokens=read_tokens(str(tf))) as (base, _):
        assert get(base + f"/calls/{other}", token="t-8001")[0] == 403
        assert get(base + f"/audio/{other}", token="t-8001")[0] == 403
        assert get(base + "/agents/8002", token="t-8001")[0] == 403
        assert get(base + "/agents", token="t-8001")[0] == 403
        assert get(base + "/clips", token="t-8001")[0] == 403
        code, body = get(base + f"/calls/{mine}", token="t-8001")
        assert code == 200 and "data-decision=" not in body.decode()  # agents appeal only
        assert 'class="appeal"' in body.decode() or "发现 Findings (0)" in body.decode()
        assert get(base + "/agents/8001", token="t-8001")[0] == 200
        assert post(base + "/api/decisions", decision, token="t-8001")[0] == 403
        assert get(base + "/agents", token="t-man")[0] == 200
        assert get(base + f"/calls/{other}", token="t-man")[0] == 200
        assert post(base + "/api/decisions", decision, token="t-man")[0] == 403
        assert get(base + "/clips", token="t-train")[0] == 200
        assert get(base + f"/calls/{mine}", token="t-train")[0] == 403
        assert read(folder, "reviews") == []
        assert post(base + "/api/decisions", decision, token="t-insp")[0] == 200
    assert [r["reviewer"] for r in read(folder, "reviews")] == ["王检"]


def test_lists_are_paginated_on_the_server_and_keep_their_filters(folder):
    """The queue and the clips come a page at a time, filtered on the server (a
    quarter's queue was one 241 MB page)."""
    from hotline_qa.console.queries import clips, queue
    from hotline_qa.console.queries.queue import Filters
    from hotline_qa.console.queries.store import ConsoleData

    data = ConsoleData([str(folder)])
    total = len(queue.rows(data, Filters()))
    forb = len(queue.rows(data, Filters(rule="forbidden.")))
    assert total > 3 and forb > 0
    with serve([folder], page_size=3) as (base, _):
        shown = []
        for page in range(1, -(-total // 3) + 1):
            code, body = get(base + f"/?page={page}")
            html = body.decode()
            assert code == 200 and f"{total} 条" in html and f"第 {page}/" in html
            rows = html.count('<tr class="p')
            assert rows == min(3, total - 3 * (page - 1))
            shown.append(rows)
        assert sum(shown) == total
        code, body = get(base + "/?rule=forbidden.&page=1")
        html = body.decode()
        assert f"{forb} 条" in html and html.count('<tr class="p') == min(3, forb)
        if forb > 3:
            assert "rule=forbidden.&amp;page=2" in html  # the next page keeps the filter
        code, body = get(base + "/clips?page=99")  # past the end: the last page
        assert code == 200 and f"{len(clips.rows(data))} 条" in body.decode()


def test_the_queue_shows_the_sampling_plan_and_its_progress(folder):
    """Which plan put each call in the queue, a filter by plan, and the plan's progress."""
    from hotline_qa.console.queries import queue
    from hotline_qa.console.queries.queue import Filters
    from hotline_qa.console.queries.store import ConsoleData

    data = ConsoleData([str(folder)])
    drawn, progress = queue.sample(data)
    vetoed = {c["call_id"] for c in read(folder, "call_scores") if c["veto"]}
    assert vetoed and all("veto" in drawn[c] for c in vetoed)
    assert progress["veto"] == (0, len(vetoed))
    rows = queue.rows(data, Filters(plan="veto"))
    assert rows and {r.call_id for r in rows} == vetoed
    assert all("否决全检" in r.plans for r in rows)
    with serve([folder]) as (base, _):
        code, body = get(base + "/?plan=random")
        html = body.decode()
    assert code == 200 and "抽检进度" in html and f"{len(vetoed)}</b>" in html
    randoms = {c for c, why in drawn.items() if "random" in why}
    shown = {r.call_id for r in queue.rows(data, Filters(plan="random"))}
    assert shown <= randoms


def test_rule_health_page_flags_a_rule_inspectors_keep_rejecting(folder, tmp_path):
    """Per rule the share of reviewed hits confirmed; under the floor it is flagged."""
    import yaml

    from lexicons import LEXICON_DIR
    from pipeline.review.decisions import record_decision

    lex = tmp_path / "lex"
    shutil.copytree(LEXICON_DIR, lex, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (lex / "rule_health.yaml").write_text(yaml.safe_dump({"floor": 0.8, "min_reviewed": 1}))
    forb = [f for f in read(folder, "findings") if f["rule_id"].startswith("forbidden.")]
    from hotline_qa.console.queries import rules
    from hotline_qa.console.queries.store import ConsoleData
    from hotline_qa.console.rescore import rescore_folder

    record_decision(str(folder), forb[0]["finding_id"], "rejected", "", "王检")
    rescore_folder(str(folder))  # what the console does after a decision
    v = rules.health(ConsoleData([str(folder)], lexicons=str(lex)))
    row = next(r for r in v.rows if r.rule_id == forb[0]["rule_id"])
    assert row.flagged and row.reviewed == 1 and row.share == 0.0
    assert v.rows[0].flagged  # flagged rules first
    assert all(not r.flagged for r in v.rows if r.reviewed == 0)
    with serve([folder]) as (base, _):
        code, body = get(base + "/rules")
    assert code == 200 and "规则健康" in body.decode()


def test_the_appeal_lifecycle(folder, tmp_path):
    """An agent appeals their own finding and manual score; an inspector upholds, then
    overturns; every step is kept with who and when; scores change only on the overturn;
    managers see the counts."""
    from hotline_qa.console.app import read_tokens
    from hotline_qa.console.queries import appeals as appeal_queries
    from pipeline.review.decisions import record_manual_score

    tf = tmp_path / "tokens.txt"
    tf.write_text("inspector 王检 t-insp\nmanager 李经理 t-man\nagent 8001 t-8001\n")
    rows = read(folder, "findings")
    own = [f for f in rows if not f["rule_id"].startswith("situation.")]
    alone = [f for f in own if sum(g["call_id"] == f["call_id"] for g in own) == 1]
    f = next(f for f in alone if f["agent_id"] == "8001" and f["rule_id"].startswith("forbidden."))
    other = next(f for f in rows if f["agent_id"] != "8001")
    before = _score(folder, f["call_id"])
    record_manual_score(str(folder), f["call_id"], "answer_accuracy", 10.0, reviewer="王检")
    with serve([folder], tokens=read_tokens(str(tf))) as (base, app):
        api = base + "/api/appeals"
        mine = {"finding_id": f["finding_id"], "reason": "客户先骂人，我是在复述"}
        assert post(api, {"finding_id": other["finding_id"], "reason": "x"}, "t-8001")[0] == 403
        assert post(api, {"finding_id": f["finding_id"], "reason": " "}, "t-8001")[0] == 400
        code, res = post(api, mine, "t-8001")
        assert code == 200 and res["appeal"]["step"] == "opened"
        assert post(api, mine, "t-8001")[0] == 400  # already under appeal
        first = res["appeal"]["appeal_id"]
        assert appeal_queries.counts(app.state.data)["8001"] == {
            "open": 1,
            "upheld": 0,
            "overturned": 0,
        }
        code, body = get(base + "/agents", token="t-man")
        assert code == 200 and "待裁定 1" in body.decode()
        decide = base + "/api/appeals/decide"
        ruling = {"appeal_id": first, "ruling": "upheld", "comment": "录音属实"}
        assert post(decide, ruling, "t-8001")[0] == 403  # an agent cannot rule
        assert post(decide, ruling, "t-man")[0] == 403
        assert post(decide, ruling, "t-insp")[0] == 200
        assert post(decide, ruling, "t-insp")[0] == 400  # already ruled
        assert _score(folder, f["call_id"]) == before and read(folder, "reviews") == []
        code, res = post(api, mine, "t-8001")  # appealed again, then overturned
        gen = app.state.rescorer.status.generation
        again = {
            "appeal_id": res["appeal"]["appeal_id"],
            "ruling": "overturned",
            "comment": "复核改判",
        }
        assert post(decide, again, "t-insp")[0] == 200
        _wait_idle(app, gen)
        manual = {"call_id": f["call_id"], "item_id": "answer_accuracy", "reason": "解答正确"}
        code, res = post(api, manual, "t-8001")
        assert code == 200 and res["appeal"]["kind"] == "manual"
        gen = app.state.rescorer.status.generation
        up = {"appeal_id": res["appeal"]["appeal_id"], "ruling": "overturned", "points": 18}
        assert post(decide, up, "t-insp")[0] == 200
        _wait_idle(app, gen)
        code, body = get(base + "/appeals", token="t-8001")
        assert code == 200 and "改判 overturned" in body.decode()
    assert _score(folder, f["call_id"]) > before
    (rev,) = read(folder, "reviews")
    assert rev["decision"] == "rejected" and rev["reviewer"] == "王检" and "申诉" in rev["comment"]
    latest = max(read(folder, "manual_scores"), key=lambda m: m["decided_at"])
    assert latest["points"] == 18.0 and latest["reviewer"] == "王检"
    steps = [(a["step"], a["who"]) for a in sorted(read(folder, "appeals"), key=lambda a: a["at"])]
    assert steps == [
        ("opened", "8001"),
        ("upheld", "王检"),
        ("opened", "8001"),
        ("overturned", "王检"),
        ("opened", "8001"),
        ("overturned", "王检"),
    ]


def test_an_inspector_labels_a_line_and_learn_refits_on_it(folder):
    """标注 through the console: a wrong type is a 422 that names the field and stores
    nothing; a label is stored; `hotline-qa learn` writes a version the next rescore uses."""
    from hotline_qa.cli import main
    from pipeline.review import learned

    caller = next(u for u in read(folder, "internal_utterances") if u["speaker"] == "caller")
    with serve([folder]) as (base, _):
        for bad, field in (({"at_s": "abc"}, "at_s"), ({"at_s": [1]}, "at_s"),
                           ({"label": 3}, "label"), ({"extra": 1}, "extra")):  # fmt: skip
            body = {"call_id": caller["call_id"], "at_s": caller["start_s"] + 0.1,
                    "label": "complaint", "reviewer": "王检", **bad}  # fmt: skip
            code, res = post(base + "/api/labels", body)
            assert code == 422 and field in json.dumps(res["detail"]), (bad, res)
        assert not read(folder, "line_labels")
        code, res = post(base + "/api/labels", {"call_id": caller["call_id"], "label": "banana",
                                                 "at_s": caller["start_s"], "reviewer": "王检"})  # fmt: skip
        assert code == 400 and "banana" in res["detail"]
        ok = {"call_id": caller["call_id"], "at_s": caller["start_s"] + 0.1, "label": "complaint",
              "reviewer": "王检"}  # fmt: skip
        assert post(base + "/api/labels", ok)[0] == 200
        page = get(base + f"/calls/{caller['call_id']}")[1].decode()
        assert "标注：抱怨/批评服务" in page
    (row,) = read(folder, "line_labels")
    assert (row["text"], row["label"]) == (caller["text"], "complaint")
    assert main(["learn", "--out", str(folder)]) == 0
    assert learned.current(learned.folder_for(str(folder))) == "v0001"
    assert main(["learn", "--out", str(folder), "--list"]) == 0


@pytest.mark.browser
def test_each_role_signs_in_lands_on_its_page_and_is_refused_in_chinese(folder, browser, tmp_path):
    """In Chromium, through the sign-in page: each role's landing page and navigation, and
    one refused action per role, shown as a page in Chinese (or the API's own refusal)."""
    from hotline_qa.console.app import read_tokens

    tf = tmp_path / "tokens.txt"
    tf.write_text("inspector 王检 t-insp\nmanager 李经理 t-man\ntrainer 张培训 t-train\n"
                  "agent 8001 t-8001\n", encoding="utf-8")  # fmt: skip
    other = next(c["call_id"] for c in read(folder, "calls") if c["agent_id"] == "8002")
    fid = read(folder, "findings")[0]["finding_id"]
    landing = {"t-insp": "/", "t-man": "/", "t-train": "/clips", "t-8001": "/agents/8001"}
    refused = {"t-insp": None, "t-man": "write", "t-train": "/agents", "t-8001": f"/calls/{other}"}
    with serve([folder], tokens=read_tokens(str(tf))) as (base, _):
        for token, where in landing.items():
            ctx = browser.new_context()
            page = ctx.new_page()
            page.goto(base + "/login")
            page.fill("input[name=token]", token)
            page.click("button[type=submit], input[type=submit]")
            page.wait_for_load_state("load")
            assert page.url == base + where, (token, page.url)
            nav = page.inner_text("header nav")
            assert ("复核队列" in nav) == (token in ("t-insp", "t-man")), (token, nav)
            what = refused[token]
            if what == "write":
                status = page.evaluate(
                    """async (fid) => (await fetch('/api/decisions', {method: 'POST',
                         headers: {'content-type': 'application/json'},
                         body: JSON.stringify({finding_id: fid, decision: 'confirmed'})})).status""",
                    fid,
                )
                assert status == 403
            elif what:
                resp = page.goto(base + what)
                assert resp.status == 403 and "无权访问" in page.inner_text("main"), token
            page.goto(base + "/logout")
            assert page.url == base + "/login"
            ctx.close()
    assert read(folder, "reviews") == []


@pytest.mark.browser
def test_clip_players_keep_a_usable_width(folder, browser):
    with serve([folder]) as (base, _):
        page, errors = open_page(browser, base + "/clips")
        boxes = [a.bounding_box() for a in page.query_selector_all("td audio")]
        assert boxes and all(b and b["width"] >= 200 for b in boxes), boxes
        page.close()
