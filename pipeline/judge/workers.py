"""Worker processes kept for the life of this process, for judging big batches (a store's
rescore) and the console's background updates."""

from __future__ import annotations

import os

_POOLS: dict[int, object] = {}


def pool(procs: int):
    """Worker processes kept for the life of this process: a store's rescore publishes
    night after night, and a fresh pool per night paid each worker's start-up (imports,
    the lexicons' rules and intent model: about 6 s) every time. A worker compiles the
    rules once per lexicon version (`build_rules` is cached on the Config)."""
    if procs not in _POOLS:
        _POOLS[procs] = kept_pool(procs)
    return _POOLS[procs]


def kept_pool(procs: int):
    """A pool of spawned workers kept until this process ends, however it ends: shut down at
    exit, and each worker leaves by itself when this process is gone (`_exit_with_parent`)."""
    import atexit
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        procs, mp_context=mp.get_context("spawn"), initializer=_exit_with_parent,
        initargs=(os.getpid(),),
    )  # fmt: skip
    atexit.register(pool.shutdown, wait=False, cancel_futures=True)
    return pool


def _exit_with_parent(parent: int) -> None:
    """In a kept worker process: leave when the process that started it is gone (a console
    stopped with SIGTERM runs no atexit, and an idle worker would wait forever)."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(2.0)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


