"""What every request needs: the app's settings and a read-only view of the store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from storyline.store import Store


@dataclass(frozen=True, slots=True)
class Settings:
    db: Path
    allow_ingest: bool = False


def settings(request: Request) -> Settings:
    return request.app.state.settings


def store(request: Request) -> Iterator[Store]:
    """A connection per request that cannot write (`query_only`), whatever a query tries."""
    opened = Store(settings(request).db)
    opened.db.execute("PRAGMA query_only=ON")
    try:
        yield opened
    finally:
        opened.close()
