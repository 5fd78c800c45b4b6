"""The PolNeAR brat reader, the span matching, and `storyline eval statements`, on a tiny corpus written here."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.evaluate.polnear import GoldAttribution, load_polnear, parse_ann
from storyline.evaluate.statements import RoleCounts, evaluate_statements, overlap_matches, trim

TEXT = (
    "Mayor Ana Silva said the bridge would reopen in May.\n\n"
    "“We are ready,” she said, “and the money is there.”\n\n"
    "The river is expected to rise, according to the water board."
)


def _at(phrase: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return f"{start} {start + len(phrase)}"


ANN = "\n".join(
    [
        f"T1\tSource {_at('Mayor Ana Silva')}\tMayor Ana Silva",
        f"T2\tCue {_at('said')}\tsaid",
        f"T3\tContent {_at('the bridge would reopen in May')}\tthe bridge would reopen in May",
        "T4\tAttribution 0 0\t",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        f"T5\tSource {_at('she')}\tshe",
        f"T6\tCue {_at('said', 1)}\tsaid",
        f"T7\tContent {_at('“We are ready,”')};{_at('“and the money is there.”')}\t…",
        "E2\tAttribution:T4 Source:T5 Cue:T6 Content:T7",
        f"T8\tCue {_at('according to')}\taccording to",
        f"T9\tContent {_at('The river is expected to rise')}\tThe river is expected to rise",
        f"T10\tSource {_at('the water board')}\tthe water board",
        "E3\tAttribution:T4 Content:T9 Cue:T8 Source:T10",
        "E4\tAttribution-no-source:T4 Cue:T8",
        f"T11\tDiscard {_at('bridge')}\tbridge",
    ]
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "silva.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "silva_b2.ann").write_text(ANN, encoding="utf-8")
    (split / "attributions" / "silva_a1.ann").write_text("", encoding="utf-8")  # another annotator's file
    (tmp_path / "metadata.tsv").write_text("compartment\tfilename\tannotators\ndev\tsilva\tb2|a1\n", encoding="utf-8")
    return split


def test_parse_ann_links_roles_and_keeps_discontinuous_fragments() -> None:
    found = parse_ann(ANN)
    assert len(found) == 4
    split = found[1]
    assert [TEXT[s:e] for s, e in split.content] == ["“We are ready,”", "“and the money is there.”"]
    assert found[3] == GoldAttribution(source=(), cue=found[2].cue, content=())


def test_load_polnear_takes_the_annotator_named_in_metadata(corpus: Path) -> None:
    (article,) = load_polnear(corpus)
    assert article.id == "silva" and article.text == TEXT
    assert len(article.attributions) == 4


def test_trim_drops_quote_marks_and_punctuation_only() -> None:
    text = " “We are ready,” "
    start, end = trim(text, 0, len(text))
    assert text[start:end] == "We are ready"


def test_overlap_matching_is_one_to_one() -> None:
    assert overlap_matches([(0, 10)], [(0, 4), (5, 10)]) == 1
    assert overlap_matches([(0, 10), (12, 20)], [(2, 15)]) == 1
    assert overlap_matches([(0, 5)], [(5, 9)]) == 0
    counts = RoleCounts()
    counts.add({(0, 5), (7, 9)}, {(0, 5), (6, 8), (20, 30)})
    assert (counts.exact, counts.overlap) == (1, 2)
    assert counts.exact_scores.precision == pytest.approx(1 / 3) and counts.overlap_scores.recall == 1.0


def test_evaluate_statements_on_the_tiny_corpus(corpus: Path) -> None:
    result = evaluate_statements(corpus)
    assert result.articles == 1
    # gold: 3 sources, 3 cues (the shared "according to" once), 4 content fragments
    assert {r: c.gold for r, c in result.roles.items()} == {"source": 3, "cue": 3, "content": 4}
    for counts in result.roles.values():
        assert counts.exact == counts.gold == counts.overlap  # every span found with the gold boundaries
    assert result.named_right == result.named_sources == 1  # "Mayor Ana Silva"; "she" names no one


def test_eval_statements_command_prints_both_matchings(corpus: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "statements", str(corpus)])
    assert result.exit_code == 0, result.output
    for word in ("source", "cue", "content", "exact F1", "overlap F1", "articles/s", "speaker"):
        assert word in result.output
    assert "100.0" in result.output


def test_train_statements_command_writes_the_patterns_it_counted(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "patterns.json"
    result = CliRunner().invoke(app, ["train", "statements", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    from storyline.analysis.cue_patterns import PatternCounts

    counts = PatternCounts.from_json(out.read_text(encoding="utf-8"))
    # the reported "said" heads its content; the split quote's "said" has a clause but its content is the quote
    assert counts.hits["say"]["ccomp"] == 1 and counts.seen["say"]["ccomp"] == 2
    assert "written to" in result.output
