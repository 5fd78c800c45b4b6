"""relate: which articles copy each other, report the same event (stories) and the same thread (storylines)."""

from storyline.relate.candidates import CentroidIndex
from storyline.relate.duplicates import DuplicateMatch, NearDuplicateIndex
from storyline.relate.embeddings import embed_documents, embed_statements
from storyline.relate.features import ArticleFeatures, article_features, features_batch, from_record, to_record
from storyline.relate.stories import StoryConfig, StoryIndex
from storyline.relate.storylines import link_storylines

__all__ = [
    "ArticleFeatures",
    "CentroidIndex",
    "DuplicateMatch",
    "NearDuplicateIndex",
    "StoryConfig",
    "StoryIndex",
    "article_features",
    "embed_documents",
    "embed_statements",
    "features_batch",
    "from_record",
    "link_storylines",
    "to_record",
]
