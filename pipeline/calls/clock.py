"""Seconds per stage of one call (cost table): `with clock("asr"): ...`."""

from __future__ import annotations

import time
from contextlib import contextmanager, nullcontext


class Clock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            dt = time.perf_counter() - t0
            self.seconds[stage] = round(self.seconds.get(stage, 0.0) + dt, 4)


def idle(stage: str):
    """A clock that keeps nothing, for callers that don't time."""
    return nullcontext()
