"""Concurrency: web readers keep getting whole pages while an ingest writes to the same store (WAL).

The throughput figures come from `python -m storyline.evaluate.load CORPUS`, not from this test.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import EXAMPLES
from storyline.evaluate.load import rewrite_table
from storyline.pipeline import analyze
from storyline.store import Store


def test_readers_get_every_page_while_the_pipeline_writes(tmp_path: Path) -> None:
    from storyline.web import create_app

    if not (EXAMPLES / "corpus").is_dir():
        pytest.skip("examples/corpus is not present")
    db = tmp_path / "store.db"
    assert analyze([EXAMPLES / "corpus" / "capital-wire"], db).added >= 5
    table = rewrite_table(db, tmp_path / "more.jsonl", copies=2)
    with Store(db) as store:
        story_id = store.story_rows()[0]["id"]
        before = store.count("articles")
    writer = threading.Thread(target=analyze, args=([table], db))
    urls = [f"/story/{story_id}", "/", "/api/stories", f"/api/stories/{story_id}", "/search?q=fire"]

    def read(_: int) -> list[int]:
        client = TestClient(create_app(db), base_url="http://127.0.0.1")
        codes = []
        while writer.is_alive() or not codes:
            codes += [client.get(url).status_code for url in urls]
        return codes

    writer.start()
    with ThreadPoolExecutor(4) as pool:
        codes = [code for batch in pool.map(read, range(4)) for code in batch]
    writer.join()
    assert codes and set(codes) == {200}
    with Store(db) as store:
        assert store.count("articles") == before * 3
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
