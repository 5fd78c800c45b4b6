"""`storyline eval speakers`: statements and their speakers against the hand-annotated real-news sets.

Matching. A found statement and a gold one match when their contents share a character. Recall: gold
statements some found statement matches. Precision: found statements that match a gold one; one that
matches only a statement the annotators marked borderline (a belief, a plan, a bare noun phrase) counts
neither way. Statements below the confidence threshold are not shown to users, so they are not
scored; `min_confidence=0` scores everything found.

Speaker. Among gold statements whose speaker the article names (a person or an organisation) and that
were found, the found statement sharing most characters is right when its speaker's name is the gold
name: the same words once case, accents and punctuation are folded, or, for an organisation, one of the
forms the annotators listed, or, for a person, the same first and last word (a middle name or initial
more or less). A wrong one is counted by what went wrong: a name with its title left in ("unreduced"),
else by how the article referred to the speaker there (a pronoun, a descriptor, a name, nothing: a
quote that carries on from the one before).

Stage. Each wrong named speaker is also placed at the first pipeline stage that fails ("wrong named
speakers by stage"): the statement not found; its source phrase not read (the found source does not
overlap the gold one, or there is none; a gold statement without a source phrase, a carried-on quote,
skips this stage); the speaker not among the article's found entities (none whose name or a form the
article used is the gold name, by the matching above, or holds it with a title left in); resolved to
another entity or left unresolved; the right entity under a name that fails the match (left unreduced,
or a canonical form from elsewhere).

Identity. Among statements whose source is written as a name and whose speaker is right or wrong, a
found entity that speaks for two gold people is a false merge; a gold person found as two entities is
a split.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyline.analysis.finders import DEFAULT_FINDER
from storyline.analysis.names import TITLES
from storyline.evaluate.annotation import read_corpus
from storyline.evaluate.clustering import Scores
from storyline.evaluate.realnews import GoldArticle, GoldStatement, OffsetMap, Range, analysed, load_set
from storyline.model import Article, Entity, Statement

PRONOUNS = frozenset("he she they it we i you him her them his its their who which".split())
ERROR_KINDS = ("missed", "unreduced name", "pronoun", "descriptor", "wrong person", "carried-on quote")
STAGES = ("not found", "source not read", "speaker not an entity", "another entity", "right entity, wrong name")
CONFIDENCE_BINS = (0.0, 0.5, 0.7, 0.9, 1.01)


def fold(name: str) -> list[str]:
    """A name's words for comparison: accents, case and punctuation folded, a leading "the" dropped."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = re.sub(r"[^\w\s]|_", " ", plain.replace("’", "'").replace("'s ", " ")).casefold().split()
    return words[1:] if words[:1] == ["the"] else words


def name_matches(predicted: str, gold: GoldStatement) -> bool:
    found = fold(predicted)
    if not found or not gold.speaker:
        return False
    names = [fold(gold.speaker)] + [fold(a) for a in gold.aliases if gold.speaker_type == "organisation" or len(fold(a)) > 1]
    if gold.speaker_type == "person":  # the guidelines keep titles out of a name ("Pope Francis" is Francis)
        names.append(list(itertools.dropwhile(lambda w: w in TITLES, names[0][:-1])) + names[0][-1:])
    for name in names:
        if found == name:
            return True
        if gold.speaker_type == "person":  # initials are often left out: "J. Russell George" is "Russell George"
            found, name = [w for w in found if len(w) > 1] or found, [w for w in name if len(w) > 1] or name
        if gold.speaker_type == "person" and min(len(found), len(name)) > 1 and (found[0], found[-1]) == (name[0], name[-1]):
            return True
    return False


def _unreduced(predicted: str, gold: GoldStatement) -> bool:
    """The gold name with more words around it: a title or role left in."""
    return set(fold(gold.speaker or "")) < set(fold(predicted))


def is_speaker(entity: Entity, gold: GoldStatement) -> bool:
    """Whether a found entity is the gold speaker: its name or a form the article used matches, or its name
    holds the gold one."""
    return _unreduced(entity.name, gold) or any(name_matches(form, gold) for form in (entity.name, *entity.aliases))


def _source_read(found: Statement, gold: GoldStatement) -> bool:
    """Whether the found statement's source phrase overlaps the gold one."""
    source = found.source
    return source is not None and gold.source is not None and bool(_overlap((source.start, source.end), gold.source))


def stage(article: Article, found: Statement | None, gold: GoldStatement) -> str:
    """The first pipeline stage that fails for a wrong named speaker (see the module's help)."""
    if found is None:
        return STAGES[0]
    if gold.source is not None and not _source_read(found, gold):
        return STAGES[1]
    speakers = {e.id for e in article.entities.values() if is_speaker(e, gold)}
    if not speakers:
        return STAGES[2]
    return STAGES[4] if found.speaker is not None and found.speaker.id in speakers else STAGES[3]


def person_key(name: str) -> str:
    """One gold person however the annotators wrote the name: first and last word, and a suffix."""
    words = fold(name)
    suffix = [words.pop()] if len(words) > 1 and words[-1] in ("jr", "sr", "ii", "iii", "iv") else []
    return " ".join(([words[0], words[-1]] if len(words) > 1 else words) + suffix)


def source_form(text: str, gold: GoldStatement) -> str:
    """How the article referred to the speaker where it credits the statement: name, pronoun, descriptor, none."""
    if gold.source is None:
        return "none"
    words = fold(text)
    if len(words) <= 2 and set(words) & PRONOUNS:
        return "pronoun"
    name_words = {w for name in (gold.speaker or "", *gold.aliases) for w in fold(name)}
    capitalised = {w.casefold() for w in re.findall(r"\b[A-Z][\w'’.-]*", text)}
    return "name" if name_words & {w for c in capitalised for w in fold(c)} else "descriptor"


@dataclass(slots=True)
class SpeakerError:
    kind: str
    article: str
    gold: GoldStatement
    found: Statement | None
    source_text: str
    content_text: str
    stage: str  # the first pipeline stage that fails (STAGES)


@dataclass(slots=True)
class SpeakersResult:
    articles: int = 0
    gold: int = 0  # gold statements, borderline ones apart
    borderline: int = 0
    found_gold: int = 0
    predicted: int = 0  # found statements at or above the threshold
    correct: int = 0
    neutral: int = 0  # matching only borderline gold
    named: int = 0
    named_found: int = 0
    named_right: int = 0
    short: int = 0  # found statements of four words or fewer
    errors: list[SpeakerError] = field(default_factory=list)
    stages: Counter[str] = field(default_factory=Counter)  # wrong named speakers by the first stage that fails
    false_positives: list[tuple[str, Statement]] = field(default_factory=list)
    bins: Counter[tuple[int, bool]] = field(default_factory=Counter)  # (confidence bin, matched) -> count
    merges: list[tuple[str, list[str]]] = field(default_factory=list)  # found name -> gold people it speaks for
    splits: list[tuple[str, int]] = field(default_factory=list)  # gold person -> entities found for them
    unplaced: int = 0  # gold statements whose text extraction dropped

    @property
    def statements(self) -> Scores:
        scored = self.predicted - self.neutral
        return Scores(self.correct / scored if scored else 0.0, self.found_gold / self.gold if self.gold else 0.0)

    @property
    def speaker_accuracy(self) -> float:
        """Right speakers among the named gold statements (missed ones count as wrong)."""
        return self.named_right / self.named if self.named else 0.0

    def error_counts(self) -> Counter[str]:
        return Counter(e.kind for e in self.errors)


def _overlap(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _content(s: Statement) -> Range:
    return s.content.start, s.content.end


def _placed(gold: GoldArticle, mapping: OffsetMap) -> tuple[list[GoldStatement], int]:
    """The gold statements on the stored text; how many extraction dropped."""
    placed, dropped = [], 0
    for s in gold.statements:
        content = mapping.span(s.content)
        if content is None:
            dropped += 1
            continue
        cue = mapping.span(s.cue) if s.cue else None
        source = mapping.span(s.source) if s.source else None
        placed.append(GoldStatement(s.id, s.kind, content, cue, source, s.speaker, s.speaker_type, s.role, s.aliases, s.borderline))
    return placed, dropped


def _bin(confidence: float) -> int:
    return next(i for i, edge in enumerate(CONFIDENCE_BINS[1:]) if confidence < edge)


def score_article(result: SpeakersResult, key: str, article: Article, gold: list[GoldStatement], min_confidence: float,
                  identities: dict[str, dict[str, set[str]]]) -> None:  # fmt: skip
    """Add one article's statements to the counts; `identities` gathers found entity ids per gold person."""
    text = article.text
    shown = [s for s in article.statements if s.confidence >= min_confidence]
    result.articles += 1
    result.predicted += len(shown)
    for s in shown:
        matches = [g for g in gold if _overlap(_content(s), g.content)]
        real = [g for g in matches if not g.borderline]
        if matches and not real:
            result.neutral += 1
            continue
        result.correct += bool(real)
        result.bins[_bin(s.confidence), bool(real)] += 1
        result.short += len(s.content.text.split()) <= 4
        if not real:
            result.false_positives.append((key, s))
    for g in gold:
        if g.borderline:
            result.borderline += 1
            continue
        result.gold += 1
        best = max(shown, key=lambda s: _overlap(_content(s), g.content), default=None)
        found = best if best is not None and _overlap(_content(best), g.content) else None
        result.found_gold += found is not None
        if not g.named:
            continue
        result.named += 1
        source_text = text[g.source[0] : g.source[1]] if g.source else ""
        content_text = text[g.content[0] : g.content[1]]
        if found is None:
            result.errors.append(SpeakerError("missed", key, g, None, source_text, content_text, STAGES[0]))
            result.stages[STAGES[0]] += 1
            continue
        result.named_found += 1
        form = source_form(source_text, g)
        if form == "name" and found.speaker is not None and g.speaker_type == "person" and _source_read(found, g):
            # identity, not attribution: the name the article wrote, read and resolved to this entity
            identities[person_key(g.speaker or "")].setdefault(found.speaker.id, set()).add(found.speaker.name)
        if found.speaker is not None and name_matches(found.speaker.name, g):
            result.named_right += 1
            continue
        failed = stage(article, found, g)
        result.stages[failed] += 1
        if found.speaker is not None and _unreduced(found.speaker.name, g):
            kind = "unreduced name"
        else:
            kind = {"pronoun": "pronoun", "descriptor": "descriptor", "name": "wrong person", "none": "carried-on quote"}[form]
        result.errors.append(SpeakerError(kind, key, g, found, source_text, content_text, failed))


def _identities(result: SpeakersResult, identities: dict[str, dict[str, set[str]]]) -> None:
    by_entity: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for person, entities in identities.items():
        for entity_id, found_names in entities.items():
            by_entity[entity_id].add(person)
            names[entity_id] = sorted(found_names)[0]
        if len(entities) > 1:
            result.splits.append((person, len(entities)))
    result.merges = [(names[e], sorted(people)) for e, people in by_entity.items() if len(people) > 1]


def evaluate_speakers(paths: Sequence[Path], data: Path, min_confidence: float, model: str = DEFAULT_FINDER) -> SpeakersResult:
    gold = load_set(paths)
    result = SpeakersResult()
    identities: dict[str, dict[str, set[str]]] = defaultdict(dict)
    read_corpus(data)  # fails early, with what to pass, when the data is elsewhere
    with analysed([a.key for a in gold.articles], data, model) as run:
        for article in gold.articles:
            if article.key not in run.articles:
                result.unplaced += len(article.statements)
                continue
            placed, dropped = _placed(article, run.maps[article.key])
            result.unplaced += dropped
            score_article(result, article.key, run.articles[article.key], placed, min_confidence, identities)
    _identities(result, identities)
    return result
