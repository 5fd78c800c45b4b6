"""Where storyline keeps what it has learnt: an embedded SQLite file by default, or a PostgreSQL database.

`open_store` is the one way in: a `postgresql://` (or `postgres://`) URL opens PostgreSQL (the `postgres`
extra), anything else is the path of a SQLite file.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from storyline.store.sqlite import SCHEMA_VERSION, Store, StoreError, statement_from_row

URL_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.lower().startswith(URL_SCHEMES)


def mask_password(target: str | Path) -> str:
    """The store as safe to print: a URL's password, in its user part or its query, shown as ***."""
    if not is_postgres_url(target):
        return str(target)
    parts = urlsplit(str(target))
    netloc = parts.netloc
    if parts.password is not None:
        user, _, host = netloc.rpartition("@")
        netloc = f"{user.split(':', 1)[0]}:***@{host}"
    query = re.sub(r"(^|&)password=[^&]*", r"\1password=***", parts.query)
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def open_store(target: str | Path) -> Store:
    """The store at a SQLite path or a PostgreSQL URL, its schema created or upgraded as needed."""
    if not is_postgres_url(target):
        return Store(target)
    try:
        from storyline.store.postgres import PostgresStore
    except ImportError as exc:
        raise StoreError(
            f"{mask_password(target)}: a PostgreSQL store needs psycopg: pip install 'storyline[postgres]'"
        ) from exc
    return PostgresStore(str(target))


__all__ = [
    "SCHEMA_VERSION", "Store", "StoreError", "is_postgres_url", "mask_password", "open_store", "statement_from_row",
]  # fmt: skip
