"""RSS and Atom feeds: poll with ETag/Last-Modified, take only items not seen before, fetch their pages."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import feedparser
import httpx

from storyline.ingest.errors import ingest_error
from storyline.ingest.urls import Fetcher, Refused, fetch
from storyline.model import Document, ErrorRecord

FEED_TYPES = {
    media: "feed"
    for media in ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
                  "application/rdf+xml", "application/feed+xml")
}  # fmt: skip


class FeedMemory(Protocol):
    """What a follower remembers between polls (`storyline.store.Store`)."""

    def feed_validators(self, url: str) -> tuple[str | None, str | None]: ...

    def save_feed_validators(self, url: str, etag: str | None, last_modified: str | None) -> None: ...

    def unseen_feed_items(self, feed: str, items: Sequence[str]) -> list[str]: ...

    def mark_feed_items(self, feed: str, items: Iterable[str]) -> None: ...


class NotAFeed(ValueError):
    """The response parsed as neither RSS nor Atom."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    key: str  # the entry's id, else its link: what "seen" is remembered by
    link: str
    meta: Mapping[str, str]


def parse_feed(content: bytes, base_url: str) -> list[FeedItem]:
    try:
        parsed = feedparser.parse(content, response_headers={"content-location": base_url})
    except Exception as exc:  # noqa: BLE001 — hostile bytes raise what they like inside feedparser (fuzzing)
        raise NotAFeed(f"not an RSS or Atom feed ({type(exc).__name__}: {exc})") from exc
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        raise NotAFeed(f"not an RSS or Atom feed ({problem or 'no feed elements found'})")
    return [item for entry in parsed.entries if (item := _item(entry))]


def _item(entry: Mapping) -> FeedItem | None:
    link = entry.get("link")
    if not link:
        return None
    meta = {"url": link}
    if entry.get("title"):
        meta["title"] = " ".join(entry["title"].split())
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        meta["published"] = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", stamp)
    authors = entry.get("authors")
    names = [str(a["name"]) for a in authors if isinstance(a, Mapping) and a.get("name")] if isinstance(authors, list) else []
    if names:
        meta["authors"] = "; ".join(names)
    return FeedItem(key=entry.get("id") or link, link=link, meta=meta)


def feed_documents(feeds: Iterable[str], memory: FeedMemory, fetcher: Fetcher) -> Iterator[Document | ErrorRecord]:
    """The pages of every new item of every feed; a feed that fails is an error and the others go on."""
    for feed in feeds:
        yield from _poll(feed, memory, fetcher)


def _poll(feed: str, memory: FeedMemory, fetcher: Fetcher) -> Iterator[Document | ErrorRecord]:
    etag, modified = memory.feed_validators(feed)
    conditional = {"If-None-Match": etag} if etag else {}
    if modified:
        conditional["If-Modified-Since"] = modified
    try:
        response = fetcher.get(feed, accept=FEED_TYPES, headers=conditional)
        items = [] if response.not_modified else parse_feed(response.content, response.url)
    except (Refused, NotAFeed) as exc:
        yield ingest_error(feed, str(exc))
        return
    except httpx.TimeoutException:
        yield ingest_error(feed, f"timed out after {fetcher.timeout_s:g} s")
        return
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        yield ingest_error(feed, f"could not fetch ({exc.__class__.__name__}: {exc})")
        return
    new = set(memory.unseen_feed_items(feed, [item.key for item in items]))
    for item in items:
        if item.key in new:
            yield _page(item, fetcher)
            memory.mark_feed_items(feed, [item.key])
    if not response.not_modified:
        memory.save_feed_validators(feed, response.headers.get("etag"), response.headers.get("last-modified"))


def _page(item: FeedItem, fetcher: Fetcher) -> Document | ErrorRecord:
    found = fetch(item.link, fetcher=fetcher)
    if isinstance(found, ErrorRecord):
        return found
    return Document(uri=found.uri, content=found.content, content_type=found.content_type, origin="feed",
                    fetched_at=found.fetched_at, meta={**item.meta, **found.meta})  # fmt: skip

