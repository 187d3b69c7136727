import type {Database} from 'better-sqlite3';
import {StoreError} from '../errors.js';
import {describeObject, objectsAfter, objectsCreatedBy, readSchemaObjects} from './migration-objects.js';
import {listMigrations, readAdoptionSql, type Migration} from './migrations.js';
import {writePrivateFileAtomic} from './private-file.js';
import {readSchemaKind, type SchemaKind} from './schema-shape.js';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', {simple: true}) as number;
}

export function latestSchemaVersion(): number {
  return listMigrations().length;
}

/** The table (migration 005) that keeps, as rows, which migrations ran. */
const ledgerTable = 'sanctum_schema_migrations';

/**
 * Where the version came from. `user_version` is the authority whenever it is
 * set; a file without it (0) is new, the panel's, or a restored `.dump`: then
 * the ledger's rows, and failing those the objects the migrations create, say
 * how far it got.
 */
export type VersionBasis = 'user_version' | 'ledger' | 'objects' | 'new';

/** What a file holds and whether it needs migrating; refuses foreign and newer files. */
export type SchemaState = {
  readonly kind: SchemaKind['kind'];
  /** `PRAGMA user_version` as the file records it. */
  readonly recorded: number;
  /** The last migration that ran on this file. */
  readonly version: number;
  readonly basis: VersionBasis;
  readonly pending: boolean;
};

const hasLedger = (db: Database) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(ledgerTable) !== undefined;

/** The highest version in the ledger, or 0 without one. */
function ledgerVersion(db: Database): number {
  if (!hasLedger(db)) return 0;
  const row = db.prepare(`SELECT max(version) AS version FROM ${ledgerTable} WHERE typeof(version) = 'integer'`).get() as {version: number | null};
  return row.version ?? 0;
}

/**
 * How far a file of ours without `user_version` got, from what the migrations
 * create: the last migration whose objects are all there, each earlier one's
 * too. A migration that creates nothing recognisable stops the walk (it cannot
 * be seen to have run); from 005 on the ledger answers instead.
 */
function versionFromObjects(db: Database, migrations: readonly Migration[]): number {
  const has = readSchemaObjects(db);
  let version = 1;
  for (let next = 2; next <= migrations.length; next++) {
    if (objectsCreatedBy(migrations[next - 1]!).length === 0 || !objectsAfter(migrations.slice(0, next)).every(has)) break;
    version = next;
  }
  return version;
}

function resolveVersion(db: Database, kind: SchemaKind['kind'], recorded: number, migrations: readonly Migration[]): {version: number; basis: VersionBasis} {
  if (kind === 'empty' || kind === 'panel') return {version: 0, basis: 'new'};
  if (recorded > 0) return {version: recorded, basis: 'user_version'};
  const ledger = ledgerVersion(db);
  if (ledger > 0) return {version: ledger, basis: 'ledger'};
  return {version: versionFromObjects(db, migrations), basis: 'objects'};
}

export function inspectSchema(db: Database, path: string): SchemaState {
  const migrations = listMigrations();
  const latest = migrations.length;
  const recorded = schemaVersion(db);
  if (recorded > latest) {
    throw new StoreError(`${path} has schema version ${recorded}, newer than this sanctum-config supports (${latest}); upgrade sanctum-config`);
  }
  const shape = readSchemaKind(db);
  if (shape.kind === 'foreign') {
    throw new StoreError(`${path} is not a sanctum-config database: ${shape.reason}; point --db at another file`);
  }
  const {version, basis} = resolveVersion(db, shape.kind, recorded, migrations);
  if (version > latest) {
    throw new StoreError(`${path} lists migration ${version} as applied, newer than this sanctum-config supports (${latest}); upgrade sanctum-config`);
  }
  return {kind: shape.kind, recorded, version, basis, pending: version < latest || recorded !== latest};
}

/**
 * The objects that the migrations up to the file's version should have made
 * and that are not there: the file and its `user_version` disagree (a table
 * dropped by hand, a partial restore). `doctor` reports them; nothing else.
 */
export function missingSchemaObjects(db: Database, version: number): string[] {
  const has = readSchemaObjects(db);
  const rank = ['table', 'column', 'view', 'index', 'trigger'];
  return objectsAfter(listMigrations().slice(0, version))
    .filter((o) => !has(o))
    .sort((a, b) => rank.indexOf(a.kind) - rank.indexOf(b.kind))
    .map(describeObject);
}

export type MigrationResult = {readonly from: number; readonly to: number; readonly backup?: string};

/**
 * An upgrade reclassifies rows (a type, a category, the secret flag), and
 * every update of a row re-dates it (the touch trigger, for writers that forget
 * to): the rows whose value it did not change keep the date they had.
 */
function keepingDates(db: Database, upgrade: () => void): void {
  const dated =
    (db.prepare(`SELECT count(*) AS n FROM pragma_table_info('system_config') WHERE name IN ('updated_at', 'config_value')`).get() as {n: number}).n === 2;
  if (dated) db.exec(`CREATE TEMP TABLE sanctum_kept_dates AS SELECT id, config_key, config_value, updated_at FROM main.system_config`);
  upgrade();
  if (!dated) return;
  db.exec(`UPDATE main.system_config SET updated_at = (SELECT k.updated_at FROM temp.sanctum_kept_dates k WHERE k.id = system_config.id)
    WHERE EXISTS (SELECT 1 FROM temp.sanctum_kept_dates k WHERE k.id = system_config.id AND k.config_key IS system_config.config_key
      AND k.config_value IS system_config.config_value AND k.updated_at IS NOT system_config.updated_at)`);
  db.exec(`DROP TABLE temp.sanctum_kept_dates`);
}

function runMigration(db: Database, path: string, migration: Migration, state: SchemaState): void {
  try {
    db.exec(migration.sql);
  } catch (error) {
    const said = state.basis === 'user_version' ? `it records schema version ${state.recorded}` : `it looks like schema version ${state.version}`;
    throw new StoreError(`cannot upgrade ${path}: migration ${migration.name} failed (${(error as Error).message}); ${said}, and nothing was changed`);
  }
}

/** A row in the ledger for every migration the file now has; those run now get the time. */
function recordLedger(db: Database, migrations: readonly Migration[], ranFrom: number): void {
  if (!hasLedger(db)) return;
  const insert = db.prepare(`INSERT OR IGNORE INTO ${ledgerTable} (version, name, applied_at) VALUES (?, ?, ?)`);
  const now = (db.prepare(`SELECT CURRENT_TIMESTAMP AS now`).get() as {now: string}).now;
  for (const m of migrations) insert.run(m.version, m.name, m.version > ranFrom ? now : null);
}

/**
 * Bring the schema to the latest version in one IMMEDIATE transaction: the
 * write lock is taken first and the version read again inside it, so processes
 * opening the same file at once migrate it once. The migrations after the
 * file's version run in order, then `user_version` is set to the latest. The
 * backup (`<file>.bak-v<N>`, 0600 from its first byte) is written only when
 * the migration has succeeded, inside the same transaction; any failure rolls
 * everything back and names the migration that failed.
 */
export function migrate(db: Database, path: string, options: {backup: boolean}): MigrationResult {
  const migrations = listMigrations();
  const latest = migrations.length;
  return db
    .transaction((): MigrationResult => {
      const state = inspectSchema(db, path);
      const from = state.version;
      if (!state.pending) return {from, to: from};
      const image = options.backup && state.kind !== 'empty' && from < latest ? db.serialize() : undefined;
      keepingDates(db, () => {
        let current = from;
        if (state.kind === 'panel') {
          db.exec(readAdoptionSql('panel'));
          current = 1;
        }
        for (const migration of migrations.slice(current)) runMigration(db, path, migration, state);
      });
      // A file made here has not been set up yet (migration 013 marks older files as set up).
      if (state.kind === 'empty' && db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sanctum_setup'`).get()) {
        db.exec(`UPDATE sanctum_setup SET finished = 0`);
      }
      recordLedger(db, migrations, state.kind === 'ours' ? from : 0);
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
    })
    .immediate();
}
