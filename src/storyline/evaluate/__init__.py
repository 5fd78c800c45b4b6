"""Evaluation harnesses: storyline's figures on public annotated data, printed, never asserted."""
