-- SQLite's part of the store schema, run after schema.sql: FTS5 over article text and statement content,
-- kept in step by triggers; the views read by the implicit rowid (insertion order).

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(
    content, speaker_name, content='statements', content_rowid='rowid', tokenize='unicode61'
);
CREATE TRIGGER IF NOT EXISTS statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, content, speaker_name) VALUES (new.rowid, new.content, new.speaker_name);
END;
CREATE TRIGGER IF NOT EXISTS statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content, speaker_name)
    VALUES ('delete', old.rowid, old.content, old.speaker_name);
END;
CREATE TRIGGER IF NOT EXISTS statements_fts_update AFTER UPDATE OF speaker_name ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content, speaker_name)
    VALUES ('delete', old.rowid, old.content, old.speaker_name);
    INSERT INTO statements_fts(rowid, content, speaker_name) VALUES (new.rowid, new.content, new.speaker_name);
END;

CREATE TABLE IF NOT EXISTS outlet_paragraphs (
    outlet TEXT NOT NULL,
    hash   TEXT NOT NULL,
    page   TEXT NOT NULL,
    PRIMARY KEY (outlet, hash, page)
) WITHOUT ROWID;
