"""The best any clustering of the story score could do on a labelled corpus: a ceiling, not a result.

Online assignment is judged over shuffled orders, and its spread hides whether a change to the
score put same-event pairs above other-event pairs. Offline agglomerative clustering over every
pair's score, with the threshold that is best *on the data itself*, answers that in seconds: if
it stays below a target, no arrival order, threshold or assignment rule on this score reaches it,
and only a better score can. It is reported beside the embedding cosine alone, to show what the
score's other signals add. It uses the gold labels to pick its threshold, so it is never a figure
to report as storyline's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storyline.evaluate.clustering import Scores, bcubed
from storyline.relate.features import ArticleFeatures
from storyline.relate.stories import StoryConfig, pair_score

MAX_ARTICLES = 5000  # the matrix is n²: beyond this, evaluate a sample
THRESHOLDS = tuple(round(0.2 + 0.01 * i, 2) for i in range(81))  # 0.20 … 1.00; the default joins at 0.55
LINKAGES = ("average", "complete")  # mean pair above the threshold / every pair above it
VETOED = -1.0  # a pair the score rules out (another venue, days apart) sits below every threshold


@dataclass(frozen=True, slots=True)
class Ceiling:
    signal: str  # "story score" or "embedding cosine"
    linkage: str
    threshold: float  # the best on this data
    bcubed: Scores


def score_matrix(features: Sequence[ArticleFeatures], config: StoryConfig | None = None) -> np.ndarray:
    """Every pair's story score (symmetric). A pair whose cosine is too low to reach the lowest
    threshold even with every bonus is not scored: it cannot be linked."""
    config = config or StoryConfig()
    cosines = _cosines(features)
    reach = config.actor_weight + config.time_weight  # the most a pair gains over its cosine
    scores = np.full_like(cosines, VETOED)
    for i, j in zip(*np.nonzero(np.triu(cosines + reach >= THRESHOLDS[0], k=1)), strict=True):
        scores[i, j] = scores[j, i] = max(pair_score(features[i], features[j], config), VETOED)
    np.fill_diagonal(scores, cosines.diagonal())
    return scores


def _cosines(features: Sequence[ArticleFeatures]) -> np.ndarray:
    vectors = np.stack([f.embedding for f in features]).astype(np.float64)
    return vectors @ vectors.T


def _best(similarity: np.ndarray, ids: list[str], gold: Mapping[str, str], signal: str, method: str) -> Ceiling:
    top = max(1.0, float(similarity.max()))
    distance = np.clip(top - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method=method)
    best: Ceiling | None = None
    for threshold in THRESHOLDS:
        labels = fcluster(tree, top - threshold, criterion="distance")
        scores = bcubed(dict(zip(ids, map(str, labels), strict=True)), gold)
        if best is None or scores.f1 > best.bcubed.f1:
            best = Ceiling(signal, method, threshold, scores)
    assert best is not None
    return best


def clustering_ceiling(features: Sequence[ArticleFeatures], gold: Mapping[str, str],
                       config: StoryConfig | None = None) -> list[Ceiling]:
    """Best B-cubed of offline clustering per signal and linkage, over the articles that have a gold label."""
    features = [f for f in features if f.article_id in gold]
    if len(features) > MAX_ARTICLES:
        raise ValueError(f"the ceiling compares every pair: {len(features)} articles is over {MAX_ARTICLES}; evaluate a sample")
    if len(features) < 2:
        raise ValueError("the ceiling needs at least two labelled articles")
    ids = [f.article_id for f in features]
    gold = {i: gold[i] for i in ids}
    signals = {"story score": score_matrix(features, config), "embedding cosine": _cosines(features)}
    return [_best(matrix, ids, gold, signal, method) for signal, matrix in signals.items() for method in LINKAGES]
