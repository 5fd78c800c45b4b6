"""Person-name logic shared by the article and corpus stages: titles, surnames, spelling tolerance.

Names are compared, never trusted: outlets drop letters ("Khalizad"), shorten first names ("Jen") and
prefix titles ("Secretary Pompeo"), yet two people who share a surname must stay apart.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final, TypeVar

from storyline.analysis.lexicon import ORG_WORDS, PRODUCT_WORDS, UNIT_WORDS

T = TypeVar("T")

# Forms of address: a title that says nothing of a role.
HONORIFICS: Final = frozenset("mr mrs ms miss mx dr sir dame".split())

# Words that qualify a name without being part of it.
TITLES: Final = HONORIFICS | frozenset(
    "assistant associate acting prof professor lord lady president vice prime minister secretary "
    "general ambassador envoy special senator sen rep representative governor gov mayor chancellor "
    "king queen prince princess pope judge justice chief director spokesman spokeswoman spokesperson "
    "commander colonel col lt lieutenant captain capt sgt sergeant admiral deputy former foreign "
    "defense defence interior finance state chairman chairwoman chair ceo premier sheikh imam "
    "bishop rev reverend father brother sister ayatollah mullah marshal field commandant "
    # roles newsrooms write before a name as if a title ("U.S. Attorney Bash", "Legislator Tanya Chan")
    "attorney prosecutor legislator lawmaker congressman congresswoman councilman councilwoman councillor "
    "councilor assemblyman assemblywoman commissioner sheriff superintendent detective inspector trooper "
    "scientist researcher economist analyst dean coach pastor rabbi cardinal archbishop emir sultan speaker "
    "leader whip treasurer auditor comptroller solicitor barrister magistrate officer "
    "cpl corporal det insp supt cmdr adm brig".split()
)

# Titles written shortened before a name ("sheriff's Sgt. Don Smith"): their full stop ends no sentence.
ABBREVIATED_TITLES: Final = frozenset(
    "Mr Mrs Ms Dr Prof Gov Sen Rep Rev Gen Col Lt Sgt Capt Cpl Det Insp Supt Cmdr Adm Brig".split()
)

NICKNAMES: Final[dict[str, str]] = {
    "mike": "michael", "mick": "michael", "bill": "william", "will": "william", "billy": "william",
    "bob": "robert", "rob": "robert", "bobby": "robert", "jim": "james", "jimmy": "james",
    "joe": "joseph", "tom": "thomas", "dick": "richard", "rick": "richard", "dan": "daniel",
    "danny": "daniel", "dave": "david", "steve": "stephen", "tony": "anthony", "kate": "katherine",
    "katie": "katherine", "liz": "elizabeth", "beth": "elizabeth", "alex": "alexander",
    "chris": "christopher", "nick": "nicholas", "sam": "samuel", "ben": "benjamin",
    "ted": "edward", "ed": "edward", "andy": "andrew", "matt": "matthew", "pat": "patrick",
    "jen": "jennifer", "jenny": "jennifer", "sue": "susan", "meg": "margaret", "peggy": "margaret",
    # short forms of one given name only, as newsrooms use them for public figures
    "bibi": "benjamin", "bernie": "bernard", "chuck": "charles", "charlie": "charles", "larry": "lawrence",
    "mitch": "mitchell", "newt": "newton", "rudy": "rudolph", "ron": "ronald", "don": "donald",
    "fred": "frederick", "greg": "gregory", "jeff": "jeffrey", "jon": "jonathan", "ken": "kenneth",
    "nate": "nathan", "phil": "philip", "ray": "raymond", "stan": "stanley", "tim": "timothy",
    "vince": "vincent", "walt": "walter", "abby": "abigail", "becky": "rebecca", "debbie": "deborah",
    "maggie": "margaret", "patty": "patricia", "trish": "patricia", "vicky": "victoria", "mo": "maurice",
    "beto": "robert", "hank": "henry", "jerry": "gerald", "doug": "douglas", "mick": "michael",
}

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Generational suffixes: part of the name, never the surname, and they tell a father from his son.
SUFFIXES: Final = frozenset("jr jr. sr sr. ii iii iv".split())
# Letters written after a name for an honour, a rank or a degree ("Kama Melly QC"): never part of it.
POSTNOMINALS: Final = frozenset("qc kc mp mep msp md phd obe mbe cbe kbe esq".split())
# Lower-case words inside a name that link a given name to a family name ("Ali bin Tamim", "Ursula von der Leyen").
PARTICLES: Final = frozenset("bin bint ibn al el de del della di da dos das du van von der den ter la le".split())
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A written person name split into the parts that identify someone."""

    surname: str
    first: str | None = None
    middle: tuple[str, ...] = ()
    suffix: str | None = None  # "Jr.": Donald Trump Jr. is not Donald Trump

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.first, *self.middle, self.surname, self.suffix) if p)


def name_words(form: str) -> list[str]:
    """Words of a name form, without possessive endings."""
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(form)]


def strip_titles(words: list[str]) -> list[str]:
    """Keep what follows the last title ("NATO Secretary General Jens Stoltenberg" -> "Jens Stoltenberg")."""
    titled = [i for i, word in enumerate(words[:-1]) if word.lower().rstrip(".") in TITLES]
    return words[titled[-1] + 1 :] if titled else list(words)


def split_suffix(words: list[str]) -> tuple[list[str], str | None]:
    """A name's words without post-nominal letters ("QC"), and its generational suffix ("Jr.") apart: both
    close a name without being its surname."""
    words = list(words)
    while len(words) > 1 and words[-1].casefold().rstrip(".") in POSTNOMINALS:
        words.pop()
    suffix = words.pop() if len(words) > 1 and words[-1].casefold() in SUFFIXES else None
    return words, suffix


def parse_person_name(form: str) -> PersonName | None:
    """The parts of a capitalised name form; None for role phrases ("the NATO chief") and pronouns."""
    words, suffix = split_suffix(strip_titles(name_words(form)))
    inner = words[1:-1]
    if not words or not all(w[0].isupper() for w in (words[0], words[-1], *(w for w in inner if w not in PARTICLES))):
        return None
    if len(words) == 1:
        return PersonName(surname=words[0], suffix=suffix)
    return PersonName(surname=words[-1], first=words[0], middle=tuple(words[1:-1]), suffix=suffix)


def fold_name(form: str) -> str:
    """A name form for comparison: case, curly apostrophes and a leading "the" folded."""
    words = form.replace("’", "'").replace("‘", "'").casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


# A government body written either way round, its country named or not: "the U.S. Department of the
# Treasury", "the Treasury Department". A country dropped from any other name makes it another
# country's too ("U.S. Supreme Court", "Supreme Court"), so only the department's subject is kept.
_BODY_OF = re.compile(r"(?:(?:u\.s\.|us|united states) )?(department|ministry) of (?:the )?(.+)")


# A company's legal form, which the news writes once and drops after ("Kestrel Group Inc.", "Kestrel Group").
LEGAL_FORMS: Final = frozenset("inc corp co ltd llc plc gmbh ag".split())


def org_keys(form: str) -> set[str]:
    """Keys the written variants of one organisation's name share: the folded form, that form without a
    legal form at its end, and "Department of X" (after a country) turned "X Department"."""
    folded = fold_name(form)
    words = folded.split()
    if len(words) > 1 and words[-1].strip(".,") in LEGAL_FORMS:
        return {folded, " ".join(words[:-1]).rstrip(",")}
    body = _BODY_OF.fullmatch(folded)
    return {folded, f"{body[2]} {body[1]}"} if body else {folded}


_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&"})


def is_short_form(short: str, full: str) -> bool:
    """Does `short` abbreviate the organisation `full`, by its leading words or its initials?

    "Kestrel" for "Kestrel Chemical Storage", "FAI" for "Football Association of Ireland".
    """
    short_words, full_words = fold_name(short).split(), fold_name(full).split()
    if not short_words or len(short_words) >= len(full_words):
        return False
    if full_words[: len(short_words)] == short_words:
        return len(short_words[0]) >= 3 and not _whole(short, short_words) and not _names_part(full_words, len(short_words))
    return len(short_words) == 1 and short.isupper() and len(short) >= 2 and short_words[0] == _initials(full_words)


def _whole(form: str, words: list[str]) -> bool:
    """A name complete by itself, never the start of a longer one: an acronym ("BBC" is not short for "BBC
    Sport") or a name that ends in what kind of body it is ("State Department" is not short for "State
    Department Accountability Review Board", a body of its own)."""
    return (len(words) == 1 and form.isupper()) or words[-1] in ORG_WORDS


def _names_part(words: list[str], lead: int) -> bool:
    """Do the words after the first `lead` name a part of what those lead words name, a qualified unit
    ("Microsoft" + "Security Response Center") or a product ("Microsoft" + "Update")? A part never goes by its
    parent's name; "Treasury Department" adds only the kind of body and is the Treasury itself."""
    return (len(words) - lead >= 2 and words[-1] in UNIT_WORDS) or (len(words) > lead and words[-1] in PRODUCT_WORDS)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _ACRONYM_SKIP)


def short_form_keys(form: str) -> set[str]:
    """Keys an organisation form shares with every form it shortens or expands (`is_short_form` either way).

    Leading words share the first word; an acronym, as a one-word form, is filed as itself and its
    expansion under its initials. Looking up a form's keys finds all candidates without scanning.
    """
    words = fold_name(form).split()
    if not words:
        return set()
    return {f"w {words[0]}", f"i {_initials(words)}"} | ({f"i {words[0]}"} if len(words) == 1 else set())


def short_forms(forms: Iterable[str]) -> set[str]:
    """The forms that shorten another (`is_short_form`), in one pass over the words: an organisation
    named for months gathers hundreds of forms. Adding forms never takes a form out of this set."""
    words = {form: fold_name(form).split() for form in forms}
    leading = {tuple(w[:k]) for w in words.values() for k in range(1, len(w)) if not _names_part(w, k)}
    first_words: dict[str, set[str]] = {}  # initials of a longer form -> the first words of those forms
    for w in words.values():
        if len(w) > 1:
            first_words.setdefault(_initials(w), set()).add(w[0])

    def shortens(form: str) -> bool:
        w = words[form]
        if not w:
            return False
        if tuple(w) in leading and len(w[0]) >= 3 and not _whole(form, w):
            return True
        acronym = len(w) == 1 and form.isupper() and len(form) >= 2
        return acronym and bool(first_words.get(w[0], set()) - {w[0]})  # a form it leads is judged by length

    return {form for form in words if shortens(form)}


def form_rank(form: str, forms: dict[str, int]) -> tuple[int, int]:
    """How good a name for an organisation or place `form` is: most used, then longest."""
    return (forms[form], len(form))


def full_form(forms: dict[str, int]) -> str:
    """The most used organisation form that is not a short form of another ("Kestrel" loses to the full name)."""
    short = short_forms(forms)
    return max((f for f in forms if f not in short), key=lambda form: form_rank(form, forms))


def damerau_levenshtein(a: str, b: str) -> int:
    """Edit distance counting an adjacent swap as one edit (optimal string alignment)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


SLIP_MIN_LENGTH = 5  # shorter words must match exactly: one slip could make another word


@functools.lru_cache(maxsize=1 << 16)  # the same few names are folded thousands of times an article
def plain(word: str) -> str:
    """Case and accents folded: "Raúl" and "Raul" are one spelling, as outlets and records write it."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 16)  # every pair of names in an article is compared, most of them again and again
def similar_word(a: str, b: str, min_length: int = SLIP_MIN_LENGTH) -> bool:
    """Same word, or one slip apart when both are long enough for a slip to be unambiguous."""
    a, b = plain(a), plain(b)
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < min_length:
        return False  # the distance is at least the difference in length
    return damerau_levenshtein(a, b) <= 1


def surname_keys(surname: str) -> set[str]:
    """Keys under which a surname is filed: itself and, when long enough for a slip, itself less one letter.

    Two surnames one slip apart (`similar_word`: a letter changed, added, dropped or two swapped) share
    a key, so looking up a name's keys finds every surname it could be without scanning them all.
    """
    folded = plain(surname)
    if len(folded) < SLIP_MIN_LENGTH:
        return {folded}
    return {folded} | {folded[:i] + folded[i + 1 :] for i in range(len(folded))}


def compatible_first_names(a: str | None, b: str | None) -> bool:
    """Could these first names belong to one person? Unknown is compatible; a different name is not."""
    if a is None or b is None:
        return True
    a, b = plain(a).rstrip("."), plain(b).rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if NICKNAMES.get(a, a) == NICKNAMES.get(b, b):
        return True
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and len(long) - len(short) == 1:  # "Jen" / "Jens"
        return True
    return similar_word(a, b)


def _goes_by_short_form(plain_name: PersonName, suffixed: PersonName) -> bool:
    """Is the name without a suffix the everyday short form of the suffixed one's given name ("Joe Biden" of
    "Joseph R. Biden Jr.")? A son named after his father is told apart by the suffix when both are written
    alike ("Jesse Jackson", "Jesse Jackson Jr."); the one the news calls by a short form drops it."""
    if plain_name.suffix or not suffixed.suffix or not plain_name.first or not suffixed.first:
        return False
    short, given = plain(plain_name.first), plain(suffixed.first)
    return short != given and NICKNAMES.get(short) == given


def same_person(a: PersonName, b: PersonName) -> bool:
    """One person by surname and first name; a suffix must agree when both names give a first name
    (a lone "Trump" may be either, but "Trump Jr." is not "Donald Trump"), but for a short form without one."""
    suffixes_agree = (
        a.suffix == b.suffix or not (a.suffix or a.first) or not (b.suffix or b.first)
        or _goes_by_short_form(a, b) or _goes_by_short_form(b, a)
    )  # fmt: skip
    return similar_word(a.surname, b.surname) and compatible_first_names(a.first, b.first) and suffixes_agree


def _name_words(form: str) -> list[str]:
    """A person form's name words, folded ("Mr. Cowan" -> ["cowan"]); none for a form that is no name."""
    parsed = parse_person_name(form)
    return [plain(word) for word in parsed.full.split()] if parsed else []


def name_size(form: str) -> int:
    """How many name words a person form has ("Mr. Tom Cowan": 2); 0 for a form that is no name."""
    return len(_name_words(form))


def name_rank(form: str, forms: dict[str, int]) -> tuple[int, int]:
    """How good a name for a person `form` is: fullest, then most attested."""
    return (name_size(form), forms[form])


def confirmations(form: str, forms: dict[str, int]) -> int:
    """Articles that wrote part of `form` alone (its surname, its given name): other articles confirming
    its spelling, as "Cowan" written alone confirms "Tom Cowan" against "Tom Cowen"."""
    words = set(_name_words(form))
    return sum(count for other, count in forms.items() if (part := set(_name_words(other))) and part < words)


def best_name(forms: dict[str, int], candidates: Iterable[str] | None = None) -> str:
    """The fullest, then most attested of `candidates` (all `forms` by default): a one-off slip loses to
    the usual spelling. A tie goes to the spelling other forms confirm, and only then to the longest."""
    ranks = {form: name_rank(form, forms) for form in (forms if candidates is None else candidates)}
    top = max(ranks.values())
    return max((form for form, rank in ranks.items() if rank == top), key=lambda form: (confirmations(form, forms), len(form), form))


def exact_surnames(name: PersonName, fits: list[T], names: Callable[[T], PersonName]) -> list[T]:
    """Of the people `name` could be, those written with its surname exactly, when there are any: a slip
    ("Osama" for "Obama") is read only when no one has the surname as written."""
    exact = [fit for fit in fits if plain(names(fit).surname) == plain(name.surname)]
    return exact or fits


def unique_match(name: PersonName, candidates: Iterable[tuple[str, PersonName]]) -> str | None:
    """The key of the one candidate this name can be; None when none or several fit."""
    keys = {key for key, other in candidates if same_person(name, other)}
    return keys.pop() if len(keys) == 1 else None
