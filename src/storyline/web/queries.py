"""Read-only queries behind every page and API call: plain SQL over `Store.db`, paginated.

Each function answers one screen's question with a bounded amount of work (indexes below, LIMIT,
totals from indexed counts), so a page costs the same with 300 articles as with 100,000. The SQL is
what SQLite and PostgreSQL both read; full-text search and list aggregation come from `store.dialect`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.analysis.confidence import SHOWN_CONFIDENCE
from storyline.store import Store
from storyline.store.dialect import Connection

MAX_LIMIT = 200


@dataclass(slots=True)
class Page:
    """One slice of a longer list, with what a client needs to ask for the next one."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def prev_offset(self) -> int | None:
        return max(self.offset - self.limit, 0) if self.offset > 0 else None

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset,
                "next_offset": self.next_offset, "items": self.items}  # fmt: skip


@dataclass(slots=True)
class SearchFilters:
    """What the search form asks: words, where to look, and narrowing filters (all optional)."""

    q: str = ""
    scope: str = "statements"  # statements or articles
    speaker: str = ""
    outlet: str = ""
    kind: str = ""  # statement kind: direct, indirect, mixed
    date_from: str = ""
    date_to: str = ""
    every: bool = False  # statements below SHOWN_CONFIDENCE too


def _rows(db: Connection, sql: str, args: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
    return [dict(r) for r in db.execute(sql, args)]


def _scalar(db: Connection, sql: str, args: tuple[Any, ...] | list[Any] = ()) -> Any:
    row = db.execute(sql, args).fetchone()
    return row[0] if row else None


def clamp(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(limit, MAX_LIMIT)), max(0, offset)


def counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in ("articles", "statements", "stories", "storylines", "entities")}


# ---- stories and storylines ---------------------------------------------------------------------

_STORY_SUMMARY = (
    "SELECT s.id, s.label, s.first_seen, s.last_seen, s.storyline_id, l.label AS storyline_label,"
    " (SELECT count(*) FROM story_articles sa WHERE sa.story_id = s.id) AS articles,"
    " (SELECT count(DISTINCT a.outlet) FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
    "  WHERE sa.story_id = s.id) AS outlets"
    " FROM stories s LEFT JOIN storylines l ON l.id = s.storyline_id"
)


def stories(store: Store, limit: int = 20, offset: int = 0) -> Page:
    """Latest first: what an analyst opens the day with."""
    limit, offset = clamp(limit, offset)
    items = _rows(
        store.db, _STORY_SUMMARY + " ORDER BY s.last_seen DESC NULLS LAST, s.id LIMIT ? OFFSET ?", (limit, offset)
    )
    return Page(items, store.count("stories"), limit, offset)


def story_summary(store: Store, story_id: str) -> dict[str, Any] | None:
    rows = _rows(store.db, _STORY_SUMMARY + " WHERE s.id = ?", (story_id,))
    return rows[0] if rows else None


def storylines(store: Store, limit: int = 20, offset: int = 0) -> Page:
    """Most recently active first, with how many stories and articles each threads."""
    limit, offset = clamp(limit, offset)
    items = _rows(
        store.db,
        "SELECT l.id, l.label, l.first_seen, l.last_seen,"
        " (SELECT count(*) FROM stories s WHERE s.storyline_id = l.id) AS stories"
        " FROM storylines l ORDER BY l.last_seen DESC NULLS LAST, l.id LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return Page(items, store.count("storylines"), limit, offset)


def storyline(store: Store, storyline_id: str) -> dict[str, Any] | None:
    """A storyline with its stories in time order and each story's dated articles (the timeline)."""
    rows = _rows(store.db, "SELECT * FROM storylines WHERE id = ?", (storyline_id,))
    if not rows:
        return None
    line = rows[0]
    line["stories"] = _rows(
        store.db, _STORY_SUMMARY + " WHERE s.storyline_id = ? ORDER BY s.first_seen NULLS FIRST, s.id", (storyline_id,)
    )
    for story in line["stories"]:
        story["dates"] = _rows(
            store.db,
            "SELECT a.id, a.outlet, a.title, a.published, a.duplicate_of FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY a.published NULLS FIRST, a.id",
            (story["id"],),
        )
    return line


# ---- speakers ------------------------------------------------------------------------------------


def top_speakers(store: Store, limit: int = 10, offset: int = 0) -> Page:
    """Most-quoted resolved speakers; counted on the speaker index alone, names looked up after."""
    limit, offset = clamp(limit, offset)
    counted = _rows(
        store.db,
        "SELECT speaker_id AS id, count(*) AS statements FROM statements WHERE speaker_id IS NOT NULL AND confidence >= ?"
        " GROUP BY speaker_id ORDER BY statements DESC, speaker_id LIMIT ? OFFSET ?",
        (SHOWN_CONFIDENCE, limit, offset),
    )
    names = store.entities_by_id(r["id"] for r in counted)
    for r in counted:
        entity = names.get(r["id"])
        r["name"] = entity.name if entity else _speaker_name(store, r["id"])
        r["kind"] = entity.kind if entity else "person"
    total = _scalar(
        store.db, "SELECT count(DISTINCT speaker_id) FROM statements WHERE speaker_id IS NOT NULL AND confidence >= ?", (SHOWN_CONFIDENCE,)
    )
    return Page(counted, total or 0, limit, offset)


def _speaker_name(store: Store, speaker_id: str) -> str:
    return _scalar(store.db, "SELECT speaker_name FROM statements WHERE speaker_id = ? LIMIT 1", (speaker_id,)) or speaker_id


def speaker(store: Store, speaker_id: str) -> dict[str, Any] | None:
    """Who a speaker is, every form their name was written in (and by which outlets), and activity by day;
    statements counted as the views show them (at least SHOWN_CONFIDENCE)."""
    entity = store.entities_by_id([speaker_id]).get(speaker_id)
    total = _scalar(store.db, "SELECT count(*) FROM statements WHERE speaker_id = ? AND confidence >= ?", (speaker_id, SHOWN_CONFIDENCE))
    if entity is None and not total:
        return None
    aliases = _rows(
        store.db,
        f"SELECT ea.alias, count(*) AS articles, {store.dialect.group_concat('DISTINCT a.outlet')} AS outlets"
        " FROM entity_aliases ea JOIN articles a ON a.id = ea.article_id WHERE ea.entity_id = ?"
        " GROUP BY ea.alias ORDER BY articles DESC, ea.alias",
        (speaker_id,),
    )
    for a in aliases:
        a["outlets"] = sorted((a["outlets"] or "").split(",")) if a["outlets"] else []
    by_day = _rows(
        store.db,
        "SELECT substr(a.published, 1, 10) AS day, count(*) AS statements FROM statements s"
        " JOIN articles a ON a.id = s.article_id WHERE s.speaker_id = ? AND s.confidence >= ? AND a.published IS NOT NULL"
        " GROUP BY day ORDER BY day",
        (speaker_id, SHOWN_CONFIDENCE),
    )
    return {
        "id": speaker_id,
        "name": entity.name if entity else _speaker_name(store, speaker_id),
        "kind": entity.kind if entity else "person",
        "statements": total,
        "aliases": aliases,
        "by_day": by_day,
    }


_STATEMENT_FROM = " FROM statements s JOIN articles a ON a.id = s.article_id"
_STATEMENT_COLUMNS = (
    "SELECT s.id, s.article_id, s.kind, s.content, s.cue, s.source, s.speaker_id, s.speaker_name,"
    " s.speaker_role, s.confidence, a.outlet, a.published, a.title"
)
_STATEMENT = _STATEMENT_COLUMNS + _STATEMENT_FROM


def speaker_statements(store: Store, speaker_id: str, limit: int = 25, offset: int = 0, every: bool = False) -> Page:
    """A speaker's statements, newest first; below SHOWN_CONFIDENCE only with `every`."""
    limit, offset = clamp(limit, offset)
    floor = 0.0 if every else SHOWN_CONFIDENCE
    items = _rows(
        store.db,
        _STATEMENT
        + " WHERE s.speaker_id = ? AND s.confidence >= ?"
        " ORDER BY a.published DESC NULLS LAST, s.article_id, s.content_start LIMIT ? OFFSET ?",
        (speaker_id, floor, limit, offset),
    )
    total = _scalar(store.db, "SELECT count(*) FROM statements WHERE speaker_id = ? AND confidence >= ?", (speaker_id, floor))
    return Page(items, total, limit, offset)


# ---- articles ------------------------------------------------------------------------------------


def articles(store: Store, limit: int = 25, offset: int = 0) -> Page:
    limit, offset = clamp(limit, offset)
    items = _rows(
        store.db,
        "SELECT a.id, a.title, a.outlet, a.published, a.url, a.duplicate_of, sa.story_id FROM articles a"
        " LEFT JOIN story_articles sa ON sa.article_id = a.id ORDER BY a.published DESC NULLS LAST, a.id"
        " LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return Page(items, store.count("articles"), limit, offset)


def article_meta(store: Store, article_id: str) -> dict[str, Any] | None:
    """What the article page shows around the text: its story and the article it copies, if any."""
    rows = _rows(
        store.db,
        "SELECT a.id, a.duplicate_of, a.duplicate_similarity, sa.story_id, s.label AS story_label,"
        " d.title AS original_title, d.outlet AS original_outlet"
        " FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id"
        " LEFT JOIN stories s ON s.id = sa.story_id LEFT JOIN articles d ON d.id = a.duplicate_of WHERE a.id = ?",
        (article_id,),
    )
    return rows[0] if rows else None


def outlets(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")]


# ---- search --------------------------------------------------------------------------------------


def _article_filters(f: SearchFilters, alias: str = "a") -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if f.outlet:
        where.append(f"{alias}.outlet = ?")
        args.append(f.outlet)
    if f.date_from:
        where.append(f"{alias}.published >= ?")
        args.append(f.date_from)
    if f.date_to:
        where.append(f"{alias}.published < ?")
        args.append(f.date_to + "\uffff")  # the whole last day, whatever the time part
    return where, args


def search(store: Store, f: SearchFilters, limit: int = 20, offset: int = 0) -> Page:
    return (search_articles if f.scope == "articles" else search_statements)(store, f, limit, offset)


def search_articles(store: Store, f: SearchFilters, limit: int = 20, offset: int = 0) -> Page:
    limit, offset = clamp(limit, offset)
    where, args = _article_filters(f)
    if f.speaker:
        where.append("a.id IN (SELECT article_id FROM statements WHERE lower(speaker_name) LIKE lower(?))")
        args.append(f"%{f.speaker}%")
    if f.q.strip():
        dialect = store.dialect
        base = dialect.article_search + "".join(f" AND {w}" for w in where)
        args = [dialect.search_words(f.q), *args]
        select = f"SELECT a.id, a.title, a.outlet, a.published, {dialect.article_snippet} AS snippet"
        order = f" ORDER BY {dialect.article_rank}"
    else:
        base = " FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
        select = "SELECT a.id, a.title, a.outlet, a.published, substr(a.text, 1, 200) AS snippet"
        order = " ORDER BY a.published DESC NULLS LAST, a.id"
    items = _rows(store.db, select + base + order + " LIMIT ? OFFSET ?", [*args, limit, offset])
    total = _scalar(store.db, "SELECT count(*)" + base, args)
    return Page(items, total, limit, offset)


def search_statements(store: Store, f: SearchFilters, limit: int = 20, offset: int = 0) -> Page:
    limit, offset = clamp(limit, offset)
    where, args = _article_filters(f)
    if f.speaker:
        where.append("lower(s.speaker_name) LIKE lower(?)")
        args.append(f"%{f.speaker}%")
    if f.kind:
        where.append("s.kind = ?")
        args.append(f.kind)
    if not f.every:
        where.append("s.confidence >= ?")
        args.append(SHOWN_CONFIDENCE)
    words = store.dialect.search_words(f.q) if f.q.strip() else None
    if words is not None:
        where.insert(0, store.dialect.statement_match)
        args.insert(0, words)
    cond = " WHERE " + " AND ".join(where) if where else ""
    order = " ORDER BY a.published DESC NULLS LAST, s.id LIMIT ? OFFSET ?"
    page = _STATEMENT_COLUMNS + store.dialect.statement_key + _STATEMENT_FROM + cond + order
    if words is None:
        items = _rows(store.db, page, [*args, limit, offset])
    else:  # the hits are marked on the page's rows only, not on every match before the sort
        marked = f"SELECT s.*, {store.dialect.statement_marked} AS marked FROM ({page}) AS s ORDER BY s.published DESC NULLS LAST, s.id"
        items = _rows(store.db, marked, [words, *args, limit, offset])
        for item in items:
            item.pop("rowid", None)
    total = _scalar(store.db, "SELECT count(*)" + _STATEMENT_FROM + cond, args)
    return Page(items, total, limit, offset)
