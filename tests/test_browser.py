"""The manager's HTML in a real headless Chromium (Debian's package): loads clean, charts render,
and every audio player points at a clip that exists."""

import functools
import http.server
import threading
from urllib.parse import urljoin

import pytest
from conftest import open_page, read

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(night):
    out, _ = night
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield out, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_index_lists_every_agent_and_links_work(site, browser):
    out, base = site
    page, errors = open_page(browser, base + "report/index.html")
    links = page.eval_on_selector_all(
        "a[href^='agent-']", "els => els.map(e => e.getAttribute('href'))"
    )
    assert sorted(links) == ["agent-8001.html", "agent-8002.html", "agent-8003.html"]
    assert "82.5" in page.inner_text("body")  # 8002's mean, pinned in test_e2e
    assert errors == []
    teams = page.eval_on_selector_all(
        "a[href^='team-']", "els => els.map(e => e.getAttribute('href'))"
    )
    assert len(teams) == 2
    for t in teams:
        tp, terr = open_page(browser, base + "report/" + t)
        assert tp.query_selector_all("a[href^='agent-']") and terr == []


@pytest.mark.parametrize("agent", ["8001", "8002", "8003"])
def test_agent_page_renders_charts_and_playable_clips(site, browser, agent):
    out, base = site
    url = base + f"report/agent-{agent}.html"
    page, errors = open_page(browser, url)
    charts = page.query_selector_all("svg.chart")
    assert len(charts) == 2
    for c in charts:
        box = c.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 50
    assert len(page.query_selector_all("svg.chart circle.point")) >= 1
    assert len(page.query_selector_all("svg.chart rect.bar")) >= 8
    # Managers read the console's Chinese rule names, the target line and vetoed calls.
    assert page.query_selector("svg.chart line.target") is not None
    text = page.inner_text("body")
    assert "目标" in text and "forbidden." not in text and "closing." not in text
    vetoed = [c for c in read(out, "call_scores") if c["agent_id"] == agent and c["veto"]]
    notes = page.query_selector_all("svg.chart text.veto-note")
    assert len(notes) == (1 if vetoed else 0)
    if vetoed:
        assert f"否决{len(vetoed)}通" in notes[0].text_content()
        assert "服务禁语" in text
    srcs = page.eval_on_selector_all("audio", "els => els.map(e => e.getAttribute('src'))")
    expected = [c for c in read(out, "clips") if c["agent_id"] == agent]
    assert len(srcs) == len(expected) > 0
    for s in srcs:
        r = page.request.get(urljoin(url, s))
        assert r.ok and r.headers["content-type"].startswith("audio/") and len(r.body()) > 1000, s
    assert errors == []


def test_clip_index_players(site, browser):
    out, base = site
    url = base + "clips/index.html"
    page, errors = open_page(browser, url)
    srcs = page.eval_on_selector_all("audio", "els => els.map(e => e.getAttribute('src'))")
    assert len(srcs) == len(read(out, "clips"))
    for s in srcs:
        assert page.request.get(urljoin(url, s)).ok, s
    assert errors == []
