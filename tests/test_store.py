"""The store and the export contract, with hand-made records (no NLP involved), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from storyline.export import export
from storyline.model import (
    Article,
    Discrepancy,
    Entity,
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
from storyline.store import SCHEMA_VERSION, Store, StoreError, open_store

TEXT = 'The mayor, Ada Brook, said the bridge would reopen in May. "We are on time," Brook said.'


def make_article(article_id: str = "a1", outlet: str = "Test Gazette") -> Article:
    article = Article(id=article_id, text=TEXT, outlet=outlet, title="Bridge to reopen", published="2026-03-02")
    name = TEXT.index("Ada Brook")
    article.mentions = [Mention(article_id, Span.of(TEXT, name, name + 9), "e-brook", "person")]
    article.entities = {"e-brook": Entity("e-brook", "Ada Brook", "person", {"Ada Brook": {article_id}})}
    said = TEXT.index("said")
    content = TEXT.index("the bridge")
    quote = TEXT.index("We are")
    speaker = Speaker("e-brook", "Ada Brook", role="mayor")
    article.statements = [
        Statement(article_id, "indirect", Span.of(TEXT, content, TEXT.index(".")), Span.of(TEXT, said, said + 4),
                  Span.of(TEXT, name, name + 9), speaker),
        Statement(article_id, "direct", Span.of(TEXT, quote, quote + 14), Span.of(TEXT, TEXT.rindex("said"), len(TEXT) - 1),
                  Span.of(TEXT, TEXT.rindex("Brook"), TEXT.rindex("Brook") + 5), speaker),
    ]  # fmt: skip
    return article


@pytest.fixture
def sqlite_store(tmp_path):
    with Store(tmp_path / "s.db") as s:
        yield s


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """Each test on both backends; PostgreSQL gets a fresh database (skips when no server can be started)."""
    if request.param == "sqlite":
        target = str(tmp_path / "s.db")
    else:
        target = request.getfixturevalue("postgres").create_database("store_test")
    with open_store(target) as s:
        yield s


def save(store: Store, article: Article, story: str = "st1") -> None:
    store.save_article(
        article, features={"vec": b"\x00\x01", "n": 3}, story_id=story, entities=article.entities.values()
    )


def test_wal_and_fts5(sqlite_store):
    mode = sqlite_store.db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    save(sqlite_store, make_article())
    hits = sqlite_store.db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'bridge'").fetchall()
    assert len(hits) == 1


def test_schema_version_and_statement_search(store):
    assert store.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    save(store, make_article())
    assert [r["content"] for r in store.statement_rows(search="on time")] == ["We are on time"]
    assert [r["content"] for r in store.statement_rows(search='TIME "we')] == ["We are on time"]  # any text is safe
    assert store.statement_rows(search="tunnel") == []


def test_saving_the_same_article_twice_is_a_no_op(store):
    save(store, make_article())
    save(store, make_article())
    assert store.count("articles") == 1
    assert store.count("statements") == 2
    assert store.has_article("a1")


def test_article_round_trip_keeps_spans_speakers_and_aliases(store):
    original = make_article()
    save(store, original)
    loaded = store.load_article("a1")
    assert loaded.text == original.text
    assert [s.content for s in loaded.statements] == [s.content for s in original.statements]
    assert loaded.statements[1].speaker == Speaker("e-brook", "Ada Brook", "person", "mayor")
    assert loaded.entities["e-brook"].aliases == {"Ada Brook": {"a1"}}
    record, story, duplicate = next(store.load_features())
    assert record == {"vec": b"\x00\x01", "n": 3} and story == "st1" and duplicate is None


def test_a_store_from_before_roles_gets_the_column_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as old:
        save(old, make_article())
        old.db.execute("ALTER TABLE statements DROP COLUMN speaker_role")
        old.db.execute("UPDATE meta SET value='5' WHERE key='schema_version'")
    with Store(path) as upgraded:
        assert upgraded.load_article("a1").statements[0].speaker.role is None
        save(upgraded, make_article("a2"))
        assert upgraded.load_article("a2").statements[0].speaker.role == "mayor"


def test_renamed_entity_renames_its_statements_speaker(store):
    save(store, make_article())
    later = make_article("a2")
    later.entities = {"e-brook": Entity("e-brook", "Ada K. Brook", "person", {"Ada K. Brook": {"a2"}})}
    save(store, later)  # a later article's spelling became the display name
    assert {r["speaker_name"] for r in store.statement_rows()} == {"Ada K. Brook"}
    assert len(store.statement_rows(search="Ada K. Brook")) == 4
    assert store.entity_forms("e-brook") == ("Ada K. Brook", "person", None, {"Ada Brook": 1, "Ada K. Brook": 1})


def test_comparisons_replace_and_clear_dirty_flag(store):
    save(store, make_article("a1"))
    save(store, make_article("a2", outlet="Other Times"))
    assert store.dirty_stories() == ["st1"]
    a1, a2 = store.load_article("a1"), store.load_article("a2")
    group = StatementGroup("g1", [a1.statements[1].id, a2.statements[1].id], "exact", Speaker("e-brook", "Ada Brook"))
    span = a1.statements[0].content
    disc = Discrepancy("d1", "number", "reopening month", [Evidence("a1", "Test Gazette", "May", span)], story_id="st1")
    for _ in range(2):  # replacing is idempotent
        store.replace_comparison("st1", [group], [disc])
    assert store.dirty_stories() == []
    assert [g.statement_ids for g in store.groups("st1")] == [group.statement_ids]
    assert [d.evidence[0].span for d in store.discrepancies(story_id="st1")] == [span]
    store.save_stories([Story("st1", "Bridge", ["a1", "a2"], "2026-03-02", "2026-03-02", "sl1")],
                       [Storyline("sl1", "Bridges", ["st1"], "2026-03-02", "2026-03-02")])  # fmt: skip
    rows = [json.loads(line) for line in export(store, "stories").splitlines()]
    assert rows == [{"story_id": "st1", "label": "Bridge", "article_ids": ["a1", "a2"], "storyline_id": "sl1",
                     "first_seen": "2026-03-02", "last_seen": "2026-03-02"}]  # fmt: skip


def test_statement_export_contract(store):
    save(store, make_article())
    rows = [json.loads(line) for line in export(store, "statements").splitlines()]
    assert len(rows) == 2
    row = rows[1]
    assert row["article_id"] == "a1" and row["kind"] == "direct"
    assert row["speaker"] == {"id": "e-brook", "name": "Ada Brook", "role": "mayor"}
    for key in ("content", "cue", "source"):
        span = row[key]
        assert TEXT[span["start"] : span["end"]] == span["text"]


def test_errors_are_recorded_once_and_cleared_by_success(store):
    store.add_error(ErrorRecord("bad.html", "extract", "no article text"))
    store.add_error(ErrorRecord("bad.html", "extract", "no article text"))
    assert len(store.error_rows()) == 1
    article = make_article()
    article.source_uri = "bad.html"
    save(store, article)
    assert store.error_rows() == []


def test_csv_export_defuses_formulas(store):
    article = make_article()
    article.title = "=HYPERLINK(\"http://evil\")"
    save(store, article)
    rows = list(csv.DictReader(io.StringIO(export(store, "articles", "csv"))))
    assert rows[0]["title"].startswith("'=")


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)
