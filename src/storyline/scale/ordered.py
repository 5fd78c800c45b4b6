"""A map over an executor that keeps input order and a bounded number of tasks in flight.

Order matters because story assignment is online: the writer must see articles in the order a
single process would, or the stories differ. Waiting on the oldest task while the others keep
running costs little when tasks are batches of similar size, and the bound keeps memory constant
however long the input is.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from itertools import islice
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")

# How the pipeline applies a stage to a stream of batches: the builtin `map`, or `ordered_map` on workers.
Mapper = Callable[[Callable[[A], B], Iterable[A]], Iterator[B]]


def batched(items: Iterable[A], size: int) -> Iterator[list[A]]:
    """Lists of `size` items (the last one shorter), read lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ordered_map(executor: Executor, fn: Callable[[A], B], items: Iterable[A], in_flight: int) -> Iterator[B]:
    """`map(fn, items)` on `executor` with at most `in_flight` tasks submitted and not yet consumed."""
    pending: deque[Future[B]] = deque()
    try:
        for item in items:
            pending.append(executor.submit(fn, item))
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:  # stopped early (an error, Ctrl-C): queued work is dropped, running work is let finish
        for future in pending:
            future.cancel()
