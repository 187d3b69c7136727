-- Any column may hold any SQLite type, whoever wrote the row. The history's
-- row snapshots (json_object) failed on a BLOB ("JSON cannot hold BLOB
-- values"), so a row holding one could not be added or removed by anyone, the
-- panel included. Recreated with each BLOB as the SQL literal of its bytes,
-- x'hex', as the program shows it (src/repo/stored-value.ts).

DROP TRIGGER trg_history_setting_insert;
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
    SELECT 'system_config', NEW.config_key, 'insert', NULL, NULL, json_object('id', CASE typeof(NEW.id) WHEN 'blob' THEN 'x''' || lower(hex(NEW.id)) || '''' ELSE NEW.id END, 'config_key', CASE typeof(NEW.config_key) WHEN 'blob' THEN 'x''' || lower(hex(NEW.config_key)) || '''' ELSE NEW.config_key END, 'config_value', CASE typeof(NEW.config_value) WHEN 'blob' THEN 'x''' || lower(hex(NEW.config_value)) || '''' ELSE NEW.config_value END, 'config_type', CASE typeof(NEW.config_type) WHEN 'blob' THEN 'x''' || lower(hex(NEW.config_type)) || '''' ELSE NEW.config_type END, 'description', CASE typeof(NEW.description) WHEN 'blob' THEN 'x''' || lower(hex(NEW.description)) || '''' ELSE NEW.description END, 'is_sensitive', CASE typeof(NEW.is_sensitive) WHEN 'blob' THEN 'x''' || lower(hex(NEW.is_sensitive)) || '''' ELSE NEW.is_sensitive END, 'category', CASE typeof(NEW.category) WHEN 'blob' THEN 'x''' || lower(hex(NEW.category)) || '''' ELSE NEW.category END, 'created_at', CASE typeof(NEW.created_at) WHEN 'blob' THEN 'x''' || lower(hex(NEW.created_at)) || '''' ELSE NEW.created_at END, 'updated_at', CASE typeof(NEW.updated_at) WHEN 'blob' THEN 'x''' || lower(hex(NEW.updated_at)) || '''' ELSE NEW.updated_at END), COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
           (NEW.is_sensitive IS NOT 0 AND NEW.is_sensitive IS NOT NULL) OR (lower(NEW.config_key) = 'key' OR lower(NEW.config_key) GLOB '*_key' OR lower(NEW.config_key) GLOB '*token*' OR lower(NEW.config_key) GLOB '*password*'
        OR lower(NEW.config_key) GLOB '*passwd*' OR lower(NEW.config_key) GLOB '*secret*' OR lower(NEW.config_key) GLOB '*credential*'
        OR EXISTS (SELECT 1 FROM sanctum_setting_catalogue c WHERE c.config_key = NEW.config_key AND c.is_sensitive = 1))
    WHERE NOT EXISTS (SELECT 1 FROM system_config WHERE config_key = NEW.config_key);
END;

DROP TRIGGER trg_history_setting_delete;
CREATE TRIGGER trg_history_setting_delete
AFTER DELETE ON system_config
FOR EACH ROW
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    VALUES ('system_config', OLD.config_key, 'delete', NULL, json_object('id', CASE typeof(OLD.id) WHEN 'blob' THEN 'x''' || lower(hex(OLD.id)) || '''' ELSE OLD.id END, 'config_key', CASE typeof(OLD.config_key) WHEN 'blob' THEN 'x''' || lower(hex(OLD.config_key)) || '''' ELSE OLD.config_key END, 'config_value', CASE typeof(OLD.config_value) WHEN 'blob' THEN 'x''' || lower(hex(OLD.config_value)) || '''' ELSE OLD.config_value END, 'config_type', CASE typeof(OLD.config_type) WHEN 'blob' THEN 'x''' || lower(hex(OLD.config_type)) || '''' ELSE OLD.config_type END, 'description', CASE typeof(OLD.description) WHEN 'blob' THEN 'x''' || lower(hex(OLD.description)) || '''' ELSE OLD.description END, 'is_sensitive', CASE typeof(OLD.is_sensitive) WHEN 'blob' THEN 'x''' || lower(hex(OLD.is_sensitive)) || '''' ELSE OLD.is_sensitive END, 'category', CASE typeof(OLD.category) WHEN 'blob' THEN 'x''' || lower(hex(OLD.category)) || '''' ELSE OLD.category END, 'created_at', CASE typeof(OLD.created_at) WHEN 'blob' THEN 'x''' || lower(hex(OLD.created_at)) || '''' ELSE OLD.created_at END, 'updated_at', CASE typeof(OLD.updated_at) WHEN 'blob' THEN 'x''' || lower(hex(OLD.updated_at)) || '''' ELSE OLD.updated_at END), NULL, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
            (OLD.is_sensitive IS NOT 0 AND OLD.is_sensitive IS NOT NULL) OR (lower(OLD.config_key) = 'key' OR lower(OLD.config_key) GLOB '*_key' OR lower(OLD.config_key) GLOB '*token*' OR lower(OLD.config_key) GLOB '*password*'
        OR lower(OLD.config_key) GLOB '*passwd*' OR lower(OLD.config_key) GLOB '*secret*' OR lower(OLD.config_key) GLOB '*credential*'
        OR EXISTS (SELECT 1 FROM sanctum_setting_catalogue c WHERE c.config_key = OLD.config_key AND c.is_sensitive = 1)));
END;

DROP TRIGGER trg_history_server_insert;
CREATE TRIGGER trg_history_server_insert
AFTER INSERT ON letta_server_config
FOR EACH ROW
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    VALUES ('letta_server_config', CAST(NEW.id AS TEXT), 'insert', NULL, NULL, json_object('id', CASE typeof(NEW.id) WHEN 'blob' THEN 'x''' || lower(hex(NEW.id)) || '''' ELSE NEW.id END, 'server_address', CASE typeof(NEW.server_address) WHEN 'blob' THEN 'x''' || lower(hex(NEW.server_address)) || '''' ELSE NEW.server_address END, 'server_port', CASE typeof(NEW.server_port) WHEN 'blob' THEN 'x''' || lower(hex(NEW.server_port)) || '''' ELSE NEW.server_port END, 'server_password', CASE typeof(NEW.server_password) WHEN 'blob' THEN 'x''' || lower(hex(NEW.server_password)) || '''' ELSE NEW.server_password END, 'server_token', CASE typeof(NEW.server_token) WHEN 'blob' THEN 'x''' || lower(hex(NEW.server_token)) || '''' ELSE NEW.server_token END, 'connection_timeout', CASE typeof(NEW.connection_timeout) WHEN 'blob' THEN 'x''' || lower(hex(NEW.connection_timeout)) || '''' ELSE NEW.connection_timeout END, 'is_active', CASE typeof(NEW.is_active) WHEN 'blob' THEN 'x''' || lower(hex(NEW.is_active)) || '''' ELSE NEW.is_active END, 'name', CASE typeof(NEW.name) WHEN 'blob' THEN 'x''' || lower(hex(NEW.name)) || '''' ELSE NEW.name END, 'last_connected_at', CASE typeof(NEW.last_connected_at) WHEN 'blob' THEN 'x''' || lower(hex(NEW.last_connected_at)) || '''' ELSE NEW.last_connected_at END, 'created_at', CASE typeof(NEW.created_at) WHEN 'blob' THEN 'x''' || lower(hex(NEW.created_at)) || '''' ELSE NEW.created_at END, 'updated_at', CASE typeof(NEW.updated_at) WHEN 'blob' THEN 'x''' || lower(hex(NEW.updated_at)) || '''' ELSE NEW.updated_at END), COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
            NEW.server_password IS NOT NULL OR NEW.server_token IS NOT NULL);
END;

DROP TRIGGER trg_history_server_delete;
CREATE TRIGGER trg_history_server_delete
AFTER DELETE ON letta_server_config
FOR EACH ROW
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    VALUES ('letta_server_config', CAST(OLD.id AS TEXT), 'delete', NULL, json_object('id', CASE typeof(OLD.id) WHEN 'blob' THEN 'x''' || lower(hex(OLD.id)) || '''' ELSE OLD.id END, 'server_address', CASE typeof(OLD.server_address) WHEN 'blob' THEN 'x''' || lower(hex(OLD.server_address)) || '''' ELSE OLD.server_address END, 'server_port', CASE typeof(OLD.server_port) WHEN 'blob' THEN 'x''' || lower(hex(OLD.server_port)) || '''' ELSE OLD.server_port END, 'server_password', CASE typeof(OLD.server_password) WHEN 'blob' THEN 'x''' || lower(hex(OLD.server_password)) || '''' ELSE OLD.server_password END, 'server_token', CASE typeof(OLD.server_token) WHEN 'blob' THEN 'x''' || lower(hex(OLD.server_token)) || '''' ELSE OLD.server_token END, 'connection_timeout', CASE typeof(OLD.connection_timeout) WHEN 'blob' THEN 'x''' || lower(hex(OLD.connection_timeout)) || '''' ELSE OLD.connection_timeout END, 'is_active', CASE typeof(OLD.is_active) WHEN 'blob' THEN 'x''' || lower(hex(OLD.is_active)) || '''' ELSE OLD.is_active END, 'name', CASE typeof(OLD.name) WHEN 'blob' THEN 'x''' || lower(hex(OLD.name)) || '''' ELSE OLD.name END, 'last_connected_at', CASE typeof(OLD.last_connected_at) WHEN 'blob' THEN 'x''' || lower(hex(OLD.last_connected_at)) || '''' ELSE OLD.last_connected_at END, 'created_at', CASE typeof(OLD.created_at) WHEN 'blob' THEN 'x''' || lower(hex(OLD.created_at)) || '''' ELSE OLD.created_at END, 'updated_at', CASE typeof(OLD.updated_at) WHEN 'blob' THEN 'x''' || lower(hex(OLD.updated_at)) || '''' ELSE OLD.updated_at END), NULL, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
            OLD.server_password IS NOT NULL OR OLD.server_token IS NOT NULL);
END;
