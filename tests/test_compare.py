"""Discrepancies and the coverage matrix over the invented corpus of `test_alignment.py`."""

from __future__ import annotations

import json
import re

import pytest
from test_alignment import KOVALENKO, Quote, article, find, harbour_articles, harbour_entities

from storyline.analysis.confidence import SHOWN_CONFIDENCE, SHOWN_DISCREPANCY
from storyline.compare import coverage, find_discrepancies
from storyline.compare.coverage import storyline_coverage
from storyline.compare.discrepancies import (
    UNSURE_NUMBER_CONFIDENCE,
    date_observations,
    importance,
    name_parts,
    number_observations,
    quote_changes,
)
from storyline.compare.report import discrepancy_row
from storyline.model import Article, Discrepancy, Entity, Mention, Span, Speaker, Statement, Story
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
    # One side per spelling, the rarer first, credited to every outlet that printed it.
    assert [(e.value, e.outlet) for e in name.evidence] == [
        ("Marta Kovalenco", "Coast Herald"),
        ("Foreign Minister Marta Kovalenko", "Daily Ledger, Morning Post, Coast Herald, Bay Wire"),
    ]


def test_different_number_found_equal_numbers_in_other_words_not(found: list[Discrepancy]) -> None:
    (number,) = by_attribute(found, "number")
    assert values(number) == {
        "a-ledger": "Forty (40)", "a-post": "400", "a-herald": "forty (40)", "a-wire": "Forty (40)"}  # fmt: skip
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
    # Each side shows the changed words with a little context, not the shared opening.
    assert values(quote)["a-herald"] == "…on a framework for a lasting ceasefire and we will return…"
    assert values(quote)["a-ledger"] == "…on a framework for lasting peace and we will return…"
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
        ("Fifteen of the 19 Sept. 11 hijackers were Saudis.", "The 19 hijackers trained abroad."),  # a date, a subset
        ("The rally began at 3 p.m. on the square.", "The rally began at 9 p.m. on the square."),  # times of day
        ("He rose to the No. 3 position.", "He rose to the No. 2 position."),  # ranks
        ("Two mosques were built in the city.", "The Ground Zero mosque was built in the city."),  # a name
    ],
)
def test_numbers_not_flagged(a: str, b: str) -> None:
    assert find_discrepancies([_plain("a", a), _plain("b", b)], [], {}) == []


def test_number_counts_paired_by_what_they_count() -> None:
    a = _plain("a", "Five soldiers were killed and 12 were wounded.")
    b = _plain("b", "Seven soldiers were killed in the attack.")
    (number,) = find_discrepancies([a, b], [], {})
    assert values(number) == {"a": "Five (5)", "b": "Seven (7)"}
    assert [o.key for o in number_observations(a)] == ["soldier kill", "injur"]


def test_number_stated_two_ways_in_one_article_is_ambiguous() -> None:
    a = _plain("a", "12 people were injured. Later 14 people were injured.")
    b = _plain("b", "21 people were injured.")
    assert find_discrepancies([a, b], [], {}) == []


@pytest.mark.parametrize(
    ("a", "b", "flagged"),
    [
        ("The trust paid $12 million in fees.", "The trust paid $12,730,115 in fees.", True),  # 12.7 is not "12"
        ("The trust paid nearly $13 million in fees.", "The trust paid $12,730,115 in fees.", False),
        ("The trust paid $12.7 million in fees.", "The trust paid $12,730,115 in fees.", False),  # rounded
        ("The trust paid roughly $15 million in fees.", "The trust paid $13 million in fees.", True),
        ("The trust paid about $13 million in fees.", "The trust paid $13.8 million in fees.", False),
        ("The trust paid more than $12 million in fees.", "The trust paid $12,730,115 in fees.", False),
        ("The trust paid more than $12 million in fees.", "The trust paid $11 million in fees.", True),
        ("Crews received 45,000 sandbags.", "Crews received 40,000 sandbags.", True),
        ("Crews received about 40,000 sandbags.", "Crews received 44,000 sandbags.", False),
    ],
)
def test_figures_conflict_only_beyond_their_rounding_and_hedges(a: str, b: str, flagged: bool) -> None:
    assert [d.attribute for d in find_discrepancies([_plain("a", a), _plain("b", b)], [], {})] == (["number"] if flagged else [])


def test_counts_of_one_kind_paired_by_their_sentences() -> None:
    # Each article gives "ships handled" twice; the counts are paired by what else their sentences say.
    a = _plain("a", "The Baltic port authority said its harbour handled 5,400 ships from 2019 to 2022. "
                    "A smaller terminal nearby handled 300 ships last year.", "2023-02-01")  # fmt: skip
    b = _plain("b", "The old pier handled 320 ships in 2022. Between 2019 and 2022 the harbour handled "
                    "5,100 ships, the Baltic port authority said.", "2023-02-02")  # fmt: skip
    (number,) = find_discrepancies([a, b], [], {})
    assert values(number) == {"a": "5,400 (5400)", "b": "5,100 (5100)"} and number.confidence == 1.0


@pytest.mark.parametrize(
    "b",
    [
        "The old pier handled 320 ships in 2018. In 2010 the harbour handled 5,100 ships, the Baltic port authority said.",
        "The old pier handled 320 ships. The harbour handled 5,100 ships, the port said of its busiest terminal.",
    ],
)  # another period; too little in common to tell which count is which
def test_counts_of_other_periods_or_unanchored_are_not_paired(b: str) -> None:
    a = _plain("a", "The Baltic port authority said its harbour handled 5,400 ships from 2019 to 2022. "
                    "A smaller terminal nearby handled 300 ships last year.", "2023-02-01")  # fmt: skip
    assert find_discrepancies([a, _plain("b", b, "2023-02-02")], [], {}) == []


def test_rates_of_another_sort_are_not_paired() -> None:
    a = _plain("a", "Officials said the Ostrava plant paid a combined rate of 41 percent in 2021. It paid 2 percent more.")
    b = _plain("b", "Officials said the Ostrava plant paid an effective tax rate of 33 percent in 2021, after 30 percent.")
    assert find_discrepancies([a, b], [], {}) == []


@pytest.mark.parametrize(
    ("forms", "flagged"),
    [
        ({"Jens Halvorsen": {"a"}, "Halvorsen": {"b"}, "Mr Halvorsen": {"b"}, "HALVORSEN": {"a"}, "the envoy": {"b"},
          "Envoy": {"a"}, "Halvorsen's": {"b"}}, False),
        ({"Michael Halvorsen": {"a"}, "Mike Halvorsen": {"b"}}, False),
        ({"Jens Halvorsen": {"a"}, "Jen Halvorsen": {"b"}}, True),
        ({"Ambassador Halvorsen": {"a"}, "Ambassador Halvorson": {"b"}}, True),
        ({"Jens Halvorsen": {"a"}, "the Halvorsens": {"b"}, "Halvorsens'": {"b"}}, False),  # plural, possessive
        ({"Jens O'Halvorsen": {"a"}, "Jens O’Halvorsen": {"b"}}, False),  # apostrophe style
        ({"Jens Halvorsen": {"a"}, "Jens Balvorsen": {"b"}}, False),  # another initial: another name
        ({"Jens Halvorsen": {"a"}, "Jens Halvorsenian": {"b"}}, False),  # a demonym read as a name
        ({"Jon R. Halvorsen Jr.": {"a"}, "Jon": {"b"}}, False),  # "Jr." is no surname that "Jon" misspells
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
    ("a", "b", "flagged"),
    [
        ("Harbour-Line", "Harbourline", True),  # one company's name joined two ways
        ("Harbour Line", "Harbour-Line", False),  # a hyphen for a space is typography
        ("Harbour Line Authority ’ s office", "Harbour Line Authority's office", False),  # a space around an apostrophe
        ("Harbour Line Authority.", "Harbour Line Authority", False),  # punctuation after the name
        ("H.L.P.A.", "HLPA", False),  # the dots of an abbreviation
        ("Harbourline", "HARBOURLINE", False),  # case
        ("Harbour Line", "Harbour Line Authority", False),  # a short form
        ("All Peoples Harbour Union", "All Progressive Harbour Union", True),  # misnamed: the acronym holds
        ("Harbour Democrats Union", "Harbour Democratic Union", False),  # inflection
        ("North Harbour Union", "South Harbour Union", False),  # another initial: another union
    ],
)
def test_organisation_spelt_two_ways_across_outlets(a: str, b: str, flagged: bool) -> None:
    """The registry keeps "Wal-Mart" and "Walmart" apart: two entities, one organisation spelt two ways."""
    articles = [_plain("a", f"Shares of {a} fell."), _plain("b", f"Shares of {b} fell.")]
    entities = {"o:a": Entity("o:a", a, "org", {a: {"a"}}), "o:b": Entity("o:b", b, "org", {b: {"b"}})}
    found = find_discrepancies(articles, [], entities, storyline_id="line")
    assert [(d.attribute, sorted(e.value for e in d.evidence)) for d in found] == ([("name", sorted((a, b)))] if flagged else [])


def test_an_outlet_printing_two_names_of_one_acronym_names_two_organisations() -> None:
    a = _plain("a", "The All Peoples Harbour Union and the All Progressive Harbour Union met.")
    b = _plain("b", "The All Progressive Harbour Union met.")
    entities = {
        "o:a": Entity("o:a", "All Peoples Harbour Union", "org", {"All Peoples Harbour Union": {"a"}}),
        "o:b": Entity("o:b", "All Progressive Harbour Union", "org", {"All Progressive Harbour Union": {"a", "b"}}),
    }
    assert find_discrepancies([a, b], [], entities, storyline_id="line") == []


@pytest.mark.parametrize(
    ("other", "flagged"),
    [("Jens Halvorsen", True), ("Halvorsen", True), ("Mette Halvorsen", False)],  # his wife is someone else
)
def test_a_person_the_registry_kept_apart_is_one_person_by_a_shared_surname(other: str, flagged: bool) -> None:
    """One outlet prints "Halvorsen" and, later, "Halvorson"; another's "Jens Halvorsen" is its own
    entity: the shared spelling "Halvorsen" makes them one man, and the outlets differ in his name."""
    a = _plain("a", "Jens Halvorsen spoke. Halvorsen left. Halvorson returned.")
    b = _plain("b", f"{other} spoke.")
    entities = {
        "p:a": Entity("p:a", "Jens Halvorsen", "person", {"Jens Halvorsen": {"a"}, "Halvorsen": {"a"}, "Halvorson": {"a"}}),
        "p:b": Entity("p:b", other, "person", {other: {"b"}}),
    }
    found = find_discrepancies([a, b], [], entities, storyline_id="line")
    assert [sorted(e.value for e in d.evidence) for d in found] == ([sorted(("Halvorson", other))] if flagged else [])


def test_one_surname_with_first_names_a_slip_apart_is_one_person_spelt_two_ways() -> None:
    """The registry kept "Kirsten Halvorsen" and "Kristen Halvorsen" apart; one surname and first names
    a slip apart are one woman whose first name the outlets spell differently."""
    a = _plain("a", "Kirsten Halvorsen spoke.")
    b = _plain("b", "Kristen Halvorsen spoke.")
    entities = {
        "p:a": Entity("p:a", "Kirsten Halvorsen", "person", {"Kirsten Halvorsen": {"a"}}),
        "p:b": Entity("p:b", "Kristen Halvorsen", "person", {"Kristen Halvorsen": {"b"}}),
    }
    found = find_discrepancies([a, b], [], entities, storyline_id="line")
    assert [sorted(e.value for e in d.evidence) for d in found] == [["Kirsten Halvorsen", "Kristen Halvorsen"]]


@pytest.mark.parametrize(
    ("a", "b", "flagged"),
    [
        ("His wife Annika joined him.", "His wife, Anneka, joined him.", True),
        ("His wife Annika joined him.", "His wife, Anneka, joined him, and Annika waved.", False),  # one outlet names two
        ("His son Marek joined him.", "His son, Tarek, joined him.", False),  # another initial: another name
    ],
)
def test_people_written_by_one_name_alone_a_slip_apart_in_two_outlets_are_one(a: str, b: str, flagged: bool) -> None:
    """Names written alone, one slip apart, each in an outlet that never prints the other, are one
    person the registry could not join across articles."""
    articles = [_plain("a", a), _plain("b", b)]
    names = [re.findall(r"\b(?:Annika|Anneka|Marek|Tarek)\b", text) for text in (a, b)]
    entities = {
        f"p:{name}": Entity(f"p:{name}", name, "person", {name: {aid for aid, found in zip("ab", names) if name in found}})
        for name in {n for found in names for n in found}
    }
    found = find_discrepancies(articles, [], entities, storyline_id="line")
    assert [d.attribute for d in found] == (["name"] if flagged else [])


@pytest.mark.parametrize(
    ("form", "parts"),
    [
        ("NATO Secretary General Jens Stoltenberg", ("Jens", "Stoltenberg")),
        ("Ambassador Khalizad", (None, "Khalizad")),
        ("Stoltenberg's", (None, "Stoltenberg")),
        ("Joseph R. Biden Jr.", (None, "Biden")),  # an initial is no first name; "Jr." no surname
        ("Jens Stoltenberg III", ("Jens", "Stoltenberg")),
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


# --- second pass: stricter numbers, venues, dates, speakers ------------------------------------------


def test_counts_pair_by_predicate_hedges_keep_numbers_subsets_and_labels_do_not_count() -> None:
    a = _plain("a", "Fire tore through Hall 4, injuring 12 people and forcing the evacuation of about 40 workers. "
                    "Two of the injured were in serious condition. The firm employs around 180 people.")  # fmt: skip
    b = _plain("b", "Twelve people were injured, two of them seriously. About 40 people, night staff and "
                    "visitors, were evacuated.")  # fmt: skip
    c = _plain("c", "Twenty-one people were hurt and 400 evacuated, three years after the last fire.")
    found = find_discrepancies([a, b, c], [], {})
    assert {d.subject: values(d) for d in found} == {
        "people were injured": {"a": "12", "b": "Twelve (12)", "c": "Twenty-one (21)"},
        "people evacuated": {"a": "about 40", "b": "About 40", "c": "400"},
    }


def test_next_venue_and_another_events_date_are_not_discrepancies() -> None:
    vienna = Article("v", "The talks in Vienna ended without a deal on 11 March.", outlet="V", published="2026-03-11")
    ahead = Article("b", "The talks ended on 11 March. The next round of talks will be held in Budapest on 14 April. "
                    "Two guards were injured in the fire on 2 March.", outlet="B",
                    published="2026-03-12")  # fmt: skip
    for article, place in ((vienna, "Vienna"), (ahead, "Budapest")):
        start = article.text.index(place)
        article.mentions.append(Mention(article.id, Span.of(article.text, start, start + len(place)), "l", "place"))
    assert find_discrepancies([vienna, ahead], [], {}) == []
    # the next round's date is the date it is set for, compared only with other outlets' dates for it
    assert [(o.key, o.value) for o in date_observations(ahead)] == [("talks", "iso:2026-03-11"), ("next talks", "iso:2026-04-14")]


def _dated(article_id: str, text: str, published: str, title: str | None = None) -> Article:
    return Article(article_id, text, outlet=article_id.upper(), published=published, title=title)


def test_an_apology_dated_two_ways_is_found() -> None:
    # Saturday 9 March against Friday 8 March: the verb may stand before or after its day.
    after = _dated("a", "Councillor Mia Torvik had to apologize Saturday for her Harbour Board post about ferry fares.",
                   "2024-03-10")  # fmt: skip
    before = _dated("b", "Councillor Mia Torvik on Friday apologized for a Harbour Board post mocking ferry fares.",
                    "2024-03-09")  # fmt: skip
    (date,) = find_discrepancies([after, before], [], {})
    assert date.attribute == "date" and values(date) == {"a": "Saturday", "b": "Friday"}


def test_the_lede_dates_the_event_its_headline_names() -> None:
    lede = _dated("a", "Mayor Lena Brandt wasted no time Thursday attacking Oskar Fell over the tram budget.", "2024-03-08",
                  title="Brandt and Fell clash in mayoral debate")  # fmt: skip
    other = _dated("b", "The mayoral debate on Tuesday pitted Lena Brandt against Oskar Fell over the tram budget.",
                   "2024-03-08")  # fmt: skip
    (date,) = find_discrepancies([lede, other], [], {})
    assert values(date) == {"a": "Thursday", "b": "Tuesday"}
    ahead = _dated("c", "Lena Brandt on Tuesday said Oskar Fell had no tram budget.", "2024-03-08",
                   title="Brandt and Fell will meet in a debate")  # fmt: skip
    assert date_observations(ahead) == []


@pytest.mark.parametrize(
    ("a", "b", "published_b"),
    [
        # One weekday, the second article's date two days off (a print edition's): one Monday.
        ("Councillor Mia Torvik resigned on Monday after the Harbour Board vote.",
         "Councillor Mia Torvik resigned Monday after the Harbour Board vote.", "2024-03-09"),
        # Two people apologizing on two days: two occasions.
        ("Councillor Mia Torvik apologized Friday for her post about the Harbour Board.",
         "Mayor Lena Brandt apologized on Saturday after the tram vote.", "2024-03-12"),
        # The day is the naming's, not the interview's; a day inside a quote is the speaker's.
        ("In an interview since being named Saturday, Mia Torvik defended the Harbour Board.",
         'Mia Torvik said: "The Harbour Board interview on Tuesday went well, the Harbour Board agrees."', "2024-03-12"),
        # "is Thursday" looks ahead.
        ("The Harbour Board vote is Thursday, Mia Torvik said of the ferry fares.",
         "The Harbour Board vote on Monday, Mia Torvik said, settled the ferry fares.", "2024-03-12"),
    ],
)  # fmt: skip
def test_dates_not_of_one_occasion_or_one_day_written_alike(a: str, b: str, published_b: str) -> None:
    found = find_discrepancies([_dated("a", a, "2024-03-12"), _dated("b", b, published_b)], [], {})
    assert by_attribute(found, "date") == []


def test_place_of_this_event_still_compared() -> None:
    articles = []
    for key, place in (("x", "Vienna"), ("y", "Graz")):
        text = f"The talks in {place} ended on Friday."
        start = text.index(place)
        mention = Mention(key, Span.of(text, start, start + len(place)), f"l:{place}", "place")
        articles.append(Article(key, text, outlet=key, published="2026-03-13", mentions=[mention]))
    (place,) = find_discrepancies(articles, [], {})
    assert place.attribute == "place" and values(place) == {"x": "Vienna", "y": "Graz"}


@pytest.mark.parametrize(
    ("b", "flagged"),
    [
        ("Otto Brandt, who ran Halden Press for three decades, died March 4 at a hospital in Dorvik. He was 81.", True),
        ("Otto Brandt, who ran Halden Press for three decades, died March 4 at his Dorvik house. He was 81.", False),
        ("His driver, Per Lund, died at a hospital in Dorvik.", False),  # another death
        ("Otto Brandt died in the house fire on Monday, and his driver died at a hospital.", False),
    ],
)  # fmt: skip
def test_where_one_person_died_home_or_hospital(b: str, flagged: bool) -> None:
    a = Article("a", "Brandt, who was married to the painter Ilse Brandt, died on Monday at his home in Dorvik.", outlet="A")
    found = by_attribute(find_discrepancies([a, Article("b", b, outlet="B")], [], {}), "place")
    assert [sorted(values(d).values()) for d in found] == ([["at a hospital", "at his home"]] if flagged else [])


@pytest.mark.parametrize(
    ("b", "flagged"),
    [
        ("Deputy Holm was killed outside an apartment in the 4500 block of East Larch St. in Dorvik.", True),
        ("Deputy Holm was killed in the 4,200 block of W. Larch St., police said.", False),  # one block, written two ways
        ("Holm, who lived in the 4500 block of Larch Street, was a deputy.", False),  # where he lived
        ("Deputy Holm was killed in the 4500 block of Birch Avenue.", False),  # another street
    ],
)  # fmt: skip
def test_one_streets_block_given_two_ways(b: str, flagged: bool) -> None:
    a = Article("a", "The shooting occurred about 3:10 p.m. in the 4200 block of Larch Street in Dorvik.", outlet="A")
    found = find_discrepancies([a, Article("b", b, outlet="B")], [], {})
    assert [(d.attribute, len(d.evidence)) for d in found] == ([("place", 2)] if flagged else [])


def _said(article_id: str, source: str, speaker: Speaker) -> Article:
    text = f"{source} said the bridge would reopen in May."
    content, cue = find(text, "the bridge would reopen in May"), find(text, "said")
    statement = Statement(article_id, "indirect", content, cue, find(text, source), speaker)
    return Article(article_id, text, outlet=article_id, statements=[statement])


@pytest.mark.parametrize(
    ("first", "second", "flagged"),
    [
        (Speaker("p:1", "Anna Berg"), Speaker("p:2", "Lars Holm"), True),
        (Speaker("r:1", "the EU mediator"), Speaker("p:1", "Anna Berg"), False),
        (Speaker("o:1", "the fire service", "org"), Speaker("o:2", "the city fire service", "org"), False),
        (Speaker("g:1", "customers", "group"), Speaker("o:3", "Harbour Board", "org"), False),
        (Speaker("p:3", "Slovak"), Speaker("p:1", "Anna Berg"), False),
        (Speaker("o:3", "Harbour Board", "org"), Speaker("o:4", "Rail Union", "org"), True),
    ],
)
def test_speakers_differ_only_between_names(first: Speaker, second: Speaker, flagged: bool) -> None:
    articles = [_said("a", first.name, first), _said("b", second.name, second)]
    found = find_discrepancies(articles, align_statements(articles), {})
    assert [d.attribute for d in found] == (["speaker"] if flagged else [])
    assert all(d.confidence == 1.0 for d in found)


def test_speaker_conflict_is_unsure_through_a_pronoun_or_an_unsure_statement_and_none_for_one_person() -> None:
    berg, holm = Speaker("p:1", "Anna Berg"), Speaker("p:2", "Lars Holm")
    (pronoun,) = find_discrepancies(articles := [_said("a", "Anna Berg", berg), _said("b", "He", holm)], align_statements(articles), {})
    assert pronoun.confidence < SHOWN_DISCREPANCY
    unsure = [_said("a", "Anna Berg", berg), _said("b", "Lars Holm", holm)]
    unsure[1].statements[0].confidence = SHOWN_CONFIDENCE / 2
    assert [d.confidence < SHOWN_DISCREPANCY for d in find_discrepancies(unsure, align_statements(unsure), {})] == [True]
    one = [_said("a", "Anna Berg", berg), _said("b", "Anna M. Berg", Speaker("p:9", "Anna M. Berg"))]
    assert find_discrepancies(one, align_statements(one), {}) == []


def test_far_apart_numbers_are_unsure_unless_others_agree() -> None:
    far = [_plain("a", "Smith raised $200,000 for the race."), _plain("b", "Jones raised $5.4 million for the race.")]
    (number,) = find_discrepancies(far, [], {})
    assert number.confidence < SHOWN_DISCREPANCY
    roleless = [_plain("a", "The bill needs 60 votes in the Senate."), _plain("b", "The bill has 51 votes in the Senate.")]
    assert [d.confidence for d in find_discrepancies(roleless, [], {})] == [UNSURE_NUMBER_CONFIDENCE]
    outlier = [*(_plain(k, "About 40 people were evacuated.") for k in "abc"), _plain("d", "400 people were evacuated.")]
    (number,) = find_discrepancies(outlier, [], {})
    assert number.confidence == 1.0


def test_misquoted_ending_shows_the_changed_words() -> None:
    speaker = Speaker("p:1", "Anna Berg")
    texts = {
        "a": '"We will rebuild the old bridge before the winter without delay," Berg said.',
        "b": '"We will rebuild the old bridge before the winter without help," Berg said.',
    }
    articles = []
    for key, text in texts.items():
        content = find(text, text.split('"')[1])
        articles.append(Article(key, text, outlet=key, statements=[
            Statement(key, "direct", content, find(text, "said"), find(text, "Berg"), speaker)]))  # fmt: skip
    (quote,) = find_discrepancies(articles, align_statements(articles), {})
    assert quote.attribute == "quote"
    assert sorted(e.value for e in quote.evidence) == [
        "…before the winter without delay",
        "…before the winter without help",
    ]
    assert all(e.span.text == e.value.lstrip("…") for e in quote.evidence)
    # The diff: the wording most print loses "delay", the misquote adds "help"; a story lists it first.
    assert quote_changes(quote) in ((["delay"], ["help"]), (["help"], ["delay"]))
    row = discrepancy_row(quote, {})
    assert [s for e in row["evidence"] for s in e["segments"] if s["changed"]] in (
        [{"text": "delay", "changed": True}, {"text": "help", "changed": True}],
        [{"text": "help", "changed": True}, {"text": "delay", "changed": True}],
    )
    assert sorted([*find_discrepancies([_plain("x", "Forty people were evacuated."), _plain("y", "Four people were evacuated.")], [], {}), quote],
                  key=importance)[0] is quote  # fmt: skip


def test_a_changed_word_in_the_middle_is_marked_with_its_context() -> None:
    speaker = Speaker("p:1", "Anna Berg")
    quotes = {"a": "We will open all of the harbour gates tomorrow morning", "b": "We will open most of the harbour gates tomorrow morning",
              "c": "We will open all of the harbour gates tomorrow morning"}  # fmt: skip
    articles = []
    for key, quote in quotes.items():
        text = f'Berg said: "{quote}."'
        articles.append(Article(key, text, outlet=key, statements=[
            Statement(key, "direct", find(text, quote), find(text, "said"), find(text, "Berg"), speaker)]))  # fmt: skip
    (misquote,) = find_discrepancies(articles, align_statements(articles), {})
    assert quote_changes(misquote) == (["all"], ["most"])
    wrong = next(e for e in misquote.evidence if e.misquoted)
    assert wrong.article_id == "b" and wrong.value == "We will open most of the harbour gates…"
    assert wrong.segments() == [("We will open ", False), ("most", True), (" of the harbour gates", False)]
    # Shown once a side, with every outlet that printed it: b against a and c is one misquote, not two.
    row = discrepancy_row(misquote, {})  # each article's outlet is its key here
    assert sorted((side["misquoted"], side["outlets"]) for side in row["sides"]) == [(False, ["a", "c"]), (True, ["b"])]
    assert [e["outlet"] for e in row["evidence"]].count("b") == 1


def test_a_misquote_changed_in_two_places_shows_both() -> None:
    """One outlet splits the quote at its cue, another prints it whole with a word changed in each part."""
    speaker = Speaker("p:1", "Anna Berg")
    first, second = "We will open all the harbour gates tomorrow", "and the ferries will sail to each island by noon"
    split = f'"{first}," Berg said, "{second}."'
    whole_quote = "We will open all of the harbour gates tomorrow, and the ferries will sail to every island by noon"
    whole = f'"{whole_quote}," Berg said.'
    articles = [
        Article("a", split, outlet="a", published="2024-05-01", statements=[
            Statement("a", "direct", find(split, part), find(split, "said"), find(split, "Berg"), speaker) for part in (first, second)]),
        Article("b", whole, outlet="b", published="2024-05-02", statements=[
            Statement("b", "direct", find(whole, whole_quote), find(whole, "said"), find(whole, "Berg"), speaker)]),
    ]  # fmt: skip
    (misquote,) = find_discrepancies(articles, align_statements(articles), {})
    assert sorted(c.text for e in misquote.evidence if e.misquoted for c in e.changed) == ["every", "of"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("We are the ones who will rebuild the bridge", "We are the ones who kept the harbour open all winter"),  # two passages
        ("Sen. Berg wants the bridge rebuilt", "Senator Berg wants the bridge rebuilt"),  # house style
        ("I'd like the F.B.I. to look at the bridge", "I would like the FBI to look at the bridge"),  # contraction, acronym
    ],
)
def test_not_misquotes(a: str, b: str) -> None:
    speaker = Speaker("p:1", "Anna Berg")
    articles = []
    for key, quote in (("a", a), ("b", b)):
        text = f'"{quote}," Berg said.'
        articles.append(Article(key, text, outlet=key, statements=[
            Statement(key, "direct", find(text, quote), find(text, "said"), find(text, "Berg"), speaker)]))  # fmt: skip
    groups = align_statements(articles)
    assert not [d for d in find_discrepancies(articles, groups, {}) if d.attribute == "quote"]


# --- the storyline view: who had each statement first, the timeline, statements carried over ----------

LATER_TEXT = (
    'A week after the talks, Marta Kovalenko repeated: "Nobody should expect miracles overnight." '
    "She said a second round would open in Oslo."
)


def later_article() -> Article:
    return article("a-later", "Evening Star", "2024-03-13T09:00:00+00:00", LATER_TEXT, [
        Quote("Nobody should expect miracles overnight", "repeated", "Marta Kovalenko", KOVALENKO, "direct"),
        Quote("a second round would open in Oslo", "She said", "She", KOVALENKO),
    ])  # fmt: skip


def test_each_row_names_who_reported_it_first() -> None:
    articles = harbour_articles()
    matrix = coverage(articles, align_statements(articles), {"a-wire": "a-ledger"})
    first = {row.label.split(": ", 1)[1]: row.first.outlet for row in matrix.rows if row.first}
    assert first["the ceasefire must hold"] == "Daily Ledger"
    assert first["the harbour would reopen on Friday"] == "Coast Herald"
    assert len(first) == len(matrix.rows)


def test_storyline_timeline_and_statements_carried_into_a_later_story() -> None:
    harbour, later = harbour_articles(), later_article()
    stories = [
        Story("st-later", "Second round announced", ["a-later"], "2024-03-13", "2024-03-13"),
        Story("st-talks", "Talks make progress", [a.id for a in harbour], "2024-03-05", "2024-03-06"),
    ]
    view = storyline_coverage(stories, [*harbour, later], {"a-wire": "a-ledger"})
    assert [e.story_id for e in view.timeline] == ["st-talks", "st-later"]
    talks = view.timeline[0]
    assert talks.outlets == ["Daily Ledger", "Morning Post", "Coast Herald"]  # the reprint counted once
    assert talks.first is not None and talks.first.article_id == "a-ledger"
    (carried,) = view.recurring  # statements shared only inside the first story are not "carried"
    assert carried.label == "Marta Kovalenko: Nobody should expect miracles overnight"
    assert carried.story_ids == ["st-talks", "st-later"] and carried.relation == "exact"
    assert carried.first.outlet == "Daily Ledger"
    assert json.loads(json.dumps(view.to_dict()))["recurring"][0]["first"]["article_id"] == "a-ledger"


def test_a_mixed_statement_is_compared_on_its_quoted_words_alone() -> None:
    speaker = Speaker("p:1", "Anna Berg")
    direct = 'Berg said: "The port has left behind a record of delays and angry shippers who feel cheated."'
    mixed = 'Berg said that the port had "left behind a record of delays and angry traders who feel cheated."'
    a = Article("a", direct, outlet="a", statements=[Statement("a", "direct", find(direct, direct.split('"')[1]),
                find(direct, "said"), find(direct, "Berg"), speaker)])  # fmt: skip
    content = mixed[mixed.index("the port") :]
    b = Article("b", mixed, outlet="b", statements=[Statement("b", "mixed", find(mixed, content), find(mixed, "said"),
                find(mixed, "Berg"), speaker)])  # fmt: skip
    groups = align_statements([a, b])
    [quote] = [d for d in find_discrepancies([a, b], groups, {}) if d.attribute == "quote"]
    changed = {c.text for e in quote.evidence for c in e.changed}
    assert {"shippers", "traders"} <= changed and not changed & {"the", "port", "had", "has"}


def test_a_spelling_shared_with_other_outlets_is_shown_from_an_outlet_that_does_not_misspell() -> None:
    from storyline.compare.discrepancies import NameSpellings
    from storyline.relate.alignment import publication_key

    ross = Entity("p:ross", "Mara Ross", "person")

    def article(article_id: str, outlet: str, text: str, forms: list[str]) -> tuple[Article, list[tuple[Entity, str]]]:
        a = Article(article_id, text, outlet=outlet, published=f"2024-05-0{len(article_id)}")
        return a, [(ross, f) for f in forms]

    spellings = NameSpellings()
    items = [
        article("a", "Gazette", "Mara Ross spoke first. Later Mara Rose spoke again.", ["Mara Ross", "Mara Rose"]),
        article("bb", "Herald", "Mara Ross spoke at the harbour.", ["Mara Ross"]),
    ]
    for index, (a, forms) in enumerate(items):
        a.mentions = [Mention(a.id, Span.of(a.text, a.text.index(f), a.text.index(f) + len(f)), ross.id, "person") for _, f in forms]
        spellings.add(a, publication_key(index, a), forms)
    (finding,) = spellings.findings()
    assert [(e.article_id, e.value) for e in finding.evidence] == [("a", "Mara Rose"), ("bb", "Mara Ross")]


def test_a_publication_and_a_vote_opening_its_sentence_are_dated() -> None:
    # Saturday 9 March against Sunday 10 March for one interview in the Harbour Gazette
    a = _dated("a", "Mayor Lena Brandt told the Harbour Gazette in an interview published Sunday that the tram would wait.",
               "2024-03-11")  # fmt: skip
    b = _dated("b", "Mayor Lena Brandt told the Harbour Gazette in an interview published Saturday that the tram would wait.",
               "2024-03-12")  # fmt: skip
    (date,) = find_discrepancies([a, b], [], {})
    assert values(date) == {"a": "Sunday", "b": "Saturday"}
    voted = _dated("c", "On Wednesday, the council voted 9-2 to reaffirm the harbour motto.", "2024-03-08")
    assert [o.key for o in date_observations(voted)] == ["vote"]


def test_spellings_printed_by_one_outlet_only_are_no_discrepancy_between_outlets() -> None:
    from storyline.compare.discrepancies import NameSpellings
    from storyline.relate.alignment import publication_key

    ross = Entity("p:ross", "Mara Ross", "person")
    spellings = NameSpellings()
    text = "Mara Ross spoke first. Later Mara Rose spoke again."
    a = Article("a", text, outlet="Gazette", published="2024-05-01")
    forms = [(ross, "Mara Ross"), (ross, "Mara Rose")]
    a.mentions = [Mention(a.id, Span.of(text, text.index(f), text.index(f) + len(f)), ross.id, "person") for _, f in forms]
    spellings.add(a, publication_key(0, a), forms)
    assert spellings.findings() == []


@pytest.mark.parametrize(
    ("b", "flagged"),
    [
        ("Ingrid Solberg, who chaired the board from 1988 to 1996, was there.", True),  # one term, dated two ways
        ("Ingrid Solberg, who chaired the board from 1987 to 1995, was there.", False),
        ("Ingrid Solberg, who chaired the port from 2001 to 2004, was there.", False),  # a later term
        ("Ola Berg, who chaired the board from 1988 to 1996, was there.", False),  # someone else's
    ],
)
def test_a_term_of_office_dated_two_ways_is_found(b: str, flagged: bool) -> None:
    texts = {"a": "The mayor thanked Ingrid Solberg, who led the board from 1987 to 1995.", "b": b}
    articles = [_plain(article_id, text) for article_id, text in texts.items()]
    for article in articles:
        name = next(n for n in ("Ingrid Solberg", "Ola Berg") if n in article.text)
        start = article.text.index(name)
        article.mentions.append(Mention(article.id, Span.of(article.text, start, start + len(name)), "p", "person"))
    found = find_discrepancies(articles, [], {})
    assert [(d.attribute, values(d)) for d in found] == ([("date", {"a": "from 1987 to 1995", "b": "from 1988 to 1996"})] if flagged else [])


@pytest.mark.parametrize(
    ("b", "flagged"),
    [
        ("It echoed “The Lighthuose Keeper: Part II,” she said.", True),  # two letters swapped
        ("It echoed “The Lighthose Keeper: Part II”.", True),  # a letter dropped
        ("It echoed “The Lighthouse Keepers: Part II”.", False),  # a plural
        ("It echoed “The Lighthouse Keeper: Part III”.", False),  # another part, not a misspelling
        ("It echoed “Lighthouse Keeper”.", False),  # a short form
    ],
)
def test_a_quoted_title_misspelt_by_one_outlet(b: str, flagged: bool) -> None:
    from storyline.compare.discrepancies import storyline_discrepancies

    a = _plain("a", "It echoed “The Lighthouse Keeper: Part II” and more.")
    found = storyline_discrepancies([("story", a), ("story", _plain("b", b))], storyline_id="line")
    assert [(d.attribute, d.evidence[0].value) for d in found] == ([("name", "The Lighthouse Keeper: Part II")] if flagged else [])


def test_a_quoted_title_in_the_possessive_is_no_misspelling() -> None:
    from storyline.compare.discrepancies import storyline_discrepancies

    a = _plain("a", "It echoed “The Lighthouse Keepers”.")
    b = _plain("b", "The director of “The Lighthouse Keepers'” sequel left.")
    assert storyline_discrepancies([("story", a), ("story", b)], storyline_id="line") == []


def test_people_joined_by_one_surname_spelling_are_not_joined_on_to_another_first_name() -> None:
    """"Halvorsen" joins "Jens Halvorsen"; "Halvorson" then is not also Mette's, whose first name differs."""
    a = _plain("a", "Jens Halvorsen spoke.")
    b = _plain("b", "Halvorsen spoke. Halvorson left.")
    c = _plain("c", "Mette Halvorson spoke.")
    entities = {
        "p:j": Entity("p:j", "Jens Halvorsen", "person", {"Jens Halvorsen": {"a"}}),
        "p:h": Entity("p:h", "Halvorsen", "person", {"Halvorsen": {"b"}, "Halvorson": {"b"}}),
        "p:m": Entity("p:m", "Mette Halvorson", "person", {"Mette Halvorson": {"c"}}),
    }
    found = find_discrepancies([a, b, c], [], entities, storyline_id="line")
    assert [sorted(e.value for e in d.evidence) for d in found] == [["Halvorson", "Jens Halvorsen"]]


def test_coverage_leaves_out_statements_below_the_confidence_the_views_show() -> None:
    text = 'Kovalenko said the ferry would run. She also signed the harbour accord on Monday.'
    shown = Statement("a", "indirect", Span.of(text, 16, 35), Span.of(text, 11, 15), None, KOVALENKO, confidence=1.0)
    hidden = Statement("a", "indirect", Span.of(text, 53, 71), Span.of(text, 46, 52), None, KOVALENKO, confidence=0.1)
    article = Article("a", text, outlet="Gazette", statements=[shown, hidden])
    assert len(coverage([article], []).rows) == 2
    assert [r.id for r in coverage([article], [], min_confidence=SHOWN_CONFIDENCE).rows] == [shown.id]
