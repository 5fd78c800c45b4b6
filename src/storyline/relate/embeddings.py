"""Sentence embeddings from wordllama, loaded once per process from the files the package ships.

The machine is offline, so the model must never be fetched: a missing weight file is a setup error
that should say so plainly instead of surfacing as a network timeout deep inside the library.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

EMBEDDING_DIM = 256
LEAD_CHARS = 1000  # the title and lead carry the event; later paragraphs drift into background


@lru_cache(maxsize=1)
def _model() -> Any:
    try:
        import wordllama
        from wordllama import WordLlama

        return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=EMBEDDING_DIM)
    except (ImportError, FileNotFoundError, OSError, ValueError) as error:
        raise RuntimeError(
            "wordllama model files are missing: install the pinned `wordllama` package, which ships its "
            f"weights; nothing is downloaded at run time ({error})"
        ) from error


def lead_text(title: str | None, text: str) -> str:
    """What gets embedded: the headline and the opening of the article."""
    head = text[:LEAD_CHARS]
    return f"{title}. {head}" if title else head


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 rows, one per text; an empty text gets a zero row."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    vectors = np.asarray(_model().embed(texts, norm=False), dtype=np.float32).reshape(len(texts), -1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
