"""Read an HTML page: main text from a chain of extractors, each tried only when the one before found too little.

trafilatura in precision mode without its own fallbacks comes first (it keeps fewer teasers and
promotion blocks, and is cheap), then its balanced mode with its fallbacks, then readability, then
every <p> of prose. The page is parsed once; metadata comes
from our own readers of the markup, which are cheaper than trafilatura's and prefer explicit data.
"""

from __future__ import annotations

from collections.abc import Callable

import htmldate
import lxml.html
import trafilatura
from htmldate.extractors import get_external_parser
from lxml.html import HtmlElement
from readability import Document as Readability
from readability.readability import Unparseable

from storyline.extraction import metadata
from storyline.extraction.language import language_of
from storyline.extraction.page import ExtractionError, Page, is_prose

# Below this (about three sentences), an extractor probably missed the article body: prose in bare
# <div>s around <p>s, or precision mode keeping only a reprint notice. The next extractor is tried.
MIN_MAIN_CHARS = 400
_NOT_ARTICLE = {"nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template"}
_BLOCKS = "p|h2|h3|h4|h5|h6|li|blockquote|pre"

MainText = Callable[[HtmlElement, str | None], list[str]]


def _trafilatura(**options: bool) -> MainText:
    def read(tree: HtmlElement, url: str | None) -> list[str]:
        found = trafilatura.bare_extraction(tree, url=url, include_comments=False, **options)
        return _lines(found.text if found else None)

    return read


def _readability(tree: HtmlElement, url: str | None) -> list[str]:
    """readability's choice of the main block, split into its paragraphs and headings."""
    try:
        summary = Readability(lxml.html.tostring(tree, encoding="unicode"), url=url).summary(html_partial=True)
    except (Unparseable, ValueError, TypeError):
        return []
    block = lxml.html.fromstring(summary) if summary.strip() else None
    if block is None:
        return []
    return [text for node in block.xpath(f"//*[self::{_BLOCKS.replace('|', ' or self::')}]")
            if (text := " ".join(node.text_content().split()))]  # fmt: skip


def prose_paragraphs(tree: HtmlElement, url: str | None = None) -> list[str]:
    """Text of every <p> outside navigation and page furniture that reads like a sentence or more."""
    found = []
    for node in tree.iter("p"):
        if any(ancestor.tag in _NOT_ARTICLE for ancestor in node.iterancestors()):
            continue
        text = " ".join(node.text_content().split())
        if is_prose(text):
            found.append(text)
    return found


# In order of trust; the next one runs only while the best text so far is shorter than MIN_MAIN_CHARS.
# The first is trafilatura's precision mode alone, which is right for most pages and cheap; only when it
# finds too little does trafilatura compare its own fallbacks (readability, jusText) in balanced mode.
MAIN_TEXT: list[MainText] = [
    _trafilatura(favor_precision=True, fast=True), _trafilatura(), _readability, prose_paragraphs,
]


def main_text(tree: HtmlElement, url: str | None) -> list[str]:
    best: list[str] = []
    for reader in MAIN_TEXT:
        found = reader(tree, url)
        if _size(found) > _size(best):
            best = found
        if _size(best) >= MIN_MAIN_CHARS:
            break
    return best


def read_html(html: str, url: str | None = None) -> Page:
    tree = trafilatura.load_html(html)
    if tree is None:
        raise ExtractionError("page could not be parsed as HTML")
    ld = metadata.json_ld(tree)
    meta = metadata.MetaTags(tree)
    paragraphs = main_text(tree, url)
    if not any(map(is_prose, paragraphs)):
        raise ExtractionError(
            f"no article text found (page has {len(prose_paragraphs(tree))} paragraphs of prose)"
        )
    page_url = metadata.canonical_of(tree, meta, url)
    names = metadata.site_names(meta, ld, page_url)
    lang = tree.xpath("string(/html/@lang)") or tree.xpath("string(/html/@xml:lang)")
    return Page(
        paragraphs=paragraphs,
        title=metadata.title_of(tree, meta, ld, names),
        outlet=names[0] if names else None,
        authors=metadata.authors_of(tree, meta, ld),
        published=metadata.published_of(tree, meta, ld) or _htmldate(tree, page_url),
        language=language_of("\n".join(paragraphs), lang or None),
        url=page_url,
    )


def _size(paragraphs: list[str]) -> int:
    return sum(map(len, paragraphs))


def _lines(text: str | None) -> list[str]:
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


def warm_dates() -> None:
    """Compile dateparser's patterns for every locale now. htmldate hands a date written in words to
    dateparser, which on its first text that no locale reads compiles them all (about 2 s of CPU), once
    a process: a real run pays it too, on some early page dated only in its text. Paid here, the first
    task of a worker is not slower than the rest, and a benchmark's clock measures pages, not the warm-up."""
    get_external_parser().get_date_data("xyzzy 2001")


def _htmldate(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's guess of the original publication date; it reads only the page and the URL string."""
    return htmldate.find_date(tree, original_date=True, url=url)
