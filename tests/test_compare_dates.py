"""Dates of one occasion compared across outlets: a bill passed on one day, voted on another."""

from __future__ import annotations

from storyline.compare import find_discrepancies
from storyline.compare.discrepancies import date_observations
from storyline.model import Article


def _dated(article_id: str, text: str, published: str, title: str | None = None) -> Article:
    return Article(article_id, text, outlet=article_id.upper(), published=published, title=title)


def _values(found: list) -> dict[str, str]:
    return {e.article_id: e.value for d in found for e in d.evidence}


def test_a_motion_passed_on_one_day_and_voted_on_another_is_a_date_difference() -> None:
    passing = _dated("a", "Harbour Board members mocked the council for passing a resolution on Tuesday "
                          "reaffirming the ferry fares motto.", "2024-03-13")  # fmt: skip
    voting = _dated("b", "On Wednesday, the Harbour Board voted 9-2 on a measure that reaffirmed the ferry fares motto.",
                    "2024-03-13")  # fmt: skip
    found = [d for d in find_discrepancies([passing, voting], [], {}) if d.attribute == "date"]
    assert _values(found) == {"a": "Tuesday", "b": "Wednesday"}


def test_a_date_the_article_ties_to_the_occasion_outweighs_the_ledes_the_headline_ties() -> None:
    # The lede's Wednesday is the mayor's speech, the headline only says there was a vote.
    lede = _dated("a", "Mayor Lena Brandt mocked the council Wednesday over the fares. The Harbour Board resolution on the ferry fares "
                       "motto passed Tuesday after Harbour Board members reaffirmed it.", "2024-03-13",
                  title="Brandt mocks Harbour Board vote")  # fmt: skip
    assert [o.guessed for o in date_observations(lede)] == [True, False]
    voting = _dated("b", "On Wednesday, the Harbour Board voted 9-2 on a resolution that reaffirmed the ferry fares motto.",
                    "2024-03-13")  # fmt: skip
    found = [d for d in find_discrepancies([lede, voting], [], {}) if d.attribute == "date"]
    assert _values(found) == {"a": "Tuesday", "b": "Wednesday"}


def test_two_bills_passed_by_two_bodies_are_two_occasions() -> None:
    a = _dated("a", "The Senate passed the Harbour Board budget on Tuesday.", "2024-03-13")
    b = _dated("b", "Rail Union leaders said the tram pension bill passed Monday in the city council.", "2024-03-13")
    assert [d for d in find_discrepancies([a, b], [], {}) if d.attribute == "date"] == []


def test_a_ballot_set_for_a_month_and_for_a_day_of_another_is_a_date_difference() -> None:
    month = _dated("a", "Both parties will hold harbour-district primaries in mid May.", "2024-01-30")
    day = _dated("b", "The primary would be held on April 30, the city clerk said.", "2024-01-30")
    found = [d for d in find_discrepancies([month, day], [], {}) if d.attribute == "date"]
    assert _values(found) == {"a": "in mid May", "b": "April 30"}
    assert [o.key for o in date_observations(month)] == ["next primary"]
    inside = _dated("c", "The primary would be held on May 14, the city clerk said.", "2024-01-30")
    assert [d for d in find_discrepancies([month, inside], [], {}) if d.attribute == "date"] == []


def test_a_month_without_a_year_is_the_last_one_begun_unless_the_sentence_looks_ahead() -> None:
    past = _dated("a", "Councillor Mia Torvik announced her resignation in February.", "2024-12-20")
    assert [o.value for o in date_observations(past)] == ["span:2024-02-01:2024-02-29"]
    ahead = _dated("b", "The harbour-district primary is scheduled for early March.", "2024-12-20")
    assert [o.value for o in date_observations(ahead)] == ["span:2025-03-01:2025-03-15"]


def test_the_occasion_word_itself_does_not_make_two_resignations_one() -> None:
    a = _dated("a", "Harbour Board director Mia Torvik, a Brandt ally before the mayoral race, announced her "
                    "resignation in February.", "2024-12-20")  # fmt: skip
    b = _dated("b", "Tram chief Oskar Fell, whose budget drew Brandt's anger, resigned Thursday over the fares.", "2024-12-20")
    assert [d for d in find_discrepancies([a, b], [], {}) if d.attribute == "date"] == []
