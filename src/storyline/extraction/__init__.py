"""`Document` (or raw HTML/text) to a clean `Article`: main text, metadata, site chrome removed."""

from storyline.extraction.article import Draft, ExtractionError, extract, finish, read

__all__ = ["Draft", "ExtractionError", "extract", "finish", "read"]
