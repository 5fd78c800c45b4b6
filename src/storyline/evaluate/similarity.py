"""`storyline eval similarity`: storyline's same-story score against SemEval-2022 Task 8 judgements.

The score is the one story assignment uses (embedding cosine, shared actors, time, venue and date
conflicts). A vetoed pair (another venue, days apart) ranks below every pair that was not, ordered
by its cosine. Gold `Overall` runs from 1 (same story) to 4 (unrelated), so a good score correlates
negatively; the Pearson printed is against `-Overall`, comparable with published figures.
"""

from __future__ import annotations

import csv
import math
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyline.analysis import EntityRegistry, analyse_many
from storyline.model import Article
from storyline.relate.features import features_batch
from storyline.relate.stories import pair_score


@dataclass(frozen=True, slots=True)
class SimilarityResult:
    pairs: int
    pearson: float
    pearson_cosine: float  # the embedding alone, for comparison
    seconds: float


def _pairs(path: Path, languages: tuple[str, str]) -> list[dict[str, str]]:
    csv.field_size_limit(1 << 26)
    with path.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if (r["lang1"], r["lang2"]) == languages and r["Overall"]]


def _pearson(x: list[float], y: list[float]) -> float:
    return float(np.corrcoef(np.asarray(x), np.asarray(y))[0, 1])


def evaluate_similarity(path: Path, languages: tuple[str, str] = ("en", "en")) -> SimilarityResult:
    rows = _pairs(path, languages)
    if not rows:
        raise ValueError(f"{path}: no {languages[0]}-{languages[1]} pairs with an Overall score")
    started = time.perf_counter()
    articles = [
        Article(id=f"{r['pair_id']}:{side}", text=r[f"text{side}"].strip() or "(empty)")
        for r in rows
        for side in (1, 2)
    ]
    analysed = list(analyse_many(articles))
    registry = EntityRegistry()  # canonical ids, as the pipeline gives them: shared actors are compared by id
    for article in analysed:
        registry.canonicalise(article)
        registry.changes()
    features = features_batch(analysed)
    scores, cosines = [], []
    for a, b in zip(features[::2], features[1::2], strict=True):
        cosine = float(a.embedding @ b.embedding)
        value = pair_score(a, b)
        scores.append(value if math.isfinite(value) else cosine - 2.0)
        cosines.append(cosine)
    gold = [-float(r["Overall"]) for r in rows]
    return SimilarityResult(len(rows), _pearson(scores, gold), _pearson(cosines, gold), time.perf_counter() - started)
