"""Read plain text: paragraphs are blocks between blank lines (or single lines if there are none)."""

from __future__ import annotations

import re

from storyline.extraction.language import language_of
from storyline.extraction.metadata import byline_names
from storyline.extraction.page import ExtractionError, Page, is_prose

HEADLINE_MAX_WORDS = 20
_BLANK_LINE = re.compile(r"\n\s*\n")
_BYLINE_WINDOW = 4


def read_text(text: str) -> Page:
    paragraphs = split_paragraphs(text)
    if not any(map(is_prose, paragraphs)):
        raise ExtractionError(f"no article text found (text has {len(paragraphs)} lines, none of them prose)")
    authors = next(
        (names for para in paragraphs[:_BYLINE_WINDOW] if para.lower().startswith("by ")
         if (names := byline_names(para))),
        [],
    )
    return Page(
        paragraphs=paragraphs,
        authors=authors,
        language=language_of(text),
        headline_in_text=True,
    )


def split_paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [" ".join(block.split()) for block in blocks if block.strip()]


def looks_like_headline(paragraph: str) -> bool:
    """Short, capitalised, and not a sentence: a headline rather than the lead paragraph."""
    words = paragraph.split()
    return (
        0 < len(words) <= HEADLINE_MAX_WORDS
        and paragraph[0].isupper()
        and not paragraph.rstrip("”\"’'").endswith((".", ":", ";", ","))
    )
