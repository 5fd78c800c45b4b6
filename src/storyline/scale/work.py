"""What a worker process does: read pages, then parse and embed articles, one batch per task (comparing
a story, `pipeline.compare_story`, is the third kind of task).

All three are pure functions of their input, so they give the same result in any process; the
models are loaded on first use and cached per process (`load_nlp`, the embedding loaders), so each
worker loads them once. Everything that depends on the corpus seen so far (boilerplate learning,
entity identities, near-duplicates, stories) stays in the parent, which is the single writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from storyline.analysis import DEFAULT_FINDER, analyse_many, load_nlp
from storyline.extraction import Draft, ExtractionError, read
from storyline.extraction.html import warm_dates
from storyline.model import Article, Document, ErrorRecord
from storyline.relate.features import document_vectors

T = TypeVar("T")


@dataclass(slots=True)
class Analysed:
    """A batch of analysed articles with their story embeddings (one row per article)."""

    articles: list[Article]
    vectors: np.ndarray


def attempt(source: str, step: Callable[[], T]) -> T | ErrorRecord:
    """The step's result, or the reason it failed: a hostile page must not end the run."""
    try:
        return step()
    except ExtractionError as exc:
        return ErrorRecord(source, "extract", str(exc))
    except Exception as exc:  # noqa: BLE001
        return ErrorRecord(source, "extract", f"{type(exc).__name__}: {exc}")


def read_batch(documents: list[Document]) -> list[Draft | ErrorRecord]:
    """Each document's draft (the costly HTML reading), or why it could not be read."""
    return [attempt(document.uri, lambda: read(document)) for document in documents]


def analyse_batch(articles: list[Article], model: str = DEFAULT_FINDER) -> Analysed:
    """The batch parsed in one spaCy pass and annotated (statements by the finder `model`), and its story embeddings."""
    analysed = list(analyse_many(articles, batch_size=max(1, len(articles)), model=model))
    return Analysed(analysed, document_vectors(analysed))


def warm() -> None:
    """Load the models a worker needs, and dateparser's patterns, before its first task, so the first batch is not slow."""
    load_nlp()
    warm_dates()
    document_vectors([Article(id="warm-up", text="Warm up.")])
