"""Checks shared by every reader: is this payload something an extractor can work on, and small enough?"""

from __future__ import annotations

import zlib
from pathlib import Path

# Larger pages are not articles (or are attacks); refused before anything parses them.
MAX_BYTES = 10 * 1024 * 1024
MAX_LABEL = f"{MAX_BYTES // 2**20} MB"

# Control bytes that never occur in text or HTML (tab, newline, form feed and carriage return do).
_BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13})
_SNIFF = 4096


class TooLarge(ValueError):
    """A payload over MAX_BYTES; the message is the reason shown to the user."""


def problem_with(payload: bytes, what: str = "file") -> str | None:
    """Why the payload cannot be an article (empty, binary), or None when it may be one."""
    if not payload.strip():
        return f"{what} is empty"
    head = payload[:_SNIFF]
    control = len(head) - len(head.translate(None, _BINARY_BYTES))
    if b"\x00" in head or control > len(head) // 100:
        return f"{what} is binary, not text or HTML"
    return None


def gunzip(payload: bytes, what: str = "file") -> bytes:
    """Decompress gzip without ever holding more than MAX_BYTES of output (a gzip bomb stays small)."""
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    out = inflater.decompress(payload, MAX_BYTES + 1)
    if len(out) > MAX_BYTES:
        raise TooLarge(f"{what} is larger than {MAX_LABEL} uncompressed")
    if not inflater.eof:
        raise EOFError("compressed data ends before the end-of-stream marker (truncated?)")
    return out


def read_capped(path: Path) -> bytes:
    """The file's bytes, refused by its size before reading: a huge file never reaches a parser."""
    if path.stat().st_size > MAX_BYTES:
        raise TooLarge(f"file is larger than {MAX_LABEL}")
    return path.read_bytes()
