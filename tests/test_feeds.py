"""Feeds and polite fetching, against a real HTTP server on 127.0.0.1 started by the test."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.ingest.feeds import NotAFeed, feed_documents, parse_feed
from storyline.ingest.urls import Fetcher, fetch
from storyline.model import Document, ErrorRecord
from storyline.store import Store

ETAG = '"v1"'


def _page(title: str, subject: str) -> bytes:
    body = "".join(
        f"<p>{subject} {sentence}</p>"
        for sentence in (
            "will be rebuilt over the next two years, the regional council said on Tuesday after a long debate.",
            "has been closed since the spring floods damaged its foundations and cut the road to the coast.",
            "“We owe the villages a proper crossing,” council leader Maren Holt told reporters outside the hall.",
        )
    )
    return f"<html lang='en'><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>".encode()


def _rss(base: str) -> bytes:
    items = "".join(
        f"<item><guid>{key}</guid><link>{base}/news/{key}</link><title>{title}</title>"
        f"<pubDate>Tue, 10 Mar 2026 09:00:00 GMT</pubDate></item>"
        for key, title in (("bridge", "Old bridge to be rebuilt"), ("ferry", "Ferry pier to be rebuilt"))
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Coast News</title>{items}</channel></rss>'.encode()


class _Handler(BaseHTTPRequestHandler):
    requests: list[tuple[str, str | None]] = []

    def do_GET(self) -> None:  # noqa: N802
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        _Handler.requests.append((self.path, self.headers.get("If-None-Match")))
        routes = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private\n"),
            "/feed.xml": (200, "application/rss+xml", _rss(base)),
            "/not-xml": (200, "application/xml", b"this is { not xml at all"),
            "/news/bridge": (200, "text/html", _page("Old bridge to be rebuilt", "The old bridge")),
            "/news/ferry": (200, "text/html", _page("Ferry pier to be rebuilt", "The ferry pier")),
            "/private/page": (200, "text/html", _page("Private", "The private road")),
        }
        status, kind, body = routes.get(self.path, (404, "text/html", b"gone"))
        if self.path == "/feed.xml" and self.headers.get("If-None-Match") == ETAG:
            status, body = 304, b""
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if self.path == "/feed.xml":
            self.send_header("ETag", ETAG)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _fetcher() -> Fetcher:
    return Fetcher(allow_private=True, delay_s=0)


def test_feed_items_are_fetched_once_and_a_304_fetches_nothing(server: str, tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        first = list(feed_documents([f"{server}/feed.xml"], store, _fetcher()))
        assert [d.uri for d in first] == [f"{server}/news/bridge", f"{server}/news/ferry"]
        assert all(isinstance(d, Document) and d.origin == "feed" for d in first)
        assert first[0].meta["title"] == "Old bridge to be rebuilt"
        assert first[0].meta["published"] == "2026-03-10T09:00:00+00:00"
        assert store.feed_validators(f"{server}/feed.xml") == (ETAG, None)

        _Handler.requests.clear()
        assert list(feed_documents([f"{server}/feed.xml"], store, _fetcher())) == []
        assert (f"/feed.xml", ETAG) in _Handler.requests

        store.save_feed_validators(f"{server}/feed.xml", None, None)  # the server forgets: items still seen
        assert list(feed_documents([f"{server}/feed.xml"], store, _fetcher())) == []


def test_a_feed_that_is_not_xml_is_an_error_and_the_next_feed_goes_on(server: str, tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        bad, *good = feed_documents([f"{server}/not-xml", f"{server}/feed.xml"], store, _fetcher())
    assert isinstance(bad, ErrorRecord) and bad.reason.startswith("not an RSS or Atom feed")
    assert len(good) == 2


def test_parse_feed_rejects_html() -> None:
    with pytest.raises(NotAFeed):
        parse_feed(b"<html><body><p>hello</p></body></html>", "https://x.example/")


def test_follow_once_analyses_new_items_then_skips_them(server: str, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    args = ["follow", f"{server}/feed.xml", "--once", "--allow-private", "--db", db]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.count("articles") == 2
        assert {row["title"] for row in store.article_rows()} == {"Old bridge to be rebuilt", "Ferry pier to be rebuilt"}
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0 and "0 new articles" in again.output


def test_follow_without_allow_private_refuses_loopback_and_exits_1(server: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["follow", f"{server}/feed.xml", "--once", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1 and "non-public address 127.0.0.1" in result.output


def test_robots_txt_is_obeyed(server: str) -> None:
    refused = fetch(f"{server}/private/page", fetcher=_fetcher())
    assert isinstance(refused, ErrorRecord) and refused.reason == "disallowed by the site's robots.txt"
    assert isinstance(fetch(f"{server}/news/bridge", fetcher=_fetcher()), Document)


def test_each_host_is_asked_at_most_once_per_delay(server: str) -> None:
    fetcher = Fetcher(allow_private=True, delay_s=0.3)
    started = time.perf_counter()
    for _ in range(3):
        assert isinstance(fetch(f"{server}/news/bridge", fetcher=fetcher), Document)
    assert time.perf_counter() - started >= 0.6
