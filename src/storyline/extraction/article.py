"""`extract()`: one input to one `Article`, preferring what the source declared over what is guessed.

Extraction is two steps so that a corpus-level learner can act between them: `read()` gives a
`Draft` (metadata settled, paragraphs still raw), `finish()` cuts chrome and fixes the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from storyline.extraction.cleanup import Cleaned, clean
from storyline.extraction.dates import iso_date
from storyline.extraction.decode import decode, looks_like_html
from storyline.extraction.html import read_html
from storyline.extraction.metadata import domain_of
from storyline.extraction.page import ExtractionError, Page, is_prose
from storyline.extraction.plaintext import looks_like_headline, read_text
from storyline.model import Article, Document

__all__ = ["Draft", "ExtractionError", "extract", "finish", "read"]

# Cuts paragraphs an outlet is known to repeat on every page; given the outlet and the raw paragraphs.
Filter = Callable[[str | None, list[str]], Cleaned]


@dataclass(slots=True)
class Draft:
    """An article whose metadata is known but whose text is not final yet."""

    paragraphs: list[str]
    url: str | None
    outlet: str | None
    title: str | None
    authors: list[str]
    published: str | None
    language: str | None
    source_uri: str | None
    declared_id: str | None = None
    headline_in_text: bool = False

    @property
    def page_key(self) -> str:
        """What makes two drafts the same page, for counting on how many pages a paragraph recurs."""
        return self.declared_id or self.url or self.source_uri or "\n".join(self.paragraphs)


def extract(source: Document | str | bytes, url: str | None = None, boilerplate: Filter | None = None) -> Article:
    """Raise `ExtractionError` when no article text remains; every other input gives an Article."""
    return finish(read(source, url), boilerplate)


def read(source: Document | str | bytes, url: str | None = None) -> Draft:
    document = source if isinstance(source, Document) else Document(uri=url or "", content=source)
    declared = dict(document.meta)
    # A fetched page's final address is only where it was found; its canonical link names it better.
    fetched_url = declared.pop("url") if document.origin in ("url", "feed", "warc") and "url" in declared else None
    page_url = declared.get("url") or url or fetched_url
    page = _read(document, page_url)
    canonical = declared.get("url") or page.url or page_url
    authors = [name.strip() for name in declared.get("authors", "").split(";") if name.strip()]
    return Draft(
        paragraphs=page.paragraphs,
        url=canonical,
        outlet=declared.get("outlet") or page.outlet or domain_of(canonical),
        title=declared.get("title") or page.title,
        authors=authors or page.authors,
        published=iso_date(declared.get("published")) or declared.get("published") or page.published,
        language=page.language,
        source_uri=document.uri or None,
        declared_id=declared.get("id"),
        headline_in_text=page.headline_in_text,
    )


def finish(draft: Draft, boilerplate: Filter | None = None) -> Article:
    """The final text: outlet boilerplate cut first (the strongest evidence), then the chrome rules."""
    paragraphs, removed = draft.paragraphs, []
    if boilerplate is not None:
        learned = boilerplate(draft.outlet, paragraphs)
        paragraphs, removed = learned.paragraphs, removed + learned.removed
    title = draft.title
    cleaned = clean(paragraphs, title=title, outlet=draft.outlet)
    paragraphs, removed = cleaned.paragraphs, removed + cleaned.removed
    if title is None and draft.headline_in_text and len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        title = paragraphs[0]
        again = clean(paragraphs[1:], title=title, outlet=draft.outlet)
        paragraphs, removed = again.paragraphs, removed + again.removed
    if not any(map(is_prose, paragraphs)):
        raise ExtractionError("no article text left after removing site chrome")

    text = "\n\n".join(paragraphs)
    return Article(
        id=draft.declared_id or Article.make_id(draft.url, text),
        text=text,
        url=draft.url,
        outlet=draft.outlet,
        title=title,
        authors=draft.authors,
        published=draft.published,
        language=draft.language,
        source_uri=draft.source_uri,
        removed=removed,
    )


def _read(document: Document, url: str | None) -> Page:
    content = document.content
    text = decode(content, document.meta.get("charset")) if isinstance(content, bytes) else content
    is_html = document.content_type != "text/plain" and looks_like_html(text)
    return read_html(text, url) if is_html else read_text(text)
