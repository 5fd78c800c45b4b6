"""Fuzz statement extraction: any text gives statements whose spans are exactly their text."""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["storyline"]):
    import storyline.analysis  # noqa: F401 — imported here so that it is instrumented
    from storyline.evaluate import contracts

from runner import main

MAX_CHARS = 4000  # longer texts only slow the search down: the rules work sentence by sentence


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(MAX_CHARS)
    contracts.statement_spans(text)


def seeds() -> list[bytes]:
    # ConsumeUnicodeNoSurrogates reads a first byte choosing the width; 0 means ASCII.
    texts = [
        '"We will not accept this," the minister said on Tuesday.',
        "The mayor said the bridge would reopen in May. She added: \u201cIt is safe.\u201d",
        "According to police, \u00abtwo people\u00bb were hurt, a spokeswoman told reporters.",
    ]
    return [b"\x00" + text.encode("ascii", "ignore") for text in texts] + [b"\x01" + texts[2].encode("utf-16-le")]


if __name__ == "__main__":
    main(test_one_input, seeds)
