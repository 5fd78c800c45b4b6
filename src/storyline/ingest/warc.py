"""Documents from WARC archives (Common Crawl CC-NEWS and friends): HTML response records only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from storyline.ingest.content import MAX_BYTES, MAX_LABEL, problem_with
from storyline.ingest.errors import ingest_error
from storyline.model import Document, ErrorRecord

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_warc(path: Path, uri: str) -> Iterator[Document | ErrorRecord]:
    """Each HTML response in the archive; a bad record is an error, a broken archive ends with one."""
    count = 0
    try:
        with path.open("rb") as stream:
            # Digests are checked where the archive has them: a record cut short then fails loudly.
            for record in ArchiveIterator(stream, check_digests="raise"):
                count += 1
                if record.rec_type == "response" and record.http_headers is not None:
                    yield from _response(record, uri)
    # warcio trusts record headers, so hostile ones raise anything (AttributeError, TypeError: fuzzing).
    except Exception as exc:  # noqa: BLE001 — a bad archive must end with its error, not end the run
        yield ingest_error(uri, f"WARC file is truncated or corrupt after {count} records ({exc})")


def _response(record, uri: str) -> Iterator[Document | ErrorRecord]:  # noqa: ANN001 — warcio's record
    target = record.rec_headers.get_header("WARC-Target-URI") or ""
    source = f"{uri}#{target}"
    media_type, _, params = (record.http_headers.get_header("Content-Type") or "").partition(";")
    if media_type.strip().lower() not in HTML_TYPES or not record.http_headers.get_statuscode().startswith("2"):
        return
    payload = record.content_stream().read(MAX_BYTES + 1)
    if len(payload) > MAX_BYTES:
        yield ingest_error(source, f"page is larger than {MAX_LABEL}")
        return
    if getattr(record.raw_stream, "limit", 0):  # the archive ended before the record's declared length
        raise EOFError(f"record {target or '?'} is cut short")
    problem = problem_with(payload, what="response")
    if problem:
        yield ingest_error(source, problem)
        return
    meta = {"url": target} if target else {}
    charset = next((value.strip(" \"'") for key, _, value in (p.partition("=") for p in params.split(";"))
                    if key.strip().lower() == "charset" and value.strip()), None)  # fmt: skip
    if charset:
        meta["charset"] = charset
    yield Document(uri=source, content=payload, content_type="text/html", origin="warc", meta=meta)
