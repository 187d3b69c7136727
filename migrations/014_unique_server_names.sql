-- A server's name is unique: it is how a playbook finds its server on every
-- box (`server ensure NAME`, and a name wherever an id is taken), while ids
-- differ from box to box.
--
-- Existing duplicates: the oldest server (lowest id) keeps the name; each
-- later one is renamed `NAME #ID` (its id, so the new name is unique and says
-- which row it is). The renames are history entries like any change. An
-- empty or missing name is no name: any number of servers may have none.

UPDATE letta_server_config
SET name = name || ' #' || id
WHERE name IS NOT NULL AND trim(name) != ''
  AND EXISTS (SELECT 1 FROM letta_server_config o WHERE o.name = letta_server_config.name AND o.id < letta_server_config.id);

CREATE UNIQUE INDEX idx_letta_server_name ON letta_server_config(name) WHERE name IS NOT NULL AND name != '';
