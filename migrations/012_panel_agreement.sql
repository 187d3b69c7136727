-- Agree with the Sanctum panel on every field both programs show.
--
-- Address: the panel's field is a URL, and its Test Connection adds the port
-- only when the address holds no ':' at all, so `scheme://host:port` is the
-- one form with which it reaches a server on another port than the scheme's.
-- We write that form (and the port key); we read every form the field takes:
-- `host`, `https://host`, `http://host:port`, `[v6]:port`, with or without a
-- trailing slash. A port typed into the address is taken (it is what the
-- panel's test reaches), and the port field when it alone changed (the form
-- saves the address first, then its port field as it was shown). An address
-- we cannot use is not copied: the server keeps its last good value, the
-- panel's field keeps what was typed, and `doctor` and the app say why.
--
-- Active: the panel's template checks the box for any non-empty value, and
-- its form saves Python's str(bool). We write 'True' or '' (unchecked), and
-- read 'True'/'true'/'1'/'yes'/'on' as on and 'False'/'false'/'0'/''/'None'
-- as off.
--
-- Last connected: never written by us (the panel's System Settings page calls
-- strftime on the stored string and fails on any value); read in the box's
-- local time, which is how the panel writes it.
--
-- The secret: Letta has one. A server's secret is its password, else its
-- token, for the connection test, the env file and the panel's one field
-- ("token/password"); a value saved in that field becomes the password.
--
-- Only what differs in meaning is written, in both directions: a trailing
-- slash, 'False' for '', or the panel's microseconds are left as they are.
-- A file we create or adopt carries every letta_server_* key the panel reads,
-- so its form shows our active server.

-- Scratch rows, written inside each copy so every trigger reads a few table
-- rows instead of expanding the parsing views at each use: a write another
-- program prepares compiles the triggers it fires, and nested views made that
-- hundreds of thousands of instructions.
CREATE TABLE sanctum_panel_parsed (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    address TEXT, scheme TEXT, address_port INTEGER, usable INTEGER, port_key INTEGER,
    token_state TEXT, token TEXT, timeout INTEGER, active INTEGER, last_state TEXT, last_connected TEXT
);
CREATE TABLE sanctum_panel_wanted (
    config_key TEXT PRIMARY KEY,
    config_value TEXT NOT NULL,
    same INTEGER NOT NULL
);
-- While a panel write is being copied into our server: our server -> panel triggers stay quiet
-- (the copy ends by writing back only what still differs in meaning).
CREATE TABLE sanctum_panel_copying (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);
-- When the panel's address last named a port: its form saves the address first, then its port
-- field as it was shown, which must not undo the port just typed into the address.
CREATE TABLE sanctum_panel_address_port (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    port INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);

DROP TRIGGER trg_panel_letta_update;
DROP TRIGGER trg_panel_letta_insert;
DROP TRIGGER trg_server_to_panel_update;
DROP TRIGGER trg_server_to_panel_insert;
DROP TRIGGER trg_server_to_panel_delete;
DROP VIEW sanctum_panel_server_as_keys;
DROP VIEW sanctum_panel_letta;

-- The panel's address, split: scheme (or NULL), host (IPv6 without brackets),
-- port (or NULL), usable (0 when we cannot use it), and our form of it.
CREATE VIEW sanctum_panel_address AS
WITH raw AS MATERIALIZED (
  SELECT rtrim(trim(config_value), '/') AS a FROM system_config
  WHERE config_key = 'letta_server_address' AND typeof(config_value) = 'text'
    AND trim(config_value) NOT GLOB '*[' || char(1) || '-' || char(32) || char(127) || ']*'
), split AS MATERIALIZED (
  SELECT CASE WHEN lower(a) GLOB 'https://*' THEN 'https' WHEN lower(a) GLOB 'http://*' THEN 'http' END AS scheme,
         CASE WHEN lower(a) GLOB 'https://*' THEN substr(a, 9) WHEN lower(a) GLOB 'http://*' THEN substr(a, 8) ELSE a END AS rest
  FROM raw
), parts AS MATERIALIZED (
  SELECT scheme,
         CASE WHEN rest GLOB '[[]*]:*' THEN substr(rest, 2, instr(rest, ']') - 2)
              WHEN rest GLOB '[[]*]' THEN substr(rest, 2, length(rest) - 2)
              WHEN instr(rest, ':') > 0 AND instr(substr(rest, instr(rest, ':') + 1), ':') = 0 THEN substr(rest, 1, instr(rest, ':') - 1)
              ELSE rest END AS host,
         CASE WHEN rest GLOB '[[]*]:*' THEN substr(rest, instr(rest, ']:') + 2)
              WHEN instr(rest, ':') > 0 AND instr(substr(rest, instr(rest, ':') + 1), ':') = 0 AND rest NOT GLOB '[[]*' THEN substr(rest, instr(rest, ':') + 1)
              END AS port_text
  FROM split
), checked AS MATERIALIZED (
  SELECT scheme, host, port_text,
         host IS NOT NULL AND host <> '' AND length(host) <= 253 AND host NOT GLOB '*[^A-Za-z0-9.:-]*'
           AND (port_text IS NULL OR (port_text <> '' AND port_text NOT GLOB '*[^0-9]*' AND length(port_text) <= 5
                AND CAST(port_text AS INTEGER) BETWEEN 1 AND 65535)) AS usable
  FROM parts
)
SELECT scheme, host, CASE WHEN usable THEN CAST(port_text AS INTEGER) END AS port, usable,
       CASE WHEN usable THEN (CASE scheme WHEN 'https' THEN 'https://' ELSE '' END)
                             || (CASE WHEN instr(host, ':') > 0 THEN '[' || host || ']' ELSE host END) END AS address
FROM checked;

-- Our form of a server's address, for comparing: scheme kept only when https, no trailing slash, IPv6 bracketed.
CREATE VIEW sanctum_server_address AS
WITH raw AS MATERIALIZED (
  SELECT id, rtrim(trim(server_address), '/') AS a FROM letta_server_config WHERE typeof(server_address) = 'text'
), parts AS MATERIALIZED (
  SELECT id, CASE WHEN lower(a) GLOB 'https://*' THEN 'https' ELSE 'http' END AS scheme,
         CASE WHEN lower(a) GLOB 'https://*' THEN substr(a, 9) WHEN lower(a) GLOB 'http://*' THEN substr(a, 8) ELSE a END AS h
  FROM raw
), hosts AS MATERIALIZED (
  SELECT id, scheme, CASE WHEN instr(h, ':') > 0 AND h NOT GLOB '[[]*' THEN '[' || h || ']' ELSE h END AS host FROM parts
)
SELECT id, (CASE scheme WHEN 'https' THEN 'https://' ELSE '' END) || host AS address, scheme, host FROM hosts;

-- The panel's letta_server_* keys, as they mean: NULL (or state 'invalid') where a value does not fit, which is then not copied.
CREATE VIEW sanctum_panel_letta AS
SELECT
    a.address AS address,
    a.scheme AS scheme,
    a.port AS address_port,
    COALESCE(a.usable, 0) AS usable,
    (SELECT CAST(trim(config_value) AS INTEGER) FROM system_config WHERE config_key = 'letta_server_port'
        AND trim(config_value) GLOB '[0-9]*' AND trim(config_value) NOT GLOB '*[^0-9]*'
        AND length(trim(config_value)) <= 5
        AND CAST(trim(config_value) AS INTEGER) BETWEEN 1 AND 65535) AS port_key,
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
    -- The panel writes datetime.now().isoformat(): the box's local time, no zone.
    (SELECT datetime(trim(config_value), 'utc') FROM system_config WHERE config_key = 'last_connected') AS last_connected
FROM (SELECT 1) LEFT JOIN sanctum_panel_address a;

-- The server the panel's keys stand for, as the panel's keys, with whether the
-- panel's value (as parsed into sanctum_panel_parsed) already means the same.
CREATE VIEW sanctum_panel_server_as_keys AS
SELECT k.config_key, k.config_value, k.same FROM (
  SELECT 'letta_server_address' AS config_key,
         (CASE s.scheme WHEN 'https' THEN 'https://' ELSE 'http://' END) || s.host || ':' || l.server_port AS config_value,
         -- Without a port, the panel's test reaches the scheme's own (https when it has none).
         p.address IS s.address AND COALESCE(p.scheme, 'http') IS s.scheme
           AND COALESCE(p.address_port, CASE WHEN p.scheme = 'http' THEN 80 ELSE 443 END) IS l.server_port AS same
    FROM letta_server_config l JOIN sanctum_server_address s ON s.id = l.id, sanctum_panel_parsed p
    WHERE l.id = (SELECT id FROM sanctum_panel_server)
  UNION ALL SELECT 'letta_server_port', CAST(l.server_port AS TEXT), p.port_key IS l.server_port
    FROM letta_server_config l, sanctum_panel_parsed p WHERE l.id = (SELECT id FROM sanctum_panel_server)
  UNION ALL SELECT 'letta_server_token', COALESCE(NULLIF(l.server_password, ''), NULLIF(l.server_token, ''), ''),
         CASE p.token_state
           WHEN 'set' THEN p.token IS COALESCE(NULLIF(l.server_password, ''), NULLIF(l.server_token, ''))
           WHEN 'clear' THEN COALESCE(NULLIF(l.server_password, ''), NULLIF(l.server_token, '')) IS NULL
           ELSE 0 END
    FROM letta_server_config l, sanctum_panel_parsed p WHERE l.id = (SELECT id FROM sanctum_panel_server)
  UNION ALL SELECT 'letta_connection_timeout', CAST(COALESCE(l.connection_timeout, 30) AS TEXT), p.timeout IS COALESCE(l.connection_timeout, 30)
    FROM letta_server_config l, sanctum_panel_parsed p WHERE l.id = (SELECT id FROM sanctum_panel_server)
  UNION ALL SELECT 'letta_server_active', CASE WHEN l.is_active = 1 THEN 'True' ELSE '' END,
         p.active IS (CASE WHEN l.is_active = 1 THEN 1 ELSE 0 END)
    FROM letta_server_config l, sanctum_panel_parsed p WHERE l.id = (SELECT id FROM sanctum_panel_server)
) k;

-- Panel -> server, one field per key; only what differs in meaning is written.
CREATE TRIGGER trg_panel_letta_update
AFTER UPDATE OF config_value ON system_config
FOR EACH ROW WHEN NEW.config_key IN ('letta_server_address', 'letta_server_port', 'letta_server_token',
    'letta_connection_timeout', 'letta_server_active', 'last_connected')
BEGIN
    INSERT OR REPLACE INTO sanctum_panel_copying (id) VALUES (1);
    DELETE FROM sanctum_panel_parsed;
    INSERT INTO sanctum_panel_parsed (id, address, scheme, address_port, usable, port_key, token_state, token, timeout, active, last_state, last_connected)
    SELECT 1, address, scheme, address_port, usable, port_key, token_state, token, timeout, active, last_state, last_connected FROM sanctum_panel_letta;
    -- The address, with its port when it names one (the port the panel's own test reaches).
    INSERT OR REPLACE INTO sanctum_panel_address_port (id, port, changed_at)
    SELECT 1, address_port, datetime('now') FROM sanctum_panel_parsed
    WHERE NEW.config_key = 'letta_server_address' AND usable AND address_port IS NOT NULL;
    UPDATE letta_server_config SET server_address = (SELECT address FROM sanctum_panel_parsed),
                                   server_port = COALESCE((SELECT address_port FROM sanctum_panel_parsed), server_port)
    WHERE NEW.config_key = 'letta_server_address' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT usable FROM sanctum_panel_parsed)
      AND ((SELECT address FROM sanctum_server_address s WHERE s.id = letta_server_config.id) IS NOT (SELECT address FROM sanctum_panel_parsed)
           OR ((SELECT address_port FROM sanctum_panel_parsed) IS NOT NULL AND server_port IS NOT (SELECT address_port FROM sanctum_panel_parsed)));
    -- The port field, unless the address named another port a moment ago (the same form's save).
    UPDATE letta_server_config SET server_port = (SELECT port_key FROM sanctum_panel_parsed)
    WHERE NEW.config_key = 'letta_server_port' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT port_key FROM sanctum_panel_parsed) IS NOT NULL
      AND server_port IS NOT (SELECT port_key FROM sanctum_panel_parsed)
      AND NOT EXISTS (SELECT 1 FROM sanctum_panel_address_port a WHERE a.changed_at >= datetime('now', '-5 seconds')
                      AND a.port IS NOT (SELECT port_key FROM sanctum_panel_parsed));
    -- The one secret field: the server's password (cleared, it clears the token too).
    UPDATE letta_server_config SET server_password = (SELECT CASE token_state WHEN 'set' THEN token END FROM sanctum_panel_parsed),
                                   server_token = CASE WHEN (SELECT token_state FROM sanctum_panel_parsed) = 'clear' THEN NULL ELSE server_token END
    WHERE NEW.config_key = 'letta_server_token' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT token_state FROM sanctum_panel_parsed) IN ('set', 'clear')
      AND COALESCE(NULLIF(server_password, ''), NULLIF(server_token, '')) IS NOT (SELECT CASE token_state WHEN 'set' THEN token END FROM sanctum_panel_parsed);
    UPDATE letta_server_config SET connection_timeout = (SELECT timeout FROM sanctum_panel_parsed)
    WHERE NEW.config_key = 'letta_connection_timeout' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT timeout FROM sanctum_panel_parsed) IS NOT NULL
      AND connection_timeout IS NOT (SELECT timeout FROM sanctum_panel_parsed);
    UPDATE letta_server_config SET last_connected_at = (SELECT CASE last_state WHEN 'set' THEN last_connected END FROM sanctum_panel_parsed)
    WHERE NEW.config_key = 'last_connected' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT last_state FROM sanctum_panel_parsed) IN ('set', 'clear')
      AND last_connected_at IS NOT (SELECT CASE last_state WHEN 'set' THEN last_connected END FROM sanctum_panel_parsed);
    UPDATE letta_server_config SET is_active = 0
    WHERE NEW.config_key = 'letta_server_active' AND is_active = 1 AND (SELECT active FROM sanctum_panel_parsed) = 0;
    UPDATE letta_server_config SET is_active = 1
    WHERE NEW.config_key = 'letta_server_active' AND (SELECT active FROM sanctum_panel_parsed) = 1
      AND NOT EXISTS (SELECT 1 FROM letta_server_config WHERE is_active = 1)
      AND id = (SELECT id FROM sanctum_panel_server);
    -- Back to the panel: only the keys whose meaning still differs from our server (a port field left as it was shown);
    -- an address we cannot use stays as the operator typed it, for doctor and the app to name.
    DELETE FROM sanctum_panel_wanted;
    INSERT INTO sanctum_panel_wanted (config_key, config_value, same) SELECT config_key, config_value, same FROM sanctum_panel_server_as_keys;
    UPDATE system_config SET config_value = (SELECT w.config_value FROM sanctum_panel_wanted w WHERE w.config_key = system_config.config_key)
    WHERE config_key IN (SELECT w.config_key FROM sanctum_panel_wanted w WHERE NOT w.same
                         AND NOT (w.config_key = 'letta_server_address' AND NOT (SELECT usable FROM sanctum_panel_parsed)));
    DELETE FROM sanctum_panel_copying;
END;

CREATE TRIGGER trg_panel_letta_insert
AFTER INSERT ON system_config
FOR EACH ROW WHEN NEW.config_key IN ('letta_server_address', 'letta_server_port', 'letta_server_token',
    'letta_connection_timeout', 'letta_server_active', 'last_connected')
BEGIN
    INSERT OR REPLACE INTO sanctum_panel_copying (id) VALUES (1);
    DELETE FROM sanctum_panel_parsed;
    INSERT INTO sanctum_panel_parsed (id, address, scheme, address_port, usable, port_key, token_state, token, timeout, active, last_state, last_connected)
    SELECT 1, address, scheme, address_port, usable, port_key, token_state, token, timeout, active, last_state, last_connected FROM sanctum_panel_letta;
    -- The address, with its port when it names one (the port the panel's own test reaches).
    INSERT OR REPLACE INTO sanctum_panel_address_port (id, port, changed_at)
    SELECT 1, address_port, datetime('now') FROM sanctum_panel_parsed
    WHERE NEW.config_key = 'letta_server_address' AND usable AND address_port IS NOT NULL;
    UPDATE letta_server_config SET server_address = (SELECT address FROM sanctum_panel_parsed),
                                   server_port = COALESCE((SELECT address_port FROM sanctum_panel_parsed), server_port)
    WHERE NEW.config_key = 'letta_server_address' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT usable FROM sanctum_panel_parsed)
      AND ((SELECT address FROM sanctum_server_address s WHERE s.id = letta_server_config.id) IS NOT (SELECT address FROM sanctum_panel_parsed)
           OR ((SELECT address_port FROM sanctum_panel_parsed) IS NOT NULL AND server_port IS NOT (SELECT address_port FROM sanctum_panel_parsed)));
    -- The port field, unless the address named another port a moment ago (the same form's save).
    UPDATE letta_server_config SET server_port = (SELECT port_key FROM sanctum_panel_parsed)
    WHERE NEW.config_key = 'letta_server_port' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT port_key FROM sanctum_panel_parsed) IS NOT NULL
      AND server_port IS NOT (SELECT port_key FROM sanctum_panel_parsed)
      AND NOT EXISTS (SELECT 1 FROM sanctum_panel_address_port a WHERE a.changed_at >= datetime('now', '-5 seconds')
                      AND a.port IS NOT (SELECT port_key FROM sanctum_panel_parsed));
    -- The one secret field: the server's password (cleared, it clears the token too).
    UPDATE letta_server_config SET server_password = (SELECT CASE token_state WHEN 'set' THEN token END FROM sanctum_panel_parsed),
                                   server_token = CASE WHEN (SELECT token_state FROM sanctum_panel_parsed) = 'clear' THEN NULL ELSE server_token END
    WHERE NEW.config_key = 'letta_server_token' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT token_state FROM sanctum_panel_parsed) IN ('set', 'clear')
      AND COALESCE(NULLIF(server_password, ''), NULLIF(server_token, '')) IS NOT (SELECT CASE token_state WHEN 'set' THEN token END FROM sanctum_panel_parsed);
    UPDATE letta_server_config SET connection_timeout = (SELECT timeout FROM sanctum_panel_parsed)
    WHERE NEW.config_key = 'letta_connection_timeout' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT timeout FROM sanctum_panel_parsed) IS NOT NULL
      AND connection_timeout IS NOT (SELECT timeout FROM sanctum_panel_parsed);
    UPDATE letta_server_config SET last_connected_at = (SELECT CASE last_state WHEN 'set' THEN last_connected END FROM sanctum_panel_parsed)
    WHERE NEW.config_key = 'last_connected' AND id = (SELECT id FROM sanctum_panel_server) AND (SELECT last_state FROM sanctum_panel_parsed) IN ('set', 'clear')
      AND last_connected_at IS NOT (SELECT CASE last_state WHEN 'set' THEN last_connected END FROM sanctum_panel_parsed);
    UPDATE letta_server_config SET is_active = 0
    WHERE NEW.config_key = 'letta_server_active' AND is_active = 1 AND (SELECT active FROM sanctum_panel_parsed) = 0;
    UPDATE letta_server_config SET is_active = 1
    WHERE NEW.config_key = 'letta_server_active' AND (SELECT active FROM sanctum_panel_parsed) = 1
      AND NOT EXISTS (SELECT 1 FROM letta_server_config WHERE is_active = 1)
      AND id = (SELECT id FROM sanctum_panel_server);
    -- Back to the panel: only the keys whose meaning still differs from our server (a port field left as it was shown);
    -- an address we cannot use stays as the operator typed it, for doctor and the app to name.
    DELETE FROM sanctum_panel_wanted;
    INSERT INTO sanctum_panel_wanted (config_key, config_value, same) SELECT config_key, config_value, same FROM sanctum_panel_server_as_keys;
    UPDATE system_config SET config_value = (SELECT w.config_value FROM sanctum_panel_wanted w WHERE w.config_key = system_config.config_key)
    WHERE config_key IN (SELECT w.config_key FROM sanctum_panel_wanted w WHERE NOT w.same
                         AND NOT (w.config_key = 'letta_server_address' AND NOT (SELECT usable FROM sanctum_panel_parsed)));
    DELETE FROM sanctum_panel_copying;
END;

-- Server -> panel: whoever changes, adds, activates or removes a server; only keys whose meaning differs.
CREATE TRIGGER trg_server_to_panel_update
AFTER UPDATE OF server_address, server_port, server_password, server_token, connection_timeout, is_active
ON letta_server_config
FOR EACH ROW WHEN NOT EXISTS (SELECT 1 FROM sanctum_panel_copying)
BEGIN
    DELETE FROM sanctum_panel_parsed;
    INSERT INTO sanctum_panel_parsed (id, address, scheme, address_port, usable, port_key, token_state, token, timeout, active, last_state, last_connected)
    SELECT 1, address, scheme, address_port, usable, port_key, token_state, token, timeout, active, last_state, last_connected FROM sanctum_panel_letta;
    DELETE FROM sanctum_panel_wanted;
    INSERT INTO sanctum_panel_wanted (config_key, config_value, same) SELECT config_key, config_value, same FROM sanctum_panel_server_as_keys;
    UPDATE system_config SET config_value = (SELECT w.config_value FROM sanctum_panel_wanted w WHERE w.config_key = system_config.config_key)
    WHERE config_key IN (SELECT w.config_key FROM sanctum_panel_wanted w WHERE NOT w.same);
END;

CREATE TRIGGER trg_server_to_panel_insert
AFTER INSERT ON letta_server_config
FOR EACH ROW WHEN NOT EXISTS (SELECT 1 FROM sanctum_panel_copying)
BEGIN
    DELETE FROM sanctum_panel_parsed;
    INSERT INTO sanctum_panel_parsed (id, address, scheme, address_port, usable, port_key, token_state, token, timeout, active, last_state, last_connected)
    SELECT 1, address, scheme, address_port, usable, port_key, token_state, token, timeout, active, last_state, last_connected FROM sanctum_panel_letta;
    DELETE FROM sanctum_panel_wanted;
    INSERT INTO sanctum_panel_wanted (config_key, config_value, same) SELECT config_key, config_value, same FROM sanctum_panel_server_as_keys;
    UPDATE system_config SET config_value = (SELECT w.config_value FROM sanctum_panel_wanted w WHERE w.config_key = system_config.config_key)
    WHERE config_key IN (SELECT w.config_key FROM sanctum_panel_wanted w WHERE NOT w.same);
END;

CREATE TRIGGER trg_server_to_panel_delete
AFTER DELETE ON letta_server_config
FOR EACH ROW WHEN NOT EXISTS (SELECT 1 FROM sanctum_panel_copying)
BEGIN
    DELETE FROM sanctum_panel_parsed;
    INSERT INTO sanctum_panel_parsed (id, address, scheme, address_port, usable, port_key, token_state, token, timeout, active, last_state, last_connected)
    SELECT 1, address, scheme, address_port, usable, port_key, token_state, token, timeout, active, last_state, last_connected FROM sanctum_panel_letta;
    DELETE FROM sanctum_panel_wanted;
    INSERT INTO sanctum_panel_wanted (config_key, config_value, same) SELECT config_key, config_value, same FROM sanctum_panel_server_as_keys;
    UPDATE system_config SET config_value = (SELECT w.config_value FROM sanctum_panel_wanted w WHERE w.config_key = system_config.config_key)
    WHERE config_key IN (SELECT w.config_key FROM sanctum_panel_wanted w WHERE NOT w.same);
END;

-- What this upgrade changes below is bookkeeping, not anyone's change: its history entries go at the end.
CREATE TABLE sanctum_upgrade_mark (id INTEGER PRIMARY KEY CHECK (id = 1), history_id INTEGER NOT NULL);
INSERT INTO sanctum_upgrade_mark (id, history_id) SELECT 1, COALESCE(max(id), 0) FROM config_history;

-- The panel's one secret field, taken as the token before: it is the server's password.
UPDATE letta_server_config SET server_password = server_token, server_token = NULL
WHERE id = (SELECT id FROM sanctum_panel_server) AND server_password IS NULL AND server_token IS NOT NULL
  AND server_token IS (SELECT config_value FROM system_config WHERE config_key = 'letta_server_token');

-- The active flag is text the panel reads as "checked when not empty": a string setting.
UPDATE sanctum_setting_catalogue SET config_type = 'string' WHERE config_key = 'letta_server_active';
UPDATE system_config SET config_type = 'string' WHERE config_key = 'letta_server_active' AND config_type = 'boolean';

-- What the panel's keys say now, for the statements below.
DELETE FROM sanctum_panel_parsed;
INSERT INTO sanctum_panel_parsed (id, address, scheme, address_port, usable, port_key, token_state, token, timeout, active, last_state, last_connected)
SELECT 1, address, scheme, address_port, usable, port_key, token_state, token, timeout, active, last_state, last_connected FROM sanctum_panel_letta;

-- Every key the panel's form reads, in a file that lacks them (one we created): filled from our server.
-- Dated as the server they show, not as this upgrade (a read upgrades a copy: its output must not change with the clock).
INSERT INTO system_config (config_key, config_value, config_type, category, is_sensitive, description, created_at, updated_at)
SELECT v.config_key, v.config_value, c.config_type, c.category, c.is_sensitive, c.description,
       (SELECT updated_at FROM letta_server_config WHERE id = (SELECT id FROM sanctum_panel_server)),
       (SELECT updated_at FROM letta_server_config WHERE id = (SELECT id FROM sanctum_panel_server))
FROM sanctum_panel_server_as_keys v JOIN sanctum_setting_catalogue c ON c.config_key = v.config_key
WHERE NOT EXISTS (SELECT 1 FROM system_config s WHERE s.config_key = v.config_key);

-- And a key the panel already has whose meaning differs from our server's, in our form.
UPDATE system_config SET config_value =
    (SELECT v.config_value FROM sanctum_panel_server_as_keys v WHERE v.config_key = system_config.config_key),
    updated_at = (SELECT updated_at FROM letta_server_config WHERE id = (SELECT id FROM sanctum_panel_server))
WHERE config_key IN (SELECT v.config_key FROM sanctum_panel_server_as_keys v WHERE NOT v.same)
  AND config_key IN ('letta_server_active');

-- The entries this upgrade made: none of them is a change anyone made.
DELETE FROM config_history WHERE id > (SELECT history_id FROM sanctum_upgrade_mark);
DROP TABLE sanctum_upgrade_mark;
