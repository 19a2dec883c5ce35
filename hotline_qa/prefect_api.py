"""The Prefect API an ad-hoc run talks to, started before the run needs it.

Without PREFECT_API_URL, Prefect starts a temporary server at the flow's first call: it
imports its own server code into this process (about 3 s) and then waits for the server
process to answer (about 4 s), while nothing else happens. `hotline-qa run` instead starts
`prefect server start` (public CLI, API only: no UI, no services) in a process of its own
before it checks the lexicons, so the server boots on the other core while the lexicons
compile, and stops it when the run ends. With PREFECT_API_URL set (a running server, the
nightly deployment's case) nothing is started.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from typing import IO

from hotline_qa.env import PREFECT_DEFAULTS

# The same wait as Prefect's own temporary server is given (`hotline_qa.env`): a first start
# on a busy 2-core machine migrates the database.
_TIMEOUT = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"


class ApiServer:
    """A `prefect server start` process on loopback; `ready()` waits until it answers.
    `api_only`: no UI and no services, which an ad-hoc run does not use; False is the
    server a nightly deployment talks to (the benchmarks measure against it)."""

    def __init__(self, api_only: bool = True) -> None:
        with socket.socket() as s:  # a free port, chosen by the system
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/api"
        self._log: IO[bytes] = tempfile.TemporaryFile()
        env = {**PREFECT_DEFAULTS, **os.environ}
        env.pop("PREFECT_API_URL", None)
        only = ["--no-services", "--no-ui"] if api_only else []
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
             "--port", str(self.port), *only, "--log-level", "ERROR"],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # stopped as a group: the server and what it starts
        )  # fmt: skip

    def ready(self, timeout_s: float | None = None) -> None:
        """Return once the API answers; raise with the server's own output if it cannot."""
        if timeout_s is None:
            timeout_s = float(os.environ.get(_TIMEOUT) or PREFECT_DEFAULTS[_TIMEOUT])
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout_s:
            if self._proc.poll() is not None:
                raise RuntimeError(f"the Prefect server did not start: {self._output()}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(
            f"the Prefect server did not answer within {timeout_s:.0f} s: {self._output()}"
        )

    def stop(self) -> None:
        if self._proc.poll() is None:
            os.killpg(self._proc.pid, signal.SIGTERM)
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self._proc.pid, signal.SIGKILL)
                self._proc.wait()
        self._log.close()

    def _output(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-2000:].strip() or "(no output)"


@contextmanager
def api_for_run():
    """Yields a `ready()` callable: the flow's API is up once it returns. Starts a server
    only where PREFECT_API_URL is unset; PREFECT_API_URL points at it inside the block."""
    if os.environ.get("PREFECT_API_URL"):
        yield lambda: None
        return
    server = ApiServer()
    os.environ["PREFECT_API_URL"] = server.url
    # A scheduler that stops the run with SIGTERM stops its server too (the server runs in
    # a session of its own, so it would outlive a plain kill of this process).
    main = threading.current_thread() is threading.main_thread()
    before = signal.signal(signal.SIGTERM, _exit_on_term) if main else None
    try:
        yield server.ready
    finally:
        if main:
            signal.signal(signal.SIGTERM, before)
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


def _exit_on_term(signum, frame) -> None:
    raise SystemExit(128 + signum)
