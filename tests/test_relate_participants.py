"""Two events of one kind told apart by who they are about: the participant conflict in story scoring.

The reports are invented: two players of one team arrested for drunken driving, written alike on
purpose, so that the embeddings alone would put both arrests in one story.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from storyline.model import Article, Entity, EntityKind, Mention, Span, stable_id
from storyline.relate import StoryIndex, features_batch
from storyline.relate.features import ArticleFeatures, name_words
from storyline.relate.stories import StoryConfig, pair_score, participant_conflict

DELL = (
    "Harbor City Pelicans receiver Marcus Dell was arrested on suspicion of drunken driving early Tuesday, the state "
    "highway patrol said. Dell was pulled over for speeding on the coastal freeway and failed a sobriety test. "
    "The Pelicans said they were aware of the arrest and would not comment further. Dell is expected to play in "
    "Sunday's playoff game."
)
DELL_AGAIN = (
    "The Pelicans' Marcus Dell was arrested early Tuesday on suspicion of driving under the influence. The highway "
    "patrol said the receiver was stopped for speeding and failed a field sobriety test. Dell should be available "
    "for Sunday's playoff game, the team said."
)
PRATT = (
    "Owen Pratt, a lineman for the Harbor City Pelicans, was taken into custody on a drunken driving charge "
    "early Sunday after a traffic stop, police said. Pratt, a nine-year veteran, gave a blood sample and was "
    "released on bail. The Pelicans said they were gathering information. It is the team's second such arrest "
    "this season, and Pratt is due in court next month."
)
# Each surface form and the entity it names, as the analysis stage would resolve them.
NAMES: dict[str, tuple[str, EntityKind]] = {
    "Marcus Dell": ("Marcus Dell", "person"),
    "Dell": ("Marcus Dell", "person"),
    "Owen Pratt": ("Owen Pratt", "person"),
    "Pratt": ("Owen Pratt", "person"),
    "Harbor City Pelicans": ("Harbor City Pelicans", "org"),
    "Pelicans": ("Harbor City Pelicans", "org"),
}
NAME_PATTERN = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in sorted(NAMES, key=len, reverse=True)))


def analysed(key: str, title: str, text: str) -> Article:
    """An article as the analysis stage hands it over: entities and their mentions."""
    article = Article(id=key, text=text, title=title)
    for match in NAME_PATTERN.finditer(text):
        name, kind = NAMES[match.group()]
        entity_id = stable_id(kind, name.lower(), prefix="e")
        article.entities.setdefault(entity_id, Entity(entity_id, name, kind))
        article.mentions.append(Mention(key, Span.of(text, match.start(), match.end()), entity_id, kind))
    return article


@pytest.fixture(scope="module")
def reports() -> dict[str, ArticleFeatures]:
    articles = [
        analysed("dell", "Pelicans receiver arrested", DELL),
        analysed("dell-again", "Dell arrested", DELL_AGAIN),
        analysed("pratt", "Pelicans lineman arrested", PRATT),
    ]
    return {f.article_id: f for f in features_batch(articles)}


def test_the_main_participant_is_the_person_named_most(reports: dict[str, ArticleFeatures]) -> None:
    assert reports["dell"].participants == {"dell"}  # by surname; the team is named less
    assert reports["pratt"].participants == {"pratt"}
    assert {"dell", "pelicans", "sunday"} <= reports["dell"].name_words  # "Sunday's" folded


def test_a_description_is_not_a_participant() -> None:
    text = "A friend of the actress said a friend of the actress had visited. A friend of the actress left."
    article = Article(id="friend", text=text)
    entity_id = stable_id("person", "a friend of the actress", prefix="e")
    article.entities[entity_id] = Entity(entity_id, "A friend of the actress", "person")
    for match in re.finditer("(?i)a friend of the actress", text):
        article.mentions.append(Mention("friend", Span.of(text, match.start(), match.end()), entity_id, "person"))
    assert features_batch([article])[0].participants == frozenset()


def test_participants_conflict_only_when_neither_names_the_other(reports: dict[str, ArticleFeatures]) -> None:
    assert participant_conflict(reports["dell"], reports["pratt"])
    assert not participant_conflict(reports["dell"], reports["dell-again"])
    recalling = replace(reports["pratt"], name_words=reports["pratt"].name_words | name_words("after Marcus Dell"))
    assert not participant_conflict(reports["dell"], recalling)  # the second arrest recalls the first


def test_two_stars_entering_rehab_are_two_stories(reports: dict[str, ArticleFeatures]) -> None:
    """Alike enough to join one story on the text alone; who they are about keeps them apart."""
    without = StoryConfig(participant_penalty=0.0)
    assert pair_score(reports["pratt"], reports["dell"], without) >= without.threshold
    index = StoryIndex()
    first = index.assign(reports["dell"])
    assert index.assign(reports["pratt"]) != first
    assert index.assign(reports["dell-again"]) == first
