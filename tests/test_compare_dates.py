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


def _saying(article_id: str, text: str, claim: str, cue: str, source: str, published: str = "2024-03-13") -> Article:
    from test_alignment import find

    from storyline.model import Speaker, Statement

    statement = Statement(article_id, "indirect", find(text, claim), find(text, cue), find(text, source),
                          Speaker("p:1", "Lena Brandt"))  # fmt: skip
    return Article(article_id, text, outlet=article_id.upper(), published=published, statements=[statement])


def test_one_statement_said_on_two_days_is_a_date_difference() -> None:
    from storyline.relate.alignment import align_statements

    claim = "that the ferry to Nordvik would run again before the winter storms"
    a = _saying("a", f"Mayor Lena Brandt said Tuesday {claim}.", claim, "said", "Mayor Lena Brandt")
    b = _saying("b", f"On Monday, Ms. Brandt told reporters {claim}.", claim, "told", "Ms. Brandt")
    c = _saying("c", f"Ms. Brandt told reporters on Tuesday {claim}.", claim, "told", "Ms. Brandt")
    found = [d for d in find_discrepancies([a, b, c], align_statements([a, b, c]), {}) if d.attribute == "date"]
    assert _values(found) == {"a": "Tuesday", "b": "Monday", "c": "Tuesday"}
    assert found[0].subject.startswith("when Lena Brandt said")
    # the day inside what was said is what it is about, not when it was said
    d = _saying("d", f"Ms. Brandt said {claim} on Monday.", f"{claim} on Monday", "said", "Ms. Brandt")
    assert [x for x in find_discrepancies([a, d], align_statements([a, d]), {}) if x.attribute == "date"] == []


def test_leaving_a_post_earlier_this_month_and_last_year_is_a_date_difference() -> None:
    quit_ = _dated("a", "Ola Dahl joined the Brandt administration in 2019 and quit earlier this month to join a Nordvik "
                        "law firm.", "2024-01-30")  # fmt: skip
    left = _dated("b", "He left the Brandt administration last year to join a Nordvik law firm, Dahl said.", "2024-01-30")
    assert [o.value for o in date_observations(quit_)] == ["span:2024-01-01:2024-01-30"]
    assert [(o.key, o.value) for o in date_observations(left)] == [("resignation", "span:2023-01-01:2023-12-31")]
    found = [d for d in find_discrepancies([quit_, left], [], {}) if d.attribute == "date"]
    assert _values(found) == {"a": "earlier this month", "b": "last year"}


def test_last_week_is_no_date_and_leaving_for_a_place_is_no_resignation() -> None:
    assert date_observations(_dated("a", "Lena Brandt's debate performance last week drew jeers.", "2024-01-30")) == []
    assert date_observations(_dated("b", "Lena Brandt left for Nordvik on Monday.", "2024-01-30")) == []


def test_one_death_dated_two_days_is_a_date_difference_though_dying_is_no_listed_occasion() -> None:
    a = _dated("a", "Retired harbour master Olaf Brenner died Saturday at his home in Dorvik, his family said.", "2024-03-05")
    b = _dated("b", "Olaf Brenner, the retired harbour master of Dorvik, died on Sunday at his home, his family said.", "2024-03-05")
    found = [d for d in find_discrepancies([a, b], [], {}) if d.attribute == "date"]
    assert _values(found) == {"a": "Saturday", "b": "Sunday"}


def test_deaths_of_two_people_speech_and_plans_are_no_date_difference() -> None:
    a = _dated("a", "Harbour master Olaf Brenner died Saturday at his home in Dorvik. The mayor said Monday that the port would close.",
               "2024-03-05")  # fmt: skip
    b = _dated("b", "Ferry captain Nils Aaberg died on Sunday in a hospital in Lund. The mayor said Tuesday that the port would close.",
               "2024-03-05")  # fmt: skip
    c = _dated("c", "Harbour master Olaf Brenner, who died at his home in Dorvik, will be buried on Friday.", "2024-03-05")
    d = _dated("d", "Harbour master Olaf Brenner, who died at his home in Dorvik, will be buried on Thursday, his family said.", "2024-03-05")
    assert [x for x in find_discrepancies([a, b, c, d], [], {}) if x.attribute == "date"] == []


def test_two_people_fired_in_one_story_are_two_occasions() -> None:
    a = _dated("a", "Hawks coach Jon Berg was fired today and former Lund coach Per Olsen will take over.", "2024-05-23")
    b = _dated("b", "Olsen, who was fired March 2 as head coach of Lund, is the fourth Hawks coach since 2020.", "2024-05-24")
    assert [x for x in find_discrepancies([a, b], [], {}) if x.attribute == "date"] == []


def test_a_days_deed_named_as_the_days_is_dated_by_it() -> None:
    a = _dated("a", "Hundreds marched after Saturday's fatal shooting of Tomas Lindqvist by police in Dorvik.", "2024-03-12")
    b = _dated("b", "Hundreds marched in Dorvik after Sunday's shooting of Tomas Lindqvist by police.", "2024-03-12")
    found = [d for d in find_discrepancies([a, b], [], {}) if d.attribute == "date"]
    assert _values(found) == {"a": "Saturday", "b": "Sunday"}
    c = _dated("c", "Police defended Sunday's statement on the Lindqvist case in Dorvik.", "2024-03-12")
    assert [o.key for o in date_observations(c)] == []


def test_a_leading_day_dates_the_deed_of_whom_its_clause_names_by_age_or_name() -> None:
    a = _dated("a", "Yesterday, a 41-year-old Canadian hiker died after falling on Mt Arden.", "2024-03-10")
    b = _dated("b", "On Friday, 41-year-old Piet Olsen died after slipping from a ridge on Mt Arden.", "2024-03-10")
    found = [d for d in find_discrepancies([a, b], [], {}) if d.attribute == "date"]
    assert _values(found) == {"a": "Yesterday", "b": "Friday"}
    other = _dated("c", "On Friday, 29-year-old Ida Berg died after slipping from a ridge on Mt Arden.", "2024-03-10")
    assert [d for d in find_discrepancies([a, other], [], {}) if d.attribute == "date"] == []  # another hiker's death


def test_a_hearing_set_for_a_day_the_other_report_had_reached_is_an_earlier_hearing() -> None:
    # Monday's report: the bail hearing is Wednesday; Wednesday's report: the next one is in September.
    monday = _dated("a", "No pleas were entered and a bail hearing was scheduled for Wednesday at Dorvik Crown Court.", "2024-06-10")
    wednesday = _dated("b", "A plea hearing will be held on September 6 at Dorvik Crown Court.", "2024-06-12")
    assert [o.key for o in date_observations(monday) + date_observations(wednesday)] == ["next hearing", "next hearing"]
    assert [d for d in find_discrepancies([monday, wednesday], [], {}) if d.attribute == "date"] == []
    # written the same day, two days set for one hearing still differ
    other = _dated("c", "A plea hearing will be held on September 9 at Dorvik Crown Court.", "2024-06-12")
    found = [d for d in find_discrepancies([wednesday, other], [], {}) if d.attribute == "date"]
    assert _values(found) == {"b": "September 6", "c": "September 9"}


def test_the_day_something_was_said_is_not_the_day_of_what_it_reports() -> None:
    """"…, police said Wednesday" dates the saying, not the arrest the headline names: no difference with
    another outlet's day of the arrest."""
    a = _dated("a", "A Dorvik ferry captain was arrested Tuesday in a harbour raid.", "2024-03-14")
    b = _dated("b", "A Dorvik ferry captain hanged himself in his cell hours after his arrest, police said Wednesday.", "2024-03-14",
               title="A Dorvik ferry captain hanged himself in his cell hours after his arrest")  # fmt: skip
    assert [x for x in find_discrepancies([a, b], [], {}) if x.attribute == "date"] == []
