"""Fuzz WARC reading: any bytes as a .warc.gz give documents and error records, never an exception."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["storyline", "warcio"]):
    import storyline.ingest.warc  # noqa: F401 — imported here so that it is instrumented
    from storyline.evaluate import contracts

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from runner import main

SCRATCH = Path(tempfile.mkdtemp(prefix="fuzz-warc-"))
PAGE = b"<html><head><title>Tram</title></head><body><article><p>The tram line opened on Saturday.</p></article></body></html>"


def test_one_input(data: bytes) -> None:
    contracts.warc(data, SCRATCH)


def _archive(gzip: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://wire.example/tram", "response",
                                                  payload=io.BytesIO(PAGE), http_headers=headers))  # fmt: skip
    return out.getvalue()


def seeds() -> list[bytes]:
    return [_archive(gzip=True), _archive(gzip=False)]


if __name__ == "__main__":
    main(test_one_input, seeds)
