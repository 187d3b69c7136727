-- Additive: a history of every change to both tables, by every writer
-- (the panel, raw SQL, us), so a change can be attributed and undone; one
-- active server whoever writes; and a connection test that no longer counts
-- once the address or port changes.

-- Who is writing: our own writes set this row inside their transaction and
-- remove it before they commit, so any writer that is not us reads 'other'.
CREATE TABLE sanctum_write_source (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    source TEXT NOT NULL
);

-- One row per change: a setting's value, a server's field, or a whole row
-- added or removed (then the row as JSON, to put it back). Values are stored
-- as written; every display masks the sensitive ones unless revealed.
CREATE TABLE config_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
CREATE INDEX idx_config_history_row ON config_history(table_name, row_key);

INSERT INTO sanctum_setting_catalogue (config_key, config_type, category, is_sensitive, description, default_value, origin) VALUES
('history_limit', 'integer', 'general', 0, 'How many changes the history keeps (sanctum-config history)', '1000', 'design');

-- Retention, in the same transaction as the change: the newest history_limit.
CREATE TRIGGER trg_config_history_prune
AFTER INSERT ON config_history
FOR EACH ROW
BEGIN
    DELETE FROM config_history WHERE id <= NEW.id - COALESCE(
        (SELECT CAST(config_value AS INTEGER) FROM system_config
         WHERE config_key = 'history_limit' AND trim(config_value) GLOB '[0-9]*' AND CAST(config_value AS INTEGER) > 0),
        1000);
END;

-- A row inserted for a key that exists (the panel's INSERT OR REPLACE) is a
-- change of its value, seen here before the old row is replaced.
CREATE TRIGGER trg_history_setting_insert
BEFORE INSERT ON system_config
FOR EACH ROW
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'system_config', NEW.config_key, 'update', 'config_value', s.config_value, NEW.config_value, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
           (s.is_sensitive IS NOT 0 AND s.is_sensitive IS NOT NULL) OR (lower(NEW.config_key) = 'key' OR lower(NEW.config_key) GLOB '*_key' OR lower(NEW.config_key) GLOB '*token*' OR lower(NEW.config_key) GLOB '*password*'
        OR lower(NEW.config_key) GLOB '*passwd*' OR lower(NEW.config_key) GLOB '*secret*' OR lower(NEW.config_key) GLOB '*credential*'
        OR EXISTS (SELECT 1 FROM sanctum_setting_catalogue c WHERE c.config_key = NEW.config_key AND c.is_sensitive = 1))
    FROM system_config s WHERE s.config_key = NEW.config_key AND s.config_value IS NOT NEW.config_value;
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'system_config', NEW.config_key, 'insert', NULL, NULL, json_object('id', NEW.id, 'config_key', NEW.config_key, 'config_value', NEW.config_value, 'config_type', NEW.config_type, 'description', NEW.description, 'is_sensitive', NEW.is_sensitive, 'category', NEW.category, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at), COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
           (NEW.is_sensitive IS NOT 0 AND NEW.is_sensitive IS NOT NULL) OR (lower(NEW.config_key) = 'key' OR lower(NEW.config_key) GLOB '*_key' OR lower(NEW.config_key) GLOB '*token*' OR lower(NEW.config_key) GLOB '*password*'
        OR lower(NEW.config_key) GLOB '*passwd*' OR lower(NEW.config_key) GLOB '*secret*' OR lower(NEW.config_key) GLOB '*credential*'
        OR EXISTS (SELECT 1 FROM sanctum_setting_catalogue c WHERE c.config_key = NEW.config_key AND c.is_sensitive = 1))
    WHERE NOT EXISTS (SELECT 1 FROM system_config WHERE config_key = NEW.config_key);
END;

CREATE TRIGGER trg_history_setting_update
AFTER UPDATE OF config_key, config_value ON system_config
FOR EACH ROW
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'system_config', NEW.config_key, 'update', 'config_value', OLD.config_value, NEW.config_value, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
           (NEW.is_sensitive IS NOT 0 AND NEW.is_sensitive IS NOT NULL) OR (lower(NEW.config_key) = 'key' OR lower(NEW.config_key) GLOB '*_key' OR lower(NEW.config_key) GLOB '*token*' OR lower(NEW.config_key) GLOB '*password*'
        OR lower(NEW.config_key) GLOB '*passwd*' OR lower(NEW.config_key) GLOB '*secret*' OR lower(NEW.config_key) GLOB '*credential*'
        OR EXISTS (SELECT 1 FROM sanctum_setting_catalogue c WHERE c.config_key = NEW.config_key AND c.is_sensitive = 1))
    WHERE OLD.config_value IS NOT NEW.config_value;
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'system_config', NEW.config_key, 'update', 'config_key', OLD.config_key, NEW.config_key, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'), 0
    WHERE OLD.config_key IS NOT NEW.config_key;
END;

CREATE TRIGGER trg_history_setting_delete
AFTER DELETE ON system_config
FOR EACH ROW
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    VALUES ('system_config', OLD.config_key, 'delete', NULL, json_object('id', OLD.id, 'config_key', OLD.config_key, 'config_value', OLD.config_value, 'config_type', OLD.config_type, 'description', OLD.description, 'is_sensitive', OLD.is_sensitive, 'category', OLD.category, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
            (OLD.is_sensitive IS NOT 0 AND OLD.is_sensitive IS NOT NULL) OR (lower(OLD.config_key) = 'key' OR lower(OLD.config_key) GLOB '*_key' OR lower(OLD.config_key) GLOB '*token*' OR lower(OLD.config_key) GLOB '*password*'
        OR lower(OLD.config_key) GLOB '*passwd*' OR lower(OLD.config_key) GLOB '*secret*' OR lower(OLD.config_key) GLOB '*credential*'
        OR EXISTS (SELECT 1 FROM sanctum_setting_catalogue c WHERE c.config_key = OLD.config_key AND c.is_sensitive = 1)));
END;

CREATE TRIGGER trg_history_server_insert
AFTER INSERT ON letta_server_config
FOR EACH ROW
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    VALUES ('letta_server_config', CAST(NEW.id AS TEXT), 'insert', NULL, NULL, json_object('id', NEW.id, 'server_address', NEW.server_address, 'server_port', NEW.server_port, 'server_password', NEW.server_password, 'server_token', NEW.server_token, 'connection_timeout', NEW.connection_timeout, 'is_active', NEW.is_active, 'name', NEW.name, 'last_connected_at', NEW.last_connected_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at), COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
            NEW.server_password IS NOT NULL OR NEW.server_token IS NOT NULL);
END;

CREATE TRIGGER trg_history_server_update
AFTER UPDATE OF server_address, server_port, server_password, server_token, connection_timeout, is_active, name ON letta_server_config
FOR EACH ROW
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'letta_server_config', CAST(NEW.id AS TEXT), 'update', 'server_address', OLD.server_address, NEW.server_address, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'), 0
    WHERE OLD.server_address IS NOT NEW.server_address;
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'letta_server_config', CAST(NEW.id AS TEXT), 'update', 'server_port', OLD.server_port, NEW.server_port, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'), 0
    WHERE OLD.server_port IS NOT NEW.server_port;
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'letta_server_config', CAST(NEW.id AS TEXT), 'update', 'server_password', OLD.server_password, NEW.server_password, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'), 1
    WHERE OLD.server_password IS NOT NEW.server_password;
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'letta_server_config', CAST(NEW.id AS TEXT), 'update', 'server_token', OLD.server_token, NEW.server_token, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'), 1
    WHERE OLD.server_token IS NOT NEW.server_token;
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'letta_server_config', CAST(NEW.id AS TEXT), 'update', 'connection_timeout', OLD.connection_timeout, NEW.connection_timeout, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'), 0
    WHERE OLD.connection_timeout IS NOT NEW.connection_timeout;
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'letta_server_config', CAST(NEW.id AS TEXT), 'update', 'is_active', OLD.is_active, NEW.is_active, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'), 0
    WHERE OLD.is_active IS NOT NEW.is_active;
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'letta_server_config', CAST(NEW.id AS TEXT), 'update', 'name', OLD.name, NEW.name, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'), 0
    WHERE OLD.name IS NOT NEW.name;
END;

CREATE TRIGGER trg_history_server_delete
AFTER DELETE ON letta_server_config
FOR EACH ROW
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    VALUES ('letta_server_config', CAST(OLD.id AS TEXT), 'delete', NULL, json_object('id', OLD.id, 'server_address', OLD.server_address, 'server_port', OLD.server_port, 'server_password', OLD.server_password, 'server_token', OLD.server_token, 'connection_timeout', OLD.connection_timeout, 'is_active', OLD.is_active, 'name', OLD.name, 'last_connected_at', OLD.last_connected_at, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
            OLD.server_password IS NOT NULL OR OLD.server_token IS NOT NULL);
END;

-- One active server whoever writes: the one just activated or inserted active
-- wins, the others are deactivated in the same statement (a foreign insert
-- with the design's default is_active = true keeps working).
CREATE TRIGGER trg_one_active_server_insert
AFTER INSERT ON letta_server_config
FOR EACH ROW WHEN NEW.is_active = 1
BEGIN
    UPDATE letta_server_config SET is_active = 0 WHERE id <> NEW.id AND is_active = 1;
END;

CREATE TRIGGER trg_one_active_server_update
AFTER UPDATE OF is_active ON letta_server_config
FOR EACH ROW WHEN NEW.is_active = 1 AND OLD.is_active IS NOT 1
BEGIN
    UPDATE letta_server_config SET is_active = 0 WHERE id <> NEW.id AND is_active = 1;
END;

-- A connection test proved something about an address and port; not about new ones.
CREATE TRIGGER trg_server_moved
AFTER UPDATE OF server_address, server_port ON letta_server_config
FOR EACH ROW WHEN (OLD.server_address IS NOT NEW.server_address OR OLD.server_port IS NOT NEW.server_port)
    AND NEW.last_connected_at IS NOT NULL AND NEW.last_connected_at IS OLD.last_connected_at
BEGIN
    UPDATE letta_server_config SET last_connected_at = NULL WHERE id = NEW.id;
END;
