"""The real-news evaluation on a corpus written here: drafts resolve to offsets, and `eval speakers`
counts statements and speakers the way its help says."""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.evaluate.annotation import AnnotationError, dateline, read_corpus, resolve
from storyline.evaluate.comparison import evaluate_comparison
from storyline.evaluate.realnews import GoldStatement
from storyline.evaluate.speakers import STAGES, SpeakersResult, evaluate_speakers, score_article
from storyline.model import Article, Entity, Speaker, Span, Statement

TEXT = (
    "Harbour Minister Anna Berg said the new ferry would sail from Dorvik in June.\n\n"
    "Thomas Hale, who runs the ferry company, said the crew was ready.\n\n"
    "“We have waited three years for this boat,” she said."
)
DRAFT = {"articles": [{"article": "wikinews:0", "statements": [
    {"id": "s1", "kind": "indirect", "content": "the new ferry would sail from Dorvik in June", "cue": "said",
     "source": "Harbour Minister Anna Berg", "speaker": "Anna Berg", "speaker_type": "person"},
    {"id": "s2", "kind": "indirect", "content": "the crew was ready", "cue": {"text": "said", "at": 2},
     "source": "Thomas Hale, who runs the ferry company", "speaker": "Thomas Hale", "speaker_type": "person"},
    {"id": "s3", "kind": "direct", "content": "We have waited three years for this boat", "cue": {"text": "said", "at": 3},
     "source": "she", "speaker": "Anna Berg", "speaker_type": "person"},
]}]}  # fmt: skip


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "wikinews"
    folder.mkdir(parents=True)
    with (folder / "wikinews_2019.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["url", "date", "title", "text"])
        writer.writeheader()
        writer.writerow({"url": "https://example.org/ferry", "date": "2019-05-02", "title": "Dorvik ferry", "text": TEXT})
    return tmp_path / "data"


def test_a_draft_resolves_to_offsets_and_never_keeps_text(data: Path) -> None:
    resolved = resolve(DRAFT, read_corpus(data))
    [s1, s2, s3] = resolved["articles"][0]["statements"]
    assert TEXT[slice(*s1["content"])] == "the new ferry would sail from Dorvik in June"
    assert TEXT[slice(*s3["cue"])] == "said" and s3["cue"][0] > s2["cue"][0]
    assert "ferry would sail" not in json.dumps(resolved)
    with pytest.raises(AnnotationError, match="kind"):
        resolve({"articles": [{"article": "wikinews:0", "statements": [{**DRAFT["articles"][0]["statements"][0], "kind": "x"}]}]},
                read_corpus(data))  # fmt: skip


def test_eval_speakers_scores_every_statement_and_speaker(data: Path, tmp_path: Path) -> None:
    gold = tmp_path / "set.json"
    gold.write_text(json.dumps(resolve(DRAFT, read_corpus(data))), encoding="utf-8")
    result = evaluate_speakers([gold], data, min_confidence=0.0)
    assert (result.gold, result.found_gold, result.named) == (3, 3, 3)
    assert result.named_right == 3 and result.statements.precision == 1.0
    assert not result.merges
    shown = CliRunner().invoke(app, ["eval", "speakers", str(gold), "--data", str(data)])
    assert shown.exit_code == 0, shown.output
    assert "100.0% (3/3)" in shown.output
    assert "wrong named speakers by stage: not found 0" in shown.output


def test_eval_speakers_counts_a_wrong_speaker(data: Path, tmp_path: Path) -> None:
    draft = json.loads(json.dumps(DRAFT))
    draft["articles"][0]["statements"][2]["speaker"] = "Thomas Hale"  # the gold now disagrees with "she" → Berg
    gold = tmp_path / "set.json"
    gold.write_text(json.dumps(resolve(draft, read_corpus(data))), encoding="utf-8")
    result = evaluate_speakers([gold], data, min_confidence=0.0)
    assert result.named_right == 2
    assert [e.kind for e in result.errors] == ["pronoun"]


EVENT = "e1"
REPORTS = {
    "fox": (
        "Flood forces evacuation in Dorvik",
        "Floods forced 40 people from their homes in Dorvik on Tuesday, the harbour office said.\n\n"
        "“The water rose faster than anyone expected,” Mayor Lena Brandt said. "
        "The river broke its banks after three days of rain, and the harbour was closed to ships.",
    ),
    "nyt": (
        "Dorvik floods drive residents from homes",
        "Floods forced 45 people from their homes in Dorvik on Tuesday, the harbour office said.\n\n"
        "“The water rose quicker than anyone expected,” Mayor Lena Brandt said. "
        "The river broke its banks after three days of rain, and the harbour was closed to ships.",
    ),
}
BASIL_DRAFT = {
    "articles": [
        {"article": f"basil:{EVENT}:{outlet}", "statements": [
            {"id": "s1", "kind": "indirect", "content": text.split(", the harbour")[0], "cue": "said",
             "source": "the harbour office", "speaker": "harbour office", "speaker_type": "organisation"},
            {"id": "s2", "kind": "direct", "content": text.split("“")[1].split(",”")[0], "cue": {"text": "said", "at": 2},
             "source": "Mayor Lena Brandt", "speaker": "Lena Brandt", "speaker_type": "person"},
        ]}
        for outlet, (_, text) in REPORTS.items()
    ],
    "events": [{"event": EVENT, "groups": [["fox:s1", "nyt:s1"], ["fox:s2", "nyt:s2"]], "differences": [
        {"kind": "number", "sides": [{"article": f"basil:{EVENT}:fox", "span": "40 people"}, {"article": f"basil:{EVENT}:nyt", "span": "45 people"}]},
        {"kind": "quote", "sides": [{"article": f"basil:{EVENT}:fox", "span": "faster"}, {"article": f"basil:{EVENT}:nyt", "span": "quicker"}]},
    ]}],
}  # fmt: skip


@pytest.fixture()
def basil(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "basil"
    folder.mkdir(parents=True)
    rows = [{"event": EVENT, "source": outlet, "date": "2019-05-02", "title": title, "text": text} for outlet, (title, text) in REPORTS.items()]
    (folder / "basil_articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return tmp_path / "data"


def test_a_differences_only_event_resolves_without_groups(basil: Path) -> None:
    draft = {"articles": [], "events": [{"event": EVENT, "differences": BASIL_DRAFT["events"][0]["differences"]}]}
    [event] = resolve(draft, read_corpus(basil))["events"]
    assert "groups" not in event and [d["kind"] for d in event["differences"]] == ["number", "quote"]
    assert all("statement" not in side for d in event["differences"] for side in d["sides"])
    assert resolve({"events": [{"event": EVENT, "groups": [], "differences": []}]}, read_corpus(basil))["events"][0]["groups"] == []


def test_eval_comparison_scores_discrepancies_misquotes_and_groups(basil: Path, tmp_path: Path) -> None:
    gold = tmp_path / "set.json"
    gold.write_text(json.dumps(resolve(BASIL_DRAFT, read_corpus(basil))), encoding="utf-8")
    result = evaluate_comparison([gold], basil, min_confidence=0.0, discrepancy_confidence=0.0)
    number, quote = result.kinds["number"], result.kinds["quote"]
    assert (number.right, number.found, number.matched, number.gold) == (1, 1, 1, 1)
    assert (quote.right, quote.found, quote.matched, quote.gold) == (1, 1, 1, 1)
    assert (result.pairs.right, result.pairs.found, result.pairs.matched, result.pairs.gold) == (2, 2, 2, 2)
    shown = CliRunner().invoke(app, ["eval", "comparison", str(gold), "--data", str(basil), "--errors"])
    assert shown.exit_code == 0, shown.output
    assert "100.0% (1/1)" in shown.output and "[false" not in shown.output and "[missed" not in shown.output


def test_a_gold_name_is_compared_without_its_title_but_a_lone_surname_alias_never_matches() -> None:
    from storyline.evaluate.realnews import GoldStatement
    from storyline.evaluate.speakers import name_matches

    pope = GoldStatement("s1", "direct", (0, 1), None, None, "Pope Clement", "person")
    senator = GoldStatement("s2", "direct", (0, 1), None, None, "Ana Ruiz Vidal", "person", aliases=("Senator Vidal",))
    assert name_matches("Clement", pope) and name_matches("Pope Clement", pope)
    assert name_matches("Ana Vidal", senator) and not name_matches("Vidal", senator)


ECB_ROWS = [
    {"doc_id": "9_1ecbplus", "topic": 9, "subtopic": "ecbplus", "event_cluster": "9_ecbplus", "url": "https://www.dorvik-post.example/news/ferry",
     "title": "Ferry runs aground off Dorvik", "text": "Ferry runs aground off Dorvik\nPublished: March 4, 2024\nA ferry ran aground on Monday, injuring 12 people."},
    {"doc_id": "9_2ecbplus", "topic": 9, "subtopic": "ecbplus", "event_cluster": "9_ecbplus", "url": "https://harbour.example/2024/03/05/ferry",
     "title": "Twelve hurt as ferry grounds", "text": "Twelve hurt as ferry grounds\nA ferry ran aground near Dorvik on Monday, injuring 14 people."},
    {"doc_id": "9_3ecb", "topic": 9, "subtopic": "ecb", "event_cluster": "9_ecb", "url": None,
     "title": "A ferry ran aground on March 1, 2024.", "text": "A ferry ran aground on March 1, 2024.\nNobody was hurt."},
]  # fmt: skip


@pytest.fixture()
def ecbplus(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "ecbplus"
    folder.mkdir(parents=True)
    (folder / "ecbplus_docs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ECB_ROWS), encoding="utf-8")
    return tmp_path / "data"


def test_an_ecbplus_page_is_read_with_its_outlet_and_its_dateline_or_address_date(ecbplus: Path) -> None:
    corpus = read_corpus(ecbplus)
    first, second, old = corpus["ecbplus:9_1ecbplus"], corpus["ecbplus:9_2ecbplus"], corpus["ecbplus:9_3ecb"]
    assert (first.outlet, first.published) == ("dorvik-post.example", "2024-03-04")
    assert (second.outlet, second.published) == ("harbour.example", "2024-03-05")
    assert (old.outlet, old.published) == ("", "")  # an ECB text's first line is its story, not a dateline


def test_an_ecbplus_event_scores_only_the_articles_it_lists(ecbplus: Path, tmp_path: Path) -> None:
    draft = {"events": [{"event": "9_ecbplus", "articles": ["ecbplus:9_1ecbplus", "ecbplus:9_2ecbplus"], "differences": [
        {"kind": "number", "sides": [{"article": "ecbplus:9_1ecbplus", "span": "12 people"}, {"article": "ecbplus:9_2ecbplus", "span": "14 people"}]},
    ]}]}  # fmt: skip
    gold = tmp_path / "set.json"
    gold.write_text(json.dumps(resolve(draft, read_corpus(ecbplus))), encoding="utf-8")
    result = evaluate_comparison([gold], ecbplus, min_confidence=0.0, discrepancy_confidence=0.0)
    assert result.articles == 2
    with pytest.raises(AnnotationError):
        resolve({"events": [{"event": "9_ecbplus", "articles": ["ecbplus:9_9ecbplus", "ecbplus:9_1ecbplus"]}]}, read_corpus(ecbplus))


def test_a_numeric_dateline_whose_first_number_is_no_month_is_read_day_first() -> None:
    assert dateline("Last updated 15: 48 15 / 09 / 2013\nTwo hikers hurt", "http://dorvik-post.example/a") == "2013-09-15"
    assert dateline("8 / 2 / 2013\nTwo hikers hurt", "http://dorvik-post.example/a") == "2013-08-02"


def test_semeval_pairs_give_their_english_articles_once(tmp_path: Path) -> None:
    folder = tmp_path / "semeval2022-task8"
    folder.mkdir()
    with (folder / "training_set.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["pair_id", "lang1", "lang2", "text1", "text2", "Overall"])
        writer.writeheader()
        writer.writerow({"pair_id": "11_22", "lang1": "en", "lang2": "de", "text1": "The mayor said the bridge opens.", "text2": "Die Brücke.", "Overall": "1"})
        writer.writerow({"pair_id": "33_11", "lang1": "en", "lang2": "en", "text1": "Rain fell.", "text2": "A later copy.", "Overall": "2"})
    corpus = read_corpus(tmp_path)
    assert sorted(corpus) == ["semeval:11", "semeval:33"]
    assert corpus["semeval:11"].text == "The mayor said the bridge opens."


def test_a_semeval_pair_is_compared_as_two_outlets(tmp_path: Path) -> None:
    folder = tmp_path / "semeval2022-task8"
    folder.mkdir()
    first = "A ferry ran aground near Dorvik on Monday, injuring 12 people, the harbour master Anna Berg said."
    second = "A ferry ran aground near Dorvik on Monday, injuring 14 people, the harbour master Anna Berg said."
    with (folder / "training_set.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["pair_id", "lang1", "lang2", "text1", "text2", "Overall"])
        writer.writeheader()
        writer.writerow({"pair_id": "11_22", "lang1": "en", "lang2": "en", "text1": first, "text2": second, "Overall": "1"})
    corpus = read_corpus(tmp_path)
    assert corpus["semeval:11"].outlet != corpus["semeval:22"].outlet  # the task keeps no outlet: each article is its own
    draft = {"events": [{"event": "11_22", "articles": ["semeval:11", "semeval:22"], "differences": [
        {"kind": "number", "sides": [{"article": "semeval:11", "span": "12 people"}, {"article": "semeval:22", "span": "14 people"}]},
    ]}]}  # fmt: skip
    gold = tmp_path / "set.json"
    gold.write_text(json.dumps(resolve(draft, corpus)), encoding="utf-8")
    result = evaluate_comparison([gold], tmp_path, min_confidence=0.0, discrepancy_confidence=0.0)
    assert result.articles == 2
    assert (result.kinds["number"].right, result.kinds["number"].matched) == (1, 1)


def test_missed_differences_name_their_event_whole_unless_a_uuid() -> None:
    from storyline.evaluate.cli import _event_label

    assert _event_label("9879bbc0-eab3-482f-bf6b-a4b519393986") == "9879bbc0"
    assert _event_label("1484188861_1483842637") == "1484188861_1483842637"


def test_a_wrong_named_speaker_is_placed_at_the_first_stage_that_fails() -> None:
    text = ("Ida Lund said the bridge would reopen in May. Per Vik said the tolls would stay. Karl Moe said the road "
            "was closed. She said the works were late. The mayor said the budget was spent. Mrs Lund said rain had slowed "
            "the crews. “The crews are tired.”")  # fmt: skip

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    def span(words: str) -> Span:
        return Span.of(text, *at(words))

    lund, vik = Speaker("e-lund", "Ida Lund"), Speaker("e-vik", "Per Vik")
    #  content, gold source, gold speaker, found source (None: none), found speaker (False: not found)
    rows = [
        ("the bridge would reopen in May", "Ida Lund", "Ida Lund", "Ida Lund", lund),  # right
        ("the tolls would stay", "Per Vik", "Per Vik", None, False),  # not found
        ("the road was closed", "Karl Moe", "Karl Moe", "the road", vik),  # source not read
        ("the works were late", "She", "Ida Lund", "She", vik),  # another entity
        ("the budget was spent", "The mayor", "Karl Moe", "The mayor", None),  # speaker not an entity
        ("rain had slowed the crews", "Mrs Lund", "Ida Lund", "Mrs Lund", Speaker("e-lund", "Mayor Ida Lund")),  # right entity
        ("The crews are tired.", None, "Ida Lund", None, None),  # carried on, left unresolved: another entity
    ]  # fmt: skip
    gold, statements = [], []
    for i, (content, source, speaker, found_source, found) in enumerate(rows):
        gold.append(GoldStatement(f"s{i}", "indirect", at(content), None, at(source) if source else None, speaker, "person"))
        if found is not False:
            source_span = span(found_source) if found_source else None
            statements.append(Statement("a", "indirect", span(content), span("said"), source_span, found))
    entities = {"e-lund": Entity("e-lund", "Lund", "person", {"Ida Lund": {"a"}, "Lund": {"a"}}),
                "e-vik": Entity("e-vik", "Per Vik", "person", {"Per Vik": {"a"}})}  # fmt: skip
    article = Article("a", text, entities=entities, statements=statements)
    result = SpeakersResult()
    score_article(result, "a", article, gold, 0.0, defaultdict(dict))
    assert result.stages == Counter({STAGES[0]: 1, STAGES[1]: 1, STAGES[2]: 1, STAGES[3]: 2, STAGES[4]: 1})
    assert sum(result.stages.values()) == result.named - result.named_right == 6
    kinds = ["missed", "wrong person", "pronoun", "descriptor", "unreduced name", "carried-on quote"]
    assert [e.kind for e in result.errors] == kinds


def test_a_finding_of_a_kind_the_set_did_not_annotate_is_neither_right_nor_wrong(ecbplus: Path, tmp_path: Path) -> None:
    draft = {"difference_kinds": ["date"], "events": [{"event": "9_ecbplus", "articles": ["ecbplus:9_1ecbplus", "ecbplus:9_2ecbplus"], "differences": []}]}
    gold = tmp_path / "set.json"
    gold.write_text(json.dumps(resolve(draft, read_corpus(ecbplus))), encoding="utf-8")
    scoped = evaluate_comparison([gold], ecbplus, min_confidence=0.0, discrepancy_confidence=0.0)
    del draft["difference_kinds"]
    gold.write_text(json.dumps(resolve(draft, read_corpus(ecbplus))), encoding="utf-8")
    every = evaluate_comparison([gold], ecbplus, min_confidence=0.0, discrepancy_confidence=0.0)
    assert every.kinds["number"].found >= 1 and every.kinds["number"].right == 0  # 12 against 14 people, annotated as none
    assert scoped.kinds["number"].found == 0 and [d.attribute for d in scoped.unjudged] == ["number"] * every.kinds["number"].found
    with pytest.raises(AnnotationError):
        resolve({"difference_kinds": ["colour"], "events": []}, read_corpus(ecbplus))
