"""Outlet-level boilerplate: learned from recurrence on an outlet's pages, persisted, recorded, never prose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES
from storyline.extraction import Draft, extract, finish
from storyline.extraction.boilerplate import BoilerplateLearner
from storyline.pipeline import analyze
from storyline.store import Store

CHROME = "Coast News Morning Brief: the day's headlines in your inbox at seven"
QUOTED = "“We will keep the harbour open whatever happens,” the harbour master said at the weekly briefing today."


def _draft(number: int, outlet: str = "Coast News") -> Draft:
    story = [
        f"Story {number}: the council approved plan number {number} for the harbour district on Monday evening.",
        f"Work on stage {number} is due to begin in the autumn and last about {number + 1} years in all.",
    ]
    return Draft(paragraphs=[story[0], CHROME, QUOTED, story[1]], url=f"https://coast.example/{number}",
                 outlet=outlet, title=None, authors=[], published=None, language="en", source_uri=None)  # fmt: skip


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "s.db") as s:
        yield s


def test_a_paragraph_on_three_pages_of_an_outlet_is_cut_from_all_of_them(store: Store) -> None:
    learner = BoilerplateLearner(store)
    window = [_draft(n) for n in range(3)]
    learner.learn(window)
    articles = [finish(draft, learner) for draft in window]
    for article in articles:
        assert CHROME not in article.text and QUOTED in article.text
        assert article.removed == [f"boilerplate: {CHROME}"]
    (row,) = store.boilerplate_rows()
    assert (row["outlet"], row["text"], row["pages"]) == ("coast news", CHROME, 3)


def test_two_pages_are_not_enough_and_other_outlets_are_not_touched(store: Store) -> None:
    learner = BoilerplateLearner(store)
    learner.learn([_draft(1), _draft(2), _draft(3, outlet="Valley Post")])
    assert CHROME in finish(_draft(1), learner).text
    assert CHROME in finish(_draft(3, outlet="Valley Post"), learner).text


def test_the_same_page_seen_again_does_not_count_twice(store: Store) -> None:
    learner = BoilerplateLearner(store)
    for _ in range(3):
        learner.learn([_draft(1)])
    assert CHROME in finish(_draft(1), learner).text


def test_learning_persists_across_runs(store: Store) -> None:
    BoilerplateLearner(store).learn([_draft(n) for n in range(3)])
    later = BoilerplateLearner(store)  # a new run: nothing learnt in memory
    assert CHROME not in finish(_draft(9), later).text


def test_extract_without_a_learner_keeps_unknown_paragraphs() -> None:
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in _draft(1).paragraphs) + "</article></body></html>"
    assert CHROME in extract(html).text


def test_the_sample_corpus_copyright_line_goes_by_learning(tmp_path: Path) -> None:
    corpus = EXAMPLES / "corpus" / "capital-wire"
    if not corpus.is_dir():
        pytest.skip("examples/corpus is not present")
    db = tmp_path / "s.db"
    analyze([corpus], db)
    with Store(db) as store:
        removed = [json.loads(row["removed"]) for row in store.article_rows()]
        assert removed and all(any(r.startswith("boilerplate: © 2026 Capital Wire") for r in rm) for rm in removed)
        assert all("All rights reserved" not in row["text"] for row in store.article_rows())
