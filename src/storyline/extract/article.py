"""`extract()`: one input to one `Article`, preferring what the source declared over what is guessed."""

from __future__ import annotations

from storyline.extract.cleanup import clean
from storyline.extract.dates import iso_date
from storyline.extract.decode import decode, looks_like_html
from storyline.extract.html import read_html
from storyline.extract.metadata import domain_of
from storyline.extract.page import ExtractionError, Page, is_prose
from storyline.extract.plaintext import looks_like_headline, read_text
from storyline.model import Article, Document

__all__ = ["ExtractionError", "extract"]


def extract(source: Document | str | bytes, url: str | None = None) -> Article:
    """Raise `ExtractionError` when no article text remains; every other input gives an Article."""
    document = source if isinstance(source, Document) else Document(uri=url or "", content=source)
    declared = dict(document.meta)
    # A fetched page's final address is only where it was found; its canonical link names it better.
    fetched_url = declared.pop("url") if document.origin == "url" and "url" in declared else None
    page_url = declared.get("url") or url or fetched_url
    page = _read(document, page_url)

    canonical = declared.get("url") or page.url or page_url
    title = declared.get("title") or page.title
    outlet = declared.get("outlet") or page.outlet or domain_of(canonical)
    cleaned = clean(page.paragraphs, title=title, outlet=outlet)
    paragraphs, removed = cleaned.paragraphs, cleaned.removed
    if title is None and page.headline_in_text and len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        title = paragraphs[0]
        again = clean(paragraphs[1:], title=title, outlet=outlet)
        paragraphs, removed = again.paragraphs, removed + again.removed
    if not any(map(is_prose, paragraphs)):
        raise ExtractionError("no article text left after removing site chrome")

    text = "\n\n".join(paragraphs)
    authors = [name.strip() for name in declared.get("authors", "").split(";") if name.strip()]
    return Article(
        id=declared.get("id") or Article.make_id(canonical, text),
        text=text,
        url=canonical,
        outlet=outlet,
        title=title,
        authors=authors or page.authors,
        published=iso_date(declared.get("published")) or declared.get("published") or page.published,
        language=page.language,
        source_uri=document.uri or None,
        removed=removed,
    )


def _read(document: Document, url: str | None) -> Page:
    content = document.content
    text = decode(content, document.meta.get("charset")) if isinstance(content, bytes) else content
    is_html = document.content_type != "text/plain" and looks_like_html(text)
    return read_html(text, url) if is_html else read_text(text)
