"""Discrepancies: one fact reported with different values by the outlets covering it.

Each attribute has its own finder (a table, not a chain of ifs). Values are read with rules that
prefer silence to a false alarm: a quantity or venue an article itself states two ways is
ambiguous and skipped, and values that cannot be compared (a weekday against a calendar date
with no publication date to resolve it) are never called different.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from storyline.analysis.names import NICKNAMES, TITLES, damerau_levenshtein, name_words
from storyline.model import (
    Article,
    Attribute,
    Discrepancy,
    Entity,
    Evidence,
    Span,
    Statement,
    StatementGroup,
    normalise_text,
    stable_id,
)
from storyline.relate.alignment import publication_order
from storyline.relate.features import (
    _DATE_PATTERNS,
    _EVENT_CONTEXT_CHARS,
    _EVENT_WORD,
    _MONTHS,
    _VENUE_CONTEXT,
    _WEEKDAY_OR_RELATIVE,
    _WEEKDAYS,
    _explicit_dates,
    _relative_dates,
    parse_published,
)
from storyline.relate.stories import places_overlap

SUBJECT_CHARS = 60


@dataclass(frozen=True, slots=True)
class Finding:
    """A discrepancy before it is placed in a story or storyline: `key` makes its id stable."""

    attribute: Attribute
    key: str
    subject: str
    evidence: list[Evidence]


@dataclass(frozen=True, slots=True)
class Observation:
    """One article stating one value for one thing (`key`), at `span`."""

    article: Article
    key: str
    value: str
    written: str
    span: Span


@dataclass(frozen=True, slots=True)
class Context:
    articles: Sequence[Article]
    groups: Sequence[StatementGroup]
    entities: Mapping[str, Entity]


def shorten(text: str, limit: int = SUBJECT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _evidence(article: Article, value: str, span: Span) -> Evidence:
    return Evidence(article.id, article.outlet, value, span)


# --- values stated per article, compared across articles -------------------------------------------


def conflicts(
    observations: Iterable[Observation], same: Callable[[str, str], bool] = str.__eq__
) -> dict[str, list[Observation]]:
    """Keys whose articles disagree, with one observation per article (its first).

    An article that states a key two incompatible ways is ambiguous and left out for that key.
    """
    by_key: dict[str, dict[str, list[Observation]]] = defaultdict(lambda: defaultdict(list))
    for o in observations:
        by_key[o.key][o.article.id].append(o)
    found = {}
    for key, per_article in by_key.items():
        firsts = [
            obs[0]
            for obs in per_article.values()
            if all(same(obs[0].value, other.value) for other in obs[1:])
        ]
        if any(not same(a.value, b.value) for a, b in combinations(firsts, 2)):
            found[key] = firsts
    return found


def _findings(attribute: Attribute, observations: Iterable[Observation], same: Callable[[str, str], bool],
              subject: Callable[[list[Observation]], str]) -> list[Finding]:  # fmt: skip
    return [
        Finding(attribute, key, subject(obs), [_evidence(o.article, o.written, o.span) for o in obs])
        for key, obs in sorted(conflicts(observations, same).items())
    ]


# --- numbers ---------------------------------------------------------------------------------------

WORD_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero _ two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
    if word != "_"  # "one" is mostly a pronoun ("no one", "one of them"): never a count here
} | {w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
UNITS = {"percent": "percent", "per cent": "percent", "%": "percent", "$": "dollars", "€": "euros", "£": "pounds"}
# Words that never say what was counted: function words, auxiliaries, hedges, time words, and the
# generic nouns that differ between outlets ("12 injured" / "12 people were injured").
NUMBER_SKIP = frozenset(
    "a an the of to in on at for with by from as and or but is are was were be been being has have had "
    "who which that this these those it its their his her than more less least about nearly almost some "
    "around over under up down after before since during at per just only reportedly people persons "
    "individuals were also still now then yesterday today tonight tomorrow week weeks day days year years "
    "last first next other others another".split()
) | frozenset(_WEEKDAYS) | frozenset(_MONTHS)
COUNTED_WINDOW = 5  # words after a number in which to find what it counts
IRREGULAR_PARTICIPLES = frozenset("hurt dead missing left taken held seen shot hit caught stuck".split())

_TOKEN = re.compile(
    r"(?P<num>(?<![\w.,:/-])[$€£]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w:/]|[.,]\d)"
    r"|(?<![\w.,:/-])[$€£]?\d+(?:\.\d+)?(?![\w:/]|[.,]\d))"
    r"|(?P<word>[A-Za-z]+(?:['’-][A-Za-z]+)*)|(?P<pct>%)|(?P<stop>[^\w\s])"
)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.lastgroup or "stop", m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _word_value(word: str) -> int | None:
    """"forty", "twenty-five"; None for anything else."""
    parts = word.lower().split("-")
    if len(parts) == 2 and parts[0] in WORD_NUMBERS and WORD_NUMBERS[parts[0]] >= 20 and parts[1] in WORD_NUMBERS:
        return WORD_NUMBERS[parts[0]] + WORD_NUMBERS[parts[1]]
    return WORD_NUMBERS.get(parts[0]) if len(parts) == 1 else None


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.6g}"


def _is_date_part(tokens: list[_Token], i: int, value: float) -> bool:
    """Years, and day numbers next to a month name, count days rather than things."""
    near = [tokens[k].text.lower() for k in (i - 1, i + 1) if 0 <= k < len(tokens)]
    return (1900 <= value <= 2100 and float(value).is_integer()) or any(w in _MONTHS for w in near)


def _read_number(tokens: list[_Token], i: int) -> tuple[float, str, int] | None:
    """(value, unit, index after the number) for a number starting at token `i`."""
    token = tokens[i]
    unit = ""
    if token.kind == "num":
        digits = token.text
        if digits[0] in UNITS:
            unit, digits = UNITS[digits[0]], digits[1:]
        value: float = float(digits.replace(",", ""))
    elif token.kind == "word" and (word_value := _word_value(token.text)) is not None:
        value = word_value
    else:
        return None
    j = i + 1
    if j < len(tokens) and tokens[j].text.lower() in SCALES:
        value *= SCALES[tokens[j].text.lower()]
        j += 1
    if j < len(tokens) and tokens[j].text.lower() in ("percent", "%"):
        unit, j = "percent", j + 1
    elif j + 1 < len(tokens) and f"{tokens[j].text} {tokens[j + 1].text}".lower() == "per cent":
        unit, j = "percent", j + 2
    return value, unit, j


def _verb_like(word: str) -> bool:
    return word.endswith(("ed", "ing")) or word in IRREGULAR_PARTICIPLES


def _counted(tokens: list[_Token], after: int, before: int) -> tuple[list[str], int, int] | None:
    """What a number counts, as key words and the token range they cover: the noun after it and
    the verb that says what happened to it ("5 soldiers were killed"), else the verb before it
    ("killed at least 12")."""
    words: list[str] = []
    last = after - 1
    for k in range(after, min(after + COUNTED_WINDOW, len(tokens))):
        if tokens[k].kind != "word":
            break
        word = tokens[k].text.lower()
        if word in NUMBER_SKIP:
            continue
        if words and not _verb_like(word):
            break
        words.append(_stem(word))
        last = k
        if _verb_like(word):
            break
    if words:
        return words, before, last
    for k in range(before - 1, max(-1, before - 1 - COUNTED_WINDOW), -1):
        if tokens[k].kind != "word":
            break
        if tokens[k].text.lower() not in NUMBER_SKIP:
            return [_stem(tokens[k].text)], k, after - 1
    return None


def number_observations(article: Article) -> list[Observation]:
    """Every counted quantity in the article, keyed by what it counts."""
    tokens = _tokens(article.text)
    found = []
    for i in range(len(tokens)):
        read = _read_number(tokens, i)
        if read is None or (i > 0 and _read_number(tokens, i - 1) is not None):
            continue
        value, unit, after = read
        if _is_date_part(tokens, i, value) and not unit:
            continue
        counted = _counted(tokens, after, i)
        if counted is None:
            continue
        words, first, last = counted
        span = Span.of(article.text, tokens[first].start, tokens[last].end)
        written = article.text[tokens[i].start : tokens[after - 1].end]
        key = " ".join(([unit] if unit else []) + words)
        found.append(Observation(article, key, _format(value), written, span))
    return found


def _merge_partial_keys(observations: list[Observation]) -> list[Observation]:
    """"12 injured" and "21 injured in the blast" count one thing: a one-word key joins the longer
    key that starts with it, unless several longer keys compete for it."""
    longer: dict[str, set[str]] = defaultdict(set)
    for o in observations:
        words = o.key.split()
        if len(words) > 1:
            longer[" ".join(words[:-1])].add(o.key)
    return [
        Observation(o.article, next(iter(longer[o.key])), o.value, o.written, o.span)
        if len(longer.get(o.key, ())) == 1
        else o
        for o in observations
    ]


def _numbers(context: Context) -> list[Finding]:
    observations = [o for a in context.articles for o in number_observations(a)]
    observations = _merge_partial_keys(observations)

    def subject(obs: list[Observation]) -> str:
        first = obs[0]
        return first.span.text.replace(first.written, "", 1).strip() or first.key

    return _findings("number", observations, str.__eq__, subject)


# --- places and dates of events --------------------------------------------------------------------

# The venue and event vocabulary is the story clusterer's, so both stages agree on what a venue is.
EVENT_WORDS = re.compile(rf"\b(?:{_EVENT_WORD})\b", re.IGNORECASE)
# Words for one kind of event, folded so "met in Graz" and "the meeting in Vienna" compare.
EVENT_FORMS = dict.fromkeys(("met", "meet", "meetings", "minister", "ministers", "minister's"), "meeting") | dict.fromkeys(
    ("spoke", "speaking"), "speech"
)


def _event(word: str) -> str:
    return EVENT_FORMS.get(word.lower(), word.lower())


def place_observations(article: Article) -> list[Observation]:
    """Places named as where an event happened ("talks in Vienna"), keyed by the event word."""
    names = {e.id: e.name for e in article.entities.values()}
    found = []
    for mention in article.mentions:
        if mention.kind != "place":
            continue
        before = article.text[max(0, mention.span.start - _EVENT_CONTEXT_CHARS) : mention.span.start]
        venue = _VENUE_CONTEXT.search(before)
        if venue is None:
            continue
        event = EVENT_WORDS.match(venue.group()).group()  # type: ignore[union-attr] — the pattern starts with one
        value = normalise_text(names.get(mention.entity_id) or mention.span.text)
        found.append(Observation(article, _event(event), value, mention.span.text, mention.span))
    return found


def _same_place(a: str, b: str) -> bool:
    return places_overlap([a], [b])


def _sentences(article: Article) -> list[Span]:
    if article.sentences:
        return article.sentences
    bounds = [0, *(m.end() for m in re.finditer(r"[.!?][\"”’]?\s+(?=[\"“A-Z])", article.text)), len(article.text)]
    return [Span.of(article.text, s, e) for s, e in zip(bounds, bounds[1:], strict=False) if e > s]


def _date_values(article: Article, sentence: Span) -> list[tuple[str, int, int]]:
    """(comparable value, start, end) of each date in a sentence: ISO when the publication date
    resolves it, else the words as written, tagged by kind ("weekday:tuesday", "day:march 12")."""
    published = parse_published(article.published)
    readers = [("day", p, _explicit_dates) for p in _DATE_PATTERNS] + [("weekday", _WEEKDAY_OR_RELATIVE, _relative_dates)]
    found = []
    for kind, pattern, resolve in readers:
        for m in pattern.finditer(sentence.text):
            written = normalise_text(m.group())
            if resolved := resolve(m.group(), published):
                value = f"iso:{min(resolved).isoformat()}"
            elif kind == "day" or written in _WEEKDAYS:  # "yesterday" means nothing without a dateline
                value = f"{kind}:{written}"
            else:
                continue
            found.append((value, sentence.start + m.start(), sentence.start + m.end()))
    return found


def date_observations(article: Article) -> list[Observation]:
    """Dates given for an event in the same sentence, keyed by the nearest event word."""
    found = []
    for sentence in _sentences(article):
        events = [(sentence.start + m.start(), m.group()) for m in EVENT_WORDS.finditer(sentence.text)]
        if not events:
            continue
        for value, start, end in _date_values(article, sentence):
            _, word = min(events, key=lambda e: abs(e[0] - start))
            span = Span.of(article.text, start, end)
            found.append(Observation(article, _event(word), value, span.text, span))
    return found


def _same_date(a: str, b: str) -> bool:
    """Values of different kinds cannot be compared, so they never disagree."""
    return a == b or a.split(":", 1)[0] != b.split(":", 1)[0]


def _places(context: Context) -> list[Finding]:
    observations = [o for a in context.articles for o in place_observations(a)]
    return _findings("place", observations, _same_place, lambda obs: f"where the {obs[0].key} took place")


def _dates(context: Context) -> list[Finding]:
    observations = [o for a in context.articles for o in date_observations(a)]
    return _findings("date", observations, _same_date, lambda obs: f"when the {obs[0].key} took place")


# --- names -----------------------------------------------------------------------------------------


def _fold(word: str) -> str:
    """Case, accents and possessives are typography, not spelling."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).rstrip(".")


def name_parts(form: str) -> tuple[str | None, str] | None:
    """(first name, surname) as written; None for role phrases and title-only forms."""
    words: list[str] = []
    for word in reversed(name_words(form)):  # the name is the trailing run of capitalised non-titles
        if not word[0].isupper() or word.lower().rstrip(".") in TITLES:
            break
        words.insert(0, word)
    if not words:
        return None
    first = words[-2] if len(words) > 1 and len(words[-2].rstrip(".")) > 1 else None
    return first, words[-1]


def _variant(a: str, b: str) -> bool:
    """Two spellings of one name part: close, and not a nickname of each other."""
    fa, fb = _fold(a), _fold(b)
    if fa == fb or NICKNAMES.get(fa, fa) == NICKNAMES.get(fb, fb):
        return False
    return damerau_levenshtein(fa, fb) <= max(2, min(len(fa), len(fb)) // 4)


def _locate(article: Article, entity_id: str, form: str) -> Span | None:
    for mention in article.mentions:
        if mention.entity_id == entity_id and mention.span.text == form:
            return mention.span
    start = article.text.find(form)
    return Span.of(article.text, start, start + len(form)) if start >= 0 else None


def _name_findings(entity: Entity, by_id: Mapping[str, Article], order: dict[str, int]) -> list[Finding]:
    spellings: dict[str, dict[str, dict[str, tuple[str, Span]]]] = {"first": {}, "surname": {}}
    for form, article_ids in sorted(entity.aliases.items()):
        parts = name_parts(form)
        if parts is None:
            continue
        for article_id in sorted(article_ids & by_id.keys(), key=order.__getitem__):
            span = _locate(by_id[article_id], entity.id, form)
            if span is None:
                continue
            for part, written in zip(("first", "surname"), parts, strict=True):
                if written is None:
                    continue
                seen = spellings[part].setdefault(_fold(written), {})
                if article_id not in seen or span.start < seen[article_id][1].start:
                    seen[article_id] = (form, span)
    findings = []
    for part, by_spelling in spellings.items():
        variants = [s for s in by_spelling if any(_variant(s, o) for o in by_spelling if o != s)]
        if not variants:
            continue
        evidence = [
            _evidence(by_id[aid], form, span)
            for spelling in variants
            for aid, (form, span) in sorted(by_spelling[spelling].items(), key=lambda kv: order[kv[0]])
        ]
        findings.append(Finding("name", f"{entity.id}:{part}", entity.name, evidence))
    return findings


def _names(context: Context) -> list[Finding]:
    by_id = {a.id: a for a in context.articles}
    order = publication_order(context.articles)
    return [
        finding
        for entity in sorted(context.entities.values(), key=lambda e: e.id)
        if entity.kind == "person"
        for finding in _name_findings(entity, by_id, order)
    ]


# --- statements: misquotes and speakers ------------------------------------------------------------


def _statements(context: Context) -> dict[str, tuple[Article, Statement]]:
    return {s.id: (a, s) for a in context.articles for s in a.statements}


def _quotes(context: Context) -> list[Finding]:
    statements = _statements(context)
    findings = []
    for group in context.groups:
        if not group.misquoted:
            continue
        quotes = [statements[i] for i in group.statement_ids if i in statements and statements[i][1].kind == "direct"]
        correct = [(a, s) for a, s in quotes if s.id not in group.misquoted]
        wrong = [(a, s) for a, s in quotes if s.id in group.misquoted]
        if not correct or not wrong:
            continue
        speaker = f"{group.speaker.name}: " if group.speaker else ""
        evidence = [_evidence(a, s.content.text, s.content) for a, s in correct + wrong]
        findings.append(Finding("quote", group.id, speaker + shorten(correct[0][1].content.text), evidence))
    return findings


def _speakers(context: Context) -> list[Finding]:
    statements = _statements(context)
    findings = []
    for group in context.groups:
        credited = [statements[i] for i in group.statement_ids if i in statements and statements[i][1].speaker]
        if len({s.speaker.id for _, s in credited if s.speaker}) < 2:
            continue
        evidence = [
            _evidence(a, s.speaker.name, s.source or s.cue) for a, s in credited if s.speaker is not None
        ]
        findings.append(Finding("speaker", group.id, shorten(credited[0][1].content.text), evidence))
    return findings


FINDERS: dict[Attribute, Callable[[Context], list[Finding]]] = {
    "name": _names,
    "number": _numbers,
    "place": _places,
    "date": _dates,
    "quote": _quotes,
    "speaker": _speakers,
}


def find_discrepancies(
    articles: Sequence[Article],
    groups: Sequence[StatementGroup],
    entities: Mapping[str, Entity],
    *,
    story_id: str | None = None,
    storyline_id: str | None = None,
) -> list[Discrepancy]:
    """Every attribute the given articles report differently; ids are stable for the same scope and facts."""
    context = Context(articles, groups, entities)
    scope = (story_id or "", storyline_id or "")
    found = [
        Discrepancy(
            id=stable_id(f.attribute, f.key, *scope, prefix="d"),
            attribute=f.attribute,
            subject=f.subject,
            evidence=f.evidence,
            story_id=story_id,
            storyline_id=storyline_id,
        )
        for finder in FINDERS.values()
        for f in finder(context)
    ]
    return sorted(found, key=lambda d: (d.attribute, d.id))
