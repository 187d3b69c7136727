-- Our bookkeeping must never be a way to deny writes. config_history had
-- AUTOINCREMENT: one row another program put at the largest id SQLite allows
-- made every later change (ours and the panel's) fail as "database or disk is
-- full". Rebuilt without it: ids are the next after the largest, and rows at
-- absurd ids (beyond 2^52, or below 1) are dropped as the next change is
-- recorded, so ids stay exact in JavaScript too. Retention keeps the newest
-- history_limit changes; beyond that a change is dropped when its setting or
-- server is gone, or has 20 newer changes: a flood of changes to other rows
-- (throwaway rows above all) cannot erase one row's record. Never more than
-- 10 x history_limit in all.

CREATE TABLE config_history_rebuilt (
    id INTEGER PRIMARY KEY,
    changed_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    table_name VARCHAR(50) NOT NULL,   -- 'system_config' or 'letta_server_config'
    row_key TEXT NOT NULL,             -- the setting's key, or the server's id
    action VARCHAR(10) NOT NULL,       -- 'insert', 'update', 'delete'
    column_name VARCHAR(50),           -- for an update
    old_value TEXT,
    new_value TEXT,
    source VARCHAR(20) NOT NULL,       -- 'app', 'cli', 'import', or 'other'
    sensitive BOOLEAN NOT NULL DEFAULT 0
);
INSERT INTO config_history_rebuilt (id, changed_at, table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
SELECT id, changed_at, table_name, row_key, action, column_name, old_value, new_value, source, sensitive
FROM config_history WHERE typeof(id) = 'integer' AND id BETWEEN 1 AND 4503599627370496;
DROP TABLE config_history;
-- The history triggers of the other tables name config_history; a rename
-- checks every trigger unless legacy_alter_table is on, and it is off again
-- at once.
PRAGMA legacy_alter_table = ON;
ALTER TABLE config_history_rebuilt RENAME TO config_history;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX idx_config_history_row ON config_history(table_name, row_key);

-- Each change looks only at the one change that just left the window of the
-- newest history_limit (ids are consecutive: the next after the largest) and
-- at those beyond 10 x history_limit: a constant amount of work per change,
-- so an import of 10,000 settings is not slowed by it.
CREATE TRIGGER trg_config_history_prune
AFTER INSERT ON config_history
FOR EACH ROW
BEGIN
    DELETE FROM config_history WHERE id > 4503599627370496 OR id < 1;
    DELETE FROM config_history
    WHERE NEW.id <= 4503599627370496
      AND id <= NEW.id - 10 * COALESCE(
        (SELECT CAST(config_value AS INTEGER) FROM system_config
         WHERE config_key = 'history_limit' AND trim(config_value) GLOB '[0-9]*' AND CAST(config_value AS INTEGER) > 0),
        1000);
    DELETE FROM config_history
    WHERE NEW.id <= 4503599627370496
      AND id = NEW.id - COALESCE(
            (SELECT CAST(config_value AS INTEGER) FROM system_config
             WHERE config_key = 'history_limit' AND trim(config_value) GLOB '[0-9]*' AND CAST(config_value AS INTEGER) > 0),
            1000)
      AND (NOT EXISTS (SELECT 1 FROM system_config s
                       WHERE config_history.table_name = 'system_config' AND s.config_key = config_history.row_key)
           AND NOT EXISTS (SELECT 1 FROM letta_server_config l
                           WHERE config_history.table_name = 'letta_server_config' AND l.id = CAST(config_history.row_key AS INTEGER))
           OR (SELECT count(*) FROM config_history newer
               WHERE newer.table_name = config_history.table_name AND newer.row_key = config_history.row_key
                 AND newer.id > config_history.id) >= 20);
END;
