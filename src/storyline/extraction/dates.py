"""Publication dates as ISO 8601, as precise as the source gives them."""

from __future__ import annotations

import re
import warnings
from datetime import datetime

from dateutil import parser as dateutil_parser

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")


def iso_date(value: str | None) -> str | None:
    """`YYYY-MM-DD` for a date, a full ISO datetime when the value carries a time; None if unreadable."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            with warnings.catch_warnings():  # "EST" and friends: the date is still right
                warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
                parsed = dateutil_parser.parse(text)
        except (ValueError, OverflowError):
            return None
    if _HAS_TIME.search(text):
        return parsed.isoformat()
    return parsed.date().isoformat()
