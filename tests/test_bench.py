"""The pipeline benchmark's synthetic pages: new articles about new events, not copies of the models.

If variants were near-copies, or repeated paragraphs an outlet prints on every page, the pipeline
would fold them into one story or cut them as boilerplate, and the benchmark would time neither.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from storyline.evaluate.bench import Run, SyntheticPages, plan
from storyline.pipeline import Pipeline
from storyline.store import Store


@pytest.fixture(scope="module")
def pages() -> SyntheticPages:
    if not (EXAMPLES / "corpus").is_dir():
        pytest.skip("examples/corpus is not present")
    return SyntheticPages((EXAMPLES / "corpus",), 31 * 2)


def test_variants_are_generated_lazily_and_the_same_every_time(pages: SyntheticPages) -> None:
    first, again = list(pages), list(pages)
    assert len(first) == 62 and [d.content for d in first] == [d.content for d in again]
    assert len({d.uri for d in first}) == 62


def test_variants_become_new_articles_with_statements_in_new_stories(pages: SyntheticPages, tmp_path: Path) -> None:
    with Store(tmp_path / "bench.db") as store:
        summary = Pipeline(store).run_documents(iter(pages))
        copies = sum(1 for r in store.article_rows() if r["duplicate_of"])
        stories = [r["article_ids"].split(",") for r in store.story_rows()]
    assert summary.failed == 0 and summary.added == 62
    assert copies <= 2 * 2  # the corpus's own syndicated copies, once per round
    assert summary.statements >= 2 * 200
    assert len(stories) >= 10 and max(map(len, stories)) <= 16  # not folded into the models' stories


def test_parallel_runs_are_set_beside_bare_spacy_on_as_many_processes() -> None:
    runs = plan(workers=2, dask="local", stages=["spaCy nlp.pipe (bare)", "storyline end to end"])
    assert runs == [
        Run("spaCy nlp.pipe (bare)"), Run("storyline end to end"),
        Run("spaCy nlp.pipe (bare)", 2), Run("storyline end to end", 2), Run("storyline end to end", 2, "local"),
    ]  # fmt: skip


def test_replayed_analyses_keep_their_spans_and_name_new_people_each_round(pages: SyntheticPages, tmp_path: Path) -> None:
    from storyline.evaluate.bench import _replayed
    from storyline.pipeline import RunSummary

    batches = list(_replayed(pages))
    articles = [a for batch in batches for a in batch.articles]
    assert len(articles) == 62 and sum(len(b.articles) == len(b.vectors) for b in batches) == len(batches)
    for article in articles:  # a span's text is checked against its offsets when it is made
        assert all(article.text[s.content.start : s.content.end] == s.content.text for s in article.statements)
    model, variant = articles[0], articles[31]
    assert variant.published == "2001-01-31" and len(variant.text) == len(model.text)  # dated as the rewritten page
    names = [{e.name for e in a.entities.values() if e.kind == "person"} for a in (model, variant)]
    assert names[0] and names[1] and not names[0] & names[1]
    with Store(tmp_path / "replay.db") as store:
        pipeline, summary = Pipeline(store), RunSummary()
        for batch in batches:
            pipeline.add(batch, summary)
        stories = [r["article_ids"].split(",") for r in store.story_rows()]
    assert summary.added == 62 and summary.statements >= 2 * 200
    assert len(stories) >= 10 and max(map(len, stories)) <= 16  # as the rewritten pages make them
