import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"  # nothing is downloaded at run time, ever
from hotline_qa.env import prefect_defaults  # noqa: E402

prefect_defaults()

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "recordings_sample"
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def cfg():
    from pipeline.inputs.config import load_config

    return load_config()


@pytest.fixture(scope="session")
def rules(cfg):
    from scorers.engine import build_rules

    return build_rules(cfg)


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def night(prefect_harness, tmp_path_factory):
    """One real nightly run on recordings_sample/: real audio, real model, real Prefect flow."""
    from flows.nightly import nightly

    out = tmp_path_factory.mktemp("night")
    summary = nightly(manifest=str(SAMPLE / "manifest.csv"), out=str(out))
    return out, summary


def next_day_copy(src, dst, day="2026-11-28"):
    """The same night recorded a day later into another folder: new call and finding ids,
    started_at + 1 day (2026-11-27 is a Friday: the copy stays in ISO week 48)."""
    from pipeline.store.storage import Store

    shutil.copytree(src, dst)
    store = Store(str(dst))

    def later(t):
        return t.replace("2026-11-27", day) if t else t

    for name in ("calls", "call_scores", "findings", "clips"):
        rows = read(dst, name)
        for r in rows:
            r["call_id"] = r["call_id"] + "b"
            if "started_at" in r:
                r["started_at"] = later(r["started_at"])
            if "finding_id" in r:
                r["finding_id"] = r["finding_id"] + "b"
        store.write_table(name, rows)


def read(out, name):
    from pipeline.store.storage import Store

    return Store(str(out)).read_rows(name)


# ctranslate2 is not bit-identical across CPUs and thread counts: word times move by a few
# hundredths of a second and punctuation changes. Runs of the same batch must agree on what
# an inspector acts on (findings, their ids, scores); times within this tolerance; the text
# nearly the same.
TIME_TOL_S = 0.5
TEXT_MIN_SIMILARITY = 90.0


def assert_same_results(out_a, out_b, calls=None):
    from rapidfuzz import fuzz

    from scorers.text import normalize

    def rows(out, name):
        return [r for r in read(out, name) if calls is None or r["call_id"] in calls]

    fa = {f["finding_id"]: f for f in rows(out_a, "findings")}
    fb = {f["finding_id"]: f for f in rows(out_b, "findings")}
    assert {(k, f["rule_id"]) for k, f in fa.items()} == {(k, f["rule_id"]) for k, f in fb.items()}
    for k, f in fa.items():
        g = fb[k]
        assert (f["review"], f["counted"], f["call_id"]) == (
            g["review"],
            g["counted"],
            g["call_id"],
        )
        for t in ("start_s", "end_s"):
            assert (f[t] is None) == (g[t] is None), (k, t)
            if f[t] is not None:
                assert abs(f[t] - g[t]) <= TIME_TOL_S, (k, t, f[t], g[t])
    key = ("call_id", "score", "items", "veto")
    assert sorted(tuple(r[k] for k in key) for r in rows(out_a, "call_scores")) == sorted(
        tuple(r[k] for k in key) for r in rows(out_b, "call_scores")
    )
    key = ("call_id", "status", "duration_s", "audio_sha256")
    assert sorted(tuple(r[k] for k in key) for r in rows(out_a, "calls")) == sorted(
        tuple(r[k] for k in key) for r in rows(out_b, "calls")
    )

    def text(out):
        by: dict = {}
        for u in sorted(rows(out, "utterances"), key=lambda u: u["start_s"]):
            by[(u["call_id"], u["speaker"])] = by.get((u["call_id"], u["speaker"]), "") + u["text"]
        return {k: normalize(v) for k, v in by.items()}

    ta, tb = text(out_a), text(out_b)
    assert set(ta) == set(tb)
    for k in ta:
        assert fuzz.ratio(ta[k], tb[k]) >= TEXT_MIN_SIMILARITY, (k, ta[k], tb[k])


def sample_subset(folder, calls):
    """A batch folder with some of the sample calls (audio linked, manifest rows copied)."""
    rows = (SAMPLE / "manifest.csv").read_text(encoding="utf-8").splitlines()
    (folder / "audio").mkdir(parents=True)
    for cid in calls:
        (folder / "audio" / f"{cid}.wav").symlink_to(SAMPLE / "audio" / f"{cid}.wav")
    (folder / "manifest.csv").write_text(
        "\n".join([rows[0]] + [r for r in rows if r.split(",")[0] in calls]) + "\n",
        encoding="utf-8",
    )
    return folder / "manifest.csv"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    if not CHROMIUM:
        pytest.fail(
            "Debian's chromium is required for the browser tests (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


def open_page(browser, url):
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    # A media load cut short by leaving the page (net::ERR_ABORTED) is not an error.
    page.on(
        "requestfailed",
        lambda r: None if "ERR_ABORTED" in (r.failure or "") else errors.append(f"failed: {r.url}"),
    )
    resp = page.goto(url, wait_until="load")
    assert resp and resp.ok, url
    return page, errors


# -- peak memory: which test raised the process's peak ---------------------------
_PEAK_RISES: list[tuple[float, str]] = []


def _maxrss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    before = _maxrss_mb()
    try:
        return (yield)
    finally:
        rise = _maxrss_mb() - before
        if rise > 50:
            _PEAK_RISES.append((rise, item.nodeid))


def pytest_terminal_summary(terminalreporter):
    """The suite's peak RSS and the tests during which it rose most: the full run is one
    process, so its peak is the largest single test's need plus what stays loaded."""
    terminalreporter.write_line(f"peak RSS of the test process: {_maxrss_mb():.0f} MB")
    for rise, node in sorted(_PEAK_RISES, reverse=True)[:5]:
        terminalreporter.write_line(f"  +{rise:.0f} MB during {node}")
