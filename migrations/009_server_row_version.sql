-- Additive: an exact version for each server row, so a compare-and-set from a
-- script cannot lose an update. updated_at has the design's one-second
-- resolution: four of five changes within one second were lost by
-- --if-unchanged-since. The version goes up by one with every change to the
-- row's settings (not a connection test's time), by any writer (a trigger),
-- and `server set --if-version N` compares it.
ALTER TABLE letta_server_config ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER trg_letta_server_config_version
AFTER UPDATE OF server_address, server_port, server_password, server_token, connection_timeout, is_active, name ON letta_server_config
FOR EACH ROW WHEN NEW.row_version IS OLD.row_version
BEGIN
    UPDATE letta_server_config SET row_version = OLD.row_version + 1 WHERE id = NEW.id;
END;
