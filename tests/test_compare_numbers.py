"""Numbers of one account compared across outlets: an amount told by the named place it went to."""

from __future__ import annotations

import pytest

from storyline.compare import find_discrepancies
from storyline.compare.quantities import consistent, quantities
from storyline.model import Article


def _plain(article_id: str, text: str) -> Article:
    return Article(article_id, text, outlet=article_id.upper(), published="2024-03-05")


def test_an_amount_is_keyed_by_the_named_place_it_went_to() -> None:
    (item,) = quantities("and $4,415.25 on Nordvik's Harbour Spa Retreat.")
    assert item.key == "dollars at nordvik harbour spa retreat" and item.value == 4415.25
    (weekend,) = quantities("a $4,515.25 weekend at the Nordvik’s Harbour Spa Retreat, the records said")
    assert weekend.key == item.key
    assert [q.target for q in quantities("He spent $5 million on Tuesday.")] == [""]  # a day is no such name


def test_one_item_of_an_account_given_two_amounts_is_a_number_difference() -> None:
    a = _plain("a", "Records show Mayor Lena Brandt spent $2,310.50 at Nordvik Ferry Lines and $4,415.25 on the "
                    "Harbour Spa Retreat.")  # fmt: skip
    b = _plain("b", "In 2023 Ms. Brandt used the money for a $4,515.25 weekend at the Harbour Spa Retreat, the records said.")
    (number,) = find_discrepancies([a, b], [], {})
    assert number.attribute == "number" and number.confidence == 1.0
    assert {e.article_id: e.value for e in number.evidence} == {"a": "$4,415.25 (4415.25)", "b": "$4,515.25 (4515.25)"}


def test_amounts_at_two_places_or_alike_are_no_difference() -> None:
    a = _plain("a", "Records show Mayor Lena Brandt spent about $4,400 on the Harbour Spa Retreat.")
    b = _plain("b", "Ms. Brandt used the money for a $4,415.25 weekend at the Harbour Spa Retreat, the records said.")
    c = _plain("c", "Ms. Brandt used the money for a $900 dinner at the Nordvik Grill, the records said.")
    assert find_discrepancies([a, b, c], [], {}) == []


def test_an_outlet_that_also_gives_the_others_figure_does_not_contradict_it() -> None:
    a = _plain("a", "Tom Holt added 101 yards on the ground for the Hawks, who finished with 352 yards rushing. The Hawks lost 20-13.")
    b = _plain("b", "Tom Holt added 101 yards on the ground for the Hawks, who finished with 352 yards rushing in a loss.")
    c = _plain("c", "The Hawks rushed for over 350 yards in the loss. Jon Berg rushed for 226 yards while Tom Holt added 101 yards.")
    assert [d for d in find_discrepancies([a, b, c], [], {}) if d.attribute == "number"] == []


def test_a_value_in_another_currency_in_brackets_is_compared_with_the_same_currency() -> None:
    (euros, dollars) = quantities("Thieves stole paintings valued at 40 million euros ($52 million) from the Lindqvist gallery.")
    assert (euros.key, euros.value) == ("euros valu", 40_000_000) and (dollars.key, dollars.value) == ("dollars valu", 52_000_000)
    a = _plain("a", "Thieves stole paintings valued at 40 million euros ($52 million) from the Lindqvist gallery, prosecutors said.")
    b = _plain("b", "Art worth more than $90 million was taken from the Lindqvist gallery in Dorvik.")
    (number,) = find_discrepancies([a, b], [], {})
    assert number.attribute == "number" and number.confidence == 1.0
    assert {e.article_id: e.value for e in number.evidence} == {"a": "$52 million (52000000)", "b": "more than $90 million (90000000)"}
    c = _plain("c", "Paintings worth about $50 million were taken from the Lindqvist gallery.")
    assert find_discrepancies([a, c], [], {}) == []


def test_counts_one_apart_or_a_floor_against_a_ceiling_of_one_figure_differ() -> None:
    a = _plain("a", "Five people were injured when the Orvik footbridge collapsed on Sunday, police in Dalby said.")
    b = _plain("b", "Six people were injured when the Orvik footbridge collapsed, Dalby police said.")
    (number,) = find_discrepancies([a, b], [], {})
    assert number.attribute == "number" and {e.value for e in number.evidence} == {"Five (5)", "Six (6)"}
    fewer, more = quantities("fewer than 40 people were injured"), quantities("more than 40 people were injured")
    assert not consistent(fewer[0], more[0])
    assert consistent(*quantities("nearly 40 people were injured"), *quantities("40 people were injured"))


def test_a_bare_round_figure_and_a_finer_one_it_is_not_rounded_from_differ() -> None:
    a = _plain("a", "Deputies are searching for Marco Velde, 31, who is 5-foot-10, weighing 160 pounds, with a scar on his chin.")
    b = _plain("b", "Deputies said Marco Velde, 31, is 5-foot-10, 165 pounds, with a scar on his chin.")
    (number,) = find_discrepancies([a, b], [], {})
    assert number.attribute == "number" and number.confidence == 1.0 and {e.value for e in number.evidence} == {"160", "165"}
    c = _plain("c", "Deputies said Marco Velde, 31, is 5-foot-10, 162 pounds, with a scar on his chin.")
    assert find_discrepancies([a, c], [], {}) == []  # 162 rounds to 160
    assert consistent(*quantities("about 160 pounds were seized"), *quantities("165 pounds were seized"))


def test_one_fall_told_by_the_climbers_age_and_a_measure_written_onto_its_number() -> None:
    assert [(q.key, q.value) for q in quantities("He died after falling about 60m from a ridge.")] == [("metre fall", 60)]
    assert quantities("The fund reached 5m people.") == []  # a million, not metres
    a = _plain("a", "Yesterday, a 41-year-old Canadian hiker died after falling about 150 metres on Mt Arden.")
    b = _plain("b", "On Friday, 41-year-old Piet Olsen died after slipping and falling about 60m from a ridge.")
    c = _plain("c", "On Friday, 41-year-old Piet Olsen died after falling about 60 metres from a ridge near the Vale Glacier.")
    (number,) = [d for d in find_discrepancies([a, b, c], [], {}) if d.attribute == "number"]
    assert number.confidence == 1.0
    assert {e.article_id: e.value for e in number.evidence} == {"a": "about 150", "b": "about 60", "c": "about 60"}
    d = _plain("d", "On Friday, a 29-year-old hiker died after falling about 150 metres on Mt Arden.")
    assert all(x.confidence < 1.0 for x in find_discrepancies([b, d], [], {}) if x.attribute == "number")  # another climber's fall: not shown


@pytest.mark.parametrize(
    ("b", "flagged"),
    [
        ("A Dalby court sentenced Tomas Lind, the ferry arsonist, to 12 years in prison on Monday.", True),
        ("Tomas Lind, the ferry arsonist, was sentenced to 10 years in prison by a Dalby court.", False),
        ("Tomas Lind, the ferry arsonist, faces up to 12 years in prison, a Dalby court heard.", False),  # a maximum
        ("Tomas Lind, the ferry arsonist, served 12 years as mayor of Dalby.", False),  # no prison term
    ],
)
def test_one_prison_term_given_two_lengths_is_a_number_difference(b: str, flagged: bool) -> None:
    a = _plain("a", "Tomas Lind, the ferry arsonist, was sentenced to 10 years in prison by a Dalby court.")
    found = [d for d in find_discrepancies([a, _plain("b", b)], [], {}) if d.attribute == "number"]
    assert [sorted(e.value for e in d.evidence) for d in found if d.confidence == 1.0] == ([["10 years", "12 years"]] if flagged else [])


def test_how_many_life_terms_a_convict_serves_is_counted() -> None:
    a = _plain("a", "Harald Oskar Brenn Jr. is serving three life sentences.")
    b = _plain("b", "Harald Oskar Brenn Jr. is a convicted arsonist serving a life sentence.")
    c = _plain("c", "Brenn was serving a life sentence for arson.")
    (number,) = find_discrepancies([a, b, c], [], {})
    assert number.confidence == 1.0
    assert {e.article_id: e.value for e in number.evidence} == {"a": "three life sentences (3)", "b": "a life sentence (1)", "c": "a life sentence (1)"}


def test_outlets_that_each_print_both_players_points_do_not_contradict_each_other() -> None:
    a = _plain("a", "Ivo Lind scored 14 points off the bench and Tomas Berg had 11 points and six blocks for Dorvik. "
                    "Anna Holm came in needing 9 points to break the record.")  # fmt: skip
    b = _plain("b", "Dorvik also got 14 points from Ivo Lind, while Tomas Berg scored 11 points, all in the second half.")
    assert [d for d in find_discrepancies([a, b], [], {}) if d.attribute == "number"] == []
    # an outlet that never prints the other's 14 still differs
    c = _plain("c", "Dorvik also got 16 points from Ivo Lind, while Tomas Berg scored 11 points, all in the second half.")
    found = [d for d in find_discrepancies([a, c], [], {}) if d.attribute == "number"]
    assert any("16" in [e.value for e in d.evidence] for d in found)


def test_a_count_shows_the_figure_the_body_gives_rather_than_the_headline() -> None:
    a = _plain("a", "The quake on the outskirts of Dorvik injured two people, the governor told the Vesta news agency.")
    b = Article("b", "Five hurt in Vesta quake\nA quake struck near Dorvik on Sunday, injuring five people and damaging buildings.",
                outlet="B", published="2024-03-05", title="Five hurt in Vesta quake")  # fmt: skip
    (number,) = find_discrepancies([a, b], [], {})
    assert {e.article_id: e.span.text for e in number.evidence} == {"a": "injured two people", "b": "injuring five people"}


def test_of_two_figures_an_article_gives_one_count_it_means_the_one_another_article_gives() -> None:
    from storyline.compare.discrepancies import _meant, number_observations

    c = _plain("c", "A quake hit Vesta on Sunday, injuring five people. A quake in September killed seven and injured 40.")
    b = _plain("b", "A quake struck Vesta on Sunday, injuring five people.")
    chained = [o for o in number_observations(c) if o.key == "injur"]
    others = [o for o in number_observations(b) if o.key == "injur"]
    assert [o.value for o in chained] == ["5", "40"]
    assert [o.value for o in _meant(chained, {"c": chained, "b": others})] == ["5"]
    assert _meant(chained, {"c": chained}) == []  # nothing tells which one it means


def test_one_figure_told_alike_joins_its_count_without_a_shared_name() -> None:
    a = _plain("a", "According to the Vesta news agency, the quake on the outskirts of Dorvik, a small town on the island, injured two people.")
    b = _plain("b", "The tremor struck the area around the town of Dorvik on Orrin island, at the entrance to the Vesta Gulf, "
                    "injuring five people and damaging buildings.")  # fmt: skip
    c = _plain("c", "A 5.6 magnitude earthquake hit an island off the southern coast of Norland on Sunday, injuring five people "
                    "and damaging buildings, local media said. A powerful quake struck near the port city of Stavik, on the "
                    "mainland near the island, in September, killing at least seven people and injuring 40.")  # fmt: skip
    (number,) = find_discrepancies([a, b, c], [], {})
    assert sorted(e.article_id for e in number.evidence) == ["a", "b", "c"] and number.confidence == 1.0
