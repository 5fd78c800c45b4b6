"""Ingest: files, folders, tables and URLs become Documents; every bad input becomes an ErrorRecord."""

from __future__ import annotations

import gzip
import ipaddress
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storyline.ingest import count, documents, urls
from storyline.model import Document, ErrorRecord

PAGE = b"<html><body><p>The ferry resumed service on Monday, the harbour office said.</p></body></html>"


def _only(results: list[Document | ErrorRecord]) -> Document | ErrorRecord:
    assert len(results) == 1, results
    return results[0]


def _error(inputs: list[str], **kwargs: bool) -> ErrorRecord:
    result = _only(list(documents(inputs, **kwargs)))
    assert isinstance(result, ErrorRecord), result
    assert result.stage == "ingest"
    return result


def test_folder_is_walked_recursively_in_sorted_order_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner.htm").write_bytes(PAGE)
    (tmp_path / "a.txt").write_text("Ferry resumes\n\nThe ferry resumed service.", encoding="utf-8")
    (tmp_path / "c.md").write_text("Some notes about the ferry.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.html").write_bytes(PAGE)
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "page.html").write_bytes(PAGE)

    found = list(documents([tmp_path]))

    assert [Path(doc.uri).relative_to(tmp_path).as_posix() for doc in found] == ["a.txt", "b/inner.htm", "c.md"]
    text, html, _ = found
    assert isinstance(text, Document) and text.content_type == "text/plain" and isinstance(text.content, str)
    assert isinstance(html, Document) and html.content_type == "text/html" and html.content == PAGE
    assert html.origin == "file"


def test_gzipped_html_is_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE))
    doc = _only(list(documents([str(path)])))
    assert isinstance(doc, Document)
    assert doc.content == PAGE and doc.content_type == "text/html" and doc.uri == str(path)


def test_corrupt_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(b"not gzip at all")
    assert "gzip" in _error([str(path)]).reason


@pytest.mark.parametrize(
    ("name", "payload", "reason"),
    [
        ("empty.html", b"", "file is empty"),
        ("blank.txt", b"  \n\n ", "file is empty"),
        ("junk.html", bytes(range(256)) * 8, "binary"),
        ("table.pdf", b"%PDF-1.4 ...", "unsupported file type"),
    ],
)
def test_unusable_files_are_errors(tmp_path: Path, name: str, payload: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(payload)
    assert reason in _error([str(path)]).reason


def test_missing_path_is_an_error_and_the_run_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_bytes(PAGE)
    missing, found = list(documents([str(tmp_path / "nope.html"), str(good)]))
    assert isinstance(missing, ErrorRecord) and missing.reason == "no such file or folder"
    assert isinstance(found, Document) and found.uri == str(good)


def test_jsonl_rows_become_documents_and_a_bad_row_an_error(tmp_path: Path) -> None:
    rows = [
        json.dumps({"id": "r1", "url": "https://news.example/1", "outlet": "News Example", "title": "One",
                    "published": "2024-03-14", "authors": ["Mara Quill", "Tobias Fenn"],
                    "text": "The ferry resumed service."}),
        "{not json",
        json.dumps({"id": "r3", "title": "No body"}),
        json.dumps({"id": 4, "html": "<p>The tram line opened.</p>"}),
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")

    first, bad_json, no_body, html = documents([str(path)])

    assert isinstance(first, Document) and first.uri == f"{path}#1" and first.origin == "table"
    assert first.content == "The ferry resumed service." and first.content_type == "text/plain"
    assert first.meta == {"id": "r1", "url": "https://news.example/1", "outlet": "News Example",
                          "title": "One", "published": "2024-03-14", "authors": "Mara Quill; Tobias Fenn"}
    assert isinstance(bad_json, ErrorRecord) and bad_json.source == f"{path}#2" and "JSON" in bad_json.reason
    assert isinstance(no_body, ErrorRecord) and "neither 'text' nor 'html'" in no_body.reason
    assert isinstance(html, Document) and html.content_type == "text/html" and html.meta == {"id": "4"}


def test_csv_rows_become_documents_with_split_authors(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text(
        "id,title,authors,text,html\n"
        'c1,"Ferry, again",Mara Quill ; Tobias Fenn,"The ferry resumed service.",\n'
        "c2,Empty,,,\n"
        "c3,Page,,,<p>The tram line opened.</p>\n",
        encoding="utf-8",
    )
    first, empty, page = documents([str(path)])
    assert isinstance(first, Document) and first.uri == f"{path}#1"
    assert first.meta == {"id": "c1", "title": "Ferry, again", "authors": "Mara Quill; Tobias Fenn"}
    assert isinstance(empty, ErrorRecord) and empty.source == f"{path}#2"
    assert isinstance(page, Document) and page.content == "<p>The tram line opened.</p>"


def test_count_is_what_documents_yields_without_reading_pages(tmp_path: Path) -> None:
    """The progress total: rows of tables (a quoted field may span lines), one per page, error or URL."""
    (tmp_path / "rows.jsonl").write_text('{"id": 1, "text": "a"}\n\n{not json\n{"id": 3}\n', encoding="utf-8")
    (tmp_path / "rows.csv").write_text('id,text\n1,"two\nlines"\n2,b\n', encoding="utf-8")
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / "page.html").write_bytes(PAGE)
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    inputs = [str(tmp_path), str(tmp_path / "missing.html"), "https://news.example/a"]
    assert count(inputs) == len(list(documents(inputs[:2]))) + 1 == 9
    (tmp_path / "archive.warc.gz").write_bytes(b"")
    assert count(inputs) is None  # a WARC archive's records are known only by reading it all


# --- URLs, served by a real HTTP server on 127.0.0.1 -------------------------------------------

ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/article": (200, {"Content-Type": "text/html; charset=iso-8859-1"}, PAGE),
    "/old": (302, {"Location": "/article"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/to-intranet": (301, {"Location": "http://intranet.example/admin"}, b""),
    "/data.json": (200, {"Content-Type": "application/json"}, b'{"a": 1}'),
    "/to-nowhere": (302, {"Location": "http://[broken/page"}, b""),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        status, headers, body = ROUTES.get(self.path, (404, {"Content-Type": "text/html"}, b"gone"))
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
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_is_fetched_when_private_addresses_are_allowed(server: str) -> None:
    doc = _only(list(documents([f"{server}/article"], allow_private=True)))
    assert isinstance(doc, Document)
    assert doc.content == PAGE and doc.origin == "url" and doc.content_type == "text/html"
    assert doc.meta == {"url": f"{server}/article", "charset": "iso-8859-1"}


def test_loopback_url_is_refused_by_default(server: str) -> None:
    error = _error([f"{server}/article"])
    assert "non-public address 127.0.0.1" in error.reason


def test_redirect_is_followed_and_the_final_url_kept(server: str) -> None:
    doc = _only(list(documents([f"{server}/old"], allow_private=True)))
    assert isinstance(doc, Document)
    assert doc.uri == f"{server}/old" and doc.meta["url"] == f"{server}/article"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404"),
        ("/data.json", "unsupported content type 'application/json'"),
        ("/loop", "too many redirects"),
        ("/to-nowhere", "redirect to an invalid URL"),
    ],
)
def test_failed_fetches_are_errors(server: str, path: str, reason: str) -> None:
    assert reason in _error([f"{server}{path}"], allow_private=True).reason


@pytest.mark.parametrize("url", ["http://[broken/news", "https://wire.example:99999/news"])
def test_a_malformed_url_is_an_error_not_a_crash(url: str) -> None:
    assert "not a valid URL" in _error([url]).reason


def test_a_redirect_into_a_private_network_is_refused(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every hop is checked: the test server passes as public, the host it redirects to does not."""
    addresses = {"127.0.0.1": "93.184.216.34", "intranet.example": "10.1.2.3"}
    monkeypatch.setattr(urls, "resolve", lambda host, port: [ipaddress.ip_address(addresses[host])])
    assert isinstance(_only(list(documents([f"{server}/article"]))), Document)
    error = _error([f"{server}/to-intranet"])
    assert "intranet.example resolves to non-public address 10.1.2.3" in error.reason


def test_table_columns_named_as_news_datasets_name_them_are_read(tmp_path: Path) -> None:
    path = tmp_path / "dataset.jsonl"
    row = {"id": "d1", "source": "hpo", "date": "2014-06-11", "headline": "Ferry back", "author": "Mara Quill",
           "link": "https://news.example/d1", "text": "The ferry resumed service."}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (document,) = documents([str(path)])
    assert isinstance(document, Document)
    assert document.meta == {"id": "d1", "url": "https://news.example/d1", "outlet": "hpo", "title": "Ferry back",
                             "published": "2014-06-11", "authors": "Mara Quill"}
