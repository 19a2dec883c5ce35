"""The Prefect API a run starts for itself: a real `prefect server start` on loopback,
up while the run needs it and gone after it, however the run ends."""

import os
import subprocess
import sys
import textwrap
import time
import urllib.request

import pytest

from hotline_qa.prefect_api import ApiServer, api_for_run


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def test_the_run_talks_to_its_own_server_and_stops_it(monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with api_for_run() as ready:
        url = os.environ["PREFECT_API_URL"]
        ready()
        assert _answers(url)
    assert "PREFECT_API_URL" not in os.environ
    assert not _answers(url)


def test_a_configured_server_is_used_and_nothing_is_started(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    with api_for_run() as ready:
        ready()  # returns at once: nothing to wait for
        assert os.environ["PREFECT_API_URL"] == "http://127.0.0.1:9/api"


def test_a_server_that_does_not_answer_in_time_says_so():
    server = ApiServer()
    try:
        with pytest.raises(RuntimeError, match="did not answer within 0 s"):
            server.ready(timeout_s=0.0)
    finally:
        server.stop()


def test_sigterm_to_the_run_stops_its_server(tmp_path):
    script = textwrap.dedent(
        """
        import os, sys, time
        from hotline_qa.prefect_api import api_for_run
        with api_for_run() as ready:
            ready()
            print(os.environ["PREFECT_API_URL"], flush=True)
            time.sleep(60)
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    p = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    url = p.stdout.readline().strip()
    assert _answers(url)
    p.terminate()
    assert p.wait(timeout=30) == 143
    t0 = time.monotonic()
    while _answers(url) and time.monotonic() - t0 < 10:
        time.sleep(0.2)
    assert not _answers(url)
