"""Turn paths and URLs into raw `Document`s; bad inputs become `ErrorRecord`s, never exceptions."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from storyline.ingest.files import from_path
from storyline.ingest.urls import Fetcher, fetch, is_url
from storyline.model import Document, ErrorRecord

__all__ = ["documents"]


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
