"""Counted quantities: a number, what it counts and what happened to it ("about 40 people were evacuated").

Two outlets' numbers are compared only when both count the same thing in the same role, so the
reader is never told that "two of the injured" contradicts "twelve were injured". The reading is
strict on purpose: a number whose noun and predicate cannot be told is left out, hedges ("about
40") keep their number, subsets ("two of them") are not totals, and labels ("Hall 4") and durations
("three years") are not counts, but for a prison term ("sentenced to three years").
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from storyline.relate.events import MONTHS, WEEKDAYS

Hedge = Literal["", "about", "below", "above", "under"]

WORD_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero _ two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
    if word != "_"  # "one" is mostly a pronoun ("no one", "one of them"): never a count here
} | {w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
UNITS = {"$": "dollars", "€": "euros", "£": "pounds"}
# Measures written onto the number ("60m", "2000ft"), as the word they abbreviate; not after a currency,
# where "m" is million.
ABBREVIATED_MEASURES = {"km": "kilometres", "m": "metres", "ft": "feet", "kg": "kilograms", "lb": "pounds", "lbs": "pounds"}
# Currencies written as a word after the amount ("85 million euros"); not "pounds", which mostly weighs.
CURRENCY_WORDS = {"dollars": "dollars", "euros": "euros", "yen": "yen", "yuan": "yuan", "rupees": "rupees"}
# Said before a number, what it makes of it: a rounded figure ("about 40"), one just below the figure
# ("nearly $44 million"), a floor ("more than 40") or a ceiling ("up to 40"). "just" and "only" stress
# the figure without widening it.
HEDGE_KINDS: dict[str, Hedge] = {
    "about": "about", "around": "about", "some": "about", "approximately": "about", "roughly": "about",
    "estimated": "about", "an estimated": "about", "nearly": "below", "almost": "below", "just under": "below",
    "over": "above", "more than": "above", "at least": "above", "just over": "above",
    "fewer than": "under", "less than": "under", "up to": "under", "just": "", "only": "",
}  # fmt: skip
HEDGES = frozenset(h for h in HEDGE_KINDS if " " not in h)
HEDGE_PAIRS = frozenset(tuple(h.split()) for h in HEDGE_KINDS if " " in h)
AUXILIARIES = frozenset("were was are is be been being have has had".split())
# Nouns that say nothing about who was counted: "40 workers" and "40 people" may be the same 40.
GENERIC_NOUNS = frozenset("people persons person individuals others workers staff employees".split())
# A number after one of these names a thing ("Hall 4", "Article 5"); it counts nothing.
LABEL_NOUNS = frozenset(
    "hall room gate terminal platform article section chapter page route number no building block unit level "
    "bay berth pier dock quay line flight case item figure table stage phase round floor pitch court lane".split()
)
# A number followed by these measures time or age, which outlets phrase too freely to compare.
TIME_NOUNS = frozenset("second seconds minute minutes hour hours day days week weeks month months year years".split())
SPEECH_VERBS = frozenset("said says say told tells added adds noted wrote writes".split())
FUNCTION_WORDS = frozenset(
    "a an the of to in on at for with by from as and or but than that this these those it its their his her "
    "who which whom while when where after before since during per also still now then more less fewer least "
    "up last first next other others another".split()
) | AUXILIARIES | HEDGES | frozenset(WEEKDAYS) | frozenset(MONTHS)
SUBSET_FOLLOWERS = frozenset("the them those these whom which us their its his her our you".split())
DETERMINERS = frozenset("the a an their his her its our this that these those".split())
IRREGULAR_PARTICIPLES = frozenset("hurt dead missing left taken held seen shot hit caught stuck sold paid spent won lost".split())
# Before an amount, words that say it is what something is worth: "jewels worth $160 million".
VALUE_WORDS = frozenset({"worth"})
# After a number these make it a time of day ("3 p.m."), not a count.
CLOCK_WORDS = frozenset("a p am pm o".split())
# Predicates that say one thing in other words, after suffix folding.
PREDICATE_SYNONYMS = {
    "hurt": "injur", "wound": "injur", "dead": "kill", "died": "kill", "die": "kill", "death": "kill", "worth": "valu",
}  # fmt: skip
_SUFFIXES = ("ions", "ion", "ings", "ing", "ies", "ied", "ed", "es", "s", "e")
APPOSITIVE_TOKENS = 15

_TOKEN = re.compile(
    r"(?P<num>(?<![\w.,:/-])[$€£]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w:/]|[.,]\d)"
    r"|(?<![\w.,:/-])[$€£]?\d+(?:\.\d+)?(?![\w:/]|[.,]\d)"
    r"|(?<![\w.,:/$€£-])\d+(?:\.\d+)?(?=(?:km|m|ft|kg|lbs?)\b))"
    r"|(?P<word>[A-Za-z]+(?:['’-][A-Za-z]+)*)|(?P<pct>%)|(?P<stop>[^\w\s])"
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Quantity:
    """One counted quantity: `key` says what was counted, `written` the number with its hedge."""

    value: float
    unit: str
    noun: str  # stem of a specific counted noun; "" when generic ("people") or absent
    predicate: str  # folded predicate ("evacuat"); "" when none
    agent: bool  # the counted did the predicate ("12 soldiers attacked the base")
    written: str
    start: int
    end: int
    label: str  # what a reader is told was counted: "people were evacuated"
    predicate_after: bool  # the predicate follows the number: the label reads naturally
    precision: float = 1.0  # the unit of its last significant digit: 1,000,000 for "$43 million"
    hedge: Hedge = ""
    kind_words: frozenset[str] = frozenset()  # what sort of the predicate noun: "combined" in "a combined rate of"
    target: str = ""  # the named thing the figure went to or was spent at: "martha vineyard holistic retreat"

    @property
    def bounds(self) -> tuple[float, float]:
        """The values the writer's words allow: a figure is rounded to its last digit ("$43 million" is
        42.5 to 43.5 million); "about" allows a whole unit either side, "nearly" a unit below, "more
        than" anything above."""
        value, unit = self.value, self.precision
        return {
            "": (value - unit / 2, value + unit / 2),
            "about": (value - unit, value + unit),
            "below": (value - unit, value),
            "above": (value, math.inf),
            "under": (0.0, value),
        }[self.hedge]

    @property
    def key(self) -> str:
        role = [f"{self.predicate} by"] if self.agent else [self.predicate]
        if self.target:  # an item of an account is told by whom it went to, not by the noun for it
            return " ".join(part for part in (self.unit, *role, f"at {self.target}") if part)
        return " ".join(part for part in (self.unit, self.noun, *role) if part)

    @property
    def formatted(self) -> str:
        return str(int(self.value)) if self.value == int(self.value) else f"{self.value:.6g}"

    @property
    def shown(self) -> str:
        """As written, with the digits when they were spelt out: "Twenty-one (21)" beside "12"."""
        return self.written if self.formatted in self.written else f"{self.written} ({self.formatted})"


def tokenize(text: str) -> list[Token]:
    return [Token(m.lastgroup or "stop", m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def word_value(word: str) -> int | None:
    """"forty", "twenty-five"; None for anything else."""
    parts = word.lower().split("-")
    if len(parts) == 2 and WORD_NUMBERS.get(parts[0], 0) >= 20 and (parts[1] == "one" or parts[1] in WORD_NUMBERS):
        return WORD_NUMBERS[parts[0]] + WORD_NUMBERS.get(parts[1], 1)
    return WORD_NUMBERS.get(parts[0]) if len(parts) == 1 else None


def fold_predicate(word: str) -> str:
    """"evacuation", "evacuated" → "evacuat"; "hurt", "injuries" → "injur"."""
    folded = word.lower()
    for suffix in _SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 4:
            folded = folded[: -len(suffix)]
            break
    return PREDICATE_SYNONYMS.get(folded, PREDICATE_SYNONYMS.get(word.lower(), folded))


def noun_stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _verb_like(word: str) -> bool:
    word = word.lower()
    return word.endswith(("ed", "ing")) or word in IRREGULAR_PARTICIPLES


def _at(tokens: Sequence[Token], i: int) -> Token | None:
    return tokens[i] if 0 <= i < len(tokens) else None


def _read_number(tokens: Sequence[Token], i: int) -> tuple[float, str, int] | None:
    """(value, unit, index after the number) for a number starting at token `i`."""
    token = tokens[i]
    unit = ""
    if token.kind == "num":
        digits = token.text
        if digits[0] in UNITS:
            unit, digits = UNITS[digits[0]], digits[1:]
        value: float = float(digits.replace(",", ""))
    elif token.kind == "word" and (spelled := word_value(token.text)) is not None:
        value = spelled
    else:
        return None
    j = i + 1
    if (scale := _at(tokens, j)) and scale.lower in SCALES:
        value *= SCALES[scale.lower]
        j += 1
    if (nxt := _at(tokens, j)) and nxt.lower in CURRENCY_WORDS and not unit:
        unit, j = CURRENCY_WORDS[nxt.lower], j + 1
    elif (nxt := _at(tokens, j)) and nxt.lower in ("percent", "%"):
        unit, j = "percent", j + 1
    elif (nxt := _at(tokens, j)) and (cent := _at(tokens, j + 1)) and f"{nxt.lower} {cent.lower}" == "per cent":
        unit, j = "percent", j + 2
    return value, unit, j


def _is_date_part(tokens: Sequence[Token], i: int, value: float) -> bool:
    """Years, day numbers next to a month name ("Sept. 11") and times of day ("3 p.m.") count no things."""
    before = _at(tokens, i - 2) if (dot := _at(tokens, i - 1)) and dot.text == "." else dot
    near = [t.lower for t in (before, _at(tokens, i + 1)) if t]
    clock = (nxt := _at(tokens, i + 1)) is not None and nxt.lower in CLOCK_WORDS and (
        (mark := _at(tokens, i + 2)) is None or mark.text in (".", "'"))
    return (1900 <= value <= 2100 and float(value).is_integer()) or any(w in MONTHS for w in near) or clock


def _precision(tokens: Sequence[Token], i: int, after: int, hedged: bool) -> float:
    """The unit of the last significant digit of the number at `i` (ending before `after`).

    Trailing zeros are read as rounding only after a hedge ("about 50,000"): a bare "50,000" or
    "forty" keeps at least two significant digits, so it is not taken to allow 54,000 or 44.
    """
    token = tokens[i]
    digits = token.text.lstrip("$€£").replace(",", "") if token.kind == "num" else str(word_value(token.text) or 0)
    if "." in digits:
        unit = 10.0 ** -len(digits.split(".")[1])
    else:
        zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
        unit = 10.0**zeros if hedged else 10.0 ** min(zeros, max(0, len(digits) - 2))
    if after > i + 1 and (scale := tokens[i + 1].lower) in SCALES:
        unit *= SCALES[scale]
    return unit


def _hedge(tokens: Sequence[Token], first: int, i: int) -> Hedge:
    """What the hedge nearest the number (`tokens[first:i]`) makes of it: "just over" is "over"."""
    words = [t.lower for t in tokens[first:i]]
    if len(words) >= 2 and (pair := " ".join(words[-2:])) in HEDGE_KINDS:
        return HEDGE_KINDS[pair]
    return HEDGE_KINDS.get(words[-1], "") if words else ""


def _hedge_start(tokens: Sequence[Token], i: int) -> int:
    while (prev := _at(tokens, i - 1)) and prev.kind == "word":
        if prev.lower in HEDGES:
            i -= 1
        elif (pair := _at(tokens, i - 2)) and (pair.lower, prev.lower) in HEDGE_PAIRS:
            i -= 2
        else:
            break
    return i


def _is_label(tokens: Sequence[Token], first: int) -> bool:
    """"Hall 4", "Euro 2028", "No. 3", "the Ground Zero mosque": a number in a name or after a label noun."""
    prev = _at(tokens, first - 1)
    if prev is not None and prev.text == "." and (label := _at(tokens, first - 2)) is not None:
        return label.lower in LABEL_NOUNS
    if tokens[first].kind == "word" and tokens[first].text[0].isupper() and not _starts_sentence(tokens, first):
        return True
    if prev is None or prev.kind != "word":
        return False
    capitalised = prev.text[0].isupper() and prev.lower not in FUNCTION_WORDS and not _starts_sentence(tokens, first - 1)
    return capitalised or prev.lower in LABEL_NOUNS


def _starts_sentence(tokens: Sequence[Token], i: int) -> bool:
    opener = _at(tokens, i - 1)
    return opener is None or opener.text in (".", "!", "?", ":", ";", "\"", "“")


def _is_subset(tokens: Sequence[Token], after: int) -> bool:
    """"two of the injured", "two of them": part of a total stated elsewhere."""
    of, whom = _at(tokens, after), _at(tokens, after + 1)
    return bool(of and of.lower == "of" and whom and whom.lower in SUBSET_FOLLOWERS)


def _noun_word(token: Token | None) -> bool:
    return bool(
        token
        and token.kind == "word"
        and token.text.islower()
        and token.lower not in FUNCTION_WORDS
        and not token.lower.endswith("ly")
        and not _verb_like(token.lower)
    )


def _skip_appositive(tokens: Sequence[Token], j: int) -> int:
    """Past ", night-shift workers and staff," to the verb after it; `j` itself when there is none."""
    if not ((comma := _at(tokens, j)) and comma.text == ","):
        return j
    for k in range(j + 1, min(len(tokens), j + APPOSITIVE_TOKENS)):
        if tokens[k].kind == "stop" and tokens[k].text != ",":
            return j
        if tokens[k].text == "," and (aux := _at(tokens, k + 1)) and aux.lower in AUXILIARIES:
            return k + 1
    return j


def _predicate_after(tokens: Sequence[Token], j: int, bare: bool) -> tuple[Token, bool] | None:
    """(participle, agent) for "... were evacuated" or a bare "40 evacuated"."""
    auxiliaries = 0
    while (aux := _at(tokens, j)) and aux.lower in AUXILIARIES:
        auxiliaries, j = auxiliaries + 1, j + 1
    if auxiliaries and (adverb := _at(tokens, j)) and adverb.kind == "word" and adverb.lower.endswith("ly"):
        j += 1
    verb = _at(tokens, j)
    if verb is None or verb.kind != "word" or not _verb_like(verb.lower) or not (auxiliaries or bare):
        return None
    after = _at(tokens, j + 1)
    if not auxiliaries and (verb.lower.endswith("ing") or _noun_word(after)):
        return None  # "two neighbouring halls": an adjective, not what happened to them
    agent = not auxiliaries and bool(after and after.lower in DETERMINERS)
    return verb, agent


def _predicate_before(tokens: Sequence[Token], first: int) -> Token | None:
    """"injuring 12", "the evacuation of about 40", "valued at $5 million", "worth $5 million": the verb or
    noun that governs the number."""
    prev = _at(tokens, first - 1)
    nominal = bool(prev and prev.lower == "of")
    if nominal or (prev and prev.lower == "at" and (verb := _at(tokens, first - 2)) and _verb_like(verb.lower)):
        prev = _at(tokens, first - 2)
    if prev is None or prev.kind != "word" or not prev.text.islower():
        return None
    if prev.lower in VALUE_WORDS:
        return prev
    if prev.lower in FUNCTION_WORDS or prev.lower in SPEECH_VERBS or not (nominal or _verb_like(prev.lower)):
        return None
    return prev


def _kind_words(tokens: Sequence[Token], first: int) -> frozenset[str]:
    """The words before a governing noun ("an effective federal tax rate of 35 percent"): they say which
    rate, total or share is meant, so "a combined rate of 45 percent" is another figure."""
    if not ((of := _at(tokens, first - 1)) and of.lower == "of"):
        return frozenset()
    words = []
    k = first - 3
    while (word := _at(tokens, k)) and word.kind == "word" and word.text.islower() and word.lower not in FUNCTION_WORDS:
        words.append(word.lower)
        k -= 1
    return frozenset(words)


def _quantity(text: str, tokens: Sequence[Token], i: int) -> Quantity | None:
    read = _read_number(tokens, i)
    if read is None:
        return None
    value, unit, after = read
    if _is_date_part(tokens, i, value) and not unit:
        return None
    first = _hedge_start(tokens, i)
    if _is_label(tokens, first) or _is_subset(tokens, after):
        return None
    noun_token = _at(tokens, after) if _noun_word(_at(tokens, after)) else None
    if noun_token and noun_token.lower == "block" and (of := _at(tokens, after + 1)) and of.lower == "of":
        return None  # "the 12500 block of Elm Street": an address, compared as a place
    if noun_token and (noun_token.lower in TIME_NOUNS or noun_token.lower.split("-")[0] in TIME_NOUNS):
        return _prison_term(text, tokens, i, after, value) if noun_token.lower in TIME_NOUNS else None
    j = after + 1 if noun_token else after
    before = _predicate_before(tokens, first)
    if before is not None and before.lower in VALUE_WORDS:  # "art worth $90 million was taken": a value, not a haul
        verb = None
    else:
        verb = _predicate_after(tokens, _skip_appositive(tokens, j), bare=True) or _predicate_after(tokens, j, bare=False)
        before = None if verb else before
    if noun_token and noun_token.start == tokens[after - 1].end:  # "60m": the measure written onto it
        if _noun_word(_at(tokens, after + 1)):
            return None  # "5m people": a million, whose count is another's to read
        noun_token = replace(noun_token, text=ABBREVIATED_MEASURES.get(noun_token.lower, noun_token.text))
    noun = "" if noun_token is None or noun_token.lower in GENERIC_NOUNS else noun_stem(noun_token.text)
    predicate_token = verb[0] if verb else before
    target = _named_target(tokens, j) if unit else ""
    if predicate_token is None and not noun and not target:
        return None
    noun_text = noun_token.text if noun_token else ""
    if verb:
        start, end = tokens[first].start, verb[0].end
        between = text[tokens[after - 1].end : end].strip()
        label = between if len(between.split()) <= 4 else f"{noun_text} {verb[0].text}".strip()
    else:
        label = f"{before.text if before else ''} {noun_text}".strip()
        start = before.start if before else tokens[first].start
        end = noun_token.end if noun_token else tokens[after - 1].end
    return Quantity(
        value=value,
        unit=unit,
        noun=noun,
        predicate=fold_predicate(predicate_token.text) if predicate_token else "",
        agent=bool(verb and verb[1]),
        written=text[tokens[first].start : tokens[after - 1].end],
        start=start,
        end=end,
        label=label,
        predicate_after=verb is not None,
        precision=_precision(tokens, i, after, hedged=(hedge := _hedge(tokens, first, i)) != ""),
        hedge=hedge,
        kind_words=_kind_words(tokens, first) if before else frozenset(),
        target=target,
    )


# A prison term is one count per convict, given as a duration: "sentenced to 12 years in prison", "serving
# three life sentences". Other durations ("talks lasted three days") are phrased too freely to compare, and a
# term someone faces ("faces up to 20 years") is a maximum, not the sentence.
TERM_VERBS = frozenset("sentenced jailed imprisoned serving served serve".split())
SERVING = frozenset("serving served serve".split())  # a term only of prison: "served 12 years as governor" is none
TERM_LINKS = frozenset("to for a of".split())  # "sentenced to", "jailed for", "serving a", "a sentence of"
PRISON_WORDS = frozenset("prison jail bars".split())  # "12 years in prison", "behind bars"
UNSENTENCED_WORDS = frozenset("face faces facing faced could would might may maximum possible potential".split())
LIFE_TERMS = frozenset("sentence sentences term terms".split())
TERM_CONTEXT = 4  # tokens either side of a term read for its verb, its prison or a maximum


def _term(text: str, tokens: Sequence[Token], first: int, end: int, value: float, unit: str, noun: str) -> Quantity | None:
    """A term of prison from `tokens[first]` to `tokens[end - 1]`: one its convict got, said by a
    sentencing verb before it ("sentenced to", "serving") or a prison after it ("in prison"); the verb
    makes it a count of known role."""
    before = [t.lower for t in tokens[max(0, first - TERM_CONTEXT) : first]]
    after = [t.lower for t in tokens[end : end + TERM_CONTEXT]]
    if UNSENTENCED_WORDS & set(before):
        return None
    links = list(itertools.dropwhile(lambda word: word not in TERM_VERBS, before))
    in_prison = bool(PRISON_WORDS & set(after)) or noun == "life term"
    sentenced = bool(links) and all(word in TERM_LINKS for word in links[1:]) and (links[0] not in SERVING or in_prison)
    if not sentenced and not in_prison:
        return None
    start, stop = tokens[first].start, tokens[end - 1].end
    hedge = _hedge(tokens, _hedge_start(tokens, first), first)
    return Quantity(
        value=value,
        unit=unit,
        noun=noun,
        predicate="sentenc" if sentenced else "",
        agent=False,
        written=text[start:stop],
        start=start,
        end=stop,
        label=f"{unit} in prison" if unit else "life sentences",
        predicate_after=True,
        precision=_precision(tokens, first, first + 1, hedged=hedge != ""),
        hedge=hedge,
    )


def _prison_term(text: str, tokens: Sequence[Token], i: int, after: int, value: float) -> Quantity | None:
    """"12 years in prison", "sentenced to 10 years": a term counted in its unit of time."""
    duration = tokens[after].lower
    return _term(text, tokens, i, after + 1, value, duration if duration.endswith("s") else f"{duration}s", "prison term")


def _life_terms(text: str, tokens: Sequence[Token], i: int) -> Quantity | None:
    """"serving three life sentences", "a life term": how many life terms a convict got; "a" is one."""
    life, kind = _at(tokens, i + 1), _at(tokens, i + 2)
    if not (life and life.lower == "life" and kind and kind.lower in LIFE_TERMS):
        return None
    read = _read_number(tokens, i)
    value = 1.0 if tokens[i].lower in ("a", "one") else read[0] if read and read[2] == i + 1 and not read[1] else None
    return None if value is None else _term(text, tokens, i, i + 3, value, "", "life term")


TARGET_LINKS = frozenset("at on to for from".split())
NAME_LINKERS = frozenset("of and de".split())


def _named_target(tokens: Sequence[Token], j: int) -> str:
    """The named place or party right after an amount ("$5,600 on Martha's Vineyard Holistic Retreat", "a
    $466 dinner at CityZen"), folded: the item of an account it is. Days and months are no such name."""
    link = _at(tokens, j)
    if link is None or link.lower not in TARGET_LINKS:
        return ""
    k = j + 1 + bool((the := _at(tokens, j + 1)) and the.lower == "the")
    words: list[str] = []
    while (word := _at(tokens, k)) and word.kind == "word" and (word.text[0].isupper() or (words and word.lower in NAME_LINKERS)):
        if word.lower in MONTHS or word.lower in WEEKDAYS:
            return ""
        words.append(re.sub(r"['’]s$", "", word.lower))
        k += 1
    while words and words[-1] in NAME_LINKERS:
        words.pop()
    return " ".join(words)


def consistent(a: Quantity, b: Quantity) -> bool:
    """Can both figures be true of one count: do the values their words allow overlap? Ranges that only
    touch share no value: "five" (4.5 to 5.5) is not "six" (5.5 to 6.5), nor "fewer than 40" "more than 40".
    Of two bare figures, the finer is taken at its word and must round to the coarser: "$12,730,115" is
    "$12.7 million", but "135 pounds" is not "130 pounds" (it rounds to 140)."""
    if not a.hedge and not b.hedge and a.precision != b.precision:
        coarse, fine = (a, b) if a.precision > b.precision else (b, a)
        low, high = coarse.bounds
        return low <= fine.value < high
    (low_a, high_a), (low_b, high_b) = a.bounds, b.bounds
    return max(low_a, low_b) < min(high_a, high_b)


def _conversion(text: str, tokens: Sequence[Token], i: int, last: Quantity | None) -> Quantity | None:
    """"85 million euros ($108 million)": an amount in brackets right after another is the same amount in
    another currency, and counts what the first counts."""
    opener, read = _at(tokens, i - 1), _read_number(tokens, i)
    if last is None or not last.unit or read is None or not read[1] or opener is None or opener.text != "(":
        return None
    value, unit, after = read
    closer = _at(tokens, after)
    if unit == last.unit or closer is None or closer.text != ")" or text[last.end : opener.start].strip():
        return None
    end = tokens[after - 1].end
    return replace(last, value=value, unit=unit, written=text[tokens[i].start : end], start=tokens[i].start, end=end,
                   precision=_precision(tokens, i, after, hedged=last.hedge != ""))  # fmt: skip


def quantities(text: str) -> list[Quantity]:
    """Every counted quantity in `text` whose noun or predicate can be read."""
    return list(_quantities(text))


@functools.lru_cache(maxsize=256)
def _quantities(text: str) -> tuple[Quantity, ...]:
    """Read once per text: a story's comparison and its storyline's both read every article's figures."""
    tokens = tokenize(text)
    found: list[Quantity] = []
    for i in range(len(tokens)):
        if i > 0 and _read_number(tokens, i - 1) is not None:
            continue  # the second word of "twenty five", or "2.5 million"'s scale
        quantity = _life_terms(text, tokens, i) or _quantity(text, tokens, i) or _conversion(text, tokens, i, found[-1] if found else None)
        if quantity is not None:
            found.append(quantity)
    return tuple(found)
