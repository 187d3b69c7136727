-- Two things the file did not know.
--
-- 1. Who made a change, not only which program: the OS user (and the person
--    behind sudo: `alice as root`) is written by our writers beside their source, and a
--    trigger copies it into each history entry as it is recorded, so every
--    history trigger (ours, of every earlier migration) is left as it is.
--    Other programs' writes leave it NULL (who they ran as is not known).
--
-- 2. Whether the first-run setup finished, and the answers given so far
--    (never secrets), so a setup cut short (an SSH drop, Ctrl-C) resumes.
--    A file older than this was set up already (or by hand): it reads as
--    finished. A file sanctum-config creates starts unfinished (set by the
--    program right after it creates the file).

ALTER TABLE sanctum_write_source ADD COLUMN actor TEXT;
ALTER TABLE config_history ADD COLUMN actor TEXT;

CREATE TRIGGER trg_history_actor
AFTER INSERT ON config_history
FOR EACH ROW
WHEN NEW.actor IS NULL AND EXISTS (SELECT 1 FROM sanctum_write_source WHERE id = 1 AND actor IS NOT NULL)
BEGIN
    UPDATE config_history SET actor = (SELECT actor FROM sanctum_write_source WHERE id = 1) WHERE id = NEW.id;
END;

CREATE TABLE sanctum_setup (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    finished INTEGER NOT NULL DEFAULT 0,
    answers TEXT,                      -- JSON of the wizard's answers that are not secret
    changed_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
);
INSERT INTO sanctum_setup (id, finished) VALUES (1, 1);
