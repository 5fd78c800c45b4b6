"""The whole flow: sources → documents → articles → analysed articles → stories → comparisons.

Articles are processed in batches (one spaCy pass per batch) and each is saved atomically with its
story assignment, so a killed run resumes where it stopped. Comparisons are recomputed only for the
stories that received articles, flagged in the store until done.

Reading pages, analysing articles and comparing stories go through a `Mapper` (`storyline.scale`):
in this process, or on worker processes or a Dask cluster. Either way this process consumes the
batches in input order and does all that depends on the corpus so far, so the store ends the same.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from storyline.analysis.finders import DEFAULT_FINDER, finder
from storyline.analysis.identity import EntityChanges, EntityRegistry, KnownEntity, filing_keys
from storyline.compare.discrepancies import FINDERS, find_discrepancies, storyline_discrepancies
from storyline.extraction import Draft, finish
from storyline.extraction.boilerplate import BoilerplateLearner
from storyline.ingest import documents
from storyline.model import Article, Discrepancy, Document, Entity, ErrorRecord, StatementGroup, normalise_text, stable_id
from storyline.relate.alignment import align_statements
from storyline.relate.duplicates import NearDuplicateIndex, Sketch
from storyline.relate.embeddings import embed_statements
from storyline.relate.features import ArticleFeatures, features_batch, from_record, is_current, reembed, to_record
from storyline.relate.stories import StoryIndex
from storyline.relate.storylines import link_storylines
from storyline.scale import Mapper, runner
from storyline.scale.ordered import batched
from storyline.scale.work import Analysed, analyse_batch, attempt, read_batch
from storyline.store import Store, open_store

# Discrepancies about a person's name hold across a whole storyline; the rest only within one story.
STORYLINE_ATTRIBUTES = ("name",)
STORY_ATTRIBUTES = tuple(a for a in FINDERS if a not in STORYLINE_ATTRIBUTES)
# Pages read ahead before their text is finished, so that boilerplate recurring within them is learnt
# in time for the first of them too; bounds the memory a run needs.
LEARNING_WINDOW = 64
# Articles per spaCy pass, and per task when the work runs on other processes.
BATCH_SIZE = 32
# Stored features read per step when a run starts.
RESTORE_BATCH = 256
# Ids of articles read this run that may not be stored yet; beyond this, those stored are dropped.
SEEN_LIMIT = 4096

Progress = Callable[[str], None]
T = TypeVar("T")


@dataclass
class RunSummary:
    """What one run did; `errors` are the inputs that failed, each with its reason."""

    added: int = 0
    skipped: int = 0
    statements: int = 0
    stories_updated: int = 0
    errors: list[ErrorRecord] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


class Pipeline:
    """One process's view of the corpus: the store plus the in-memory indexes rebuilt from it.

    `mapper` runs the stages that need no corpus state (reading pages, parsing, embedding) on batches
    of `batch_size`; the default, the builtin `map`, runs them here. `model` names the statement finder.
    """

    def __init__(
        self, store: Store, *, allow_private: bool = False, batch_size: int = BATCH_SIZE, mapper: Mapper = map,
        model: str = DEFAULT_FINDER,
    ) -> None:
        finder(model)  # an unknown name fails here, not in a worker
        self.model = model
        self.store = store
        self.allow_private = allow_private
        self.batch_size = batch_size
        self.mapper = mapper
        store.fill_entity_keys(lambda e: filing_keys(e.kind, e.name, e.aliases))
        self.registry = EntityRegistry(StoredEntities(store))
        self.duplicates = NearDuplicateIndex(memory=StoredDuplicates(store))
        store.fill_buckets(lambda record: self.duplicates.buckets(from_record(record)))
        self.stories = StoryIndex(memory=StoredStories(store))
        for rows in batched(store.load_features(), RESTORE_BATCH):
            restored = [(from_record(record), story_id) for record, story_id, _ in rows]
            current(store, [f for f, _ in restored])
            self.stories.restore(restored)
        self.boilerplate = BoilerplateLearner(store)

    def run(self, inputs: Iterable[str | Path], progress: Progress | None = None) -> RunSummary:
        return self.run_documents(documents(inputs, allow_private=self.allow_private), progress)

    def run_documents(
        self, items: Iterable[Document | ErrorRecord], progress: Progress | None = None
    ) -> RunSummary:
        """Like `run`, for documents a source already fetched (feed items)."""
        summary = RunSummary()
        articles = self._new_articles(items, summary, progress)
        for analysed in self.mapper(partial(analyse_batch, model=self.model), batched(articles, self.batch_size)):
            self.add(analysed, summary, progress)
        summary.stories_updated = self.refresh(progress)
        return summary

    def _new_articles(
        self, items: Iterable[Document | ErrorRecord], summary: RunSummary, progress: Progress | None
    ) -> Iterator[Article]:
        seen: dict[str, str] = {}  # id -> content key
        drafts = self._drafts(items, summary, progress)
        for window in batched(drafts, LEARNING_WINDOW):
            self.boilerplate.learn(window)
            for draft in window:
                article = self._extract(draft.source_uri or "", lambda: finish(draft, self.boilerplate), summary, progress)
                if article is None:
                    continue
                content = content_key(article.text)
                held = self._content_of(article.id, seen)
                if held is not None and held != content:  # another article under this id: keep both
                    article.id = f"{article.id}~{content}"
                    held = self._content_of(article.id, seen)
                if held is not None:
                    self._skip(article.source_uri or article.id, summary, progress)
                    continue
                if len(seen) >= SEEN_LIMIT:  # a stored one is found in the store
                    seen = {a: key for a, key in seen.items() if not self.store.has_article(a)}
                seen[article.id] = content
                yield article

    def _content_of(self, article_id: str, seen: dict[str, str]) -> str | None:
        """The content key of the article read this run or stored under `article_id`; None if there is none."""
        if article_id in seen:
            return seen[article_id]
        text = self.store.article_text(article_id)
        return None if text is None else content_key(text)

    def _drafts(
        self, items: Iterable[Document | ErrorRecord], summary: RunSummary, progress: Progress | None
    ) -> Iterator[Draft]:
        for drafts in self.mapper(read_batch, batched(self._unstored(items, summary, progress), self.batch_size)):
            for draft in drafts:
                if isinstance(draft, ErrorRecord):
                    self._fail(draft, summary, progress)
                else:
                    yield draft

    def _unstored(
        self, items: Iterable[Document | ErrorRecord], summary: RunSummary, progress: Progress | None
    ) -> Iterator[Document]:
        for item in items:
            if isinstance(item, ErrorRecord):
                self._fail(item, summary, progress)
            elif self.store.has_source(item.uri):
                self._skip(item.uri, summary, progress)
            else:
                yield item

    def _extract(self, source: str, step: Callable[[], T], summary: RunSummary, progress: Progress | None) -> T | None:
        result = attempt(source, step)
        if isinstance(result, ErrorRecord):
            self._fail(result, summary, progress)
            return None
        return result

    def _skip(self, source: str, summary: RunSummary, progress: Progress | None) -> None:
        """Input already stored is done too: progress counts it, so the count reaches the inputs' total."""
        summary.skipped += 1
        if progress:
            progress(source)

    def _fail(self, error: ErrorRecord, summary: RunSummary, progress: Progress | None) -> None:
        self.store.add_error(error)
        summary.errors.append(error)
        if progress:
            progress(error.source)

    def add(self, batch: Analysed, summary: RunSummary, progress: Progress | None = None) -> None:
        """Store a batch of analysed articles with their identities, copies and stories, one transaction
        each; `run` feeds it what it analysed, a benchmark may replay analyses made elsewhere."""
        for article, vector in zip(batch.articles, batch.vectors, strict=True):
            self.registry.canonicalise(article)  # saved below, before the next article is matched
            identities = self.registry.changes()
            [features] = features_batch([article], vector[None])
            match = self.duplicates.add(features)
            story_id = self.stories.assign(features, duplicate_of=match.counterpart(article.id) if match else None)
            is_copy = match is not None and match.article_id == article.id
            self.store.save_article(
                article,
                features=to_record(features),
                story_id=story_id,
                duplicate_of=match.original_id if match and is_copy else None,
                duplicate_similarity=match.similarity if match and is_copy else None,
                entities=identities.entities,
                entity_keys=identities.keys,
                buckets=self.duplicates.buckets(features),
            )
            if match and not is_copy:  # an earlier-published original arrived after its copies
                self.store.mark_duplicates(match.original_id, match.repointed)
            summary.added += 1
            summary.statements += len(article.statements)
            if progress:
                progress(article.source_uri or article.id)

    def refresh(self, progress: Progress | None = None) -> int:
        """Re-thread storylines and recompare every story that received articles since the last refresh."""
        summaries = self.stories.summaries()
        storylines = link_storylines(summaries)
        stories = [summary.story for summary in summaries]
        story_to_line = {sid: line.id for line in storylines for sid in line.story_ids}
        for story in stories:
            story.storyline_id = story_to_line.get(story.id)
        self.store.save_stories(stories, storylines)
        dirty = set(self.store.dirty_stories())
        story_ids = sorted(s.id for s in stories if s.id in dirty)
        loaded = ((sid, [self.store.load_article(aid) for aid in self.store.story_article_ids(sid)]) for sid in story_ids)
        for story_id, (groups, found) in zip(story_ids, self.mapper(compare_story, loaded), strict=True):
            self.store.replace_comparison(story_id, groups, found)
        for line in storylines:
            if dirty.intersection(line.story_ids):
                self._compare_storyline(line.id, line.story_ids)
        return len(dirty)

    def _compare_storyline(self, storyline_id: str, story_ids: Iterable[str]) -> None:
        """Names and lasting facts across a storyline, read one article at a time: a storyline may hold thousands."""
        placed = ((sid, self.store.load_article(aid)) for sid in story_ids for aid in self.store.story_article_ids(sid))
        found = storyline_discrepancies(placed, storyline_id=storyline_id)
        self.store.replace_storyline_discrepancies(storyline_id, found)


@dataclass(frozen=True, slots=True)
class StoredEntities:
    """The store as the entity registry's memory: what an article changed is saved with the article."""

    store: Store

    def filed(self, space: str, keys: Collection[str], limit: int | None = None) -> list[tuple[str, int, str]]:
        return self.store.filed_entities(space, keys, limit)

    def known(self, entity_id: str) -> KnownEntity | None:
        found = self.store.entity_forms(entity_id)
        return KnownEntity(entity_id, *found) if found else None  # type: ignore[arg-type]

    def last_seq(self) -> int:
        return self.store.last_entity_seq()

    def save(self, changes: EntityChanges) -> None:
        pass


@dataclass(frozen=True, slots=True)
class StoredStories:
    """The store as the story index's memory, so stories idle for weeks need not stay in this process."""

    store: Store

    def story_of(self, article_id: str) -> str | None:
        return self.store.story_of(article_id)

    def story_features(self, story_id: str) -> list[ArticleFeatures]:
        return current(self.store, [from_record(record) for record in self.store.story_features(story_id)])


@dataclass(frozen=True, slots=True)
class StoredDuplicates:
    """The store as the near-duplicate index's memory: each article is saved with its buckets and copy
    link before the next is added, so `remember` and `link` have nothing left to do."""

    store: Store

    def sharing(self, buckets: Sequence[int]) -> list[Sketch]:
        return [_sketch(added, record) for added, record in self.store.sharing_buckets(buckets)]

    def sketch(self, article_id: str) -> Sketch | None:
        found = self.store.feature_record(article_id)
        return _sketch(*found) if found else None

    def original_of(self, article_id: str) -> str | None:
        return self.store.duplicate_of(article_id)

    def copies(self, original_id: str) -> list[str]:
        return self.store.copies_of(original_id)

    def remember(self, sketch: Sketch, buckets: Sequence[int]) -> None:
        pass

    def link(self, copy_id: str, original_id: str | None) -> None:
        pass


def content_key(text: str) -> str:
    """A short hash of what an article says, spacing and case aside: two texts under one id are one
    article when it agrees, else the second is kept as `<id>~<key>`, the same on every run."""
    return stable_id(normalise_text(text), length=8)


def _sketch(added: int, record: dict[str, Any]) -> Sketch:
    f = from_record(record)
    return Sketch(f.article_id, added, f.published, f.minhash, f.shingles)


def current(store: Store, features: list[ArticleFeatures]) -> list[ArticleFeatures]:
    """`features` with vectors of an older document model (an older store's) embedded again, in place."""
    if stale := [f for f in features if not is_current(f)]:
        reembed(stale, [store.load_article(f.article_id) for f in stale])
    return features


def compare_story(story: tuple[str, list[Article]]) -> tuple[list[StatementGroup], list[Discrepancy]]:
    """A story's statement groups and discrepancies, from its id and articles alone: `refresh` sends
    them through the mapper, so on workers the statement embeddings no longer run after the analysis
    on the parent alone."""
    story_id, articles = story
    groups = align_statements(articles, embed=embed_statements)
    return groups, find_discrepancies(articles, groups, entities_of(articles), story_id=story_id, attributes=STORY_ATTRIBUTES)


def entities_of(articles: Iterable[Article]) -> dict[str, Entity]:
    """Each entity with every form these articles used: a loaded article carries only its own forms."""
    merged: dict[str, Entity] = {}
    for article in articles:
        for entity in article.entities.values():
            into = merged.setdefault(entity.id, Entity(entity.id, entity.name, entity.kind))
            for form, article_ids in entity.aliases.items():
                into.aliases.setdefault(form, set()).update(article_ids)
    return merged


def analyze(
    inputs: Iterable[str | Path] | str | Path,
    db: str | Path = "storyline.db",
    *,
    allow_private: bool = False,
    progress: Progress | None = None,
    workers: int = 1,
    dask: str | None = None,
    batch_size: int = BATCH_SIZE,
    model: str = DEFAULT_FINDER,
) -> RunSummary:
    """Ingest, extract, analyse and relate `inputs` into the store at `db`; already-stored input is skipped.

    `workers` > 1 reads and analyses on that many processes; `dask` runs that work on the Dask scheduler
    at that address ("local": a LocalCluster of `workers` processes); a task is `batch_size` pages or
    articles. The store ends the same either way. `model` names the statement finder ("fast", "accurate").
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    with open_store(db) as store, runner(workers, dask) as mapper:
        pipeline = Pipeline(store, allow_private=allow_private, batch_size=batch_size, mapper=mapper, model=model)
        return pipeline.run(inputs, progress)
