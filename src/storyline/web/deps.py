"""What every request needs: the app's settings and a read-only view of the store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import Request

from storyline.store import Store, open_store


@dataclass(frozen=True, slots=True)
class Settings:
    db: str  # a SQLite path or a PostgreSQL URL
    allow_ingest: bool = False
    model: str = "fast"  # the statement finder ingest uses (analysis.finders)


def settings(request: Request) -> Settings:
    return request.app.state.settings


def store(request: Request) -> Iterator[Store]:
    """A connection per request that cannot write, whatever a query tries."""
    opened = open_store(settings(request).db)
    opened.read_only()
    try:
        yield opened
    finally:
        opened.close()
