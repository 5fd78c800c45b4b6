"""The whole pipeline on the bundled sample corpus, checked against examples/gold.json.

The corpus was written for this: five invented outlets, eight stories in three storylines, and planted
differences (a misspelt name, a number, misquotes, syndicated copies) that storyline must surface.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import pytest

from conftest import EXAMPLES
from storyline.evaluate.clustering import bcubed
from storyline.export import export
from storyline.pipeline import analyze
from storyline.store import Store

GOLD = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    summary = analyze([EXAMPLES / "corpus"], db)
    assert summary.failed == 0, summary.errors
    assert summary.added == len(GOLD["pages"])
    with Store(db) as s:
        yield s


def rows(store: Store, what: str) -> list[dict]:
    return [json.loads(line) for line in export(store, what).splitlines()]


def page_ids(store: Store) -> dict[str, str]:
    """Gold page path (relative to examples/corpus) → stored article id."""
    return {r["source_uri"].replace("\\", "/").split("corpus/", 1)[1]: r["id"] for r in store.article_rows()}


def test_stories_and_storylines_match_gold(store):
    ids = page_ids(store)
    stories = {aid: s["story_id"] for s in rows(store, "stories") for aid in s["article_ids"]}
    lines = {aid: s["storyline_id"] for s in rows(store, "stories") for aid in s["article_ids"]}
    gold_story = {ids[p["path"]]: p["story"] for p in GOLD["pages"]}
    gold_line = {ids[p["path"]]: p["storyline"] for p in GOLD["pages"]}
    assert bcubed(stories, gold_story).f1 >= 0.95
    assert bcubed(lines, gold_line).f1 >= 0.95


def test_metadata_is_extracted(store):
    ids = page_ids(store)
    articles = {a["id"]: a for a in rows(store, "articles")}
    for page in GOLD["pages"]:
        article = articles[ids[page["path"]]]
        assert article["outlet"] == page["outlet"]
        assert article["title"] == page["headline"]
        assert (article["published"] or "")[:10] == page["published"]


def test_syndicated_copies_are_linked_to_their_original(store):
    ids = page_ids(store)
    duplicates = store.duplicates()
    for pair in GOLD["near_copies"]:
        assert duplicates.get(ids[pair["copy"]]) == ids[pair["original"]], pair["copy"]
    assert len(duplicates) == len(GOLD["near_copies"])


def _norm(text: str) -> str:
    text = re.sub(r"[“”\"]", "", text).replace("‘", "'").replace("’", "'")
    return " ".join(text.lower().split())


def _matches(gold_statements: Iterable[dict], found: list[dict]) -> Iterable[tuple[dict, dict | None]]:
    for g in gold_statements:
        key = _norm(g["content_start"])[:25]
        hit = next((s for s in found if key in _norm(s["content"]["text"])[:80]), None)
        yield g, hit


def test_statements_and_speakers_against_gold(store):
    """Figures, not a target: guards against regressions in the statement and speaker stages."""
    ids = page_ids(store)
    by_article = defaultdict(list)
    for s in rows(store, "statements"):
        by_article[s["article_id"]].append(s)
    outcome = Counter()
    for page in GOLD["pages"]:
        for gold, hit in _matches(page["statements"], by_article[ids[page["path"]]]):
            outcome["gold"] += 1
            if hit:
                outcome["found"] += 1
                name = (hit["speaker"] or {}).get("name") or ""
                want, got = gold["speaker"].lower(), name.lower()
                outcome["speaker"] += bool(got) and (want in got or got in want)
    recall = outcome["found"] / outcome["gold"]
    speaker_accuracy = outcome["speaker"] / outcome["found"]
    assert recall >= 0.85, outcome
    assert speaker_accuracy >= 0.80, outcome


def test_quoted_titles_and_scare_quotes_are_not_statements(store):
    ids = page_ids(store)
    for item in GOLD["non_statements"]:
        contents = [_norm(s.content.text) for s in store.load_article(ids[item["page"]]).statements]
        assert _norm(item["text"]) not in contents, item


def test_misspelt_name_is_reported_with_the_outlet_that_printed_it(store):
    ids = page_ids(store)
    for case in GOLD["misspellings"]:
        found = [
            d for d in rows(store, "discrepancies")
            if d["attribute"] == "name" and any(e["value"] == case["variant"] for e in d["evidence"])
        ]  # fmt: skip
        assert found, case
        sides = {(e["value"], e["article_id"]) for e in found[0]["evidence"]}
        assert (case["variant"], ids[case["page"]]) in sides
        assert any(value == case["correct"] for value, _ in sides)


def test_number_reported_differently_is_reported(store):
    ids = page_ids(store)
    for case in GOLD["number_discrepancies"]:
        outlier = ids[case["outlier_page"]]
        numbers = [d for d in rows(store, "discrepancies") if d["attribute"] == "number"]
        assert any(
            any(e["article_id"] == outlier and str(case["numeric"][case["outlier_page"]]) in e["value"] for e in d["evidence"])
            for d in numbers
        ), case


def test_misquotes_are_reported(store):
    ids = page_ids(store)
    quotes = [d for d in rows(store, "discrepancies") if d["attribute"] == "quote"]
    for case in GOLD["misquotes"]:
        assert any(any(e["article_id"] == ids[case["page"]] for e in d["evidence"]) for d in quotes), case


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_report_shows_every_story(store, fmt):
    from storyline.compare.report import render

    text = render(store, fmt)
    for story in rows(store, "stories"):
        assert story["label"] in text if fmt != "html" else story["story_id"] in text
    if fmt == "json":
        assert json.loads(text)["counts"]["stories"] == len(GOLD["stories"])


def test_report_is_a_digest_and_the_full_dump_is_behind_full(store):
    from storyline.compare.report import render

    digest, full = render(store, "md"), render(store, "md", full=True)
    assert "#### Statements by speaker" in full and "Statements by speaker" not in digest
    assert len(digest.splitlines()) * 3 < len(full.splitlines())
    # Every planted misquote is a line of the digest, its changed words struck and set in bold.
    assert digest.count("**misquote**") >= len(GOLD["misquotes"]) and "~~" in digest
    assert "<del>" in render(store, "html") and "<ins>" in render(store, "html")
    for row in rows(store, "discrepancies"):
        if row["attribute"] == "quote":
            assert row["removed"] or row["added"], row
