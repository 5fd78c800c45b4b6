"""What the relate stage keeps in memory stays bounded by recent weeks, and results stay those of keeping it all.

Each test runs the bounded structure beside the unbounded one (or the store beside memory) on the
same input and asserts both the same results and a bound on what stays in this process.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from test_alignment import harbour_articles, harbour_entities

from storyline.compare.discrepancies import find_discrepancies, storyline_discrepancies
from storyline.model import Article, Entity
from storyline.pipeline import Pipeline, StoredDuplicates
from storyline.relate import DuplicateMatch, NearDuplicateIndex, StoryIndex, link_storylines
from storyline.relate.embeddings import DOCUMENT_DIM
from storyline.relate.features import NUM_PERM, ArticleFeatures, article_features, to_record
from storyline.relate.stories import FORGET_EVERY
from storyline.store import Store

START = date(2025, 1, 1)
DAYS = 180
STORIES_PER_DAY = 4


def _unit(vector: np.ndarray) -> np.ndarray:
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def synthetic_stream(seed: int = 7) -> list[ArticleFeatures]:
    """Four new events a day for six months, each reported a few times over two days, in order of
    arrival: one report in twenty arrives a month late, and one in a hundred has no date."""
    rng = np.random.default_rng(seed)
    arrivals = []
    for day in range(DAYS):
        for event in range(STORIES_PER_DAY):
            topic = rng.standard_normal(DOCUMENT_DIM)
            actors = frozenset(f"p{a}" for a in rng.integers(0, 300, size=2))
            for report in range(int(rng.integers(2, 6))):
                index = len(arrivals)
                f = ArticleFeatures(
                    article_id=f"a{index}",
                    published=None if index % 100 == 99 else START + timedelta(days=day + report % 2),
                    outlet=f"outlet{index % 7}",
                    title=f"event {day}-{event} report {report}",
                    embedding=_unit(topic + 0.5 * rng.standard_normal(DOCUMENT_DIM)),
                    minhash=np.zeros(NUM_PERM, dtype=np.uint64),
                    actors=actors,
                    key_actors=actors,
                    names={a: a.upper() for a in actors},
                )
                arrivals.append((day + (30 if index % 20 == 19 else 0), index, f))
    return [f for _, _, f in sorted(arrivals, key=lambda a: a[:2])]


class Remembered:
    """The store's part for the story index: each assignment is kept once made, as `save_article` does."""

    def __init__(self) -> None:
        self.story: dict[str, str] = {}
        self.members: dict[str, list[ArticleFeatures]] = defaultdict(list)
        self.recalled = 0

    def save(self, f: ArticleFeatures, story_id: str) -> None:
        self.story[f.article_id] = story_id
        self.members[story_id].append(f)

    def story_of(self, article_id: str) -> str | None:
        return self.story.get(article_id)

    def story_features(self, story_id: str) -> list[ArticleFeatures]:
        self.recalled += 1
        return list(self.members[story_id])


def summary_rows(index: StoryIndex) -> list[tuple]:
    rows = []
    for s in index.summaries():
        story = s.story
        rows.append((story.id, story.label, story.first_seen, story.last_seen, s.centroid.tobytes(), dict(s.actors), s.names))
    return rows


def test_story_index_keeps_recent_stories_only_and_assigns_as_if_it_kept_all() -> None:
    stream = synthetic_stream()
    whole, memory = StoryIndex(), Remembered()
    bounded = StoryIndex(memory=memory)
    most_in_memory, after_looks = 0, []
    for placed, f in enumerate(stream, 1):
        story_id = bounded.assign(f)
        memory.save(f, story_id)
        assert whole.assign(f) == story_id
        most_in_memory = max(most_in_memory, len(bounded.in_memory()))
        if placed % FORGET_EVERY == 0:
            after_looks.append(len(bounded.in_memory()))
    stories = whole.summaries()
    undated = sum(s.story.first_seen is None for s in stories)  # always candidates, so they stay
    assert len(stories) > 500 and memory.recalled > 0, "the stream should make many stories and recall some"
    # after a look: the stories of two activity windows behind the newest article (and a few days' slack)
    assert max(after_looks) <= 2 * 7 * STORIES_PER_DAY + 3 * STORIES_PER_DAY + undated
    assert most_in_memory < len(stories) / 3
    idle = [s for s in bounded._stories.values() if s.stored is not None]  # noqa: SLF001
    assert idle and all(s.stored.centroid.size == 0 and not s.members for s in idle)  # the index has the centroid
    assert summary_rows(bounded) == summary_rows(whole)
    lines = [(line.id, line.story_ids, line.label) for line in link_storylines(whole.summaries())]
    assert [(line.id, line.story_ids, line.label) for line in link_storylines(bounded.summaries())] == lines


def test_a_restored_index_is_bounded_and_carries_on_as_one_pass() -> None:
    stream = synthetic_stream(seed=11)
    head, tail = stream[: len(stream) * 2 // 3], stream[len(stream) * 2 // 3 :]
    whole, memory = StoryIndex(), Remembered()
    for f in head:
        memory.save(f, whole.assign(f))
    resumed = StoryIndex(memory=memory)
    resumed.restore((f, memory.story[f.article_id]) for f in head)
    assert len(resumed.in_memory()) < len(whole.summaries()) / 3
    for f in tail:
        story_id = resumed.assign(f)
        memory.save(f, story_id)
        assert whole.assign(f) == story_id
    assert summary_rows(resumed) == summary_rows(whole)


def _saved(store: Store, index: NearDuplicateIndex, article: Article, f: ArticleFeatures) -> DuplicateMatch | None:
    """The pipeline's steps for one article: match, save with buckets and copy link, re-point copies."""
    match = index.add(f)
    is_copy = match is not None and match.article_id == article.id
    store.save_article(
        article, features=to_record(f), story_id="st", buckets=index.buckets(f),
        duplicate_of=match.original_id if match and is_copy else None,
        duplicate_similarity=match.similarity if match and is_copy else None,
    )  # fmt: skip
    if match and not is_copy:
        store.mark_duplicates(match.original_id, match.repointed)
    return match


def _sketched(article_id: str, published: date, minhash: np.ndarray) -> tuple[Article, ArticleFeatures]:
    article = Article(article_id, f"The text of {article_id}.", outlet=article_id, published=published.isoformat())
    f = ArticleFeatures(article_id, published, article_id, article_id, np.zeros(DOCUMENT_DIM, np.float32), minhash, 400)
    return article, f


@pytest.fixture
def reprints() -> list[tuple[Article, ArticleFeatures]]:
    """Two reprints of a report stored before it, an unrelated report between them; the original is dated first."""
    rng = np.random.default_rng(3)
    values = rng.integers(0, 2**32, size=NUM_PERM, dtype=np.uint64)

    def changed(n: int) -> np.ndarray:  # a few values differ: Jaccard just under 1, one band apart
        minhash = values.copy()
        minhash[:n] += 1
        return minhash

    return [
        _sketched("a-copy0", date(2024, 3, 7), changed(3)),
        _sketched("a-other", date(2024, 3, 6), rng.integers(0, 2**32, size=NUM_PERM, dtype=np.uint64)),
        _sketched("a-copy1", date(2024, 3, 8), changed(5)),
        _sketched("a-original", date(2024, 3, 5), values),
    ]


def test_the_store_backed_duplicate_index_matches_as_in_memory(tmp_path: Path, reprints) -> None:
    in_memory = NearDuplicateIndex()
    with Store(tmp_path / "s.db") as store:
        stored = NearDuplicateIndex(memory=StoredDuplicates(store))
        matches = []
        for article, f in reprints:
            matches.append(_saved(store, stored, article, f))
            assert matches[-1] == in_memory.add(f)
        first, other, second, original = matches
        assert first is None and other is None
        assert second is not None and second.original_id == "a-copy0"
        assert original is not None and (original.article_id, original.original_id) == ("a-copy0", "a-original")
        assert {m.article_id for m in original.repointed} == {"a-copy0", "a-copy1"}
        assert store.duplicates() == {"a-copy0": "a-original", "a-copy1": "a-original"}
        assert vars(stored).keys() == {"threshold", "memory", "_bands", "_added"}  # nothing per article


def test_an_older_store_gets_its_buckets_when_a_pipeline_opens_it(tmp_path: Path, reprints) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        for article, f in reprints[:2]:
            store.save_article(article, features=to_record(f), story_id="st")  # as a store before buckets
        store.db.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
    with Store(path) as store:
        pipeline = Pipeline(store)
        buckets = store.db.execute("SELECT count(*) FROM minhash_buckets").fetchone()[0]
        assert buckets == 2 * len(pipeline.duplicates.buckets(reprints[0][1]))
        match = _saved(store, pipeline.duplicates, *reprints[2])
        assert match is not None and match.original_id == "a-copy0"


def own_entities(article: Article, entities: dict[str, Entity]) -> Article:
    """The article as the store loads it: each entity with only the forms this article used."""
    mine = {
        e.id: Entity(e.id, e.name, e.kind, {form: {article.id} for form, ids in e.aliases.items() if article.id in ids})
        for e in entities.values()
        if any(article.id in ids for ids in e.aliases.values())
    }
    return replace(article, entities=mine)


def test_storyline_names_read_one_article_at_a_time_find_what_all_at_once_finds() -> None:
    articles = harbour_articles()
    expected = find_discrepancies(articles, [], harbour_entities(), storyline_id="line1", attributes=("name",))
    assert expected, "the harbour corpus misspells Kovalenko"
    loaded = (("story", own_entities(a, harbour_entities())) for a in articles)  # a one-pass stream
    assert storyline_discrepancies(loaded, storyline_id="line1") == expected


# Namesakes, lone surnames, a short form and a misspelling. "Tomas Vell" joins the first lone "Vell",
# not the second, which was ambiguous and is its article's own (ids would order them the other way).
REGISTRY_STREAM = [
    ("v1", "Mira Vell said the port would open on Monday."),
    ("v2", "Mara Vell said the port would stay shut."),
    ("v3", "Ms Vell said the harbour was quiet."),
    ("v4", "Inspector Vell said the harbour was busy. Orla Freight Services said ships waited."),
    ("v5", "Orla said the depot would reopen. Jen Stoltenberg said the alliance agreed."),
    ("v6", "Jens Stoltenberg said the talks would resume."),
    ("v7", "Tomas Vell said the talks were close."),
]


def _resolved(article: Article) -> list[tuple[str, str | None, str | None]]:
    return [(s.content.text, s.speaker.id if s.speaker else None, s.speaker.name if s.speaker else None) for s in article.statements]


def test_the_store_backed_registry_matches_as_in_memory_when_restarted_after_every_article(tmp_path: Path) -> None:
    """A registry that holds nothing (a new one per article, no cache) finds what one that held all found."""
    from storyline.analysis import EntityRegistry, analyse
    from storyline.pipeline import StoredEntities

    in_memory = EntityRegistry()
    with Store(tmp_path / "s.db") as store:
        for article_id, text in REGISTRY_STREAM:
            expected, stored = (analyse(Article(id=article_id, text=text)) for _ in range(2))
            in_memory.canonicalise(expected)
            in_memory.changes()
            restarted = EntityRegistry(StoredEntities(store), cache_size=0)
            restarted.canonicalise(stored)
            changes = restarted.changes()
            store.save_article(stored, features={}, story_id="st", entities=changes.entities, entity_keys=changes.keys)
            assert _resolved(stored) == _resolved(expected), article_id
            assert stored.entities == expected.entities and [m.entity_id for m in stored.mentions] == [m.entity_id for m in expected.mentions]
            assert not restarted._cache  # noqa: SLF001 - nothing stays in the process
        speakers = {(r["article_id"], r["speaker_name"]): r["speaker_id"] for r in store.statement_rows()}
        assert speakers[("v7", "Tomas Vell")] == speakers[("v3", "Tomas Vell")] != speakers[("v4", "Vell")]
        assert speakers[("v7", "Tomas Vell")] > speakers[("v4", "Vell")]  # so ordering by id would pick v4's
        ambiguous = (speakers[("v4", "Vell")],)
        assert store.db.execute("SELECT count(*) FROM entity_keys WHERE entity_id=?", ambiguous).fetchone()[0] == 0
        assert speakers[("v5", "Orla Freight Services")] == speakers[("v4", "Orla Freight Services")]
        assert speakers[("v5", "Jens Stoltenberg")] == speakers[("v6", "Jens Stoltenberg")]


def test_an_older_store_gets_its_entity_keys_when_a_pipeline_opens_it(tmp_path: Path) -> None:
    from storyline.analysis import analyse

    path = tmp_path / "old.db"
    with Store(path) as store:
        article = analyse(Article(id="o1", text="Greta Lind said the fair would open. Kestrel Chemical Storage said it agreed."))
        features = to_record(article_features(article))
        store.save_article(article, features=features, story_id="st", entities=article.entities.values())  # no keys: as before them
        store.db.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    with Store(path) as store:
        pipeline = Pipeline(store)
        later = analyse(Article(id="o2", text="Lind said the stalls were ready, and a spokesman for Kestrel said the tanks were safe."))
        pipeline.registry.canonicalise(later)
        assert {e.name for e in later.entities.values()} >= {"Greta Lind", "Kestrel Chemical Storage"}
        assert [s.speaker.name for s in later.statements if s.speaker][0] == "Greta Lind"
        assert {e.id for e in later.entities.values()} >= set(article.entities)
