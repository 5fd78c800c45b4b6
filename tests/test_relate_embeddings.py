"""The packaged embedding model loads offline and place texts about one event together."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.model import Article
from storyline.relate.alignment import PARAPHRASE_COSINE
from storyline.relate.embeddings import DOCUMENT_DIM, embed_documents, embed_statements
from storyline.relate.features import article_features, from_record, is_current, reembed, to_record

QUAKE = "A magnitude 6.1 earthquake struck the island of Korvo on Monday, collapsing a school and a bridge."
QUAKE_AGAIN = "Rescuers searched the rubble of a school on Korvo after Monday's 6.1 earthquake brought down a bridge."
ELECTION = "The finance minister resigned on Friday after losing a vote on the budget in parliament."


def test_document_model_puts_two_reports_of_one_event_closest() -> None:
    vectors = embed_documents([QUAKE, QUAKE_AGAIN, ELECTION])
    assert vectors.shape == (3, DOCUMENT_DIM) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    cos = vectors @ vectors.T
    assert cos[0, 1] > cos[0, 2] + 0.2 and cos[0, 1] > cos[1, 2] + 0.2


def test_batches_give_the_same_vectors_as_single_texts() -> None:
    texts = [f"{QUAKE} Report {i}." for i in range(20)]  # more than one batch of the model
    assert np.allclose(embed_documents(texts)[17], embed_documents(texts[17:18])[0], atol=1e-5)


def test_texts_of_mixed_lengths_keep_their_rows() -> None:
    """Texts are batched by length: each row must still be its own text's."""
    texts = [QUAKE * (i % 4 + 1) if i % 3 else "Budget vote." for i in range(37)]
    vectors = embed_documents(texts)
    for i in (0, 5, 18, 36):
        assert np.allclose(vectors[i], embed_documents(texts[i : i + 1])[0], atol=1e-5)


def test_empty_input_and_empty_text() -> None:
    assert embed_documents([]).shape[0] == 0
    assert not embed_documents(["   "]).any()


CLAIM = "that the ministry had singled out opposition charities for extra audits"


@pytest.mark.parametrize(
    ("other", "one_claim"),
    [
        ("for the ministry's practice of targeting opposition charities for additional audits", True),
        ("that the ministry would hire two hundred new auditors next year", False),  # the speaker's other point
    ],
)
def test_statement_model_joins_two_outlets_renderings_of_one_claim_only(other: str, one_claim: bool) -> None:
    first, second = embed_statements([CLAIM, other])
    assert (float(first @ second) >= PARAPHRASE_COSINE) is one_claim


def test_vectors_stored_by_an_older_model_are_replaced() -> None:
    article = Article("a1", QUAKE, title="Earthquake on Korvo")
    current = article_features(article)
    old = from_record(to_record(current))
    old.embedding = np.ones(256, dtype=np.float32) / 16.0  # a record of the static word vectors used before
    assert is_current(current) and not is_current(old)
    reembed([old], [article])
    assert is_current(old) and np.allclose(old.embedding, current.embedding, atol=1e-5)


def test_a_text_given_twice_is_embedded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """One quote in several outlets' copies costs one pass of the model, and each copy keeps its row."""
    from storyline.relate import embeddings

    seen: list[str] = []
    real = embeddings._minilm_batch
    monkeypatch.setattr(embeddings, "_minilm_batch", lambda model, texts: seen.extend(texts) or real(model, texts))
    vectors = embed_statements([CLAIM, ELECTION, CLAIM])
    assert sorted(seen) == sorted([CLAIM, ELECTION])
    assert np.array_equal(vectors[0], vectors[2]) and np.array_equal(vectors[1], embed_statements([ELECTION])[0])
