-- Environment profiles (dev, staging, prod on one box). A profile holds only
-- what differs from the base (as Spring profiles do): setting values by key,
-- and which server is active (by its name, so a profile travels between
-- boxes). The design's tables keep holding the active values: every query in
-- the design, the panel and the env file read them unchanged, and a switch
-- rewrites them in one transaction.
--
-- sanctum_profile_state says which profile is active (NULL: none, the base)
-- and keeps, as JSON, the base's values of what the active profile overrides,
-- so switching away puts them back. A switch is one entry in config_history
-- (table_name 'sanctum_profile', action 'switch', old and new value the
-- profiles' names) beside the entries of the values it changed.

CREATE TABLE sanctum_profile (
    name TEXT PRIMARY KEY,
    created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
);

CREATE TABLE sanctum_profile_value (
    profile TEXT NOT NULL,
    kind TEXT NOT NULL,                -- 'setting' (key: its config_key) or 'server' (key 'active', value: the server's name)
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (profile, kind, key)
);

CREATE TABLE sanctum_profile_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    active TEXT,                       -- the active profile's name; NULL: the base
    base TEXT,                         -- JSON: {"settings": {key: value}, "server": id|null} the active profile overrides
    switched_at TIMESTAMP
);
INSERT INTO sanctum_profile_state (id, active, base) VALUES (1, NULL, NULL);

-- A profile names its server: a rename (by anyone) is followed, so the
-- profile keeps choosing the same server. A name cleared is not followed: the
-- switch then says the server is gone.
CREATE TRIGGER trg_profile_server_renamed
AFTER UPDATE OF name ON letta_server_config
FOR EACH ROW WHEN OLD.name IS NOT NULL AND OLD.name != '' AND NEW.name IS NOT NULL AND NEW.name != '' AND OLD.name IS NOT NEW.name
BEGIN
    UPDATE sanctum_profile_value SET value = NEW.name WHERE kind = 'server' AND key = 'active' AND value = OLD.name;
END;

-- Which profiles are guarded (the app shows them in red and asks before each
-- write while one is active): comma-separated names, * matching any text. A
-- catalogue entry only: the file keeps exactly the design's rows until an
-- operator sets it (`set` adds a setting the catalogue knows).
INSERT INTO sanctum_setting_catalogue (config_key, config_type, category, is_sensitive, description, default_value, origin, env_name, env_skip_default)
VALUES ('guarded_profiles', 'string', 'general', 0, 'Profiles that ask before each write in the app (comma-separated, * matches any text)', 'prod*,live*', 'design', NULL, 0);
