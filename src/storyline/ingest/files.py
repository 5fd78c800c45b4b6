"""Documents from files and folders: one reader per file kind, chosen from a table by extension."""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from storyline.ingest import tables, warc
from storyline.ingest.content import TooLarge, gunzip, problem_with, read_capped
from storyline.ingest.errors import ingest_error
from storyline.model import Document, ErrorRecord

Reader = Callable[[Path, str], Iterator[Document | ErrorRecord]]


def _page(content_type: str, *, gzipped: bool = False) -> Reader:
    """A reader for a file that holds exactly one page."""

    def read(path: Path, uri: str) -> Iterator[Document | ErrorRecord]:
        try:
            payload = read_capped(path)
            if gzipped:
                payload = gunzip(payload)
        except (TooLarge, EOFError, zlib.error, OSError) as exc:
            yield ingest_error(uri, _os_reason(exc))
            return
        problem = problem_with(payload)
        if problem:
            yield ingest_error(uri, problem)
            return
        content: bytes | str = payload
        if content_type == "text/plain":
            content = payload.decode("utf-8-sig", errors="replace")
        yield Document(uri=uri, content=content, content_type=content_type, origin="file")

    return read


# Longest suffixes first, so ".html.gz" wins over ".gz".
READERS: dict[str, Reader] = {
    ".html.gz": _page("text/html", gzipped=True),
    ".htm.gz": _page("text/html", gzipped=True),
    ".xhtml": _page("text/html"),
    ".html": _page("text/html"),
    ".htm": _page("text/html"),
    ".text": _page("text/plain"),
    ".txt": _page("text/plain"),
    ".md": _page("text/plain"),
    ".warc.gz": warc.read_warc,
    ".warc": warc.read_warc,
    ".jsonl": tables.read_jsonl,
    ".csv": tables.read_csv,
}


# How many documents a file holds, known without reading its pages (a page holds one); None: not known
# before reading it all (a WARC archive's records are found by decompressing and parsing it).
COUNTERS: dict[str, Callable[[Path], int | None]] = {
    ".warc.gz": lambda _: None, ".warc": lambda _: None, ".jsonl": tables.count_jsonl, ".csv": tables.count_csv,
}  # fmt: skip


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    return next((reader for suffix, reader in READERS.items() if name.endswith(suffix)), None)


def from_path(given: str) -> Iterator[Document | ErrorRecord]:
    """Documents under a path as the user wrote it; the path as given is each document's uri."""
    path = Path(given)
    if path.is_dir():
        yield from _from_folder(path)
    elif path.is_file():
        reader = reader_for(path)
        if reader is None:
            known = ", ".join(sorted(READERS))
            yield ingest_error(given, f"unsupported file type (expected one of {known})")
        else:
            yield from reader(path, given)
    elif path.exists():
        yield ingest_error(given, "not a regular file or folder")
    else:
        yield ingest_error(given, "no such file or folder")


def count_documents(given: str) -> int | None:
    """How many documents and errors `from_path(given)` yields, or None when that is not cheap to know."""
    path = Path(given)
    if not path.is_dir():
        return _count_file(path) if path.is_file() and reader_for(path) else 1
    total = 0
    for item in _walk(path):
        count = 1 if isinstance(item, ErrorRecord) else _count_file(item) if reader_for(item) else 0
        if count is None:
            return None
        total += count
    return total


def _count_file(path: Path) -> int | None:
    name = path.name.lower()
    return next((counter(path) for suffix, counter in COUNTERS.items() if name.endswith(suffix)), 1)


def _from_folder(folder: Path) -> Iterator[Document | ErrorRecord]:
    """Known files below the folder in sorted order; hidden entries and unknown kinds are skipped."""
    for path in _walk(folder):
        if isinstance(path, ErrorRecord):
            yield path
            continue
        reader = reader_for(path)
        if reader is not None:
            yield from reader(path, str(path))


def _walk(folder: Path) -> Iterator[Path | ErrorRecord]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield ingest_error(str(folder), f"folder could not be read ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file():
            yield path


def _os_reason(exc: Exception) -> str:
    if isinstance(exc, TooLarge):
        return str(exc)
    if isinstance(exc, (EOFError, zlib.error)):
        return f"not a valid gzip file ({exc})"
    if isinstance(exc, PermissionError):
        return "file is not readable (permission denied)"
    return f"file could not be read ({exc.strerror or exc})"
