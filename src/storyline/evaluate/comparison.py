"""`storyline eval comparison`: discrepancies, misquotes and cross-outlet statement groups against the
hand-annotated BASIL and ECB+ events (`evaluation/realnews/basil-*.json`, `ecbplus-*.json`).

Discrepancies. A found discrepancy is right when a gold difference of a compatible kind cites at least
two of its articles and, in every article both cite, their spans share a character (for a name, the
found side may also be the same words as the gold side elsewhere in that article: a name finder shows
one use of a spelling, the annotators marked another). Recall: gold differences some found one matches.
Misquotes are the `quote` row. Discrepancies below the shown confidence are not scored unless asked.

Statement groups, pairwise. A found pair is two statements of one group from different outlets; it is
right when both contents share a character with gold statements of one gold group. Recall: gold pairs
(two outlets' statements of one gold group) that some found group holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from storyline.analysis.finders import DEFAULT_FINDER
from storyline.evaluate.annotation import read_corpus
from storyline.evaluate.clustering import Scores
from storyline.evaluate.realnews import Analysed, GoldDifference, GoldEvent, GoldSet, Range, analysed, load_set
from storyline.model import Discrepancy, Evidence, Statement, normalise_text

# Which gold difference kinds a found attribute may stand for.
COMPATIBLE: dict[str, frozenset[str]] = {
    "number": frozenset({"number"}),
    "name": frozenset({"name"}),
    "date": frozenset({"date"}),
    "place": frozenset({"place"}),
    "speaker": frozenset({"speaker"}),
    "quote": frozenset({"quote"}),
}
KINDS = tuple(COMPATIBLE)


def _overlap(a: Range, b: Range) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


@dataclass(slots=True)
class Counts:
    """For one kind: whether each found one is right, whether each gold one was matched."""

    outcomes: list[bool] = field(default_factory=list)
    recalled: list[bool] = field(default_factory=list)

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.outcomes + other.outcomes, self.recalled + other.recalled)

    @property
    def found(self) -> int:
        return len(self.outcomes)

    @property
    def right(self) -> int:
        return sum(self.outcomes)

    @property
    def gold(self) -> int:
        return len(self.recalled)

    @property
    def matched(self) -> int:
        return sum(self.recalled)

    @property
    def scores(self) -> Scores:
        return Scores(self.right / self.found if self.found else 0.0, self.matched / self.gold if self.gold else 0.0)


@dataclass(frozen=True, slots=True)
class PlacedDifference:
    """A gold difference on the stored text: article id -> (span, the words there)."""

    event: str
    kind: str
    sides: dict[str, tuple[Range, str]]


@dataclass(slots=True)
class ComparisonResult:
    events: int = 0
    articles: int = 0
    kinds: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    pairs: Counts = field(default_factory=Counts)
    false_discrepancies: list[Discrepancy] = field(default_factory=list)
    missed_differences: list[PlacedDifference] = field(default_factory=list)
    false_pairs: list[tuple[Statement, Statement]] = field(default_factory=list)
    missed_pairs: list[tuple[str, str]] = field(default_factory=list)  # gold "ARTICLE:ID" pairs
    hidden: int = 0  # discrepancies below the confidence threshold, not scored
    unjudged: list[Discrepancy] = field(default_factory=list)  # of kinds their set's annotators did not look for

    @property
    def discrepancies(self) -> Counts:
        """Every kind but misquotes, which have their own row."""
        return sum((counts for kind, counts in self.kinds.items() if kind != "quote"), Counts())


def _place_difference(event: str, difference: GoldDifference, run: Analysed) -> PlacedDifference:
    sides = {}
    for side in difference.sides:
        if side.article in run.articles and (span := run.maps[side.article].span(side.span)) is not None:
            sides[side.article] = (span, run.articles[side.article].text[span[0] : span[1]])
    return PlacedDifference(event, difference.kind, sides)


def _side_matches(found: Discrepancy, gold: PlacedDifference) -> bool:
    """Does the finding show this difference: in at least two of its articles, evidence on the gold span
    (an outlet quoting the passage in two parts gives two pieces of evidence)?"""
    cited: dict[str, list[Evidence]] = {}
    for e in found.evidence:
        cited.setdefault(e.article_id, []).append(e)
    if found.attribute not in COMPATIBLE or gold.kind not in COMPATIBLE[found.attribute]:
        return False

    def shows(evidence: Evidence, span: Range, words: str) -> bool:
        same_words = found.attribute == "name" and normalise_text(evidence.span.text) == normalise_text(words)
        return _overlap((evidence.span.start, evidence.span.end), span) or same_words

    shown = [a for a, (span, words) in gold.sides.items() if any(shows(e, span, words) for e in cited.get(a, []))]
    return len(shown) >= 2 and len(shown) == len(cited.keys() & gold.sides.keys())


def _statement_key(article_id: str, statement_id: str) -> str:
    return f"{article_id}#{statement_id}"


def _gold_groups(gold: GoldSet, events: Sequence[GoldEvent], run: Analysed) -> tuple[dict[str, list[tuple[str, Range]]], dict[str, int]]:
    """Gold statements on the stored text per article (key, content span), and each one's gold group."""
    by_article: dict[str, list[tuple[str, Range]]] = {}
    for article in gold.articles:
        if article.key not in run.articles:
            continue
        mapping = run.maps[article.key]
        by_article[article.key] = [
            (_statement_key(article.key, s.id), span) for s in article.statements if (span := mapping.span(s.content)) is not None
        ]
    group_of: dict[str, int] = {}
    every_group = [(event, members) for event in events for members in event.groups]
    for number, (event, members) in enumerate(every_group):
        for member in members:
            outlet, statement_id = member.split(":", 1)
            group_of[_statement_key(f"basil:{event.event}:{outlet}", statement_id)] = number
    return by_article, group_of


def _gold_of(statement: Statement, article_id: str, by_article: dict[str, list[tuple[str, Range]]]) -> list[str]:
    content = (statement.content.start, statement.content.end)
    return [key for key, span in by_article.get(article_id, []) if _overlap(content, span)]


def _score_groups(result: ComparisonResult, gold: GoldSet, run: Analysed, min_confidence: float) -> None:
    by_article, group_of = _gold_groups(gold, gold.events, run)
    owner = {s.id: (article_id, s) for article_id, a in run.articles.items() for s in a.statements}
    outlet = {article_id: a.outlet for article_id, a in run.articles.items()}
    found_pairs: set[frozenset[str]] = set()
    annotated = {a.key for a in gold.articles}  # a set of differences only has no statements to pair
    for story in run.store.story_rows():
        for group in run.store.groups(story["id"]):
            members = [
                owner[i] for i in group.statement_ids
                if i in owner and owner[i][1].confidence >= min_confidence and owner[i][0] in annotated
            ]  # fmt: skip
            for (a_id, a), (b_id, b) in combinations(members, 2):
                if outlet[a_id] == outlet[b_id]:
                    continue
                gold_a, gold_b = _gold_of(a, a_id, by_article), _gold_of(b, b_id, by_article)
                right = any(group_of.get(x) is not None and group_of.get(x) == group_of.get(y) for x in gold_a for y in gold_b)
                result.pairs.outcomes.append(right)
                if not right:
                    result.false_pairs.append((a, b))
                found_pairs |= {frozenset((x, y)) for x in gold_a for y in gold_b}
    for event in gold.events:
        for members in event.groups:
            keys = [_statement_key(f"basil:{event.event}:{m.split(':', 1)[0]}", m.split(":", 1)[1]) for m in members]
            for x, y in combinations(keys, 2):
                if x.split("#")[0] == y.split("#")[0]:  # one article quoting one statement in two parts
                    continue
                result.pairs.recalled.append(frozenset((x, y)) in found_pairs)
                if frozenset((x, y)) not in found_pairs:
                    result.missed_pairs.append((x, y))


def _score_discrepancies(result: ComparisonResult, gold: GoldSet, run: Analysed, min_confidence: float) -> None:
    differences = [_place_difference(e.event, d, run) for e in gold.events for d in e.differences]
    found = [d for d in run.store.discrepancies() if {e.article_id for e in d.evidence} <= run.articles.keys()]
    shown = [d for d in found if d.confidence >= min_confidence]
    result.hidden = len(found) - len(shown)
    matched: set[int] = set()
    judged = _judged_kinds(gold.events)
    for d in shown:
        if not any(d.attribute in judged(e.article_id) for e in d.evidence):
            result.unjudged.append(d)
            continue
        counts = result.kinds.setdefault(d.attribute, Counts())
        hits = [i for i, g in enumerate(differences) if _side_matches(d, g)]
        counts.outcomes.append(bool(hits))
        matched.update(hits)
        if not hits:
            result.false_discrepancies.append(d)
    for i, g in enumerate(differences):
        counts = result.kinds.setdefault(g.kind, Counts())
        counts.recalled.append(i in matched)
        if i not in matched:
            result.missed_differences.append(g)


def _judged_kinds(events: Sequence[GoldEvent]) -> Callable[[str], frozenset[str]]:
    """The difference kinds annotated for an article: a finding of another kind is neither right nor wrong."""
    listed = {key: event.kinds for event in events for key in event.articles}
    whole = {f"basil:{event.event}:": event.kinds for event in events if not event.articles}

    def kinds(article_id: str) -> frozenset[str]:
        prefix = article_id[: article_id.rfind(":") + 1]
        annotated = listed[article_id] if article_id in listed else whole.get(prefix)
        return frozenset(KINDS) if annotated is None else annotated

    return kinds


def evaluate_comparison(
    paths: Sequence[Path], data: Path, min_confidence: float, discrepancy_confidence: float, model: str = DEFAULT_FINDER
) -> ComparisonResult:
    """Run the pipeline over the sets' BASIL articles and score what it compares."""
    gold = load_set(paths)
    corpus = read_corpus(data)  # fails early, with what to pass, when the data is elsewhere
    keys = [a.key for a in gold.articles if a.key.startswith("basil:")]
    # every article of every event (an ECB+ event: those annotated), also of an event whose articles differ
    # in nothing: what is flagged there is false
    events = tuple(f"basil:{e.event}:" for e in gold.events if not e.articles)
    listed = {key for e in gold.events for key in e.articles}
    keys += sorted(({k for k in corpus if k.startswith(events)} | listed) - set(keys))
    result = ComparisonResult(events=len(gold.events))
    with analysed(keys, data, model) as run:
        result.articles = len(run.articles)
        _score_discrepancies(result, gold, run, discrepancy_confidence)
        _score_groups(result, gold, run, min_confidence)
    return result

