"""Two events of one kind told apart by who, where and how many: the conflicts in story scoring.

The reports are invented and written alike on purpose: two players of one team arrested for drunken
driving, two earthquakes on one island, two fires at supermarkets of one chain in two towns.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from storyline.model import Article, Entity, EntityKind, Mention, Span, stable_id
from storyline.relate import StoryIndex, features_batch
from storyline.relate.features import ArticleFeatures, name_words, numbers_in
from storyline.relate.stories import StoryConfig, number_conflict, pair_score, participant_conflict, setting_conflict

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
QUAKE = (
    "A magnitude 5.6 earthquake struck Tarvik Island early on Sunday, injuring 14 people and damaging "
    "dozens of mud-brick homes, officials said. The quake was centred near the fishing town of Orlen. "
    "Rescue teams reached the worst-hit villages on Tarvik by midday, and aftershocks were felt for hours."
)
QUAKE_AGAIN = (
    "Fourteen people were hurt when a 5.6 magnitude quake shook Tarvik Island on Sunday. Homes near Orlen "
    "were damaged, officials on Tarvik said, and aftershocks continued into the afternoon."
)
DEADLIER_QUAKE = (
    "The death toll from Monday's earthquake on Tarvik Island rose to 9, officials said, after rescuers pulled "
    "more bodies from collapsed buildings near Maspur. The 6.1 magnitude tremor was the strongest to hit Tarvik "
    "in a decade, and aid agencies appealed for blankets and clean water."
)
KELMSFORD_FIRE = (
    "Fire destroyed a Greenway supermarket in Kelmsford overnight, and police said the blaze was being "
    "treated as suspicious. Crews from across Kelmsford fought the flames for six hours. Nobody was hurt, "
    "but the store will stay closed, and shoppers were told to use other branches."
)
ALDBURY_FIRE = (
    "Firefighters spent the night tackling a blaze at the Greenway supermarket in Aldbury, which police are "
    "treating as arson. The roof of the Aldbury store collapsed before dawn. A man has been questioned, and the "
    "company said staff would be moved to nearby branches while the site is cleared."
)
# Each entity with the shorter forms that also name it, as the analysis stage would resolve them.
ENTITIES: dict[str, tuple[EntityKind, tuple[str, ...]]] = {
    "Marcus Dell": ("person", ("Dell",)),
    "Owen Pratt": ("person", ("Pratt",)),
    "Harbor City Pelicans": ("org", ("Pelicans",)),
    "Tarvik Island": ("place", ("Tarvik",)),
    "Orlen": ("place", ()),
    "Maspur": ("place", ()),
    "Kelmsford": ("place", ()),
    "Aldbury": ("place", ()),
}
NAMES = {form: name for name, (_, forms) in ENTITIES.items() for form in (name, *forms)}
NAME_PATTERN = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in sorted(NAMES, key=len, reverse=True)))


def analysed(key: str, title: str, text: str) -> Article:
    """An article as the analysis stage hands it over: entities and their mentions."""
    article = Article(id=key, text=text, title=title)
    for match in NAME_PATTERN.finditer(text):
        name = NAMES[match.group()]
        kind = ENTITIES[name][0]
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
        analysed("quake", "Quake hits Tarvik Island", QUAKE),
        analysed("quake-again", "Tarvik quake injures 14", QUAKE_AGAIN),
        analysed("deadlier-quake", "Nine killed on Tarvik", DEADLIER_QUAKE),
        analysed("kelmsford", "Kelmsford supermarket gutted by fire", KELMSFORD_FIRE),
        analysed("aldbury", "Blaze at Aldbury store", ALDBURY_FIRE),
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


def test_two_arrests_of_one_team_are_two_stories(reports: dict[str, ArticleFeatures]) -> None:
    """Alike enough to join one story on the text alone; who they are about keeps them apart."""
    without = StoryConfig(participant_penalty=0.0)
    assert pair_score(reports["pratt"], reports["dell"], without) >= without.threshold
    index = StoryIndex()
    first = index.assign(reports["dell"])
    assert index.assign(reports["pratt"]) != first
    assert index.assign(reports["dell-again"]) == first


def test_figures_leave_out_years_dates_and_clock_times() -> None:
    text = "On Sunday, December 14, 2008 at 10:30 am a 5.6 quake hit; 1,200 fled and 23 were hurt by 3rd of May."
    assert numbers_in(text) == {"5.6", "1200", "23"}


def test_the_main_place_is_the_place_named_most(reports: dict[str, ArticleFeatures]) -> None:
    assert reports["quake"].setting == {"tarvik", "island"}  # a place keeps its whole name
    assert reports["kelmsford"].setting == {"kelmsford"} and reports["aldbury"].setting == {"aldbury"}


def test_two_fires_in_two_towns_have_a_setting_conflict(reports: dict[str, ArticleFeatures]) -> None:
    kelmsford, aldbury = reports["kelmsford"], reports["aldbury"]
    assert setting_conflict(aldbury, kelmsford) and not number_conflict(aldbury, kelmsford)
    assert not setting_conflict(reports["quake"], reports["deadlier-quake"])  # one island
    lowered = pair_score(aldbury, kelmsford, StoryConfig(setting_penalty=0.0)) - pair_score(aldbury, kelmsford)
    assert lowered == pytest.approx(StoryConfig().setting_penalty * float(aldbury.embedding @ kelmsford.embedding))


def test_two_quakes_with_other_figures_have_a_number_conflict(reports: dict[str, ArticleFeatures]) -> None:
    quake, deadlier = reports["quake"], reports["deadlier-quake"]
    assert number_conflict(deadlier, quake)
    assert not number_conflict(reports["quake-again"], quake)  # 5.6 and 14 again: the same quake
    lowered = pair_score(deadlier, quake, StoryConfig(number_penalty=0.0)) - pair_score(deadlier, quake)
    assert lowered == pytest.approx(StoryConfig().number_penalty * float(deadlier.embedding @ quake.embedding))
    assert pair_score(reports["quake-again"], quake) > pair_score(deadlier, quake)
