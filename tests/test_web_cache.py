"""Pages served from the cache while the store is unchanged, and rendered again as soon as it changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.store import Store
from storyline.web import create_app, views
from test_web import BASE, add_hostile_article, copy_db, corpus_db


@pytest.fixture
def db(tmp_path_factory, tmp_path) -> Path:
    return copy_db(corpus_db(tmp_path_factory.getbasetemp()), tmp_path / "cache.db")


def test_every_committed_write_changes_the_revision(db: Path) -> None:
    with Store(db) as store:
        before = store.revision()
        with store.transaction() as con:
            con.execute("UPDATE stories SET label=label")
        assert store.revision() == before + 1
        with pytest.raises(RuntimeError), store.transaction() as con:
            con.execute("UPDATE stories SET label=label")
            raise RuntimeError("rolled back")
        assert store.revision() == before + 1


def test_an_unchanged_store_renders_a_page_once(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    story_view = views.story_view
    monkeypatch.setattr(views, "story_view", lambda store, sid: calls.append(sid) or story_view(store, sid))
    client = TestClient(create_app(db), base_url=BASE)
    with Store(db) as store:
        story_id = next(iter(store.story_rows()))["id"]
    first, second = client.get(f"/story/{story_id}"), client.get(f"/story/{story_id}")
    assert first.status_code == second.status_code == 200 and first.text == second.text
    assert calls == [story_id]
    assert "content-security-policy" in second.headers  # the middleware still sees every response


def test_a_write_shows_on_the_next_request(db: Path) -> None:
    client = TestClient(create_app(db), base_url=BASE)
    with Store(db) as store:
        articles = store.count("articles")
    assert f"<b>{articles}</b> articles" in client.get("/").text
    add_hostile_article(db)  # another connection commits, as an ingest would
    assert f"<b>{articles + 1}</b> articles" in client.get("/").text
