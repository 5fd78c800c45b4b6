"""WARC archives: HTML responses become documents; other records are skipped; a cut archive is an error."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.extraction import extract
from storyline.ingest import documents
from storyline.model import Document, ErrorRecord

BODY = (
    "<html><head><title>Tram line opens | Valley Wire</title></head><body><article><h1>Tram line opens</h1>"
    "<p>The new tram line between the station and the harbour opened on Saturday, the city council said, "
    "two months later than planned after delays at the river crossing.</p>"
    "<p>Passengers queued from early morning to ride the first trams, and the operator said it would add "
    "extra services at weekends until the end of the summer holidays.</p></article></body></html>"
)


def _write(path: Path, *, gzip: bool = True) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        records = [
            ("request", "https://wire.example/tram", None, b""),
            ("response", "https://wire.example/tram", "text/html; charset=iso-8859-1", BODY.encode("iso-8859-1")),
            ("response", "https://wire.example/logo.png", "image/png", b"\x89PNG\r\n"),
            ("response", "https://wire.example/other", "text/html", BODY.replace("tram", "bus").encode()),
        ]
        for kind, uri, content_type, payload in records:
            headers = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
            if kind == "response":
                headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=headers))


def test_html_responses_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    _write(path)
    found = list(documents([str(path)]))
    assert [d.uri for d in found] == [f"{path}#https://wire.example/tram", f"{path}#https://wire.example/other"]
    first = found[0]
    assert isinstance(first, Document) and first.origin == "warc"
    assert first.meta == {"url": "https://wire.example/tram", "charset": "iso-8859-1"}
    article = extract(first)
    assert article.url == "https://wire.example/tram" and article.title == "Tram line opens"
    assert article.text.startswith("The new tram line")


def test_an_uncompressed_warc_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "news.warc"
    _write(path, gzip=False)
    assert len([d for d in documents([str(path)]) if isinstance(d, Document)]) == 2


def test_a_truncated_warc_keeps_the_records_before_the_cut_and_ends_with_an_error(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    _write(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    found = list(documents([str(path)]))
    assert isinstance(found[0], Document) and found[0].uri.endswith("#https://wire.example/tram")
    assert isinstance(found[-1], ErrorRecord)
    assert found[-1].reason.startswith("WARC file is truncated or corrupt after")


def test_a_file_that_is_not_a_warc_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"<html>not an archive</html>\n" * 10)
    (error,) = documents([str(path)])
    assert isinstance(error, ErrorRecord) and "WARC file is truncated or corrupt after 0 records" in error.reason
