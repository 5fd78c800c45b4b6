"""Statement finders by name, as spaCy swaps a component by name: each turns a parse into attributions.

"fast" is the rules alone; "accurate" adds the learned tagger (int8 ONNX MiniLM, about 0.2 CPU-seconds
more per article). Both return the same `Attribution`s, so speaker resolution and confidence stay as they
are; workers look the finder up by its name, which travels to them instead of a function.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from storyline.analysis.accurate import find_tagged
from storyline.analysis.statements import Attribution, find_attributions

Finder = Callable[[Doc], list[Attribution]]
FINDERS: dict[str, Finder] = {"fast": find_attributions, "accurate": find_tagged}
DEFAULT_FINDER = "fast"


def finder(name: str) -> Finder:
    """The finder called `name`; a clear error naming the choices otherwise."""
    try:
        return FINDERS[name]
    except KeyError:
        raise ValueError(f"unknown statement model {name!r}; choose one of: {', '.join(FINDERS)}") from None
