"""The `storyline` command: analyse news into a store, then look at it, report on it, export it."""

from __future__ import annotations

import os
import sys
import textwrap
from concurrent.futures import BrokenExecutor
from contextlib import closing
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from storyline.analysis.confidence import SHOWN_CONFIDENCE, SHOWN_DISCREPANCY
from storyline.evaluate.cli import ModelOption, eval_app, train_app
from storyline.terminal import Stdout, progress


class Commands(TyperGroup):
    """Every command, quiet when the reader of stdout goes away (`storyline export | head`), as Unix tools are.

    Click would exit 1, and the output still buffered would fail again at exit with "Exception ignored".
    """

    def invoke(self, ctx: typer.Context) -> object:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # inside the guard: a pipe closed early fails here, not at interpreter exit
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # what is still buffered goes nowhere
            raise typer.Exit(0) from None
        return result


app = typer.Typer(
    cls=Commands,
    help=(
        "Turn news articles from many outlets into stories, statements and speakers.\n\n"
        "Start with `storyline analyze examples/corpus`, then `storyline report` or `storyline quotes`."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
console = Console(stderr=True)
out = Stdout(soft_wrap=True)

AllOption = Annotated[
    bool,
    typer.Option("--all", help=f"Also statements below confidence {SHOWN_CONFIDENCE} (perhaps no statement at all) and "
                 f"discrepancies below {SHOWN_DISCREPANCY} (perhaps an attribution error or two different things), marked."),
]
DbOption = Annotated[
    str, typer.Option("--db", help="SQLite file (created if missing) or postgresql://user:password@host/database URL.")
]
WorkersOption = Annotated[
    int,
    typer.Option(
        min=1,
        help="Processes that read and analyse pages, each loading the models once; this process stays the only "
        "writer, so the store ends the same for any number. 1 (the default) uses no extra process: small runs "
        "would spend more on loading models than they save.",
    ),
]
DaskOption = Annotated[
    str | None,
    typer.Option(
        metavar="ADDRESS",
        help="Read and analyse on a Dask cluster: a scheduler address (tcp://host:8786), or `local` for a "
        "LocalCluster of --workers processes on this machine. Needs the `scale` extra: pip install -e '.[scale]'.",
    ),
]


class What(str, Enum):
    articles = "articles"
    statements = "statements"
    stories = "stories"
    storylines = "storylines"
    entities = "entities"
    discrepancies = "discrepancies"
    errors = "errors"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    json = "json"


def _open(db: str, *, create: bool = False):  # noqa: ANN202 — Store, imported lazily to keep `--help` fast
    """The store at a path or URL; a missing SQLite file is refused unless `create`, with what to run instead."""
    from storyline.store import StoreError, is_postgres_url, open_store

    if not create and not is_postgres_url(db) and not Path(db).exists():
        console.print(f"[red]No store at {db}.[/] Run `storyline analyze INPUT... --db {db}` first.")
        raise typer.Exit(2)
    try:
        return open_store(db)
    except StoreError as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from exc


@app.command()
def analyze(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, URLs, or .jsonl/.csv tables (columns id, url, outlet, title, published, text or html).",
            show_default=False,
        ),
    ],
    db: DbOption = "storyline.db",
    allow_private: Annotated[
        bool, typer.Option(help="Allow fetching URLs on private or loopback addresses (refused by default).")
    ] = False,
    workers: WorkersOption = 1,
    dask: DaskOption = None,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Pages or articles per batch: one spaCy pass, and one task for --workers or --dask.")
    ] = 32,  # pipeline.BATCH_SIZE, not imported here so that `--help` stays fast
    model: ModelOption = "fast",
) -> None:
    """Analyse news into the store: extract articles, find statements and speakers, group stories.

    Input already in the store is skipped, so running again after an interruption (Ctrl-C, a kill, a
    crash) finishes the work, with no article lost or stored twice. Exits 0 when every input
    succeeded, 1 when some failed (see `storyline export --what errors`), 130 when interrupted.
    Progress goes to stderr: a bar on a terminal, else a line every 10 s (STORYLINE_PROGRESS_SECONDS).
    """
    from storyline.ingest import count
    from storyline.pipeline import analyze as run
    from storyline.store import mask_password

    _open(db, create=True).close()  # an unreachable server or a foreign file is said plainly, before any work
    try:
        with progress(console, "analysing", count(inputs)) as advance:
            summary = run(inputs, db, allow_private=allow_private, progress=advance, workers=workers, dask=dask,
                          batch_size=batch_size, model=model)  # fmt: skip
    except KeyboardInterrupt:
        console.print(f"[yellow]Interrupted.[/] Every stored article is whole; run the same command again to finish → {mask_password(db)}")
        raise typer.Exit(130) from None
    except BrokenExecutor as exc:
        console.print(f"[red]A worker process died ({exc}).[/] Every stored article is whole; run the same command "
                      f"again to finish (with fewer --workers if memory ran out) → {mask_password(db)}")  # fmt: skip
        raise typer.Exit(2) from exc
    except RuntimeError as exc:  # a missing model or package, an unreachable scheduler: setup, not input
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from exc
    console.print(
        f"[bold]{summary.added}[/] articles added, {summary.skipped} already stored, "
        f"[bold]{summary.statements}[/] statements, {summary.stories_updated} stories updated, "
        f"[{'red' if summary.failed else 'green'}]{summary.failed} failed[/] → {mask_password(db)}"
    )
    for error in summary.errors[:20]:
        console.print(f"  [red]✗[/] {error.source}: {error.stage}: {error.reason}")
    if summary.failed > 20:
        console.print(f"  … and {summary.failed - 20} more: storyline export --what errors --db {mask_password(db)}")
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def export(
    what: Annotated[What, typer.Option("--what", help="Which records to write.")] = What.statements,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="JSON Lines or CSV.")] = ExportFormat.jsonl,
    every: AllOption = False,
    db: DbOption = "storyline.db",
) -> None:
    """Write records to stdout, one per line (JSONL) or row (CSV); spans carry offsets into the article text."""
    from storyline.export import WRITERS, rows

    with _open(db) as store, closing(rows(store, what.value, every)) as records:  # rows end before the store closes
        WRITERS[fmt.value](records, sys.stdout)


@app.command()
def report(
    story: Annotated[str | None, typer.Option(help="Only this story id (see `storyline stories`).")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="Markdown, HTML or JSON.")] = ReportFormat.md,
    every: AllOption = False,
    full: Annotated[bool, typer.Option("--full", help="Markdown/HTML: every storyline, story, statement and coverage table, not the digest.")] = False,
    db: DbOption = "storyline.db",
) -> None:
    """A digest of the stories (outlets, key statements, where outlets differ, what one outlet alone has); --full for everything."""
    from storyline.compare.report import render

    with _open(db) as store:
        try:
            sys.stdout.write(render(store, fmt.value, story_id=story, every=every, full=full))
        except KeyError as exc:
            where = store.path
            console.print(f"[red]No story {story} in {where}.[/] List them with `storyline stories --db {where}`.")
            raise typer.Exit(2) from exc


@app.command()
def stories(db: DbOption = "storyline.db") -> None:
    """Storylines and their stories, with dates and outlets; story ids go to `storyline report --story`."""
    with _open(db) as store:
        outlets = {r["id"]: r["outlet"] or "?" for r in store.article_rows()}
        by_line: dict[str, list] = {}
        for r in store.story_rows():
            by_line.setdefault(r["storyline_id"] or "", []).append(r)
        for line in store.storyline_rows():
            table = Table("first seen", "story", "articles", "outlets", "label", title_justify="left",
                          title=f"[bold]{line['label']}[/]  [dim]{line['id']}[/]")  # fmt: skip
            for r in by_line.get(line["id"], []):
                ids = r["article_ids"].split(",")
                table.add_row(
                    r["first_seen"] or "", r["id"], str(len(ids)),
                    str(len({outlets[i] for i in ids})), r["label"],
                )  # fmt: skip
            out.print(table)


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(help="Only statements by this speaker (any name form or alias).")] = None,
    search: Annotated[str | None, typer.Option(help="Only statements containing these words (full-text search).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            min=0.0, max=1.0, show_default=False,
            help=f"Only statements at least this sure (default {SHOWN_CONFIDENCE}; see `storyline eval speakers`).",
        ),
    ] = None,
    every: AllOption = False,
    db: DbOption = "storyline.db",
) -> None:
    """Statements with their speaker, outlet and kind: one block each, the statement given the full width."""
    floor = 0.0 if every else SHOWN_CONFIDENCE if min_confidence is None else min_confidence
    with _open(db) as store:
        rows = store.statement_rows(speaker=speaker, search=search, min_confidence=floor)
        for r in rows[:limit]:
            who = f"[bold]{escape(r['speaker_name'])}[/]" if r["speaker_name"] else f"[dim]{escape(r['source'] or '?')}[/]"
            who += f" [dim]({escape(r['speaker_role'])})[/]" if r["speaker_role"] else ""
            date = (r["published"] or "")[:10] or "no date"
            tentative = " · [yellow]tentative[/]" if r["confidence"] < SHOWN_CONFIDENCE else ""
            out.print(f"{who} · {escape(r['outlet'] or '?')} · {date} · {r['kind']}{tentative}", highlight=False, soft_wrap=False)
            wrapped = textwrap.fill(r["content"], out.width, initial_indent="    ", subsequent_indent="    ")
            out.print(Text(wrapped + "\n"))  # indented under its speaker, wrapped to the full width
        console.print(f"{min(len(rows), limit)} of {len(rows)} statements")


@app.command()
def serve(
    db: DbOption = "storyline.db",
    host: Annotated[str, typer.Option(help="Address to listen on; anything but 127.0.0.1 exposes the store.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option(help="Let the browser add articles (a form and POST /api/ingest); read-only without it.")
    ] = False,
    model: ModelOption = "fast",
) -> None:
    """Open the store in the browser: stories, storylines, speakers, articles, search, and a JSON API under /api/."""
    import uvicorn

    from storyline.web import create_app
    from storyline.web.security import LOOPBACK_HOSTS

    _open(db).close()  # a clear message for a missing or foreign store, before the server starts
    loopback = host in LOOPBACK_HOSTS
    web = create_app(db, allow_ingest=allow_ingest, allowed_hosts=LOOPBACK_HOSTS if loopback else None, model=model)
    console.print(f"storyline on [bold]http://{host}:{port}/[/] ({'ingest allowed' if allow_ingest else 'read-only'})")
    uvicorn.run(web, host=host, port=port, log_level="warning")


bench_app = typer.Typer(help="Benchmarks on synthetic stores.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")


@bench_app.command("web")
def bench_web(
    db: Annotated[Path, typer.Option("--db", help="Store to fill (must not exist) or reuse (if it does).")],
    articles: Annotated[int, typer.Option(help="Synthetic articles to add when the store is new.")] = 100_000,
    requests: Annotated[int, typer.Option(help="Requests timed per page.")] = 20,
) -> None:
    """Time every web page (p50/p95 ms) on a store filled with synthetic articles by direct SQL."""
    import time

    from storyline.store import Store
    from storyline.web.bench import fill, measure

    if not db.exists():
        began = time.perf_counter()
        with Store(db) as store:
            fill(store, articles)
        console.print(f"filled {db} with {articles} synthetic articles in {time.perf_counter() - began:.1f} s")
    table = Table("page", "p50 ms", "p95 ms", title=f"{requests} requests per page")
    for name, p50, p95 in measure(db, requests):
        table.add_row(name, f"{p50:.1f}", f"{p95:.1f}")
    out.print(table)


@bench_app.command("pipeline")
def bench_pipeline(
    inputs: Annotated[list[Path] | None, typer.Argument(help="Model HTML pages or folders (default: examples/corpus).", show_default=False)] = None,
    articles: Annotated[int, typer.Option(help="Pages to process; after the model pages, rewritten variants of them (new events, new names).")] = 200,
    workers: Annotated[int, typer.Option(min=1, help="Also run end to end with --workers N, beside bare spaCy on N processes.")] = 1,
    dask: DaskOption = None,
    stage: Annotated[list[str] | None, typer.Option(help="Only these stages (repeat the option); default: all.")] = None,
    model: ModelOption = "fast",
) -> None:
    """Articles/s and peak memory per stage and end to end, beside bare trafilatura and spaCy on the same pages.

    Each stage runs in a fresh process, models loaded before the clock starts. Parallel runs are set
    beside bare spaCy on as many processes, and beside the same stage on one process. Memory is
    constant in corpus size when `--articles 10000` and `--articles 200000` peak alike. `--model accurate`
    runs analysis and end to end again with that statement finder, beside the fast one.
    """
    from storyline.evaluate.bench import STAGES, SyntheticPages, measure, plan, ratios

    unknown = sorted(set(stage or []) - set(STAGES))
    if unknown:
        raise typer.BadParameter(f"unknown stage {', '.join(unknown)}; stages are: {', '.join(STAGES)}", param_hint="--stage")
    pages = SyntheticPages(tuple(inputs or [Path("examples/corpus")]), articles)
    runs = plan(workers, dask, stage, model)
    results = measure(pages, runs)
    notes = ratios(results, runs)
    table = Table("stage", "items", "per second", "peak MB", "worker peak MB", "compared", title=f"{articles} pages", title_justify="left")
    for m in results:
        table.add_row(m.name, str(m.items), f"{m.rate:.1f}", f"{m.peak_mb:.0f}", f"{m.worker_peak_mb:.0f}" if m.worker_peak_mb else "", notes[m.name])
    Stdout(soft_wrap=True, width=max(out.width, 150)).print(table)  # one row a line, even in a log file
    console.print("items: pages for extraction, articles after it (pages that failed or repeated an article are not counted). "
                  "peak MB: the stage's process; worker peak MB: its largest worker process.")  # fmt: skip


@bench_app.command("stories")
def bench_stories(
    articles: Annotated[int, typer.Option(help="Synthetic articles already stored.")] = 100_000,
    queries: Annotated[int, typer.Option(help="New articles whose assignment is timed.")] = 200,
    days: Annotated[int, typer.Option(help="Days the stored articles are spread over.")] = 100,
) -> None:
    """Milliseconds to assign one new article to a story with ARTICLES already in the index."""
    from storyline.relate.benchmark import run

    r = run(articles=articles, queries=queries, days=days)
    table = Table("measure", "value", title=f"story assignment, {r.articles} articles stored", title_justify="left")
    table.add_row("stories", str(r.stories))
    table.add_row("index filled in", f"{r.fill_seconds:.1f} s")
    table.add_row(f"assign p50 / p95 ({r.queries} articles)", f"{r.median_ms:.2f} / {r.p95_ms:.2f} ms")
    table.add_row("joined their own story", f"{r.joined} of {r.queries}")
    out.print(table)


def _interval(text: str) -> float:
    """"15m", "30s", "2h" or plain seconds, as seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    number, unit = (text[:-1], text[-1]) if text[-1:].lower() in units else (text, "s")
    try:
        seconds = float(number) * units[unit.lower()]
    except ValueError:
        seconds = 0
    if seconds <= 0:
        raise typer.BadParameter(f"{text!r} is not an interval such as 30s, 15m or 2h")
    return seconds


@app.command()
def follow(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.", show_default=False)],
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 15m, 2h.")] = "15m",
    once: Annotated[bool, typer.Option(help="Poll once and exit (0 if nothing failed, else 1).")] = False,
    db: DbOption = "storyline.db",
    allow_private: Annotated[
        bool, typer.Option(help="Allow fetching URLs on private or loopback addresses (refused by default).")
    ] = False,
) -> None:
    """Poll feeds and analyse every new item; ETag/Last-Modified are honoured and seen items skipped. Ctrl-C stops."""
    import time

    from storyline.ingest.feeds import feed_documents
    from storyline.ingest.urls import Fetcher
    from storyline.pipeline import Pipeline

    pause = _interval(every)
    with _open(db, create=True) as store:
        pipeline = Pipeline(store, allow_private=allow_private)
        fetcher = Fetcher(allow_private=allow_private)
        try:
            while True:
                summary = pipeline.run_documents(feed_documents(feeds, store, fetcher))
                console.print(f"{time.strftime('%H:%M:%S')} [bold]{summary.added}[/] new articles, "
                              f"{summary.statements} statements, [{'red' if summary.failed else 'green'}]{summary.failed} failed[/]")  # fmt: skip
                for error in summary.errors[:20]:
                    console.print(f"  [red]✗[/] {error.source}: {error.stage}: {error.reason}")
                if once:
                    raise typer.Exit(1 if summary.failed else 0)
                time.sleep(pause)
        except KeyboardInterrupt:
            console.print("stopped")


if __name__ == "__main__":
    app()
