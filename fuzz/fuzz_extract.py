"""Fuzz extraction: any bytes as a fetched page give an Article or ExtractionError, nothing else.

Seeds: the sample corpus (`make fuzz` passes examples/corpus as a seed folder).
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["storyline", "trafilatura", "htmldate", "justext"]):
    import storyline.extraction  # noqa: F401 — imported here so that it is instrumented
    from storyline.evaluate import contracts

from runner import main


def test_one_input(data: bytes) -> None:
    contracts.extraction(data, url="https://fuzz.example/news/1")


if __name__ == "__main__":
    main(test_one_input)
