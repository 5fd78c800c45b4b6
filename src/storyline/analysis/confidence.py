"""How sure a statement is, and from what confidence on users are shown it."""

from __future__ import annotations

# Statements below this are kept in the store but shown only when asked for (`--all`).
SHOWN_CONFIDENCE = 0.0
