"""Crash safety: `storyline analyze` killed with SIGKILL at random points resumes and loses nothing.

A few cycles here; `python -m storyline.evaluate.crash CORPUS --cycles 100` runs the long soak.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import EXAMPLES
from storyline.evaluate.crash import Snapshot, Tally, check_finished, soak

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
