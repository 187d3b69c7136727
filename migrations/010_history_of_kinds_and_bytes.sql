-- The history, trustworthy in two more ways.
--
-- 1. A change of a setting's type or sensitivity is a history entry too
--    (column_name 'config_type' or 'is_sensitive'), so the record shows when
--    a secret stopped being marked secret. The classification that follows an
--    insert (the catalogue's type, a secret name) is part of that insert, not
--    a change: trg_system_config_classify now marks itself in
--    sanctum_classifying while it corrects the row, and the new trigger stays
--    quiet then. (The classify trigger is recreated with the same correction.)
--
-- 2. The history is bounded in bytes as well as in count: sanctum_history_bytes
--    keeps the size of every entry's values, kept by triggers for every
--    writer. Past history_max_bytes (default 16 MiB) the oldest entries go
--    until a quarter is free, except each existing row's newest 20 entries of
--    at most 8 KiB: many large values cannot erase one row's record, and those
--    kept are bounded by the count rule (10 x history_limit). When it shrinks,
--    the size is counted again from the entries, so a wrong count heals.

CREATE TABLE sanctum_classifying (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER trg_system_config_classify;

CREATE TRIGGER trg_system_config_classify
AFTER INSERT ON system_config
FOR EACH ROW
WHEN EXISTS (SELECT 1 FROM sanctum_setting_misclassified m WHERE m.id = NEW.id)
BEGIN
    INSERT OR REPLACE INTO sanctum_classifying (id) VALUES (1);
    UPDATE system_config SET
        config_type = (SELECT m.config_type FROM sanctum_setting_misclassified m WHERE m.id = NEW.id),
        category = (SELECT m.category FROM sanctum_setting_misclassified m WHERE m.id = NEW.id),
        is_sensitive = (SELECT m.is_sensitive FROM sanctum_setting_misclassified m WHERE m.id = NEW.id),
        description = (SELECT m.description FROM sanctum_setting_misclassified m WHERE m.id = NEW.id)
    WHERE id = NEW.id;
    DELETE FROM sanctum_classifying;
END;

CREATE TRIGGER trg_history_setting_kind
AFTER UPDATE OF config_type, is_sensitive ON system_config
FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM sanctum_classifying)
 AND (OLD.config_type IS NOT NEW.config_type OR OLD.is_sensitive IS NOT NEW.is_sensitive)
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'system_config', NEW.config_key, 'update', 'config_type',
           CASE typeof(OLD.config_type) WHEN 'blob' THEN 'x''' || lower(hex(OLD.config_type)) || '''' ELSE OLD.config_type END,
           CASE typeof(NEW.config_type) WHEN 'blob' THEN 'x''' || lower(hex(NEW.config_type)) || '''' ELSE NEW.config_type END,
           COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
           (OLD.is_sensitive IS NOT 0 AND OLD.is_sensitive IS NOT NULL) OR (NEW.is_sensitive IS NOT 0 AND NEW.is_sensitive IS NOT NULL)
    WHERE OLD.config_type IS NOT NEW.config_type;
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'system_config', NEW.config_key, 'update', 'is_sensitive',
           CASE typeof(OLD.is_sensitive) WHEN 'blob' THEN 'x''' || lower(hex(OLD.is_sensitive)) || '''' ELSE OLD.is_sensitive END,
           CASE typeof(NEW.is_sensitive) WHEN 'blob' THEN 'x''' || lower(hex(NEW.is_sensitive)) || '''' ELSE NEW.is_sensitive END,
           COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
           (OLD.is_sensitive IS NOT 0 AND OLD.is_sensitive IS NOT NULL) OR (NEW.is_sensitive IS NOT 0 AND NEW.is_sensitive IS NOT NULL)
    WHERE OLD.is_sensitive IS NOT NEW.is_sensitive;
END;

INSERT INTO sanctum_setting_catalogue (config_key, config_type, category, is_sensitive, description, default_value, origin) VALUES
('history_max_bytes', 'integer', 'general', 0, 'How many bytes of values the history keeps, at most (sanctum-config history)', '16777216', 'design');

CREATE TABLE sanctum_history_bytes (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    bytes INTEGER NOT NULL
);
INSERT INTO sanctum_history_bytes (id, bytes)
SELECT 1, COALESCE(sum(COALESCE(length(CAST(old_value AS BLOB)), 0) + COALESCE(length(CAST(new_value AS BLOB)), 0)), 0) FROM config_history;

CREATE TRIGGER trg_history_bytes_delete
AFTER DELETE ON config_history
FOR EACH ROW
BEGIN
    UPDATE sanctum_history_bytes
    SET bytes = bytes - COALESCE(length(CAST(OLD.old_value AS BLOB)), 0) - COALESCE(length(CAST(OLD.new_value AS BLOB)), 0)
    WHERE id = 1;
END;

CREATE TRIGGER trg_history_bytes_update
AFTER UPDATE OF old_value, new_value ON config_history
FOR EACH ROW
BEGIN
    UPDATE sanctum_history_bytes
    SET bytes = bytes - COALESCE(length(CAST(OLD.old_value AS BLOB)), 0) - COALESCE(length(CAST(OLD.new_value AS BLOB)), 0)
                      + COALESCE(length(CAST(NEW.old_value AS BLOB)), 0) + COALESCE(length(CAST(NEW.new_value AS BLOB)), 0)
    WHERE id = 1;
END;

CREATE TRIGGER trg_config_history_shrink
AFTER INSERT ON config_history
FOR EACH ROW
WHEN (SELECT bytes FROM sanctum_history_bytes WHERE id = 1) > COALESCE(
        (SELECT CAST(config_value AS INTEGER) FROM system_config
         WHERE config_key = 'history_max_bytes' AND trim(config_value) GLOB '[0-9]*' AND CAST(config_value AS INTEGER) > 0),
        16777216)
BEGIN
    DELETE FROM config_history WHERE id IN (
        SELECT id FROM (
            SELECT h.id AS id,
                   sum(COALESCE(length(CAST(h.old_value AS BLOB)), 0) + COALESCE(length(CAST(h.new_value AS BLOB)), 0))
                       OVER (ORDER BY h.id ROWS UNBOUNDED PRECEDING)
                   - COALESCE(length(CAST(h.old_value AS BLOB)), 0) - COALESCE(length(CAST(h.new_value AS BLOB)), 0) AS before
            FROM config_history h
            WHERE NOT (
                COALESCE(length(CAST(h.old_value AS BLOB)), 0) + COALESCE(length(CAST(h.new_value AS BLOB)), 0) <= 8192
                AND (EXISTS (SELECT 1 FROM system_config s WHERE h.table_name = 'system_config' AND s.config_key = h.row_key)
                     OR EXISTS (SELECT 1 FROM letta_server_config l WHERE h.table_name = 'letta_server_config' AND l.id = CAST(h.row_key AS INTEGER)))
                AND (SELECT count(*) FROM (SELECT 1 FROM config_history n
                                           WHERE n.table_name = h.table_name AND n.row_key = h.row_key AND n.id > h.id LIMIT 20)) < 20)
        )
        WHERE before < (SELECT bytes FROM sanctum_history_bytes WHERE id = 1) - COALESCE(
            (SELECT CAST(config_value AS INTEGER) FROM system_config
             WHERE config_key = 'history_max_bytes' AND trim(config_value) GLOB '[0-9]*' AND CAST(config_value AS INTEGER) > 0),
            16777216) * 3 / 4
    );
    UPDATE sanctum_history_bytes
    SET bytes = (SELECT COALESCE(sum(COALESCE(length(CAST(old_value AS BLOB)), 0) + COALESCE(length(CAST(new_value AS BLOB)), 0)), 0) FROM config_history)
    WHERE id = 1;
END;

-- Created after the shrink trigger, so it runs before it (SQLite runs the
-- newest trigger first): the shrink sees a size that counts the new entry.
CREATE TRIGGER trg_history_bytes_insert
AFTER INSERT ON config_history
FOR EACH ROW
BEGIN
    UPDATE sanctum_history_bytes
    SET bytes = bytes + COALESCE(length(CAST(NEW.old_value AS BLOB)), 0) + COALESCE(length(CAST(NEW.new_value AS BLOB)), 0)
    WHERE id = 1;
END;
