"""The candidate index: only stories active around an article's date, nearest centroids first."""

from __future__ import annotations

from datetime import date

import numpy as np

from storyline.relate.benchmark import run
from storyline.relate.candidates import CentroidIndex


def unit(*values: float) -> np.ndarray:
    v = np.asarray(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_only_stories_active_within_the_window_are_candidates() -> None:
    index = CentroidIndex(window_days=3)
    index.update("jan", unit(1, 0), [date(2026, 1, 1)])
    index.update("mar", unit(1, 0), [date(2026, 3, 1)])
    assert index.nearest(unit(1, 0), date(2026, 1, 4), k=5) == ["jan"]
    assert index.nearest(unit(1, 0), date(2026, 1, 5), k=5) == []
    assert index.nearest(unit(1, 0), None, k=5) == ["jan", "mar"]  # undated: every story


def test_nearest_centroids_first_and_at_most_k() -> None:
    index = CentroidIndex()
    day = [date(2026, 5, 5)]
    for name, vector in [("far", unit(0, 1)), ("near", unit(1, 0.1)), ("mid", unit(1, 1))]:
        index.update(name, vector, day)
    assert index.nearest(unit(1, 0), day[0], k=2) == ["near", "mid"]


def test_a_growing_story_is_refiled_under_its_new_days_and_centroid() -> None:
    index = CentroidIndex(window_days=1)
    index.update("s", unit(1, 0), [date(2026, 1, 1)])
    index.update("s", unit(0, 1), [date(2026, 1, 1), date(2026, 1, 10)])
    assert len(index) == 1
    assert index.nearest(unit(0, 1), date(2026, 1, 5), k=1) == ["s"]  # inside the story's span
    assert index.nearest(unit(0, 1), date(2026, 1, 11), k=1) == ["s"]
    assert index.nearest(unit(0, 1), date(2026, 1, 12), k=1) == []


def test_undated_stories_are_candidates_for_dated_articles() -> None:
    index = CentroidIndex()
    index.update("undated", unit(1, 0), [])
    assert index.nearest(unit(1, 0), date(2026, 1, 1), k=3) == ["undated"]


def test_the_benchmark_assigns_synthetic_articles_to_their_stories() -> None:
    result = run(articles=300, queries=5, per_story=5, days=10)
    assert (result.articles, result.stories, result.queries, result.joined) == (300, 60, 5, 5)
    assert 0 < result.median_ms <= result.p95_ms
