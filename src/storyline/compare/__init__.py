"""Comparing outlets within a story: who reported what, and where their reports disagree."""

from storyline.compare.coverage import Cell, Coverage, FirstReport, Row, coverage
from storyline.compare.discrepancies import find_discrepancies

__all__ = ["Cell", "Coverage", "FirstReport", "Row", "coverage", "find_discrepancies"]
