-- Additive: a label and the last successful connection test for each server,
-- and triggers that keep updated_at current for every writer, including other
-- programs that share this file and forget to set it.

ALTER TABLE letta_server_config ADD COLUMN name VARCHAR(100);
ALTER TABLE letta_server_config ADD COLUMN last_connected_at TIMESTAMP;

-- Fires only when the writer left updated_at alone; recursive triggers are off,
-- so the inner UPDATE does not fire it again.
CREATE TRIGGER trg_system_config_touch
AFTER UPDATE ON system_config
FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE system_config SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;

-- A connection test (last_connected_at) is not a configuration change, so it is
-- left out of the column list.
CREATE TRIGGER trg_letta_server_config_touch
AFTER UPDATE OF server_address, server_port, server_password, server_token,
    connection_timeout, is_active, name ON letta_server_config
FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE letta_server_config SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
