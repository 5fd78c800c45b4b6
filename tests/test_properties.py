"""Property-based tests (hypothesis): arbitrary input never breaks a surface's promise.

The promises are `storyline.evaluate.contracts`, the same checks the atheris targets in fuzz/ run for
longer. Examples are bounded so that the whole file takes seconds.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.evaluate import contracts

# feedparser warns about its own compatibility mapping on every dated entry.
pytestmark = pytest.mark.filterwarnings("ignore:To avoid breaking existing software:DeprecationWarning")

FAST = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

WORDS = st.sampled_from(
    ["the", "minister", "said", "told", "reporters", "Ann", "Bell", "she", "added", "according", "to", "police",
     "\u201c", "\u201d", '"', "'", "\u00ab", "\u00bb", ",", ".", ":", "\n", "\n\n", "<p>", "</p>", "&amp;", "\u00e9",
     "\u0627\u0644", "\U0001f600", "\u200b", "\r", "\t", "Dr.", "Mr", "Stoltenberg", "NATO", "would", "not"]
)  # fmt: skip
PROSE = st.lists(WORDS, max_size=80).map(" ".join)
TEXT = st.one_of(PROSE, st.text(max_size=300))

TAGS = st.sampled_from(["p", "div", "article", "h1", "span", "script", "style", "nav", "footer", "a", "table",
                        "td", "li", "time", "meta", "title", "br", "img", "svg", "iframe", "template", "noscript"])  # fmt: skip


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Tag soup: nested, unclosed and misclosed elements around prose, with stray attributes."""
    parts = ["<html><head><title>", draw(PROSE), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(TAGS)
        attr = draw(st.sampled_from(["", ' class="byline"', ' href="javascript:x()"', " charset=\"koi8-r\"",
                                     ' content="2030-02-31"', ' itemprop="author"', " x=\"\x00\""]))  # fmt: skip
        parts += [f"<{tag}{attr}>", draw(TEXT), draw(st.sampled_from([f"</{tag}>", "", "</div></div>", "<!--"]))]
    return "".join(parts)


@FAST
@given(st.binary(max_size=2000))
def test_extract_on_any_bytes_gives_an_article_or_extraction_error(data: bytes) -> None:
    contracts.extraction(data, url="https://fuzz.example/a")


@FAST
@given(html_pages(), st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_extract_on_tag_soup_in_any_encoding_gives_an_article_or_extraction_error(page: str, encoding: str) -> None:
    contracts.extraction(page.encode(encoding, errors="replace"))
    contracts.extraction(page)


@settings(max_examples=60, deadline=None, database=None)
@given(TEXT)
def test_statement_spans_are_always_exactly_their_text(text: str) -> None:
    contracts.statement_spans(text)


def test_statement_spans_hold_on_real_statements() -> None:
    """Guards the property above against vacuity: this text must yield statements to check."""
    text = '"We will not accept this," the minister said. Police said two people were hurt.'
    assert contracts.statement_spans(text)


FEED_TEXT = st.one_of(st.text(max_size=40), st.sampled_from(["&amp;", "&bogus;", "]]>", "<![CDATA[x", "\x00"]))


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    """RSS or Atom with hostile values in every field, sometimes cut short."""
    atom = draw(st.booleans())
    items = []
    for _ in range(draw(st.integers(0, 4))):
        title, link, date, author = (draw(FEED_TEXT) for _ in range(4))
        if atom:
            items.append(f'<entry><title>{title}</title><link href="{link}"/><updated>{date}</updated>'
                         f"<author><name>{author}</name></author><id>{link}</id></entry>")  # fmt: skip
        else:
            items.append(f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
                         f"<author>{author}</author></item>")  # fmt: skip
    body = "".join(items)
    document = (f'<feed xmlns="http://www.w3.org/2005/Atom">{body}</feed>' if atom
                else f'<rss version="2.0"><channel><title>w</title>{body}</channel></rss>')  # fmt: skip
    encoded = ('<?xml version="1.0" encoding="utf-8"?>' + document).encode("utf-8", errors="replace")
    return encoded[: draw(st.integers(0, len(encoded)))] if draw(st.booleans()) else encoded


@FAST
@given(st.one_of(feeds(), st.binary(max_size=500)))
def test_feed_parsing_gives_items_with_links_or_not_a_feed(content: bytes) -> None:
    contracts.feed(content)


def test_a_well_formed_feed_gives_its_items() -> None:
    content = b'<rss version="2.0"><channel><item><title>A</title><link>https://w.example/a</link></item></channel></rss>'
    assert [item.link for item in contracts.feed(content)] == ["https://w.example/a"]


def _warc(pages: list[bytes], gzip: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for number, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>", "WARC-Date": "2030-01-01T00:00:00Z"}
        record = writer.create_warc_record(f"https://w.example/{number}", "response", payload=io.BytesIO(page),
                                           http_headers=headers, warc_headers_dict=fixed)  # fmt: skip
        writer.write_record(record)
    return out.getvalue()


@st.composite
def damaged_warcs(draw: st.DrawFn) -> bytes:
    """A real archive (ids and dates fixed, so it is the same every time), cut short and/or overwritten."""
    pages = draw(st.lists(st.binary(max_size=200), min_size=1, max_size=3))
    data = bytearray(_warc(pages, gzip=draw(st.booleans())))
    for _ in range(draw(st.integers(0, 4))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data[: draw(st.integers(0, len(data)))])


@FAST
@given(st.one_of(damaged_warcs(), st.binary(max_size=500)))
def test_warc_reading_gives_documents_and_errors_never_an_exception(tmp_path: Path, content: bytes) -> None:
    contracts.warc(content, tmp_path)


def test_an_intact_warc_gives_its_pages(tmp_path: Path) -> None:
    page = b"<html><body><p>The tram line opened on Saturday.</p></body></html>"
    found = contracts.warc(_warc([page], gzip=True), tmp_path)
    assert [d.content for d in found] == [page]


@pytest.fixture(autouse=True, scope="module")
def _model_loaded_once() -> None:
    """Load spaCy before the timed examples so that its start-up is not charged to one of them."""
    from storyline.analysis import load_nlp

    load_nlp()
