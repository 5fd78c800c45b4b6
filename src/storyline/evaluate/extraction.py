"""`storyline eval extraction`: main-text quality on the article-extraction benchmark, against trafilatura.

The metric is the benchmark's own (scrapinghub/article-extraction-benchmark): shingles of four `\\w+`
tokens, tp/fp/fn normalised per page, precision and recall averaged over pages, F1 of the averages.
Both extractors read the same bytes in the same run, page by page in turn, so the cost ratio is fair.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from storyline.evaluate.clustering import Scores
from storyline.extraction import ExtractionError, extract
from storyline.model import Document

SHINGLE = 4
_TOKEN = re.compile(r"\w+")

# An extractor reads a page's bytes (and its URL) and returns the main text, "" when it finds none.
Extractor = Callable[[bytes, str], str]


@dataclass(frozen=True, slots=True)
class BenchmarkPage:
    id: str
    url: str
    html: bytes
    truth: str


@dataclass(frozen=True, slots=True)
class ExtractorResult:
    name: str
    scores: Scores
    pages: int
    seconds: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def _storyline(html: bytes, url: str) -> str:
    try:
        return extract(Document(uri=url, content=html, meta={"url": url})).text
    except ExtractionError:
        return ""


def _trafilatura(html: bytes, url: str) -> str:
    return trafilatura.extract(html, url=url, include_comments=False) or ""


EXTRACTORS: dict[str, Extractor] = {"storyline": _storyline, "trafilatura": _trafilatura}


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    """The benchmark's shingles: a text shorter than one shingle is one shorter shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens)


def matching(truth: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingle counts, normalised so that long pages weigh no more than short ones."""
    true, pred = _shingles(truth), _shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(hit: float, miss: float, other_miss: float) -> float:
    if miss == other_miss == 0:
        return 1.0
    return hit / (hit + miss) if hit + miss else 0.0


def score(counts: Iterable[tuple[float, float, float]]) -> Scores:
    counts = list(counts)
    precisions = [_ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [_ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0]
    return Scores(
        statistics.mean(precisions) if precisions else 0.0, statistics.mean(recalls) if recalls else 0.0
    )


def load_benchmark(folder: Path) -> list[BenchmarkPage]:
    """Pages of the benchmark folder (`ground-truth.json` and `html/<id>.html.gz`), in id order."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        BenchmarkPage(
            id=page_id,
            url=entry.get("url") or "",
            html=gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()),
            truth=entry.get("articleBody") or "",
        )
        for page_id, entry in sorted(truth.items())
    ]


def evaluate(
    pages: list[BenchmarkPage], extractors: Mapping[str, Extractor] = EXTRACTORS
) -> list[ExtractorResult]:
    """Every extractor on every page, interleaved page by page so that neither gets a warmer machine."""
    counts: dict[str, list[tuple[float, float, float]]] = {name: [] for name in extractors}
    seconds = dict.fromkeys(extractors, 0.0)
    for page in pages:
        for name, extractor in extractors.items():
            started = time.perf_counter()
            text = extractor(page.html, page.url)
            seconds[name] += time.perf_counter() - started
            counts[name].append(matching(page.truth, text))
    return [ExtractorResult(name, score(counts[name]), len(pages), seconds[name]) for name in extractors]
