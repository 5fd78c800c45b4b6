"""The shared vocabulary of events: which words name one, where it was held, and when.

The story clusterer (`features`) and the discrepancy finder (`compare.discrepancies`) must agree on
what a venue or an event date is, so both read them with the rules in this one module.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# A place is an event venue when "in"/"at" introduces it a few words after a word naming an event:
# "the meeting in Brussels" says where it happened, "the conflict in Afghanistan" names the subject.
EVENT_WORD = (
    r"meeting|meetings|meet|met|summit|talks|conference|session|gathering|ministers?|minister's|visit|"
    r"visiting|rally|ceremony|held|hosted|convened|briefing|forum|congress|match|trial|hearing|festival|"
    r"opened|arrived|landed|speaking|spoke"
)
EVENT_WORDS = re.compile(rf"\b(?:{EVENT_WORD})\b", re.IGNORECASE)
VENUE_CONTEXT = re.compile(rf"\b(?:{EVENT_WORD})\b(?:\W+\w+){{0,3}}?\W+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
EVENT_CONTEXT_CHARS = 80
# Words for one kind of event, folded so "met in Graz" and "the meeting in Vienna" compare.
EVENT_FORMS = dict.fromkeys(("met", "meet", "meetings", "minister", "ministers", "minister's"), "meeting")
EVENT_FORMS |= dict.fromkeys(("spoke", "speaking"), "speech")
# A clause that looks ahead ("the next round will take place in Budapest") names another event's
# venue or date, not the reported one's.
FUTURE = re.compile(
    r"\b(?:will|would|shall|next|upcoming|forthcoming|future|planned|scheduled|due\s+to|is\s+to|are\s+to|"
    r"expected\s+to|set\s+to|later\s+this)\b",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"[.!?;:]\s|\n")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
# Capitalised only: "may" and "march" are common lower-case words.
_MONTH = "|".join(name.capitalize() for name in sorted(MONTHS, key=len, reverse=True))
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
DATE_PATTERNS = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\b\.?(?:,?\s+(?P<y>\d{{4}}))?"),
]
# "next Tuesday" is the first after publication, "last Tuesday" the latest before it
WEEKDAY_OR_RELATIVE = re.compile(
    rf"\b(?:(?P<shift>next|last|this coming|coming)\s+(?=(?:{'|'.join(WEEKDAYS)})\b))?(?P<day>{'|'.join(WEEKDAYS + tuple(RELATIVE_DAYS))})\b", re.IGNORECASE
)


def event_form(word: str) -> str:
    """The folded event word that keys a venue or a date."""
    return EVENT_FORMS.get(word.lower(), word.lower())


LEAD_WORDS = 4  # words before an event word that can say it is another one ("the next round of talks")


def looks_ahead(clause: str, event_start: int) -> bool:
    """Does the event word at `event_start` of `clause`, or what follows it, point to the future?"""
    lead = clause[:event_start].split()[-LEAD_WORDS:]
    return bool(FUTURE.search(" ".join(lead)) or FUTURE.search(clause[event_start:]))


def clause_before(text: str, start: int, limit: int = EVENT_CONTEXT_CHARS * 3) -> str:
    """The text of `start`'s sentence (or clause after a semicolon or colon) up to `start`."""
    window = text[max(0, start - limit) : start]
    boundaries = list(_CLAUSE_START.finditer(window))
    return window[boundaries[-1].end() :] if boundaries else window


def venue_event(text: str, start: int) -> str | None:
    """The event word whose venue the place at `start` is, if the place is asserted as a venue.

    A venue must follow its event word in the same clause, and the clause must not look ahead.
    """
    clause = clause_before(text, start)
    offset = max(0, len(clause) - EVENT_CONTEXT_CHARS)
    context = VENUE_CONTEXT.search(clause, offset)
    if context is None or looks_ahead(clause, context.start()):
        return None
    return EVENT_WORDS.match(context.group()).group()  # type: ignore[union-attr] — the pattern starts with one


def is_venue(text: str, start: int) -> bool:
    return venue_event(text, start) is not None


def resolve_weekday(weekday: int, published: date, shift: str = "") -> date:
    """News reports the past: "on Tuesday" means the latest Tuesday on or before publication; "next" (or
    "coming") Tuesday the first after it, "last Tuesday" the latest before it."""
    if shift.lower() in ("next", "coming", "this coming"):
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    if shift.lower() == "last":
        return published - timedelta(days=(published.weekday() - weekday - 1) % 7 + 1)
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def nearest_year(month: int, day: int, published: date) -> date | None:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - published).days), default=None)


def explicit_dates(text: str, published: date | None) -> set[date]:
    """Calendar dates written out; a date without a year takes the year nearest publication."""
    found: set[date] = set()
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["m"])
            day, year = int(parts["d"]), parts.get("y")
            try:
                resolved = date(int(year), month, day) if year else None
            except ValueError:
                continue
            if resolved is None and published is not None:
                resolved = nearest_year(month, day, published)
            if resolved is not None:
                found.add(resolved)
    return found


def relative_dates(text: str, published: date | None) -> set[date]:
    """Weekdays and "yesterday"/"today", resolved against the publication date."""
    if published is None:
        return set()
    found: set[date] = set()
    for match in WEEKDAY_OR_RELATIVE.finditer(text):
        word = match["day"].lower()
        if word in RELATIVE_DAYS:
            found.add(published + timedelta(days=RELATIVE_DAYS[word]))
        else:
            found.add(resolve_weekday(WEEKDAYS.index(word), published, match["shift"] or ""))
    return found


def dates_in(text: str, published: date | None) -> frozenset[str]:
    """Every ISO date the text refers to."""
    return frozenset(d.isoformat() for d in explicit_dates(text, published) | relative_dates(text, published))
