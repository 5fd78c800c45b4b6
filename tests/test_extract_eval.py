"""The extraction benchmark's metric, and the harness on a few of its pages when ../shared has them."""

from __future__ import annotations

import pytest

from conftest import SHARED
from storyline.evaluate.extraction import evaluate, load_benchmark, matching, score

TRUTH = "The old bridge will be rebuilt over the next two years, the council said."


def test_identical_text_scores_one_and_extra_text_lowers_precision_only() -> None:
    assert matching(TRUTH, TRUTH) == (1.0, 0.0, 0.0)
    tp, fp, fn = matching(TRUTH, TRUTH + " Sign up for our newsletter today and never miss a story.")
    assert fn == 0 and fp > 0
    scores = score([matching(TRUTH, TRUTH), (tp, fp, fn)])
    assert scores.recall == 1.0 and 0.5 < scores.precision < 1.0


def test_missing_text_lowers_recall_and_empty_output_scores_zero() -> None:
    assert score([matching(TRUTH, "The old bridge will be rebuilt")]).recall < 0.5
    assert score([matching(TRUTH, "")]).recall == 0.0


def test_harness_runs_both_extractors_on_benchmark_pages() -> None:
    folder = SHARED / "data" / "article-extraction-benchmark"
    if not folder.is_dir():
        pytest.skip("../shared/data/article-extraction-benchmark is not present")
    results = evaluate(load_benchmark(folder)[:3])
    assert [r.name for r in results] == ["storyline", "trafilatura"]
    assert all(r.pages == 3 and r.seconds > 0 and r.scores.f1 > 0.5 for r in results)
