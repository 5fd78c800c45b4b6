"""Extract and analyse on many cores or machines, while the parent process stays the single writer.

`work` holds what a worker does (pure functions of their input, models cached per process),
`ordered` the bounded, order-keeping map the pipeline streams through, `pool` a local process pool
and `cluster` a Dask cluster behind that same map. `runner()` picks one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from storyline.scale.ordered import Mapper

__all__ = ["Mapper", "runner"]


@contextmanager
def runner(workers: int = 1, dask: str | None = None) -> Iterator[Mapper]:
    """The map the pipeline's parallel stages go through: in this process, a process pool, or Dask.

    `dask` is a scheduler address, or "local" for a `LocalCluster` of `workers` processes here.
    """
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    if dask is not None:
        try:
            from storyline.scale.cluster import dask_map
        except ImportError as error:
            raise RuntimeError(
                f"--dask needs the Dask packages ({error.name} is missing): install them with `pip install -e '.[scale]'`"
            ) from error
        with dask_map(dask, workers) as mapper:
            yield mapper
    elif workers > 1:
        from storyline.scale.pool import pool_map

        with pool_map(workers) as mapper:
            yield mapper
    else:
        yield map
