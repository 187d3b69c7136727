-- The secret-name rule, wider: common names were listed in clear
-- (mcp_api_keys, smtp_pass, letta_pw, apikey, private_key_pem, db_passphrase).
-- A key is secret when it contains token, password, passwd, secret or
-- credential; or its last word is key, keys, apikey, apikeys or privkey; or any
-- word is pass, passphrase, pw, pwd, private, cert, certs, creds, apikey or
-- apikeys (words split at _ - and .). The same rule as src/repo/secret-keys.ts
-- (a test checks both on a list of real names). The classification view and
-- the history's triggers are recreated with it, and rows are classified again.


DROP VIEW sanctum_setting_misclassified;

DROP VIEW sanctum_setting_classification;

CREATE VIEW sanctum_setting_classification AS
SELECT s.id AS id,
       CASE WHEN c.config_key IS NOT NULL AND (s.config_type IS NULL OR s.config_type = 'string')
            THEN c.config_type ELSE s.config_type END AS config_type,
       CASE WHEN c.config_key IS NOT NULL AND (s.category IS NULL OR s.category = 'general')
            THEN c.category ELSE s.category END AS category,
       CASE WHEN c.is_sensitive = 1
              OR lower(s.config_key) GLOB '*token*' OR lower(s.config_key) GLOB '*password*' OR lower(s.config_key) GLOB '*passwd*' OR lower(s.config_key) GLOB '*secret*' OR lower(s.config_key) GLOB '*credential*'
        OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_key_' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_keys_' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikey_' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikeys_' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_privkey_'
        OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pass_*' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_passphrase_*' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pw_*' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pwd_*' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_private_*' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_cert_*' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_certs_*' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_creds_*' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikey_*' OR ('_' || replace(replace(lower(s.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikeys_*'
            THEN 1 ELSE s.is_sensitive END AS is_sensitive,
       COALESCE(s.description, c.description) AS description,
       s.config_type AS stored_type, s.category AS stored_category,
       s.is_sensitive AS stored_sensitive, s.description AS stored_description
FROM system_config s LEFT JOIN sanctum_setting_catalogue c ON c.config_key = s.config_key;

CREATE VIEW sanctum_setting_misclassified AS
SELECT id, config_type, category, is_sensitive, description FROM sanctum_setting_classification
WHERE config_type IS NOT stored_type OR category IS NOT stored_category
   OR is_sensitive IS NOT stored_sensitive OR description IS NOT stored_description;

DROP TRIGGER trg_history_setting_insert;

CREATE TRIGGER trg_history_setting_insert
BEFORE INSERT ON system_config
FOR EACH ROW
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'system_config', NEW.config_key, 'update', 'config_value', s.config_value, NEW.config_value, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
           (s.is_sensitive IS NOT 0 AND s.is_sensitive IS NOT NULL) OR (lower(NEW.config_key) GLOB '*token*' OR lower(NEW.config_key) GLOB '*password*' OR lower(NEW.config_key) GLOB '*passwd*' OR lower(NEW.config_key) GLOB '*secret*' OR lower(NEW.config_key) GLOB '*credential*'
        OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_key_' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_keys_' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikey_' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikeys_' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_privkey_'
        OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pass_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_passphrase_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pw_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pwd_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_private_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_cert_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_certs_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_creds_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikey_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikeys_*'
        OR EXISTS (SELECT 1 FROM sanctum_setting_catalogue c WHERE c.config_key = NEW.config_key AND c.is_sensitive = 1))
    FROM system_config s WHERE s.config_key = NEW.config_key AND s.config_value IS NOT NEW.config_value;
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'system_config', NEW.config_key, 'insert', NULL, NULL, json_object('id', CASE typeof(NEW.id) WHEN 'blob' THEN 'x''' || lower(hex(NEW.id)) || '''' ELSE NEW.id END, 'config_key', CASE typeof(NEW.config_key) WHEN 'blob' THEN 'x''' || lower(hex(NEW.config_key)) || '''' ELSE NEW.config_key END, 'config_value', CASE typeof(NEW.config_value) WHEN 'blob' THEN 'x''' || lower(hex(NEW.config_value)) || '''' ELSE NEW.config_value END, 'config_type', CASE typeof(NEW.config_type) WHEN 'blob' THEN 'x''' || lower(hex(NEW.config_type)) || '''' ELSE NEW.config_type END, 'description', CASE typeof(NEW.description) WHEN 'blob' THEN 'x''' || lower(hex(NEW.description)) || '''' ELSE NEW.description END, 'is_sensitive', CASE typeof(NEW.is_sensitive) WHEN 'blob' THEN 'x''' || lower(hex(NEW.is_sensitive)) || '''' ELSE NEW.is_sensitive END, 'category', CASE typeof(NEW.category) WHEN 'blob' THEN 'x''' || lower(hex(NEW.category)) || '''' ELSE NEW.category END, 'created_at', CASE typeof(NEW.created_at) WHEN 'blob' THEN 'x''' || lower(hex(NEW.created_at)) || '''' ELSE NEW.created_at END, 'updated_at', CASE typeof(NEW.updated_at) WHEN 'blob' THEN 'x''' || lower(hex(NEW.updated_at)) || '''' ELSE NEW.updated_at END), COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
           (NEW.is_sensitive IS NOT 0 AND NEW.is_sensitive IS NOT NULL) OR (lower(NEW.config_key) GLOB '*token*' OR lower(NEW.config_key) GLOB '*password*' OR lower(NEW.config_key) GLOB '*passwd*' OR lower(NEW.config_key) GLOB '*secret*' OR lower(NEW.config_key) GLOB '*credential*'
        OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_key_' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_keys_' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikey_' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikeys_' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_privkey_'
        OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pass_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_passphrase_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pw_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pwd_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_private_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_cert_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_certs_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_creds_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikey_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikeys_*'
        OR EXISTS (SELECT 1 FROM sanctum_setting_catalogue c WHERE c.config_key = NEW.config_key AND c.is_sensitive = 1))
    WHERE NOT EXISTS (SELECT 1 FROM system_config WHERE config_key = NEW.config_key);
END;

DROP TRIGGER trg_history_setting_update;

CREATE TRIGGER trg_history_setting_update
AFTER UPDATE OF config_key, config_value ON system_config
FOR EACH ROW
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'system_config', NEW.config_key, 'update', 'config_value', OLD.config_value, NEW.config_value, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
           (NEW.is_sensitive IS NOT 0 AND NEW.is_sensitive IS NOT NULL) OR (lower(NEW.config_key) GLOB '*token*' OR lower(NEW.config_key) GLOB '*password*' OR lower(NEW.config_key) GLOB '*passwd*' OR lower(NEW.config_key) GLOB '*secret*' OR lower(NEW.config_key) GLOB '*credential*'
        OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_key_' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_keys_' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikey_' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikeys_' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_privkey_'
        OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pass_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_passphrase_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pw_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pwd_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_private_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_cert_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_certs_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_creds_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikey_*' OR ('_' || replace(replace(lower(NEW.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikeys_*'
        OR EXISTS (SELECT 1 FROM sanctum_setting_catalogue c WHERE c.config_key = NEW.config_key AND c.is_sensitive = 1))
    WHERE OLD.config_value IS NOT NEW.config_value;
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    SELECT 'system_config', NEW.config_key, 'update', 'config_key', OLD.config_key, NEW.config_key, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'), 0
    WHERE OLD.config_key IS NOT NEW.config_key;
END;

DROP TRIGGER trg_history_setting_delete;

CREATE TRIGGER trg_history_setting_delete
AFTER DELETE ON system_config
FOR EACH ROW
BEGIN
    INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
    VALUES ('system_config', OLD.config_key, 'delete', NULL, json_object('id', CASE typeof(OLD.id) WHEN 'blob' THEN 'x''' || lower(hex(OLD.id)) || '''' ELSE OLD.id END, 'config_key', CASE typeof(OLD.config_key) WHEN 'blob' THEN 'x''' || lower(hex(OLD.config_key)) || '''' ELSE OLD.config_key END, 'config_value', CASE typeof(OLD.config_value) WHEN 'blob' THEN 'x''' || lower(hex(OLD.config_value)) || '''' ELSE OLD.config_value END, 'config_type', CASE typeof(OLD.config_type) WHEN 'blob' THEN 'x''' || lower(hex(OLD.config_type)) || '''' ELSE OLD.config_type END, 'description', CASE typeof(OLD.description) WHEN 'blob' THEN 'x''' || lower(hex(OLD.description)) || '''' ELSE OLD.description END, 'is_sensitive', CASE typeof(OLD.is_sensitive) WHEN 'blob' THEN 'x''' || lower(hex(OLD.is_sensitive)) || '''' ELSE OLD.is_sensitive END, 'category', CASE typeof(OLD.category) WHEN 'blob' THEN 'x''' || lower(hex(OLD.category)) || '''' ELSE OLD.category END, 'created_at', CASE typeof(OLD.created_at) WHEN 'blob' THEN 'x''' || lower(hex(OLD.created_at)) || '''' ELSE OLD.created_at END, 'updated_at', CASE typeof(OLD.updated_at) WHEN 'blob' THEN 'x''' || lower(hex(OLD.updated_at)) || '''' ELSE OLD.updated_at END), NULL, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'),
            (OLD.is_sensitive IS NOT 0 AND OLD.is_sensitive IS NOT NULL) OR (lower(OLD.config_key) GLOB '*token*' OR lower(OLD.config_key) GLOB '*password*' OR lower(OLD.config_key) GLOB '*passwd*' OR lower(OLD.config_key) GLOB '*secret*' OR lower(OLD.config_key) GLOB '*credential*'
        OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_key_' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_keys_' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikey_' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikeys_' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_privkey_'
        OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pass_*' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_passphrase_*' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pw_*' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_pwd_*' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_private_*' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_cert_*' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_certs_*' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_creds_*' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikey_*' OR ('_' || replace(replace(lower(OLD.config_key), '-', '_'), '.', '_') || '_') GLOB '*_apikeys_*'
        OR EXISTS (SELECT 1 FROM sanctum_setting_catalogue c WHERE c.config_key = OLD.config_key AND c.is_sensitive = 1)));
END;

-- Rows whose names the wider rule now finds secret are marked so.
UPDATE system_config SET
    config_type = (SELECT m.config_type FROM sanctum_setting_misclassified m WHERE m.id = system_config.id),
    category = (SELECT m.category FROM sanctum_setting_misclassified m WHERE m.id = system_config.id),
    is_sensitive = (SELECT m.is_sensitive FROM sanctum_setting_misclassified m WHERE m.id = system_config.id),
    description = (SELECT m.description FROM sanctum_setting_misclassified m WHERE m.id = system_config.id)
WHERE id IN (SELECT id FROM sanctum_setting_misclassified);
