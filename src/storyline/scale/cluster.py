"""`--dask ADDRESS`: the parallel stages as tasks on a Dask cluster; `local` starts a LocalCluster here.

A task is one batch of documents (read) or articles (analyse); the parent submits a bounded number
and consumes them in input order (`ordered_map` over the client's `concurrent.futures` executor),
so it stays the single writer to the store. A worker plugin loads the models when each worker
starts, once per worker process, and on workers that join later too. Workers on other machines
need storyline and its models installed at the same versions.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from functools import partial

from distributed import Client, LocalCluster, WorkerPlugin

from storyline.scale.ordered import Mapper, ordered_map
from storyline.scale.work import warm

LOCAL = "local"
IN_FLIGHT_PER_THREAD = 2
CONNECT_SECONDS = 30


class LoadModels(WorkerPlugin):
    """Loads spaCy and the embedding model as a worker starts, not inside its first task."""

    name = "storyline-models"

    def setup(self, worker: object) -> None:
        warm()


@contextmanager
def dask_map(address: str, workers: int) -> Iterator[Mapper]:
    """A `Mapper` on the scheduler at `address`, or on a LocalCluster of `workers` processes for "local"."""
    with ExitStack() as stack:
        if address == LOCAL:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            client = stack.enter_context(Client(stack.enter_context(cluster)))
        else:
            try:
                client = stack.enter_context(Client(address, timeout=CONNECT_SECONDS))
            except OSError as error:
                raise RuntimeError(f"cannot reach the Dask scheduler at {address}: {error}") from error
        client.register_plugin(LoadModels())
        threads = max(1, sum(client.nthreads().values()))
        yield partial(ordered_map, client.get_executor(pure=False), in_flight=threads * IN_FLIGHT_PER_THREAD)
