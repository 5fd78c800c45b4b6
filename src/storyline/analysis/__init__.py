"""Analysis stage: who is named, what was said, and who said it.

One spaCy pass per article (batched with `nlp.pipe`), then rules over tokens and text; no
coreference model and nothing downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from storyline.analysis.annotate import annotate
from storyline.analysis.finders import DEFAULT_FINDER, FINDERS
from storyline.analysis.identity import EntityRegistry
from storyline.analysis.nlp import load_nlp
from storyline.model import Article, Statement

__all__ = ["DEFAULT_FINDER", "FINDERS", "EntityRegistry", "analyse", "analyse_many", "load_nlp", "statements"]


def analyse(article: Article, doc: Doc | None = None, model: str = DEFAULT_FINDER) -> Article:
    """Annotate the article in place (sentences, mentions, entities, statements by the finder `model`) and return it."""
    return annotate(article, doc if doc is not None else load_nlp()(article.text), model)


def analyse_many(
    articles: Iterable[Article], batch_size: int = 32, processes: int = 1, model: str = DEFAULT_FINDER
) -> Iterator[Article]:
    """Analyse a stream of articles lazily, parsing them in batches (on `processes` spaCy processes)."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in load_nlp().pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=processes):
        yield annotate(article, doc, model)


def statements(text: str, model: str = DEFAULT_FINDER) -> list[Statement]:
    """Statements of a bare text, as if it were an article with id "text"; `model` names the finder."""
    return analyse(Article(id="text", text=text), model=model).statements
