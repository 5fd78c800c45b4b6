"""Kill-and-resume soak: `storyline analyze` killed with SIGKILL at random points must lose nothing.

A reference store comes from one uninterrupted run. Then, round after round on a fresh store, the
command is started, killed at a random moment and restarted until a run finishes; after every kill
the store must hold whole articles only (each with exactly its reference statements) and pass
`PRAGMA integrity_check`, and a finished round must equal the reference.

    python -m storyline.evaluate.crash examples/corpus --cycles 100
    python -m storyline.evaluate.crash examples/corpus --cycles 20 --workers 2   # the parallel path
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer

from storyline.store.dialect import Connection

StatementKey = tuple[str, str, int, int, int, int, str | None]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a store holds, in the terms the soak compares."""

    articles: frozenset[str]
    article_rows: int
    sources: int  # distinct inputs the articles came from: fewer than rows means one input stored twice
    statements: frozenset[StatementKey]
    integrity: str

    @classmethod
    def of(cls, db: Path) -> Snapshot:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            integrity = "; ".join(row[0] for row in con.execute("PRAGMA integrity_check"))
            snapshot = cls.read(con, integrity)
        con.close()
        return snapshot

    @classmethod
    def read(cls, con: Connection, integrity: str) -> Snapshot:
        """From any store's connection; `integrity` is what the caller checked (PostgreSQL keeps its own)."""
        ids = [row[0] for row in con.execute("SELECT id FROM articles")]
        sources = con.execute("SELECT COUNT(DISTINCT COALESCE(source_uri, id)) FROM articles").fetchone()[0]
        statements = con.execute(
            "SELECT article_id, kind, content_start, content_end, cue_start, cue_end, speaker_name FROM statements"
        ).fetchall()
        return cls(frozenset(ids), len(ids), sources, frozenset(tuple(s) for s in statements), integrity)

    def statements_of(self, articles: frozenset[str]) -> frozenset[StatementKey]:
        return frozenset(s for s in self.statements if s[0] in articles)


@dataclass
class Tally:
    """Counts over the whole soak; every field but `cycles` and `rounds` should end at 0."""

    cycles: int = 0  # kills followed by a restart
    rounds: int = 0  # fresh stores brought to completion
    lost: int = 0  # reference articles missing from a finished store
    duplicated: int = 0  # articles stored beyond the reference, or one input stored twice
    statements_lost: int = 0
    statements_extra: int = 0
    partial: int = 0  # kills after which an article was stored without all its statements (or with others)
    corrupt: int = 0  # integrity_check failures
    failed_runs: int = 0  # finished runs whose exit status differs from the reference run's
    problems: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.lost or self.duplicated or self.statements_lost or self.statements_extra
                    or self.partial or self.corrupt or self.failed_runs)  # fmt: skip


def analyze_command(corpus: Path, db: Path | str, options: Sequence[str] = ()) -> list[str]:
    """The CLI in a child process of this interpreter, so the soak tests the installed code."""
    return [sys.executable, "-c", "from storyline.cli import app; app()", "analyze", str(corpus), "--db", str(db), *options]


def run_analyze(corpus: Path, db: Path, kill_after: float | None, options: Sequence[str] = ()) -> int | None:
    """The exit status, or None when the run was killed before it finished; its output goes to `db`.log."""
    with db.with_suffix(".log").open("ab") as log:
        child = subprocess.Popen(analyze_command(corpus, db, options), stdout=log, stderr=subprocess.STDOUT)
    try:
        return child.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
        return None


def check_after_kill(db: Path, reference: Snapshot, tally: Tally) -> None:
    if not db.exists():
        return  # killed before the store was created
    state = Snapshot.of(db)
    if state.integrity != "ok":
        tally.corrupt += 1
        tally.problems.append(f"{db.name}: integrity_check: {state.integrity}")
    if state.statements != reference.statements_of(state.articles) or not state.articles <= reference.articles:
        tally.partial += 1
        tally.problems.append(f"{db.name}: articles stored without exactly their statements after a kill")


def check_finished(db: Path, reference: Snapshot, tally: Tally) -> None:
    state = Snapshot.of(db)
    tally.rounds += 1
    tally.lost += len(reference.articles - state.articles)
    tally.duplicated += len(state.articles - reference.articles) + (state.article_rows - state.sources)
    tally.statements_lost += len(reference.statements - state.statements)
    tally.statements_extra += len(state.statements - reference.statements)
    if state.integrity != "ok":
        tally.corrupt += 1
        tally.problems.append(f"{db.name}: integrity_check: {state.integrity}")


def soak(
    corpus: Path,
    cycles: int,
    workdir: Path,
    *,
    seed: int = 0,
    options: Sequence[str] = (),
    progress: Callable[[Tally], None] | None = None,
) -> Tally:
    """Kill `analyze OPTIONS` over `corpus` `cycles` times at random moments, resuming each time; see the module doc."""
    began = time.monotonic()
    expected_status = run_analyze(corpus, workdir / "reference.db", None, options)
    if expected_status != 0:
        log = (workdir / "reference.log").read_text(errors="replace")[-2000:]
        raise RuntimeError(f"the uninterrupted reference run failed with status {expected_status}:\n{log}")
    reference = Snapshot.of(workdir / "reference.db")
    longest = (time.monotonic() - began) * 1.2  # kill points spread over the whole run, model loading included
    rng, tally, db = random.Random(seed), Tally(), None
    while tally.cycles < cycles or db is not None:
        if db is None:
            db = workdir / f"round-{tally.rounds + 1}.db"
        kill_after = rng.uniform(0, longest) if tally.cycles < cycles else None
        status = run_analyze(corpus, db, kill_after, options)
        if status is None:
            tally.cycles += 1
            check_after_kill(db, reference, tally)
            if progress:
                progress(tally)
            continue
        if status != expected_status:
            tally.failed_runs += 1
            tally.problems.append(f"{db.name}: a resumed run exited {status}, the reference {expected_status}")
        check_finished(db, reference, tally)
        db = None
    return tally


def main(
    corpus: Annotated[Path, typer.Argument(help="Folder or files to analyse (the sample corpus is a good start).")],
    cycles: Annotated[int, typer.Option(help="Kills, each followed by a restart.")] = 100,
    seed: Annotated[int, typer.Option(help="Seed for the kill points, to repeat a run.")] = 0,
    workers: Annotated[int, typer.Option(min=1, help="Run `analyze --workers N`: the parallel path.")] = 1,
) -> None:
    """Kill `storyline analyze` at random points and print lost and duplicated articles (target: 0 and 0)."""
    options = ["--workers", str(workers)] if workers > 1 else []
    with tempfile.TemporaryDirectory(prefix="storyline-crash-") as scratch:
        tally = soak(corpus, cycles, Path(scratch), seed=seed, options=options,
                     progress=lambda t: print(f"\r{t.cycles}/{cycles} kills", end="", file=sys.stderr, flush=True))  # fmt: skip
    print(file=sys.stderr)
    print(f"cycles {tally.cycles}  rounds {tally.rounds}  lost {tally.lost}  duplicated {tally.duplicated}  "
          f"statements lost {tally.statements_lost}  statements extra {tally.statements_extra}  "
          f"partial {tally.partial}  corrupt {tally.corrupt}  failed runs {tally.failed_runs}")  # fmt: skip
    for problem in tally.problems[:20]:
        print(f"  {problem}")
    raise typer.Exit(0 if tally.clean else 1)


if __name__ == "__main__":
    typer.run(main)
