"""What a reader (HTML or plain text) found on a page, before declared metadata and cleanup."""

from __future__ import annotations

from dataclasses import dataclass, field


PROSE_MIN_WORDS = 6
PROSE_MIN_CHARS = 40  # for scripts written without spaces (Chinese, Japanese)


def is_prose(paragraph: str) -> bool:
    """Long enough to be a sentence of an article rather than a menu item or a label."""
    return len(paragraph.split()) >= PROSE_MIN_WORDS or len(paragraph.strip()) >= PROSE_MIN_CHARS


class ExtractionError(Exception):
    """No usable article text in the input; the message says why."""


@dataclass(slots=True)
class Page:
    paragraphs: list[str]
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    language: str | None = None
    url: str | None = None
    # Plain text has no markup for the headline: its first line may be it.
    headline_in_text: bool = False
