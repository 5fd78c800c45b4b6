"""Checks shared by every reader: is this payload something an extractor can work on?"""

from __future__ import annotations

# Control bytes that never occur in text or HTML (tab, newline, form feed and carriage return do).
_BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13})
_SNIFF = 4096


def problem_with(payload: bytes, what: str = "file") -> str | None:
    """Why the payload cannot be an article (empty, binary), or None when it may be one."""
    if not payload.strip():
        return f"{what} is empty"
    head = payload[:_SNIFF]
    control = len(head) - len(head.translate(None, _BINARY_BYTES))
    if b"\x00" in head or control > len(head) // 100:
        return f"{what} is binary, not text or HTML"
    return None
