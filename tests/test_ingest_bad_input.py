"""Bad input of every kind the issue names becomes an error record with its reason; the run goes on."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.extraction import extract
from storyline.ingest import documents
from storyline.ingest.content import MAX_BYTES
from storyline.ingest.urls import Fetcher, fetch
from storyline.model import Document, ErrorRecord

PARAGRAPH = "The ferry resumed service on Monday after the storm, the harbour office said in a statement."
PAGE = f"<html><body><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></body></html>".encode()


def _reason(path: Path) -> str:
    (result,) = documents([str(path)])
    assert isinstance(result, ErrorRecord), result
    return result.reason


def test_a_50_mb_page_is_refused_by_its_size_before_parsing(tmp_path: Path) -> None:
    huge = tmp_path / "huge.html"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written
    started = time.perf_counter()
    assert _reason(huge) == "file is larger than 10 MB"
    assert time.perf_counter() - started < 1


def test_a_gzip_bomb_is_refused_without_inflating_it(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b" " * (MAX_BYTES + 10)))
    assert "larger than 10 MB uncompressed" in _reason(bomb)


def test_a_truncated_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.html.gz"
    path.write_bytes(gzip.compress(PAGE * 50)[:-40])
    assert "not a valid gzip file" in _reason(path) and "truncated" in _reason(path)


@pytest.mark.parametrize(
    ("payload", "declared"),
    [
        (f'<html><head><meta charset="utf-8"></head><body><p>Café {PARAGRAPH}</p></body></html>'.encode("cp1252"), None),
        (f"<html><body><p>Café {PARAGRAPH}</p></body></html>".encode("cp1252"), None),
        (f"<html><body><p>Café {PARAGRAPH}</p></body></html>".encode(), "no-such-charset"),
        (f"<html><body><p>Café {PARAGRAPH}</p></body></html>".encode(), "iso-8859-7x"),
    ],
    ids=["wrong-meta", "missing", "unknown-declared", "bogus-declared"],
)
def test_a_wrong_or_missing_charset_still_reads_right(payload: bytes, declared: str | None) -> None:
    meta = {"charset": declared} if declared else {}
    assert extract(Document(uri="p", content=payload, meta=meta)).text.startswith("Café The ferry")


def test_a_folder_of_bad_files_gives_one_error_each_and_keeps_the_good_one(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "junk.html").write_bytes(bytes(range(256)) * 16)
    (tmp_path / "good.html").write_bytes(PAGE)
    found = list(documents([tmp_path]))
    reasons = {Path(r.source).name: r.reason for r in found if isinstance(r, ErrorRecord)}
    assert reasons == {"empty.html": "file is empty", "junk.html": "file is binary, not text or HTML"}
    assert [Path(d.uri).name for d in found if isinstance(d, Document)] == ["good.html"]


class _Slow(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/slow":
            time.sleep(1.0)
        self.send_response(404 if self.path == "/robots.txt" else 200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_url_that_times_out_is_an_error(server: str) -> None:
    result = fetch(f"{server}/slow", fetcher=Fetcher(allow_private=True, timeout_s=0.2))
    assert isinstance(result, ErrorRecord) and result.reason == "timed out after 0.2 s"


def test_analyze_reports_failures_exits_1_and_keeps_them_for_export(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "empty.html").write_bytes(b"")
    (corpus / "cut.html.gz").write_bytes(gzip.compress(PAGE)[:-10])
    db = tmp_path / "s.db"
    runner = CliRunner()
    result = runner.invoke(app, ["analyze", str(corpus), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "2 failed" in result.output
    exported = runner.invoke(app, ["export", "--what", "errors", "--db", str(db)])
    assert "file is empty" in exported.output and "not a valid gzip file" in exported.output


def test_a_usage_error_exits_2(tmp_path: Path) -> None:
    assert CliRunner().invoke(app, ["analyze", "--db", str(tmp_path / "s.db")]).exit_code == 2
