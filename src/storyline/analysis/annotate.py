"""One parsed article to its annotation layers: sentences, entities, mentions, statements."""

from __future__ import annotations

from spacy.tokens import Doc

from storyline.analysis.confidence import evidence
from storyline.analysis.entities import ArticleEntities, build_entities
from storyline.analysis.quotes import find_quotes
from storyline.analysis.speakers import SpeakerResolver
from storyline.analysis.finders import DEFAULT_FINDER, finder
from storyline.analysis.statements import Attribution
from storyline.model import Article, Span, Speaker, Statement


def _sentences(text: str, doc: Doc) -> list[Span]:
    spans = []
    for sent in doc.sents:
        raw = text[sent.start_char : sent.end_char]  # what `sent.text` gives, without joining its tokens twice
        start = sent.start_char + len(raw) - len(raw.lstrip())
        end = sent.start_char + len(raw.rstrip())
        if end > start:
            spans.append(Span.of(text, start, end))
    return spans


def resolving(
    article_id: str, text: str, doc: Doc, model: str = DEFAULT_FINDER, headline: str = ""
) -> tuple[ArticleEntities, list[Attribution], SpeakerResolver]:
    """The article's entities (a person's full name may come from its `headline`), its attributions by the
    finder `model`, and the resolver that names their speakers in reading order."""
    found = build_entities(article_id, text, doc, headline)
    attributions = finder(model)(doc)
    # what is quoted or reported names no speakers; a sentence reported by no one ("X reportedly committed to …")
    # is the article's own narration, whose names are
    excluded = [(q.start, q.end) for q in find_quotes(text)] + [a.content for a in attributions if a.source or a.follows]
    return found, attributions, SpeakerResolver(article_id, text, found, excluded, doc)


def annotate(article: Article, doc: Doc, model: str = DEFAULT_FINDER) -> Article:
    """Fill the article's analysis layers from its parse, statements by the finder `model`; replaces any
    earlier analysis."""
    text = article.text
    found, attributions, resolver = resolving(article.id, text, doc, model, article.title or "")
    statements = []
    for attribution in attributions:
        resolved = resolver.resolve(attribution)
        speaker = Speaker(resolved.entity.id, resolved.entity.name, resolved.entity.kind, resolved.role) if resolved else None
        source = attribution.source
        statements.append(
            Statement(
                article_id=article.id,
                kind=attribution.kind,
                content=Span.of(text, *attribution.content),
                cue=Span.of(text, *attribution.cue),
                source=Span.of(text, source.start_char, source.end_char) if source is not None else None,
                speaker=speaker,
                confidence=evidence(attribution, doc).confidence,
            )
        )
    article.sentences = _sentences(text, doc)
    article.entities = found.entities
    article.mentions = sorted(found.mentions, key=lambda m: m.span.start)
    article.statements = statements
    return article
