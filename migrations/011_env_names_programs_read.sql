-- The names the box's programs read. A setting is exported to an env file
-- (export --format, env-file sync) only under a name the catalogue gives it
-- or one an operator chose with `sanctum-config env-file name`; never a name
-- another program chose by inserting a row. The catalogue's names are the
-- ones real readers use: SMCP listens on MCP_PORT (nothing reads SMCP_PORT),
-- Letta reads LETTA_DIR, LETTA_ENVIRONMENT and LETTA_DEBUG (broca reads
-- DEBUG_MODE=true as "agent API off"), and nothing reads FLASK_PORT (the
-- panel hard-codes 5000). The names the bootstraps write are settings too.

ALTER TABLE sanctum_setting_catalogue ADD COLUMN env_name TEXT;
-- 1 where the design's default is a placeholder, not a choice: a value equal
-- to it is written commented out (the bootstrap's "no dummy values"), so
-- Letta enables no Ollama provider and turns on no debug mode by default,
-- SMCP keeps its own port (8000, where the design says 9000) and Letta its
-- own directory.
ALTER TABLE sanctum_setting_catalogue ADD COLUMN env_skip_default INTEGER NOT NULL DEFAULT 0;

UPDATE sanctum_setting_catalogue SET env_name = CASE config_key
    WHEN 'openai_api_key' THEN 'OPENAI_API_KEY'
    WHEN 'anthropic_api_key' THEN 'ANTHROPIC_API_KEY'
    WHEN 'ollama_base_url' THEN 'OLLAMA_BASE_URL'
    WHEN 'letta_data_path' THEN 'LETTA_DIR'
    WHEN 'smcp_port' THEN 'MCP_PORT'
    WHEN 'environment' THEN 'LETTA_ENVIRONMENT'
    WHEN 'debug_mode' THEN 'LETTA_DEBUG'
END;
UPDATE sanctum_setting_catalogue SET env_skip_default = 1 WHERE config_key IN ('ollama_base_url', 'environment', 'debug_mode', 'smcp_port', 'letta_data_path');

INSERT INTO sanctum_setting_catalogue (config_key, config_type, category, is_sensitive, description, default_value, origin, env_name) VALUES
('openai_base_url', 'string', 'api_keys', 0, 'OpenAI-compatible API base URL (Venice, vLLM); empty for OpenAI itself', '', 'design', 'OPENAI_BASE_URL'),
('venice_api_key', 'string', 'api_keys', 1, 'Venice AI API key', '', 'design', 'VENICE_API_KEY'),
('venice_base_url', 'string', 'api_keys', 0, 'Venice AI API base URL', '', 'design', 'VENICE_BASE_URL'),
('vllm_api_base', 'string', 'api_keys', 0, 'vLLM server base URL', '', 'design', 'VLLM_API_BASE');

-- An operator's choice: export KEY as NAME ('' = never export it). Written
-- only by sanctum-config after checking NAME; checked again on every export.
CREATE TABLE sanctum_env_names (
    config_key TEXT PRIMARY KEY,
    env_name TEXT NOT NULL,
    chosen_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
