"""Documents from JSONL and CSV tables: one row, one article, with the columns it already knows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from storyline.ingest.content import TooLarge, problem_with, read_capped
from storyline.ingest.errors import ingest_error
from storyline.model import Document, ErrorRecord

META_COLUMNS = ("id", "url", "outlet", "title", "published", "authors")
# Other names tables use for the same columns (news datasets say "date" and "source"): the first one a row fills is read.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "published": ("published", "date", "published_at", "publish_date", "pubdate", "datetime"),
    "outlet": ("outlet", "source", "publisher", "site", "domain"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
}
# Article HTML easily exceeds the csv module's 128 KB default field limit.
_CSV_FIELD_LIMIT = 16 * 1024 * 1024


def read_jsonl(path: Path, uri: str) -> Iterator[Document | ErrorRecord]:
    text = _read_text(path, uri)
    if isinstance(text, ErrorRecord):
        yield text
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        row_uri = f"{uri}#{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ingest_error(row_uri, f"row is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(row, dict):
            yield ingest_error(row_uri, "row is not a JSON object")
            continue
        yield _document(row_uri, row, authors=_authors_from_json(row.get("authors") or row.get("author")))


def read_csv(path: Path, uri: str) -> Iterator[Document | ErrorRecord]:
    text = _read_text(path, uri)
    if isinstance(text, ErrorRecord):
        yield text
        return
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    rows = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for number, row in enumerate(rows, start=1):
            authors = (row.get("authors") or row.get("author") or "").split(";")
            yield _document(f"{uri}#{number}", row, authors=authors)
    except csv.Error as exc:
        yield ingest_error(f"{uri}#{rows.line_num}", f"CSV is malformed ({exc})")


def count_jsonl(path: Path) -> int:
    """Rows `read_jsonl` yields (documents and errors), without parsing them: for a progress total."""
    text = _read_text(path, str(path))
    return 1 if isinstance(text, ErrorRecord) else sum(1 for line in text.splitlines() if line.strip())


def count_csv(path: Path) -> int:
    """Rows `read_csv` yields; quoted fields may span lines, so the rows are split but not made documents."""
    text = _read_text(path, str(path))
    if isinstance(text, ErrorRecord):
        return 1
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    rows = 0
    try:
        for _ in csv.DictReader(io.StringIO(text, newline="")):
            rows += 1
    except csv.Error:
        rows += 1  # read_csv ends with one error there
    return rows


def _read_text(path: Path, uri: str) -> str | ErrorRecord:
    try:
        payload = read_capped(path)
    except TooLarge as exc:
        return ingest_error(uri, str(exc))
    except OSError as exc:
        return ingest_error(uri, f"file could not be read ({exc.strerror or exc})")
    problem = problem_with(payload)
    if problem:
        return ingest_error(uri, problem)
    try:
        return payload.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return ingest_error(uri, f"table is not UTF-8 text (bad byte at offset {exc.start})")


def _document(uri: str, row: Mapping[str, Any], authors: list[Any]) -> Document | ErrorRecord:
    """A row with html becomes an HTML page (it carries more metadata); else its text is used."""
    html, text = _string(row.get("html")), _string(row.get("text"))
    if not html and not text:
        return ingest_error(uri, "row has neither 'text' nor 'html'")
    meta = {key: value for key in META_COLUMNS if key != "authors" and (value := _column(row, key))}
    names = [name for name in (_string(author) for author in authors) if name]
    if names:
        meta["authors"] = "; ".join(names)
    if html:
        return Document(uri=uri, content=html, content_type="text/html", origin="table", meta=meta)
    return Document(uri=uri, content=text, content_type="text/plain", origin="table", meta=meta)


def _column(row: Mapping[str, Any], key: str) -> str:
    return next((value for name in COLUMN_ALIASES.get(key, (key,)) if (value := _string(row.get(name)))), "")


def _authors_from_json(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return str(value).split(";") if value else []


def _string(value: Any) -> str:
    return "" if value is None else str(value).strip()
