"""Fuzz feed parsing: any bytes give feed items with links, or NotAFeed."""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["storyline", "feedparser"]):
    import storyline.ingest.feeds  # noqa: F401 — imported here so that it is instrumented
    from storyline.evaluate import contracts

from runner import main


def test_one_input(data: bytes) -> None:
    contracts.feed(data)


def seeds() -> list[bytes]:
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Tram opens</title><link>/tram</link><guid>t1</guid>"
        "<pubDate>Sat, 04 May 2030 10:00:00 GMT</pubDate><author>a@wire.example (Ann Bell)</author></item>"
        "</channel></rss>"
    )
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Post</title>'
        '<entry><id>urn:1</id><title>Bridge</title><link href="https://post.example/bridge"/>'
        "<updated>2030-05-04T10:00:00Z</updated><author><name>Bo Lind</name></author></entry></feed>"
    )
    return [rss.encode(), atom.encode()]


if __name__ == "__main__":
    main(test_one_input, seeds)
