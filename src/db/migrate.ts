import type {Database} from 'better-sqlite3';
import {StoreError} from '../errors.js';
import {listMigrations, readAdoptionSql} from './migrations.js';
import {writePrivateFileAtomic} from './private-file.js';
import {readSchemaShape, shapeVersion, type SchemaShape} from './schema-shape.js';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', {simple: true}) as number;
}

export function latestSchemaVersion(): number {
  return listMigrations().length;
}

/** What a file holds and whether it needs migrating; refuses foreign and newer files. */
export type SchemaState = {readonly shape: SchemaShape; readonly from: number; readonly pending: boolean};

export function inspectSchema(db: Database, path: string): SchemaState {
  const recorded = schemaVersion(db);
  const latest = latestSchemaVersion();
  if (recorded > latest) {
    throw new StoreError(
      `${path} has schema version ${recorded}, newer than this sanctum-config supports (${latest}); upgrade sanctum-config`,
    );
  }
  const shape = readSchemaShape(db);
  if (shape.kind === 'foreign') {
    throw new StoreError(`${path} is not a sanctum-config database: ${shape.reason}; point --db at another file`);
  }
  const from = shapeVersion(shape);
  return {shape, from, pending: from < latest || recorded !== latest};
}

export type MigrationResult = {readonly from: number; readonly to: number; readonly backup?: string};

/**
 * Bring the schema to the latest version in one IMMEDIATE transaction: the
 * write lock is taken first and the shape read again inside it, so processes
 * opening the same file at once migrate it once. The backup (`<file>.bak-v<N>`,
 * 0600 from its first byte) is written only when the migration has succeeded,
 * inside the same transaction; any failure rolls everything back.
 */
export function migrate(db: Database, path: string, options: {backup: boolean}): MigrationResult {
  const migrations = listMigrations();
  const latest = migrations.length;
  return db.transaction((): MigrationResult => {
    const {shape, from, pending} = inspectSchema(db, path);
    if (!pending) return {from, to: from};
    const image = options.backup && shape.kind !== 'empty' && from < latest ? db.serialize() : undefined;
    let current = from;
    if (shape.kind === 'panel') {
      db.exec(readAdoptionSql('panel'));
      current = 1;
    }
    for (const migration of migrations.slice(current)) db.exec(migration.sql);
    db.pragma(`user_version = ${latest}`);
    let backup: string | undefined;
    if (image) {
      backup = `${path}.bak-v${from}`;
      try {
        writePrivateFileAtomic(backup, image);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new StoreError(`cannot write the backup ${backup} before upgrading (${code}); nothing was changed`);
      }
    }
    return {from, to: latest, backup};
  }).immediate();
}
