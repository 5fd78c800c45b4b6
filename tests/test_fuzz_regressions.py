"""Inputs the fuzz targets (fuzz/) crashed on, kept so that each crash stays fixed.

Each is a shortened form of the crashing input; the contract it broke is in
`storyline.evaluate.contracts`, the same check the fuzz target runs.
"""

from __future__ import annotations

from pathlib import Path

from storyline.evaluate import contracts
from storyline.model import ErrorRecord


def test_a_feed_with_a_garbled_encoding_declaration_is_not_a_feed() -> None:
    # feedparser decoded the declared encoding name as UTF-8 and raised UnicodeDecodeError.
    content = b'<?xml version="1.0" encoding="ut\x9a-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>P</title></feed>'
    assert contracts.feed(content) is None


def test_a_warc_response_without_a_target_uri_ends_the_archive_with_an_error(tmp_path: Path) -> None:
    # warcio called .startswith on the missing WARC-Target-URI and raised AttributeError.
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Hi.</p></body></html>"
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x>\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: " + str(len(http)).encode()
        + b"\r\n\r\n" + http + b"\r\n\r\n"
    )  # fmt: skip
    found = contracts.warc(record, tmp_path)
    assert len(found) == 1 and isinstance(found[0], ErrorRecord)
    assert "truncated or corrupt" in found[0].reason


def test_a_feed_whose_end_tags_confuse_the_sgml_fallback_is_not_a_feed() -> None:
    # feedparser's loose parser raised KeyError('links') on an end tag it had no start for.
    content = b'<?xml version=00.?""><rss version="2.0"><channel><title>Wire</title><item><title>Tram opens</title><link>/tra\x00\x00\x00\x00m</thor></entry></futhor></entry></link><guid>t1</guid><pubD><pubDate>Saate>Sat, 04 May 2&30 10:00:00 GMT</pubDate><au\xff\xff\xff\xff>a@wire.bbbbbbbbbb/rss>'
    assert contracts.feed(content) is None


def test_a_warc_with_a_garbled_digest_header_ends_with_an_error(tmp_path: Path) -> None:
    # warcio built a hashlib digester from a non-text algorithm name and raised TypeError.
    content = (
        b'WARC/1.0\r\nWARC-Type: responsettps://wire.example/tram\r\nWARC-Date\xc0: 2026-11-23T14:3F6SPHPVMIS5XCAUFVEBWWECPAR\r\nWARC-Block-Digest:\xa1\x01\x00\x00\x00\x00\x00\x00VNKUJE6Y6444444444444444444444444444444444444444444444444444444444444444444444444444444444444444444444444444444444444ecord-Iam</title></head><bod\x87\xc1\xc3\x9frticleContent-T'
        b'ype: application/http; msgtyhe=response\r\nContent-Length: 176\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/RC-nRe:uuicorC-Type: response\r\nWARC-Record-Iam</title></head><bod\x87\xc1\xc3\x9frticle><p>The tram line opened on Saturday.</p></article></body></html>\r\n\r\n'
    )
    found = contracts.warc(content, tmp_path)
    assert found and isinstance(found[-1], ErrorRecord)


def test_a_page_whose_canonical_link_is_a_broken_url_still_extracts() -> None:
    # urljoin raised ValueError("Invalid IPv6 URL") on the page's own canonical link.
    page = (
        '<html><head><link rel="canonical" href="https://wire.exampl[/news/tram.html">'
        '<meta property="og:url" content="http://[::1"></head><body><article><p>The tram line opened on '
        "Saturday after four years of works, the city said, and the first riders were cheered at every stop "
        "along the new route.</p></article></body></html>"
    )
    article = contracts.extraction(page, url="https://wire.example/news/tram.html")
    assert article is not None and article.url == "https://wire.example/news/tram.html"


def test_a_feed_whose_authors_element_is_text_keeps_its_items() -> None:
    # an <authors> element made feedparser give a string where a list of author records was read.
    content = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Tram opens</title>'
        b"<link>https://wire.example/tram</link><guid>t1</guid><author>a@wire.example (Ann Bell)</author>"
        b"<authors>Ann Bell</authors></item></channel></rss>"
    )
    items = contracts.feed(content)
    assert items is not None and [i.link for i in items] == ["https://wire.example/tram"]
