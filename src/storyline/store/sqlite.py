"""The store: storyline's memory, written by one writer and read by every view; SQLite here.

Each article is saved with everything derived from it in one transaction, so a killed run leaves
either the whole article or none of it, and the next run carries on where this one stopped. The SQL
is portable; what SQLite and PostgreSQL spell differently comes from `self.dialect`, so the
PostgreSQL store (store/postgres.py) only changes how to connect, migrate and hold a transaction.
"""

from __future__ import annotations

import base64
import itertools
import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.model import (
    Article,
    Discrepancy,
    Entity,
    EntityKey,
    ErrorRecord,
    Evidence,
    Mention,
    Span,
    Speaker,
    Statement,
    StatementGroup,
    Story,
    Storyline,
)
from storyline.store.dialect import SQLITE, Connection, Dialect, Row

if TYPE_CHECKING:
    from storyline.relate.duplicates import DuplicateMatch

SCHEMA_VERSION = 8
# Tables an older store is given rows for when first opened, and the version each came with:
# its articles their minhash buckets (`fill_buckets`), its entities their keys (`fill_entity_keys`).
BACKFILLS = {"buckets": 4, "entity_keys": 5}
# Columns an older store's tables are given when first opened (empty for the rows already there).
ADDED_COLUMNS = {
    ("statements", "speaker_role", "TEXT"): 6,
    ("discrepancies", "confidence", "REAL NOT NULL DEFAULT 1.0"): 7,
    ("discrepancy_evidence", "changed", "TEXT NOT NULL DEFAULT '[]'"): 7,
    ("discrepancy_evidence", "misquoted", "INTEGER NOT NULL DEFAULT 0"): 7,
}


class StoreError(RuntimeError):
    """The database cannot be used as a storyline store (newer schema, not SQLite, server unreachable, …)."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _encode_record(record: dict[str, Any]) -> str:
    """JSON with binary arrays as base64, so any feature record round-trips through one column."""
    return json.dumps(
        {k: {"$b64": base64.b64encode(v).decode("ascii")} if isinstance(v, bytes) else v for k, v in record.items()}
    )


def _decode_record(text: str) -> dict[str, Any]:
    raw = json.loads(text)
    return {k: base64.b64decode(v["$b64"]) if isinstance(v, dict) and "$b64" in v else v for k, v in raw.items()}


def schema_script(dialect: Dialect) -> str:
    """The portable schema followed by the dialect's own part (full-text search, what it lacks)."""
    files = resources.files("storyline.store")
    return "\n".join(files.joinpath(name).read_text(encoding="utf-8") for name in ("schema.sql", dialect.schema))


# Run after the schema script, in its transaction.
SET_VERSION = (
    f"INSERT INTO meta(key, value) VALUES ('schema_version', '{SCHEMA_VERSION}')"
    " ON CONFLICT(key) DO UPDATE SET value=excluded.value"
)


# Run in every write transaction: readers that cache what they computed (the web UI) ask for it to know
# whether the store changed since.
BUMP_REVISION = (
    "INSERT INTO meta(key, value) VALUES ('revision', '1')"
    " ON CONFLICT(key) DO UPDATE SET value=CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)"
)


def _span(text: str | None, start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None or text is None else Span(start, end, text)


class Store:
    """An embedded SQLite store (WAL, FTS5 over article text and statement content)."""

    dialect: Dialect = SQLITE
    db: Connection

    def __init__(self, path: str | Path = "storyline.db") -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a storyline store ({exc})") from exc

    def _migrate(self) -> None:
        version = 0
        if self.db.execute(self.dialect.table_exists, ("meta",)).fetchone():
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this storyline ({SCHEMA_VERSION}): upgrade storyline"
            )
        if version < SCHEMA_VERSION:
            added = [
                f"ALTER TABLE {t} ADD COLUMN {c} {kind}"
                for (t, c, kind), since in ADDED_COLUMNS.items()
                if 0 < version < since and c not in self._columns(t)
            ]
            self._create_schema(";\n".join([*added, schema_script(self.dialect)]))
        if missing := [table for table, since in BACKFILLS.items() if 0 < version < since]:
            with self.transaction() as db:
                for table in missing:
                    db.execute("INSERT INTO meta(key, value) VALUES (?, 'missing') ON CONFLICT(key) DO NOTHING", (table,))

    def _columns(self, table: str) -> set[str]:
        """The table's columns as they are: a store rolled back to an older version may keep newer ones."""
        return {d[0] for d in self.db.execute(f"SELECT * FROM {table} LIMIT 0").description}

    def _missing(self, table: str) -> bool:
        return self.db.execute("SELECT 1 FROM meta WHERE key=? AND value='missing'", (table,)).fetchone() is not None

    def _create_schema(self, script: str) -> None:
        # executescript commits any open transaction first: the script brings its own.
        self.db.executescript(f"BEGIN IMMEDIATE;\n{script}\n{SET_VERSION};\nCOMMIT;")  # type: ignore[attr-defined]

    def optimize(self) -> None:
        """Refresh the query planner's statistics, so views pick the right indexes on a big store."""
        self.db.execute("ANALYZE")

    def read_only(self) -> None:
        """Make this connection refuse every write, whatever a query tries (the web UI's connections)."""
        self.db.execute(self.dialect.read_only)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            self.db.execute(BUMP_REVISION)
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def revision(self) -> int:
        """A number that changes with every committed write, whoever wrote: the key for caches of views."""
        row = self.db.execute("SELECT value FROM meta WHERE key='revision'").fetchone()
        return int(row[0]) if row else 0

    # ---- writing -------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def article_text(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()
        return None if row is None else row[0]

    def has_source(self, uri: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE source_uri=?", (uri,)).fetchone() is not None

    def save_article(
        self,
        article: Article,
        *,
        features: dict[str, Any],
        story_id: str,
        duplicate_of: str | None = None,
        duplicate_similarity: float | None = None,
        entities: Iterable[Entity] = (),
        entity_keys: Iterable[EntityKey] = (),
        buckets: Iterable[int] = (),
    ) -> None:
        """Everything known about one article, atomically; re-saving a stored id is a no-op."""
        with self.transaction() as db:
            added = db.execute(
                "INSERT INTO articles(id, url, outlet, title, authors, published, language, text, source_uri,"
                " removed, sentences, duplicate_of, duplicate_similarity, added_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
                (
                    article.id, article.url, article.outlet, article.title, json.dumps(article.authors),
                    article.published, article.language, article.text, article.source_uri,
                    json.dumps(article.removed), json.dumps([[s.start, s.end] for s in article.sentences]),
                    duplicate_of, duplicate_similarity, _now(),
                ),
            )  # fmt: skip
            if added.rowcount == 0:  # stored already (by another run, or a writer on another machine)
                return
            db.executemany(
                'INSERT INTO mentions(article_id, start, "end", entity_id, kind, via) VALUES (?,?,?,?,?,?)'
                " ON CONFLICT DO NOTHING",
                [(m.article_id, m.span.start, m.span.end, m.entity_id, m.kind, m.via) for m in article.mentions],
            )
            db.executemany(
                "INSERT INTO statements(id, article_id, kind, content_start, content_end, content, cue_start, cue_end,"
                " cue, source_start, source_end, source, speaker_id, speaker_name, speaker_kind, confidence, speaker_role)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                [_statement_row(s) for s in article.statements],
            )
            self._save_entities(db, entities, entity_keys)  # after the statements: a renamed speaker renames them too
            db.execute("INSERT INTO features(article_id, record) VALUES (?,?)", (article.id, _encode_record(features)))
            self._save_buckets(db, article.id, buckets)
            db.execute("INSERT INTO story_articles(article_id, story_id) VALUES (?,?)", (article.id, story_id))
            db.execute(
                "INSERT INTO stories(id, label, dirty) VALUES (?, ?, 1)"
                " ON CONFLICT(id) DO UPDATE SET dirty=1",
                (story_id, article.title or story_id),
            )
            if article.source_uri:
                db.execute("DELETE FROM errors WHERE source=?", (article.source_uri,))

    def mark_duplicates(self, original_id: str, matches: Iterable[DuplicateMatch]) -> None:
        """Point stored copies at an original that arrived after them (an earlier publication)."""
        with self.transaction() as db:
            db.execute("UPDATE articles SET duplicate_of=NULL, duplicate_similarity=NULL WHERE id=?", (original_id,))
            db.executemany(
                "UPDATE articles SET duplicate_of=?, duplicate_similarity=? WHERE id=?",
                [(m.original_id, m.similarity, m.article_id) for m in matches],
            )

    @staticmethod
    def _save_buckets(db: Connection, article_id: str, buckets: Iterable[int]) -> None:
        db.executemany(
            "INSERT INTO minhash_buckets(bucket, article_id) VALUES (?,?) ON CONFLICT DO NOTHING",
            [(bucket, article_id) for bucket in buckets],
        )

    def fill_buckets(self, buckets: Callable[[dict[str, Any]], Iterable[int]]) -> None:
        """Give each article of a store older than the bucket table its buckets, from its feature record."""
        if not self._missing("buckets"):
            return
        with self.transaction() as db:
            for r in db.execute("SELECT article_id, record FROM features"):
                self._save_buckets(db, r["article_id"], buckets(_decode_record(r["record"])))
            db.execute("DELETE FROM meta WHERE key='buckets'")

    def fill_entity_keys(self, keys: Callable[[Entity], Iterable[tuple[str, str]]]) -> None:
        """File each entity of a store older than the key table under its (space, key) pairs, numbered
        in the order the entities were stored, which is how the registry of that version broke ties."""
        if not self._missing("entity_keys"):
            return
        with self.transaction() as db:
            rows = db.execute(
                "SELECT e.id, e.name, e.kind, a.alias FROM entities e LEFT JOIN entity_aliases a ON a.entity_id = e.id"
                " ORDER BY e.rowid, a.alias"
            )
            seq = 0
            for entity_id, group in itertools.groupby(rows, key=lambda r: r[0]):
                first, *rest = group
                entity = Entity(entity_id, first[1], first[2])
                entity.aliases = {r[3]: set() for r in (first, *rest) if r[3] is not None}
                if filed := [EntityKey(space, key, entity_id, seq) for space, key in keys(entity)]:
                    self._save_keys(db, filed)
                    seq += 1
            db.execute("DELETE FROM meta WHERE key='entity_keys'")

    @staticmethod
    def _save_keys(db: Connection, keys: Iterable[EntityKey]) -> None:
        db.executemany(
            "INSERT INTO entity_keys(entity_id, space, key, seq) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            [(k.entity_id, k.space, k.key, k.seq) for k in keys],
        )

    @classmethod
    def _save_entities(cls, db: Connection, entities: Iterable[Entity], keys: Iterable[EntityKey]) -> None:
        """Entities with the aliases they gained (only those: a famous name's would be the whole corpus)."""
        for entity in entities:
            before = db.execute("SELECT name FROM entities WHERE id=?", (entity.id,)).fetchone()
            db.execute(
                "INSERT INTO entities(id, name, kind) VALUES (?,?,?)"
                " ON CONFLICT(id) DO UPDATE SET name=excluded.name, kind=excluded.kind",
                (entity.id, entity.name, entity.kind),
            )
            db.executemany(
                "INSERT INTO entity_aliases(entity_id, alias, article_id) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                [(entity.id, alias, aid) for alias, ids in entity.aliases.items() for aid in sorted(ids)],
            )
            if before is None or before[0] != entity.name:  # only then: a famous speaker has thousands of statements
                db.execute(
                    "UPDATE statements SET speaker_name=? WHERE speaker_id=? AND (speaker_name IS NULL OR speaker_name<>?)",
                    (entity.name, entity.id, entity.name),
                )
        cls._save_keys(db, keys)

    def add_error(self, error: ErrorRecord) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO errors(source, stage, reason, at) VALUES (?,?,?,?)"
                " ON CONFLICT(source, stage) DO UPDATE SET reason=excluded.reason, at=excluded.at",
                (error.source, error.stage, error.reason, error.at.isoformat(timespec="seconds")),
            )

    def save_stories(self, stories: Sequence[Story], storylines: Sequence[Storyline]) -> None:
        """The current clustering: story labels and dates, and the storylines that thread them."""
        with self.transaction() as db:
            db.execute("DELETE FROM storylines")
            db.executemany(
                "INSERT INTO storylines(id, label, first_seen, last_seen) VALUES (?,?,?,?)",
                [(s.id, s.label, s.first_seen, s.last_seen) for s in storylines],
            )
            for story in stories:
                db.execute(
                    "INSERT INTO stories(id, label, first_seen, last_seen, storyline_id) VALUES (?,?,?,?,?)"
                    " ON CONFLICT(id) DO UPDATE SET label=excluded.label, first_seen=excluded.first_seen,"
                    " last_seen=excluded.last_seen, storyline_id=excluded.storyline_id",
                    (story.id, story.label, story.first_seen, story.last_seen, story.storyline_id),
                )

    def replace_comparison(
        self, story_id: str, groups: Sequence[StatementGroup], discrepancies: Sequence[Discrepancy]
    ) -> None:
        """A story's statement groups and discrepancies, recomputed as a whole; clears its dirty flag."""
        with self.transaction() as db:
            old = [r[0] for r in db.execute("SELECT id FROM statement_groups WHERE story_id=?", (story_id,))]
            db.executemany("DELETE FROM statement_group_members WHERE group_id=?", [(g,) for g in old])
            db.execute("DELETE FROM statement_groups WHERE story_id=?", (story_id,))
            for group in groups:
                db.execute(
                    "INSERT INTO statement_groups(id, story_id, relation, speaker_id, speaker_name) VALUES (?,?,?,?,?)"
                    " ON CONFLICT(id) DO UPDATE SET story_id=excluded.story_id, relation=excluded.relation,"
                    " speaker_id=excluded.speaker_id, speaker_name=excluded.speaker_name",
                    (group.id, story_id, group.relation, group.speaker.id if group.speaker else None,
                     group.speaker.name if group.speaker else None),
                )  # fmt: skip
                db.executemany(
                    "INSERT INTO statement_group_members(group_id, statement_id, misquoted) VALUES (?,?,?)"
                    " ON CONFLICT DO NOTHING",
                    [(group.id, sid, int(sid in group.misquoted)) for sid in group.statement_ids],
                )
            self._replace_discrepancies(db, "story_id", story_id, discrepancies)
            db.execute("UPDATE stories SET dirty=0 WHERE id=?", (story_id,))

    def replace_storyline_discrepancies(self, storyline_id: str, discrepancies: Sequence[Discrepancy]) -> None:
        with self.transaction() as db:
            self._replace_discrepancies(db, "storyline_id", storyline_id, discrepancies)

    @staticmethod
    def _replace_discrepancies(db: Connection, scope: str, scope_id: str, discrepancies: Sequence[Discrepancy]) -> None:
        column = {"story_id": "story_id", "storyline_id": "storyline_id"}[scope]
        old = [r[0] for r in db.execute(f"SELECT id FROM discrepancies WHERE {column}=?", (scope_id,))]
        db.executemany("DELETE FROM discrepancy_evidence WHERE discrepancy_id=?", [(d,) for d in old])
        db.execute(f"DELETE FROM discrepancies WHERE {column}=?", (scope_id,))
        for d in discrepancies:
            db.execute(
                "INSERT INTO discrepancies(id, attribute, subject, story_id, storyline_id, confidence) VALUES (?,?,?,?,?,?)"
                " ON CONFLICT(id) DO UPDATE SET attribute=excluded.attribute, subject=excluded.subject,"
                " story_id=excluded.story_id, storyline_id=excluded.storyline_id, confidence=excluded.confidence",
                (d.id, d.attribute, d.subject, d.story_id, d.storyline_id, d.confidence),
            )
            db.executemany(
                'INSERT INTO discrepancy_evidence(discrepancy_id, article_id, outlet, value, start, "end", text, changed, misquoted)'
                " VALUES (?,?,?,?,?,?,?,?,?)",
                [(d.id, e.article_id, e.outlet, e.value, e.span.start, e.span.end, e.span.text,
                  json.dumps([[c.start, c.end] for c in e.changed]), int(e.misquoted)) for e in d.evidence],  # fmt: skip
            )

    # ---- reading: the relate stage's memory ----------------------------------------------------

    def filed_entities(self, space: str, keys: Collection[str], limit: int | None = None) -> list[tuple[str, int, str]]:
        """(id, seq, name) of each entity filed under one of `keys` in `space` (the registry's candidates);
        with `limit`, only the first registered that many."""
        keys = sorted(set(keys))
        if not keys:
            return []
        rows = self.db.execute(
            "SELECT DISTINCT k.entity_id, k.seq, e.name FROM entity_keys k JOIN entities e ON e.id = k.entity_id"
            f" WHERE k.space=? AND k.key IN ({','.join('?' * len(keys))}) ORDER BY k.seq"
            + (" LIMIT ?" if limit is not None else ""),
            [space, *keys, *([limit] if limit is not None else [])],
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def entity_forms(self, entity_id: str) -> tuple[str, str, int | None, dict[str, int]] | None:
        """(name, kind, seq, articles per form) of one entity: what the registry matches by."""
        row = self.db.execute("SELECT name, kind FROM entities WHERE id=?", (entity_id,)).fetchone()
        if row is None:
            return None
        seq = self.db.execute("SELECT MIN(seq) FROM entity_keys WHERE entity_id=?", (entity_id,)).fetchone()[0]
        forms = self.db.execute("SELECT alias, COUNT(*) FROM entity_aliases WHERE entity_id=? GROUP BY alias", (entity_id,))
        return row[0], row[1], seq, {r[0]: r[1] for r in forms}

    def last_entity_seq(self) -> int:
        row = self.db.execute("SELECT MAX(seq) FROM entity_keys").fetchone()
        return -1 if row[0] is None else int(row[0])

    def load_features(self) -> Iterator[tuple[dict[str, Any], str, str | None]]:
        """(feature record, story id, near-copy-of id) per stored article, oldest first."""
        rows = self.db.execute(
            "SELECT f.record, sa.story_id, a.duplicate_of FROM features f"
            " JOIN story_articles sa ON sa.article_id = f.article_id"
            " JOIN articles a ON a.id = f.article_id ORDER BY a.rowid"
        )
        for r in rows:
            yield _decode_record(r["record"]), r["story_id"], r["duplicate_of"]

    def sharing_buckets(self, buckets: Sequence[int]) -> list[tuple[int, dict[str, Any]]]:
        """(order added, feature record) of the articles in any of `buckets`."""
        marks = ",".join("?" * len(buckets))
        rows = self.db.execute(
            "SELECT a.rowid AS added, f.record FROM articles a JOIN features f ON f.article_id = a.id"
            f" WHERE a.id IN (SELECT article_id FROM minhash_buckets WHERE bucket IN ({marks}))",
            list(buckets),
        )
        return [(r["added"], _decode_record(r["record"])) for r in rows]

    def feature_record(self, article_id: str) -> tuple[int, dict[str, Any]] | None:
        """(order added, feature record) of one article."""
        r = self.db.execute(
            "SELECT a.rowid AS added, f.record FROM articles a JOIN features f ON f.article_id = a.id WHERE a.id=?",
            (article_id,),
        ).fetchone()
        return (r["added"], _decode_record(r["record"])) if r else None

    def duplicate_of(self, article_id: str) -> str | None:
        r = self.db.execute("SELECT duplicate_of FROM articles WHERE id=?", (article_id,)).fetchone()
        return r[0] if r else None

    def copies_of(self, original_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE duplicate_of=? ORDER BY id", (original_id,))]

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story_id FROM story_articles WHERE article_id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def story_features(self, story_id: str) -> list[dict[str, Any]]:
        """The feature records of a story's articles, in the order they joined it (as `load_features`)."""
        rows = self.db.execute(
            "SELECT f.record FROM story_articles sa JOIN features f ON f.article_id = sa.article_id"
            " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id=? ORDER BY a.rowid",
            (story_id,),
        )
        return [_decode_record(r["record"]) for r in rows]

    def dirty_stories(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM stories WHERE dirty=1 ORDER BY id")]

    def load_article(self, article_id: str) -> Article:
        """An article with its statements, mentions and the entities they point to."""
        r = self.db.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        if r is None:
            raise KeyError(article_id)
        text = r["text"]
        article = Article(
            id=r["id"], text=text, url=r["url"], outlet=r["outlet"], title=r["title"],
            authors=json.loads(r["authors"]), published=r["published"], language=r["language"],
            source_uri=r["source_uri"], removed=json.loads(r["removed"]),
            sentences=[Span.of(text, s, e) for s, e in json.loads(r["sentences"])],
        )  # fmt: skip
        article.mentions = [
            Mention(article_id, Span.of(text, m["start"], m["end"]), m["entity_id"], m["kind"], m["via"])
            for m in self.db.execute(
                'SELECT * FROM mentions WHERE article_id=? ORDER BY start, "end", entity_id', (article_id,)
            )
        ]
        article.statements = [statement_from_row(s) for s in self.statement_rows(article_id=article_id)]
        ids = {m.entity_id for m in article.mentions} | {s.speaker.id for s in article.statements if s.speaker}
        article.entities = self.entities_by_id(ids, article_id=article_id)
        return article

    def entities_by_id(self, ids: Iterable[str], *, article_id: str | None = None) -> dict[str, Entity]:
        """The entities with their aliases; with `article_id`, only the forms that article used, as analysis
        left them (a famous name's aliases over the whole corpus would cost more than the article)."""
        ids = sorted(set(ids))
        entities: dict[str, Entity] = {}
        only = " AND article_id=?" if article_id else ""
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(f"SELECT * FROM entities WHERE id IN ({marks})", chunk):
                entities[r["id"]] = Entity(r["id"], r["name"], r["kind"])
            aliases = f"SELECT * FROM entity_aliases WHERE entity_id IN ({marks}){only} ORDER BY entity_id, alias, article_id"
            for r in self.db.execute(aliases, [*chunk, article_id] if article_id else chunk):
                entities[r["entity_id"]].add_alias(r["alias"], r["article_id"])
        return entities

    # ---- reading: views and exports ------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in {"articles", "statements", "entities", "stories", "storylines", "errors", "discrepancies"}:
            raise ValueError(table)
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def article_rows(self) -> Iterator[Row]:
        yield from self.db.execute(
            "SELECT a.*, sa.story_id FROM articles a LEFT JOIN story_articles sa ON sa.article_id=a.id ORDER BY a.rowid"
        )

    def statement_rows(
        self, *, article_id: str | None = None, speaker: str | None = None, search: str | None = None,
        story_id: str | None = None, min_confidence: float = 0.0,
    ) -> list[Row]:  # fmt: skip
        """Statements with their outlet, filtered; `search` is words to find in the content or speaker."""
        where, args = [], []
        if min_confidence > 0:
            where.append("s.confidence >= ?")
            args.append(min_confidence)
        if article_id:
            where.append("s.article_id=?")
            args.append(article_id)
        if story_id:
            where.append("s.article_id IN (SELECT article_id FROM story_articles WHERE story_id=?)")
            args.append(story_id)
        if speaker:
            where.append(
                "(lower(s.speaker_name) LIKE lower(?)"
                " OR s.speaker_id IN (SELECT entity_id FROM entity_aliases WHERE lower(alias) LIKE lower(?)))"
            )
            args += [f"%{speaker}%", f"%{speaker}%"]
        if search:
            where.append(self.dialect.statement_match)
            args.append(self.dialect.search_words(search))
        sql = (
            "SELECT s.*, a.outlet, a.published, a.title, a.source_uri FROM statements s"
            " JOIN articles a ON a.id=s.article_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.published NULLS FIRST, a.rowid, s.content_start"
        )
        return list(self.db.execute(sql, args))

    def story_rows(self) -> list[Row]:
        return list(
            self.db.execute(
                f"SELECT s.*, {self.dialect.group_concat('sa.article_id')} AS article_ids, count(sa.article_id) AS size"
                " FROM stories s JOIN story_articles sa ON sa.story_id=s.id"
                " GROUP BY s.id ORDER BY s.first_seen NULLS FIRST, s.id"
            )
        )

    def storyline_rows(self) -> list[Row]:
        return list(
            self.db.execute(
                f"SELECT l.*, {self.dialect.group_concat('s.id')} AS story_ids FROM storylines l"
                " JOIN stories s ON s.storyline_id=l.id GROUP BY l.id ORDER BY l.first_seen NULLS FIRST, l.id"
            )
        )

    def story_article_ids(self, story_id: str) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT sa.article_id FROM story_articles sa JOIN articles a ON a.id=sa.article_id"
                " WHERE sa.story_id=? ORDER BY a.published NULLS FIRST, a.rowid",
                (story_id,),
            )
        ]

    def duplicates(self) -> dict[str, str]:
        """Near-copy article id → the article it copies."""
        return {r[0]: r[1] for r in self.db.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")}

    def groups(self, story_id: str) -> list[StatementGroup]:
        groups = []
        for g in self.db.execute("SELECT * FROM statement_groups WHERE story_id=? ORDER BY id", (story_id,)):
            members = list(self.db.execute("SELECT * FROM statement_group_members WHERE group_id=? ORDER BY rowid", (g["id"],)))
            speaker = Speaker(g["speaker_id"], g["speaker_name"]) if g["speaker_id"] else None
            groups.append(
                StatementGroup(
                    id=g["id"], statement_ids=[m["statement_id"] for m in members], relation=g["relation"],
                    speaker=speaker, misquoted=[m["statement_id"] for m in members if m["misquoted"]],
                )
            )  # fmt: skip
        return groups

    def discrepancies(
        self, *, story_id: str | None = None, storyline_id: str | None = None, min_confidence: float = 0.0
    ) -> list[Discrepancy]:
        where, args = [], []
        if story_id:
            where.append("story_id=?")
            args.append(story_id)
        if storyline_id:
            where.append("storyline_id=?")
            args.append(storyline_id)
        scope = "(" + " OR ".join(where) + ") AND " if where else ""
        sql = f"SELECT * FROM discrepancies WHERE {scope}confidence >= ? ORDER BY attribute, id"
        args.append(min_confidence)
        out = []
        for d in list(self.db.execute(sql, args)):
            evidence = [
                Evidence(e["article_id"], e["outlet"], e["value"], span := Span(e["start"], e["end"], e["text"]),
                         [Span(s, t, span.text[s - span.start : t - span.start]) for s, t in json.loads(e["changed"])],
                         bool(e["misquoted"]))  # fmt: skip
                for e in self.db.execute(
                    "SELECT * FROM discrepancy_evidence WHERE discrepancy_id=? ORDER BY rowid", (d["id"],)
                )
            ]
            out.append(Discrepancy(d["id"], d["attribute"], d["subject"], evidence, d["story_id"], d["storyline_id"], d["confidence"]))
        return out

    def error_rows(self) -> list[Row]:
        return list(self.db.execute("SELECT * FROM errors ORDER BY at, source"))

    def entity_rows(self) -> Iterator[dict[str, Any]]:
        for r in self.db.execute(
            "SELECT e.*, (SELECT count(*) FROM statements s WHERE s.speaker_id=e.id) AS statements FROM entities e"
            " ORDER BY statements DESC, e.name, e.id"
        ):
            aliases: dict[str, list[str]] = {}
            for a in self.db.execute(
                "SELECT alias, article_id FROM entity_aliases WHERE entity_id=? ORDER BY alias, article_id", (r["id"],)
            ):
                aliases.setdefault(a["alias"], []).append(a["article_id"])
            yield {"id": r["id"], "name": r["name"], "kind": r["kind"], "statements": r["statements"], "aliases": aliases}

    # ---- ingestion memory: outlet boilerplate and followed feeds ---------------------------------

    def paragraph_pages(self, outlet: str, hashes: Iterable[str]) -> dict[str, int]:
        """On how many distinct pages of the outlet each paragraph hash was seen (absent: never)."""
        counts: dict[str, int] = {}
        for chunk in _chunks(sorted(set(hashes)), 500):
            marks = ",".join("?" * len(chunk))
            counts.update(
                self.db.execute(
                    f"SELECT hash, count(*) FROM outlet_paragraphs WHERE outlet=? AND hash IN ({marks}) GROUP BY hash",
                    (outlet, *chunk),
                ).fetchall()
            )
        return counts

    def add_paragraph_pages(self, outlet: str, sightings: Iterable[tuple[str, str]]) -> None:
        with self.transaction() as db:
            db.executemany(
                "INSERT INTO outlet_paragraphs(outlet, hash, page) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                [(outlet, digest, page) for digest, page in sightings],
            )

    def add_boilerplate(self, outlet: str, paragraph_hash: str, text: str, pages: int) -> None:
        """Record that a paragraph was judged the outlet's boilerplate (first judgement kept)."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO boilerplate(outlet, hash, text, pages, learned_at) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
                (outlet, paragraph_hash, text, pages, _now()),
            )

    def boilerplate_rows(self) -> list[Row]:
        return list(self.db.execute("SELECT * FROM boilerplate ORDER BY outlet, learned_at, text"))

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified the feed last answered with, for a conditional request."""
        row = self.db.execute("SELECT etag, last_modified FROM feeds WHERE url=?", (url,)).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def save_feed_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO feeds(url, etag, last_modified, checked_at) VALUES (?,?,?,?) ON CONFLICT(url) DO UPDATE"
                " SET etag=excluded.etag, last_modified=excluded.last_modified, checked_at=excluded.checked_at",
                (url, etag, last_modified, _now()),
            )

    def unseen_feed_items(self, feed: str, items: Sequence[str]) -> list[str]:
        seen = set()
        for chunk in _chunks(sorted(set(items)), 500):
            marks = ",".join("?" * len(chunk))
            seen.update(
                r[0] for r in self.db.execute(f"SELECT item FROM feed_items WHERE feed=? AND item IN ({marks})", (feed, *chunk))
            )
        return [item for item in items if item not in seen]

    def mark_feed_items(self, feed: str, items: Iterable[str]) -> None:
        with self.transaction() as db:
            db.executemany(
                "INSERT INTO feed_items(feed, item, seen_at) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                [(feed, item, _now()) for item in items],
            )


def _statement_row(s: Statement) -> tuple[Any, ...]:
    src = s.source
    return (
        s.id, s.article_id, s.kind, s.content.start, s.content.end, s.content.text, s.cue.start, s.cue.end, s.cue.text,
        src.start if src else None, src.end if src else None, src.text if src else None,
        s.speaker.id if s.speaker else None, s.speaker.name if s.speaker else None,
        s.speaker.kind if s.speaker else None, s.confidence, s.speaker.role if s.speaker else None,
    )  # fmt: skip


def statement_from_row(r: Row) -> Statement:
    speaker = (
        Speaker(r["speaker_id"], r["speaker_name"], r["speaker_kind"] or "person", r["speaker_role"]) if r["speaker_id"] else None
    )
    return Statement(
        article_id=r["article_id"], kind=r["kind"],
        content=Span(r["content_start"], r["content_end"], r["content"]),
        cue=Span(r["cue_start"], r["cue_end"], r["cue"]),
        source=_span(r["source"], r["source_start"], r["source_end"]),
        speaker=speaker, confidence=r["confidence"],
    )  # fmt: skip


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]

