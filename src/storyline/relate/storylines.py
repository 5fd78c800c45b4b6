"""Storylines: stories about the same actors and subject, linked over time.

Stories are one event each; a storyline is the thread (the Afghan peace talks) that several events
belong to. Links are looser than story membership but need both shared main actors and a similar
subject, within weeks of each other, so two events that merely share a famous name, or a topic, or
that are years apart, stay apart. A name that is everywhere (a president, a country) links nothing:
only actors few stories feature count as shared.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from storyline.model import Story, Storyline, stable_id
from storyline.relate.alignment import STOPWORDS
from storyline.relate.features import ArticleFeatures
from storyline.relate.union_find import UnionFind

LINK_SIMILARITY = 0.45  # centroid cosine; stories themselves need ~0.55 plus agreeing venue and date
MIN_SHARED_ACTORS = 1  # at least 1: linking compares only stories that share a main actor
MIN_ACTOR_OVERLAP = 0.25  # shared main actors over the smaller story's main actors
# Days allowed between one story's last article and the next one's first. The next event of one
# development (a hearing, then the vote) follows within weeks: the sample corpus's threads step 21 to
# 49 days, BASIL's one true thread (a primary defeat, then the leadership race) 3 days, while the
# links BASIL made without a bound spanned 11 and 25 months (one president's tax deal and jobs bill;
# Benghazi and the e-mails). Eight weeks keeps the first and cuts the second.
MAX_GAP_DAYS = 56
# An actor featured by more than this share of the stories (and by at least MIN_COMMON_STORIES) is
# everywhere: a president, a country. It says nothing about which thread a story belongs to.
COMMON_ACTOR_SHARE = 0.1
MIN_COMMON_STORIES = 5


@dataclass(slots=True)
class StorySummary:
    """What linking needs of one story, small enough to keep after its articles have left memory."""

    story: Story
    centroid: np.ndarray
    actors: Counter[str]  # main actor id -> how many of the story's articles feature it
    names: dict[str, str]  # the actors' names, for storyline labels


def summarise(story: Story, members: Sequence[ArticleFeatures], centroid: np.ndarray) -> StorySummary:
    """The summary of `story` from the features of its articles, in the order they joined it, and the
    centroid the story index keeps for it."""
    actors = Counter(a for m in members for a in m.key_actors)
    names = {k: v for m in members for k, v in m.names.items() if k in actors}
    return StorySummary(story, centroid, actors, names)


@dataclass(slots=True)
class _StoryProfile:
    summary: StorySummary
    order: int

    @property
    def story(self) -> Story:
        return self.summary.story

    @property
    def sort_key(self) -> tuple[str, int]:
        return (self.story.first_seen or "9999", self.order)


def _gap_days(a: Story, b: Story) -> int | None:
    """Days between the end of the earlier story and the start of the later; None when undated."""
    if not (a.first_seen and a.last_seen and b.first_seen and b.last_seen):
        return None
    first, second = sorted((a, b), key=lambda s: s.first_seen or "")
    days = (date.fromisoformat(second.first_seen[:10]) - date.fromisoformat(first.last_seen[:10])).days  # type: ignore[index]
    return max(0, days)


def linked(a: StorySummary, b: StorySummary) -> bool:
    shared = a.actors.keys() & b.actors.keys()
    smaller = min(len(a.actors), len(b.actors))
    if len(shared) < MIN_SHARED_ACTORS or len(shared) / smaller < MIN_ACTOR_OVERLAP:
        return False
    if (gap := _gap_days(a.story, b.story)) is not None and gap > MAX_GAP_DAYS:
        return False
    return a.centroid.shape == b.centroid.shape and float(a.centroid @ b.centroid) >= LINK_SIMILARITY


def _without_common_actors(summaries: Sequence[StorySummary]) -> list[StorySummary]:
    """The summaries as linking reads them: actors that are everywhere in the store left out."""
    featured = Counter(actor for s in summaries for actor in s.actors)
    limit = max(MIN_COMMON_STORIES, COMMON_ACTOR_SHARE * len(summaries))
    common = {actor for actor, stories in featured.items() if stories > limit}
    return [replace(s, actors=Counter({a: n for a, n in s.actors.items() if a not in common})) for s in summaries]


def _components(profiles: list[_StoryProfile]) -> list[list[_StoryProfile]]:
    """Single-link groups by union-find. Linked stories share a main actor, so only the pairs that do
    are compared: a story meets the few that share its actors, not every story ever made."""
    forest = UnionFind(range(len(profiles)))
    featuring: dict[str, list[int]] = {}
    for i, profile in enumerate(profiles):
        for actor in profile.summary.actors:
            featuring.setdefault(actor, []).append(i)
    for i, profile in enumerate(profiles):
        sharing = {j for actor in profile.summary.actors for j in featuring[actor] if j > i}
        for j in sorted(sharing):
            if linked(profile.summary, profiles[j].summary):
                forest.union(i, j)
    return [sorted((profiles[i] for i in group), key=lambda p: p.sort_key) for group in forest.groups().values()]


def _title_words(title: str) -> set[str]:
    return {w for w in re.findall(r"\w+", title.lower().replace("’", "'")) if w not in STOPWORDS and len(w) > 2}


def _label(group: list[_StoryProfile]) -> str:
    """The matter the thread is about: the story title that shares most words with the other stories'
    titles (the earliest among equals), so a reader sees "Peace push on NATO's plan in Afghanistan",
    not a list of the names in it."""
    titles = [p.story.label for p in group]
    words = [_title_words(t) for t in titles]
    recurring = Counter(w for ws in words for w in ws)
    shared = [sum(recurring[w] > 1 for w in ws) for ws in words]
    return titles[max(range(len(titles)), key=lambda i: (shared[i], -i))]


def _storyline(group: list[_StoryProfile]) -> Storyline:
    firsts = [p.story.first_seen for p in group if p.story.first_seen]
    lasts = [p.story.last_seen for p in group if p.story.last_seen]
    return Storyline(
        id=stable_id(group[0].story.id, prefix="sl"),
        label=_label(group),
        story_ids=[p.story.id for p in group],
        first_seen=min(firsts) if firsts else None,
        last_seen=max(lasts) if lasts else None,
    )


def link_storylines(summaries: Sequence[StorySummary]) -> list[Storyline]:
    """Every story in exactly one storyline; each story's `storyline_id` is set in place."""
    profiles = [_StoryProfile(summary, i) for i, summary in enumerate(_without_common_actors(summaries))]
    groups = sorted(_components(profiles), key=lambda group: group[0].sort_key)
    storylines = [_storyline(group) for group in groups]
    for group, storyline in zip(groups, storylines):
        for profile in group:
            profile.story.storyline_id = storyline.id
    return storylines
