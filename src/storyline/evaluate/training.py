"""`storyline train statements`: learn the cue patterns from a PolNeAR training split.

Training reads only the split it is given (the project ships no corpus text); the counts it writes
are the model. Rebuilding from `polnear/train` with the pinned spaCy model gives the same file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from spacy.tokens import Doc

from storyline.analysis.cue_patterns import Annotated, PatternCounts
from storyline.analysis.nlp import load_nlp
from storyline.evaluate.polnear import PolnearArticle, load_polnear


def _annotations(article: PolnearArticle) -> list[Annotated]:
    """Each attribution with both a cue and a content, as the outer range of their fragments."""
    return [
        Annotated((a.cue[0][0], a.cue[-1][1]), (a.content[0][0], a.content[-1][1]))
        for a in article.attributions
        if a.cue and a.content
    ]


def train_statements(folder: Path, on_article: Callable[[], None] = lambda: None) -> PatternCounts:
    """Cue pattern counts over every article of the split, parsed with the model `analyze` uses."""
    articles = list(load_polnear(folder))
    if not articles:
        raise ValueError(f"no PolNeAR articles in {folder} (expected text/*.txt and attributions/*.ann)")

    def examples() -> Iterator[tuple[Doc, list[Annotated]]]:
        docs = load_nlp().pipe((a.text for a in articles), batch_size=32)
        for article, doc in zip(articles, docs, strict=True):
            on_article()
            yield doc, _annotations(article)

    return PatternCounts.learn(examples())
