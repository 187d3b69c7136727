-- Additive: the catalogue of known settings, triggers that keep a known or
-- secret-looking row classified whoever writes it, and triggers that keep the
-- Sanctum panel's letta_server_* keys and our active server in step.
-- Every statement here also runs inside other programs' writes (the panel uses
-- Python's sqlite3), so it uses no UPDATE ... FROM, no CTE, and never writes
-- NULL into config_value (the panel's table forbids it).

-- One row per setting this program knows: its type, category, sensitivity,
-- description and default. The design's nine and the panel's sixteen keys.
CREATE TABLE sanctum_setting_catalogue (
    config_key VARCHAR(100) PRIMARY KEY,
    config_type VARCHAR(50) NOT NULL,
    category VARCHAR(50) NOT NULL,
    is_sensitive BOOLEAN NOT NULL,
    description TEXT NOT NULL,
    default_value TEXT NOT NULL,
    origin VARCHAR(20) NOT NULL -- 'design' or 'panel'
);

INSERT INTO sanctum_setting_catalogue (config_key, config_type, category, is_sensitive, description, default_value, origin) VALUES
('openai_api_key', 'string', 'api_keys', 1, 'OpenAI API Key for AI model access', '', 'design'),
('anthropic_api_key', 'string', 'api_keys', 1, 'Anthropic API Key for Claude access', '', 'design'),
('ollama_base_url', 'string', 'api_keys', 0, 'Ollama local model server URL', 'http://localhost:11434', 'design'),
('sanctum_base_path', 'string', 'paths', 0, 'Base installation directory for Sanctum', '~/sanctum', 'design'),
('letta_data_path', 'string', 'paths', 0, 'Letta data directory path', '~/.letta', 'design'),
('flask_port', 'integer', 'ports', 0, 'Flask web interface port', '5000', 'design'),
('smcp_port', 'integer', 'ports', 0, 'SMCP server port', '9000', 'design'),
('environment', 'string', 'general', 0, 'Current environment (dev/staging/prod)', 'development', 'design'),
('debug_mode', 'boolean', 'general', 0, 'Enable debug logging', 'true', 'design'),
('api_key', 'string', 'api_keys', 1, 'Key that clients of the control panel''s HTTP API authenticate with', '', 'panel'),
('admin_key', 'string', 'api_keys', 1, 'Administrator key of the control panel''s HTTP API', '', 'panel'),
('letta_server_address', 'string', 'letta', 0, 'Letta server address, scheme included (the active server)', 'https://localhost', 'panel'),
('letta_server_port', 'integer', 'letta', 0, 'Letta server port (the active server)', '443', 'panel'),
('letta_server_token', 'string', 'letta', 1, 'Letta server password or token (the active server)', '', 'panel'),
('letta_connection_timeout', 'integer', 'letta', 0, 'Letta connection timeout in seconds (the active server)', '30', 'panel'),
('letta_server_active', 'boolean', 'letta', 0, 'Whether a Letta server connection is active', 'true', 'panel'),
('last_connected', 'string', 'letta', 0, 'When the Letta server last answered a connection test (ISO 8601)', '', 'panel'),
('session_timeout', 'integer', 'general', 0, 'Control panel session lifetime in seconds', '1800', 'panel'),
('max_message_length', 'integer', 'general', 0, 'Longest chat message the control panel accepts, in characters', '10000', 'panel');

-- What each row's metadata should be: a known key gets the catalogue's type and
-- category where the row has only the column defaults, its description where
-- the row has none, and its sensitivity always; any key that looks like a
-- secret (same rule as src/repo/secret-keys.ts) is sensitive.
CREATE VIEW sanctum_setting_classification AS
SELECT s.id AS id,
       CASE WHEN c.config_key IS NOT NULL AND (s.config_type IS NULL OR s.config_type = 'string')
            THEN c.config_type ELSE s.config_type END AS config_type,
       CASE WHEN c.config_key IS NOT NULL AND (s.category IS NULL OR s.category = 'general')
            THEN c.category ELSE s.category END AS category,
       CASE WHEN c.is_sensitive = 1
              OR lower(s.config_key) GLOB '*_key' OR lower(s.config_key) = 'key'
              OR lower(s.config_key) GLOB '*token*' OR lower(s.config_key) GLOB '*password*'
              OR lower(s.config_key) GLOB '*passwd*' OR lower(s.config_key) GLOB '*secret*'
              OR lower(s.config_key) GLOB '*credential*'
            THEN 1 ELSE s.is_sensitive END AS is_sensitive,
       COALESCE(s.description, c.description) AS description,
       s.config_type AS stored_type, s.category AS stored_category,
       s.is_sensitive AS stored_sensitive, s.description AS stored_description
FROM system_config s LEFT JOIN sanctum_setting_catalogue c ON c.config_key = s.config_key;

-- Rows whose stored metadata differs from that: the only ones written. One
-- view over one join, so a lookup by id stays a lookup (the trigger's case).
CREATE VIEW sanctum_setting_misclassified AS
SELECT id, config_type, category, is_sensitive, description FROM sanctum_setting_classification
WHERE config_type IS NOT stored_type OR category IS NOT stored_category
   OR is_sensitive IS NOT stored_sensitive OR description IS NOT stored_description;

UPDATE system_config SET
    config_type = (SELECT m.config_type FROM sanctum_setting_misclassified m WHERE m.id = system_config.id),
    category = (SELECT m.category FROM sanctum_setting_misclassified m WHERE m.id = system_config.id),
    is_sensitive = (SELECT m.is_sensitive FROM sanctum_setting_misclassified m WHERE m.id = system_config.id),
    description = (SELECT m.description FROM sanctum_setting_misclassified m WHERE m.id = system_config.id)
WHERE id IN (SELECT id FROM sanctum_setting_misclassified);

-- A row another program inserts or replaces (the panel's INSERT OR REPLACE
-- drops our columns back to their defaults) is classified again at once.
CREATE TRIGGER trg_system_config_classify
AFTER INSERT ON system_config
FOR EACH ROW
BEGIN
    UPDATE system_config SET
        config_type = (SELECT m.config_type FROM sanctum_setting_misclassified m WHERE m.id = NEW.id),
        category = (SELECT m.category FROM sanctum_setting_misclassified m WHERE m.id = NEW.id),
        is_sensitive = (SELECT m.is_sensitive FROM sanctum_setting_misclassified m WHERE m.id = NEW.id),
        description = (SELECT m.description FROM sanctum_setting_misclassified m WHERE m.id = NEW.id)
    WHERE id = NEW.id AND EXISTS (SELECT 1 FROM sanctum_setting_misclassified m WHERE m.id = NEW.id);
END;

-- The panel's letta_server_* keys, parsed from the formats it stores (Python
-- str(): True/False/None; ISO timestamps). A value that does not fit gives NULL
-- here (or state 'invalid') and is not copied: the server keeps its last good value.
CREATE VIEW sanctum_panel_letta AS
SELECT
    (SELECT trim(config_value) FROM system_config WHERE config_key = 'letta_server_address'
        AND trim(config_value) <> '' AND trim(config_value) NOT GLOB '*[ ' || char(9) || ']*'
        AND trim(config_value) NOT GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*'
        AND length(trim(config_value)) <= 255) AS address,
    (SELECT CAST(trim(config_value) AS INTEGER) FROM system_config WHERE config_key = 'letta_server_port'
        AND trim(config_value) GLOB '[0-9]*' AND trim(config_value) NOT GLOB '*[^0-9]*'
        AND length(trim(config_value)) <= 5
        AND CAST(trim(config_value) AS INTEGER) BETWEEN 1 AND 65535) AS port,
    (SELECT CASE
        WHEN trim(config_value) IN ('', 'None', 'none', 'null') THEN 'clear'
        WHEN config_value GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*' THEN 'invalid'
        ELSE 'set' END
     FROM system_config WHERE config_key = 'letta_server_token') AS token_state,
    (SELECT config_value FROM system_config WHERE config_key = 'letta_server_token') AS token,
    (SELECT CAST(trim(config_value) AS INTEGER) FROM system_config WHERE config_key = 'letta_connection_timeout'
        AND trim(config_value) GLOB '[0-9]*' AND trim(config_value) NOT GLOB '*[^0-9]*'
        AND length(trim(config_value)) <= 4
        AND CAST(trim(config_value) AS INTEGER) BETWEEN 1 AND 3600) AS timeout,
    (SELECT CASE
        WHEN lower(trim(config_value)) IN ('true', '1', 'yes', 'on') THEN 1
        WHEN lower(trim(config_value)) IN ('false', '0', 'no', 'off', 'none', '') THEN 0
        END
     FROM system_config WHERE config_key = 'letta_server_active') AS active,
    (SELECT CASE
        WHEN trim(config_value) IN ('', 'None', 'none', 'null') THEN 'clear'
        WHEN datetime(trim(config_value)) IS NOT NULL THEN 'set'
        ELSE 'invalid' END
     FROM system_config WHERE config_key = 'last_connected') AS last_state,
    (SELECT datetime(trim(config_value)) FROM system_config WHERE config_key = 'last_connected') AS last_connected;

-- The server the panel's keys stand for: the active one, else the one changed
-- last (so a panel that turns letta_server_active off and on again gets it back).
CREATE VIEW sanctum_panel_server AS
SELECT COALESCE(
    (SELECT id FROM letta_server_config WHERE is_active = 1 ORDER BY id LIMIT 1),
    (SELECT id FROM letta_server_config ORDER BY updated_at DESC, id DESC LIMIT 1)) AS id;

-- That server as the panel's keys, in the panel's formats. Only keys the file
-- already has are written (an UPDATE, never an INSERT), and never NULL.
CREATE VIEW sanctum_panel_server_as_keys AS
SELECT 'letta_server_address' AS config_key, server_address AS config_value
  FROM letta_server_config WHERE id = (SELECT id FROM sanctum_panel_server)
UNION ALL SELECT 'letta_server_port', CAST(server_port AS TEXT)
  FROM letta_server_config WHERE id = (SELECT id FROM sanctum_panel_server)
UNION ALL SELECT 'letta_server_token', COALESCE(server_token, '')
  FROM letta_server_config WHERE id = (SELECT id FROM sanctum_panel_server)
UNION ALL SELECT 'letta_connection_timeout', CAST(COALESCE(connection_timeout, 30) AS TEXT)
  FROM letta_server_config WHERE id = (SELECT id FROM sanctum_panel_server)
UNION ALL SELECT 'last_connected', COALESCE(strftime('%Y-%m-%dT%H:%M:%S', last_connected_at), '')
  FROM letta_server_config WHERE id = (SELECT id FROM sanctum_panel_server)
UNION ALL SELECT 'letta_server_active', CASE WHEN is_active = 1 THEN 'true' ELSE 'false' END
  FROM letta_server_config WHERE id = (SELECT id FROM sanctum_panel_server);

-- Bring the adopted (or our own) server in line with the panel's keys now.
UPDATE letta_server_config SET server_address = (SELECT address FROM sanctum_panel_letta)
WHERE id = (SELECT id FROM sanctum_panel_server) AND (SELECT address FROM sanctum_panel_letta) IS NOT NULL
  AND server_address IS NOT (SELECT address FROM sanctum_panel_letta);
UPDATE letta_server_config SET server_port = (SELECT port FROM sanctum_panel_letta)
WHERE id = (SELECT id FROM sanctum_panel_server) AND (SELECT port FROM sanctum_panel_letta) IS NOT NULL
  AND server_port IS NOT (SELECT port FROM sanctum_panel_letta);
UPDATE letta_server_config SET server_token = (SELECT CASE token_state WHEN 'set' THEN token END FROM sanctum_panel_letta)
WHERE id = (SELECT id FROM sanctum_panel_server) AND (SELECT token_state FROM sanctum_panel_letta) IN ('set', 'clear')
  AND server_token IS NOT (SELECT CASE token_state WHEN 'set' THEN token END FROM sanctum_panel_letta);
UPDATE letta_server_config SET connection_timeout = (SELECT timeout FROM sanctum_panel_letta)
WHERE id = (SELECT id FROM sanctum_panel_server) AND (SELECT timeout FROM sanctum_panel_letta) IS NOT NULL
  AND connection_timeout IS NOT (SELECT timeout FROM sanctum_panel_letta);
UPDATE letta_server_config SET last_connected_at = (SELECT CASE last_state WHEN 'set' THEN last_connected END FROM sanctum_panel_letta)
WHERE id = (SELECT id FROM sanctum_panel_server) AND (SELECT last_state FROM sanctum_panel_letta) IN ('set', 'clear')
  AND last_connected_at IS NOT (SELECT CASE last_state WHEN 'set' THEN last_connected END FROM sanctum_panel_letta);
UPDATE letta_server_config SET is_active = 0
WHERE is_active = 1 AND (SELECT active FROM sanctum_panel_letta) = 0;
UPDATE letta_server_config SET is_active = 1
WHERE (SELECT active FROM sanctum_panel_letta) = 1
  AND NOT EXISTS (SELECT 1 FROM letta_server_config WHERE is_active = 1)
  AND id = (SELECT id FROM sanctum_panel_server);

-- Panel -> server, one field per key, so a statement that writes several keys
-- row by row never sees a half-copied server. Fires for the panel's form
-- (UPDATE), its INSERT OR REPLACE and its key/value INSERT. Only what differs
-- is written, so the two directions settle even with recursive triggers on.
CREATE TRIGGER trg_panel_letta_update
AFTER UPDATE OF config_value ON system_config
FOR EACH ROW WHEN NEW.config_key IN ('letta_server_address', 'letta_server_port', 'letta_server_token',
    'letta_connection_timeout', 'letta_server_active', 'last_connected')
BEGIN
    UPDATE letta_server_config SET server_address = (SELECT address FROM sanctum_panel_letta)
    WHERE NEW.config_key = 'letta_server_address' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT address FROM sanctum_panel_letta) IS NOT NULL
      AND server_address IS NOT (SELECT address FROM sanctum_panel_letta);
    UPDATE letta_server_config SET server_port = (SELECT port FROM sanctum_panel_letta)
    WHERE NEW.config_key = 'letta_server_port' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT port FROM sanctum_panel_letta) IS NOT NULL
      AND server_port IS NOT (SELECT port FROM sanctum_panel_letta);
    UPDATE letta_server_config SET server_token = (SELECT CASE token_state WHEN 'set' THEN token END FROM sanctum_panel_letta)
    WHERE NEW.config_key = 'letta_server_token' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT token_state FROM sanctum_panel_letta) IN ('set', 'clear')
      AND server_token IS NOT (SELECT CASE token_state WHEN 'set' THEN token END FROM sanctum_panel_letta);
    UPDATE letta_server_config SET connection_timeout = (SELECT timeout FROM sanctum_panel_letta)
    WHERE NEW.config_key = 'letta_connection_timeout' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT timeout FROM sanctum_panel_letta) IS NOT NULL
      AND connection_timeout IS NOT (SELECT timeout FROM sanctum_panel_letta);
    UPDATE letta_server_config SET last_connected_at = (SELECT CASE last_state WHEN 'set' THEN last_connected END FROM sanctum_panel_letta)
    WHERE NEW.config_key = 'last_connected' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT last_state FROM sanctum_panel_letta) IN ('set', 'clear')
      AND last_connected_at IS NOT (SELECT CASE last_state WHEN 'set' THEN last_connected END FROM sanctum_panel_letta);
    UPDATE letta_server_config SET is_active = 0
    WHERE NEW.config_key = 'letta_server_active' AND is_active = 1 AND (SELECT active FROM sanctum_panel_letta) = 0;
    UPDATE letta_server_config SET is_active = 1
    WHERE NEW.config_key = 'letta_server_active' AND (SELECT active FROM sanctum_panel_letta) = 1
      AND NOT EXISTS (SELECT 1 FROM letta_server_config WHERE is_active = 1)
      AND id = (SELECT id FROM sanctum_panel_server);
END;

CREATE TRIGGER trg_panel_letta_insert
AFTER INSERT ON system_config
FOR EACH ROW WHEN NEW.config_key IN ('letta_server_address', 'letta_server_port', 'letta_server_token',
    'letta_connection_timeout', 'letta_server_active', 'last_connected')
BEGIN
    UPDATE letta_server_config SET server_address = (SELECT address FROM sanctum_panel_letta)
    WHERE NEW.config_key = 'letta_server_address' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT address FROM sanctum_panel_letta) IS NOT NULL
      AND server_address IS NOT (SELECT address FROM sanctum_panel_letta);
    UPDATE letta_server_config SET server_port = (SELECT port FROM sanctum_panel_letta)
    WHERE NEW.config_key = 'letta_server_port' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT port FROM sanctum_panel_letta) IS NOT NULL
      AND server_port IS NOT (SELECT port FROM sanctum_panel_letta);
    UPDATE letta_server_config SET server_token = (SELECT CASE token_state WHEN 'set' THEN token END FROM sanctum_panel_letta)
    WHERE NEW.config_key = 'letta_server_token' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT token_state FROM sanctum_panel_letta) IN ('set', 'clear')
      AND server_token IS NOT (SELECT CASE token_state WHEN 'set' THEN token END FROM sanctum_panel_letta);
    UPDATE letta_server_config SET connection_timeout = (SELECT timeout FROM sanctum_panel_letta)
    WHERE NEW.config_key = 'letta_connection_timeout' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT timeout FROM sanctum_panel_letta) IS NOT NULL
      AND connection_timeout IS NOT (SELECT timeout FROM sanctum_panel_letta);
    UPDATE letta_server_config SET last_connected_at = (SELECT CASE last_state WHEN 'set' THEN last_connected END FROM sanctum_panel_letta)
    WHERE NEW.config_key = 'last_connected' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT last_state FROM sanctum_panel_letta) IN ('set', 'clear')
      AND last_connected_at IS NOT (SELECT CASE last_state WHEN 'set' THEN last_connected END FROM sanctum_panel_letta);
    UPDATE letta_server_config SET is_active = 0
    WHERE NEW.config_key = 'letta_server_active' AND is_active = 1 AND (SELECT active FROM sanctum_panel_letta) = 0;
    UPDATE letta_server_config SET is_active = 1
    WHERE NEW.config_key = 'letta_server_active' AND (SELECT active FROM sanctum_panel_letta) = 1
      AND NOT EXISTS (SELECT 1 FROM letta_server_config WHERE is_active = 1)
      AND id = (SELECT id FROM sanctum_panel_server);
END;

-- Server -> panel: whoever changes, adds, activates or removes a server.
CREATE TRIGGER trg_server_to_panel_update
AFTER UPDATE OF server_address, server_port, server_token, connection_timeout, is_active, last_connected_at
ON letta_server_config
FOR EACH ROW
BEGIN
    UPDATE system_config SET config_value =
        (SELECT v.config_value FROM sanctum_panel_server_as_keys v WHERE v.config_key = system_config.config_key)
    WHERE config_key IN (SELECT v.config_key FROM sanctum_panel_server_as_keys v
                         WHERE v.config_value IS NOT system_config.config_value);
END;

CREATE TRIGGER trg_server_to_panel_insert
AFTER INSERT ON letta_server_config
FOR EACH ROW
BEGIN
    UPDATE system_config SET config_value =
        (SELECT v.config_value FROM sanctum_panel_server_as_keys v WHERE v.config_key = system_config.config_key)
    WHERE config_key IN (SELECT v.config_key FROM sanctum_panel_server_as_keys v
                         WHERE v.config_value IS NOT system_config.config_value);
END;

CREATE TRIGGER trg_server_to_panel_delete
AFTER DELETE ON letta_server_config
FOR EACH ROW
BEGIN
    UPDATE system_config SET config_value =
        (SELECT v.config_value FROM sanctum_panel_server_as_keys v WHERE v.config_key = system_config.config_key)
    WHERE config_key IN (SELECT v.config_key FROM sanctum_panel_server_as_keys v
                         WHERE v.config_value IS NOT system_config.config_value);
END;
