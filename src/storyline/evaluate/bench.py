"""`storyline bench pipeline`: throughput and peak memory per stage, beside the bare libraries.

Each measurement runs in a fresh process on the same pages, so peak memory (max RSS) belongs to
that stage alone and model loading is excluded from the timed part. The ratios answer "what does
storyline cost on top of trafilatura and spaCy?" and, with `--workers`, "what do more processes
buy?"; a parallel run is set beside bare spaCy on as many processes (`nlp.pipe(n_process=N)`).

Pages are generated lazily from a few model pages (`SyntheticPages`), never held in memory, so a
run over 10,000 or 200,000 articles measures the pipeline's memory, not the benchmark's.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import re
import resource
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from queue import Empty

from typing import TYPE_CHECKING

import numpy as np

from storyline.analysis.finders import DEFAULT_FINDER
from storyline.model import Article, Document, Entity

if TYPE_CHECKING:
    from storyline.scale.work import Analysed

FIRST_DAY = date(2001, 1, 1)
DAYS_PER_ROUND = 30  # beyond the story window: a round's copy of an event is a new event
_WORDS = re.compile(r"\b[A-Z][a-z]{3,}\b|\b[a-z]{6,}\b")
# Where a page's words are: text between tags, and the headline and summary in its meta tags.
_TEXT = re.compile(r"(>)([^<]+)()(?=<)|(<meta [^>]*(?:title|description)\"[^>]* content=\")([^\"]*)(\")")


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    processes: int
    items: int
    seconds: float
    peak_mb: float  # the stage's own process
    worker_peak_mb: float  # the largest of its worker processes; 0 without workers

    @property
    def rate(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0


def _kept_words() -> re.Pattern[str]:
    """Speech cues (any inflection) and addressees stay as written, or the variants would lose their statements."""
    from storyline.analysis.lexicon import ADDRESSEES, CUE_VERBS, NAMING_CUES

    stems = sorted({w[:-1] if w.endswith("e") else w for w in CUE_VERBS | NAMING_CUES | ADDRESSEES}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, stems)))


@dataclass(frozen=True, slots=True)
class SyntheticPages:
    """`articles` HTML pages made from the pages in `inputs`; iterating generates them one at a time.

    The first round is the model pages themselves. Every later round rewrites each model page: in
    its text and headline, longer words and capitalised names are swapped for others from the same pages (a fixed choice
    per round, sparing speech cues), and it is dated `DAYS_PER_ROUND` days after the previous round.
    So a variant is a new article about a new event with new actors, not a near-copy of its model
    and not a paragraph its outlet repeats (which boilerplate learning would cut), and stories stay
    the size real ones have however many rounds there are.
    """

    inputs: tuple[Path, ...]
    articles: int

    def models(self) -> list[Document]:
        from storyline.ingest import documents

        pages = [d for d in documents(self.inputs) if isinstance(d, Document) and d.content_type == "text/html"]
        if not pages:
            raise ValueError(f"no HTML pages found in {', '.join(map(str, self.inputs))}")
        return pages

    def __iter__(self) -> Iterator[Document]:
        models = self.models()
        htmls = [m.content.decode("utf-8", "replace") if isinstance(m.content, bytes) else m.content for m in models]
        kept = _kept_words()
        bodies = [m[2] or m[5] for html in htmls for m in _TEXT.finditer(html)]
        pool = sorted({w for body in bodies for w in _WORDS.findall(body) if not kept.match(w.lower())})
        capitals = [w for w in pool if w[0].isupper()]
        lowers = [w for w in pool if w[0].islower()]
        for i in range(self.articles):
            round_, model = divmod(i, len(models))
            if round_ == 0:
                yield models[model]
                continue
            html = _TEXT.sub(lambda t: _swap(t, round_, capitals, lowers, kept), htmls[model])
            day = FIRST_DAY + timedelta(days=DAYS_PER_ROUND * round_)
            meta = {"url": f"https://bench.example/{round_}/{model}", "published": day.isoformat()}
            yield Document(uri=f"{models[model].uri}#round-{round_}", content=html.encode(), meta=meta)


def _substitute(word: str, round_: int, choices: list[str], kept: re.Pattern[str]) -> str:
    """What a round writes for `word`: one fixed choice per round and word; speech cues stay."""
    if kept.match(word.lower()):
        return word
    return choices[zlib.crc32(f"{round_} {word}".encode()) % len(choices)]


def _swap(text: re.Match[str], round_: int, capitals: list[str], lowers: list[str], kept: re.Pattern[str]) -> str:
    def other(match: re.Match[str]) -> str:
        return _substitute(match[0], round_, capitals if match[0][0].isupper() else lowers, kept)

    start, body, end = (text[1], text[2], text[3]) if text[1] else (text[4], text[5], text[6])
    return start + _WORDS.sub(other, body) + end


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def _spool(items: Iterable[object], folder: Path) -> Path:
    """Write items to a file, so a stage can stream them back without holding them all in memory."""
    path = folder / "spool.pickle"
    with path.open("wb") as out:
        for item in items:
            pickle.dump(item, out)
    return path


def _unspool(path: Path) -> Iterator:  # noqa: ANN401 — whatever `_spool` wrote
    with path.open("rb") as source:
        while True:
            try:
                yield pickle.load(source)
            except EOFError:
                return


def _bare_extraction(pages: SyntheticPages, workers: int, dask: str | None, model: str) -> tuple[int, float]:
    import trafilatura

    count, started = 0, time.perf_counter()
    for page in pages:
        trafilatura.extract(page.content, include_comments=False)
        count += 1
    return count, time.perf_counter() - started


def _extraction(pages: SyntheticPages, workers: int, dask: str | None, model: str) -> tuple[int, float]:
    from storyline.extraction import ExtractionError, extract

    extract(next(iter(pages)))  # warm up lazy imports outside the clock
    count, started = 0, time.perf_counter()
    for page in pages:
        try:
            extract(page)
        except ExtractionError:
            pass
        count += 1
    return count, time.perf_counter() - started


def _articles(pages: SyntheticPages) -> Iterator:
    from storyline.extraction import ExtractionError, extract

    for page in pages:
        try:
            yield extract(page)
        except ExtractionError:
            continue


def _bare_spacy(pages: SyntheticPages, workers: int, dask: str | None, model: str) -> tuple[int, float]:
    """spaCy alone on the extracted texts, on as many processes as the pipeline run it is set beside."""
    from storyline.analysis.nlp import load_nlp

    with tempfile.TemporaryDirectory() as tmp:
        spool = _spool((a.text for a in _articles(pages)), Path(tmp))
        nlp = load_nlp()
        startup = 0.0
        if workers > 1:  # spaCy starts its processes (and loads the model in each) inside `pipe`: not parsing
            began = time.perf_counter()
            list(nlp.pipe(["Warm up."] * workers, batch_size=1, n_process=workers))
            startup = time.perf_counter() - began
        count, started = 0, time.perf_counter()
        for _ in nlp.pipe(_unspool(spool), batch_size=32, n_process=workers):
            count += 1
        return count, time.perf_counter() - started - startup


def _bare_minilm(pages: SyntheticPages, workers: int, dask: str | None, model: str) -> tuple[int, float]:
    """The story embedding model alone, on the same lead texts the pipeline embeds."""
    from storyline.relate.embeddings import embed_documents, lead_text
    from storyline.scale.ordered import batched

    with tempfile.TemporaryDirectory() as tmp:
        spool = _spool((lead_text(a.title, a.text) for a in _articles(pages)), Path(tmp))
        embed_documents(["warm up"])
        count, started = 0, time.perf_counter()
        for batch in batched(_unspool(spool), 32):
            count += len(embed_documents(batch))
        return count, time.perf_counter() - started


def _analysis(pages: SyntheticPages, workers: int, dask: str | None, model: str) -> tuple[int, float]:
    from storyline.analysis import analyse_many
    from storyline.analysis.nlp import load_nlp

    with tempfile.TemporaryDirectory() as tmp:
        spool = _spool(_articles(pages), Path(tmp))
        load_nlp()
        count, started = 0, time.perf_counter()
        for _ in analyse_many(_unspool(spool), model=model):
            count += 1
        return count, time.perf_counter() - started


def _end_to_end(pages: SyntheticPages, workers: int, dask: str | None, model: str) -> tuple[int, float]:
    """HTML in, statements and stories stored; models (and workers) are loaded before the clock starts."""
    from storyline.analysis.nlp import load_nlp
    from storyline.pipeline import Pipeline
    from storyline.relate.embeddings import embed_statements
    from storyline.scale import runner
    from storyline.scale.work import warm

    embed_statements(["warm up"])  # the parent's own model (statement alignment)
    with tempfile.TemporaryDirectory() as tmp, runner(workers, dask) as mapper:
        from storyline.store import Store

        if workers == 1 and dask is None:
            load_nlp()
            warm()
        else:  # a task done by every worker: each has loaded its models before the clock starts
            seen: set[int] = set()
            while len(seen) < workers:
                seen.update(mapper(_warm_pid, range(workers)))
        with Store(Path(tmp) / "bench.db") as store:
            pipeline = Pipeline(store, mapper=mapper, model=model)
            started = time.perf_counter()
            summary = pipeline.run_documents(iter(pages))
            return summary.added, time.perf_counter() - started


# A replayed run reports its peak memory every this many articles, so one run shows the whole curve.
CHECKPOINT = 10_000


def _replayed(pages: SyntheticPages) -> Iterator[Analysed]:
    """`pages` as analysed batches, without the models' work: the model pages are analysed once, and
    each later round rewrites an analysed page word for word with words of the same length from the same
    pages (capitalised for capitalised, sparing speech cues), so every span still holds, and dates it
    `DAYS_PER_ROUND` later. Each round names new people, as the rewritten pages do."""

    from storyline.model import Mention, Span, Speaker, Statement
    from storyline.pipeline import BATCH_SIZE
    from storyline.scale.ordered import batched
    from storyline.scale.work import Analysed, analyse_batch

    models = pages.models()
    first = analyse_batch(list(_articles(SyntheticPages(pages.inputs, len(models)))))
    kept = _kept_words()
    pool = sorted({w for a in first.articles for w in _WORDS.findall(a.text) if not kept.match(w.lower())})
    by_shape: dict[tuple[int, bool], list[str]] = {}
    for word in pool:
        by_shape.setdefault((len(word), word[0].isupper()), []).append(word)

    def variant(index: int) -> tuple[Article, np.ndarray]:
        round_, model = divmod(index, len(first.articles))
        source, vector = first.articles[model], first.vectors[model]
        if round_ == 0:
            return source, vector

        def swap(match: re.Match[str]) -> str:  # a speech cue has no shape in the pool: it stays anyway
            word = match[0]
            return _substitute(word, round_, by_shape.get((len(word), word[0].isupper()), [word]), kept)

        text = _WORDS.sub(swap, source.text)

        def span(old: Span) -> Span:
            return Span.of(text, old.start, old.end)

        article_id = f"{source.id}-round-{round_}"
        day = FIRST_DAY + timedelta(days=DAYS_PER_ROUND * round_)
        entities = {
            eid: Entity(eid, _WORDS.sub(swap, e.name), e.kind, {_WORDS.sub(swap, f): {article_id} for f in e.aliases})
            for eid, e in source.entities.items()
        }
        article = replace(
            source, id=article_id, text=text, title=source.title and _WORDS.sub(swap, source.title), published=day.isoformat(),
            url=f"https://bench.example/{round_}/{model}", source_uri=f"{source.source_uri}#round-{round_}",
            sentences=[span(s) for s in source.sentences],
            mentions=[Mention(article_id, span(m.span), m.entity_id, m.kind, m.via) for m in source.mentions],
            entities=entities,
            statements=[
                Statement(article_id, st.kind, span(st.content), span(st.cue), st.source and span(st.source),
                          st.speaker and Speaker(st.speaker.id, entities[st.speaker.id].name if st.speaker.id in entities else st.speaker.name, st.speaker.kind),
                          st.confidence)
                for st in source.statements
            ],
        )  # fmt: skip
        return article, vector

    for indexes in batched(range(pages.articles), BATCH_SIZE):
        made = [variant(i) for i in indexes]
        yield Analysed([a for a, _ in made], np.stack([v for _, v in made]))


def _relate_replayed(pages: SyntheticPages, workers: int, dask: str | None, model: str) -> tuple[int, float]:
    """What depends on the corpus so far (identities, near-copies, stories, the store), on replayed analyses."""
    from storyline.pipeline import Pipeline, RunSummary
    from storyline.store import Store

    batches = _replayed(pages)
    batch = next(batches)  # the models' analysis is not timed
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        pipeline, summary = Pipeline(store), RunSummary()
        started, checked = time.perf_counter(), 0
        while True:
            pipeline.add(batch, summary)
            if summary.added // CHECKPOINT > checked:
                checked = summary.added // CHECKPOINT
                print(f"  {summary.added} articles: peak {_peak_mb():.0f} MB, {summary.added / (time.perf_counter() - started):.0f}/s", file=sys.stderr)
            if (batch := next(batches, None)) is None:
                return summary.added, time.perf_counter() - started


def _warm_pid(_: int) -> int:
    from storyline.scale.work import warm

    warm()
    return os.getpid()


Stage = Callable[[SyntheticPages, int, str | None, str], tuple[int, float]]
BARE_EXTRACT = "trafilatura.extract (bare)"
BARE_SPACY = "spaCy nlp.pipe (bare)"
END_TO_END = "storyline end to end"
# The stage whose memory depends on the corpus, alone: fast enough to reach 200,000 articles here.
RELATE_REPLAYED = "storyline relate and store (replayed analysis)"
STAGES: dict[str, Stage] = {
    BARE_EXTRACT: _bare_extraction,
    "storyline extract": _extraction,
    BARE_SPACY: _bare_spacy,
    "MiniLM embed_documents (bare)": _bare_minilm,
    "storyline analysis": _analysis,
    END_TO_END: _end_to_end,
    RELATE_REPLAYED: _relate_replayed,
}
# The stages a statement model changes; `--model` runs them again with it.
MODEL_STAGES = ("storyline analysis", END_TO_END)
# What each storyline stage is set beside: the bare library doing the same job's core.
BARE = {"storyline extract": BARE_EXTRACT, "storyline analysis": BARE_SPACY, END_TO_END: BARE_SPACY}


@dataclass(frozen=True, slots=True)
class Run:
    """One stage on some number of processes; `dask` is a scheduler address or "local"; `model` the statement finder."""

    stage: str
    processes: int = 1
    dask: str | None = None
    model: str = DEFAULT_FINDER

    @property
    def label(self) -> str:
        stage = self.stage if self.model == DEFAULT_FINDER else f"{self.stage} (model {self.model})"
        if self.dask is not None:
            return f"{stage}, dask {self.processes} workers"
        return f"{stage}, {self.processes} processes" if self.processes > 1 else stage


def plan(workers: int, dask: str | None, stages: list[str] | None = None, model: str = DEFAULT_FINDER) -> list[Run]:
    """Every stage on one process; with workers > 1, bare spaCy and end to end again on that many; with
    another statement model, the stages it changes again with that model, beside the default's."""
    runs = [Run(stage) for stage in stages or list(STAGES)]
    wanted = set(stages or STAGES)
    if workers > 1:
        runs += [Run(stage, workers) for stage in (BARE_SPACY, END_TO_END) if stage in wanted]
    if dask is not None and END_TO_END in wanted:
        runs.append(Run(END_TO_END, workers, dask))
    if model != DEFAULT_FINDER:
        runs += [replace(r, model=model) for r in runs if r.stage in MODEL_STAGES]
    return runs


def _child(run: Run, pages: SyntheticPages, queue: mp.Queue) -> None:
    items, seconds = STAGES[run.stage](pages, run.processes, run.dask, run.model)
    queue.put((items, seconds, _peak_mb(), _peak_mb(resource.RUSAGE_CHILDREN)))


def measure(pages: SyntheticPages, runs: list[Run]) -> list[Measure]:
    context = mp.get_context("spawn")  # a clean process: peak memory is the stage's own
    results = []
    for run in runs:
        queue: mp.Queue = context.Queue()
        process = context.Process(target=_child, args=(run, pages, queue))
        process.start()
        while True:  # a stage that crashes must fail the benchmark, not hang it
            try:
                items, seconds, peak, worker_peak = queue.get(timeout=1)
                break
            except Empty:
                if not process.is_alive():
                    raise RuntimeError(f"stage {run.label!r} failed (exit code {process.exitcode})") from None
        process.join()
        workers = worker_peak if run.processes > 1 or run.dask else 0.0
        results.append(Measure(run.label, run.processes, items, seconds, peak, workers))
        print(f"  {run.label}: {items / seconds:.1f}/s", file=sys.stderr)
    return results


def ratios(results: list[Measure], runs: list[Run]) -> dict[str, str]:
    """Per measured label, how it compares: to its bare library on as many processes, and to one process."""
    by_run = {(r.stage, r.processes, r.dask, r.model): m for r, m in zip(runs, results, strict=True)}
    out = {}
    for run, m in zip(runs, results, strict=True):
        notes = []
        bare = by_run.get((BARE.get(run.stage, ""), run.processes, None, DEFAULT_FINDER))
        if bare and bare.rate:
            notes.append(f"{m.rate / bare.rate:.2f}× of {bare.name}")
        single = by_run.get((run.stage, 1, None, run.model))
        if single and single is not m and single.rate:
            notes.append(f"{m.rate / single.rate:.2f}× of 1 process")
        out[m.name] = "; ".join(notes)
    return out
