"""The whole pipeline on the two seed articles in ../shared/seeds (skipped when absent).

They show the problem in miniature: one speaker spelt two ways, a misspelt envoy, two meetings of
one storyline in two cities, and site chrome around the text.
"""

from __future__ import annotations

import json

import pytest

from storyline.export import export
from storyline.pipeline import analyze
from storyline.store import Store

CHROME = ("About admin", "Check Also", "Pakistan greenlights", "Khaama Press News Agency is the leading", "Home /")


@pytest.fixture(scope="module")
def seeded(seeds_dir, tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    summary = analyze([seeds_dir], db)
    assert summary.failed == 0, summary.errors
    assert summary.added == 2
    with Store(db) as store:
        yield store


def rows(store: Store, what: str) -> list[dict]:
    return [json.loads(line) for line in export(store, what).splitlines()]


def test_stoltenberg_speaks_in_both_articles(seeded):
    statements = rows(seeded, "statements")
    by_article: dict[str, list[str]] = {}
    for s in statements:
        if s["speaker"] and s["speaker"]["name"] == "Jens Stoltenberg":
            by_article.setdefault(s["article_id"], []).append(s["content"]["text"])
    assert len(by_article) == 2
    assert all(len(contents) >= 3 for contents in by_article.values())


def test_spellings_of_stoltenberg_are_one_entity_and_the_variant_is_reported(seeded):
    people = {e["name"]: e for e in rows(seeded, "entities")}
    stoltenberg = people["Jens Stoltenberg"]
    assert {"Jen Stoltenberg", "Jens Stoltenberg"} <= set(stoltenberg["aliases"])
    assert "Jen Stoltenberg" not in people
    names = [d for d in rows(seeded, "discrepancies") if d["attribute"] == "name"]
    values = {e["value"] for d in names for e in d["evidence"]}
    assert {"Jen Stoltenberg", "Jens Stoltenberg"} <= values


def test_khalizad_is_zalmay_khalilzad(seeded):
    people = {e["name"]: e for e in rows(seeded, "entities")}
    assert "Khalizad" in people["Zalmay Khalilzad"]["aliases"]
    assert "Khalizad" not in people


def test_two_stories_in_one_storyline(seeded):
    stories = rows(seeded, "stories")
    assert len(stories) == 2
    assert len({s["storyline_id"] for s in stories}) == 1


def test_site_chrome_is_neither_text_nor_statement(seeded):
    for article in rows(seeded, "articles"):
        for chrome in CHROME:
            assert chrome not in article["text"], (chrome, article["source"])
    for statement in rows(seeded, "statements"):
        assert "Khaama Press News Agency" not in statement["content"]["text"]


def test_running_again_adds_nothing(seeded, seeds_dir):
    summary = analyze([seeds_dir], seeded.path)
    assert (summary.added, summary.failed) == (0, 0)
    assert seeded.count("articles") == 2
