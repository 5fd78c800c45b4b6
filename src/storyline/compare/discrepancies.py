"""Discrepancies: one fact reported with different values by the outlets covering it.

Each attribute has its own finder (a table, not a chain of ifs). Values are read with rules that
prefer silence to a false alarm: a quantity or venue an article itself states two ways is
ambiguous and skipped, and values that cannot be compared (a weekday against a calendar date
with no publication date to resolve it) are never called different.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from calendar import monthrange
from datetime import date
from difflib import SequenceMatcher
from itertools import combinations

from storyline.analysis.confidence import SHOWN_CONFIDENCE
from storyline.analysis.lexicon import CUE_VERBS, PRONOUN_KINDS, SPEECH_NOUNS
from storyline.analysis.names import (
    NICKNAMES,
    TITLES,
    compatible_first_names,
    damerau_levenshtein,
    name_words,
    similar_word,
    split_suffix,
)
from storyline.compare.quantities import FUNCTION_WORDS, Quantity, consistent, fold_predicate, noun_stem, quantities
from storyline.model import (
    Article,
    Attribute,
    Discrepancy,
    Entity,
    Evidence,
    Speaker,
    Span,
    Statement,
    StatementGroup,
    normalise_text,
    stable_id,
)
from storyline.relate.alignment import (
    STOPWORDS,
    PublicationKey,
    differing_words,
    folded,
    one_passage,
    publication_key,
    quoted_parts,
    quoted_text,
    wording,
)
from storyline.relate.events import (
    DATE_PATTERNS,
    EVENT_WORDS,
    MONTHS,
    WEEKDAY_OR_RELATIVE,
    WEEKDAYS,
    clause_before,
    event_form,
    explicit_dates,
    looks_ahead,
    relative_dates,
    venue_event,
)
from storyline.relate.features import parse_published
from storyline.relate.stories import places_overlap
from storyline.relate.union_find import UnionFind

SUBJECT_CHARS = 60
QUOTE_CONTEXT_WORDS = 4  # words shown either side of a changed wording
DATE_EVENT_WORDS = 5  # words allowed between an event word and its date ("talks ended in Vienna on")


@dataclass(frozen=True, slots=True)
class Finding:
    """A discrepancy before it is placed in a story or storyline: `key` makes its id stable."""

    attribute: Attribute
    key: str
    subject: str
    evidence: list[Evidence]
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Observation:
    """One article stating one value for one thing (`key`), at `span`."""

    article: Article
    key: str
    value: str
    written: str
    span: Span
    label: str = ""  # what was observed, for a finding's subject
    number_first: bool = False  # the label reads as a sentence ("40 people were evacuated")
    role: str = ""  # for a number, what happened to the counted ("evacuat"); "" when the text does not say
    quantity: Quantity | None = None  # for a number, what its words allow
    context: frozenset[str] = frozenset()  # for a number, the other words of its sentence
    years: frozenset[int] = frozenset()  # for a number, the years its sentence speaks of
    names: frozenset[str] = frozenset()  # for a number or date, the capitalised words of its sentence (whose, where, when)
    shared_event: bool = False  # for a date, keyed by a word many occasions of a story share ("apologized")
    guessed: bool = False  # for a date, keyed by the headline's event, its own clause naming none
    doers: frozenset[str] = frozenset()  # for a deed's date ("Brenner died Saturday"), the names before it: who


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


def _sure(observations: list[Observation]) -> float:
    return 1.0


def _findings(attribute: Attribute, observations: Iterable[Observation], same: Callable[[str, str], bool],
              subject: Callable[[list[Observation]], str],
              confidence: Callable[[list[Observation]], float] = _sure) -> list[Finding]:  # fmt: skip
    return [
        Finding(attribute, key, subject(obs), [_evidence(o.article, o.written, o.span) for o in obs], confidence(obs))
        for key, obs in sorted(conflicts(observations, same).items())
    ]


# --- numbers ---------------------------------------------------------------------------------------


def number_observations(article: Article) -> list[Observation]:
    """Every counted quantity in the article, keyed by what it counts and what happened to it."""
    sentences = _sentences(article)
    found = []
    for q in quantities(article.text):
        sentence = next((s for s in sentences if s.start <= q.start < s.end), Span.of(article.text, q.start, q.end))
        around = article.text[sentence.start : q.start] + " " + article.text[q.end : sentence.end]
        span = Span.of(article.text, q.start, q.end)
        found.append(Observation(article, q.key, q.formatted, q.shown, span, q.label, q.predicate_after, q.predicate, q,
                                 _context_words(around), period(around, parse_published(article.published)),
                                 _name_words(around)))  # fmt: skip
    return found


YEAR = r"(?:1[89]|20)\d\d"
YEAR_RANGE = re.compile(rf"\b({YEAR})\s*(?:to|through|until|and|-|–)\s*({YEAR})\b")
SINCE_YEAR = re.compile(rf"\bsince ({YEAR})\b")
RELATIVE_YEARS = {"last year": -1, "this year": 0, "next year": 1}


def period(text: str, published: date | None) -> frozenset[int]:
    """The years a sentence speaks of: named years, ranges in full ("from 2007 to 2014", "since 2007"
    up to the publication year) and, against the publication date, "last year"."""
    text = text.lower()
    years: set[int] = set()
    for m in YEAR_RANGE.finditer(text):
        years.update(range(int(m[1]), int(m[2]) + 1))
    if published is not None:
        for m in SINCE_YEAR.finditer(text):
            years.update(range(int(m[1]), published.year + 1))
        years.update(published.year + shift for words, shift in RELATIVE_YEARS.items() if words in text)
    years.update(int(y) for y in re.findall(rf"\b{YEAR}\b", YEAR_RANGE.sub(" ", text)))
    return frozenset(years)


AGE = re.compile(r"\b(\d{1,3})\s*-?\s*years?\s*-?\s*old\b", re.IGNORECASE)


def _name_words(text: str) -> frozenset[str]:
    """The capitalised words of a sentence but its first, folded as `_context_words` folds them, and the
    ages it gives ("a 36-year-old climber"): like a name, an age tells whom a sentence is about."""
    return _context_words(" ".join(re.findall(r"\b[A-Z]\w+(?:['’]s)?", text.strip().partition(" ")[2]))) | _ages(text)


def _ages(text: str) -> frozenset[str]:
    return frozenset(f"aged {m[1]}" for m in AGE.finditer(text))


def _context_words(text: str) -> frozenset[str]:
    """The words that tell one count from another of the same kind: what, whose, when ("federal",
    "taxes", "2007"), folded for case, possessive and plural; function words left out."""
    words = (w.lower().replace("’", "'").removesuffix("'s") for w in re.findall(r"\w+(?:['’]\w+)?", text))
    return frozenset(noun_stem(w) for w in words if w not in FUNCTION_WORDS and w not in STOPWORDS and not w[0].isdigit())


def _merge_partial_keys(observations: list[Observation]) -> list[Observation]:
    """"12 were wounded" and "Five soldiers were wounded" may count one thing: a key without a noun
    joins the one longer key with its predicate, and one without a predicate ("50,000 pages") the one
    with its noun ("55,000 pages received"), unless several longer keys compete for it."""
    longer: dict[str, set[str]] = defaultdict(set)
    for o in observations:
        words = o.key.split()
        if len(words) > 1:
            longer[" ".join(words[1:])].add(o.key)
            longer[" ".join(words[:-1])].add(o.key)
    return [
        replace(o, key=next(iter(longer[o.key])))
        if len(longer.get(o.key, ())) == 1
        else o
        for o in observations
    ]


def _numbers(context: Context) -> list[Finding]:
    observations = _merge_partial_keys([o for a in context.articles for o in number_observations(a)])

    def subject(obs: list[Observation]) -> str:
        """The label of a report that puts the number first ("40 people were evacuated") reads best."""
        best = max(obs, key=lambda o: (o.number_first, min(len(o.label.split()), 3)))
        return best.label or best.key

    by_key: dict[str, dict[str, list[Observation]]] = defaultdict(lambda: defaultdict(list))
    given: dict[tuple[str, str], list[Quantity]] = defaultdict(list)  # (article, counted noun): its figures
    for o in observations:
        by_key[o.key][o.article.id].append(o)
        if o.quantity and o.quantity.noun:
            given[(o.article.id, o.quantity.noun)].append(o.quantity)
    findings = []
    for key, per_article in sorted(by_key.items()):
        counts = [c for c in _counts(list(per_article.values())) if not _same_figures(c) and not _each_gives_both(c, given)]
        for count in counts:
            name = key if len(counts) == 1 else f"{key}@{count[0].article.id}:{count[0].span.start}"
            evidence = [_evidence(o.article, o.written, o.span) for o in count]
            findings.append(Finding("number", name, subject(count), evidence, _number_confidence(count)))
    return findings


def _each_gives_both(count: list[Observation], given: dict[tuple[str, str], list[Quantity]]) -> bool:
    """Do the outlets each print the other's figure of the counted noun too ("Lind scored 14 points and
    Berg 11"; "Berg scored 11 points, Lind 14")? Then they disagree at most on whose figure is whose,
    which the words around a number do not tell reliably."""

    def gives(a: Observation, b: Observation) -> bool:
        noun = a.quantity.noun if a.quantity else ""
        return bool(noun and b.quantity and any(consistent(q, b.quantity) for q in given[(a.article.id, noun)]))

    differing = [(a, b) for a, b in combinations(count, 2) if not _consistent(a, b)]
    return bool(differing) and all(gives(a, b) and gives(b, a) for a, b in differing)


def _consistent(a: Observation, b: Observation) -> bool:
    return consistent(a.quantity, b.quantity) if a.quantity and b.quantity else a.value == b.value


def _same_figures(count: list[Observation]) -> bool:
    return all(_consistent(a, b) for a, b in combinations(count, 2))


# Sentences that give one count of one event share words beyond the count's own noun and verb: whose,
# of what ("the couple paid $43.9 million in federal taxes"). Two outlets' sentences about different
# counts of one kind share fewer.
SAME_COUNT_WORDS = 3
# Counts of different periods are different counts ("$10 million in 2013", "$141 million from 2007 to
# 2014"): when both sentences name years, most of them must be shared.
SAME_PERIOD = 0.5


def _shared_context(a: Observation, b: Observation) -> int:
    """Words two counts' sentences share; -1 when they speak of different periods or different sorts
    of one thing ("an effective tax rate", "a combined rate")."""
    if a.years and b.years and len(a.years & b.years) < SAME_PERIOD * len(a.years | b.years):
        return -1
    kinds_a, kinds_b = (o.quantity.kind_words if o.quantity else frozenset() for o in (a, b))
    if kinds_a and kinds_b and not kinds_a & kinds_b:
        return -1
    return len(a.context & b.context)


def _anchored(a: Observation, b: Observation) -> bool:
    """Do two counts' sentences share whose or when it is: a name or a year. Shared common words alone
    ("paid an effective tax rate") fit anyone's figure."""
    return bool(a.names & b.names or a.years & b.years)


def _closeness(a: Observation, b: Observation) -> float:
    low, high = sorted((abs(float(a.value)), abs(float(b.value))))
    return low / high if high else 1.0


def _counterparts(mine: list[Observation], theirs: list[Observation]) -> list[tuple[Observation, Observation]]:
    """Which counts of one kind in two articles are one count.

    When each article gives the kind one figure, the two figures are one count (unless they are of
    different years). When an article gives several ("earned $139 million from 2007 to 2014"; "earned
    nearly $10 million in 2013"), a count is paired with the other article's count whose sentence
    shares most words with its own, if that one's best is it in turn and they share enough. A figure the
    other article also gives is its counterpart before any: an outlet that prints the same 352 yards does
    not contradict it because another of its sentences, on another player, gives 226. Two sentences
    that give one figure and say alike what happened need not also share a name or a year ("injuring
    five people and damaging buildings" on "an island off Iran's coast" and "on Qeshm island").
    """
    if _same_figures(mine) and _same_figures(theirs):
        return [(mine[0], theirs[0])] if _shared_context(mine[0], theirs[0]) >= 0 else []

    def best(o: Observation, others: list[Observation]) -> Observation:
        return max(others, key=lambda other: (_consistent(o, other), _shared_context(o, other), _closeness(o, other)))

    pairs = []
    for o in mine:
        other = best(o, theirs)
        told_alike = _shared_context(o, other) >= SAME_COUNT_WORDS
        if best(other, mine) is o and told_alike and (_anchored(o, other) or _consistent(o, other)):
            pairs.append((o, other))
    return pairs


def _counts(per_article: list[list[Observation]]) -> list[list[Observation]]:
    """The articles' counts of one kind gathered into counts of one thing, one figure per article
    (its first): the counterparts of `_counterparts`, chained across articles. An article that gives
    the count two inconsistent figures means the one another article also gives (the other, an earlier
    quake's injured, was chained in through a third article); when none or both are, the count is left
    out: which one it means cannot be told."""
    forest: UnionFind[int] = UnionFind()
    observed = {id(o): o for obs in per_article for o in obs}
    of_article = {obs[0].article.id: obs for obs in per_article if obs}
    order = {id(o): (index, o.span.start) for index, obs in enumerate(per_article) for o in obs}
    for mine, theirs in combinations(per_article, 2):
        for a, b in _counterparts(mine, theirs):
            forest.union(id(a), id(b))
    counts = []
    for group in forest.groups().values():
        by_article: dict[str, list[Observation]] = defaultdict(list)
        for o in sorted((observed[i] for i in group), key=lambda o: order[id(o)]):
            by_article[o.article.id].append(o)
        meant = {article: _meant(obs, by_article) for article, obs in by_article.items()}
        if len(by_article) > 1 and all(meant.values()):
            counts.append([_shown(obs[0], of_article[article]) for article, obs in meant.items()])
    return sorted(counts, key=lambda c: order[id(c[0])])


def _shown(figure: Observation, article_figures: list[Observation]) -> Observation:
    """Where the article gives the figure first outside the headline it opens with: a headline's "Five
    Wounded" shows less of what was counted than its body's sentence."""
    first_line = figure.article.text.split("\n", 1)[0]
    titled = bool(figure.article.title) and normalise_text(first_line) == normalise_text(figure.article.title or "")
    if not titled or figure.span.start >= len(first_line):
        return figure
    return next((o for o in article_figures if o.span.start >= len(first_line) and _consistent(o, figure)), figure)


def _meant(obs: list[Observation], by_article: dict[str, list[Observation]]) -> list[Observation]:
    """An article's figures of a count, or those of them another article also gives when they disagree."""
    if _same_figures(obs):
        return obs
    others = [o for article, figures in by_article.items() if article != obs[0].article.id for o in figures]
    agreed = [o for o in obs if any(_consistent(o, other) for other in others)]
    return agreed if agreed and _same_figures(agreed) else []


# Outlets that disagree about one count mostly disagree by a little (55,000 pages against 50,000), or
# one outlet stands against others that agree (400 evacuated where four say 40). Two lone numbers
# further apart than this mostly count different things under one verb ("raised $200,000", another
# candidate "raised $5.4 million"), and a count whose role the text does not give ("60 votes"
# needed, "51 votes" won) may be another count of the same noun unless the sentences agree on what
# it is: both are kept but not shown unless asked for.
CLOSE_NUMBERS = 2.0
UNSURE_NUMBER_CONFIDENCE = 0.3


def _number_confidence(observations: list[Observation]) -> float:
    values = [abs(float(o.value)) for o in observations]
    low, high = min(values), max(values)
    agreed = any(_consistent(a, b) for a, b in combinations(observations, 2))
    sure = _one_count(observations) and (agreed or (low > 0 and high / low <= CLOSE_NUMBERS))
    return 1.0 if sure else UNSURE_NUMBER_CONFIDENCE


def _one_count(observations: list[Observation]) -> bool:
    """Are the figures surely of one count: the text gives each its role ("received"), or their
    sentences say alike of what, whose or when it is, which a count of another role would not."""
    return all(o.role for o in observations) or all(_same_count(a, b) for a, b in combinations(observations, 2))


def _same_count(a: Observation, b: Observation) -> bool:
    return _shared_context(a, b) >= SAME_COUNT_WORDS and _anchored(a, b)


# --- places and dates of events --------------------------------------------------------------------


def place_observations(article: Article) -> list[Observation]:
    """Places asserted as where this event happened ("the talks in Vienna"), keyed by the event word."""
    names = {e.id: e.name for e in article.entities.values()}
    found = []
    for mention in article.mentions:
        if mention.kind != "place" or (event := venue_event(article.text, mention.span.start)) is None:
            continue
        value = normalise_text(names.get(mention.entity_id) or mention.span.text)
        found.append(Observation(article, event_form(event), value, mention.span.text, mention.span))
    return found


def _same_place(a: str, b: str) -> bool:
    return places_overlap([a], [b])


# Where someone died, finer than a town: "died on Monday at his home", "died Dec. 30 at a hospital". Forms of
# one setting are folded ("house" is "home", "jail" is "prison"); a setting that is part of a longer noun
# ("died in the house fire") and "the scene" (which may be the home) are none.
SETTINGS = dict.fromkeys(("home", "house", "residence", "apartment"), "home") | dict.fromkeys(("prison", "jail"), "prison") | {
    "hospital": "hospital", "hospice": "hospice"}
DEATH = r"\b(?:died|dies|passed away|was pronounced dead)\b"
DEATH_SETTING = re.compile(
    rf"{DEATH}(?:\s+[\w.]+){{0,3}}?\s+(?P<where>(?:at|in)\s+"
    rf"(?:(?:his|her|their|a|an|the)\s+)?(?:[A-Za-z]+\s+)?(?P<setting>{'|'.join(SETTINGS)}))\b(?=\s*[,.;]|\s+(?:in|on|near|after|of|where|with|and|following)\b)"
)
DEATH_KEY = "death"


def setting_observations(article: Article) -> list[Observation]:
    """Where an article says someone died, with who (the names before it in its sentence, since any death
    before it): a home is not a hospital. Only said of the same person is it one fact (`_same_death`)."""
    found = []
    for sentence in _sentences(article):
        text = sentence.text
        for m in DEATH_SETTING.finditer(text):
            span = Span.of(article.text, sentence.start + m.start("where"), sentence.start + m.end("where"))
            found.append(Observation(article, DEATH_KEY, SETTINGS[m["setting"]], span.text, span,
                                     doers=_doers(re.split(DEATH, text[: m.start()])[-1])))  # fmt: skip
    return found


def _same_death(observations: list[Observation]) -> bool:
    """Do all the articles' settings of a death name one person: a story may tell of several deaths."""
    return all(a.doers & b.doers for a, b in combinations(observations, 2))


# A street address by its block: "in the 12500 block of East 223rd Street". Two outlets' blocks of one street
# are two places; a compass word, an abbreviated street word and a thousands comma are folded ("the 12,500 block of
# 223rd St." is "the 12500 block of East 223rd Street").
STREET_WORD = r"(?:[A-Z][\w.]*|\d+(?:st|nd|rd|th))"
BLOCK = re.compile(rf"(?<![\w.,])(?P<block>\d{{1,3}}(?:,\d{{3}})+|\d{{2,6}})\s+block\s+of\s+(?P<street>{STREET_WORD}(?:\s+{STREET_WORD})*)")
STREET_FOLDS = dict.fromkeys(("east", "west", "north", "south", "e", "w", "n", "s"), "") | {
    "st": "street", "ave": "avenue", "rd": "road", "blvd": "boulevard", "dr": "drive"}
# Where someone lives is not where the deed was: "Lind, who lived in the 300 block of Elm Street".
RESIDENCE = re.compile(r"\b(?:lives?|lived|living|resides?|resided|residents?|residence|home)\b", re.IGNORECASE)
RESIDENCE_WORDS = 6  # words before a block read for a residence


def block_observations(article: Article) -> list[Observation]:
    """Blocks of a street an article places something in, but a home, keyed by the street."""
    found = []
    for m in BLOCK.finditer(article.text):
        if RESIDENCE.search(" ".join(clause_before(article.text, m.start()).split()[-RESIDENCE_WORDS:])):
            continue
        words = (w.lower().rstrip(".") for w in m["street"].split())
        street = " ".join(folded for w in words if (folded := STREET_FOLDS.get(w, w)))
        span = Span.of(article.text, m.start(), m.end())
        found.append(Observation(article, f"block of {street}", m["block"].replace(",", ""), span.text, span))
    return found


def _sentences(article: Article) -> list[Span]:
    if article.sentences:
        return article.sentences
    bounds = [0, *(m.end() for m in re.finditer(r"[.!?][\"”’]?\s+(?=[\"“A-Z])", article.text)), len(article.text)]
    return [Span.of(article.text, s, e) for s, e in zip(bounds, bounds[1:], strict=False) if e > s]


def _date_values(article: Article, sentence: Span) -> list[tuple[str, int, int]]:
    """(comparable value, start, end) of each date in a sentence, in reading order: ISO when the
    publication date resolves it, else the words as written, tagged by kind ("weekday:tuesday",
    "day:march 12"). A date inside quoted words is left out: a speaker's "today" is the day they spoke."""
    published = parse_published(article.published)
    readers = [("day", p, explicit_dates) for p in DATE_PATTERNS] + [("weekday", WEEKDAY_OR_RELATIVE, relative_dates)]
    found = []
    for kind, pattern, resolve in readers:
        for m in pattern.finditer(sentence.text):
            written = normalise_text(m.group())
            if _quoted(article.text, sentence.start + m.start()):
                continue
            if resolved := resolve(m.group(), published):
                value = f"iso:{min(resolved).isoformat()}"
            elif kind == "day" or written in WEEKDAYS:  # "yesterday" means nothing without a dateline
                value = f"{kind}:{written}"
            else:
                continue
            found.append((value, sentence.start + m.start(), sentence.start + m.end()))
    periods = [(m, month_period(m, published, looks_ahead(sentence.text, 0))) for m in MONTH_PERIOD.finditer(sentence.text)]
    periods += [(m, relative_period(m, published)) for m in RELATIVE_PERIOD.finditer(sentence.text)]
    for m, span in periods:
        if span is not None and not _quoted(article.text, sentence.start + m.start()):
            found.append((f"span:{span[0].isoformat()}:{span[1].isoformat()}", sentence.start + m.start(), sentence.start + m.end()))
    return sorted(found, key=lambda found: found[1])


# A period named against the publication date: "earlier this month", "last year". Not "last week": a
# story of this week's debate names last week's debate so, an occasion of another week.
RELATIVE_PERIOD = re.compile(r"\b(?:(?P<part>earlier|later)\s+this|(?P<which>this|last))\s+(?P<unit>month|year)\b", re.IGNORECASE)


def relative_period(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    """The days a relative period allows against the publication date; "earlier this month" ends with
    it, "later this month" begins with it."""
    if published is None:
        return None
    unit, last = m["unit"].lower(), (m["which"] or "").lower() == "last"
    if unit == "month":
        year, month = (published.year, published.month - 1) if last and published.month > 1 else (
            (published.year - 1, 12) if last else (published.year, published.month))  # fmt: skip
        span = date(year, month, 1), date(year, month, monthrange(year, month)[1])
    else:
        year = published.year - last
        span = date(year, 1, 1), date(year, 12, 31)
    part = (m["part"] or "").lower()
    return (span[0], published) if part == "earlier" else (published, span[1]) if part == "later" else span


_MONTH_NAMES = "|".join(name.capitalize() for name in sorted(MONTHS, key=len, reverse=True) if len(name) > 3 or name == "may")
# A month, or part of one, with no day: "in mid May", "in early March 2013", "late June". A bare "May" is
# mostly the verb; a month followed by a day is a calendar date, read above.
MONTH_PERIOD = re.compile(
    rf"\b(?:in\s+(?:(?P<part>early|mid|late)[\s-]+)?|(?P<part2>early|mid|late)[\s-]+)(?P<month>{_MONTH_NAMES})\b"
    rf"(?!\.?\s+\d{{1,2}}\b)(?:,?\s+(?P<y>(?:19|20)\d\d))?"
)
# The days of a month each part allows, generously: "mid May" and "May 14" may be one day.
MONTH_PARTS = {"early": (1, 15), "mid": (8, 23), "late": (16, 31), None: (1, 31)}


def month_period(m: re.Match[str], published: date | None, ahead: bool = False) -> tuple[date, date] | None:
    """The days a month period allows. Without a year, news reports the past: the month's latest
    occurrence begun by publication; in a sentence that looks ahead, its next one not yet over."""
    month = MONTHS[m["month"].lower()]
    if m["y"]:
        year = int(m["y"])
    elif published is not None:
        this_month = (published.year, published.month)
        year = published.year + (1 if ahead and (published.year, month) < this_month else 0)
        year -= 1 if not ahead and (published.year, month) > this_month else 0
    else:
        return None
    first, last = MONTH_PARTS[m["part"] or m["part2"]]
    return date(year, month, first), date(year, month, min(last, monthrange(year, month)[1]))


def _interval(value: str) -> tuple[date, date] | None:
    """The days a comparable date value allows: one for a calendar day, several for a month's part."""
    kind, _, rest = value.partition(":")
    if kind == "iso":
        day = date.fromisoformat(rest)
        return day, day
    if kind == "span":
        first, last = rest.split(":")
        return date.fromisoformat(first), date.fromisoformat(last)
    return None


def _quoted(text: str, start: int) -> bool:
    """Is `start` inside quotation marks opened earlier in its paragraph?"""
    opened = text[text.rfind("\n", 0, start) + 1 : start]
    return opened.count("“") > opened.count("”") or opened.count('"') % 2 == 1


# Words for what was done on a day, beyond the gatherings of `EVENT_WORDS`: "apologized on Friday",
# "the debate on Tuesday", "A staffer on Friday resigned". Folded to one form per occasion so tenses
# compare. Many people apologize or vote in one story, so a date keyed by one of these conflicts
# with another only when the two sentences say alike whose it is (`_same_occasion`), and the word
# must stand next to its date: in "an interview since being named Saturday" the day is the naming's.
# An announcement is a statement: its date is compared only with the same statement's.
OCCASION_FORMS = {
    "apolog": "apology", "resign": "resignation", "debate": "debate", "vote": "vote", "voting": "vote",
    "endors": "endorsement", "veto": "veto", "indict": "indictment",
    "arrest": "arrest", "testif": "testimony", "testimony": "testimony", "plead": "plea", "interview": "interview",
    "sworn": "swearing-in", "appoint": "appointment", "nominat": "nomination", "elect": "election",
    "publish": "publication",  # "an interview published Sunday"
    "pass": "vote",  # "the resolution passed Tuesday" is the vote on it
    "quit": "resignation", "left": "resignation",  # "left" only for a post: see OCCASION_WORDS
}  # fmt: skip
OCCASION_WORDS = re.compile(
    r"\b(?:apolog\w*|resign(?:s|ed|ing|ation)?|debat(?:e|es|ed|ing)|vot(?:e|es|ed|ing)|endors\w*|"
    r"veto(?:es|ed|ing)?|indict\w*|arrest(?:s|ed|ing)?|testif\w*|testimony|plead(?:s|ed|ing)?|interview(?:s|ed)?|"
    r"sworn|appoint(?:s|ed|ing|ment)?|nominat\w*|elect(?:s|ed|ion)?|publish(?:es|ed|ing)?|pass(?:es|ed|ing|age)?|quit(?:s|ting)?|"
    r"left(?=\s+(?:\w+\s+){0,2}(?:post|job|office|administration|position|cabinet|government|company|firm)\b))\b",
    re.IGNORECASE,
)
LEADING_OCCASION_WORDS = 4  # "On Wednesday, the House voted": the date, then the subject, then its occasion
LEADING_DEED_WORDS = 8  # "Yesterday, a 36-year-old climber died": the day, who, and the deed
OCCASION_GAP = 2  # words between an occasion word and its date ("pleaded guilty on Wednesday", "on Friday formally apologized")
PRESENT = frozenset({"is", "are"})  # "the election is Thursday" is next Thursday's, not last
# Words not counted in an occasion's gap: "passing a resolution on Tuesday" is one word from its day.
GAP_FILLERS = frozenset({"a", "an", "the", "on"})


def occasion_form(word: str) -> str:
    """The folded occasion word that keys a date: "apologized" and "apology" are one."""
    word = word.lower()
    return next((form for stem, form in OCCASION_FORMS.items() if word.startswith(stem)), word)


@dataclass(frozen=True, slots=True)
class DateEvent:
    """What a date dates: the folded event word, and whether that word names one occasion per
    story (a summit, talks) or one many people share (an apology, a vote)."""

    key: str
    shared: bool
    subject: str = ""  # for a deed a leading day dates, the words between them: who did it


def _event_words(text: str) -> list[tuple[int, int, DateEvent]]:
    """Event and occasion words of `text`: (start, end, what they name), in reading order."""
    found = [(m.start(), m.end(), DateEvent(event_form(m.group()), False)) for m in EVENT_WORDS.finditer(text)
             if m.group() != "Congress"]  # the legislature, not a party congress  # fmt: skip
    found += [(m.start(), m.end(), DateEvent(occasion_form(m.group()), True)) for m in OCCASION_WORDS.finditer(text)]
    found += [(m.start(), m.end(), DateEvent(_ballot(m.group()), False)) for m in BALLOT_WORDS.finditer(text)]
    return sorted(found, key=lambda found: found[0])


# Ballots a race has one of each ("the primary would be held on April 30", "primaries in mid May").
BALLOT_WORDS = re.compile(r"\b(?:primary|primaries|runoff|runoffs|caucus|caucuses)\b", re.IGNORECASE)
# Verbs that say an event took place without saying which: "the primary would be held on April 30" dates the primary.
GENERIC_EVENTS = frozenset({"held", "hosted", "convened"})
GENERIC_LEAD = 3  # words between the event a generic verb stands for and the verb ("primary would be held")


def _ballot(word: str) -> str:
    word = word.lower()
    return "primary" if word.startswith("primar") else word.removesuffix("es") if word.startswith("caucus") else word.removesuffix("s")


def _dated_event(clause: str, events: list[tuple[int, int, DateEvent]]) -> tuple[int, DateEvent]:
    """The event a date near the last event word of its clause belongs to: that word, or for a generic verb
    ("held") the event it says took place, named just before it."""
    start, _, event = events[-1]
    if event.key in GENERIC_EVENTS and len(events) > 1:
        before_start, before_end, before = events[-2]
        if not before.shared and len(clause[before_end:start].split()) <= GENERIC_LEAD:
            return before_start, before
    return start, event


def date_event(article: Article, sentence: Span, start: int, end: int | None = None) -> DateEvent | None:
    """What a date belongs to: an event word shortly before it in the same clause ("the summit
    opened on Monday"), a verb right after it ("A staffer on Friday apologized"), or the clause after
    a leading "On Monday,". A date further away, or in a clause that looks ahead, is another event's
    ("injured in the fire on 2 March")."""
    clause = clause_before(article.text, start, start - sentence.start)
    if (events := _event_words(clause)) and _near(clause[events[-1][1] :], events[-1][2]):
        event_start, event = _dated_event(clause, events)
        if not looks_ahead(clause, event_start):
            return event
        # the date an event is set for: compared only with other dates it is set for, and only for an
        # event a story has one of (many people will vote or resign)
        return None if event.shared else DateEvent(f"{NEXT_KEY}{event.key}", False)
    if end is not None:
        after = re.split(r"[,;:.!?]", article.text[end : sentence.end], maxsplit=1)[0]
        following = [e for e in _event_words(after) if e[2].shared and _near(after[: e[0]], e[2])]
        if following and not looks_ahead(clause + after, len(clause)):
            return following[0][2]
    opening = article.text[sentence.start : start].strip().lower()
    if opening in ("on", ""):
        rest = article.text[start : sentence.end]
        later = EVENT_WORDS.search(rest)
        if later and not looks_ahead(rest[: later.end()], later.start()):
            return DateEvent(event_form(later.group()), False)
        # "On Wednesday, the House voted …": an occasion within the first words of the clause it opens
        occasion = OCCASION_WORDS.search(rest)
        if occasion and len(rest[: occasion.start()].split()) <= LEADING_OCCASION_WORDS and not looks_ahead(rest[: occasion.end()], occasion.start()):
            return DateEvent(occasion_form(occasion.group()), True)
        # "On Friday, 36-year-old Lena Berg died …": the deed within the first words of the clause the day opens
        deed = next((m for m in DEED.finditer(rest) if not _speech(m.group())), None)
        if end is not None and deed and len(re.findall(r"\w+", rest[: deed.start()])) <= LEADING_DEED_WORDS and not looks_ahead(rest[: deed.end()], deed.start()):
            return DateEvent(f"{DEED_KEY}{fold_predicate(deed.group())}", True, article.text[end : start + deed.start()])
    return _deed(clause, article.text[end : sentence.end] if end is not None else "")


# A deed in the past tense: "died", "was arrested", "fired", "struck", "fled". Lower case, so no name ("Ted").
DEED = re.compile(
    r"\b(?:[a-z]{2,}(?<!e)ed|died|tied|shot|hit|struck|fell|fled|won|lost|quit|met|began|broke|took|ran|sank|stole|held|"
    r"made|sold|beat|went|came|fought|caught|gave|sent|spent|paid|found|bought|built|drove|flew|rose|threw|wrote|chose)\b"
)


DEED_KEY = "deed "  # before the folded deed: "deed kill"
NEXT_KEY = "next "  # before an event a clause looks ahead to: "next hearing"


def _deed(clause: str, after: str) -> DateEvent | None:
    """Beyond the listed events and occasions, the deed a day stands next to: "died Saturday", "was
    arrested on Monday", "on Friday resigned", "Saturday's shooting". Many people die or are arrested in one story, so it is an
    occasion compared only with the same deed of the same people (`_same_occasion`). Speech is not one:
    what was said when is the statement's date."""
    after = re.split(r"[,;:.!?]", after, maxsplit=1)[0]
    if owned := POSSESSIVE_DAY.match(after):  # "Saturday's shooting": the day is the noun's, not a verb's before it
        head = _head_noun(owned[1])
        return DateEvent(f"{DEED_KEY}{fold_predicate(head)}", True) if head and not _speech(head) else None
    before = [m for m in DEED.finditer(clause) if not _speech(m.group())]
    if before and _adjacent(clause[before[-1].end() :]) and not looks_ahead(clause, before[-1].start()):
        return DateEvent(f"{DEED_KEY}{fold_predicate(before[-1].group())}", True)
    following = next((m for m in DEED.finditer(after) if not _speech(m.group())), None)
    if following and _adjacent(after[: following.start()]) and not looks_ahead(clause + after, len(clause)):
        return DateEvent(f"{DEED_KEY}{fold_predicate(following.group())}", True)
    return None


POSSESSIVE_DAY = re.compile(r"['’]s((?:\s+[a-z]+)+)")


def _head_noun(words: str) -> str:
    """The noun a run of lower-case words after a possessive day names: "'s fatal shooting of" → "shooting"."""
    run = list(itertools.takewhile(lambda w: w not in FUNCTION_WORDS, words.split()))
    return run[-1] if run else ""


def _adjacent(between: str) -> bool:
    """A deed's day stands right by it ("died on Sunday"): "injured in the fire on 2 March" dates the fire."""
    return all(word in GAP_FILLERS for word in between.lower().split())


SPEECH_STEMS = frozenset(re.sub(r"(?:e|y)$", "", verb) for verb in CUE_VERBS)


def _speech(word: str) -> bool:
    """"announced", "testified", "reported": a verb of saying in the past tense."""
    return re.sub(r"(?:ied|ed|d|ment)$", "", word) in SPEECH_STEMS or word in SPEECH_NOUNS


SAID = re.compile(r"\b(?:said|says|told|tells|added|stated)(?:\s+on)?\s+$")  # plain saying; "announced" may be the event


def _said_on(before: str) -> bool:
    """Is a date the day something was said, right after its verb ("police said Wednesday", "officials
    said on Friday")? That is the statement's date (`statement_dates`), not the date of what it reports."""
    return SAID.search(before) is not None


def _near(between: str, event: DateEvent) -> bool:
    """Are the words between an event word and a date few enough for the date to be the event's?"""
    words = between.lower().split()
    if not event.shared:
        return len(words) <= DATE_EVENT_WORDS
    return len([w for w in words if w not in GAP_FILLERS]) <= OCCASION_GAP and not PRESENT & set(words)


def _headline_event(article: Article) -> DateEvent | None:
    """The one event or occasion an article's headline names ("…face off in vice presidential
    debate"), unless the headline looks ahead ("… Will Invoke Fifth Amendment At Hearing")."""
    title = article.title or ""
    events = {event for _, _, event in _event_words(title)}
    if len(events) != 1 or looks_ahead(title, 0):
        return None
    return events.pop()


def date_observations(article: Article) -> list[Observation]:
    """Dates given for an event, keyed by the event word they belong to. The first date of the
    lede, when its clause names no event, dates the event the headline names: the headline says
    what happened, the lede when ("Biden wasted no time Thursday")."""
    found = []
    headline = _headline_event(article)
    for index, sentence in enumerate(_sentences(article)):
        for number, (value, start, end) in enumerate(_date_values(article, sentence)):
            if _said_on(article.text[sentence.start : start]):
                continue
            event = date_event(article, sentence, start, end)
            guessed = event is None
            if event is None and index == number == 0 and headline is not None:
                clause = clause_before(article.text, start, start - sentence.start) + article.text[end : sentence.end]
                event = None if looks_ahead(clause, 0) else headline
            if event is None:
                continue
            span = Span.of(article.text, start, end)
            around = article.text[sentence.start : start] + " " + article.text[end : sentence.end]
            doers = frozenset()
            if event.key.startswith(DEED_KEY):  # the names before a deed, or after a day's ("Saturday's shooting of Gray")
                after = article.text[end : sentence.end]
                doers = _doers(article.text[sentence.start : start] + (after if POSSESSIVE_DAY.match(after) else "") + " " + event.subject)
            found.append(Observation(article, event.key, value, span.text, span, context=_context_words(around),
                                     names=_name_words(around), shared_event=event.shared, guessed=guessed, doers=doers))  # fmt: skip
    return found + _term_observations(article)


TERM = re.compile(rf"\bfrom ({YEAR}) (?:to|until|through) ({YEAR})\b")


def _term_observations(article: Article) -> list[Observation]:
    """The years of a person's term ("Edward Brooke, who served from 1967 to 1979"), keyed by the
    surname of the last person named before them in the sentence: one term dated two ways."""
    found = []
    people = [m for m in article.mentions if m.kind == "person" and m.via == "name"]
    for sentence in _sentences(article):
        for m in TERM.finditer(sentence.text):
            start = sentence.start + m.start()
            before = [p for p in people if sentence.start <= p.span.start and p.span.end <= start]
            if _quoted(article.text, start) or not before or (parts := name_parts(before[-1].span.text)) is None:
                continue
            span = Span.of(article.text, start, sentence.start + m.end())
            found.append(Observation(article, f"term of {_fold(parts[1])}", f"term:{m[1]}-{m[2]}", span.text, span))
    return found


WEEK = 7


def _terms_overlap(a: str, b: str) -> bool:
    (a_from, a_to), (b_from, b_to) = ((int(y) for y in v.split(":", 1)[1].split("-")) for v in (a, b))
    return a_from <= b_to and b_from <= a_to


def _same_date(a: Observation, b: Observation) -> bool:
    """Values of different kinds cannot be compared, so they never disagree. One weekday named by
    both is one day unless they were published a week or more apart: a publication date a day or
    two off (the print edition's, not the web's) would otherwise resolve it to another week."""
    if a.value == b.value:
        return True
    if "span" in (a.value.split(":", 1)[0], b.value.split(":", 1)[0]):  # a month's part allows any day of it
        (a_from, a_to), (b_from, b_to) = (_interval(o.value) or (date.min, date.max) for o in (a, b))
        return a_from <= b_to and b_from <= a_to
    if a.value.split(":", 1)[0] != b.value.split(":", 1)[0]:
        return True
    if a.value.startswith("term:"):  # terms apart in time are two terms, not one dated two ways
        return not _terms_overlap(a.value, b.value)
    weekday = normalise_text(a.written)
    if weekday in WEEKDAYS and weekday == normalise_text(b.written):
        published = [parse_published(o.article.published) for o in (a, b)]
        return None in published or abs((published[0] - published[1]).days) < WEEK  # type: ignore[operator]
    return False


def _same_occasion(a: Observation, b: Observation) -> bool:
    """Two dates of one event word are of one occasion: surely so for a gathering a story has one
    of; for a word many share ("apologized"), when the sentences say alike whose it is."""
    if a.key.startswith(NEXT_KEY) and (_came_before(a, b) or _came_before(b, a)):
        return False
    if not (a.shared_event or b.shared_event):
        return True
    if (a.doers or b.doers or a.key.startswith(DEED_KEY)) and not a.doers & b.doers:
        return False  # two people fired in one story ("O'Brien was fired today", "Cheeks, who was fired March 2")
    return _alike(a, b) >= SAME_COUNT_WORDS and bool(a.names & b.names)


def _came_before(a: Observation, b: Observation) -> bool:
    """Had the day one report sets an event for come when the other was published? Then the other looks
    ahead to a later one: a case has many hearings, and "the next" moves on ("a bail hearing was set for
    Wednesday" on Monday; "the next hearing will be on September 6" on that Wednesday)."""
    interval, published = _interval(a.value), parse_published(b.article.published)
    return interval is not None and published is not None and interval[1] <= published


def _doers(text: str) -> frozenset[str]:
    """The capitalised words before a deed's day in its sentence, its first word too ("Cheeks, who was
    fired March 2"), and the ages given there ("a 36-year-old"): who did or underwent the deed."""
    return _context_words(" ".join(re.findall(r"\b[A-Z]\w+(?:['’]s)?", text))) | _ages(text)


STEM = 6  # letters that tell a word from another in a sentence's context: "reaffirmed" and "reaffirming" are one


def _alike(a: Observation, b: Observation) -> int:
    """Words two dates' sentences share, inflection and the occasion words themselves aside ("resigned")."""
    def stems(o: Observation) -> set[str]:
        return {w[:STEM] for w in o.context if not OCCASION_WORDS.fullmatch(w)}

    return len(stems(a) & stems(b))


def _closest(obs: list[Observation], others: list[Observation]) -> Observation:
    """Of an article's mentions of one date, the one whose sentence is most like the other articles' (its
    first of those): a lede's date the headline keys is shown only when nothing better tells the occasion."""
    return max(obs, key=lambda o: (sum(_alike(o, other) for other in others), -o.span.start))


def _places(context: Context) -> list[Finding]:
    observations = [o for a in context.articles for o in place_observations(a)]
    settings = [o for a in context.articles for o in setting_observations(a)]
    blocks = [o for a in context.articles for o in block_observations(a)]
    return _findings("place", observations, _same_place, lambda obs: f"where the {obs[0].key} took place") + _settings(settings, blocks)


def _settings(deaths: list[Observation], blocks: list[Observation]) -> list[Finding]:
    """Where someone died, when every article's death is one person's, and which block of a street."""
    one_death = all(_same_death(obs) for obs in conflicts(deaths).values())
    died = _findings("place", deaths, str.__eq__, lambda obs: "where they died") if one_death else []
    return died + _findings("place", blocks, str.__eq__, lambda obs: f"which {obs[0].key}")


def _dates(context: Context) -> list[Finding]:
    """Events two outlets date differently. An article that dates one event two ways is left out
    for it; of the others, each first date is shown when it clashes with, or is of the same occasion
    as, one that clashes."""
    by_key: dict[str, dict[str, list[Observation]]] = defaultdict(lambda: defaultdict(list))
    for o in (o for a in context.articles for o in date_observations(a)):
        by_key[o.key][o.article.id].append(o)
    subjects = {}
    for group in context.groups:
        for o in statement_dates(context, group):
            by_key[o.key][o.article.id].append(o)
            subjects[o.key] = f"when {group.speaker.name if group.speaker else 'it'} said “{shorten(o.label, 40)}”"
    findings = []
    for key, per_article in sorted(by_key.items()):
        # a date the article itself ties to the event outweighs the lede's date the headline ties to it
        stated = [[o for o in obs if not o.guessed] or obs for obs in per_article.values()]
        agreeing = [obs for obs in stated if all(_same_date(obs[0], o) for o in obs[1:])]
        firsts = [_closest(obs, [o for other in agreeing if other is not obs for o in other]) for obs in agreeing]
        clashing = {
            id(o) for a, b in combinations(firsts, 2)
            if a.article.outlet_label != b.article.outlet_label and not _same_date(a, b) and _same_occasion(a, b)
            for o in (a, b)
        }  # fmt: skip
        shown = [o for o in firsts if id(o) in clashing or any(_same_occasion(o, c) for c in firsts if id(c) in clashing)]
        if clashing:
            evidence = [_evidence(o.article, o.written, o.span) for o in shown]
            findings.append(Finding("date", key, subjects.get(key, f"when the {key} took place"), evidence))
    return findings


STATEMENT_DATE_GAP = 3  # words between a statement's cue and its day ("said Tuesday", "told reporters on Friday")


def statement_dates(context: Context, group: StatementGroup) -> list[Observation]:
    """The day each outlet says one statement (a group's) was made, read next to its cue ("said on
    Monday", "On Monday, Schiff said"): outlets that print one statement on two days date it differently.
    Only statements the finder is sure of, each article's credit written out at the statement."""
    statements = _statements(context)
    found = []
    for article, statement in (statements[i] for i in group.statement_ids if i in statements):
        if statement.confidence < SHOWN_CONFIDENCE or statement.cue is None or not statement.cue.text:
            continue
        spans = [s for s in (statement.source, statement.cue) if s is not None and s.text]
        start, end = min(s.start for s in spans), max(s.end for s in spans)
        sentences = [s for s in _sentences(article) if s.start < end and start < s.end]  # "Ms." may end one
        for value, date_start, date_end in (v for s in sentences for v in _date_values(article, s)):
            if date_start < statement.content.end and statement.content.start < date_end:
                continue  # a day inside the statement is what it is about
            gap = article.text[end:date_start] if date_start >= end else article.text[date_end:start]
            if len(gap.split()) <= STATEMENT_DATE_GAP and not re.search(r"[\"“”.;:]", gap):
                span = Span.of(article.text, date_start, date_end)
                found.append(Observation(article, f"statement {group.id}", value, span.text, span, statement.content.text))
                break
    return found


# --- names -----------------------------------------------------------------------------------------


def _fold(word: str) -> str:
    """Case, accents, apostrophe style and possessives are typography, not spelling."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).rstrip(".")


# Endings that inflect a surname without respelling it: "Obamas", "Obama's", "Clintons'", and a
# demonym read as a name ("America"/"American").
INFLECTIONS = ("'s", "s'", "es", "s", "n", "an", "ian")


def _inflected(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return any(long == short + ending for ending in INFLECTIONS)


def name_parts(form: str) -> tuple[str | None, str] | None:
    """(first name, surname) as written; None for role phrases and title-only forms."""
    words: list[str] = []
    for word in reversed(name_words(form)):  # the name is the trailing run of capitalised non-titles
        if not word[0].isupper() or word.lower().rstrip(".") in TITLES:
            break
        words.insert(0, word)
    words, _ = split_suffix(words)  # "Joseph R. Biden Jr.": Biden
    if not words:
        return None
    first = words[-2] if len(words) > 1 and len(words[-2].rstrip(".")) > 1 else None
    return first, words[-1]


def _variant(a: str, b: str, part: str) -> bool:
    """Two spellings of one name part: close, not a nickname of each other, and for a surname not its
    plural or possessive ("the Obamas"; a first name's "Jens"/"Jen" is a misspelling)."""
    if part == "org":  # spellings filed together share their letters: they differ in joining words
        return a != b
    fa, fb = _fold(a), _fold(b)
    if fa == fb or NICKNAMES.get(fa, fa) == NICKNAMES.get(fb, fb) or (part == "surname" and _inflected(fa, fb)):
        return False
    # A misspelling keeps the initial ("Kristen"/"Kirsten"); "Kaine"/"Maine" are two names.
    return fa[:1] == fb[:1] and damerau_levenshtein(fa, fb) <= max(2, min(len(fa), len(fb)) // 4)


MISNAMED_WORDS = 3  # words of a name one of which may be another's: "All Possible Congress"
WORD_STEM = 4  # letters two forms of one word share: "Democrats"/"Democratic" is inflection, not a misnaming


def _misnamed(a: list[str], b: list[str]) -> bool:
    """One organisation's name with one word swapped for another of its initial, so its acronym holds
    ("All Possible Congress", "All Progressive Congress": APC); not an inflection or an abbreviation
    ("Democrats"/"Democratic", "Univ"/"University"), nor another word's initial ("House"/"Senate")."""
    if len(a) != len(b) or len(a) < MISNAMED_WORDS:
        return False
    changed = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(changed) != 1:
        return False
    ((x, y),) = changed
    return min(len(x), len(y)) >= WORD_STEM and x[0] == y[0] and x[:WORD_STEM] != y[:WORD_STEM]


def _org_spelling(form: str) -> str:
    """An organisation's name as spelt: case, accents, apostrophes and the dots of an abbreviation
    ("U.S."/"US") are typography, and so are spaces around an apostrophe ("Attorney ’ s office"),
    punctuation after the name ("The Hunger Games."), and a hyphen for a space ("Champs-Elysees")."""
    spelling = re.sub(r"\s*'\s*", "'", _fold(form.strip()).replace(".", "")).rstrip("'")
    return " ".join(re.split(r"[\s\-‐‑–]+", spelling))


def _org_key(spelling: str) -> str:
    """What two spellings of one organisation share when they differ only in joining its words: a
    hyphen, a space or neither ("Wal-Mart"/"Walmart")."""
    return re.sub(r"[\s\-‐‑–]+", "", spelling)


def _locate(article: Article, entity_id: str, form: str) -> Span | None:
    for mention in article.mentions:
        if mention.entity_id == entity_id and mention.span.text == form:
            return mention.span
    start = article.text.find(form)
    return Span.of(article.text, start, start + len(form)) if start >= 0 else None


@dataclass(slots=True)
class _Spelling:
    """One spelling of one part of a name: how many articles printed it, its first use, and each
    outlet that printed it with its first use."""

    articles: int = 0
    first: tuple[PublicationKey, str, str, Span] | None = None  # (order, article id, form, span)
    outlets: dict[str, PublicationKey] = field(default_factory=dict)
    by_outlet: dict[str, tuple[PublicationKey, str, str, Span]] = field(default_factory=dict)  # each outlet's first use


class NameSpellings:
    """The spellings of people's first names and surnames, gathered one article at a time.

    Only each spelling's first use, article count and outlets are kept, so a whole storyline's names
    are compared without holding its articles.
    """

    def __init__(self) -> None:
        self._names: dict[str, str] = {}  # entity id -> the name its first article gave
        self._spellings: dict[tuple[str, str], dict[str, _Spelling]] = {}  # (entity id, part) -> folded spelling
        self._titles: list[tuple[str, list[str], Evidence]] = []  # (outlet, folded words, where) of each quoted title
        self._orgs: dict[str, str] = {}  # an organisation's letters -> the entity id its spellings are filed under
        self._org_words: dict[str, tuple[list[str], set[str]]] = {}  # its letters -> (its first spelling's words, outlets)

    def add(self, article: Article, order: PublicationKey, forms: Iterable[tuple[Entity, str]]) -> None:
        """The forms of persons and organisations `article` printed; `order` ranks it by publication among the others."""
        uses: dict[tuple[str, str, str], tuple[int, str, Span]] = {}  # its earliest use of each spelling
        places = {m.span.text for m in article.mentions if m.kind == "place"}
        self._titles += [(article.outlet_label, words, _evidence(article, span.text, span)) for words, span in _titles(article)]
        for entity, form in forms:
            if entity.kind == "org":
                self._add_org(uses, article, entity, form)
                continue
            if entity.kind != "person" or form in places:  # "Maine" filed under Tim Kaine is a place, not a spelling
                continue
            self._names.setdefault(entity.id, entity.name)
            if (parts := name_parts(form)) is None or (span := _locate(article, entity.id, form)) is None:
                continue
            for part, written in zip(("first", "surname"), parts, strict=True):
                key = (entity.id, part, _fold(written)) if written is not None else None
                if key is not None and (key not in uses or (span.start, form) < uses[key][:2]):
                    uses[key] = (span.start, form, span)
        for (entity_id, part, spelling), (_, form, span) in uses.items():
            seen = self._spellings.setdefault((entity_id, part), {}).setdefault(spelling, _Spelling())
            seen.articles += 1
            if seen.first is None or order < seen.first[0]:
                seen.first = (order, article.id, form, span)
            if article.outlet_label not in seen.outlets or order < seen.outlets[article.outlet_label]:
                seen.outlets[article.outlet_label] = order
                seen.by_outlet[article.outlet_label] = (order, article.id, form, span)

    def _add_org(self, uses: dict[tuple[str, str, str], tuple[int, str, Span]], article: Article, entity: Entity, form: str) -> None:
        """An organisation's whole name, filed by its letters: the entity registry keeps "Wal-Mart" and
        "Walmart" apart, so one organisation's two spellings are two entities, found by what they share."""
        spelling = _org_spelling(form)
        key = self._org_file(spelling, article.outlet_label)
        if len(key) < 4 or (span := _locate(article, entity.id, form)) is None:
            return
        self._org_words.setdefault(key, (spelling.split(), set()))[1].add(article.outlet_label)
        # filed by its letters, not by the entity: one entity's "Defense" and "Defense Department" are
        # a short form, not two spellings
        org_id = f"{self._orgs.setdefault(key, entity.id)}/{key}"
        self._names.setdefault(org_id, form)
        use = (org_id, "org", spelling)
        if use not in uses or (span.start, form) < uses[use][:2]:
            uses[use] = (span.start, form, span)

    def _org_file(self, spelling: str, outlet: str) -> str:
        """The letters a spelling is filed by: its own, or those of a name another outlet printed that it
        misnames ("All Possible Congress" for "All Progressive Congress"). An outlet printing both names two."""
        key = _org_key(spelling)
        if key in self._orgs:
            return key
        words = spelling.split()
        return next((other for other, (theirs, outlets) in self._org_words.items()
                     if outlet not in outlets and _misnamed(words, theirs)), key)  # fmt: skip

    def add_article(self, article: Article, order: PublicationKey) -> None:
        """`add` with the forms the article's own entities record for it."""
        forms = [(e, form) for e in article.entities.values() for form, ids in e.aliases.items() if article.id in ids]
        self.add(article, order, forms)

    def _people(self) -> dict[tuple[str, str], dict[str, _Spelling]]:
        """The spellings of each person, with the people the registry kept apart joined when one surname
        spelling is printed for each and no two of them print another first name: fox's "Cowan" who is
        also its "Cowen", and another article's "William Cowan"."""
        joined: UnionFind[str] = UnionFind()  # entity id -> the id its spellings are filed under
        by_surname: dict[str, list[str]] = defaultdict(list)
        for (entity_id, part), by_spelling in self._spellings.items():
            if part == "surname":
                for spelling in by_spelling:
                    by_surname[spelling].append(entity_id)
        for ids in by_surname.values():
            roots = sorted({joined.find(i) for i in ids})
            members = [m for m in self._names if joined.find(m) in roots]  # everyone already joined to them
            firsts = {f for m in members for f in self._spellings.get((m, "first"), {})}
            if len(roots) < 2 or not all(compatible_first_names(a, b) for a, b in combinations(firsts, 2)):
                continue  # one person, or people with other first names: "Hillary" and "Bill Clinton"
            for root in roots[1:]:
                joined.union(roots[0], root)
        self._join_lone_names(joined)
        people: dict[tuple[str, str], dict[str, _Spelling]] = {}
        for (entity_id, part), by_spelling in self._spellings.items():
            merged = people.setdefault((joined.find(entity_id), part), {})
            for spelling, seen in by_spelling.items():
                merged[spelling] = _joined(merged[spelling], seen) if spelling in merged else seen
        return people

    def _join_lone_names(self, joined: UnionFind[str]) -> None:
        """Join people only ever written by one name when their names are one slip apart and no outlet
        prints both: one outlet's "wife Stacy" and another's "his wife, Stacey". An outlet printing both
        names two people; a person given a first name anywhere is compared as that person."""
        with_first = {joined.find(entity_id) for entity_id, part in self._spellings if part == "first"}
        lone: dict[str, dict[str, _Spelling]] = defaultdict(dict)  # root -> its spellings
        for (entity_id, part), by_spelling in self._spellings.items():
            if part == "surname" and (root := joined.find(entity_id)) not in with_first:
                lone[root].update(by_spelling)
        for (a, mine), (b, theirs) in combinations(lone.items(), 2):
            outlets = [{o for seen in spellings.values() for o in seen.outlets} for spellings in (mine, theirs)]
            if not outlets[0] & outlets[1] and any(similar_word(x, y) and x[:1] == y[:1] for x in mine for y in theirs):
                joined.union(a, b)

    def findings(self) -> list[Finding]:
        findings = []
        for (entity_id, part), by_spelling in self._people().items():
            variants = [s for s in by_spelling if any(_variant(s, o, part) for o in by_spelling if o != s)]
            if len({outlet for s in variants for outlet in by_spelling[s].outlets}) < 2:
                continue  # spellings of one outlet only: a slip within it, not where outlets differ
            rarest_first = sorted(variants, key=lambda spelling: (by_spelling[spelling].articles, spelling))
            rare_outlets = set(by_spelling[rarest_first[0]].outlets)
            evidence = [_spelling_evidence(by_spelling[spelling], set() if i == 0 else rare_outlets) for i, spelling in enumerate(rarest_first)]
            findings.append(Finding("name", f"{entity_id}:{part}", self._names[entity_id], evidence))
        return findings + self._titles_misspelt()

    def _titles_misspelt(self) -> list[Finding]:
        """Titles of works that two outlets spell differently (a film, a book)."""
        findings = []
        for (outlet_a, words_a, a), (outlet_b, words_b, b) in combinations(self._titles, 2):
            if outlet_a != outlet_b and _misspelt_title(words_a, words_b):
                findings.append(Finding("name", "title:" + " ".join(words_a), a.value, [a, b]))
        return findings


def _joined(a: _Spelling, b: _Spelling) -> _Spelling:
    """One spelling as two people the registry kept apart printed it."""
    assert a.first is not None and b.first is not None  # a spelling is made by its first use
    by_outlet = {**b.by_outlet, **{o: use for o, use in a.by_outlet.items() if o not in b.by_outlet or use[0] < b.by_outlet[o][0]}}
    return _Spelling(a.articles + b.articles, min(a.first, b.first, key=lambda use: use[0]),
                     {o: use[0] for o, use in by_outlet.items()}, by_outlet)  # fmt: skip


def _spelling_evidence(spelling: _Spelling, other: set[str]) -> Evidence:
    """One spelling as one side: its first use, credited to every outlet that printed it; shown from an
    outlet that does not print the rarer spelling when there is one, so the sides are two outlets'; of
    those, the fullest form ("William Cowan" over "Cowan"), which says who is meant."""
    assert spelling.first is not None  # a spelling is made by its first use
    elsewhere = [use for outlet, use in spelling.by_outlet.items() if outlet not in other]
    _, article_id, form, span = min(elsewhere, key=lambda use: (-len(name_words(use[2])), use[0])) if elsewhere else spelling.first
    return Evidence(article_id, ", ".join(sorted(spelling.outlets, key=spelling.outlets.__getitem__)), form, span)


def _names(context: Context) -> list[Finding]:
    by_id = {a.id: a for a in context.articles}
    forms: dict[str, list[tuple[Entity, str]]] = defaultdict(list)
    for entity in context.entities.values():
        for form, article_ids in entity.aliases.items():
            for article_id in article_ids & by_id.keys():
                forms[article_id].append((entity, form))
    spellings = NameSpellings()
    for index, article in enumerate(context.articles):
        spellings.add(article, publication_key(index, article), forms[article.id])
    return spellings.findings()


QUOTED_TITLE = re.compile(r"[“\"]([A-Z][^“”\"\n]{2,80}?)[,.]?[”\"]")
TITLE_MINOR = frozenset("a an and at by for in of on or the to".split())


def _titles(article: Article) -> list[tuple[list[str], Span]]:
    """Titles in quotation marks ("The Godfather: Part II"): at least two words, each capitalised but
    the minor ones, as their folded words and span."""
    found = []
    for m in QUOTED_TITLE.finditer(article.text):
        words = re.findall(r"[\w'’-]+", m[1])
        if len(words) >= 2 and all(w[0].isupper() or w[0].isdigit() or w.lower() in TITLE_MINOR for w in words):
            found.append(([_fold(w).rstrip("'") for w in words], Span.of(article.text, m.start(1), m.end(1))))  # "Keepers'": possessive
    return found


def _misspelt_title(a: list[str], b: list[str]) -> bool:
    """One title with one word misspelt: the other words alike, that word a close spelling of a long word."""
    changed = [(x, y) for x, y in zip(a, b, strict=False) if x != y] if len(a) == len(b) else []
    return len(changed) == 1 and min(map(len, changed[0])) >= 5 and _variant(*changed[0], "surname")


# --- facts that hold across a storyline's stories -------------------------------------------------
# A storyline strings stories of one affair told at different times (a killing, then the trial, then the
# verdict), and most of what outlets report changes between them: counts of the dead, of arrests. Some
# facts do not: which block of a street a deed was done in, where someone died, a person's weight, how many
# life terms a convict got. Those are compared across the storyline's stories too, a person's figure only
# when both sides name the person; a clash inside one story is that story's own finding.
LASTING_NOUNS = frozenset({"pound", "kilogram", "life term"})


def person_figures(article: Article) -> list[Observation]:
    """A person's weight ("weighing 130 pounds", not "130 pounds of cocaine") and a convict's life terms,
    keyed by what they count, with who: the names before it in its sentence and in the sentence before
    ("... Jose Ortega, 27. He is 5-foot-8, 130 pounds")."""
    sentences = _sentences(article)
    found = []
    for o in number_observations(article):
        if not (o.quantity and o.quantity.noun in LASTING_NOUNS) or article.text[o.span.end :].lstrip().startswith("of "):
            continue
        at = next((i for i, s in enumerate(sentences) if s.start <= o.span.start < s.end), 0)
        before = article.text[sentences[at - 1].start if at else sentences[at].start : o.span.start]
        found.append(replace(o, key=o.quantity.noun, doers=_doers(before)))
    return found


def _one_person(per_article: list[list[Observation]]) -> list[Observation]:
    """Each article's figure of the person most articles name (a word of the name, in two at least), when
    it gives that person one figure: a figure of someone else is left out."""
    named = Counter(w for obs in per_article for w in frozenset().union(*(o.doers for o in obs))).most_common(1)
    if not named or named[0][1] < 2:
        return []
    theirs = [[o for o in obs if named[0][0] in o.doers] for obs in per_article]
    return [obs[0] for obs in theirs if obs and _same_figures(obs)]


def _figures(figures: list[Observation]) -> list[Finding]:
    """Each person figure the articles naming one person give differently."""
    by_key: dict[str, dict[str, list[Observation]]] = defaultdict(lambda: defaultdict(list))
    for o in figures:
        by_key[o.key][o.article.id].append(o)
    findings = []
    for key, per_article in sorted(by_key.items()):
        firsts = _one_person(list(per_article.values()))
        if not _same_figures(firsts):
            evidence = [_evidence(o.article, o.written, o.span) for o in firsts]
            findings.append(Finding("number", key, firsts[0].label or key, evidence))
    return findings


def _across_stories(finding: Finding, story_of: Mapping[str, str]) -> bool:
    """Does a finding's clash lie across stories, every story giving one value: one story's two values are
    that story's own finding."""
    values: dict[str, set[str]] = defaultdict(set)
    for e in finding.evidence:
        values[story_of[e.article_id]].add(normalise_text(e.value))
    return len(values) > 1 and all(len(v) == 1 for v in values.values())


def storyline_discrepancies(articles: Iterable[tuple[str, Article]], *, storyline_id: str) -> list[Discrepancy]:
    """A storyline's names (as `find_discrepancies` finds them) and the lasting facts its stories report
    differently, from (story id, article) pairs read once, one at a time, keeping only what each observes
    (a storyline's articles can be many)."""
    spellings = NameSpellings()
    story_of: dict[str, str] = {}
    deaths: list[Observation] = []
    blocks: list[Observation] = []
    figures: list[Observation] = []
    for index, (story_id, article) in enumerate(articles):
        spellings.add_article(article, publication_key(index, article))
        story_of[article.id] = story_id
        deaths += setting_observations(article)
        blocks += block_observations(article)
        figures += person_figures(article)
    lasting = [f for f in _settings(deaths, blocks) + _figures(figures) if _across_stories(f, story_of)]
    return _placed(spellings.findings() + lasting, story_id=None, storyline_id=storyline_id)


# --- statements: misquotes and speakers ------------------------------------------------------------


def _statements(context: Context) -> dict[str, tuple[Article, Statement]]:
    return {s.id: (a, s) for a in context.articles for s in a.statements}


def _changed_wording(article: Article, quote: Statement, other: Statement, misquote: bool) -> Evidence:
    """The words of `quote` that `other` words differently, marked, with a few words either side, so a
    reader sees "…opened [all] of them" against "…opened [most] of them"; the whole quote when they do
    not overlap. `misquote`: this side is the departing wording, so its changed words were added."""
    content = quote.content
    parts = quoted_parts(quote)
    words = [w for w in wording(content.text) if any(start <= w.start() and w.end() <= end for start, end in parts)]
    mine, theirs = folded(words), folded(wording(quoted_text(other)))
    differ = differing_words(mine, theirs)
    if differ is None or not words:
        return Evidence(article.id, article.outlet, content.text, content, misquoted=misquote)
    changed = [
        i for tag, a0, a1, _, _ in SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes()
        if tag in ("replace", "delete") for i in range(a0, a1) if differ[0].start <= i < differ[0].stop
    ]  # fmt: skip
    low = max(0, differ[0].start - QUOTE_CONTEXT_WORDS)
    high = min(len(words), max(differ[0].stop, differ[0].start + 1) + QUOTE_CONTEXT_WORDS)
    start, end = words[low].start(), words[high - 1].end()
    value = ("…" if low > 0 else "") + content.text[start:end] + ("…" if high < len(words) else "")
    marked = [Span.of(article.text, content.start + words[i].start(), content.start + words[i].end()) for i in changed]
    return Evidence(article.id, article.outlet, value, Span.of(article.text, content.start + start, content.start + end),
                    marked, misquote)  # fmt: skip


def quote_changes(d: Discrepancy) -> tuple[list[str], list[str]]:
    """(removed, added): words of the wording most outlets print that a misquote replaced or dropped,
    and the words the misquote has instead; both empty for other discrepancies."""
    removed = next(([c.text for c in e.changed] for e in d.evidence if not e.misquoted and e.changed), [])
    added = next(([c.text for c in e.changed] for e in d.evidence if e.misquoted and e.changed), [])
    return removed, added


# What a reader of a story needs first: words changed inside a quote, then who said it, then facts,
# then spellings.
IMPORTANCE: dict[Attribute, int] = {"quote": 0, "speaker": 1, "number": 2, "date": 3, "place": 4, "name": 5}


def importance(d: Discrepancy) -> tuple[int, int, str]:
    """Sort key, most important first; among misquotes, the one with most changed words."""
    return IMPORTANCE[d.attribute], -sum(len(e.changed) for e in d.evidence), d.id


def _length(statement: Statement) -> int:
    return len(statement.content.text)


def _counterpart(quote: Statement, others: list[tuple[Article, Statement]]) -> Statement:
    """The other side's quote of the same words as `quote` (another outlet's, the most words alike): a group
    may hold one outlet's long quote and another's two shorter ones, each changed somewhere else."""
    mine = folded(wording(quoted_text(quote)))

    def alike(other: Statement) -> tuple[bool, int, int]:
        theirs = folded(wording(quoted_text(other)))
        shared = sum(m.size for m in SequenceMatcher(None, mine, theirs, autojunk=False).get_matching_blocks())
        return other.article_id != quote.article_id, shared, _length(other)

    return max((s for _, s in others), key=alike)


def _departed(quote: Statement, others: list[tuple[Article, Statement]]) -> list[Statement]:
    """The other side's quotes (another outlet's) of a passage `quote` words differently, each to be shown:
    a misquote may change a long quote in two places that another outlet prints as two quotes."""
    mine = folded(wording(quoted_text(quote)))

    def departs(other: Statement) -> bool:
        theirs = folded(wording(quoted_text(other)))
        return one_passage(mine, theirs) and differing_words(mine, theirs) is not None

    return [s for _, s in others if s.article_id != quote.article_id and departs(s)] or [_counterpart(quote, others)]


def _quotes(context: Context) -> list[Finding]:
    statements = _statements(context)
    findings = []
    for group in context.groups:
        if not group.misquoted:
            continue
        quotes = [statements[i] for i in group.statement_ids if i in statements and quoted_text(statements[i][1])]
        correct = [(a, s) for a, s in quotes if s.id not in group.misquoted]
        wrong = [(a, s) for a, s in quotes if s.id in group.misquoted]
        if not correct or not wrong:
            continue
        speaker = f"{group.speaker.name}: " if group.speaker else ""
        evidence = [_changed_wording(a, s, _counterpart(s, wrong), misquote=False) for a, s in correct]
        evidence += [_changed_wording(a, s, other, misquote=True) for a, s in wrong for other in _departed(s, correct)]
        findings.append(Finding("quote", group.id, speaker + shorten(correct[0][1].content.text), evidence))
    return findings


NAME_CONNECTORS = frozenset("of for and de van von der den da di du la le y".split())


# Words that credit unnamed people, capitalised only where they begin a sentence ("Some speculated").
INDEFINITE_SOURCES = frozenset("some many most others several few both all everyone someone".split())


def named(speaker: Speaker) -> bool:
    """A speaker known by name: a person's first name and surname, or an organisation's proper name.

    Roles and groups ("the EU mediator", "the fire service", "customers") may denote anyone, so they
    never contradict a name or each other.
    """
    words = speaker.name.split()
    if not words or words[0].lower() == "the" or (words[0].lower() in INDEFINITE_SOURCES and speaker.kind != "org"):
        return False  # "the team", "Some", but the "All Progressive Congress"
    if not all(w[0].isupper() for w in words if w.lower() not in NAME_CONNECTORS):
        return False
    return speaker.kind != "person" or (len(words) >= 2 and name_parts(speaker.name) is not None)


GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _surname(words: Sequence[str]) -> str:
    """The last word of a name but a generation ("Roger J. Stone Jr." is a Stone), folded."""
    kept = [w for w in words if _fold(w).rstrip(",") not in GENERATIONS] or list(words)
    return _principal(kept[-1])


def _person(speaker: Speaker) -> str:
    """One person however fully named: "Raul Labrador" and "Raúl R. Labrador" are one surname."""
    words = name_words(speaker.name)
    return _surname(words) if speaker.kind == "person" and words else _fold(speaker.name)


CONTINUED_QUOTE = 8  # characters between a quote's attribution ('," Smith said. "') and the quote it continues


def _continued_source(article: Article, statement: Statement) -> Span | None:
    """For a statement with no source of its own, the source of the quote it continues ('"…," Smith said. "…"')."""
    if statement.source is not None or statement.speaker is None:
        return None
    before = [
        o.source for o in article.statements
        if o.source is not None and o.source.text and o.speaker is not None and o.speaker.id == statement.speaker.id
        and 0 <= statement.content.start - max(o.source.end, o.cue.end if o.cue else 0) <= CONTINUED_QUOTE
    ]  # fmt: skip
    return before[-1] if before else None


def _attribution(article: Article, statement: Statement) -> Span:
    """Where the article credits the statement: its source, else the source of the quote it continues,
    else its cue, else the words themselves."""
    spans = (statement.source, _continued_source(article, statement), statement.cue, statement.content)
    return next(span for span in spans if span is not None and span.text)


def _nested(article: Article, statement: Statement) -> bool:
    """Is the source inside quoted words ("Trump says he …," Bloomberg said): the outlet credits the
    one quoted, and the attribution inside the quote is no conflict with that."""
    assert statement.source is not None
    source = statement.source
    return _quoted(article.text, source.start) or any(
        o.content.start <= source.start and source.end <= o.content.end for o in article.statements if o.id != statement.id
    )


def _speaker_confidence(credited: list[tuple[Article, Statement, Speaker]]) -> float:
    """Sure only when every side is a shown statement credited by name there: a "he" resolved wrongly,
    or a statement that is perhaps none, would make a conflict out of an attribution error."""
    sure = all(
        s.confidence >= SHOWN_CONFIDENCE and written_sources(s.source) and not _nested(a, s)
        for a, s, _ in credited
    )  # fmt: skip
    return 1.0 if sure else UNSURE_SPEAKER_CONFIDENCE


UNSURE_SPEAKER_CONFIDENCE = 0.3

# Words that make a source someone's agent rather than the one they speak for: "Flynn's lawyer", "a
# spokeswoman for the Obama campaign", "the Romney campaign". Lower case only: "Secretary of State",
# "Representative Schwartz" and "the Office of …" are titles and names. Each folds to its kind of agent.
AGENT_WORDS = {
    "lawyer": "lawyer", "lawyers": "lawyer", "attorney": "lawyer", "attorneys": "lawyer", "counsel": "lawyer",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "spokespeople": "spokesperson", "spokesmen": "spokesperson", "spokeswomen": "spokesperson",
    "campaign": "campaign", "aide": "aide", "aides": "aide", "adviser": "aide", "advisers": "aide",
    "advisor": "aide", "advisors": "aide", "staff": "aide", "staffer": "aide", "director": "aide",
    "office": "office", "representative": "representative", "representatives": "representative",
    "official": "official", "officials": "official", "team": "aide",
}  # fmt: skip
AGENT_MODIFIERS = 3  # lower-case words between a principal and its agent word ("Obama's current campaign press secretary")
AGENT_LINKS = frozenset({"for", "of", "to"})
AGENT_STOPS = AGENT_LINKS | {"a", "an", "the"}  # "Dahl, a spokeswoman": Dahl is the agent, not whose
Source = tuple[str, tuple[str, ...]]  # (the principal's folded surname or name, the chain of agents from it)


def _agent_word(words: list[str], i: int) -> tuple[str, int] | None:
    """The kind of agent the word at `i` names and the index after it ("press secretary" is two words)."""
    if words[i] == "press" and i + 1 < len(words) and words[i + 1] == "secretary":
        return "spokesperson", i + 2
    return (AGENT_WORDS[words[i]], i + 1) if words[i] in AGENT_WORDS else None


def _principal(word: str) -> str:
    return _fold(re.sub(r"['’]s?$", "", word))


def agent_sources(phrase: str) -> set[Source]:
    """Whose agents a phrase names, and which: "Flynn's lawyer" is (flynn, (lawyer,)), "a spokeswoman
    for the Obama campaign" and "Obama campaign spokeswoman" are (obama, (campaign, spokesperson))."""
    words = re.findall(r"[\w.'’-]+", phrase)
    found: set[Source] = set()
    i = 0
    while i < len(words):
        chain, j = [], i
        while j < len(words) and (agent := _agent_word(words, j)):
            chain.append(agent[0])
            j = agent[1]
        if not chain:
            i += 1
            continue
        before = i - 1
        while before >= 0 and i - before <= AGENT_MODIFIERS and words[before].islower() and words[before] not in AGENT_STOPS:
            before -= 1
        if before >= 0 and words[before][0].isupper() and words[before].lower() not in AGENT_STOPS:  # "Flynn's lawyer"
            found.add((_principal(words[before]), tuple(chain)))
        elif j < len(words) and words[j] in AGENT_LINKS:  # "a spokeswoman for the Obama campaign"
            k = j + 1 + (j + 1 < len(words) and words[j + 1].lower() in ("the", "a", "an"))
            names = []
            while k < len(words) and words[k][0].isupper():
                names.append(words[k])
                k += 1
            tail = []
            while k < len(words) and (agent := _agent_word(words, k)):
                tail.append(agent[0])
                k = agent[1]
            if not names and k < len(words) and words[k].isalpha():  # "a spokeswoman for the mayor"
                names, k = [words[k]], k + 1
            if names:
                found.add((_principal(names[-1]), (*tail, *chain)))
                j = k
        i = j
    return found


def _pronoun(span: Span | None) -> bool:
    return span is None or not span.text or span.text.lower() in PRONOUN_KINDS


def written_sources(source: Span | None) -> set[Source]:
    """Whom a source as written credits, read on its first part that credits anyone ("the special counsel,
    Robert Mueller"): a name ("Mr. Trump") or someone's agent ("Flynn's lawyer"); none for a pronoun or a
    bare descriptor ("the team", "the officer"), whose resolved speaker may be wrong."""
    if _pronoun(source):
        return set()
    assert source is not None
    for written in source.text.split(","):
        found = agent_sources(written)
        words = re.findall(r"[\w.'’-]+", written)
        # a name ("Mr. Trump"), not "White House officials" nor "Some"
        if not found and words and words[-1][0].isupper() and words[-1].lower() not in INDEFINITE_SOURCES:
            found.add((_surname(words), ()))
        if found:
            return found
    return set()


def source_identities(statement: Statement) -> set[Source]:
    """Who a statement is credited to, as principals and their agents: the source as written ("Flynn's
    lawyer", "Mr. Trump"), the role the article gives the speaker and the speaker's own name."""
    found = written_sources(statement.source)
    speaker = statement.speaker
    if speaker is not None:
        found |= agent_sources(speaker.role or "")
        if named(speaker):
            found.add((_person(speaker), ()))
    return found


def _agent_and_principal(a: set[Source], b: set[Source], grouped: bool = True) -> bool:
    """Do two credits name one principal, one of them the principal (or a nearer agent) and the other
    its agent: "Flynn's lawyer" against "Mr. Flynn", a campaign's spokeswoman against the campaign?
    Of one statement (`grouped`), also an unnamed agent against a person named as no one's agent.
    Never when some credit of one is a credit of the other."""
    if not a or not b or a & b:
        return False
    if grouped and (_unnamed_agent(a) and _no_agent(b) or _unnamed_agent(b) and _no_agent(a)):
        return True  # "a White House spokesman" against "Mr. Trump": someone's agent is not the person named
    return any(
        pa == pb and ca != cb and (ca == cb[: len(ca)] or cb == ca[: len(cb)])
        for pa, ca in a for pb, cb in b
    )  # fmt: skip


def _unnamed_agent(credits: set[Source]) -> bool:
    return all(chain for _, chain in credits)


def _no_agent(credits: set[Source]) -> bool:
    """A person named with no word that makes them anyone's agent (who may then be the agent elsewhere named)."""
    return not any(chain for _, chain in credits)


QUOTE_RUN = 5  # quoted words two outlets print alike that make two statements one ("would end Medicare as we know it")


def _quoting_alike(context: Context) -> list[list[str]]:
    """Pairs of statements of two outlets, in no group together, that print one run of quoted words."""
    grouped = {frozenset(p) for g in context.groups for p in combinations(g.statement_ids, 2)}
    quotes = [
        (a, s, folded(wording(quoted_text(s)))) for a in context.articles for s in a.statements if quoted_text(s)
    ]
    pairs = []
    for (a, s, mine), (b, t, theirs) in combinations(quotes, 2):
        if a.outlet_label == b.outlet_label or frozenset((s.id, t.id)) in grouped:
            continue
        run = SequenceMatcher(None, mine, theirs, autojunk=False).find_longest_match(0, len(mine), 0, len(theirs))
        if run.size >= QUOTE_RUN and any(w not in STOPWORDS for w in mine[run.a : run.a + run.size]):
            pairs.append([s.id, t.id])
    return pairs


def _speakers(context: Context) -> list[Finding]:
    """Statements two outlets credit to two different named people (or named organisations), or one to
    a principal and the other to its agent (a spokesperson, a lawyer, a campaign)."""
    statements = _statements(context)
    findings = []
    for key, ids, grouped in [(g.id, g.statement_ids, True) for g in context.groups] + [
        ("|".join(pair), pair, False) for pair in _quoting_alike(context)
    ]:
        members = [statements[i] for i in ids if i in statements]
        identities = {s.id: source_identities(s) for _, s in members}
        credited = [(a, s, s.speaker) for a, s in members if s.speaker is not None and named(s.speaker)]
        apart = any(  # two named sources, unless the words of one credit name the other ("Mr. Trump", resolved to his campaign)
            a.outlet != b.outlet and _person(x) != _person(y) and not identities[s.id] & identities[t.id]
            for (a, s, x), (b, t, y) in combinations(credited, 2)
        )  # fmt: skip
        if grouped and apart:
            evidence = [_evidence(a, sp.name, _attribution(a, s)) for a, s, sp in credited]
            findings.append(Finding("speaker", key, shorten(credited[0][1].content.text), evidence, _speaker_confidence(credited)))
            continue
        sides = [
            (a, s) for a, s in members
            if any(b.outlet_label != a.outlet_label and _agent_and_principal(identities[s.id], identities[t.id], grouped) for b, t in members)
        ]  # fmt: skip
        if sides:
            evidence = [_evidence(a, _credit(a, s), _attribution(a, s)) for a, s in sides]
            confidence = 1.0 if all(_explicit(a, s) for a, s in sides) else UNSURE_SPEAKER_CONFIDENCE
            findings.append(Finding("speaker", key, shorten(sides[0][1].content.text), evidence, confidence))
    return findings


def _credit(article: Article, statement: Statement) -> str:
    """Who the article credits, as it writes it: its source, else the speaker's name and role."""
    if not _pronoun(statement.source):
        assert statement.source is not None
        return statement.source.text
    speaker = statement.speaker
    return ", ".join(p for p in (speaker.name, speaker.role) if p) if speaker else _attribution(article, statement).text


# A credit to a principal or an agent is read from the words around the statement, so a statement the
# finder is unsure of (a "citing" cue) may still be shown: what makes it sure is that both outlets write
# out whom they credit.
AGENT_STATEMENT_CONFIDENCE = 0.3


def _explicit(article: Article, statement: Statement) -> bool:
    """Is the credit written out where the statement is (not a pronoun or a bare descriptor resolved, nor
    inside quoted words)?"""
    written = bool(written_sources(statement.source) or written_sources(_continued_source(article, statement)))
    nested = statement.source is not None and _nested(article, statement)
    return written and not nested and statement.confidence >= AGENT_STATEMENT_CONFIDENCE


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
    attributes: Collection[Attribute] = tuple(FINDERS),
) -> list[Discrepancy]:
    """Every one of `attributes` the given articles report differently; ids are stable for the same scope and facts."""
    context = Context(articles, groups, entities)
    return _placed([f for attribute in attributes for f in FINDERS[attribute](context)], story_id, storyline_id)


def _placed(findings: Iterable[Finding], story_id: str | None, storyline_id: str | None) -> list[Discrepancy]:
    """Findings as discrepancies of a story or storyline, ids stable for the same scope and facts."""
    scope = (story_id or "", storyline_id or "")
    found = [
        Discrepancy(
            id=stable_id(f.attribute, f.key, *scope, prefix="d"),
            attribute=f.attribute,
            subject=f.subject,
            evidence=f.evidence,
            story_id=story_id,
            storyline_id=storyline_id,
            confidence=f.confidence,
        )
        for f in findings
    ]
    return sorted(found, key=lambda d: (d.attribute, d.id))
