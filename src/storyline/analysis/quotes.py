"""Quoted passages found by their marks, before any parsing.

Marks are paired with a stack so single quotes nest inside double ones, and an apostrophe
(don’t, Afghans’) is only taken as a closing mark when a single quote is open. A paragraph whose
quote is not closed continues in the next paragraph if that one opens with a quote mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_OPENERS = {"“": "double", "‘": "single"}
_CLOSERS = {"”": "double", "’": "single"}
_STRAIGHT = {'"': "double", "'": "single"}
_BEFORE_OPEN = set(" \t\n([{—–-/:")


@dataclass(frozen=True, slots=True)
class Quote:
    """A top-level quoted passage: `start` is the opening mark, `end` is just after the closing one."""

    start: int
    end: int
    mark: str  # double, single

    @property
    def content(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1

    def covers(self, pos: int) -> bool:
        return self.start <= pos < self.end


def title_case(inner: str) -> bool:
    """Quoted words in title case ("Storm Area 51, They Can't Stop All of Us"): a name or title, not speech;
    in capitals they may be a shouted tweet, and a question or exclamation is speech."""
    inner = inner.rstrip()
    words = [w for w in re.findall(r"[^\W\d_][\w'’]*", inner) if len(w) > 3]
    return len(words) >= 2 and all(w[0].isupper() for w in words) and not inner.isupper() and inner[-1:] not in "?!"


def _is_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _BEFORE_OPEN or not before.strip()) and not after.isspace()


def _is_close(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _mark(text: str, i: int, stack: list[tuple[str, int]]) -> tuple[str, str] | None:
    """('open'|'close', mark) for a quote character at i, or None when it is an apostrophe."""
    char = text[i]
    if char in _OPENERS:
        return "open", _OPENERS[char]
    if char in _CLOSERS:
        mark = _CLOSERS[char]
        open_marks = [m for m, _ in stack]
        if mark in open_marks and _is_close(text, i):
            return "close", mark
        return None
    mark = _STRAIGHT[char]
    if stack and stack[-1][0] == mark and _is_close(text, i):
        return "close", mark
    if _is_open(text, i) and (mark == "double" or text[i + 1 : i + 2].isalpha()):
        return "open", mark
    return None


def _unclosed(text: str, carried: tuple[int, str] | None, paragraph_end: int, opens: bool) -> Quote | None:
    """A quote opening its paragraph and never closed, with no next paragraph going on with a quote mark:
    a closing mark the outlet left out. It ends before the paragraph's last character (its full stop)."""
    if carried is None or opens or text[carried[0] - 1 : carried[0]] not in ("", "\n", " "):
        return None
    line_end = text.find("\n", carried[0], paragraph_end)  # one line a paragraph, as tables keep them
    last = len(text[: paragraph_end if line_end < 0 else line_end].rstrip()) - 1
    return Quote(carried[0], last + 1, "double") if last - carried[0] > 2 else None


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    carried: tuple[int, str] | None = None  # an unclosed top-level quote from the last paragraph
    carried_end = 0
    for paragraph in _PARAGRAPH.finditer(text):
        stack: list[tuple[str, int]] = []
        first = paragraph.start() + len(paragraph.group()) - len(paragraph.group().lstrip())
        opens = first < len(text) and _OPENERS.get(text[first], _STRAIGHT.get(text[first])) == "double"
        if (unclosed := _unclosed(text, carried, carried_end, opens)) is not None:
            quotes.append(unclosed)
        for i in range(paragraph.start(), paragraph.end()):
            if text[i] not in "“”‘’\"'":
                continue
            found = _mark(text, i, stack)
            if found is None:
                continue
            action, mark = found
            if action == "open":
                if i == first and carried and carried[1] == mark and not stack:
                    stack.append((mark, carried[0]))
                else:
                    stack.append((mark, i))
                continue
            while stack and stack[-1][0] != mark:
                stack.pop()  # an inner mark never closed
            _, start = stack.pop()
            if not stack:
                quotes.append(Quote(start, i + 1, mark))
        carried = (stack[0][1], "double") if stack and stack[0][0] == "double" else None
        carried_end = paragraph.end()
    if (unclosed := _unclosed(text, carried, carried_end, False)) is not None:
        quotes.append(unclosed)
    return quotes
