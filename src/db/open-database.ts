import Sqlite from 'better-sqlite3';
import type {Database} from 'better-sqlite3';
import {closeSync, constants, accessSync, chmodSync, mkdirSync, openSync, readSync, statSync} from 'node:fs';
import {dirname} from 'node:path';
import {StoreError} from '../errors.js';
import {assertNotNewer, hasPendingMigrations, migrate} from './migrate.js';

export type OpenedDatabase = {
  readonly db: Database;
  readonly path: string;
  /** True when this call created the file: the first run on this box. */
  readonly created: boolean;
  readonly readOnly: boolean;
};

const sqliteHeader = 'SQLite format 3\0';
const busyTimeoutMs = 5000;

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/** Refuse anything that is not SQLite before SQLite can touch it. */
function assertSqliteFile(path: string, size: number): void {
  if (size === 0) return;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    if (read < 16 || header.toString('latin1') !== sqliteHeader) {
      throw new StoreError(`${path} is not a SQLite database; point --db at another file`);
    }
  } finally {
    closeSync(fd);
  }
}

/** No write bits at all means read-only, even for root (who would otherwise write anyway). */
function isReadOnlyFile(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return true;
  }
  return (statSync(path).mode & 0o222) === 0;
}

function createFile(path: string): void {
  try {
    mkdirSync(dirname(path), {recursive: true, mode: 0o700});
    closeSync(openSync(path, 'wx', 0o600));
    chmodSync(path, 0o600);
  } catch (error) {
    throw new StoreError(`cannot create ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Turn SQLite's failures into one line that says what to do. */
export function describeSqliteError(error: unknown, path: string): StoreError {
  const code = (error as {code?: string}).code ?? '';
  const detail = (error as Error).message;
  if (code === 'SQLITE_NOTADB') return new StoreError(`${path} is not a SQLite database; point --db at another file`);
  if (code.startsWith('SQLITE_CORRUPT')) return new StoreError(`${path} is corrupt (${detail}); restore a backup`);
  if (code.startsWith('SQLITE_READONLY')) return new StoreError(`${path} is read-only; cannot write to it`);
  if (code.startsWith('SQLITE_BUSY')) return new StoreError(`${path} is locked by another program; try again`);
  if (code.startsWith('SQLITE_CANTOPEN')) return new StoreError(`cannot open ${path} (${detail})`);
  return new StoreError(`${path}: ${detail}`);
}

/**
 * Open (creating if needed) and migrate the configuration database.
 * `readOnly` opens it without writing anything, for reading commands.
 */
export function openDatabase(path: string, options: {readOnly?: boolean} = {}): OpenedDatabase {
  const size = fileSize(path);
  const created = size === undefined;
  if (created) createFile(path);
  else assertSqliteFile(path, size);

  // A new file needs its schema written even when only reading was asked for.
  const readOnly = !created && (Boolean(options.readOnly) || isReadOnlyFile(path));
  let db: Database | undefined;
  try {
    db = new Sqlite(path, {readonly: readOnly, fileMustExist: true, timeout: busyTimeoutMs});
    assertNotNewer(db, path);
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma('foreign_keys = ON');
    if (readOnly) {
      if (hasPendingMigrations(db)) {
        throw new StoreError(`${path} is read-only and needs a schema upgrade; open it once with write access`);
      }
    } else {
      db.pragma('journal_mode = WAL');
      migrate(db, path);
    }
    return {db, path, created, readOnly};
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    throw describeSqliteError(error, path);
  }
}
