"""`--workers N`: the parallel stages on a pool of N local processes.

Processes are spawned, not forked: the parent holds an open SQLite connection and library threads
that a fork would copy half-way. Each worker loads the models once, when it starts. Workers ignore
Ctrl-C (the parent handles it and stops the pool) and exit by themselves when the parent dies, so
a run killed with SIGKILL leaves no processes behind holding the models in memory.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial

from storyline.scale.ordered import Mapper, ordered_map
from storyline.scale.work import warm

# Tasks submitted per worker and not yet consumed: one running, one queued so no worker waits.
IN_FLIGHT_PER_WORKER = 2
PARENT_POLL_SECONDS = 1.0


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _start_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="storyline-orphan-watch").start()
    warm()


@contextmanager
def pool_map(workers: int) -> Iterator[Mapper]:
    """A `Mapper` running each batch on one of `workers` spawned processes, in input order."""
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),))
    try:
        yield partial(ordered_map, executor, in_flight=workers * IN_FLIGHT_PER_WORKER)
    except BaseException:
        # Never wait on a failed pool: a worker killed while holding the task queue's lock leaves the
        # others blocked on it, and joining them would hang the run. They exit when this process does.
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True, cancel_futures=True)
