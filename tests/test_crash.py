"""Crash safety: `storyline analyze` killed with SIGKILL at random points resumes and loses nothing.

A few cycles here; `python -m storyline.evaluate.crash CORPUS --cycles 100` runs the long soak.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES
from storyline.evaluate.crash import Snapshot, Tally, analyze_command, check_finished, soak

OUTLETS = ("capital-wire", "harbour-daily")


@pytest.fixture(scope="module")
def soaked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Tally, Path]:
    if not all((EXAMPLES / "corpus" / outlet).is_dir() for outlet in OUTLETS):
        pytest.skip("examples/corpus is not present")
    workdir = tmp_path_factory.mktemp("crash")
    corpus = workdir / "corpus"
    for outlet in OUTLETS:  # two outlets: enough to cover every stage, small enough to run in seconds
        shutil.copytree(EXAMPLES / "corpus" / outlet, corpus / outlet)
    return soak(corpus, cycles=2, workdir=workdir, seed=1), workdir


def test_killed_runs_resume_to_exactly_the_uninterrupted_store(soaked: tuple[Tally, Path]) -> None:
    tally, workdir = soaked
    assert tally.cycles == 2 and tally.rounds >= 1
    assert tally.clean, (tally, tally.problems)
    reference = Snapshot.of(workdir / "reference.db")
    assert reference.integrity == "ok" and len(reference.articles) >= 10 and reference.statements
    finished = Snapshot.of(workdir / "round-1.db")
    assert (finished.articles, finished.statements) == (reference.articles, reference.statements)


def test_the_soak_notices_a_store_that_lost_an_article(soaked: tuple[Tally, Path], tmp_path: Path) -> None:
    """The comparison itself must be able to fail: a store missing one article's rows is counted."""
    reference = Snapshot.of(soaked[1] / "reference.db")
    damaged = Path(shutil.copy(soaked[1] / "reference.db", tmp_path / "damaged.db"))
    victim = sorted(reference.articles)[0]
    with sqlite3.connect(damaged) as con:
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute("DELETE FROM statements WHERE article_id = ?", (victim,))
        con.execute("DELETE FROM articles WHERE id = ?", (victim,))
    con.close()
    tally = Tally()
    check_finished(damaged, reference, tally)
    assert tally.lost == 1 and tally.statements_lost > 0 and not tally.clean


@pytest.fixture(scope="module")
def soaked_parallel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Tally, Path]:
    if not (EXAMPLES / "corpus" / OUTLETS[0]).is_dir():
        pytest.skip("examples/corpus is not present")
    workdir = tmp_path_factory.mktemp("crash-parallel")
    shutil.copytree(EXAMPLES / "corpus" / OUTLETS[0], workdir / "corpus" / OUTLETS[0])
    options = ["--workers", "2", "--batch-size", "2"]  # many small tasks: kills land while both workers hold some
    return soak(workdir / "corpus", cycles=2, workdir=workdir, seed=2, options=options), workdir


def test_killed_parallel_runs_resume_to_exactly_the_uninterrupted_store(soaked_parallel: tuple[Tally, Path]) -> None:
    """The parent is the only writer; batches the workers had in hand when it died are simply redone."""
    tally, workdir = soaked_parallel
    assert tally.cycles == 2 and tally.rounds >= 1
    assert tally.clean, (tally, tally.problems)
    reference = Snapshot.of(workdir / "reference.db")
    assert len(reference.articles) >= 5 and reference.statements
    assert Snapshot.of(workdir / "round-1.db").articles == reference.articles


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


def _workers_of(parent: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(fields[1]) == parent and b"spawn_main" in cmdline:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc (Linux)")
def test_workers_exit_when_the_parent_is_killed(tmp_path: Path) -> None:
    """SIGKILL gives the parent no chance to stop its pool: the workers must notice and leave by themselves."""
    if not (EXAMPLES / "corpus").is_dir():
        pytest.skip("examples/corpus is not present")
    options = ["--workers", "2", "--batch-size", "2"]
    parent = subprocess.Popen(analyze_command(EXAMPLES / "corpus", tmp_path / "x.db", options),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 60
    while len(workers := _workers_of(parent.pid)) < 2 and parent.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    assert len(workers) == 2, "the run ended before its two workers were seen"
    deadline = time.monotonic() + 15
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(map(_alive, workers)), f"workers {workers} outlived their parent"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc (Linux)")
def test_a_dead_worker_stops_the_run_cleanly_and_the_next_run_finishes(tmp_path: Path) -> None:
    """A worker killed (say, by the OOM killer) ends the run with a clear message; nothing stored is partial."""
    if not (EXAMPLES / "corpus" / OUTLETS[0]).is_dir():
        pytest.skip("examples/corpus is not present")
    corpus, db = EXAMPLES / "corpus" / OUTLETS[0], tmp_path / "x.db"
    log = (tmp_path / "run.log").open("wb")
    parent = subprocess.Popen(analyze_command(corpus, db, ["--workers", "2", "--batch-size", "1"]), stdout=log, stderr=log)
    deadline = time.monotonic() + 60
    while not (workers := _workers_of(parent.pid)) and parent.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers, "the run ended before a worker was seen"
    os.kill(workers[0], signal.SIGKILL)
    status = parent.wait(timeout=120)
    log.close()
    output = (tmp_path / "run.log").read_text(errors="replace")
    assert status == 2 and "A worker process died" in output, output[-2000:]
    assert subprocess.run(analyze_command(corpus, db), capture_output=True).returncode == 0
    reference = tmp_path / "reference.db"
    assert subprocess.run(analyze_command(corpus, reference), capture_output=True).returncode == 0
    finished, expected = Snapshot.of(db), Snapshot.of(reference)
    assert (finished.articles, finished.statements, finished.article_rows) == (expected.articles, expected.statements, expected.article_rows)
