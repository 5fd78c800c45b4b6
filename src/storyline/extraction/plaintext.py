"""Read plain text: paragraphs are blocks between blank lines (or single lines if there are none)."""

from __future__ import annotations

import re

from storyline.extraction.language import language_of
from storyline.extraction.metadata import byline_names
from storyline.extraction.page import ExtractionError, Page, is_prose

HEADLINE_MAX_WORDS = 20
_BLANK_LINE = re.compile(r"\n\s*\n")
_BYLINE_WINDOW = 4
_HEADING_WORD = re.compile(r"[^\W\d_][\w'’]*")
_HEADING_MIN_WORDS = 2  # capitalised words of four letters or more


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
    return [" ".join(part.split()) for block in blocks for part in _headed(block) if part.strip()]


def _headed(block: str) -> list[str]:
    """A block with the heading lines that open it apart ("Firings Cap a Year of Purges" above the lead on
    the next line): a headline, subheading or dateline is no part of the sentence that follows it."""
    parts = []
    lines = block.strip().split("\n")
    while len(lines) > 1 and _heading(lines[0]):
        parts.append(lines.pop(0))
    return [*parts, "\n".join(lines)]


def _heading(line: str) -> bool:
    """A line set as a heading: every longer word capitalised, not all in capitals (shouted prose), and no
    sentence's end. Wrapped prose has lower-case words ("said", "that") on nearly every line."""
    words = [w for w in _HEADING_WORD.findall(line) if len(w) > 3]
    ended = line.rstrip().endswith((".", ",", ";", ":"))
    return len(words) >= _HEADING_MIN_WORDS and all(w[0].isupper() for w in words) and not line.isupper() and not ended


def looks_like_headline(paragraph: str) -> bool:
    """Short, capitalised, and not a sentence: a headline rather than the lead paragraph."""
    words = paragraph.split()
    return (
        0 < len(words) <= HEADLINE_MAX_WORDS
        and paragraph[0].isupper()
        and not paragraph.rstrip("”\"’'").endswith((".", ":", ";", ","))
    )
