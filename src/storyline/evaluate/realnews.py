"""The hand-annotated real-news sets (`evaluation/realnews/`), run through the real pipeline.

A set names its articles by key and its spans by offsets into the text as it is in `../shared/data`;
the pipeline reads the same rows as a table, as a user's run would, so its text can differ from the
row's (paragraph whitespace folded, a date line taken as the headline). `OffsetMap` carries gold
offsets over to the stored text.
"""

from __future__ import annotations

import json
import tempfile
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from storyline.analysis.finders import DEFAULT_FINDER
from storyline.evaluate.annotation import SourceArticle, read_corpus
from storyline.model import Article
from storyline.pipeline import Pipeline
from storyline.store import Store

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldStatement:
    id: str
    kind: str
    content: Range
    cue: Range | None
    source: Range | None
    speaker: str | None
    speaker_type: str
    role: str | None = None
    aliases: tuple[str, ...] = ()
    borderline: bool = False

    @property
    def named(self) -> bool:
        """Does the article name who said it (a person or an organisation)?"""
        return self.speaker_type in ("person", "organisation") and bool(self.speaker)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    key: str
    statements: list[GoldStatement]


@dataclass(frozen=True, slots=True)
class GoldSide:
    article: str
    span: Range
    statement: str | None = None  # "OUTLET:ID"


@dataclass(frozen=True, slots=True)
class GoldDifference:
    kind: str
    sides: list[GoldSide]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    event: str
    groups: list[list[str]]  # "OUTLET:ID" of the statements each group joins
    differences: list[GoldDifference]
    articles: tuple[str, ...] = ()  # the keys annotated, when not every article of the event (ECB+)
    kinds: frozenset[str] | None = None  # the difference kinds annotated, when not every kind


@dataclass(slots=True)
class GoldSet:
    articles: list[GoldArticle] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)


def _range(value: Any) -> Range | None:
    return (int(value[0]), int(value[1])) if value else None


def load_set(paths: Sequence[Path]) -> GoldSet:
    """One or more annotation files, as one set."""
    gold = GoldSet()
    for path in paths:
        raw = json.loads(path.read_text(encoding="utf-8"))
        for article in raw.get("articles", []):
            statements = [
                GoldStatement(
                    id=s["id"], kind=s["kind"], content=_range(s["content"]), cue=_range(s.get("cue")),  # type: ignore[arg-type]
                    source=_range(s.get("source")), speaker=s.get("speaker"), speaker_type=s["speaker_type"],
                    role=s.get("role"), aliases=tuple(s.get("aliases", ())), borderline=bool(s.get("borderline")),
                )  # fmt: skip
                for s in article["statements"]
            ]
            gold.articles.append(GoldArticle(article["article"], statements))
        for event in raw.get("events", []):
            differences = [
                GoldDifference(d["kind"], [GoldSide(s["article"], _range(s["span"]), s.get("statement")) for s in d["sides"]])  # type: ignore[arg-type]
                for d in event.get("differences", [])
            ]
            groups = [list(g) for g in event.get("groups", [])]
            kinds = frozenset(raw["difference_kinds"]) if "difference_kinds" in raw else None
            gold.events.append(GoldEvent(event["event"], groups, differences, tuple(event.get("articles", ())), kinds))
    return gold


class OffsetMap:
    """Row offsets to stored-text offsets, matching the two texts' non-space characters."""

    def __init__(self, raw: str, stored: str) -> None:
        self.identity = raw == stored
        if self.identity:
            return
        raw_at = [i for i, c in enumerate(raw) if not c.isspace()]
        stored_at = [i for i, c in enumerate(stored) if not c.isspace()]
        matcher = SequenceMatcher(None, "".join(raw[i] for i in raw_at), "".join(stored[i] for i in stored_at), autojunk=False)
        self.pairs: list[tuple[int, int]] = []  # (raw offset, stored offset) of every matched character
        for a, b, size in matcher.get_matching_blocks():
            self.pairs += [(raw_at[a + k], stored_at[b + k]) for k in range(size)]
        self.raw_keys = [r for r, _ in self.pairs]

    def span(self, span: Range) -> Range | None:
        """The stored span covering what is left of `span`; None when extraction dropped all of it."""
        if self.identity:
            return span
        first = bisect_left(self.raw_keys, span[0])
        last = bisect_left(self.raw_keys, span[1]) - 1
        if first > last:
            return None
        return self.pairs[first][1], self.pairs[last][1] + 1


def table_row(article: SourceArticle) -> dict[str, str]:
    return {"id": article.key, "outlet": article.outlet, "title": article.title, "published": article.published, "text": article.text}


@dataclass(slots=True)
class Analysed:
    """The set's articles as the pipeline stored them, and how to find gold spans in them."""

    store: Store
    articles: dict[str, Article]
    maps: dict[str, OffsetMap]
    failed: list[str]


@contextmanager
def analysed(keys: Sequence[str], data: Path, model: str = DEFAULT_FINDER) -> Iterator[Analysed]:
    """Run the whole pipeline over the set's articles (in the order given) in a throwaway store."""
    corpus = read_corpus(data)
    missing = [k for k in keys if k not in corpus]
    if missing:
        raise FileNotFoundError(f"articles {missing[:3]} are not in {data}: pass the folder holding wikinews/ and basil/")
    with tempfile.TemporaryDirectory(prefix="storyline-realnews-") as tmp:
        table = Path(tmp) / "articles.jsonl"
        table.write_text("".join(json.dumps(table_row(corpus[k])) + "\n" for k in keys), encoding="utf-8")
        with Store(Path(tmp) / "eval.db") as store:
            summary = Pipeline(store, model=model).run([table])
            articles = {k: store.load_article(k) for k in keys if store.has_article(k)}
            maps = {k: OffsetMap(corpus[k].text, a.text) for k, a in articles.items()}
            yield Analysed(store, articles, maps, [e.source for e in summary.errors])
