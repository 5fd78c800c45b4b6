"""Statement alignment: the same statement as printed by different articles, and how faithfully.

Outlets copy a quote verbatim, trim it, paraphrase it or misquote it. Candidates are blocked (equal
text, shared word trigrams, same speaker) so a story with many statements is never compared all
against all; groups are then built strongest link first, so a group's relation is its weakest
necessary link.
"""

from __future__ import annotations

import re

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from difflib import SequenceMatcher
from itertools import accumulate, combinations

import numpy as np

from storyline.analysis.quotes import title_case
from storyline.model import Article, Relation, Speaker, Statement, StatementGroup, normalise_text, stable_id

Embed = Callable[[list[str]], np.ndarray]

# Strongest first: Kruskal-style merging adds exact links before weaker ones.
RELATION_RANK: dict[Relation, int] = {"exact": 0, "partial": 1, "paraphrase": 2}
SHINGLE = 3
MIN_CONTAINMENT_TOKENS = 4  # below this, high overlap is chance ("he said that")
PARTIAL_CONTAINMENT = 0.8
# MiniLM (`embed_statements`) cosine between two renderings of one claim by one speaker: on basil-dev's
# same-speaker pairs, 9 of 10 at or above it are one statement, below it false pairs outnumber true ones.
PARAPHRASE_COSINE = 0.75
PARAPHRASE_JACCARD = 0.5  # content-word overlap: stricter proxy when no embedder is given
MIN_QUOTE_OVERLAP = 3  # matching words needed before two quotes count as the same passage
MAX_EDGE_CHANGE = 3  # a different ending this short in both quotes is a changed word, not a trim
# Two quotes are one passage when they print at least this share of the shorter one's words alike;
# below it they are two passages sharing a phrase ("We're the ones who are …"), never a misquote.
SAME_PASSAGE = 0.6
# House style, not wording: "Sen. Reid" quotes "Senator Reid", "I'd" quotes "I would", "F.B.I." quotes "FBI",
# "good & bad" quotes "good and bad".
ABBREVIATIONS = {"&": "and", "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "pres": "president",
                 "dept": "department", "govt": "government", "mr": "mister", "st": "saint",
                 "d": "would", "re": "are", "ll": "will", "ve": "have", "m": "am", "t": "not", "don": "do", "doesn": "does",
                 "didn": "did", "isn": "is", "aren": "are", "wasn": "was", "weren": "were", "won": "will", "haven": "have",
                 "hasn": "has", "couldn": "could", "wouldn": "would", "shouldn": "should"}  # fmt: skip
_QUOTE_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:\*+\w*)?|&")
# House style, not wording: an expletive printed or starred out ("f***ing", "fucking") reads as one word.
_EXPLETIVE = re.compile(r"\w*\*+\w*|(?:mother)?fuck\w*|shit\w*|bullshit")


def wording(text: str) -> list[re.Match[str]]:
    """A quote's words, a dotted acronym ("F.B.I.") and an ampersand each as one word; `folded` gives what
    they compare as."""
    return list(_QUOTE_WORD.finditer(text))


def folded(words: list[re.Match[str]]) -> list[str]:
    """Case, acronym dots, abbreviations, contractions and spelling folded: what a change of wording is read
    on. A quote is what the speaker said, and these differ only on paper: "realised" and "realized",
    "11th" and "eleventh", "6:00 p.m." and "6 p.m."."""
    folded_words: list[str] = []
    for i, m in enumerate(words):
        if m.group() == "s" and i and words[i - 1].end() == m.start() - 1 and m.string[m.start() - 1] in "'’":
            folded_words[-1] += "s"  # "the population's anger" is "the populations' anger" said
        else:
            folded_words.append(m.group().lower().replace(".", ""))
    kept = [w for i, w in enumerate(folded_words) if not (w == "00" and i and folded_words[i - 1].isdigit())]
    return ["<expletive>" if _EXPLETIVE.fullmatch(w) else ABBREVIATIONS.get(w) or ORDINALS.get(w) or _american(w) for w in kept]


# Ordinals written out, as figures: "the eleventh hour" is "the 11th hour" said.
ORDINALS = {w: f"{n}{'st' if n % 10 == 1 and n != 11 else 'nd' if n % 10 == 2 and n != 12 else 'rd' if n % 10 == 3 and n != 13 else 'th'}"
            for n, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                                  "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}  # fmt: skip
# British spellings, as American ones (both sides are folded alike, so a rule only has to be consistent):
# "realise", "analyse", "neighbour", "centre", "travelled", "defence", "catalogue".
_BRITISH = [(re.compile(pattern), american) for pattern, american in (
    (r"^(\w{3,})is(e|es|ed|ing|ation|ations)$", r"\1iz\2"), (r"^(\w{2,})ys(e|es|ed|ing)$", r"\1yz\2"),
    (r"^(\w{3,})our(s|ed|ing|able|ite|ites|hood|hoods|ly)?$", r"\1or\2"), (r"^(\w{2,}[bt])re(s|d)?$", r"\1er\2"),
    (r"^(\w{2,})ell(ed|ing|er|ers)$", r"\1el\2"), (r"^(\w*)fence(s)?$", r"\1fense\2"), (r"^(\w{3,})ogue(s)?$", r"\1og\2"),
)]  # fmt: skip


def _american(word: str) -> str:
    for pattern, american in _BRITISH:
        word = pattern.sub(american, word)
    return word

STOPWORDS = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been being it its this that "
    "these those he she they we i you his her their our my your them us him will would shall should can "
    "could may might must has have had do does did not no so than then there here which who whom what".split()
)


def tokens(text: str) -> list[str]:
    return normalise_text(text).split()


def content_words(words: Iterable[str]) -> set[str]:
    return {w for w in words if w not in STOPWORDS}


def _contains(long: list[str], short: list[str]) -> bool:
    """Is `short` a contiguous run of `long`: a trimmed quote."""
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def lexical_relation(a: list[str], b: list[str]) -> Relation | None:
    """Exact or partial from the words alone; None when the wording alone does not make them one."""
    if not a or not b:
        return None
    if a == b:
        return "exact"
    short, long = sorted((a, b), key=len)
    if _contains(long, short):
        return "partial"
    shared = sum((Counter(short) & Counter(long)).values())
    if len(short) >= MIN_CONTAINMENT_TOKENS and shared / len(short) >= PARTIAL_CONTAINMENT:
        return "partial"
    return None


def compatible_speakers(a: Speaker | None, b: Speaker | None) -> bool:
    """A paraphrase needs a speaker on both sides: similar words from two people are two statements."""
    return a is not None and b is not None and a.id == b.id


def differing_words(a: list[str], b: list[str]) -> tuple[range, range] | None:
    """Where two quotes of one passage differ (word ranges in `a` and `b`), ignoring trims.

    Words one quote has beyond the passage the other prints are a trim; a short different ending
    (or opening) in both is a changed word ("without distraction" / "without me").
    """
    blocks = [m for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size]
    if sum(m.size for m in blocks) < MIN_QUOTE_OVERLAP:
        return None
    first, last = blocks[0], blocks[-1]
    start_a, start_b = first.a, first.b
    if 0 < first.a <= MAX_EDGE_CHANGE and 0 < first.b <= MAX_EDGE_CHANGE:
        start_a, start_b = 0, 0
    end_a, end_b = last.a + last.size, last.b + last.size
    if 0 < len(a) - end_a <= MAX_EDGE_CHANGE and 0 < len(b) - end_b <= MAX_EDGE_CHANGE:
        end_a, end_b = len(a), len(b)
    gaps = []
    prev_a, prev_b = start_a, start_b
    for m_a, m_b, size in [(m.a, m.b, m.size) for m in blocks] + [(end_a, end_b, 0)]:
        if m_a > prev_a or m_b > prev_b:
            gaps.append((prev_a, m_a, prev_b, m_b))
        prev_a, prev_b = m_a + size, m_b + size
    if not gaps:
        return None
    return range(gaps[0][0], gaps[-1][1]), range(gaps[0][2], gaps[-1][3])


PERSON_WORDS = frozenset("i me my mine we us our ours you your he him his she her hers they them their theirs".split())


def adapted(a: list[str], b: list[str]) -> bool:
    """Do the two wordings differ only as reported speech adapts a quote: a person ("I look" / "he looks")
    or a verb's ending ("look" / "looks")? Outlets quoting words into their own sentence do that."""
    changes = [(a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if tag != "equal"]
    for mine, theirs in changes:
        kept = [w for w in mine if w not in PERSON_WORDS], [w for w in theirs if w not in PERSON_WORDS]
        if len(kept[0]) != len(kept[1]) or any(x[:4] != y[:4] or min(len(x), len(y)) < 4 for x, y in zip(*kept)):
            return False
    return bool(changes)


def shared_words(a: list[str], b: list[str]) -> int:
    """Words two wordings print alike, in order."""
    return sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def one_passage(a: list[str], b: list[str]) -> bool:
    """Do two quotes print one passage (however trimmed), rather than merely share a phrase?"""
    return shared_words(a, b) >= SAME_PASSAGE * min(len(a), len(b))


@dataclass(slots=True)
class _Item:
    """One statement with what alignment reads from it."""

    statement: Statement
    article_index: int
    words: list[str]


class _Forest:
    """Union-find that remembers, per root, the weakest link that joined its members."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.weakest: dict[int, Relation] = {}
        self._members: dict[int, list[int]] = {}

    def members(self, root: int) -> list[int]:
        return self._members.get(root, [root])

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, relation: Relation, apart: Callable[[int, int], bool] | None = None) -> None:
        """Join the groups of i and j, unless `apart` says two of their members are different statements."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return
        if apart is not None and any(apart(x, y) for x in self.members(ri) for y in self.members(rj)):
            return
        root, child = min(ri, rj), max(ri, rj)
        self.parent[child] = root
        self._members[root] = self.members(root) + self._members.pop(child, [child])
        relations = [relation, *(self.weakest.pop(r) for r in (ri, rj) if r in self.weakest)]
        self.weakest[root] = max(relations, key=RELATION_RANK.__getitem__)


def _items(articles: Sequence[Article]) -> list[_Item]:
    return [
        _Item(s, index, words)
        for index, article in enumerate(articles)
        for s in article.statements
        if (words := tokens(s.content.text))
    ]


PublicationKey = tuple[bool, datetime, int]


def publication_key(index: int, article: Article) -> PublicationKey:
    """Sorts articles by publication time, undated ones last, ties by `index` (their input order)."""
    when = parse_datetime(article.published)
    return (when is None, when or datetime.min.replace(tzinfo=timezone.utc), index)


def publication_order(articles: Sequence[Article]) -> dict[str, int]:
    """Rank of each article by publication time; undated ones last, ties in input order."""
    ranked = sorted(range(len(articles)), key=lambda i: publication_key(i, articles[i]))
    return {articles[i].id: rank for rank, i in enumerate(ranked)}


def parse_datetime(value: str | None) -> datetime | None:
    """An ISO date or datetime as an aware UTC datetime (a bare date is its midnight UTC)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed.astimezone(timezone.utc)


def _cross_pairs(block: Iterable[int], items: list[_Item]) -> Iterable[tuple[int, int]]:
    members = sorted(set(block))
    for i, j in combinations(members, 2):
        if items[i].article_index != items[j].article_index:
            yield i, j


Link = tuple[Relation, int, int]  # relation, the two items


def _lexical_links(items: list[_Item]) -> list[Link]:
    """Exact and partial links, compared only within a shared word trigram (or a whole short text)."""
    by_shingle: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        words = item.words
        for k in range(max(1, len(words) - SHINGLE + 1)):
            by_shingle[tuple(words[k : k + SHINGLE])].append(i)
    pairs = {pair for block in by_shingle.values() for pair in _cross_pairs(block, items)}
    links = []
    for i, j in sorted(pairs):
        relation = lexical_relation(items[i].words, items[j].words) or same_passage(items[i].statement, items[j].statement)
        if relation:
            links.append((relation, i, j))
    return links


def same_passage(a: Statement, b: Statement) -> Relation | None:
    """"partial" for two quotes of one passage by one speaker whose words differ inside ("use whatever
    compulsory methods are necessary" / "use whatever compulsory mechanism necessary"): too changed
    for `lexical_relation`, but one quote, and the misquote check needs them in one group.

    Read on content words in order, so one opening ("We are the ones who …") shared by two passages
    does not make them one."""
    if not compatible_speakers(a.speaker, b.speaker):
        return None
    if _fragment_quoted(a, b) or _fragment_quoted(b, a):
        return "partial"
    words_a, words_b = ([w for w in folded(wording(quoted_text(s))) if w not in STOPWORDS] for s in (a, b))
    shared = shared_words(words_a, words_b)
    return "partial" if shared >= max(MIN_CONTAINMENT_TOKENS, SAME_PASSAGE * min(len(words_a), len(words_b))) else None


def _fragment_quoted(mixed: Statement, other: Statement) -> bool:
    """Does reported speech quote words of the other statement's quote: `called the ad "dishonest and
    hypocritical"` beside `"The ad is dishonest and hypocritical."` (its longest quoted part, at least
    three words, verbatim)."""
    if mixed.kind != "mixed":
        return False
    text = mixed.content.text
    fragment = max((folded(wording(text[start:end])) for start, end in quoted_parts(mixed)), key=len, default=[])
    return len(fragment) >= MIN_QUOTE_OVERLAP and _contains(folded(wording(quoted_text(other))), fragment)


def _similarity(items: list[_Item], pairs: list[tuple[int, int]], embed: Embed | None) -> list[float]:
    if embed is None:
        sets = {i: content_words(items[i].words) for pair in pairs for i in pair}
        return [len(sets[i] & sets[j]) / max(1, len(sets[i] | sets[j])) for i, j in pairs]
    needed = sorted({i for pair in pairs for i in pair})
    if not needed:
        return []
    vectors = np.asarray(embed([items[i].statement.content.text for i in needed]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    row = {i: r for r, i in enumerate(needed)}
    return [float(vectors[row[i]] @ vectors[row[j]]) for i, j in pairs]


def _paraphrase_links(items: list[_Item], embed: Embed | None) -> list[Link]:
    """Same-speaker statements from different articles that say the same thing in other words.

    Two direct quotes are never a paraphrase: words printed as the speaker's own are one statement
    only when they are one passage (`_lexical_links`); alike in meaning, they are two things said
    ("We're the ones who are offering a plan …" / "We're the ones who are not raiding …").

    Two statements sharing no content word are not compared: none such reached the embedder's threshold
    on the benchmark pages, and leaving them out spares a third of the statement embeddings."""
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        if item.statement.speaker is not None:
            by_speaker[item.statement.speaker.id].append(i)
    content = {i: content_words(items[i].words) for block in by_speaker.values() for i in block}
    pairs = sorted(
        (i, j)
        for block in by_speaker.values()
        for i, j in _cross_pairs(block, items)
        if compatible_speakers(items[i].statement.speaker, items[j].statement.speaker)
        and not items[i].statement.kind == items[j].statement.kind == "direct"
        and not content[i].isdisjoint(content[j])
    )
    threshold = PARAPHRASE_COSINE if embed is not None else PARAPHRASE_JACCARD
    scores = _similarity(items, pairs, embed)
    return [("paraphrase", i, j) for (i, j), score in zip(pairs, scores, strict=True) if score >= threshold]


def majority_speaker(statements: Sequence[Statement]) -> Speaker | None:
    """The speaker most outlets credit; ties go to the first credited, so the result is stable."""
    speakers = [s.speaker for s in statements if s.speaker is not None]
    if not speakers:
        return None
    counts = Counter(sp.id for sp in speakers)
    best = max(counts.values())
    return next(sp for sp in speakers if counts[sp.id] == best)


QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"")


def quoted_parts(statement: Statement) -> list[tuple[int, int]]:
    """Where, within its content, a statement prints the speaker's own words: all of a direct quote,
    the parts of a mixed one inside quote marks (`that Trump had "left behind a record …"`), none of
    reported speech."""
    if statement.kind == "direct":
        return [(0, len(statement.content.text))]
    if statement.kind == "mixed":
        text = statement.content.text
        parts = [m.span(1) if m.group(1) else m.span(2) for m in QUOTED.finditer(text)]
        # the longest part that is no title: "reaffirm “In God We Trust” … is “not putting people back to
        # work”" quotes the speaker in the second part only, and two parts joined are no one passage
        spoken = [(start, end) for start, end in parts if not title_case(text[start:end])]
        return [max(spoken, key=lambda p: p[1] - p[0])] if spoken else []
    return []


def quoted_text(statement: Statement) -> str:
    return " ".join(statement.content.text[start:end] for start, end in quoted_parts(statement))


# The outlet's marks in a quote: "[the White House]" stands for the speaker's words, "(its direction)" is an
# aside an outlet may add or drop, "…" cuts words out.
_EDITS = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_OMISSION = re.compile(r"…|\.\.\.")
NEGATIONS = frozenset({"not", "no", "never", "nor"})


def editing(text: str) -> tuple[list[str], set[int]]:
    """Per word of `wording(text)`, the bracket it stands in ("[", "(" or ""); and the word positions where
    an ellipsis marks an omission."""
    words, edits = wording(text), list(_EDITS.finditer(text))
    marks = [next((m.group()[0] for m in edits if m.start() < w.start() and w.end() < m.end()), "") for w in words]
    omitted = {sum(w.end() <= m.start() for w in words) for m in _OMISSION.finditer(text)}
    return marks, omitted


def _edited(low: int, high: int, marks: list[str], omitted: set[int], mine: list[str], other: list[str]) -> bool:
    """Is one side of a change (`mine`, words low:high) only the outlet's editing against the `other` side's
    words there: words all in brackets, which stand for whatever the speaker said ("[Trump]" for "the
    president"); or an aside or an ellipsis where the other has or lacks words, unless what is dropped is a
    negation ("we will … raise taxes"), which turns the words round."""
    if high == low:
        return low in omitted and not NEGATIONS & set(other)
    if all(m == "[" for m in marks[low:high]):
        return True
    return not other and all(m == "(" for m in marks[low:high]) and not NEGATIONS & set(mine)


Unit = tuple[Statement, ...]  # one quote, or the parts of one quote split by its cue, in order


def _units(quotes: Sequence[Statement]) -> list[Unit]:
    """The quotes, the parts of one quote split by its cue ("“A,” she said, “B.”") joined into one unit."""
    units: list[list[Statement]] = []
    for q in sorted(quotes, key=lambda s: (s.article_id, s.content.start)):
        if units and units[-1][-1].article_id == q.article_id and one_utterance(units[-1][-1], q):
            units[-1].append(q)
        else:
            units.append([q])
    return [tuple(u) for u in units]


def misquoted(statements: Sequence[Statement], order: dict[str, int]) -> list[str]:
    """Quotes (direct, or a mixed statement's quoted words) whose wording departs from the best-supported
    wording of the same passage.

    The reference is the quote most others agree with; ties go to the earliest published (`order`). A
    quote split by its cue is read as one, so a word one outlet adds or drops where another splits the
    quote ("who those Hispanics are, because they are …" / "… are," he said. "They are …") is a
    change; more than MAX_EDGE_CHANGE words apart there are sentences stitched at the cue, like a trim.
    """
    quotes = [s for s in statements if quoted_text(s)]
    parts = {s.id: folded(wording(quoted_text(s))) for s in quotes}
    edits = {s.id: editing(quoted_text(s)) for s in quotes}
    units = _units(quotes)

    def bounds(u: Unit) -> list[tuple[int, int]]:
        ends = list(accumulate(len(parts[s.id]) for s in u))
        return list(zip([0, *ends[:-1]], ends, strict=True))

    def marks(u: Unit) -> tuple[list[str], set[int]]:
        """The unit's editing marks, at its word positions."""
        brackets = [mark for s in u for mark in edits[s.id][0]]
        omitted = {start + i for s, (start, _) in zip(u, bounds(u), strict=True) for i in edits[s.id][1]}
        return brackets, omitted

    def stitched(gap: tuple[int, int, int, int], u: Unit) -> bool:
        i1, i2, j1, j2 = gap
        return any(i1 <= join <= i2 for join, _ in bounds(u)[1:]) and max(i2 - i1, j2 - j1) > MAX_EDGE_CHANGE

    def changes(u: Unit, v: Unit) -> list[tuple[int, int, int, int]]:
        """Where u's wording and v's differ (word ranges i1:i2 in u, j1:j2 in v); none when they agree."""
        a, b = ([w for s in unit for w in parts[s.id]] for unit in (u, v))
        if u[0].article_id == v[0].article_id or not one_passage(a, b) or (differ := differing_words(a, b)) is None:
            return []
        if "mixed" in (s.kind for s in u + v) and adapted(a, b):
            return []
        gaps = [
            (i1, i2, j1, j2) for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            if tag != "equal" and differ[0].start <= i1 and i2 <= differ[0].stop and differ[1].start <= j1 and j2 <= differ[1].stop
        ]  # fmt: skip
        mine, theirs = marks(u), marks(v)
        return [
            g for g in gaps if not stitched(g, u) and not stitched((g[2], g[3], g[0], g[1]), v)
            and not _edited(g[0], g[1], *mine, a[g[0] : g[1]], b[g[2] : g[3]])
            and not _edited(g[2], g[3], *theirs, b[g[2] : g[3]], a[g[0] : g[1]])
        ]  # fmt: skip

    def support(u: Unit) -> tuple[int, int, int]:
        agree = sum(1 for o in units if o[0].article_id != u[0].article_id and not changes(u, o))
        return (-agree, order.get(u[0].article_id, len(order)), u[0].content.start)

    # Of each two wordings that conflict, the less supported departs: the parts of it that hold a change.
    # One reference for the whole group would miss them where a short fragment agrees with everyone.
    supports = [support(u) for u in units]
    departing: set[str] = set()
    for i, j in combinations(range(len(units)), 2):
        gaps = changes(units[i], units[j])
        unit, mine = (units[i], [g[:2] for g in gaps]) if supports[i] >= supports[j] else (units[j], [g[2:] for g in gaps])
        departing.update(
            s.id for s, (start, end) in zip(unit, bounds(unit), strict=True)
            if any(start < high and low < end if low < high else start <= low <= end for low, high in mine)
        )  # fmt: skip
    return sorted(departing)


SPLIT_QUOTE_GAP = 60  # characters between the parts of one quote split by its cue ("“A,” she said, “B.”")


def one_utterance(a: Statement, b: Statement) -> bool:
    """Two statements of one article that are one statement in parts: one cue, or a quote split by it.
    Other pairs of one article are two statements, and a group holds at most one of them: a long quote
    in one outlet must not chain two separate quotes of another into one group."""
    if (a.cue.start, a.cue.end) == (b.cue.start, b.cue.end) and a.cue.end > a.cue.start:
        return True
    first, second = sorted((a, b), key=lambda s: s.content.start)
    return first.kind == second.kind == "direct" and 0 <= second.content.start - first.content.end <= SPLIT_QUOTE_GAP


def align_statements(articles: Sequence[Article], embed: Embed | None = None) -> list[StatementGroup]:
    """Groups of statements from different articles that report one statement; singletons are left out."""
    items = _items(articles)
    links = _lexical_links(items) + _paraphrase_links(items, embed)
    forest = _Forest(len(items))

    def apart(x: int, y: int) -> bool:
        a, b = items[x], items[y]
        return a.article_index == b.article_index and not one_utterance(a.statement, b.statement)

    # In order of relation, then of the statements: ranking links by words shared or same speaker first
    # joined more wrong pairs on held-out BASIL events than it mended on the development ones.
    for relation, i, j in sorted(links, key=lambda link: (RELATION_RANK[link[0]], link[1], link[2])):
        forest.union(i, j, relation, apart)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[forest.find(i)].append(i)
    order = publication_order(articles)
    groups = []
    for root, indices in members.items():
        if len(indices) < 2:
            continue
        statements = [items[i].statement for i in indices]
        ids = sorted(s.id for s in statements)
        groups.append(
            StatementGroup(
                id=stable_id(*ids, prefix="g"),
                statement_ids=ids,
                relation=forest.weakest[root],
                speaker=majority_speaker(statements),
                misquoted=misquoted(statements, order),
            )
        )
    return sorted(groups, key=lambda g: g.id)


def align_across_stories(
    articles: Sequence[Article], story_of: Mapping[str, str], embed: Embed | None = None
) -> list[StatementGroup]:
    """Groups of one statement reported in more than one story of a storyline (`story_of`: article -> story).

    A statement repeated days later ("as he said on Monday") ties the events of a thread together;
    groups within a single story are left to `align_statements` on that story.
    """
    present = [a for a in articles if a.id in story_of]
    statement_story = {s.id: story_of[a.id] for a in present for s in a.statements}
    return [
        g for g in align_statements(present, embed) if len({statement_story[i] for i in g.statement_ids}) > 1
    ]
