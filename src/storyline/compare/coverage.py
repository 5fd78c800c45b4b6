"""The coverage matrix: which outlet reported which statement, and how faithfully.

A syndicated copy is one report, not corroboration: it is folded into its original and only
listed as a republication, so an outlet that reprints a wire story gains no column of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from storyline.compare.discrepancies import shorten
from storyline.model import Article, Statement, StatementGroup
from storyline.relate.alignment import lexical_relation, publication_order, tokens

Status = Literal["exact", "partial", "paraphrase", "misquote", "absent"]
# Best first: an outlet that printed a statement twice is credited with its most faithful print.
STATUS_RANK: dict[Status, int] = {"exact": 0, "partial": 1, "paraphrase": 2, "misquote": 3, "absent": 4}
UNATTRIBUTED = "(unattributed)"


@dataclass(frozen=True, slots=True)
class Cell:
    """How one outlet reported one row's statement, and where."""

    status: Status
    article_id: str | None = None
    statement_id: str | None = None


@dataclass(slots=True)
class Row:
    """One statement (a group, or a statement no other article has) across every outlet."""

    id: str  # the group id, or the statement id for an ungrouped statement
    label: str
    speaker: str | None
    cells: dict[str, Cell]
    republished_by: list[str] = field(default_factory=list)

    def reported_by(self) -> list[str]:
        return [outlet for outlet, cell in self.cells.items() if cell.status != "absent"]


@dataclass(frozen=True, slots=True)
class FirstReport:
    outlet: str
    article_id: str
    published: str | None


@dataclass(slots=True)
class Coverage:
    outlets: list[str]  # by first publication
    rows: list[Row]
    exclusive: dict[str, list[str]]  # outlet -> ids of rows only it reported
    first_reporter: FirstReport | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def outlet_of(article: Article) -> str:
    return article.outlet or article.source_uri or article.id


def _roots(articles: Sequence[Article], duplicates: Mapping[str, str]) -> dict[str, str]:
    """Copy id -> the original it folds into, following chains; only originals present count."""
    present = {a.id for a in articles}
    roots = {}
    for copy_id in duplicates:
        root, seen = copy_id, {copy_id}
        while root in duplicates and duplicates[root] in present and duplicates[root] not in seen:
            root = duplicates[root]
            seen.add(root)
        if root != copy_id and copy_id in present:
            roots[copy_id] = root
    return roots


@dataclass(slots=True)
class _Table:
    """What rows are built from: the original articles, their order, and who republished them."""

    articles: dict[str, Article]
    order: dict[str, int]
    republished: dict[str, list[str]]

    def outlet(self, statement: Statement) -> str:
        return outlet_of(self.articles[statement.article_id])

    def first(self, statements: Sequence[Statement]) -> Statement:
        return min(statements, key=lambda s: (self.order[s.article_id], s.content.start))

    def row(self, row_id: str, statements: Sequence[Statement], cells: dict[str, Cell]) -> Row:
        reference = self.first(statements)
        speaker = reference.speaker.name if reference.speaker else None
        outlets = {self.outlet(s) for s in statements}
        republished = {o for s in statements for o in self.republished.get(s.article_id, [])} - outlets
        label = f"{speaker or UNATTRIBUTED}: {shorten(reference.content.text)}"
        return Row(row_id, label, speaker, cells, sorted(republished))


def _group_cells(table: _Table, group: StatementGroup, members: list[Statement]) -> dict[str, Cell]:
    reference = tokens(table.first(members).content.text)
    cells: dict[str, Cell] = {}
    for s in members:
        status: Status = (
            "misquote" if s.id in group.misquoted else lexical_relation(tokens(s.content.text), reference) or group.relation
        )
        outlet = table.outlet(s)
        if outlet not in cells or STATUS_RANK[status] < STATUS_RANK[cells[outlet].status]:
            cells[outlet] = Cell(status, s.article_id, s.id)
    return cells


def coverage(
    articles: Sequence[Article], groups: Sequence[StatementGroup], duplicates: Mapping[str, str] | None = None
) -> Coverage:
    """The matrix of statements by outlets, with near-copies folded into their originals."""
    roots = _roots(articles, duplicates or {})
    originals = [a for a in articles if a.id not in roots]
    order = publication_order(originals)
    republished: dict[str, list[str]] = {}
    for copy in sorted((a for a in articles if a.id in roots), key=lambda a: (a.published or "", a.id)):
        republished.setdefault(roots[copy.id], []).append(outlet_of(copy))
    table = _Table({a.id: a for a in originals}, order, republished)

    outlets: list[str] = []
    for article in sorted(originals, key=lambda a: order[a.id]):
        if outlet_of(article) not in outlets:
            outlets.append(outlet_of(article))
    statements = {s.id: s for a in originals for s in a.statements}

    rows: list[tuple[Statement, Row]] = []
    grouped: set[str] = set()
    for group in groups:
        members = [statements[i] for i in group.statement_ids if i in statements]
        grouped.update(group.statement_ids)
        if members:
            rows.append((table.first(members), table.row(group.id, members, _group_cells(table, group, members))))
    for s in statements.values():
        if s.id not in grouped:
            rows.append((s, table.row(s.id, [s], {table.outlet(s): Cell("exact", s.article_id, s.id)})))
    rows.sort(key=lambda pair: (order[pair[0].article_id], pair[0].content.start, pair[1].id))

    for _, row in rows:
        row.cells = {outlet: row.cells.get(outlet, Cell("absent")) for outlet in outlets}
    exclusive: dict[str, list[str]] = {outlet: [] for outlet in outlets}
    for _, row in rows:
        if len(reporters := row.reported_by()) == 1:
            exclusive[reporters[0]].append(row.id)
    first = min(originals, key=lambda a: order[a.id], default=None)
    return Coverage(
        outlets=outlets,
        rows=[row for _, row in rows],
        exclusive=exclusive,
        first_reporter=FirstReport(outlet_of(first), first.id, first.published) if first else None,
    )
