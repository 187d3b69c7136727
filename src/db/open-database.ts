import type {Database} from 'better-sqlite3';
import {accessSync, closeSync, constants, mkdirSync, openSync, readFileSync, readSync, statSync} from 'node:fs';
import {dirname} from 'node:path';
import {StoreError, UntrustedSchemaError} from '../errors.js';
import {inspectSchema, migrate, schemaVersion} from './migrate.js';
import {describeForeignObjects, foreignSchemaObjects} from './own-schema-objects.js';
import {removeDeadTempFiles} from './private-file.js';
import {openSqlite} from './sqlite.js';

export type OpenedDatabase = {
  readonly db: Database;
  readonly path: string;
  /** True when this call created the file: the first run on this box. */
  readonly created: boolean;
  readonly readOnly: boolean;
  /**
   * True when `db` is a copy in memory: the file could not be read in place
   * without writing beside it, or needs an upgrade that a reader must not make.
   */
  readonly snapshot: boolean;
  /** The schema version the file itself was at when opened (before any upgrade of a copy). */
  readonly recordedVersion: number;
};

const sqliteHeader = 'SQLite format 3\0';
const busyTimeoutMs = 5000;
/**
 * How long opening waits while another process upgrades the file: an upgrade
 * runs every migration and writes a backup, once, and on a busy box that can
 * take longer than a write; the next opener waits for it rather than fail.
 */
const upgradeWaitMs = 30_000;

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/** The first 20 bytes, or undefined for an empty file; refuses anything that is not SQLite. */
function readHeader(path: string, size: number): Buffer | undefined {
  if (size === 0) return undefined;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(20);
    const read = readSync(fd, header, 0, 20, 0);
    if (read < 20 || header.toString('latin1', 0, 16) !== sqliteHeader) {
      throw new StoreError(`${path} is not a SQLite database; point --db at another file`);
    }
    return header;
  } finally {
    closeSync(fd);
  }
}

/** Header bytes 18-19 are 2 in WAL mode; a reader of such a file needs `-shm` beside it. */
const isWalHeader = (header: Buffer | undefined) => header !== undefined && header[18] === 2;

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** No write bits at all means read-only, even for root (who would otherwise write anyway). */
function isReadOnlyFile(path: string): boolean {
  return !canWrite(path) || (statSync(path).mode & 0o222) === 0;
}

/** Whether this process may write the file and the journal beside it. */
export function isWritableFile(path: string): boolean {
  try {
    return !isReadOnlyFile(path) && canWrite(dirname(path));
  } catch {
    return false;
  }
}

/** Create the file 0600 (its directories 0700); false when another process created it first. */
function createFile(path: string): boolean {
  try {
    mkdirSync(dirname(path), {recursive: true, mode: 0o700});
    closeSync(openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600));
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new StoreError(`cannot create ${path}: ${code ?? String(error)}`);
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
  if (code.startsWith('SQLITE_FULL')) return new StoreError(`cannot write ${path}: the disk is full`);
  // A table or column that the file's schema version promises is gone (dropped by hand, a partial restore).
  if (/^no such (table|column)/.test(detail)) {
    return new StoreError(`${path} has ${detail.replace(/^no such /, 'no ')}, which its schema version promises; see sanctum-config doctor`);
  }
  return new StoreError(`${path}: ${detail}`);
}

/**
 * The file as a database in memory, read without writing anything beside it:
 * through a read-only connection when it has a write-ahead log with content,
 * else from its bytes. The copy is switched to the rollback journal.
 */
function loadSnapshot(path: string, header: Buffer | undefined): Database {
  let image: Buffer;
  if (isWalHeader(header) && (fileSize(`${path}-wal`) ?? 0) > 0) {
    const reader = openSqlite(path, {readonly: true, fileMustExist: true, timeout: busyTimeoutMs});
    try {
      image = reader.serialize();
    } finally {
      reader.close();
    }
  } else {
    image = readFileSync(path);
  }
  if (image.length < 20) return openSqlite(':memory:');
  image[18] = 1;
  image[19] = 1;
  return openSqlite(image);
}

/**
 * A trigger or view that our migrations did not make would run inside our
 * writes (and the panel's): copy a secret, move a server, sign its writes as
 * ours. Such a file is read, never written.
 */
function refuseForeignObjects(db: Database, path: string): void {
  const foreign = foreignSchemaObjects(db);
  if (foreign.length === 0) return;
  throw new UntrustedSchemaError(
    `${path} has ${describeForeignObjects(foreign)} that sanctum-config did not make; it would run inside every write, so nothing was written (sanctum-config doctor says how to proceed)`,
  );
}

function configure(db: Database): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('foreign_keys = ON');
  // Every write in a transaction keeps a statement journal (our tables have triggers): in memory, not a
  // temporary file. An import of 10,000 settings took 570 ms with the file, 375 ms without.
  db.pragma('temp_store = MEMORY');
}

function openForWriting(path: string, created: boolean, header: Buffer | undefined): Database {
  if (!created && isReadOnlyFile(path)) throw new StoreError(`${path} is read-only; cannot write to it`);
  if (!canWrite(dirname(path))) {
    throw new StoreError(`cannot write ${path}: its directory is not writable, and SQLite keeps its journal there`);
  }
  // Decide what the file is before this process writes a byte to it.
  let upgrades = true;
  if (header) {
    const probe = loadSnapshot(path, header);
    try {
      upgrades = inspectSchema(probe, path).pending;
      refuseForeignObjects(probe, path);
    } finally {
      probe.close();
    }
  }
  removeDeadTempFiles(path);
  const db = openSqlite(path, {fileMustExist: true, timeout: busyTimeoutMs});
  try {
    configure(db);
    // A file to create or upgrade: another opener may be upgrading it right now, which takes a while.
    if (upgrades) db.pragma(`busy_timeout = ${upgradeWaitMs}`);
    migrate(db, path, {backup: true});
    if (upgrades) db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // WAL is chosen once, for a file we created; other programs' files keep their journal mode.
    if (created) db.pragma('journal_mode = WAL');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Read the file where it is, when that creates nothing beside it (a rollback
 * journal, or a write-ahead log whose shared memory is already there) and its
 * schema is current: no copy of a large file into memory on every command.
 */
function readInPlace(path: string, header: Buffer | undefined): {db: Database; snapshot: false; recordedVersion: number} | undefined {
  if (isWalHeader(header) && fileSize(`${path}-shm`) === undefined) return undefined;
  if (isReadOnlyFile(path) || !canWrite(dirname(path))) return undefined;
  let db: Database | undefined;
  try {
    db = openSqlite(path, {readonly: true, fileMustExist: true, timeout: busyTimeoutMs});
    const recordedVersion = schemaVersion(db);
    if (inspectSchema(db, path).pending) return void db.close();
    configure(db);
    return {db, snapshot: false, recordedVersion};
  } catch {
    // Whatever went wrong, the copy below finds it again and says it the usual way.
    db?.close();
    return undefined;
  }
}

function openForReading(path: string, header: Buffer | undefined, copy: boolean): {db: Database; snapshot: boolean; recordedVersion: number} {
  const inPlace = copy ? undefined : readInPlace(path, header);
  if (inPlace) return inPlace;
  const snapshot = loadSnapshot(path, header);
  const recordedVersion = schemaVersion(snapshot);
  let keep = true;
  try {
    const {pending} = inspectSchema(snapshot, path);
    if (pending) {
      // A reader never converts the file: the upgrade happens in the copy.
      migrate(snapshot, path, {backup: false});
      return {db: snapshot, snapshot: true, recordedVersion};
    }
    if (copy || isReadOnlyFile(path) || !canWrite(dirname(path))) return {db: snapshot, snapshot: true, recordedVersion};
    keep = false;
  } finally {
    if (!keep) snapshot.close();
  }
  const db = openSqlite(path, {readonly: true, fileMustExist: true, timeout: busyTimeoutMs});
  configure(db);
  return {db, snapshot: false, recordedVersion};
}

/**
 * Open the configuration database. Writing (the default) creates and upgrades
 * it; `readOnly` never writes to the file or beside it. A file that is not ours,
 * the design's or the Sanctum panel's, or is from a newer sanctum-config, is
 * refused before anything is written.
 */
export type OpenOptions = {
  /** Never write to the file. */
  readonly readOnly?: boolean;
  /** With readOnly: always read a copy in memory, which may be written and thrown away (a dry run). */
  readonly copy?: boolean;
  /**
   * How long a write waits for another writer's lock before SQLITE_BUSY (5 s
   * by default). The app uses a short one and waits itself, so its screen stays alive.
   */
  readonly busyTimeoutMs?: number;
};

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  let created = false;
  if (fileSize(path) === undefined) created = createFile(path);
  const size = fileSize(path) ?? 0;
  try {
    const header = readHeader(path, size);
    // A new or empty file needs its schema written even when only reading was asked for.
    const write = created || header === undefined ? !isReadOnlyFile(path) : !options.readOnly && !isReadOnlyFile(path);
    if (write) {
      const db = openForWriting(path, created, header);
      if (options.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
      return {db, path, created, readOnly: false, snapshot: false, recordedVersion: schemaVersion(db)};
    }
    const {db, snapshot, recordedVersion} = openForReading(path, header, Boolean(options.copy));
    return {db, path, created, readOnly: true, snapshot, recordedVersion};
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw describeSqliteError(error, path);
  }
}
