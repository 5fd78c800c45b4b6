"""Outlet-level boilerplate, learned from the corpus: what an outlet prints on many of its pages is chrome.

No rule can know that "About admin" or "Capital Wire Daily Digest" is clutter, but the outlet gives it
away by repeating it. Each paragraph is counted per outlet by the hash of its normalised text, on
distinct pages, in a memory that persists (the store), so learning carries over from run to run. A
paragraph seen on `min_pages` pages of its outlet is removed from every page of that outlet, the
first ones too when they are learnt from in the same window. Reported prose is never removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from storyline.extraction.article import Draft
from storyline.extraction.cleanup import Cleaned, is_reported_prose
from storyline.model import normalise_text, stable_id

MIN_PAGES = 3
RULE = "boilerplate"


class ParagraphMemory(Protocol):
    """Where paragraph sightings and boilerplate decisions are kept (`storyline.store.Store`)."""

    def paragraph_pages(self, outlet: str, hashes: Iterable[str]) -> Mapping[str, int]: ...

    def add_paragraph_pages(self, outlet: str, sightings: Iterable[tuple[str, str]]) -> None: ...

    def add_boilerplate(self, outlet: str, paragraph_hash: str, text: str, pages: int) -> None: ...


def outlet_key(outlet: str | None) -> str | None:
    return normalise_text(outlet) or None if outlet else None


def paragraph_hash(paragraph: str) -> str | None:
    """The same for every spelling of one paragraph (case, spacing, punctuation); None for symbols only."""
    text = normalise_text(paragraph)
    return stable_id(text) if text else None


class BoilerplateLearner:
    """Counts what each outlet repeats (`learn`) and cuts it from that outlet's pages (call it)."""

    def __init__(self, memory: ParagraphMemory, min_pages: int = MIN_PAGES) -> None:
        self.memory = memory
        self.min_pages = min_pages

    def learn(self, drafts: Iterable[Draft]) -> None:
        """Note on which pages each paragraph occurs; counting stops once a paragraph is known to recur."""
        by_outlet: dict[str, set[tuple[str, str]]] = {}
        for draft in drafts:
            outlet = outlet_key(draft.outlet)
            if outlet is None:
                continue
            page = stable_id(draft.page_key)
            by_outlet.setdefault(outlet, set()).update(
                (digest, page) for paragraph in draft.paragraphs if (digest := paragraph_hash(paragraph))
            )
        for outlet, sightings in by_outlet.items():
            counts = self.memory.paragraph_pages(outlet, {digest for digest, _ in sightings})
            fresh = [(digest, page) for digest, page in sightings if counts.get(digest, 0) < self.min_pages]
            self.memory.add_paragraph_pages(outlet, sorted(fresh))

    def __call__(self, outlet: str | None, paragraphs: list[str]) -> Cleaned:
        key = outlet_key(outlet)
        if key is None:
            return Cleaned(paragraphs=list(paragraphs))
        hashes = [paragraph_hash(paragraph) for paragraph in paragraphs]
        counts = self.memory.paragraph_pages(key, {digest for digest in hashes if digest})
        result = Cleaned(paragraphs=[])
        for paragraph, digest in zip(paragraphs, hashes, strict=True):
            pages = counts.get(digest, 0) if digest else 0
            if pages >= self.min_pages and not is_reported_prose(paragraph):
                self.memory.add_boilerplate(key, digest, paragraph, pages)
                result.removed.append(f"{RULE}: {paragraph}")
            else:
                result.paragraphs.append(paragraph)
        return result
