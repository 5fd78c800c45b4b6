"""Facts that hold across a storyline's stories: compared between stories, a person's figure only of one person."""

from __future__ import annotations

import pytest

from storyline.compare.discrepancies import storyline_discrepancies
from storyline.model import Article


def _found(first: str, second: str, same_story: bool = False) -> list[tuple[str, list[str]]]:
    a = Article("a", first, outlet="Dorvik Herald")
    b = Article("b", second, outlet="Coast Wire")
    stories = [("killing", a), ("killing" if same_story else "verdict", b)]
    return [(d.attribute, sorted(e.value for e in d.evidence)) for d in storyline_discrepancies(stories, storyline_id="s")]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Police are looking for Pavel Brandt, 31. He is 6 feet tall, weighing 170 pounds.",
         "Jurors convicted Pavel Brandt on Monday. Deputies said in 2019 that Brandt was 6-foot, 185 pounds.",
         [("number", ["170", "185"])]),
        ("Tomas Ekberg is serving three life sentences for the murders.",
         "Ekberg was serving a life sentence when he escaped from the van.",
         [("number", ["a life sentence (1)", "three life sentences (3)"])]),
        ("Deputy Holm was shot in the 4500 block of East Larch Street in Dorvik.",
         "A jury convicted the man who shot Holm in the 4200 block of Larch St. in 2019.",
         [("place", ["4200 block of Larch St.", "4500 block of East Larch Street"])]),
    ],
)
def test_a_lasting_fact_is_compared_across_stories(first: str, second: str, expected: list) -> None:
    assert _found(first, second) == expected


def test_a_figure_of_two_people_or_of_goods_is_none() -> None:
    assert _found("Pavel Brandt is 6 feet tall, weighing 170 pounds.", "His brother Ivo Sand weighs 185 pounds.") == []
    assert _found("Agents seized 170 pounds of cocaine from Brandt.", "Brandt was caught with 185 pounds of cocaine.") == []


def test_a_clash_inside_one_story_is_left_to_the_story() -> None:
    first, second = "Tomas Ekberg is serving three life sentences.", "Ekberg was serving a life sentence."
    assert _found(first, second, same_story=True) == []


def test_a_figure_of_someone_else_is_left_out_of_the_persons() -> None:
    stories = [
        ("escape", Article("a", "Tomas Ekberg is serving three life sentences.", outlet="Dorvik Herald")),
        ("manhunt", Article("b", "Ekberg was serving a life sentence.", outlet="Coast Wire")),
        ("manhunt", Article("c", "His cellmate Ivo Sand is serving two life sentences.", outlet="Coast Wire")),
    ]
    found = storyline_discrepancies(stories, storyline_id="s")
    assert [sorted(e.article_id for e in d.evidence) for d in found] == [["a", "b"]]
