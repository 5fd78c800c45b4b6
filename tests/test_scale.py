"""Parallel runs: a process pool and a Dask cluster store exactly what one process stores.

The parent stays the single writer and consumes the workers' batches in input order, so the stores
must be equal record for record: articles, statements, stories, storylines, entities, discrepancies
and errors (bad pages fail in the workers and must still be recorded).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from storyline.cli import app
from storyline.export import EXPORTS
from storyline.pipeline import Pipeline, analyze, compare_story
from storyline.scale import runner
from storyline.scale.ordered import batched, ordered_map
from storyline.store import Store

Records = dict[str, list[dict]]
BATCH = 4  # small batches, so that the 33 inputs make many tasks and both workers get some


def records(db: Path) -> Records:
    """Every exported record, in a stable order; the time an error was recorded is left out."""
    with Store(db) as store:
        out = {}
        for what, rows in EXPORTS.items():
            kept = [{k: v for k, v in row.items() if k != "at"} for row in rows(store)]
            out[what] = sorted(kept, key=repr)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (EXAMPLES / "corpus").is_dir():
        pytest.skip("examples/corpus is not present")
    folder = tmp_path_factory.mktemp("inputs") / "corpus"
    shutil.copytree(EXAMPLES / "corpus", folder)
    (folder / "empty.html").write_bytes(b"")
    (folder / "junk.html").write_bytes(bytes(range(256)) * 40)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Records:
    db = tmp_path_factory.mktemp("single") / "single.db"
    summary = analyze([corpus], db, batch_size=BATCH)
    assert summary.added >= 30 and summary.failed == 2
    return records(db)


def test_a_process_pool_stores_exactly_what_one_process_stores(corpus: Path, reference: Records, tmp_path: Path) -> None:
    summary = analyze([corpus], tmp_path / "pool.db", workers=2, batch_size=BATCH)
    assert summary.failed == 2
    assert records(tmp_path / "pool.db") == reference
    assert reference["statements"] and reference["stories"] and reference["discrepancies"]


def test_stories_are_compared_through_the_mapper(corpus: Path, reference: Records, tmp_path: Path) -> None:
    """Comparing a story (embedding its statements) is work for the workers, not for the parent after them."""
    used = []

    def mapper(fn, items):  # noqa: ANN001, ANN202 — the builtin map, recording what it was given
        used.append(fn)
        return map(fn, items)

    with Store(tmp_path / "mapped.db") as store:
        Pipeline(store, mapper=mapper, batch_size=BATCH).run([corpus])
    assert compare_story in used
    assert records(tmp_path / "mapped.db") == reference


def test_a_warm_worker_has_no_date_patterns_left_to_compile() -> None:
    """`warm` pays dateparser's one-off compiling of every locale's patterns (about 2 s), not a worker's
    first page dated only in its text. Checked in a fresh process: this one may have paid it already."""
    script = """
import regex
from htmldate.extractors import get_external_parser
from storyline.scale.work import warm
warm()
compiled = []
real = regex.compile
regex.compile = lambda *args, **kwargs: compiled.append(args) or real(*args, **kwargs)
get_external_parser().get_date_data("Updated: 12 Marzo 2019, 14:05")
print(len(compiled))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0"]


def test_a_dask_cluster_stores_exactly_what_one_process_stores(corpus: Path, reference: Records, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="the `scale` extra is not installed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        summary = analyze([corpus], tmp_path / "dask.db", dask=cluster.scheduler_address, batch_size=BATCH)
        with distributed.Client(cluster) as client:
            assert len(client.nthreads()) == 2
    assert summary.failed == 2
    assert records(tmp_path / "dask.db") == reference


def test_the_command_runs_on_a_local_dask_cluster(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the `scale` extra is not installed")
    folder = EXAMPLES / "corpus" / "capital-wire"
    single = analyze([folder], tmp_path / "single.db")
    result = CliRunner().invoke(app, ["analyze", str(folder), "--db", str(tmp_path / "dask.db"), "--dask", "local", "--workers", "2", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert f"{single.added} articles added" in result.output
    assert records(tmp_path / "dask.db") == records(tmp_path / "single.db")


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed", reason="the `scale` extra is not installed")
    monkeypatch.setattr("storyline.scale.cluster.CONNECT_SECONDS", 1)
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLES / "corpus"), "--db", str(tmp_path / "x.db"), "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_zero_workers_is_refused() -> None:
    with pytest.raises(ValueError, match="workers must be 1 or more"), runner(workers=0):
        pass


class Recording(ThreadPoolExecutor):
    """Counts tasks submitted and not yet consumed, to check the bound."""

    def __init__(self) -> None:
        super().__init__(4)
        self.outstanding = 0
        self.most = 0
        self.lock = threading.Lock()

    def submit(self, fn, /, *args, **kwargs) -> Future:  # noqa: ANN001, ANN003 — Executor's own signature
        with self.lock:
            self.outstanding += 1
            self.most = max(self.most, self.outstanding)
        return super().submit(fn, *args, **kwargs)


def _slow_for_small(n: int) -> int:
    time.sleep(0.02 * (5 - n % 5))  # early items finish last: order must come from the map, not the clock
    return n * n


def test_ordered_map_keeps_input_order_with_a_bounded_number_in_flight() -> None:
    with Recording() as executor:
        out = []
        for value in ordered_map(executor, _slow_for_small, range(20), in_flight=3):
            out.append(value)
            executor.outstanding -= 1
    assert out == [n * n for n in range(20)]
    assert executor.most == 3


def _fail_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    time.sleep(0.05)
    return n


def test_ordered_map_raises_a_task_error_and_cancels_what_is_queued() -> None:
    executor: Executor
    with ThreadPoolExecutor(1) as executor:
        submitted: list[Future] = []
        original = executor.submit
        executor.submit = lambda fn, item: submitted.append(original(fn, item)) or submitted[-1]  # type: ignore[method-assign]
        with pytest.raises(ValueError, match="three"):
            list(ordered_map(executor, _fail_on_three, range(10), in_flight=4))
    assert any(future.cancelled() for future in submitted)


def test_batched_reads_lazily_in_pieces() -> None:
    assert list(batched(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == []
