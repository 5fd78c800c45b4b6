"""The data model every stage reads and annotates.

Like spaCy's `Doc`, one `Article` travels through the pipeline and each stage adds its layer
(sentences, mentions, statements, embedding). Every fact points back into `Article.text` with a
`Span`, so any claim in a report can be shown highlighted in its source.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Literal

StatementKind = Literal["direct", "indirect", "mixed"]
EntityKind = Literal["person", "org", "place", "group", "other"]
Relation = Literal["exact", "partial", "paraphrase"]
Attribute = Literal["name", "number", "date", "place", "quote", "speaker"]


def stable_id(*parts: str, prefix: str = "", length: int = 16) -> str:
    """A short id that is the same on every machine and every run for the same parts."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]
    return f"{prefix}{digest}"


def normalise_text(text: str) -> str:
    """Text reduced to what identifies an article: case, spacing and punctuation folded."""
    return " ".join(re.findall(r"\w+", text.lower()))


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets `[start, end)` into an article's text, with the text they cover."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text {self.text!r} does not fit {self.start}..{self.end}")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, int | str]:
        return {"start": self.start, "end": self.end, "text": self.text}

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def __contains__(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Document:
    """Raw input before extraction: bytes or text, and where it came from.

    `meta` carries fields a source already knows (JSONL/CSV columns, feed entries): id, url, outlet,
    title, published, authors. Extraction prefers them over what it guesses from the page.
    """

    uri: str
    content: bytes | str
    content_type: str = "text/html"
    origin: str = "file"  # file, url, feed, warc, table
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Entity:
    """One real-world person, organisation or place, with every form it was written in.

    `aliases` maps each form seen ("Jen Stoltenberg", "the NATO chief") to the ids of the
    articles that used it, so a misspelling can be traced to the outlet that printed it.
    """

    id: str
    name: str
    kind: EntityKind
    aliases: dict[str, set[str]] = field(default_factory=dict)
    # Known only by a description in its article ("the spokeswoman", "officials"): the registry never
    # takes it for anyone of another article.
    described: bool = False

    def add_alias(self, form: str, article_id: str) -> None:
        self.aliases.setdefault(form, set()).add(article_id)


@dataclass(frozen=True, slots=True)
class EntityKey:
    """A key a canonical entity is filed under (a folded form, a surname, a short form), so the registry
    finds its candidates in the store; `seq` is when the entity was registered: ties go to the earliest."""

    space: str  # what kind of key and entity: "org:form", "person:surname", "org:short"
    key: str
    entity_id: str
    seq: int


@dataclass(slots=True)
class Mention:
    """An entity named (or referred to by a title or pronoun) at a span of one article."""

    article_id: str
    span: Span
    entity_id: str
    kind: EntityKind
    via: str = "name"  # name, surname, title, pronoun, alias


@dataclass(slots=True)
class Speaker:
    """The resolved speaker of a statement: a canonical entity id, its display name, and the role the
    article gives them ("attorney for Donald Trump Jr."), which is never part of the name."""

    id: str
    name: str
    kind: EntityKind = "person"
    role: str | None = None

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, **({"role": self.role} if self.role else {})}


@dataclass(slots=True)
class Statement:
    """Speech or writing attributed to a source.

    `source` is the source as written ("he", "the NATO chief"); `speaker` is who that is.
    """

    article_id: str
    kind: StatementKind
    content: Span
    cue: Span
    source: Span | None = None
    speaker: Speaker | None = None
    confidence: float = 1.0

    @property
    def id(self) -> str:
        return stable_id(self.article_id, str(self.content.start), str(self.content.end), prefix="s")


@dataclass(slots=True)
class Article:
    """A clean article: main text plus metadata, annotated in place by later stages."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601 date or datetime, as precise as the source gives
    language: str | None = None
    source_uri: str | None = None
    # Annotation layers, filled by the analysis stage.
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # boilerplate cut from the text, for audit

    @property
    def outlet_label(self) -> str:
        """Who to credit in views: the outlet, else the source's file name, else the id."""
        if self.outlet:
            return self.outlet
        if self.source_uri:
            return re.split(r"[/\\]", self.source_uri.rstrip("/"))[-1] or self.source_uri
        return self.id

    @staticmethod
    def make_id(url: str | None, text: str) -> str:
        """Stable id from the canonical URL, else the normalised text: re-ingesting is a no-op."""
        key = url.strip().lower().rstrip("/") if url else normalise_text(text)
        return stable_id(key, prefix="a")


@dataclass(slots=True)
class Story:
    """Articles about one real-world event or development (one meeting, one announcement)."""

    id: str
    label: str
    article_ids: list[str]
    first_seen: str | None = None
    last_seen: str | None = None
    storyline_id: str | None = None


@dataclass(slots=True)
class Storyline:
    """A thread of stories over time that share actors and subject (the Afghan peace talks)."""

    id: str
    label: str
    story_ids: list[str]
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(slots=True)
class StatementGroup:
    """One statement as reported by several articles, with how close each report is."""

    id: str
    statement_ids: list[str]
    relation: Relation
    speaker: Speaker | None = None
    misquoted: list[str] = field(default_factory=list)  # statement ids whose quote wording differs


@dataclass(slots=True)
class Evidence:
    """One side of a discrepancy: what an article says, and where."""

    article_id: str
    outlet: str | None
    value: str
    span: Span
    # For a quote: the words of this side that the other side words differently, and whether this side
    # is the misquote (its changed words were added) or the wording most outlets print (removed).
    changed: list[Span] = field(default_factory=list)
    misquoted: bool = False

    def segments(self) -> list[tuple[str, bool]]:
        """The span's text cut into (text, changed) runs, so views can mark the changed words."""
        runs, at = [], self.span.start
        for c in sorted(self.changed, key=lambda c: c.start):
            runs += [(self.span.text[at - self.span.start : c.start - self.span.start], False), (c.text, True)]
            at = c.end
        runs.append((self.span.text[at - self.span.start :], False))
        return [(text, changed) for text, changed in runs if text]


@dataclass(slots=True)
class Discrepancy:
    """One attribute reported differently by outlets covering the same story or storyline."""

    id: str
    attribute: Attribute
    subject: str  # what the values describe: an entity name, "people evacuated", a quote
    evidence: list[Evidence]
    story_id: str | None = None
    storyline_id: str | None = None
    confidence: float = 1.0  # how sure its finder is that the values conflict; views hide the unsure ones


@dataclass(slots=True)
class ErrorRecord:
    """An input that could not be processed, and why: the run records it and goes on."""

    source: str
    stage: str  # ingest, extract, analyse, store
    reason: str
    at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
