"""The PostgreSQL store on a real server (the `postgres` fixture): the sample corpus gives the same records,
reports, pages and search results as in SQLite, a re-run adds nothing, and a killed run resumes whole."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import EXAMPLES, PostgresServer
from storyline.cli import app
from storyline.compare.report import build
from storyline.evaluate.crash import Snapshot, analyze_command
from storyline.export import EXPORTS, export
from storyline.model import Article, Span, Statement
from storyline.pipeline import analyze
from storyline.store import SCHEMA_VERSION, StoreError, mask_password, open_store
from storyline.store.dialect import MARK_CLOSE, MARK_OPEN
from storyline.web import create_app, queries
from test_web import BASE, corpus_db

CORPUS = EXAMPLES / "corpus"
runner = CliRunner()


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus_db(tmp_path_factory.getbasetemp())  # the web tests' store: analysed once per session


@pytest.fixture(scope="module")
def pg_url(postgres: PostgresServer) -> str:
    url = postgres.create_database("corpus")
    summary = analyze([CORPUS], url)
    assert summary.failed == 0 and summary.added >= 25, summary.errors
    return url


def records(target: str | Path) -> dict[str, Any]:
    """Every export and the JSON report, without what names the store or the time it was made."""
    with open_store(target) as store:
        out: dict[str, Any] = {what: [json.loads(line) for line in export(store, what).splitlines()] for what in EXPORTS}
        out["report"] = {k: v for k, v in build(store).items() if k not in {"generated", "store"}}
    for error in out["errors"]:
        error.pop("at")
    return out


def test_the_corpus_gives_the_same_records_as_sqlite(pg_url: str, sqlite_db: Path) -> None:
    pg, lite = records(pg_url), records(sqlite_db)
    assert len(pg["articles"]) >= 25 and len(pg["statements"]) > 100 and pg["stories"] and pg["discrepancies"]
    for what in lite:
        assert pg[what] == lite[what], what


def test_re_running_adds_nothing(pg_url: str) -> None:
    with open_store(pg_url) as store:
        before = {t: store.count(t) for t in ("articles", "statements", "stories", "storylines", "discrepancies")}
    summary = analyze([CORPUS], pg_url)
    assert summary.added == 0 and summary.skipped == before["articles"] and not summary.failed
    with open_store(pg_url) as store:
        assert {t: store.count(t) for t in before} == before
        assert store.dirty_stories() == []


def test_full_text_search_finds_what_sqlite_finds(pg_url: str, sqlite_db: Path) -> None:
    with open_store(pg_url) as pg, open_store(sqlite_db) as lite:
        speaker = next(r["speaker_name"] for r in lite.statement_rows() if r["speaker_name"])
        for words in ("drought", "minister said", speaker.split()[-1].upper(), 'water "reservoir'):
            found = {r["id"] for r in pg.statement_rows(search=words)}
            assert found == {r["id"] for r in lite.statement_rows(search=words)}, words
        assert pg.statement_rows(search="drought"), "a word of the corpus must be found"
        for scope in ("statements", "articles"):
            f = queries.SearchFilters(q="drought", scope=scope)
            hits, expected = queries.search(pg, f, limit=200), queries.search(lite, f, limit=200)
            assert hits.total == expected.total > 0
            assert {h["id"] for h in hits.items} == {h["id"] for h in expected.items}
        assert all(MARK_OPEN in h["snippet"] for h in queries.search_articles(pg, queries.SearchFilters(q="drought")).items)
        for h in queries.search_statements(pg, queries.SearchFilters(q="drought")).items:  # the whole statement, hits marked
            assert MARK_OPEN in h["marked"] and h["marked"].replace(MARK_OPEN, "").replace(MARK_CLOSE, "") == h["content"]


def test_searches_use_the_gin_indexes(pg_url: str) -> None:
    with open_store(pg_url) as store:
        store.db.execute("SET enable_seqscan = off")  # on a store this small the planner would scan anyway
        plans = {
            "statements_fts": f"SELECT s.id FROM statements s WHERE {store.dialect.statement_match}",
            "articles_fts": "SELECT a.id" + store.dialect.article_search,
        }
        for index, sql in plans.items():
            plan = "\n".join(r[0] for r in store.db.execute("EXPLAIN " + sql, ("drought",)))
            assert index in plan, plan


def test_web_pages_and_api_answer_as_on_sqlite(pg_url: str, sqlite_db: Path) -> None:
    pg = TestClient(create_app(pg_url), base_url=BASE)
    lite = TestClient(create_app(sqlite_db), base_url=BASE)
    story = lite.get("/api/stories").json()["items"][0]["id"]
    line = lite.get("/api/storylines").json()["items"][0]["id"]
    speaker = lite.get("/api/speakers").json()["items"][0]["id"]
    article = lite.get("/api/articles").json()["items"][0]["id"]
    for url in ("/api/stats", "/api/stories", "/api/storylines", "/api/speakers", "/api/articles",
                f"/api/stories/{story}", f"/api/storylines/{line}", f"/api/speakers/{speaker}",
                f"/api/speakers/{speaker}/statements", f"/api/articles/{article}",
                "/api/search?scope=statements&q=minister", f"/api/export/statements.jsonl?story_id={story}"):  # fmt: skip
        answer, expected = pg.get(url), lite.get(url)
        assert answer.status_code == expected.status_code == 200, (url, answer.text[:300])
        assert answer.text == expected.text, url
    for url in ("/", f"/story/{story}", f"/storyline/{line}", f"/speaker/{speaker}", f"/article/{article}",
                "/search?q=drought&scope=articles", "/search?q=minister"):  # fmt: skip
        assert pg.get(url).status_code == 200, url


def test_web_connections_cannot_write(pg_url: str) -> None:
    import psycopg

    with open_store(pg_url) as store:
        store.read_only()
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            store.db.execute("DELETE FROM errors")


def test_cli_views_on_postgresql(pg_url: str, sqlite_db: Path) -> None:
    for args in (["stories"], ["quotes", "--search", "drought"], ["export", "--what", "storylines", "--format", "csv"]):
        on_pg = runner.invoke(app, [*args, "--db", pg_url])
        on_sqlite = runner.invoke(app, [*args, "--db", str(sqlite_db)])
        assert on_pg.exit_code == 0, on_pg.output
        assert on_pg.stdout == on_sqlite.stdout, args
    report = runner.invoke(app, ["report", "--db", pg_url])
    assert report.exit_code == 0 and "## " in report.stdout


def test_an_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[postgres]')")
    url = f"postgresql://reader:s3cret@/news?host={tmp_path}"  # no server listens there
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert "cannot connect to the PostgreSQL store at postgresql://reader:***@/news" in message
    assert "s3cret" not in message and "server is running" in message
    result = runner.invoke(app, ["stories", "--db", url])
    assert result.exit_code == 2 and "cannot connect" in result.output and "s3cret" not in result.output


def test_passwords_are_masked_wherever_they_are() -> None:
    assert mask_password("postgresql://u:pw@db.example:5432/news") == "postgresql://u:***@db.example:5432/news"
    assert mask_password("postgres://db/news?user=u&password=pw") == "postgres://db/news?user=u&password=***"
    assert mask_password("postgresql://u@db/news") == "postgresql://u@db/news"
    assert mask_password("news.db") == "news.db"


def test_a_nul_character_is_stored_without_moving_any_offset(postgres: PostgresServer) -> None:
    """Input may hold U+0000, which PostgreSQL text cannot; one U+FFFD stands in, so every span still fits."""
    text = 'A page\x00 with a NUL. "It is stored," the clerk said.'
    quote, cue = text.index("It is"), text.index("said")
    article = Article(id="anul", text=text, title="Title\x00", outlet="Outlet")
    article.statements = [Statement("anul", "direct", Span.of(text, quote, quote + 12), Span.of(text, cue, cue + 4))]
    with open_store(postgres.create_database("nul")) as store:
        store.save_article(article, features={}, story_id="snul")
        loaded = store.load_article("anul")
    assert loaded.text == text.replace("\x00", "\ufffd") and loaded.title == "Title\ufffd"
    assert [loaded.text[s.content.start : s.content.end] for s in loaded.statements] == ["It is stored"]


def test_a_newer_schema_is_refused(postgres: PostgresServer) -> None:
    url = postgres.create_database("future")
    with open_store(url) as store:
        store.db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(StoreError, match="newer"):
        open_store(url)
    with open_store(postgres.create_database("fresh")) as store:
        assert store.db.execute("SELECT value FROM meta").fetchone()[0] == str(SCHEMA_VERSION)


def test_a_killed_run_resumes_to_the_whole_corpus(postgres: PostgresServer, sqlite_db: Path, tmp_path: Path) -> None:
    """SIGKILL once articles are being stored: whole articles only, and the next run finishes the rest."""
    reference = Snapshot.of(sqlite_db)
    url = postgres.create_database("killed")
    with open_store(url) as store, (tmp_path / "analyze.log").open("wb") as log:
        child = subprocess.Popen(analyze_command(CORPUS, url), stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while store.count("articles") == 0 and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL, (tmp_path / "analyze.log").read_text(errors="replace")[-2000:]
        killed = Snapshot.read(store.db, integrity="kept by the server")
        assert killed.articles and killed.articles <= reference.articles
        assert killed.statements == reference.statements_of(killed.articles)  # each stored article is whole
    summary = analyze([CORPUS], url)
    assert not summary.failed and summary.added == len(reference.articles) - len(killed.articles)
    with open_store(url) as store:
        finished = Snapshot.read(store.db, integrity="kept by the server")
        assert store.dirty_stories() == []
    assert (finished.articles, finished.statements) == (reference.articles, reference.statements)
    assert finished.article_rows == finished.sources  # no input stored twice
