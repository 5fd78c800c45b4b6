"""Discrepancies and the coverage matrix over the invented corpus of `test_alignment.py`."""

from __future__ import annotations

import json

import pytest
from test_alignment import KOVALENKO, find, harbour_articles, harbour_entities

from storyline.compare import coverage, find_discrepancies
from storyline.compare.discrepancies import name_parts, number_observations
from storyline.model import Article, Discrepancy, Entity, Statement
from storyline.relate.alignment import align_statements


@pytest.fixture(scope="module")
def found() -> list[Discrepancy]:
    articles = harbour_articles()
    return find_discrepancies(articles, align_statements(articles), harbour_entities(), story_id="st1")


def by_attribute(found: list[Discrepancy], attribute: str) -> list[Discrepancy]:
    return [d for d in found if d.attribute == attribute]


def values(d: Discrepancy) -> dict[str, str]:
    return {e.article_id: e.value for e in d.evidence}


def test_evidence_spans_point_into_their_article(found: list[Discrepancy]) -> None:
    texts = {a.id: a.text for a in harbour_articles()}
    assert found
    for d in found:
        assert d.id.startswith("d") and d.story_id == "st1" and d.storyline_id is None
        for e in d.evidence:
            assert texts[e.article_id][e.span.start : e.span.end] == e.span.text


def test_misspelt_name_found_but_not_short_forms(found: list[Discrepancy]) -> None:
    (name,) = by_attribute(found, "name")
    assert name.subject == "Marta Kovalenko"
    assert values(name)["a-herald"] == "Marta Kovalenco"
    assert values(name)["a-post"] == "Marta Kovalenko"
    assert {e.span.text for e in name.evidence} >= {"Marta Kovalenco", "Foreign Minister Marta Kovalenko"}


def test_different_number_found_equal_numbers_in_other_words_not(found: list[Discrepancy]) -> None:
    (number,) = by_attribute(found, "number")
    assert values(number) == {"a-ledger": "Forty", "a-post": "400", "a-herald": "forty", "a-wire": "Forty"}
    assert number.subject == "people were evacuated"
    post = next(e for e in number.evidence if e.article_id == "a-post")
    assert post.span.text == "400 people were evacuated"


def test_different_venue_found(found: list[Discrepancy]) -> None:
    (place,) = by_attribute(found, "place")
    assert values(place) == {"a-ledger": "Vienna", "a-post": "Graz", "a-wire": "Vienna"}


def test_relative_and_weekday_dates_resolve_to_one_day(found: list[Discrepancy]) -> None:
    # "on Tuesday" (published Tuesday 5 March) and "yesterday" (published 6 March) are one day.
    assert by_attribute(found, "date") == []


def test_misquote_and_speaker(found: list[Discrepancy]) -> None:
    (quote,) = by_attribute(found, "quote")
    assert values(quote)["a-herald"].endswith("a lasting ceasefire and we will return next month")
    assert values(quote)["a-ledger"].startswith("We have agreed on a framework for lasting peace")
    (speaker,) = by_attribute(found, "speaker")
    assert sorted(values(speaker).values()) == ["Marta Kovalenko", "Piotr Halvorsen", "Piotr Halvorsen"]
    herald = next(e for e in speaker.evidence if e.article_id == "a-herald")
    assert herald.span.text == "Minister Kovalenko"


def test_ids_are_deterministic_and_scoped(found: list[Discrepancy]) -> None:
    articles = harbour_articles()
    again = find_discrepancies(articles, align_statements(articles), harbour_entities(), story_id="st1")
    assert [d.id for d in again] == [d.id for d in found]
    other = find_discrepancies(articles, [], harbour_entities(), storyline_id="line1")
    assert {d.attribute for d in other} == {"name", "number", "place"}  # statement checks need groups
    assert not {d.id for d in other} & {d.id for d in found}


def _plain(article_id: str, text: str, published: str = "2024-03-05") -> Article:
    return Article(article_id, text, outlet=article_id.upper(), published=published)


def test_dates_of_one_event_compared() -> None:
    monday = _plain("x", "The summit opened on Monday with a speech.", "2024-03-05")
    sunday = _plain("y", "The summit opened on Sunday.", "2024-03-06")
    yesterday = _plain("z", "The summit opened yesterday.", "2024-03-05")
    (date,) = find_discrepancies([monday, sunday, yesterday], [], {})
    assert date.attribute == "date"
    assert values(date) == {"x": "Monday", "y": "Sunday", "z": "yesterday"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Twelve people were injured in the blast.", "12 were injured, police said."),
        ("The fund holds 2.5 million dollars.", "The fund holds 2,500,000 dollars."),
        ("She met 3 ministers in 2019.", "She met 3 ministers in 2021."),  # a year is not a count
        ("The vote passed 40 percent turnout.", "Five soldiers were wounded."),  # different quantities
    ],
)
def test_numbers_not_flagged(a: str, b: str) -> None:
    assert find_discrepancies([_plain("a", a), _plain("b", b)], [], {}) == []


def test_number_counts_paired_by_what_they_count() -> None:
    a = _plain("a", "Five soldiers were killed and 12 were wounded.")
    b = _plain("b", "Seven soldiers were killed in the attack.")
    (number,) = find_discrepancies([a, b], [], {})
    assert values(number) == {"a": "Five", "b": "Seven"}
    assert [o.key for o in number_observations(a)] == ["soldier killed", "wounded"]


def test_number_stated_two_ways_in_one_article_is_ambiguous() -> None:
    a = _plain("a", "12 people were injured. Later 14 people were injured.")
    b = _plain("b", "21 people were injured.")
    assert find_discrepancies([a, b], [], {}) == []


@pytest.mark.parametrize(
    ("forms", "flagged"),
    [
        ({"Jens Halvorsen": {"a"}, "Halvorsen": {"b"}, "Mr Halvorsen": {"b"}, "HALVORSEN": {"a"}, "the envoy": {"b"},
          "Envoy": {"a"}, "Halvorsen's": {"b"}}, False),
        ({"Michael Halvorsen": {"a"}, "Mike Halvorsen": {"b"}}, False),
        ({"Jens Halvorsen": {"a"}, "Jen Halvorsen": {"b"}}, True),
        ({"Ambassador Halvorsen": {"a"}, "Ambassador Halvorson": {"b"}}, True),
    ],
)  # fmt: skip
def test_name_variants(forms: dict[str, set[str]], flagged: bool) -> None:
    text = ". ".join(forms) + "."
    articles = [_plain("a", text), _plain("b", text)]
    entity = Entity("p:h", "Jens Halvorsen", "person", forms)
    found = find_discrepancies(articles, [], {"p:h": entity}, storyline_id="line")
    assert bool(found) is flagged
    assert all(d.attribute == "name" and d.storyline_id == "line" for d in found)


@pytest.mark.parametrize(
    ("form", "parts"),
    [
        ("NATO Secretary General Jens Stoltenberg", ("Jens", "Stoltenberg")),
        ("Ambassador Khalizad", (None, "Khalizad")),
        ("Stoltenberg's", (None, "Stoltenberg")),
        ("the NATO chief", None),
        ("Secretary General", None),
    ],
)
def test_name_parts(form: str, parts: tuple[str | None, str] | None) -> None:
    assert name_parts(form) == parts


def test_coverage_matrix() -> None:
    articles = harbour_articles()
    groups = align_statements(articles)
    matrix = coverage(articles, groups, {"a-wire": "a-ledger"})
    assert matrix.outlets == ["Daily Ledger", "Morning Post", "Coast Herald"]  # the reprint is folded
    assert matrix.first_reporter is not None
    assert (matrix.first_reporter.outlet, matrix.first_reporter.article_id) == ("Daily Ledger", "a-ledger")
    rows = {row.label.split(": ", 1)[1]: row for row in matrix.rows}
    assert len(matrix.rows) == 6
    statuses = {label: {o: c.status for o, c in row.cells.items()} for label, row in rows.items()}
    assert statuses["the talks in Vienna had made real progress"] == {
        "Daily Ledger": "exact", "Morning Post": "partial", "Coast Herald": "absent"}  # fmt: skip
    quote = next(v for k, v in statuses.items() if k.startswith("We have agreed"))
    assert quote == {"Daily Ledger": "exact", "Morning Post": "partial", "Coast Herald": "misquote"}
    assert statuses["the negotiators expected a final agreement before the summer"]["Morning Post"] == "paraphrase"
    assert statuses["the ceasefire must hold"] == {
        "Daily Ledger": "exact", "Morning Post": "absent", "Coast Herald": "exact"}  # fmt: skip
    nobody = rows["Nobody should expect miracles overnight"]
    assert nobody.speaker == KOVALENKO.name and nobody.republished_by == ["Bay Wire"]
    police = rows["the harbour would reopen on Friday"]
    assert police.label.startswith("Police: ")
    assert matrix.exclusive == {"Daily Ledger": [nobody.id], "Morning Post": [], "Coast Herald": [police.id]}
    assert json.loads(json.dumps(matrix.to_dict()))["first_reporter"]["article_id"] == "a-ledger"


def test_coverage_without_duplicates_counts_the_reprint() -> None:
    articles = harbour_articles()
    matrix = coverage(articles, align_statements(articles))
    assert matrix.outlets == ["Daily Ledger", "Morning Post", "Coast Herald", "Bay Wire"]
    assert all(row.republished_by == [] for row in matrix.rows)
    police = next(row.id for row in matrix.rows if row.speaker == "Police")
    # The wire repeats every Ledger statement, so neither has one of its own.
    assert matrix.exclusive == {"Daily Ledger": [], "Morning Post": [], "Coast Herald": [police], "Bay Wire": []}


def test_ungrouped_statement_is_its_own_row() -> None:
    text = "Kovalenko said the port would open."
    statement = Statement("solo", "indirect", find(text, "the port would open"), find(text, "said"), None, KOVALENKO)
    matrix = coverage([Article("solo", text, statements=[statement])], [])
    (row,) = matrix.rows
    assert row.id == statement.id and row.cells == {"solo": row.cells["solo"]}
    assert row.cells["solo"].status == "exact" and matrix.exclusive == {"solo": [statement.id]}
