"""Turn paths and URLs into raw `Document`s; bad inputs become `ErrorRecord`s, never exceptions."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from storyline.ingest.files import count_documents, from_path
from storyline.ingest.urls import Fetcher, fetch, is_url
from storyline.model import Document, ErrorRecord

__all__ = ["count", "documents"]


def documents(
    inputs: Iterable[str | os.PathLike], *, allow_private: bool = False
) -> Iterator[Document | ErrorRecord]:
    """Every document the inputs hold, in input order; a bad input yields its error and the run goes on."""
    fetcher = Fetcher(allow_private=allow_private)  # one per run: robots.txt and rate limits per host
    for item in inputs:
        text = os.fspath(item)
        if is_url(text):
            yield fetch(text, fetcher=fetcher)
        else:
            yield from from_path(text)


def count(inputs: Iterable[str | os.PathLike]) -> int | None:
    """How many documents and errors `documents(inputs)` yields, for a progress total; None when a WARC
    archive is among them (its records are only known by reading it all). Reads tables, never pages."""
    total = 0
    for item in inputs:
        text = os.fspath(item)
        found = 1 if is_url(text) else count_documents(text)
        if found is None:
            return None
        total += found
    return total
