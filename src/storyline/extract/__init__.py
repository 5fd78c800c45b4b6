"""`Document` (or raw HTML/text) to a clean `Article`: main text, metadata, site chrome removed."""

from storyline.extract.article import ExtractionError, extract

__all__ = ["ExtractionError", "extract"]
