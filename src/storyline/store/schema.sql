-- storyline store: the tables and indexes, in SQL that SQLite and PostgreSQL both read. Full-text search
-- and what one of them lacks are in schema_sqlite.sql and schema_postgresql.sql, run after this file.
-- Floats are DOUBLE PRECISION (REAL in SQLite, a 4-byte float in PostgreSQL); "end" is a reserved word there.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id           TEXT PRIMARY KEY,
    url          TEXT,
    outlet       TEXT,
    title        TEXT,
    authors      TEXT NOT NULL DEFAULT '[]',   -- JSON list
    published    TEXT,                         -- ISO 8601
    language     TEXT,
    text         TEXT NOT NULL,
    source_uri   TEXT,
    removed      TEXT NOT NULL DEFAULT '[]',   -- JSON list: boilerplate cut from the page, for audit
    sentences    TEXT NOT NULL DEFAULT '[]',   -- JSON list of [start, end]
    duplicate_of TEXT,                         -- near-copy of this article id (syndication)
    duplicate_similarity DOUBLE PRECISION,
    added_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source_uri);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS entities (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id  TEXT NOT NULL REFERENCES entities(id),
    alias      TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias, article_id)
);
CREATE INDEX IF NOT EXISTS entity_aliases_article ON entity_aliases(article_id);
-- The keys the entity registry looks candidates up by (analysis/identity.py), each with the order its
-- entity was registered in, so a restarted run breaks ties as an uninterrupted one does.
CREATE TABLE IF NOT EXISTS entity_keys (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    space     TEXT NOT NULL,
    key       TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    PRIMARY KEY (entity_id, space, key)
);
CREATE INDEX IF NOT EXISTS entity_keys_key ON entity_keys(space, key);

CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    entity_id  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    via        TEXT NOT NULL,
    PRIMARY KEY (article_id, start, "end", entity_id)
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);

CREATE TABLE IF NOT EXISTS statements (
    id            TEXT PRIMARY KEY,
    article_id    TEXT NOT NULL REFERENCES articles(id),
    kind          TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end   INTEGER NOT NULL,
    content       TEXT NOT NULL,
    cue_start     INTEGER NOT NULL,
    cue_end       INTEGER NOT NULL,
    cue           TEXT NOT NULL,
    source_start  INTEGER,
    source_end    INTEGER,
    source        TEXT,
    speaker_id    TEXT,
    speaker_name  TEXT,
    speaker_kind  TEXT,
    confidence    DOUBLE PRECISION NOT NULL,
    speaker_role  TEXT           -- since schema 6
);
CREATE INDEX IF NOT EXISTS statements_article ON statements(article_id);
-- A speaker's shown statements are counted on the index alone (schema 8; it replaces one on speaker_id).
DROP INDEX IF EXISTS statements_speaker;
CREATE INDEX IF NOT EXISTS statements_speaker_shown ON statements(speaker_id, confidence);

-- What the relate stage needs to place later articles without re-reading earlier ones.
CREATE TABLE IF NOT EXISTS features (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    record     TEXT NOT NULL   -- JSON; binary arrays base64-encoded
);
-- The near-duplicate index: each band of an article's MinHash as a 64-bit bucket number.
CREATE TABLE IF NOT EXISTS minhash_buckets (
    bucket     BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (bucket, article_id)
);

CREATE TABLE IF NOT EXISTS stories (
    id           TEXT PRIMARY KEY,
    label        TEXT NOT NULL,
    first_seen   TEXT,
    last_seen    TEXT,
    storyline_id TEXT,
    dirty        INTEGER NOT NULL DEFAULT 1   -- comparisons need recomputing
);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story_id   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id);

CREATE TABLE IF NOT EXISTS storylines (
    id         TEXT PRIMARY KEY,
    label      TEXT NOT NULL,
    first_seen TEXT,
    last_seen  TEXT
);

CREATE TABLE IF NOT EXISTS statement_groups (
    id           TEXT PRIMARY KEY,
    story_id     TEXT,
    relation     TEXT NOT NULL,
    speaker_id   TEXT,
    speaker_name TEXT
);
CREATE TABLE IF NOT EXISTS statement_group_members (
    group_id     TEXT NOT NULL REFERENCES statement_groups(id),
    statement_id TEXT NOT NULL,
    misquoted    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (group_id, statement_id)
);
CREATE INDEX IF NOT EXISTS group_members_statement ON statement_group_members(statement_id);

CREATE TABLE IF NOT EXISTS discrepancies (
    id           TEXT PRIMARY KEY,
    attribute    TEXT NOT NULL,
    subject      TEXT NOT NULL,
    story_id     TEXT,
    storyline_id TEXT,
    confidence   REAL NOT NULL DEFAULT 1.0
);
CREATE TABLE IF NOT EXISTS discrepancy_evidence (
    discrepancy_id TEXT NOT NULL REFERENCES discrepancies(id),
    article_id     TEXT NOT NULL,
    outlet         TEXT,
    value          TEXT NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           TEXT NOT NULL,
    changed        TEXT NOT NULL DEFAULT '[]',
    misquoted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS discrepancy_evidence_id ON discrepancy_evidence(discrepancy_id);

CREATE TABLE IF NOT EXISTS errors (
    source TEXT NOT NULL,
    stage  TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL,
    PRIMARY KEY (source, stage)
);

-- Schema version 2: ingestion memory.
-- Outlet-level boilerplate: on which distinct pages (hashed) each paragraph (hashed, normalised) of an
-- outlet was seen, kept only until it is known to recur (outlet_paragraphs, in the dialect's schema file);
-- and the paragraphs judged boilerplate.
CREATE TABLE IF NOT EXISTS boilerplate (
    outlet     TEXT NOT NULL,
    hash       TEXT NOT NULL,
    text       TEXT NOT NULL,
    pages      INTEGER NOT NULL,              -- distinct pages it was seen on when judged
    learned_at TEXT NOT NULL,
    PRIMARY KEY (outlet, hash)
);

-- Feeds followed: the validators for conditional requests, and the items already taken.
CREATE TABLE IF NOT EXISTS feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    checked_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_items (
    feed    TEXT NOT NULL,
    item    TEXT NOT NULL,               -- entry id, else its link
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed, item)
);

-- What the views read by (web pages, reports): story and storyline lists, a story's comparisons.
CREATE INDEX IF NOT EXISTS stories_last_seen ON stories(last_seen);
CREATE INDEX IF NOT EXISTS stories_storyline ON stories(storyline_id, first_seen);
CREATE INDEX IF NOT EXISTS storylines_last_seen ON storylines(last_seen);
CREATE INDEX IF NOT EXISTS articles_duplicate ON articles(duplicate_of);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet, published);
CREATE INDEX IF NOT EXISTS statement_groups_story ON statement_groups(story_id);
CREATE INDEX IF NOT EXISTS discrepancies_story ON discrepancies(story_id);
CREATE INDEX IF NOT EXISTS discrepancies_storyline ON discrepancies(storyline_id);
