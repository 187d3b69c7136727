-- Additive: which migrations ran, as rows. PRAGMA user_version is what decides
-- (src/db/migrate.ts); this table is the copy that survives `sqlite3 .dump`,
-- which keeps rows but not user_version, so a restored file is not migrated
-- twice. The runner adds a row for each migration it applies (and, here, for
-- the ones before this table existed, with no time).
CREATE TABLE sanctum_schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TIMESTAMP
);
