"""The data each detail page shows, built once and served both as HTML and as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from storyline.compare import report
from storyline.model import Article
from storyline.store import Store
from storyline.web import queries
from storyline.web.highlight import article_marks, highlight


def fold_copies(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Originals in order, each with the near-copies that republished it folded underneath."""
    parent = {a["id"]: a["duplicate_of"] for a in articles if a.get("duplicate_of")}
    present = {a["id"] for a in articles}
    originals: dict[str, dict[str, Any]] = {}
    copies: list[tuple[str, dict[str, Any]]] = []
    for a in articles:
        root, seen = a["id"], {a["id"]}
        while parent.get(root) in present and parent[root] not in seen:  # a copy of a copy: its first original
            root = parent[root]
            seen.add(root)
        if root == a["id"]:
            originals[root] = dict(a, copies=[])
        else:
            copies.append((root, a))
    for root, a in copies:
        if root in originals:
            originals[root]["copies"].append(a)
        else:  # copies of each other only (a cycle): show them as they are
            originals[a["id"]] = dict(a, copies=[])
    return list(originals.values())


def story_view(store: Store, story_id: str) -> dict[str, Any] | None:
    """The report's story data (coverage, statements by speaker, discrepancies), with copies folded."""
    row = queries.story_summary(store, story_id)
    if row is None:
        return None
    articles = [store.load_article(aid) for aid in store.story_article_ids(story_id)]
    data = report.story_section(store, row, articles, store.duplicates())  # one definition of a story's data
    data["storyline_id"] = row["storyline_id"]
    data["storyline_label"] = row["storyline_label"]
    data["folded"] = fold_copies(data["articles"])
    return data


def with_discrepancies(store: Store, line: dict[str, Any]) -> dict[str, Any]:
    """A storyline with the discrepancies that hold across it (name spellings), as the report words them."""
    shown = store.discrepancies(storyline_id=line["id"], min_confidence=report.discrepancy_floor(every=False))
    line["discrepancies"] = [report.discrepancy_row(d, {}) for d in shown]
    return line


@dataclass(slots=True)
class ArticleView:
    article: Article
    story_id: str | None
    story_label: str | None
    duplicate_of: str | None
    original: str | None

    @property
    def html(self) -> Markup:
        return highlight(self.article.text, article_marks(self.article))

    def entities(self) -> list[dict[str, Any]]:
        """Entities named in the article, most-mentioned first."""
        counts: dict[str, int] = {}
        for m in self.article.mentions:
            counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
        ents = self.article.entities
        return sorted(
            ({"id": i, "name": ents[i].name if i in ents else i, "kind": ents[i].kind if i in ents else "other",
              "mentions": n} for i, n in counts.items()),
            key=lambda e: (-e["mentions"], e["name"]),
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url, "authors": a.authors,
            "published": a.published, "language": a.language, "text": a.text,
            "story_id": self.story_id, "duplicate_of": self.duplicate_of,
            "statements": [
                {"id": s.id, "kind": s.kind, "content": s.content.to_dict(), "cue": s.cue.to_dict(),
                 "source": s.source.to_dict() if s.source else None,
                 "speaker": s.speaker.to_dict() if s.speaker else None, "confidence": s.confidence}
                for s in a.statements
            ],
            "mentions": [
                {"entity_id": m.entity_id, "kind": m.kind, "via": m.via, "span": m.span.to_dict()} for m in a.mentions
            ],
            "entities": self.entities(),
        }  # fmt: skip


def article_view(store: Store, article_id: str) -> ArticleView | None:
    meta = queries.article_meta(store, article_id)
    if meta is None:
        return None
    original = " · ".join(x for x in (meta["original_outlet"], meta["original_title"]) if x) or None
    return ArticleView(
        store.load_article(article_id), meta["story_id"], meta["story_label"], meta["duplicate_of"], original
    )
