"""What differs between SQLite and PostgreSQL, in one place: the store's SQL is otherwise the same text.

The store writes portable SQL (`?` placeholders, `ON CONFLICT` upserts, explicit `NULLS FIRST/LAST`)
and asks its dialect only for what has no common spelling: full-text search, list aggregation, the
schema additions and how to make a connection read-only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

# Snippet markers that cannot occur in text: the snippet is escaped first, then they become <mark>.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


class Row(Protocol):
    """A result row read by position or by column name (sqlite3.Row, or the PostgreSQL store's Row)."""

    def __getitem__(self, key: int | str) -> Any: ...

    def keys(self) -> list[str]: ...


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of a DB-API connection the store and the views use, with `?` placeholders."""

    def execute(self, sql: str, args: Sequence[Any] = ...) -> Cursor: ...

    def executemany(self, sql: str, rows: Any) -> Any: ...

    def close(self) -> None: ...


def fts_query(text: str) -> str:
    """User words as an FTS5 query that cannot be a syntax error: each word quoted, all required."""
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"' for w in words) or '""'


@dataclass(frozen=True, slots=True)
class Dialect:
    """SQL fragments for one database; statement aliases are `s` (statements) and `a` (articles)."""

    name: str
    schema: str  # the script run after the portable schema.sql
    table_exists: str  # one `?`: the table name
    read_only: str  # makes this connection refuse writes
    statement_match: str  # condition with one `?` (a `search_words` value): statements whose words match
    statement_marked: str  # expression with one `?`: a matching statement's whole content, MARK_OPEN/MARK_CLOSE around hits
    statement_key: str  # what else `statement_marked` reads of a statement row, selected beside its columns
    article_search: str  # FROM … WHERE with one `?`: the matching articles, for the two below
    article_snippet: str  # expression: the matched passage with MARK_OPEN/MARK_CLOSE around hits
    article_rank: str  # ORDER BY expression: best match first
    aggregate: str  # `{}` is the expression (optionally with DISTINCT): its values joined by commas

    def search_words(self, text: str) -> str:
        """The parameter for `statement_match` and `article_search`: any user text is safe."""
        return fts_query(text) if self.name == "sqlite" else text

    def group_concat(self, expression: str) -> str:
        return self.aggregate.format(expression)


SQLITE = Dialect(
    name="sqlite",
    schema="schema_sqlite.sql",
    table_exists="SELECT 1 FROM sqlite_master WHERE name=?",
    read_only="PRAGMA query_only=ON",
    statement_match="s.rowid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)",
    statement_marked=(
        f"(SELECT highlight(statements_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}') FROM statements_fts"
        " WHERE statements_fts MATCH ? AND rowid = s.rowid)"
    ),
    statement_key=", s.rowid AS rowid",
    article_search=" FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?",
    article_snippet=f"snippet(articles_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24)",
    article_rank="rank",
    aggregate="group_concat({})",
)

# The tsvector expressions are those of the GIN indexes in schema_postgresql.sql, so the planner uses them.
_ARTICLE_WORDS = "to_tsvector('simple', coalesce(a.title, '') || ' ' || a.text)"
POSTGRESQL = Dialect(
    name="postgresql",
    schema="schema_postgresql.sql",
    table_exists="SELECT 1 WHERE to_regclass(?) IS NOT NULL",
    read_only="SET default_transaction_read_only = on",
    statement_match=(
        "to_tsvector('simple', s.content || ' ' || coalesce(s.speaker_name, '')) @@ plainto_tsquery('simple', ?)"
    ),
    statement_marked=(
        f"ts_headline('simple', s.content, plainto_tsquery('simple', ?), "
        f"'StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, HighlightAll=true')"
    ),
    statement_key="",
    article_search=f" FROM articles a CROSS JOIN plainto_tsquery('simple', ?) AS q WHERE {_ARTICLE_WORDS} @@ q",
    article_snippet=(
        f"ts_headline('simple', a.text, q, 'StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxFragments=1, MaxWords=24')"
    ),
    article_rank=f"ts_rank({_ARTICLE_WORDS}, q) DESC",
    aggregate="string_agg({}, ',')",
)
