"""storyline: news from many outlets as stories, statements and speakers.

Each stage is usable alone::

    import storyline
    article = storyline.extract(html, url="https://example.org/a")
    for s in storyline.statements(article.text):
        print(s.speaker.name if s.speaker else "?", s.cue.text, s.content.text)
    storyline.analyze(["examples/corpus"], db="storyline.db")

Heavy libraries (spaCy, trafilatura) load on first use, not on import.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.model import (
    Article,
    Discrepancy,
    Document,
    Entity,
    ErrorRecord,
    Mention,
    Span,
    Speaker,
    Statement,
    StatementGroup,
    Story,
    Storyline,
)

if TYPE_CHECKING:
    from storyline.pipeline import RunSummary

__version__ = "0.1.0"


def extract(html: str | bytes | Document, url: str | None = None) -> Article:
    """Main text and metadata of one page (or plain text), site chrome removed."""
    from storyline.extraction import extract as run

    return run(html, url=url)


def statements(text: str, model: str = "fast") -> list[Statement]:
    """Statements in a text, with cue, content, source and resolved speaker; offsets into `text`.

    `model` is "fast" (rules) or "accurate" (a learned tagger beside the rules, about 0.2 s more a page)."""
    from storyline.analysis import statements as run

    return run(text, model)


def analyze(
    inputs: Iterable[str | Path] | str | Path,
    db: str | Path = "storyline.db",
    *,
    workers: int = 1,
    dask: str | None = None,
    model: str = "fast",
) -> RunSummary:
    """Run the whole pipeline over files, folders, URLs or tables into the SQLite store at `db`.

    `workers` > 1 reads and analyses on that many processes; `dask` is a Dask scheduler address, or
    "local" for a LocalCluster of `workers` processes. The store ends the same either way. `model`
    names the statement finder, as for `statements`.
    """
    from storyline.pipeline import analyze as run

    return run(inputs, db, workers=workers, dask=dask, model=model)


__all__ = [
    "Article", "Discrepancy", "Document", "Entity", "ErrorRecord", "Mention", "Span", "Speaker",
    "Statement", "StatementGroup", "Story", "Storyline", "analyze", "extract", "statements",
]  # fmt: skip
