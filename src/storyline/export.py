"""Rows for `storyline export`: one plain dict per record, the contract scripts depend on.

Spans are `{start, end, text}` with offsets into the article text; `speaker` is `{id, name[, role]}` or
null; statements carry `confidence` and `shown` (at least SHOWN_CONFIDENCE, so listed by default).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from storyline.analysis.confidence import SHOWN_CONFIDENCE, SHOWN_DISCREPANCY
from storyline.compare.discrepancies import quote_changes
from storyline.compare.report import discrepancy_floor
from storyline.store import Store, statement_from_row

Row = dict[str, Any]


def _span(text: str | None, start: int | None, end: int | None) -> dict[str, Any] | None:
    return None if text is None else {"start": start, "end": end, "text": text}


def articles(store: Store) -> Iterator[Row]:
    for r in store.article_rows():
        yield {
            "id": r["id"], "url": r["url"], "outlet": r["outlet"], "title": r["title"],
            "authors": json.loads(r["authors"]), "published": r["published"], "language": r["language"],
            "story_id": r["story_id"], "duplicate_of": r["duplicate_of"], "source": r["source_uri"], "text": r["text"],
        }  # fmt: skip


def statements(store: Store, every: bool = False) -> Iterator[Row]:
    """Statements a reader is shown (confidence at least SHOWN_CONFIDENCE); with `every`, all, each marked."""
    for r in store.statement_rows(min_confidence=0.0 if every else SHOWN_CONFIDENCE):
        s = statement_from_row(r)
        yield {
            "id": s.id,
            "article_id": s.article_id,
            "outlet": r["outlet"],
            "published": r["published"],
            "kind": s.kind,
            "content": s.content.to_dict(),
            "cue": s.cue.to_dict(),
            "source": s.source.to_dict() if s.source else None,
            "speaker": s.speaker.to_dict() if s.speaker else None,
            "confidence": s.confidence,
            "shown": s.confidence >= SHOWN_CONFIDENCE,
        }


def stories(store: Store) -> Iterator[Row]:
    for r in store.story_rows():
        yield {
            "story_id": r["id"], "label": r["label"], "article_ids": store.story_article_ids(r["id"]),
            "storyline_id": r["storyline_id"], "first_seen": r["first_seen"], "last_seen": r["last_seen"],
        }  # fmt: skip


def storylines(store: Store) -> Iterator[Row]:
    for r in store.storyline_rows():
        yield {
            "storyline_id": r["id"], "label": r["label"], "story_ids": sorted(r["story_ids"].split(",")),
            "first_seen": r["first_seen"], "last_seen": r["last_seen"],
        }  # fmt: skip


def entities(store: Store) -> Iterator[Row]:
    yield from store.entity_rows()


def discrepancies(store: Store, every: bool = False) -> Iterator[Row]:
    """Discrepancies a reader is shown (confidence at least SHOWN_DISCREPANCY); with `every`, all, each marked."""
    for d in store.discrepancies(min_confidence=discrepancy_floor(every)):
        yield {
            "id": d.id, "attribute": d.attribute, "subject": d.subject, "story_id": d.story_id,
            "storyline_id": d.storyline_id, "confidence": d.confidence, "shown": d.confidence >= SHOWN_DISCREPANCY,
            "removed": (changes := quote_changes(d))[0], "added": changes[1],
            "evidence": [
                {"article_id": e.article_id, "outlet": e.outlet, "value": e.value, "span": e.span.to_dict(),
                 "changed": [c.to_dict() for c in e.changed], "misquoted": e.misquoted}
                for e in d.evidence
            ],
        }  # fmt: skip


def errors(store: Store) -> Iterator[Row]:
    for r in store.error_rows():
        yield {"source": r["source"], "stage": r["stage"], "reason": r["reason"], "at": r["at"]}


EXPORTS: dict[str, Callable[..., Iterable[Row]]] = {
    "articles": articles,
    "statements": statements,
    "stories": stories,
    "storylines": storylines,
    "entities": entities,
    "discrepancies": discrepancies,
    "errors": errors,
}


def write_jsonl(rows: Iterable[Row], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(rows: Iterable[Row], out: TextIO) -> None:
    """Nested values as JSON text; cells that a spreadsheet would run as a formula are defused."""
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in row.items()})


WRITERS: dict[str, Callable[[Iterable[Row], TextIO], None]] = {"jsonl": write_jsonl, "csv": write_csv}


# Records with a confidence, of which readers see only the sure ones unless `every`.
SCORED = frozenset({"statements", "discrepancies"})


def rows(store: Store, what: str, every: bool = False) -> Iterator[Row]:
    """The records of one kind; `every` reaches statements and discrepancies below the shown confidence."""
    return EXPORTS[what](store, every) if what in SCORED else iter(EXPORTS[what](store))


def export(store: Store, what: str, fmt: str = "jsonl", every: bool = False) -> str:
    out = io.StringIO()
    WRITERS[fmt](rows(store, what, every), out)
    return out.getvalue()
