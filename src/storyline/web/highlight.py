"""An article's text as HTML with every fact highlighted where it sits.

Spans overlap (a speaker's name inside a quote, a mention inside a statement), so nesting tags would
break. Instead the text is cut at every span boundary and each piece gets one flat `<span>` whose
classes name all the layers covering it: markup stays valid however the spans cross.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from storyline.model import Article


@dataclass(frozen=True, slots=True)
class Mark:
    """One layer over `[start, end)` of the text: a CSS class, and the statement or entity it belongs to."""

    start: int
    end: int
    layer: str  # statement, cue, source, entity-person, entity-org, …
    ref: str = ""
    title: str = ""


def article_marks(article: Article) -> list[Mark]:
    marks: list[Mark] = []
    for s in article.statements:
        who = s.speaker.name if s.speaker else "unattributed"
        marks.append(Mark(s.content.start, s.content.end, f"statement {s.kind}", s.id, f"{who} ({s.kind})"))
        marks.append(Mark(s.cue.start, s.cue.end, "cue", s.id, "cue"))
        if s.source:
            marks.append(Mark(s.source.start, s.source.end, "source", s.id, f"source: {who}"))
    for m in article.mentions:
        entity = article.entities.get(m.entity_id)
        name = entity.name if entity else m.span.text
        marks.append(Mark(m.span.start, m.span.end, f"entity {m.kind}", m.entity_id, f"{name} ({m.kind}, by {m.via})"))
    return marks


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """Escaped text with each piece wrapped in the classes of every mark covering it."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    anchored: set[str] = set()
    out: list[str] = []
    for start, end in pairwise(cuts):
        piece = escape(text[start:end])
        active = [m for m in valid if m.start <= start and end <= m.end]
        if not active:
            out.append(piece)
            continue
        layers = " ".join(sorted({word for m in active for word in m.layer.split()}))
        refs = " ".join(sorted({m.ref for m in active if m.ref}))
        titles = " · ".join(dict.fromkeys(m.title for m in active if m.title))
        anchor = ""
        for m in active:
            if not anchor and m.layer.startswith("statement") and m.ref not in anchored:
                anchored.add(m.ref)
                anchor = f' id="{escape(m.ref)}"'
        out.append(
            f'<span class="hl {escape(layers)}" data-refs="{escape(refs)}" title="{escape(titles)}"{anchor}>{piece}</span>'
        )
    return Markup("".join(out))


def mark_snippet(snippet: str | None, open_mark: str, close_mark: str) -> Markup:
    """An FTS snippet escaped, then its match markers turned into `<mark>`."""
    escaped = str(escape(snippet or ""))
    return Markup(escaped.replace(open_mark, "<mark>").replace(close_mark, "</mark>"))
