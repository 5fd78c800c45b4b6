"""Language of a text when the page does not declare one: enough English function words means English."""

from __future__ import annotations

import re

_ENGLISH = frozenset(
    "the of and to in a is that for it on was with as he she be by at are this from have has had "
    "not but or an which were they their his her said will would been its who also".split()
)
_MIN_WORDS = 20
_MIN_SHARE = 0.2


def language_of(text: str, declared: str | None = None) -> str | None:
    if declared:
        return declared.strip().split("-")[0].split("_")[0].lower() or None
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < _MIN_WORDS:
        return None
    share = sum(word in _ENGLISH for word in words) / len(words)
    return "en" if share >= _MIN_SHARE else None
