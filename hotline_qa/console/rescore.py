"""Background updates after decisions, in a worker thread, one night folder at a time.

A decision touches one call: only that call is re-decided and its night's scorecards,
clips index and report rebuilt (`outputs.apply_decisions`), never the whole night or the
store. A request without calls rescores the whole night, as `hotline-qa rescore` does.
Decisions that arrive while an update runs are kept (they have their own lock) and
trigger one more update when it ends, so the last decision is always in the scores.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from pipeline.inputs.config import load_config
from pipeline.publish import outputs
from pipeline.review import learned
from pipeline.store.storage import LockedError, Store


@dataclass
class Status:
    state: str = "idle"  # idle | queued | running | failed
    generation: int = 0  # rescores completed since the console started
    started_at: float | None = None
    finished_at: float | None = None
    error: str = ""
    pending: dict[str, set[str] | None] = field(default_factory=dict)  # out -> calls (None: all)

    def as_dict(self) -> dict:
        now = time.time()
        return {
            "state": self.state,
            "generation": self.generation,
            "running_s": round(now - self.started_at, 1) if self.state == "running" else None,
            "finished_at": self.finished_at,
            "error": self.error,
        }


class Rescorer:
    """The updates run in one worker process kept for the console's life: they are Python
    work (rules, tables, the report) that, run in the console's own process, held the
    interpreter while pages waited (the queue page's p95 was 1.9 s under 8 writers)."""

    def __init__(self, lexicons: str | None = None):
        self.lexicons = lexicons
        self.status = Status()
        self._pool = None
        self._cv = threading.Condition()
        self._thread = threading.Thread(target=self._loop, name="rescore", daemon=True)
        self._thread.start()

    def request(self, out: str, calls: list[str] | None = None) -> None:
        """Update `out` for these calls' decisions (None: rescore the whole night)."""
        with self._cv:
            had = self.status.pending.get(out, set())
            self.status.pending[out] = None if calls is None or had is None else had | set(calls)
            if self.status.state != "running":
                self.status.state = "queued"
            self._cv.notify()

    def _loop(self) -> None:
        while True:
            with self._cv:
                while not self.status.pending:
                    self._cv.wait()
                todo = dict(sorted(self.status.pending.items()))
                self.status.pending.clear()
                self.status.state = "running"
                self.status.started_at = time.time()
            error = ""
            for out, calls in todo.items():
                try:
                    if calls is None:
                        self._run(rescore_folder, out, self.lexicons)
                    else:
                        self._run(apply_folder, out, sorted(calls), self.lexicons)
                except Exception as e:  # shown on every page until the next rescore
                    error = f"{type(e).__name__}: {e}"
            with self._cv:
                self.status.generation += 1
                self.status.finished_at = time.time()
                self.status.error = error
                self.status.state = (
                    "queued" if self.status.pending else ("failed" if error else "idle")
                )

    def _run(self, fn, *args):
        from concurrent.futures.process import BrokenProcessPool

        if self._pool is None:
            from pipeline.judge.workers import kept_pool

            self._pool = kept_pool(1)
        try:
            return self._pool.submit(fn, *args).result()
        except BrokenProcessPool:
            self._pool = None  # the worker died (killed, out of memory): a new one next time
            raise


def apply_folder(out: str, calls: list[str], lexicons: str | None = None,
                 wait_s: float = 600) -> dict:  # fmt: skip
    """The decisions on these calls into the night's scores (`outputs.apply_decisions`).
    Waits for a run that holds the folder instead of failing."""
    store = Store(out)
    deadline = time.monotonic() + wait_s
    while True:
        try:
            with store.lock():
                return outputs.apply_decisions(store, _config(out, lexicons), calls)
        except LockedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1.0)


def rescore_folder(out: str, lexicons: str | None = None, wait_s: float = 600) -> dict:
    """What `hotline-qa rescore --out OUT` does, without the workflow engine. Waits for a
    run that holds the folder instead of failing."""
    store = Store(out)
    deadline = time.monotonic() + wait_s
    while True:
        try:
            with store.lock():
                cfg = _config(out, lexicons)
                return outputs.rescore(store, cfg, outputs.rescore_options(store))[0]
        except LockedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1.0)


def _config(out: str, lexicons: str | None):
    """The lexicons with the store's learned trigger examples, as the night used them."""
    return learned.apply(load_config(lexicons), learned.folder_for(out))
