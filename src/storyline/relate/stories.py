"""Online story clustering: each article joins the one real-world event it reports, or starts a new one.

Assignment is online and final: an article is placed against the stories that exist when it
arrives and is never moved, so a re-run over the same store gives the same stories and ids.
Candidates come from a `CentroidIndex`: the stories active within days of the article, and of
those only the nearest centroids get the full score, so cost does not grow with the store.

Given a `StoryMemory` (the store), a story whose last article is two activity windows older than
the newest of the articles placed lately leaves memory but for its centroid and a `StorySummary`;
an article that still finds it a candidate (one dated that far back, or undated) reads its articles
back first. So every score is the one it would have been with everything in memory, and memory
follows the stories of recent weeks, not the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

import numpy as np

from storyline.model import Story, stable_id
from storyline.relate.candidates import CentroidIndex
from storyline.relate.features import ArticleFeatures
from storyline.relate.storylines import StorySummary, summarise


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """One configuration for every corpus: the weights say what makes two reports one event."""

    threshold: float = 0.55  # score needed to join a story (cosine of same-event leads is ~0.5-0.8)
    actor_weight: float = 0.15  # shared people and organisations
    time_weight: float = 0.05  # published close together
    date_penalty: float = 0.10  # the texts refer to different days
    max_gap_days: int = 3  # published further apart than this, or at another venue: a different event ...
    very_high_similarity: float = 0.97  # ... unless the texts are nearly the same
    active_days: int = 7  # stories idle longer than this are not candidates
    event_date_slack_days: int = 1
    # Each centres on a participant / a place the other never names, or leads with figures the other
    # never gives: subtracted times the closest cosine and the share of members in conflict.
    participant_penalty: float = 0.30
    setting_penalty: float = 0.10
    number_penalty: float = 0.20
    candidates: int = 10  # nearest story centroids given the full score


FORGET_EVERY = 256  # articles placed between two looks for idle stories
# What a story that left memory keeps instead of its own sets and centroid: shared, so it costs nothing.
_NOTHING: frozenset[str] = frozenset()
_NO_CENTROID = np.zeros(0, dtype=np.float32)


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _same_place(a: str, b: str) -> bool:
    """"washington" and "washington d c" are one place: the shorter name's words are in the longer."""
    small, large = sorted((a.split(), b.split()), key=len)
    return set(small) <= set(large)


def places_overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    b = list(b)
    return any(_same_place(x, y) for x in a for y in b)


def venue_conflict(venues_a: set[str] | frozenset[str], places_a: set[str] | frozenset[str],
                   venues_b: set[str] | frozenset[str], places_b: set[str] | frozenset[str]) -> bool:
    """Both name where the event happened, and neither mentions the other's venue at all."""
    if not venues_a or not venues_b:
        return False
    return not (places_overlap(venues_a, places_b) or places_overlap(venues_b, places_a))


def _unnamed_by_each_other(main_a: frozenset[str], names_a: frozenset[str],
                           main_b: frozenset[str], names_b: frozenset[str]) -> bool:
    """Both have a main name, and neither text uses a word of the other's."""
    return bool(main_a and main_b) and not (main_a & names_b or main_b & names_a)


def participant_conflict(a: ArticleFeatures, b: ArticleFeatures) -> bool:
    """Both centre on a named person or organisation, and neither names the other's at all."""
    return _unnamed_by_each_other(a.participants, a.name_words, b.participants, b.name_words)


def setting_conflict(a: ArticleFeatures, b: ArticleFeatures) -> bool:
    """Both centre on a named place, and neither names the other's: softer than a venue conflict, which
    needs the place asserted as where the event happened but then vetoes."""
    return _unnamed_by_each_other(a.setting, a.name_words, b.setting, b.name_words)


def number_conflict(a: ArticleFeatures, b: ArticleFeatures) -> bool:
    """Both lead with figures (a toll, a score, a magnitude), and neither text has one of the other's."""
    return _unnamed_by_each_other(a.lead_numbers, a.numbers, b.lead_numbers, b.numbers)


def _days_apart(a: Iterable[str], b: Iterable[str]) -> int | None:
    """Smallest distance in days between a date of `a` and one of `b`; None when either has none."""
    left = [date.fromisoformat(x) for x in a]
    right = [date.fromisoformat(y) for y in b]
    if not left or not right:
        return None
    return min(abs((x - y).days) for x in left for y in right)


class StoryMemory(Protocol):
    """Where the articles of stories that left memory are read back from."""

    def story_of(self, article_id: str) -> str | None: ...

    def story_features(self, story_id: str) -> list[ArticleFeatures]:
        """The features of the story's articles, in the order they joined it."""
        ...


@dataclass(slots=True)
class _StoryState:
    id: str
    members: list[ArticleFeatures] = field(default_factory=list)
    total: np.ndarray | None = None
    venues: set[str] | frozenset[str] = field(default_factory=set)
    places: set[str] | frozenset[str] = field(default_factory=set)
    dates: set[str] | frozenset[str] = field(default_factory=set)
    stored: StorySummary | None = None  # set while the members are out of memory; its centroid is the index's
    last_day: int | None = None  # the latest publication day of its articles

    def add(self, f: ArticleFeatures) -> None:
        self.members.append(f)
        if f.published is not None:
            self.last_day = max(self.last_day or 0, f.published.toordinal())
        self.total = f.embedding.astype(np.float64) if self.total is None else self.total + f.embedding
        self.venues |= f.venues
        self.places |= f.places
        self.dates |= f.dates

    @property
    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.total))
        return (self.total / norm).astype(np.float32) if norm else self.total.astype(np.float32)

    @property
    def published(self) -> list[date]:
        return [m.published for m in self.members if m.published is not None]

    def summary(self) -> StorySummary:
        return summarise(self.to_story(), self.members, self.centroid)

    def forget(self) -> None:
        """Keep only the summary: its story without article ids (the memory has them) and no centroid
        (the candidate index has it), as tens of thousands of stories may be idle at once."""
        summary = self.summary()
        self.stored = replace(summary, story=replace(summary.story, article_ids=[]), centroid=_NO_CENTROID)
        self.members, self.total, self.last_day = [], None, None
        self.venues = self.places = self.dates = _NOTHING

    def recall(self, members: Iterable[ArticleFeatures]) -> None:
        self.stored = None
        self.venues, self.places, self.dates = set(), set(), set()
        for member in members:
            self.add(member)

    def to_story(self) -> Story:
        centroid = self.centroid
        central = max(reversed(self.members), key=lambda m: float(m.embedding @ centroid))  # ties: earliest
        dates = self.published
        return Story(
            id=self.id,
            label=central.title,
            article_ids=[m.article_id for m in self.members],
            first_seen=min(dates).isoformat() if dates else None,
            last_seen=max(dates).isoformat() if dates else None,
        )


def score(f: ArticleFeatures, story: _StoryState, config: StoryConfig) -> float:
    """How strongly `f` reports the event of `story`; below `config.threshold` it is another event."""
    cosines = [float(f.embedding @ m.embedding) for m in story.members]
    gap = _days_apart([f.published.isoformat()] if f.published else [], [d.isoformat() for d in story.published])
    too_far = gap is not None and gap > config.max_gap_days
    if (too_far or venue_conflict(f.venues, f.places, story.venues, story.places)) and (
        max(cosines) < config.very_high_similarity
    ):
        return float("-inf")
    result = 0.5 * (float(f.embedding @ story.centroid) + max(cosines))
    result += config.actor_weight * max(jaccard(f.actors, m.actors) for m in story.members)
    if gap is not None:
        result += config.time_weight * (1 - gap / (config.max_gap_days + 1))
    event_gap = _days_apart(f.dates, story.dates)
    if event_gap is not None and event_gap > config.event_date_slack_days:
        result -= config.date_penalty
    # Two events of one kind (two stars entering rehab) read alike; who, where and how many tell them
    # apart. Scaled by the closest cosine: a conflict matters where the texts are close, and says
    # nothing new about texts already apart.
    closest = max(cosines)
    for penalty, conflict in (
        (config.participant_penalty, participant_conflict),
        (config.setting_penalty, setting_conflict),
        (config.number_penalty, number_conflict),
    ):
        share = sum(conflict(f, m) for m in story.members) / len(story.members)
        result -= penalty * closest * share
    return result


class StoryIndex:
    """Stories so far, and where each new article goes; `memory` lets idle stories leave memory."""

    def __init__(self, config: StoryConfig | None = None, memory: StoryMemory | None = None) -> None:
        self.config = config or StoryConfig()
        self.memory = memory
        self._stories: dict[str, _StoryState] = {}  # every story, in order of creation
        self._in_memory: dict[str, _StoryState] = {}  # the stories whose articles are in memory
        self._story_of: dict[str, str] = {}  # their articles
        self._candidates = CentroidIndex(window_days=self.config.active_days)
        self._placed = 0
        self._newest: int | None = None  # the latest publication day placed since the last look for idle stories

    def assign(self, f: ArticleFeatures, duplicate_of: str | None = None) -> str:
        """The id of the story `f` joins (a near-copy joins its original's), creating one if none fits."""
        if (known := self.story_of(f.article_id)) is not None:
            return known
        story_id = self.story_of(duplicate_of) if duplicate_of else None
        if story_id is None:
            story_id = self._best_story(f) or stable_id(f.article_id, prefix="st")
        self._place(f, story_id)
        return story_id

    def restore(self, assignments: Iterable[tuple[ArticleFeatures, str]]) -> None:
        """Rebuild from stored features and story ids, in their original assignment order."""
        for f, story_id in assignments:
            self._place(f, story_id)

    def story_of(self, article_id: str) -> str | None:
        known = self._story_of.get(article_id)
        return known if known is not None or self.memory is None else self.memory.story_of(article_id)

    def in_memory(self) -> list[str]:
        """Ids of the stories whose articles are in memory."""
        return list(self._in_memory)

    def summaries(self) -> list[StorySummary]:
        """Every story, in order of creation; one that left memory has no `article_ids` (the store has them)."""
        return [
            state.summary() if state.stored is None else replace(state.stored, centroid=self._candidates.centroid(state.id))
            for state in self._stories.values()
        ]

    def _place(self, f: ArticleFeatures, story_id: str) -> None:
        story = self._stories.get(story_id)
        if story is None:
            story = self._stories[story_id] = self._in_memory[story_id] = _StoryState(story_id)
        elif story.stored is not None:
            self._recall(story)
        if f.article_id not in self._story_of:  # else it came back with its story
            story.add(f)
            self._story_of[f.article_id] = story_id
            self._candidates.update(story_id, story.centroid, story.published)
        if f.published is not None:
            self._newest = max(self._newest or 0, f.published.toordinal())
        self._placed += 1
        if self._placed % FORGET_EVERY == 0:
            self._forget_idle()

    def _recall(self, story: _StoryState) -> None:
        """Read a story's articles back from memory."""
        assert self.memory is not None  # only a story given to memory is stored
        self._in_memory[story.id] = story
        story.recall(self.memory.story_features(story.id))
        for member in story.members:
            self._story_of[member.article_id] = story.id
        self._candidates.update(story.id, story.centroid, story.published)

    def _forget_idle(self) -> None:
        """Stories idle for two activity windows before the newest article placed lately leave memory.

        "Lately", not "ever": one article dated years ahead must not keep every later story in memory.
        """
        newest, self._newest = self._newest, None
        if self.memory is None or newest is None:
            return
        horizon = newest - 2 * self.config.active_days
        idle = [s for s in self._in_memory.values() if s.last_day is not None and s.last_day < horizon]
        for story in idle:
            for member in story.members:
                del self._story_of[member.article_id]
            story.forget()
            del self._in_memory[story.id]

    def _best_story(self, f: ArticleFeatures) -> str | None:
        best_id, best_score = None, self.config.threshold
        for story_id in self._candidates.nearest(f.embedding, f.published, self.config.candidates):
            story = self._stories[story_id]
            if story.stored is not None:
                self._recall(story)
            value = score(f, story, self.config)
            if value >= best_score and (best_id is None or value > best_score):
                best_id, best_score = story.id, value
        return best_id


def pair_score(a: ArticleFeatures, b: ArticleFeatures, config: StoryConfig | None = None) -> float:
    """How strongly two articles report one event, on the scale of story assignment (-inf: vetoed)."""
    story = _StoryState("pair")
    story.add(b)
    return score(a, story, config or StoryConfig())
