"""Storylines: stories about the same actors and subject, linked over time.

Stories are one event each; a storyline is the thread (the Afghan peace talks) that several events
belong to. Links are looser than story membership but need both shared main actors and a similar
subject, so two events that merely share a famous name, or a topic, stay apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storyline.model import Story, Storyline, stable_id
from storyline.relate.features import ArticleFeatures

LINK_SIMILARITY = 0.45  # centroid cosine; stories themselves need ~0.55 plus agreeing venue and date
MIN_SHARED_ACTORS = 1  # at least 1: linking compares only stories that share a main actor
MIN_ACTOR_OVERLAP = 0.25  # shared main actors over the smaller story's main actors
LABEL_ACTORS = 3


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


def linked(a: StorySummary, b: StorySummary) -> bool:
    shared = a.actors.keys() & b.actors.keys()
    smaller = min(len(a.actors), len(b.actors))
    if len(shared) < MIN_SHARED_ACTORS or len(shared) / smaller < MIN_ACTOR_OVERLAP:
        return False
    return a.centroid.shape == b.centroid.shape and float(a.centroid @ b.centroid) >= LINK_SIMILARITY


def _components(profiles: list[_StoryProfile]) -> list[list[_StoryProfile]]:
    """Single-link groups by union-find. Linked stories share a main actor, so only the pairs that do
    are compared: a story meets the few that share its actors, not every story ever made."""
    parent = list(range(len(profiles)))
    featuring: dict[str, list[int]] = {}
    for i, profile in enumerate(profiles):
        for actor in profile.summary.actors:
            featuring.setdefault(actor, []).append(i)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, profile in enumerate(profiles):
        sharing = {j for actor in profile.summary.actors for j in featuring[actor] if j > i}
        for j in sorted(sharing):
            if linked(profile.summary, profiles[j].summary):
                parent[root(j)] = root(i)
    groups: dict[int, list[_StoryProfile]] = {}
    for i, profile in enumerate(profiles):
        groups.setdefault(root(i), []).append(profile)
    return [sorted(group, key=lambda p: p.sort_key) for group in groups.values()]


def _label(group: list[_StoryProfile]) -> str:
    """Actors that recur across the storyline's stories, then the subject as its first story names it."""
    subject = group[0].story.label
    if len(group) == 1:
        return subject
    recurring = Counter(a for p in group for a in p.summary.actors)
    names = {k: v for p in group for k, v in p.summary.names.items()}
    shared = [a for a, n in sorted(recurring.items(), key=lambda an: (-an[1], names.get(an[0], an[0]))) if n > 1]
    actors = ", ".join(names.get(a, a) for a in shared[:LABEL_ACTORS])
    return f"{actors}: {subject}" if actors else subject


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
    profiles = [_StoryProfile(summary, i) for i, summary in enumerate(summaries)]
    groups = sorted(_components(profiles), key=lambda group: group[0].sort_key)
    storylines = [_storyline(group) for group in groups]
    for group, storyline in zip(groups, storylines):
        for profile in group:
            profile.story.storyline_id = storyline.id
    return storylines
