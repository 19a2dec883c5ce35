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
