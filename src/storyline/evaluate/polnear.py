"""PolNeAR (Newell, Margolin & Ruths, LREC 2018) in brat standoff: `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`.

Text-bound lines (`T1<TAB>Source 89 106;120 130<TAB>words`) hold Source, Cue and Content spans, which may be
discontinuous; event lines (`E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`) tie them into one
attribution ("Attribution-no-source" when the source is not given). Some articles were annotated by several
annotators; `metadata.tsv` beside the split folder names the one whose file is the corpus's own.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("source", "cue", "content")

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: each role as its character fragments, () when absent."""

    source: Fragments
    cue: Fragments
    content: Fragments

    def role(self, name: str) -> Fragments:
        return getattr(self, name)


@dataclass(slots=True)
class PolnearArticle:
    id: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def _fragments(offsets: str) -> Fragments:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in offsets.split(";")))


def parse_ann(ann: str) -> list[GoldAttribution]:
    """The attributions of one `.ann` file; spans that no attribution event links are ignored."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[list[str]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            label, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = (label.lower(), _fragments(offsets))
        elif fields[0].startswith("E"):
            events.append(fields[1].split())
    found = []
    for arguments in events:
        roles: dict[str, Fragments] = {}
        for argument in arguments[1:]:
            _, _, ref = argument.partition(":")
            label, fragments = spans.get(ref, ("", ()))
            if label in ROLES:
                roles[label] = roles.get(label, ()) + fragments
        if roles:
            found.append(GoldAttribution(**{r: tuple(sorted(roles.get(r, ()))) for r in ROLES}))
    return found


def _chosen_annotators(folder: Path) -> dict[str, str]:
    """Article name → the annotator whose file the corpus keeps, from `metadata.tsv` when present."""
    metadata = folder.parent / "metadata.tsv"
    if not metadata.is_file():
        return {}
    with metadata.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row["annotators"].split("|")[0] for row in csv.DictReader(handle, delimiter="\t")}


def _ann_for(folder: Path, name: str, annotator: str | None) -> Path | None:
    candidates = sorted((folder / "attributions").glob(f"{name}_*.ann"))
    preferred = [p for p in candidates if p.stem == f"{name}_{annotator}"]
    return (preferred or candidates or [None])[0]


def load_polnear(folder: Path) -> Iterator[PolnearArticle]:
    """Articles of one split folder (e.g. `polnear/dev`), in name order, each with its chosen annotation."""
    annotators = _chosen_annotators(folder)
    for path in sorted((folder / "text").glob("*.txt")):
        ann = _ann_for(folder, path.stem, annotators.get(path.stem))
        attributions = parse_ann(ann.read_text(encoding="utf-8")) if ann else []
        yield PolnearArticle(path.stem, path.read_bytes().decode("utf-8"), attributions)  # offsets count \r too
