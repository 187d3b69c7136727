-- The design's schema (shared/seed-schema.md), unchanged: names, types, defaults,
-- indexes and default rows. Other programs query this file with the design's SQL.

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

CREATE TABLE system_config (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    config_key VARCHAR(100) UNIQUE NOT NULL,
    config_value TEXT,
    config_type VARCHAR(50) DEFAULT 'string', -- 'string', 'integer', 'boolean', 'json'
    description TEXT,
    is_sensitive BOOLEAN DEFAULT false, -- For API keys, passwords, etc.
    category VARCHAR(50) DEFAULT 'general', -- 'api_keys', 'paths', 'ports', 'general'
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO letta_server_config (server_address, server_port, server_password) VALUES
('localhost', 8080, NULL);

INSERT INTO system_config (config_key, config_value, config_type, description, is_sensitive, category) VALUES
-- API Keys
('openai_api_key', '', 'string', 'OpenAI API Key for AI model access', true, 'api_keys'),
('anthropic_api_key', '', 'string', 'Anthropic API Key for Claude access', true, 'api_keys'),
('ollama_base_url', 'http://localhost:11434', 'string', 'Ollama local model server URL', false, 'api_keys'),

-- Paths
('sanctum_base_path', '~/sanctum', 'string', 'Base installation directory for Sanctum', false, 'paths'),
('letta_data_path', '~/.letta', 'string', 'Letta data directory path', false, 'paths'),

-- Ports
('flask_port', '5000', 'integer', 'Flask web interface port', false, 'ports'),
('smcp_port', '9000', 'integer', 'SMCP server port', false, 'ports'),

-- General Settings
('environment', 'development', 'string', 'Current environment (dev/staging/prod)', false, 'general'),
('debug_mode', 'true', 'boolean', 'Enable debug logging', false, 'general');

CREATE INDEX idx_letta_server_active ON letta_server_config(is_active);

CREATE INDEX idx_system_config_key ON system_config(config_key);
CREATE INDEX idx_system_config_category ON system_config(category);
CREATE INDEX idx_system_config_sensitive ON system_config(is_sensitive);
