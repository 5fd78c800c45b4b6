"""What the commands print on: stdout for results, with the pipe manners of a Unix tool; progress on stderr."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


class Stdout(Console):
    """A console for results: when the reader goes away (`| head`), rich would exit 1 on its own.

    Raising lets the command group (`storyline.cli.Commands`) end the run quietly with status 0.
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


# Seconds between plain progress lines when stderr is not a terminal (a log, CI, cron); tests set it low.
PROGRESS_SECONDS_VARIABLE = "STORYLINE_PROGRESS_SECONDS"
PROGRESS_SECONDS = 10.0


class Lines:
    """Progress off a terminal, where a bar would print nothing: a plain line at most every `every` seconds."""

    def __init__(self, console: Console, description: str, total: int | None, every: float) -> None:
        self.console, self.description, self.total, self.every = console, description, total, every
        self.done = 0
        self.began = self.last = time.monotonic()

    def __call__(self, _source: str) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            total = "?" if self.total is None else self.total
            self.console.print(f"{self.description} {self.done}/{total} ({now - self.began:.0f} s)", highlight=False)


@contextmanager
def progress(console: Console, description: str, total: int | None) -> Iterator[Callable[[str], None]]:
    """A callback to call once per input done: a bar with `done/total` on a terminal, else plain lines."""
    if not console.is_terminal:
        yield Lines(console, description, total, float(os.environ.get(PROGRESS_SECONDS_VARIABLE, PROGRESS_SECONDS)))
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda _source: bar.advance(task)
