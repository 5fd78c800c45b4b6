"""The PostgreSQL store: the schema and queries of `Store`, for stores shared by many users and machines.

Opened by `open_store("postgresql://…")`. Only connecting, creating the schema and holding a transaction
differ from the SQLite store; every write transaction takes one advisory lock, so writers queue as
SQLite's do while readers never wait.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, ClassVar

import psycopg
from psycopg.conninfo import conninfo_to_dict

from storyline.store import mask_password
from storyline.store.dialect import POSTGRESQL, Connection
from storyline.store.sqlite import BUMP_REVISION, SET_VERSION, Store, StoreError

# The pg_advisory_xact_lock key of every write transaction: one writer at a time, like SQLite's.
WRITER_LOCK = 0x53544F52  # "STOR"
CONNECT_TIMEOUT = 10  # seconds, unless the URL sets connect_timeout


class Row(tuple):  # type: ignore[type-arg]
    """A row read by position or by column name, as sqlite3.Row is, so the store's code serves both."""

    __slots__ = ()
    _index: ClassVar[dict[str, int]] = {}

    def __getitem__(self, key: Any) -> Any:
        return tuple.__getitem__(self, self._index[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self._index)


@lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        index.setdefault(name, i)  # a repeated name reads the first column, as in sqlite3.Row
    return type("Row", (Row,), {"__slots__": (), "_index": index})


def _row_factory(cursor: psycopg.Cursor[Any]) -> Callable[[Sequence[Any]], Row]:
    return _row_class(tuple(column.name for column in cursor.description or ()))


@lru_cache(maxsize=2048)
def _pyformat(sql: str) -> str:
    """`?` placeholders as psycopg's `%s`; the store's SQL has no `?` or `%` inside a literal."""
    return sql.replace("%", "%%").replace("?", "%s")


def _storable(args: Sequence[Any]) -> list[Any]:
    """PostgreSQL text cannot hold U+0000: it becomes U+FFFD, one character for one, so offsets still hold."""
    return [a.replace("\x00", "\ufffd") if isinstance(a, str) and "\x00" in a else a for a in args]


class PostgresConnection:
    """A psycopg connection that takes the store's SQL (`?` placeholders) and returns `Row`s."""

    def __init__(self, raw: psycopg.Connection[Row]) -> None:
        self.raw = raw

    def execute(self, sql: str, args: Sequence[Any] = ()) -> psycopg.Cursor[Row]:
        return self.raw.execute(_pyformat(sql), _storable(args))

    def executemany(self, sql: str, rows: Any) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(_pyformat(sql), [_storable(row) for row in rows])

    def close(self) -> None:
        self.raw.close()


def _connect(url: str, shown: str) -> psycopg.Connection[Row]:
    try:
        options = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise StoreError(f"{shown} is not a PostgreSQL URL that libpq understands ({exc})") from exc
    timeout = {} if "connect_timeout" in options else {"connect_timeout": CONNECT_TIMEOUT}
    try:
        return psycopg.connect(url, autocommit=True, row_factory=_row_factory, **timeout)  # type: ignore[arg-type]
    except psycopg.OperationalError as exc:
        reason = " ".join(str(exc).split())
        raise StoreError(
            f"cannot connect to the PostgreSQL store at {shown} ({reason}). Check that the server is running and "
            "reachable from here, that the URL's host, port, user and password are right, and that the database "
            "exists (create it with `createdb NAME`; storyline creates the tables)."
        ) from exc


class PostgresStore(Store):
    """The store in a PostgreSQL database (15 or newer); `path` is the URL with its password masked."""

    dialect = POSTGRESQL

    def __init__(self, url: str) -> None:
        self.path = mask_password(url)
        self.raw = _connect(url, self.path)
        self.db = PostgresConnection(self.raw)
        try:
            self._migrate()
        except psycopg.Error as exc:
            self.raw.close()
            raise StoreError(f"{self.path}: cannot use as a storyline store ({' '.join(str(exc).split())})") from exc

    def _create_schema(self, script: str) -> None:
        with self.transaction():
            self.raw.execute(script)  # no parameters: psycopg sends the whole script at once
            self.db.execute(SET_VERSION)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.raw.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK,))
            yield self.db
            self.db.execute(BUMP_REVISION)
