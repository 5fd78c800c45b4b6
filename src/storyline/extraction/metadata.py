"""Article metadata from the page's markup: JSON-LD and meta tags first, visible bylines after."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from storyline.extraction.dates import iso_date
from storyline.model import normalise_text

ARTICLE_TYPES = frozenset(
    {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
     "OpinionNewsArticle", "BackgroundNewsArticle", "WebPage", "LiveBlogPosting"}
)
DATE_META = ("article:published_time", "og:article:published_time", "datePublished",
             "pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued",
             "sailthru.date", "parsely-pub-date")
AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")
_BYLINE_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')"
    " or contains(@class, 'author-name') or @rel='author' or @itemprop='author']"
)
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_NAME = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,4}$")


def json_ld(tree: HtmlElement) -> dict[str, Any]:
    """The page's article object from JSON-LD, or {} when it has none."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except (json.JSONDecodeError, TypeError):
            continue
        for item in _ld_items(data):
            kinds = item.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if kinds & ARTICLE_TYPES:
                return item
    return {}


def _ld_items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for entry in data:
            yield from _ld_items(entry)
    elif isinstance(data, dict):
        yield data
        yield from _ld_items(data.get("@graph", []))


class MetaTags:
    """The page's <meta> values, read in one pass: readers ask for dozens of keys per page."""

    ATTRIBUTES = ("property", "name", "itemprop")

    def __init__(self, tree: HtmlElement) -> None:
        self._values: dict[tuple[str, str], str] = {}
        for node in tree.iter("meta"):
            value = (node.get("content") or "").strip()
            if value:
                for attribute in self.ATTRIBUTES:
                    if key := node.get(attribute):
                        self._values.setdefault((attribute, key), value)

    def first(self, *keys: str) -> str | None:
        """First non-empty <meta property|name|itemprop=key> value, trying keys in order."""
        for key in keys:
            for attribute in self.ATTRIBUTES:
                if value := self._values.get((attribute, key)):
                    return value
        return None


def title_of(tree: HtmlElement, meta: MetaTags, ld: dict[str, Any], names: list[str]) -> str | None:
    """The headline without the " | Outlet" suffix that <title> tags and some og:titles carry."""
    candidates = [meta.first("og:title", "twitter:title"), _text(ld.get("headline"))]
    candidates += [_squash(h1.text_content()) for h1 in tree.xpath("//h1")[:1]]
    candidates += [_squash(title.text_content()) for title in tree.xpath("//title")[:1]]
    known = {normalise_text(name) for name in names if name}
    for candidate in candidates:
        if candidate and normalise_text(candidate) not in known:
            return strip_site_suffix(candidate, known)
    return None


def strip_site_suffix(title: str, known: set[str]) -> str:
    for separator in TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and _names_site(normalise_text(tail), known):
            return head.strip()
    return title


def _names_site(tail: str, known: set[str]) -> bool:
    """"Riverside Courier" names "The Riverside Courier" and the other way round."""
    return bool(tail) and any(tail in name or name in tail for name in known if name)


def site_names(meta: MetaTags, ld: dict[str, Any], url: str | None) -> list[str]:
    """Every name the site goes by, most explicit first: the outlet is the first of them."""
    publisher = ld.get("publisher")
    names = [
        meta.first("og:site_name", "application-name"),
        _text(publisher.get("name")) if isinstance(publisher, dict) else _text(publisher),
        domain_of(url),
    ]
    return [name for name in names if name]


def domain_of(url: str | None) -> str | None:
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # "http://[broken": a page's own links are untrusted input
        return None
    return host.removeprefix("www.") if host else None


def _joined(base: str | None, href: str) -> str | None:
    """`href` made absolute against `base`; None when it is no usable URL (hostile markup)."""
    try:
        url = urljoin(base, href) if base else href
        urlsplit(url).port  # noqa: B018 — raises on a malformed host or port
    except ValueError:
        return None
    return url


def authors_of(tree: HtmlElement, meta: MetaTags, ld: dict[str, Any]) -> list[str]:
    """Names from the first source that has any: JSON-LD, meta tags, a visible byline."""
    sources = (
        lambda: _ld_names(ld.get("author")),
        lambda: _names(meta.first(*AUTHOR_META)),
        lambda: [name for node in tree.xpath(_BYLINE_XPATH) for name in byline_names(node.text_content())],
    )
    for source in sources:
        names = _unique(source())
        if names:
            return names
    return []


def byline_names(text: str) -> list[str]:
    """"By Mara Quill and Tobias Fenn" -> both names; text that is not a list of names gives []."""
    text = _squash(_BY.sub("", text)).split(" | ")[0]
    parts = [part.strip(" .") for part in _NAME_SPLIT.split(text) if part.strip(" .")]
    return parts if parts and all(_NAME.match(part) for part in parts) else []


def published_of(tree: HtmlElement, meta: MetaTags, ld: dict[str, Any]) -> str | None:
    candidates = [_text(ld.get("datePublished")), meta.first(*DATE_META)]
    candidates += tree.xpath("//time[@itemprop='datePublished']/@datetime")[:1]
    for candidate in candidates:
        if date := iso_date(candidate):
            return date
    return None


def canonical_of(tree: HtmlElement, meta: MetaTags, url: str | None) -> str | None:
    og_url = meta.first("og:url")
    og_url = _joined(None, og_url) if og_url else None
    base = url or og_url
    for href in tree.xpath("//link[@rel='canonical']/@href"):
        if href.strip() and (canonical := _joined(base, href.strip())):
            return canonical
    return og_url or url


def _ld_names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [name for entry in value for name in _ld_names(entry)]
    if isinstance(value, dict):
        return _ld_names(value.get("name"))
    return _names(value) if isinstance(value, str) else []


def _names(value: str | None) -> list[str]:
    """Author names from a meta value; profile URLs are not names."""
    if not value or value.startswith(("http://", "https://")):
        return []
    return [part.strip() for part in value.split(";") if part.strip()]


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(_squash(name) for name in names if name.strip()))


def _text(value: Any) -> str | None:
    return _squash(value) if isinstance(value, str) and value.strip() else None


def _squash(text: str) -> str:
    return " ".join(text.split())
