"""Bytes to text the way browsers do it: declared charset, then the page's own meta, then UTF-8."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|article|div|p|br|h1)\b", re.IGNORECASE)
_STRAY_BYTES_PER = 1000
_BOMS = {codecs.BOM_UTF8: "utf-8-sig", codecs.BOM_UTF16_LE: "utf-16", codecs.BOM_UTF16_BE: "utf-16"}


def decode(payload: bytes, declared: str | None = None) -> str:
    """The first candidate that decodes cleanly wins, so a wrong or missing charset still reads right."""
    for encoding in _candidates(payload, declared):
        try:
            return payload.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    lenient = payload.decode("utf-8", errors="replace")
    # A UTF-8 page with a few stray bytes is still UTF-8; one with many is a legacy page (Windows-1252).
    if lenient.count("\ufffd") * _STRAY_BYTES_PER <= len(lenient):
        return lenient
    return payload.decode("cp1252", errors="replace")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.search(text[:2048]))


def _candidates(payload: bytes, declared: str | None) -> list[str]:
    bom = next((name for mark, name in _BOMS.items() if payload.startswith(mark)), None)
    meta = _META_CHARSET.search(payload[:4096])
    found = [bom, declared, meta.group(1).decode("ascii", "replace") if meta else None, "utf-8"]
    return [name for name in found if name]
