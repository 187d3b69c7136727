// Every migration from every starting point a user's file can be at: new,
// the design's schema made by another program, the Sanctum panel's file, each
// version a release left, and each of those restored from `sqlite3 .dump`
// (which keeps rows, not user_version). Then the same again with one more
// migration of each kind appended, as a maintainer adds one: a new migration
// file must need no other edit.
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import Sqlite from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {missingSchemaObjects} from '../../src/db/migrate.js';
import {listMigrations, shipMigrationsForTesting, type Migration} from '../../src/db/migrations.js';
import {openDatabase} from '../../src/db/open-database.js';
import {StoreError} from '../../src/errors.js';
import {sqlBlocks} from '../helpers/design.js';
import {panel} from '../helpers/python.js';
import {tempDir} from '../helpers/temp-db.js';

const shipped = listMigrations();
const latest = shipped.length;

afterEach(() => shipMigrationsForTesting(undefined));

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const besides = (path: string) => readdirSync(dirname(path)).sort();

/** Everything a file holds: its schema, every table's rows, and user_version. */
function contents(path: string): string {
  const db = new Sqlite(path, {readonly: true});
  try {
    const schema = db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all() as {type: string; name: string}[];
    const rows = Object.fromEntries(
      schema.filter((o) => o.type === 'table').map((o) => [o.name, db.prepare(`SELECT * FROM "${o.name}" ORDER BY rowid`).all()]),
    );
    return JSON.stringify({version: db.pragma('user_version', {simple: true}), schema, rows});
  } finally {
    db.close();
  }
}

function openAndClose(path: string, readOnly = false): void {
  openDatabase(path, {readOnly}).db.close();
}

/** A user's changes, so the walk can see they survive. */
function addUserData(path: string): void {
  const db = new Sqlite(path);
  db.prepare(`UPDATE system_config SET config_value = 'sk-walk' WHERE config_key = 'openai_api_key'`).run();
  db.prepare(`INSERT INTO letta_server_config (server_address, server_port) VALUES ('10.1.2.3', 8284)`).run();
  db.close();
}

/** `sqlite3 SRC .dump | sqlite3 DST`, as an operator restores a file. */
function dumpRestore(source: string, target: string): void {
  const dump = spawnSync('sqlite3', [source, '.dump'], {encoding: 'utf8'});
  if (dump.status !== 0) throw new Error(`sqlite3 .dump failed: ${dump.stderr}`);
  const load = spawnSync('sqlite3', [target], {input: dump.stdout, encoding: 'utf8'});
  if (load.status !== 0 || load.stderr) throw new Error(`sqlite3 restore failed: ${load.stderr}`);
}

type Start = {readonly name: string; readonly make: (path: string) => void; readonly userData?: boolean};

/** A file as the release that shipped migrations 1..version left it, with a user's data. */
const releaseFile = (version: number): Start => ({
  name: `version ${version}`,
  make: (path) => {
    shipMigrationsForTesting(shipped.slice(0, version));
    openAndClose(path);
    shipMigrationsForTesting(undefined);
    addUserData(path);
  },
  userData: true,
});

const starts: Start[] = [
  {name: 'a new file', make: () => undefined},
  {
    name: "the design's schema, made by another program",
    make: (path) => {
      const db = new Sqlite(path);
      for (const section of ['Tables', 'Sample Data Population', 'Performance Indexes']) for (const sql of sqlBlocks(section)) db.exec(sql);
      db.close();
      addUserData(path);
    },
    userData: true,
  },
  {name: "the Sanctum panel's file", make: (path) => void panel('create', path)},
  ...shipped.map((m) => releaseFile(m.version)),
];

/** One more migration of each kind a maintainer adds, and how to see it was applied. */
const extras: {readonly kind: string; readonly sql: string; readonly applied: (db: Sqlite.Database) => boolean}[] = [
  {
    kind: 'an index',
    sql: 'CREATE INDEX idx_walk_updated ON system_config(updated_at);',
    applied: (db) => db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'idx_walk_updated'`).get() !== undefined,
  },
  {
    kind: 'a catalogue row',
    sql: `INSERT INTO sanctum_setting_catalogue (config_key, config_type, category, is_sensitive, description, default_value, origin)
VALUES ('walk_setting', 'integer', 'general', 0, 'Added by a later migration', '7', 'design');`,
    applied: (db) => (db.prepare(`SELECT count(*) AS n FROM sanctum_setting_catalogue WHERE config_key = 'walk_setting'`).get() as {n: number}).n === 1,
  },
  {
    kind: 'a column',
    sql: 'ALTER TABLE letta_server_config ADD COLUMN walk_note TEXT;',
    applied: (db) => (db.prepare(`SELECT count(*) AS n FROM pragma_table_info('letta_server_config') WHERE name = 'walk_note'`).get() as {n: number}).n === 1,
  },
];

function withExtra(sql: string): Migration[] {
  return [...shipped, {version: latest + 1, name: `${String(latest + 1).padStart(3, '0')}_walk_test.sql`, sql}];
}

function readVersion(path: string): number {
  const db = new Sqlite(path, {readonly: true});
  try {
    return db.pragma('user_version', {simple: true}) as number;
  } finally {
    db.close();
  }
}

/** Reading leaves the file byte-identical with nothing beside it; writing upgrades it once and for all. */
function walk(path: string, target: number, userData: boolean, applied?: (db: Sqlite.Database) => boolean): void {
  const exists = besides(path).includes('config.db');
  if (exists) {
    const before = {hash: hash(path), files: besides(path)};
    openAndClose(path, true);
    expect(hash(path)).toBe(before.hash);
    expect(besides(path)).toEqual(before.files);
  }
  openAndClose(path);
  expect(readVersion(path)).toBe(target);
  const upgraded = contents(path);
  const upgradedHash = hash(path);
  openAndClose(path);
  openAndClose(path, true);
  expect(hash(path)).toBe(upgradedHash);
  expect(contents(path)).toBe(upgraded);
  const db = new Sqlite(path, {readonly: true});
  try {
    if (applied) expect(applied(db)).toBe(true);
    // Every migration ran once, and the ledger says so.
    expect(db.prepare(`SELECT version FROM sanctum_schema_migrations ORDER BY version`).pluck().all()).toEqual(Array.from({length: target}, (_, i) => i + 1));
    expect(missingSchemaObjects(db, target)).toEqual([]);
    if (userData) {
      expect(db.prepare(`SELECT config_value FROM system_config WHERE config_key = 'openai_api_key'`).pluck().get()).toBe('sk-walk');
    }
  } finally {
    db.close();
  }
}

/** The file restored from a dump opens as the same version, runs nothing again, and then stays as it is. */
function walkRestored(source: string, target: number): void {
  const restored = join(tempDir(), 'config.db');
  dumpRestore(source, restored);
  expect(readVersion(restored)).toBe(0);
  const before = JSON.parse(contents(source)) as {rows: Record<string, unknown[]>};
  openAndClose(restored);
  expect(readVersion(restored)).toBe(target);
  const after = JSON.parse(contents(restored)) as {rows: Record<string, unknown[]>};
  expect(after.rows).toEqual(before.rows);
  const settled = hash(restored);
  openAndClose(restored);
  expect(hash(restored)).toBe(settled);
}

describe('every migration from every starting point', () => {
  for (const start of starts) {
    for (const dumped of start.name === 'a new file' ? [false] : [false, true]) {
      const label = dumped ? `${start.name}, restored from sqlite3 .dump` : start.name;
      it(`${label}: reads never write, one upgrade, a second open changes nothing, with each kind of new migration`, () => {
        for (const extra of [undefined, ...extras]) {
          const dir = tempDir();
          let path = join(dir, 'config.db');
          start.make(path);
          if (dumped) {
            const restored = join(tempDir(), 'config.db');
            dumpRestore(path, restored);
            path = restored;
          }
          if (extra) shipMigrationsForTesting(withExtra(extra.sql));
          const target = extra ? latest + 1 : latest;
          walk(path, target, Boolean(start.userData), extra?.applied);
          walkRestored(path, target);
          shipMigrationsForTesting(undefined);
        }
      });
    }
  }
});

describe('when the file and its version disagree', () => {
  it('names the migration that failed and leaves the file byte-identical', () => {
    const path = join(tempDir(), 'config.db');
    openAndClose(path);
    const before = {hash: hash(path), files: besides(path)};
    shipMigrationsForTesting(withExtra('ALTER TABLE system_config ADD COLUMN category TEXT;'));
    let error: unknown;
    try {
      openAndClose(path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `migration ${String(latest + 1).padStart(3, '0')}_walk_test\\.sql failed \\(duplicate column name: category\\); it records schema version ${latest}, and nothing was changed`,
      ),
    );
    expect(hash(path)).toBe(before.hash);
    expect(besides(path)).toEqual(before.files);
  });

  it('trusts user_version over the shape: a recorded version is not run again, and what is missing is named', () => {
    const path = join(tempDir(), 'config.db');
    openAndClose(path);
    const db = new Sqlite(path);
    db.exec('DROP TABLE config_history');
    db.close();
    openAndClose(path);
    const reopened = new Sqlite(path, {readonly: true});
    try {
      expect(reopened.pragma('user_version', {simple: true})).toBe(latest);
      // The table and everything on it: its index and its triggers.
      const onHistory = missingSchemaObjects(reopened, latest);
      expect(onHistory).toEqual([
        'table config_history',
        'column config_history.actor',
        'index idx_config_history_row',
        'trigger trg_config_history_prune',
        'trigger trg_history_bytes_delete',
        'trigger trg_history_bytes_update',
        'trigger trg_config_history_shrink',
        'trigger trg_history_bytes_insert',
        'trigger trg_history_actor',
      ]);
    } finally {
      reopened.close();
    }
  });

  it('a lost user_version with a ledger is repaired from the ledger, not from the shape', () => {
    const path = join(tempDir(), 'config.db');
    shipMigrationsForTesting(
      withExtra(
        "INSERT INTO sanctum_setting_catalogue (config_key, config_type, category, is_sensitive, description, default_value, origin) VALUES ('walk_once', 'string', 'general', 0, 'd', '', 'design');",
      ),
    );
    openAndClose(path);
    const db = new Sqlite(path);
    db.pragma('user_version = 0');
    db.close();
    // The extra migration creates nothing the shape could see: only the ledger knows it ran.
    openAndClose(path);
    expect(readVersion(path)).toBe(latest + 1);
  });

  it('refuses a ledger that lists a migration newer than this build, unchanged', () => {
    const path = join(tempDir(), 'config.db');
    shipMigrationsForTesting(withExtra('SELECT 1;'));
    openAndClose(path);
    const db = new Sqlite(path);
    db.pragma('user_version = 0');
    db.pragma('journal_mode = DELETE');
    db.close();
    shipMigrationsForTesting(undefined);
    const before = hash(path);
    expect(() => openAndClose(path)).toThrow(/lists migration \d+ as applied, newer than this sanctum-config supports/);
    expect(hash(path)).toBe(before);
  });
});
