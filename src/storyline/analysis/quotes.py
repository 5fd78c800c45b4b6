"""Quoted passages found by their marks, before any parsing.

Marks are paired with a stack so single quotes nest inside double ones, and an apostrophe
(don’t, Afghans’) is only taken as a closing mark when a single quote is open. Typewriter text's paired
marks (``…'', as in tokenised corpora and wire copy) are double quotes two characters wide. A paragraph whose
quote is not closed continues in the next paragraph if that one opens with a quote mark. A curly double
mark opening a sentence inside an open double quote means that quote was never closed: a quote nested in a
quote is a phrase ("of the “Obama Agenda”"), and typewriter text may write a closing mark as an opening one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_OPENERS = {"“": "double", "‘": "single"}
_CLOSERS = {"”": "double", "’": "single"}
_STRAIGHT = {'"': "double", "'": "single"}
_BEFORE_OPEN = set(" \t\n([{—–-/:")
_PAIRED = {"``": "open", "''": "close"}  # typewriter quote marks, each two characters wide


@dataclass(frozen=True, slots=True)
class Quote:
    """A top-level quoted passage: `start` is the opening mark, `end` is just after the closing one."""

    start: int
    end: int
    mark: str  # double, single
    opening: int = 1  # the width of each mark: 2 for ``…''
    closing: int = 1

    @property
    def content(self) -> tuple[int, int]:
        return self.start + self.opening, self.end - self.closing

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


def _mark(text: str, i: int, stack: list[tuple[str, int]]) -> tuple[str, str, int] | None:
    """('open'|'close', mark, width) for a quote character at i, or None when it is an apostrophe."""
    char = text[i]
    paired = _PAIRED.get(text[i : i + 2])
    if paired == "open":
        return "open", "double", 2
    if paired == "close" and "double" in (m for m, _ in stack) and not text[i - 1 : i].isspace() and not text[i + 2 : i + 3].isalnum():
        return "close", "double", 2
    if char in _OPENERS:
        return "open", _OPENERS[char], 1
    if char in _CLOSERS:
        mark = _CLOSERS[char]
        open_marks = [m for m, _ in stack]
        spaced = char == "”" and not text[i + 1 : i + 2].isalnum()  # "‘Hey,’ ”": a curly double mark only closes
        if mark in open_marks and (_is_close(text, i) or spaced):
            return "close", mark, 1
        return None
    if char not in _STRAIGHT:
        return None  # a lone backtick
    mark = _STRAIGHT[char]
    if stack and stack[-1][0] == mark and _is_close(text, i):
        return "close", mark, 1
    if stack and stack[-1][0] == mark == "double" and text[i - 1 : i].isspace() and text[i + 1 : i + 2].isspace():
        return "close", mark, 1  # "…, " prosecutor X said": tokenised text sets a closing mark apart too
    if _is_open(text, i) and (mark == "double" or text[i + 1 : i + 2].isalpha()):
        return "open", mark, 1
    return None


def _unclosed(text: str, carried: tuple[int, str] | None, paragraph_end: int, opens: bool) -> Quote | None:
    """A quote opening its paragraph and never closed, with no next paragraph going on with a quote mark:
    a closing mark the outlet left out. It ends before the paragraph's last character (its full stop)."""
    if carried is None or opens or text[carried[0] - 1 : carried[0]] not in ("", "\n", " "):
        return None
    line_end = text.find("\n", carried[0], paragraph_end)  # one line a paragraph, as tables keep them
    last = len(text[: paragraph_end if line_end < 0 else line_end].rstrip()) - 1
    return _quote(text, carried[0], last + 1, "double", 1) if last - carried[0] > 2 else None


def _quote(text: str, start: int, end: int, mark: str, closing: int) -> Quote:
    """A quote whose content leaves out the spaces tokenised text sets inside its marks ("`` Yes , '')."""
    opening = 2 if text.startswith("``", start) else 1
    inner = text[start + opening : end - closing]
    opening += len(inner) - len(inner.lstrip(" \t"))
    closing += len(inner) - len(inner.rstrip(" \t")) if inner.strip() else 0
    return Quote(start, end, mark, opening, closing)


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    carried: tuple[int, str] | None = None  # an unclosed top-level quote from the last paragraph
    carried_end = 0
    for paragraph in _PARAGRAPH.finditer(text):
        stack: list[tuple[str, int]] = []
        first = paragraph.start() + len(paragraph.group()) - len(paragraph.group().lstrip())
        opens = first < len(text) and (_OPENERS.get(text[first], _STRAIGHT.get(text[first])) == "double" or text.startswith("``", first))
        if (unclosed := _unclosed(text, carried, carried_end, opens)) is not None:
            quotes.append(unclosed)
        skip = 0
        for i in range(paragraph.start(), paragraph.end()):
            if text[i] not in "“”‘’\"'`" or i < skip:
                continue
            found = _mark(text, i, stack)
            if found is None:
                continue
            action, mark, width = found
            skip = i + width
            if action == "open":
                if text[i] == "“" and text[:i].rstrip()[-1:] in (".", "!", "?") and any(m == "double" for m, _ in stack):
                    stack.clear()  # a quote opening a sentence inside another: the open one was left unclosed
                if i == first and carried and carried[1] == mark and not stack:
                    stack.append((mark, carried[0]))
                else:
                    stack.append((mark, i))
                continue
            while stack and stack[-1][0] != mark:
                stack.pop()  # an inner mark never closed
            _, start = stack.pop()
            if not stack:
                quotes.append(_quote(text, start, i + width, mark, width))
        carried = (stack[0][1], "double") if stack and stack[0][0] == "double" else None
        carried_end = paragraph.end()
    if (unclosed := _unclosed(text, carried, carried_end, False)) is not None:
        quotes.append(unclosed)
    return quotes
