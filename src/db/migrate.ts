import type {Database} from 'better-sqlite3';
import {renameSync, rmSync, chmodSync} from 'node:fs';
import {StoreError} from '../errors.js';
import {listMigrations, readMigrationSql} from './migrations.js';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', {simple: true}) as number;
}

export function latestSchemaVersion(): number {
  return listMigrations().length;
}

/** Refuse a database written by a newer sanctum-config before anything touches it. */
export function assertNotNewer(db: Database, path: string): void {
  const current = schemaVersion(db);
  const latest = latestSchemaVersion();
  if (current > latest) {
    throw new StoreError(
      `${path} has schema version ${current}, newer than this sanctum-config supports (${latest}); upgrade sanctum-config`,
    );
  }
}

export function hasPendingMigrations(db: Database): boolean {
  return schemaVersion(db) < latestSchemaVersion();
}

/** A file made by another program from the design's SQL has the tables but no version. */
function hasDesignTables(db: Database): boolean {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM sqlite_master
       WHERE type = 'table' AND name IN ('letta_server_config', 'system_config')`,
    )
    .get() as {n: number};
  return row.n === 2;
}

/** Copy the database beside itself (`<file>.bak-v<N>`) before changing its schema. */
function backUp(db: Database, path: string, version: number): string {
  const target = `${path}.bak-v${version}`;
  const partial = `${target}.partial`;
  rmSync(partial, {force: true});
  db.prepare('VACUUM INTO ?').run(partial);
  chmodSync(partial, 0o600);
  renameSync(partial, target);
  return target;
}

export type MigrationResult = {readonly from: number; readonly to: number; readonly backup?: string};

/**
 * Apply pending migrations in order, each in one transaction with its
 * `user_version`, so a failure leaves the previous version intact.
 */
export function migrate(db: Database, path: string): MigrationResult {
  assertNotNewer(db, path);
  const from = schemaVersion(db);
  const migrations = listMigrations();
  if (from === migrations.length) return {from, to: from};

  let current = from;
  let backup: string | undefined;
  if (current === 0 && hasDesignTables(db)) {
    // Adopt it as version 1 without inserting defaults over its rows.
    db.pragma('user_version = 1');
    current = 1;
  }
  if (current > 0 && path !== ':memory:') backup = backUp(db, path, current);

  for (const migration of migrations.slice(current)) {
    const sql = readMigrationSql(migration);
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return {from, to: migrations.length, backup};
}
