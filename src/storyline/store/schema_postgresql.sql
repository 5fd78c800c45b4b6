-- PostgreSQL's part of the store schema, run after schema.sql.

-- Insertion order, which SQLite keeps as the implicit rowid: exports and views order by it.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS rowid BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE entities ADD COLUMN IF NOT EXISTS rowid BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE entity_aliases ADD COLUMN IF NOT EXISTS rowid BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE statement_group_members ADD COLUMN IF NOT EXISTS rowid BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE discrepancy_evidence ADD COLUMN IF NOT EXISTS rowid BIGINT GENERATED ALWAYS AS IDENTITY;

CREATE TABLE IF NOT EXISTS outlet_paragraphs (
    outlet TEXT NOT NULL,
    hash   TEXT NOT NULL,
    page   TEXT NOT NULL,
    PRIMARY KEY (outlet, hash, page)
);

-- Full text: GIN indexes over the very expressions the dialect's search conditions use (store/dialect.py),
-- with the 'simple' configuration (lower case, no stemming), as near as it gets to FTS5's unicode61.
CREATE INDEX IF NOT EXISTS articles_fts ON articles
    USING GIN (to_tsvector('simple', coalesce(title, '') || ' ' || text));
CREATE INDEX IF NOT EXISTS statements_fts ON statements
    USING GIN (to_tsvector('simple', content || ' ' || coalesce(speaker_name, '')));
