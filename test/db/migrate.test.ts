import {chmodSync, existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {createHash} from 'node:crypto';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {openDatabase} from '../../src/db/open-database.js';
import {latestSchemaVersion} from '../../src/db/migrate.js';
import {listMigrations} from '../../src/db/migrations.js';
import {StoreError} from '../../src/errors.js';
import {snapshot, tempDbPath, tempDir} from '../helpers/temp-db.js';
import {sqlBlocks} from '../helpers/design.js';

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function openAndClose(path: string) {
  const opened = openDatabase(path);
  opened.db.close();
  return opened;
}

/** A database as a release that shipped only 001 left it. */
function makeVersionOneDatabase(path: string): void {
  const db = new Sqlite(path);
  db.exec(listMigrations()[0]!.sql);
  db.pragma('user_version = 1');
  db.prepare(`UPDATE system_config SET config_value = 'sk-user' WHERE config_key = 'openai_api_key'`).run();
  db.prepare(`INSERT INTO letta_server_config (server_address, server_port) VALUES ('10.0.0.5', 8284)`).run();
  db.close();
}

describe('openDatabase', () => {
  it('creates a new database with the full schema, default rows, WAL and private modes', () => {
    const path = join(tempDir(), 'nested', 'dir', 'config.db');
    const opened = openDatabase(path);
    expect(opened.created).toBe(true);
    const {db} = opened;
    expect(db.pragma('user_version', {simple: true})).toBe(latestSchemaVersion());
    expect(db.pragma('journal_mode', {simple: true})).toBe('wal');
    expect(db.pragma('foreign_keys', {simple: true})).toBe(1);
    expect(db.pragma('busy_timeout', {simple: true})).toBeGreaterThanOrEqual(1000);
    expect(db.prepare('SELECT count(*) AS n FROM system_config').get()).toEqual({n: 14});
    expect(db.prepare('SELECT count(*) AS n FROM letta_server_config').get()).toEqual({n: 1});
    db.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
  });

  it('changes nothing when opened again, and makes no backup', () => {
    const path = tempDbPath();
    openAndClose(path);
    const before = snapshot(path);
    const again = openAndClose(path);
    expect(again.created).toBe(false);
    expect(snapshot(path)).toBe(before);
    expect(existsSync(`${path}.bak-v1`)).toBe(false);
  });

  it('upgrades a version-1 database, keeping its data and a backup of it', () => {
    const path = tempDbPath();
    makeVersionOneDatabase(path);
    const before = JSON.parse(snapshot(path));
    openAndClose(path);
    const after = JSON.parse(snapshot(path));
    expect(after.version).toBe(latestSchemaVersion());
    // The same settings, and beside them the Sanctum panel's keys for the server, added.
    expect(after.settings.filter((s: {config_key: string}) => !s.config_key.startsWith('letta_server') && s.config_key !== 'letta_connection_timeout')).toEqual(
      before.settings,
    );
    expect(after.servers.map((s: {server_address: string}) => s.server_address)).toEqual(['localhost', '10.0.0.5']);
    expect(after.servers[1]).toMatchObject({name: null, last_connected_at: null});
    const backup = `${path}.bak-v1`;
    expect(JSON.parse(snapshot(backup))).toEqual(before);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
  });

  it('refuses a database from a newer sanctum-config and leaves it untouched', () => {
    const path = tempDbPath();
    openAndClose(path);
    const db = new Sqlite(path);
    db.pragma('journal_mode = DELETE');
    db.pragma('user_version = 99');
    db.close();
    const before = hash(path);
    expect(() => openDatabase(path)).toThrow(StoreError);
    expect(() => openDatabase(path)).toThrow(/schema version 99, newer than this sanctum-config supports/);
    expect(hash(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const path = tempDbPath();
    writeFileSync(path, 'this is my shopping list, not a database\n'.repeat(20));
    const before = hash(path);
    expect(() => openDatabase(path)).toThrow(/is not a SQLite database/);
    expect(hash(path)).toBe(before);
  });

  it('adopts a database another program made from the design, without duplicating defaults', () => {
    const path = tempDbPath();
    const db = new Sqlite(path);
    for (const sql of [...sqlBlocks('Tables'), ...sqlBlocks('Sample Data Population'), ...sqlBlocks('Performance Indexes')]) {
      db.exec(sql);
    }
    db.close();
    openAndClose(path);
    const after = JSON.parse(snapshot(path));
    expect(after.version).toBe(latestSchemaVersion());
    expect(after.settings).toHaveLength(14);
    expect(after.servers).toHaveLength(1);
  });

  it('opens a read-only file without writing, and reads one that needs an upgrade through a copy', () => {
    const path = tempDbPath();
    openAndClose(path);
    chmodSync(path, 0o400);
    const before = hash(path);
    const opened = openDatabase(path);
    expect(opened.readOnly).toBe(true);
    expect(opened.db.prepare('SELECT count(*) AS n FROM system_config').get()).toEqual({n: 14});
    opened.db.close();
    expect(hash(path)).toBe(before);

    const old = tempDbPath();
    makeVersionOneDatabase(old);
    chmodSync(old, 0o400);
    const oldBefore = hash(old);
    const copy = openDatabase(old);
    expect(copy).toMatchObject({readOnly: true, snapshot: true});
    expect(copy.db.prepare(`SELECT config_value FROM system_config WHERE config_key = 'openai_api_key'`).get()).toEqual({config_value: 'sk-user'});
    copy.db.close();
    expect(hash(old)).toBe(oldBefore);
    expect(existsSync(`${old}-wal`) || existsSync(`${old}-shm`) || existsSync(`${old}.bak-v1`)).toBe(false);
  });
});

describe('openDatabase read-only on a new file', () => {
  it('still writes the schema, so reading works', () => {
    const path = tempDbPath();
    const opened = openDatabase(path, {readOnly: true});
    expect(opened.created).toBe(true);
    expect(opened.db.prepare('SELECT count(*) AS n FROM system_config').get()).toEqual({n: 14});
    opened.db.close();
  });
});
