"""`storyline bench pipeline`: throughput and peak memory per stage, beside the bare libraries.

Each measurement runs in a fresh process on the same pages, so peak memory (max RSS) belongs to
that stage alone and model loading is excluded from the timed part. The ratios answer "what does
storyline cost on top of trafilatura and spaCy?".
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from queue import Empty

from storyline.model import Document


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    items: int
    seconds: float
    peak_mb: float

    @property
    def rate(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0


def load_pages(inputs: list[Path], articles: int) -> list[Document]:
    """HTML pages from `inputs`, repeated as variants until there are `articles` of them.

    A variant gets its own URL and its paragraphs rotated, so it is stored as a new article; its
    text is a near-copy of its model, which the near-duplicate stage will notice.
    """
    from storyline.ingest import documents

    pages = [d for d in documents(inputs) if isinstance(d, Document) and d.content_type == "text/html"]
    if not pages:
        raise ValueError("no HTML pages found in the inputs")
    out = []
    for i in range(articles):
        model = pages[i % len(pages)]
        if i < len(pages):
            out.append(model)
            continue
        html = model.content.decode("utf-8", "replace") if isinstance(model.content, bytes) else model.content
        paragraphs = html.split("<p>")
        shift = 1 + i % max(1, len(paragraphs) - 2)
        body = paragraphs[:1] + paragraphs[1:][shift:] + paragraphs[1:][:shift]
        out.append(Document(uri=f"{model.uri}#variant-{i}", content="<p>".join(body).encode(), meta={"url": f"https://bench.example/{i}"}))
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _bare_extraction(pages: list[Document]) -> tuple[int, float]:
    import trafilatura

    started = time.perf_counter()
    for page in pages:
        trafilatura.extract(page.content, include_comments=False)
    return len(pages), time.perf_counter() - started


def _extraction(pages: list[Document]) -> tuple[int, float]:
    from storyline.extract import extract

    extract(pages[0])  # warm up lazy imports outside the clock
    started = time.perf_counter()
    for page in pages:
        extract(page)
    return len(pages), time.perf_counter() - started


def _texts(pages: list[Document]) -> list[str]:
    from storyline.extract import extract

    return [extract(page).text for page in pages]


def _bare_spacy(pages: list[Document]) -> tuple[int, float]:
    from storyline.analysis.nlp import load_nlp

    texts = _texts(pages)
    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return len(texts), time.perf_counter() - started


def _analysis(pages: list[Document]) -> tuple[int, float]:
    from storyline.analysis import analyse_many
    from storyline.analysis.nlp import load_nlp
    from storyline.extract import extract

    articles = [extract(page) for page in pages]
    load_nlp()
    started = time.perf_counter()
    for _ in analyse_many(articles):
        pass
    return len(articles), time.perf_counter() - started


def _end_to_end(pages: list[Document]) -> tuple[int, float]:
    """HTML in, statements and stories stored; models are loaded before the clock starts."""
    from storyline.analysis.nlp import load_nlp
    from storyline.pipeline import Pipeline
    from storyline.relate.embeddings import embed
    from storyline.store import Store

    load_nlp()
    embed(["warm up"])
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        pipeline = Pipeline(store)
        started = time.perf_counter()
        summary = pipeline.run_documents(pages)
        return summary.added, time.perf_counter() - started


STAGES: dict[str, Callable[[list[Document]], tuple[int, float]]] = {
    "trafilatura.extract (bare)": _bare_extraction,
    "storyline extract": _extraction,
    "spaCy nlp.pipe (bare)": _bare_spacy,
    "storyline analysis": _analysis,
    "storyline end to end": _end_to_end,
}


def _child(stage: str, pages: list[Document], queue: mp.Queue) -> None:
    items, seconds = STAGES[stage](pages)
    queue.put((items, seconds, _peak_mb()))


def measure(pages: list[Document], stages: list[str] | None = None) -> list[Measure]:
    context = mp.get_context("spawn")  # a clean process: peak memory is the stage's own
    results = []
    for stage in stages or list(STAGES):
        queue: mp.Queue = context.Queue()
        process = context.Process(target=_child, args=(stage, pages, queue))
        process.start()
        while True:  # a stage that crashes must fail the benchmark, not hang it
            try:
                items, seconds, peak = queue.get(timeout=1)
                break
            except Empty:
                if not process.is_alive():
                    raise RuntimeError(f"stage {stage!r} failed (exit code {process.exitcode})") from None
        process.join()
        results.append(Measure(stage, items, seconds, peak))
        print(f"  {stage}: {items / seconds:.1f}/s", file=sys.stderr)
    return results
