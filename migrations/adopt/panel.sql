-- Adopt the Sanctum control panel's database (control/db/sanctum_ui.db): its
-- system_config is the design's minus three columns. Only additions: the three
-- columns with the design's defaults, the design's letta_server_config and
-- indexes. The panel's rows, its NOT NULL on config_value, its other tables and
-- its schema_version table are left as they are. Migration 003 then classifies
-- the rows it knows and brings the panel's letta_server_* keys into the server row.

ALTER TABLE system_config ADD COLUMN config_type VARCHAR(50) DEFAULT 'string';
ALTER TABLE system_config ADD COLUMN is_sensitive BOOLEAN DEFAULT false;
ALTER TABLE system_config ADD COLUMN category VARCHAR(50) DEFAULT 'general';

CREATE TABLE letta_server_config (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    server_address VARCHAR(255) NOT NULL DEFAULT 'localhost',
    server_port INTEGER NOT NULL DEFAULT 8080,
    server_password VARCHAR(255), -- Encrypted/hashed password
    server_token VARCHAR(255), -- Alternative to password if using tokens
    connection_timeout INTEGER DEFAULT 30, -- Seconds
    is_active BOOLEAN DEFAULT true,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

-- The design's default server; 003 overwrites its fields from the panel's keys.
INSERT INTO letta_server_config (server_address, server_port, server_password) VALUES ('localhost', 8080, NULL);

CREATE INDEX IF NOT EXISTS idx_letta_server_active ON letta_server_config(is_active);
CREATE INDEX IF NOT EXISTS idx_system_config_key ON system_config(config_key);
CREATE INDEX IF NOT EXISTS idx_system_config_category ON system_config(category);
CREATE INDEX IF NOT EXISTS idx_system_config_sensitive ON system_config(is_sensitive);
