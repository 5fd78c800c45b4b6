"""Read an HTML page: main text with trafilatura, a paragraph extractor when it finds too little."""

from __future__ import annotations

import htmldate
import trafilatura
from lxml.html import HtmlElement

from storyline.extract import metadata
from storyline.extract.language import language_of
from storyline.extract.page import ExtractionError, Page, is_prose

# Below this, trafilatura probably missed the article body (e.g. prose in bare <div>s around <p>s).
MIN_MAIN_CHARS = 200
_NOT_ARTICLE = {"nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template"}


def read_html(html: str, url: str | None = None) -> Page:
    tree = trafilatura.load_html(html)
    if tree is None:
        raise ExtractionError("page could not be parsed as HTML")
    found = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
    paragraphs = _lines(found.text if found else None)
    if sum(map(len, paragraphs)) < MIN_MAIN_CHARS:
        prose = prose_paragraphs(tree)
        if sum(map(len, prose)) > sum(map(len, paragraphs)):
            paragraphs = prose
    if not any(map(is_prose, paragraphs)):
        raise ExtractionError(
            f"no article text found (page has {len(prose_paragraphs(tree))} paragraphs of prose)"
        )
    ld = metadata.json_ld(tree)
    page_url = metadata.canonical_of(tree, url)
    names = metadata.site_names(tree, ld, found.sitename if found else None, page_url)
    lang = tree.xpath("string(/html/@lang)") or tree.xpath("string(/html/@xml:lang)")
    return Page(
        paragraphs=paragraphs,
        title=metadata.title_of(tree, ld, names) or (found.title if found else None),
        outlet=names[0] if names else None,
        authors=metadata.authors_of(tree, ld, found.author if found else None),
        published=metadata.published_of(tree, ld) or _htmldate(html, page_url),
        language=language_of("\n".join(paragraphs), lang or (found.language if found else None)),
        url=page_url,
    )


def prose_paragraphs(tree: HtmlElement) -> list[str]:
    """Text of every <p> outside navigation and page furniture that reads like a sentence or more."""
    found = []
    for node in tree.iter("p"):
        if any(ancestor.tag in _NOT_ARTICLE for ancestor in node.iterancestors()):
            continue
        text = " ".join(node.text_content().split())
        if is_prose(text):
            found.append(text)
    return found


def _lines(text: str | None) -> list[str]:
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


def _htmldate(html: str, url: str | None) -> str | None:
    """htmldate's guess of the original publication date; it reads only the page and the URL string."""
    return htmldate.find_date(html, original_date=True, url=url)
