"""Where storyline keeps what it has learnt: an embedded SQLite file by default."""

from storyline.store.sqlite import SCHEMA_VERSION, Store, StoreError, statement_from_row

__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "statement_from_row"]
