"""`storyline eval statements`: source, cue and content spans against PolNeAR's attributions.

Units. Each role is scored as the set of its contiguous spans per article: a gold discontinuous span
(`start end;start end`) counts as its fragments, as in the BIO tagging the published systems are scored
with, and a span several statements share (one cue for a split quote) counts once.

Matching. Both sides are first trimmed of surrounding whitespace, punctuation and quote marks, so
`“Yes,”` and `Yes` are one span. Exact: same trimmed start and end. Overlap: at least one shared
character, pairs taken one-to-one, largest overlap first. Precision is matched / predicted, recall is
matched / gold.

Definitions differ: PolNeAR also annotates thoughts, beliefs and intentions ("believes", "wants", "according to
polls"); storyline finds those through the cue patterns it learned from PolNeAR's training split only when they
were annotated often enough (`analysis/cue_patterns.py`). The figures are storyline's output as it is, scored
against PolNeAR as it is.

Speaker: for gold attributions whose source span names someone (a capitalised word that is no pronoun or
article and that the article never writes in lower case) and whose content storyline found (the statement
sharing most characters with it), the share whose resolved speaker, as shown (the name and the role
beside it: "Police, in Clairton"), shares such a word with that source span. PolNeAR has no coreference links, so a source "he" cannot be checked and is left out.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyline.analysis import DEFAULT_FINDER, analyse_many
from storyline.evaluate.clustering import Scores
from storyline.evaluate.polnear import ROLES, GoldAttribution, PolnearArticle, load_polnear
from storyline.model import Article, Span, Statement

Range = tuple[int, int]

_NAME_WORD = re.compile(r"\b[A-Z][\w’'.-]+")
_LOWER_WORD = re.compile(r"\b[a-z][\w’'.-]+")
_NOT_NAMES = frozenset("The A An He She It They We I You His Her Their Its Our This That These Those".split())


def _is_edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PS"


def trim(text: str, start: int, end: int) -> Range:
    """The span without surrounding whitespace, punctuation and quote marks."""
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return start, end


def _units(text: str, ranges: Iterable[Range]) -> set[Range]:
    return {r for r in (trim(text, s, e) for s, e in ranges) if r[1] > r[0]}


def overlap_matches(gold: Iterable[Range], predicted: Iterable[Range]) -> int:
    """One-to-one pairs sharing at least one character, largest overlap first."""
    pairs = sorted(
        ((min(ge, pe) - max(gs, ps), g, p) for g, (gs, ge) in enumerate(gold) for p, (ps, pe) in enumerate(predicted)),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for size, g, p in pairs:
        if size <= 0:
            break
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
    return len(used_gold)


@dataclass(slots=True)
class RoleCounts:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, gold: set[Range], predicted: set[Range]) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.exact += len(gold & predicted)
        self.overlap += overlap_matches(sorted(gold), sorted(predicted))

    def _scores(self, matched: int) -> Scores:
        return Scores(matched / self.predicted if self.predicted else 0.0, matched / self.gold if self.gold else 0.0)

    @property
    def exact_scores(self) -> Scores:
        return self._scores(self.exact)

    @property
    def overlap_scores(self) -> Scores:
        return self._scores(self.overlap)


@dataclass(slots=True)
class StatementEvaluation:
    roles: dict[str, RoleCounts] = field(default_factory=lambda: {r: RoleCounts() for r in ROLES})
    articles: int = 0
    words: int = 0
    seconds: float = 0.0
    named_sources: int = 0  # gold attributions with a named source whose content was found
    named_right: int = 0  # ... whose speaker storyline resolved to that name

    @property
    def speaker_accuracy(self) -> float:
        return self.named_right / self.named_sources if self.named_sources else 0.0


def _predicted(statement: Statement, role: str) -> Range | None:
    span = {"source": statement.source, "cue": statement.cue, "content": statement.content}[role]
    return (span.start, span.end) if span is not None and span.end > span.start else None


def _name_words(text: str, common: set[str]) -> set[str]:
    """Capitalised words that are names here: not a pronoun or article, never written in lower case in the article."""
    return {w.casefold() for w in _NAME_WORD.findall(text) if w not in _NOT_NAMES and w.casefold() not in common}


def _shared(span: Span, ranges: list[Range]) -> int:
    return sum(max(0, min(span.end, e) - max(span.start, s)) for s, e in ranges)


def _score_speakers(result: StatementEvaluation, text: str, gold: list[GoldAttribution], found: list[Statement]) -> None:
    common = set(_LOWER_WORD.findall(text))
    for attribution in gold:
        named = _name_words(" ".join(text[s:e] for s, e in attribution.source), common)
        content = [trim(text, s, e) for s, e in attribution.content]
        best = max(found, key=lambda s: _shared(s.content, content), default=None)
        if not named or best is None or not _shared(best.content, content):
            continue
        result.named_sources += 1
        speaker = best.speaker
        shown = f"{speaker.name} {speaker.role or ''}" if speaker else ""
        result.named_right += bool(named & _name_words(shown, common))


def score_article(result: StatementEvaluation, article: PolnearArticle, found: list[Statement]) -> None:
    """Add one article's gold and found spans to the counts."""
    text = article.text
    for role in ROLES:
        gold = _units(text, (r for a in article.attributions for r in a.role(role)))
        predicted = _units(text, filter(None, (_predicted(s, role) for s in found)))
        result.roles[role].add(gold, predicted)
    _score_speakers(result, text, article.attributions, found)
    result.articles += 1
    result.words += len(text.split())


def evaluate_statements(folder: Path, processes: int = 1, model: str = DEFAULT_FINDER) -> StatementEvaluation:
    """storyline's statements (by the finder `model`) on every article of a PolNeAR split folder; the time
    covers parsing too (and, with several processes, starting them and loading the model in each)."""
    gold = {a.id: a for a in load_polnear(folder)}
    result = StatementEvaluation()
    started = time.perf_counter()
    analysed = list(analyse_many((Article(id=a.id, text=a.text) for a in gold.values()), processes=processes, model=model))
    result.seconds = time.perf_counter() - started
    for article in analysed:
        score_article(result, gold[article.id], article.statements)
    return result
