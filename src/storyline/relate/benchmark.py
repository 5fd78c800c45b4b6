"""`storyline bench stories`: the cost of assigning one article with a large store already loaded.

The store is synthetic (random topic vectors, actors, places, figures and dates) because what is
measured is the index, not the language model: it is filled through `StoryIndex.restore` (as a
restarted pipeline fills it) and then new articles are timed through `assign`, the path every
arriving article takes.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from storyline.relate.embeddings import DOCUMENT_DIM
from storyline.relate.features import NUM_PERM, ArticleFeatures
from storyline.relate.stories import StoryIndex

START = date(2026, 1, 1)
ACTOR_POOL = 5000
PLACE_POOL = 2000
FIGURE_POOL = 1000
NAME_WORDS = 40  # capitalised words of an article besides its actors and place
FIGURES = 12
NOISE = 0.6  # how far an article's embedding strays from its story's topic


@dataclass(frozen=True, slots=True)
class BenchResult:
    articles: int
    stories: int
    queries: int
    joined: int  # timed articles that joined the story they were drawn from: the index found it
    fill_seconds: float
    median_ms: float
    p95_ms: float


class _Synthetic:
    """Articles of `stories` random topics spread over `days`, reproducible from one seed."""

    def __init__(self, stories: int, days: int, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.topics = self._unit(self.rng.standard_normal((stories, DOCUMENT_DIM)))
        self.days = self.rng.integers(0, days, size=stories)
        self.actors = self.rng.integers(0, ACTOR_POOL, size=(stories, 3))
        self.places = self.rng.integers(0, PLACE_POOL, size=stories)
        self.figures = self.rng.integers(0, FIGURE_POOL, size=(stories, FIGURES))
        self._words: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def _story_words(self, story: int) -> tuple[frozenset[str], frozenset[str]]:
        """One story's name words and figures, shared by its articles (as their texts largely would be)."""
        if story not in self._words:
            names = {f"n{a}" for a in self.actors[story]} | {f"place{self.places[story]}"}
            names |= {f"w{(story * 7 + j) % ACTOR_POOL}" for j in range(NAME_WORDS)}
            self._words[story] = frozenset(names), frozenset(str(x) for x in self.figures[story])
        return self._words[story]

    @staticmethod
    def _unit(vectors: np.ndarray) -> np.ndarray:
        return (vectors / np.linalg.norm(vectors, axis=-1, keepdims=True)).astype(np.float32)

    def article(self, index: int, story: int) -> ArticleFeatures:
        vector = self.topics[story] + NOISE * self._unit(self.rng.standard_normal(DOCUMENT_DIM))
        actors = frozenset(f"p{a}" for a in self.actors[story])
        names, figures = self._story_words(story)
        return ArticleFeatures(
            article_id=f"a{index}",
            published=START + timedelta(days=int(self.days[story] + self.rng.integers(0, 2))),
            outlet=f"outlet{index % 50}",
            title=f"article {index}",
            embedding=self._unit(vector),
            minhash=np.zeros(NUM_PERM, dtype=np.uint64),
            actors=actors,
            key_actors=actors,
            participants=frozenset({f"n{self.actors[story][0]}"}),
            setting=frozenset({f"place{self.places[story]}"}),
            name_words=names,
            numbers=figures,
            lead_numbers=frozenset(str(x) for x in self.figures[story][:2]),
        )


def run(articles: int = 100_000, queries: int = 200, per_story: int = 5, days: int = 100, seed: int = 0) -> BenchResult:
    """Fill an index with `articles` in stories of about `per_story`, then time `queries` assignments."""
    stories = max(1, articles // per_story)
    synthetic = _Synthetic(stories, days, seed)
    index = StoryIndex()
    started = time.perf_counter()
    index.restore((synthetic.article(i, i % stories), f"st{i % stories}") for i in range(articles))
    fill_seconds = time.perf_counter() - started
    timings, joined = [], 0
    for q in range(queries):
        story = int(synthetic.rng.integers(0, stories))
        f = synthetic.article(articles + q, story)
        started = time.perf_counter()
        joined += index.assign(f) == f"st{story}"
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return BenchResult(
        articles=articles,
        stories=stories,
        queries=queries,
        joined=joined,
        fill_seconds=fill_seconds,
        median_ms=statistics.median(timings),
        p95_ms=timings[min(len(timings) - 1, int(0.95 * len(timings)))],
    )
