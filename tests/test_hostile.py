"""Hostile input: attacks in pages stay inert in every export and report, and ingest lets nothing in.

The web pages have their own hostile-article test in test_web.py; this file covers what leaves the
store as files (JSONL, CSV, Markdown and HTML reports, also as served by the web app), the fetcher's
refusals, size caps, and the static file route.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.compare.report import render
from storyline.export import EXPORTS, export
from storyline.ingest.content import MAX_BYTES
from storyline.ingest.urls import Fetcher, Refused, check_host, fetch
from storyline.ingest.warc import read_warc
from storyline.model import Document, ErrorRecord
from storyline.store import Store

SCRIPT = "<script>alert(1)</script><img src=x onerror=alert(2)>"
FORMULAS = ('=HYPERLINK("http://evil.example")', "+SUM(1)", "-3+cmd|' /C calc'!A0", "@SUM(A1)")
ROWS = [
    {
        "id": f"hostile-{n}", "url": "javascript:alert(3)", "published": f"2030-01-0{n + 1}",
        "outlet": f"{FORMULAS[0]} {SCRIPT}", "title": f"{FORMULAS[3]} Title {SCRIPT} [link](javascript:alert(4))",
        "authors": f"{FORMULAS[1]} Mallory {SCRIPT}; {FORMULAS[2]}",
        "text": (f"The harbour fire burned for {n + 2} days, officials said. \"{SCRIPT} We will rebuild,\" said "
                 f"Mallory Stone, the mayor of the town, on Tuesday.\n\n{FORMULAS[2]} was printed, police said."),
    }
    for n in range(2)
]  # fmt: skip


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hostile articles through the real pipeline (a JSONL table), so every stage sees them."""
    from storyline.pipeline import analyze

    folder = tmp_path_factory.mktemp("hostile")
    table = folder / "hostile.jsonl"
    table.write_text("\n".join(json.dumps(row) for row in ROWS), encoding="utf-8")
    summary = analyze([table], folder / "hostile.db")
    assert summary.added == 2 and summary.statements >= 2 and not summary.failed
    return folder / "hostile.db"


class _Markup(HTMLParser):
    """Every element, attribute and link in an HTML document, to look for live attacks."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.hrefs: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.hrefs += [value or "" for name, value in attrs if name in ("href", "src")]


def assert_inert_html(html: str) -> None:
    markup = _Markup(html)
    assert "script" not in markup.tags and "img" not in markup.tags
    assert not markup.handlers
    assert not any(href.strip().lower().startswith("javascript:") for href in markup.hrefs)
    assert "&lt;script&gt;" in html  # the attack is shown as text, not dropped


def assert_inert_markdown(markdown: str) -> None:
    """Raw HTML passes through Markdown renderers, so it must not be there; nor a link to a script."""
    from markdown_it import MarkdownIt

    assert "<script" not in markdown and "<img" not in markdown
    assert "[link](javascript:" not in markdown and "<javascript:" not in markdown
    rendered = MarkdownIt("commonmark").render(markdown)  # raw HTML allowed, as in most renderers
    assert "&lt;script&gt;" in rendered and not {"script", "img"} & set(_Markup(rendered).tags)


def test_the_html_report_escapes_every_field_and_links_no_javascript_url(hostile_db: Path) -> None:
    with Store(hostile_db) as store:
        assert_inert_html(render(store, "html"))


def test_the_markdown_report_has_no_raw_html_and_no_javascript_link(hostile_db: Path) -> None:
    with Store(hostile_db) as store:
        markdown = render(store, "md")
    assert_inert_markdown(markdown)


def test_the_web_app_serves_the_reports_inert(hostile_db: Path) -> None:
    from storyline.web import create_app

    client = TestClient(create_app(hostile_db), base_url="http://127.0.0.1")
    with Store(hostile_db) as store:
        story_id = store.story_rows()[0]["id"]
    html = client.get(f"/api/stories/{story_id}/report.html")
    assert html.status_code == 200
    assert_inert_html(html.text)
    assert_inert_markdown(client.get(f"/api/stories/{story_id}/report.md").text)


@pytest.mark.parametrize("what", sorted(EXPORTS))
def test_no_csv_cell_of_any_export_starts_a_formula(hostile_db: Path, what: str) -> None:
    with Store(hostile_db) as store:
        rows = list(csv.reader(io.StringIO(export(store, what, "csv"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_csv_keeps_the_formula_text_behind_a_quote(hostile_db: Path) -> None:
    with Store(hostile_db) as store:
        rows = list(csv.DictReader(io.StringIO(export(store, "articles", "csv"))))
    assert rows[0]["outlet"] == f"'{FORMULAS[0]} {SCRIPT}" and rows[0]["title"].startswith("'@SUM(A1)")


def test_jsonl_keeps_hostile_values_exactly_as_data(hostile_db: Path) -> None:
    with Store(hostile_db) as store:
        articles = [json.loads(line) for line in export(store, "articles", "jsonl").splitlines()]
        statements = [json.loads(line) for line in export(store, "statements", "jsonl").splitlines()]
    assert {a["title"] for a in articles} == {ROWS[0]["title"]}
    assert any(SCRIPT in s["content"]["text"] for s in statements)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/a", "gopher://127.0.0.1:70/", "http:///nohost", "http://127.0.0.1/",
     "http://localhost:8000/", "http://10.0.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
     "http://[::1]/", "http://0.0.0.0/", "http://2130706433/", "http://0x7f.0.0.1/", "http://[::ffff:127.0.0.1]/"],
)  # fmt: skip
def test_private_loopback_metadata_and_non_http_urls_are_refused(url: str) -> None:
    with pytest.raises(Refused):
        check_host(url, allow_private=False)


def test_file_urls_stay_refused_even_when_private_addresses_are_allowed() -> None:
    error = fetch("file:///etc/passwd", allow_private=True)
    assert isinstance(error, ErrorRecord) and "not an http(s) URL" in error.reason


BIG = b"<html><body><p>" + b"a" * 5000 + b"</p></body></html>"
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/endless":  # no Content-Length: only counting while reading can cap it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(4):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(BIG), BIG))
            self.wfile.write(b"0\r\n\r\n")
            return
        status, headers, body = ROUTES.get(self.path, (404, {"Content-Type": "text/plain"}, b"gone"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
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


def test_a_redirect_into_file_is_refused_even_when_private_addresses_are_allowed(server: str) -> None:
    error = fetch(f"{server}/to-file", allow_private=True)
    assert isinstance(error, ErrorRecord) and "not an http(s) URL: file:///etc/passwd" in error.reason


def test_a_redirect_to_the_cloud_metadata_address_is_refused(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.ingest import urls

    real = urls.check_host
    # The test server itself passes as public; the hop it redirects to is checked for real.
    monkeypatch.setattr(urls, "check_host", lambda url, allow_private: None if url.startswith(server) else real(url, allow_private=False))
    error = fetch(f"{server}/to-metadata", fetcher=Fetcher(delay_s=0))
    assert isinstance(error, ErrorRecord) and "169.254.169.254" in error.reason


def test_a_response_without_length_is_cut_off_at_the_cap(server: str) -> None:
    error = fetch(f"{server}/endless", fetcher=Fetcher(allow_private=True, delay_s=0, max_bytes=8000))
    assert isinstance(error, ErrorRecord) and "larger than 8,000 bytes" in error.reason


def test_a_compressed_warc_bomb_is_refused_without_inflating_it(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "bomb.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = io.BytesIO(b"<p>" + b" " * (MAX_BYTES + 1024))
        writer.write_record(writer.create_warc_record("https://bomb.example/", "response", payload=payload, http_headers=headers))
    assert path.stat().st_size < MAX_BYTES // 100
    found = list(read_warc(path, str(path)))
    assert [type(item) for item in found] == [ErrorRecord] and "larger than" in found[0].reason


def test_a_gzipped_page_bomb_is_refused(tmp_path: Path) -> None:
    from storyline.ingest import documents

    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * (4 * MAX_BYTES)))
    found = list(documents([str(path)]))
    assert [type(item) for item in found] == [ErrorRecord] and "larger than" in found[0].reason
    assert not any(isinstance(item, Document) for item in found)


@pytest.mark.parametrize(
    "path",
    ["/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml", "/static/..%2f..%2f..%2fpyproject.toml",
     "/static/%2e%2e%2f%2e%2e%2fapp.py", "/static/..%5c..%5capp.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
     "/static/....//....//app.py", "/static/%252e%252e/app.py", "/static/storyline.css%00.py"],
)  # fmt: skip
def test_static_files_cannot_be_left_by_any_path(hostile_db: Path, path: str) -> None:
    from storyline.web import create_app

    client = TestClient(create_app(hostile_db), base_url="http://127.0.0.1")
    response = client.get(path)
    assert response.status_code in (400, 404), (path, response.status_code)
    assert "create_app" not in response.text and "root:" not in response.text and "[project]" not in response.text
