"""One way to say an input failed ingestion, so every reader reports the same stage."""

from __future__ import annotations

from storyline.model import ErrorRecord


def ingest_error(source: str, reason: str) -> ErrorRecord:
    return ErrorRecord(source=source, stage="ingest", reason=reason)
