"""Text-level removal of site chrome that survives extraction (or was never marked up at all).

A table of named rules, checked in order on each paragraph. A "drop" rule removes one paragraph; a
"tail" rule removes its paragraph and everything after it (related links, "Check Also" blocks).
Reported prose (long enough and with quotes or a speech verb) is never dropped, wherever it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from storyline.model import normalise_text

_QUOTES = "\"“”«»„"
_SPEECH = re.compile(r"\b(said|says|told|added|stated|announced|according to|warned|asked)\b", re.I)
REPORTED_PROSE_MIN_WORDS = 12


@dataclass(slots=True)
class Context:
    title: str | None
    outlet: str | None
    index: int = 0
    previous: str | None = None  # rule that removed the previous paragraph
    count: int = 0  # paragraphs in the page
    words: int = 0  # in the paragraph under test: most rules look only at short ones


Test = Callable[[str, Context], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    test: Test
    tail: bool = False


@dataclass(slots=True)
class Cleaned:
    paragraphs: list[str]
    removed: list[str] = field(default_factory=list)  # "rule: text", for audit


def _words(text: str) -> int:
    return len(text.split())


def _pattern(regex: str, max_words: int) -> Test:
    compiled = re.compile(regex, re.IGNORECASE)
    return lambda text, ctx: ctx.words <= max_words and bool(compiled.search(text))


def _same_as_title(text: str, ctx: Context) -> bool:
    """The headline printed again above the body; a one-paragraph text that is its headline stays."""
    return ctx.count > 1 and bool(ctx.title) and normalise_text(text) == normalise_text(ctx.title or "")


# Not "|": rows of tables flattened to text use it too.
_CRUMB_SPLIT = re.compile(r"\s+[/›»>]\s+")
_CRUMB_ROOTS = {"home", "homepage", "start", "main", "news"}


def _breadcrumb(text: str, ctx: Context) -> bool:
    if ctx.words > 40:
        return False
    parts = _CRUMB_SPLIT.split(text)
    if len(parts) < 2:
        return False
    rooted = parts[0].strip().lower() in _CRUMB_ROOTS
    return rooted or (len(parts) >= 3 and all(_words(part) <= 4 for part in parts[:-1]))


def _kicker(text: str, ctx: Context) -> bool:
    """A section label above the text ("Antwerp fire"); only once the headline is known, so that a
    short plain-text headline is not mistaken for one."""
    return bool(ctx.title) and ctx.index == 0 and ctx.words <= 3 and not text.endswith((".", "!", "?"))


_BYLINE = re.compile(
    r"^(by\s+\S.*|.*\b(news\s+report|reporter|desk|staff|correspondent|bureau|news\s+service)"
    r"|(published|updated|posted|last\s+updated)\b.*)$",
    re.IGNORECASE,
)


def _byline(text: str, ctx: Context) -> bool:
    return ctx.index < 4 and ctx.words <= 10 and not text.endswith(".") and bool(_BYLINE.match(text))


_SOCIAL = {
    "share", "shares", "this", "article", "story", "on", "tweet", "facebook", "twitter", "x", "whatsapp",
    "linkedin", "email", "e-mail", "print", "pinterest", "telegram", "reddit", "messenger", "copy",
    "link", "comments", "comment", "0",
}


def _share_line(text: str, ctx: Context) -> bool:
    if ctx.words > 12:  # splitting on more separators than spaces only adds tokens
        return False
    tokens = [token for token in re.split(r"[\s|,/·•:]+", text.lower()) if token]
    return 0 < len(tokens) <= 12 and all(token in _SOCIAL for token in tokens)


_SELF_DESCRIPTION = re.compile(
    r"^[\W_]*(the\s+)?(?P<name>[A-Z][^.]{0,80}?)\s+(is|are)\s+(the|a|an)\s+"
    r"(leading|largest|biggest|premier|foremost|only|first|most|independent|trusted)\b"
)
_MEDIA_NAME = re.compile(
    r"\b(news|press|agency|times|post|media|radio|tv|television|network|daily|herald|courier|journal|"
    r"gazette|tribune|chronicle|online|newspaper|magazine|service)\b",
    re.IGNORECASE,
)
_CALL_FOR_CONTRIBUTIONS = re.compile(
    r"\b(welcome to contribute|send (us )?(your )?(stories|news tips)|write for us)\b", re.IGNORECASE
)


def _promotion(text: str, ctx: Context) -> bool:
    """A paragraph in which the outlet describes itself or asks for contributions."""
    subject = _SELF_DESCRIPTION.match(text)
    if subject:
        name = subject.group("name")
        outlet = normalise_text(ctx.outlet or "")
        if _MEDIA_NAME.search(name) or (outlet and outlet in normalise_text(name)):
            return True
    return bool(_CALL_FOR_CONTRIBUTIONS.search(text))


def _author_bio(text: str, ctx: Context) -> bool:
    return ctx.previous == "author-box" and ctx.words <= 60


TAIL_MARKERS = {
    "Check Also": r"check\s+also",
    "Related articles": r"related(\s+(articles?|stories|posts|news|content|coverage|topics))?",
    "Read more": r"read\s+more(\s+(stories|news|articles))?",
    "You may also like": r"you\s+(may|might)\s+also\s+(like|be\s+interested\s+in)",
    "Most read": r"most\s+(read|popular|viewed|shared)",
    "Recommended": r"recommended(\s+(for\s+you|stories|articles|reading))?",
    "More stories": r"more\s+(stories|news|from\s+\w+(\s+\w+){0,3})",
}

RULES: list[Rule] = [
    Rule("title-repeat", _same_as_title),
    Rule("share", _share_line),
    Rule("breadcrumb", _breadcrumb),
    Rule("byline", _byline),
    Rule("kicker", _kicker),
    Rule("cookies", _pattern(r"\b(we use cookies|(web)?site uses cookies|cookie (policy|settings|consent)|"
                             r"accept (all )?cookies)\b", 80)),
    Rule("newsletter", _pattern(r"\b(sign up|subscribe)\b.*\b(newsletter|inbox|updates|alerts)\b|"
                                r"\bnewsletter\b.*\b(sign up|subscribe)\b|^subscribe\b", 40)),
    Rule("copyright", _pattern(r"^\W*(©|\(c\)|copyright\b)|\ball rights reserved\b", 40)),
    Rule("promotion", _promotion),
    Rule("email", _pattern(r"\[email\s+protected\]|\b[\w.+-]+@[\w-]+\.[\w.-]+\b", 60)),
    Rule("read-more-link", _pattern(r"^(read more|read also|also read|see also|related)\s*:\s*\S", 25)),
    Rule("author-box", _pattern(r"^about(\s+the)?\s+(author|writer|[\w.'’-]+(\s+[\w.'’-]+){0,2})\s*:?$", 5)),
    *(Rule(f"tail:{label}", _pattern(rf"^{regex}\s*:?$", 8), tail=True) for label, regex in TAIL_MARKERS.items()),
    # Last, so a marker right after an author box is still seen as the marker it is.
    Rule("author-bio", _author_bio),
]


def is_reported_prose(text: str) -> bool:
    """Article prose that carries a statement: never chrome, whatever else it looks like."""
    return _words(text) >= REPORTED_PROSE_MIN_WORDS and (
        any(mark in text for mark in _QUOTES) or bool(_SPEECH.search(text))
    )


def clean(paragraphs: list[str], title: str | None = None, outlet: str | None = None) -> Cleaned:
    result = Cleaned(paragraphs=[])
    ctx = Context(title=title, outlet=outlet, count=len(paragraphs))
    for index, text in enumerate(paragraphs):
        ctx.index, ctx.words = index, _words(text)
        rule = _first_match(text, ctx)
        ctx.previous = rule.name if rule else None
        if rule is None:
            result.paragraphs.append(text)
        elif rule.tail and _tail_is_minor(paragraphs[index:], result.paragraphs):
            result.removed += [f"{rule.name}: {cut}" for cut in paragraphs[index:]]
            break
        else:
            result.removed.append(f"{rule.name}: {text}")
    return result


def _first_match(text: str, ctx: Context) -> Rule | None:
    protected = is_reported_prose(text)
    for rule in RULES:
        if (rule.name == "title-repeat" or not protected) and rule.test(text, ctx):
            return rule
    return None


def _tail_is_minor(tail: list[str], kept: list[str]) -> bool:
    """Cut a tail only when the article before it is longer: a marker near the top is not the end."""
    return sum(map(len, tail)) < sum(map(len, kept))
