"""What each input surface promises about arbitrary input, as checks that raise on a broken promise.

The property tests (hypothesis) and the coverage-guided fuzz targets (atheris, `fuzz/`) both call
these, so a crasher the fuzzer finds is a failing property test by construction: the only exceptions
allowed out of a surface are the ones its callers are written to handle.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from storyline.model import Article, Document, ErrorRecord, Span, Statement


class BrokenPromise(AssertionError):
    """A surface returned something its callers cannot rely on."""


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise BrokenPromise(message)


def extraction(content: bytes | str, url: str | None = None) -> Article | None:
    """An Article with text, or None for `ExtractionError`; any other exception escapes as a crash."""
    from storyline.extraction import ExtractionError, extract

    try:
        article = extract(content, url=url)
    except ExtractionError:
        return None
    _require(isinstance(article, Article), f"extract returned {type(article).__name__}")
    _require(bool(article.text.strip()), "extract returned an article without text")
    _require(bool(article.id), "extract returned an article without id")
    return article


def _span_fits(text: str, span: Span | None, what: str) -> None:
    if span is None:
        return
    _require(0 <= span.start <= span.end <= len(text), f"{what} span {span.start}..{span.end} outside the text")
    _require(text[span.start : span.end] == span.text, f"{what} span text {span.text!r} is not the text at its offsets")


def statement_spans(text: str) -> list[Statement]:
    """Statements whose content, cue and source spans all point at exactly their text."""
    from storyline.analysis import statements

    found = statements(text)
    for statement in found:
        _span_fits(text, statement.content, "content")
        _span_fits(text, statement.cue, "cue")
        _span_fits(text, statement.source, "source")
    return found


def feed(content: bytes, base_url: str = "https://feed.example/rss.xml") -> list | None:
    """Feed items each with a link, or None for `NotAFeed`."""
    from storyline.ingest.feeds import NotAFeed, parse_feed

    try:
        items = parse_feed(content, base_url)
    except NotAFeed:
        return None
    for item in items:
        _require(isinstance(item.link, str) and bool(item.link), f"feed item without a link: {item!r}")
        _require(all(isinstance(v, str) for v in item.meta.values()), f"feed item meta not text: {item.meta!r}")
    return items


def warc(content: bytes, folder: Path | None = None) -> list[Document | ErrorRecord]:
    """Documents and error records only, each document within the size cap: never an exception."""
    from storyline.ingest.content import MAX_BYTES
    from storyline.ingest.warc import read_warc

    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        path = Path(scratch) / "input.warc.gz"
        path.write_bytes(content)
        found = list(read_warc(path, str(path)))
    for item in found:
        _require(isinstance(item, (Document, ErrorRecord)), f"read_warc yielded {type(item).__name__}")
        if isinstance(item, Document):
            _require(len(item.content) <= MAX_BYTES, "a WARC document is over the size cap")
    return found
