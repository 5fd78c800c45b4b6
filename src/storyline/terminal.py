"""What the commands print on: stdout for results, with the pipe manners of a Unix tool."""

from __future__ import annotations

from rich.console import Console


class Stdout(Console):
    """A console for results: when the reader goes away (`| head`), rich would exit 1 on its own.

    Raising lets the command group (`storyline.cli.Commands`) end the run quietly with status 0.
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError
