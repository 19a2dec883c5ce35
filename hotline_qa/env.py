"""Environment defaults every entry point that may start Prefect sets before importing it: the
CLI, the tests and the benchmarks that run the flow in-process. A value already set wins."""

from __future__ import annotations

import os

PREFECT_DEFAULTS = {
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The ephemeral server's first start on a busy 2-core machine can take over Prefect's
    # 20 s default (seen in CI: "Timed out while attempting to connect to ephemeral ...").
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
}


def prefect_defaults() -> None:
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)


def prefect_server_early():
    """Prefect's temporary server (no PREFECT_API_URL set) booting in the background: its
    subprocess starts in 3-8 s, which a run otherwise waits out before the first task while
    the lexicons are checked and the pipeline imported beside it. Returns a future to wait
    on before the flow starts (None when a server is configured)."""
    if os.environ.get("PREFECT_API_URL"):
        return None
    from concurrent.futures import ThreadPoolExecutor

    def boot() -> None:
        from prefect.server.api.server import SubprocessASGIServer

        SubprocessASGIServer().start()  # the instance the flow's client then finds running

    ex = ThreadPoolExecutor(1, thread_name_prefix="prefect-boot")
    fut = ex.submit(boot)
    ex.shutdown(wait=False)
    return fut
