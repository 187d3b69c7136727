import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {openDatabase} from '../../src/db/open-database.js';
import {latestSchemaVersion} from '../../src/db/migrate.js';
import {cliFor, cliPath, expectOneLine} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const besides = (path: string) => readdirSync(dirname(path)).sort();

function sqliteFile(sql: string, journal: 'delete' | 'wal' = 'delete'): string {
  const path = tempDbPath();
  const db = new Sqlite(path);
  db.pragma(`journal_mode = ${journal}`);
  db.exec(sql);
  db.close();
  return path;
}

const foreignFiles: [string, string, RegExp][] = [
  [
    'an unrelated database',
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');",
    /it has neither system_config nor letta_server_config \(it has notes\)/,
  ],
  [
    'our table names with other columns',
    'CREATE TABLE system_config (k TEXT, v TEXT); CREATE TABLE letta_server_config (host TEXT);',
    /its system_config has no column id, config_key/,
  ],
  [
    'a system_config of another shape',
    'CREATE TABLE system_config (id INTEGER PRIMARY KEY, name TEXT);',
    /it has system_config but no letta_server_config, and is not the Sanctum panel's/,
  ],
  ['only letta_server_config', 'CREATE TABLE letta_server_config (id INTEGER PRIMARY KEY);', /it has letta_server_config but no system_config/],
];

describe('files that are not ours', () => {
  for (const [what, sql, reason] of foreignFiles) {
    for (const journal of ['delete', 'wal'] as const) {
      it(`refuses ${what} (${journal} journal) with one line, byte-identical, nothing beside it`, () => {
        const path = sqliteFile(sql, journal);
        const before = {hash: hash(path), files: besides(path)};
        const cli = cliFor(path);
        for (const args of [['get', 'flask_port'], ['list'], ['set', 'flask_port', '1'], ['server', 'add', '--address', 'x'], ['export']]) {
          const result = cli(args);
          expect(result.status).toBe(1);
          expect(expectOneLine(result.stderr)).toMatch(new RegExp(`is not a sanctum-config database: ${reason.source}`));
        }
        expect(hash(path)).toBe(before.hash);
        expect(besides(path)).toEqual(before.files);
      });
    }
  }

  it('recognises a dumped-and-restored database of ours (no user_version) at the version its columns show', () => {
    const path = tempDbPath();
    cliFor(path)(['set', 'flask_port', '5050']);
    const restored = tempDbPath();
    const source = new Sqlite(path, {readonly: true});
    const target = new Sqlite(restored);
    // What `.dump | sqlite3` keeps: the schema and the rows, not user_version.
    const objects = source
      .prepare(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table' DESC`)
      .all() as {type: string; name: string; sql: string}[];
    target.exec('PRAGMA foreign_keys = OFF');
    for (const o of objects.filter((x) => x.type === 'table')) target.exec(o.sql);
    for (const o of objects.filter((x) => x.type === 'table')) {
      for (const row of source.prepare(`SELECT * FROM "${o.name}"`).all() as Record<string, unknown>[]) {
        const cols = Object.keys(row);
        target
          .prepare(`INSERT INTO "${o.name}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
          .run(...cols.map((c) => row[c]));
      }
    }
    for (const o of objects.filter((x) => x.type !== 'table')) target.exec(o.sql);
    source.close();
    target.close();
    const cli = cliFor(restored);
    expect(cli(['get', 'flask_port']).stdout).toBe('5050\n');
    expect(cli(['set', 'flask_port', '5051']).status).toBe(0);
    const db = new Sqlite(restored, {readonly: true});
    expect(db.pragma('user_version', {simple: true})).toBe(latestSchemaVersion());
    db.close();
    expect(existsSync(`${restored}.bak-v${latestSchemaVersion()}`)).toBe(false);
  });

  it('leaves a file byte-identical, with no backup, when its migration fails', () => {
    // A version-2 database where something already holds a name that 003 creates: 003 fails part way.
    const path = tempDbPath();
    cliFor(path)(['list']);
    const db = new Sqlite(path);
    db.pragma('journal_mode = DELETE');
    db.exec('DROP TABLE sanctum_setting_catalogue');
    db.exec('DROP VIEW IF EXISTS sanctum_setting_classification');
    db.exec('CREATE TABLE sanctum_setting_classification (x)');
    db.pragma('user_version = 2');
    db.close();
    const before = {hash: hash(path), files: besides(path)};
    const result = cliFor(path)(['set', 'flask_port', '1']);
    expect(result.status).toBe(1);
    expect(expectOneLine(result.stderr)).toMatch(/sanctum_setting_classification/);
    expect(hash(path)).toBe(before.hash);
    expect(besides(path)).toEqual(before.files);
  });

  it('creates or upgrades a database once when six processes open it at the same moment', async () => {
    for (const prepare of [
      () => undefined,
      (path: string) => {
        const db = new Sqlite(path);
        db.exec(readFileSync(new URL('../../migrations/001_init.sql', import.meta.url), 'utf8'));
        db.pragma('user_version = 1');
        db.close();
      },
    ]) {
      const path = tempDbPath();
      prepare(path);
      const runs = await Promise.all(
        Array.from(
          {length: 6},
          (_, i) =>
            new Promise<{code: number | null; stderr: string}>((resolve) => {
              const child = spawn(process.execPath, [cliPath, '--db', path, 'set', 'smcp_port', String(9100 + i)], {env: {...process.env, NO_COLOR: '1'}});
              let stderr = '';
              child.stderr.on('data', (d) => (stderr += d));
              child.on('close', (code) => resolve({code, stderr}));
            }),
        ),
      );
      expect(runs).toEqual(Array.from({length: 6}, () => ({code: 0, stderr: ''})));
      const db = new Sqlite(path, {readonly: true});
      expect(db.pragma('user_version', {simple: true})).toBe(latestSchemaVersion());
      expect(db.prepare('SELECT count(*) AS n FROM system_config').get()).toEqual({n: 14});
      expect(db.prepare('SELECT count(*) AS n FROM letta_server_config').get()).toEqual({n: 1});
      db.close();
      expect(readdirSync(dirname(path)).filter((f) => f.includes('.tmp') || f.includes('partial'))).toEqual([]);
    }
  });
});

describe('files we cannot write', () => {
  it('reads a 0444 database without leaving -wal or -shm, so the owner can write again later', () => {
    const path = tempDbPath();
    cliFor(path)(['set', 'flask_port', '5050']);
    chmodSync(path, 0o444);
    const before = {hash: hash(path), files: besides(path)};
    expect(cliFor(path)(['get', 'flask_port']).stdout).toBe('5050\n');
    expect(cliFor(path)(['list', '--json']).status).toBe(0);
    const write = cliFor(path)(['set', 'flask_port', '1']);
    expect(write.status).toBe(1);
    expect(expectOneLine(write.stderr)).toMatch(/is read-only; cannot write to it/);
    expect(hash(path)).toBe(before.hash);
    expect(besides(path)).toEqual(before.files);
    chmodSync(path, 0o600);
    expect(cliFor(path)(['set', 'flask_port', '5051']).status).toBe(0);
  });

  it('reads a database through a copy when the file cannot be read in place', () => {
    const path = tempDbPath();
    cliFor(path)(['list']);
    const copy = join(dirname(path), 'copy.db');
    copyFileSync(path, copy);
    chmodSync(copy, 0o444);
    const opened = openDatabase(copy, {readOnly: true});
    expect(opened).toMatchObject({readOnly: true, snapshot: true});
    opened.db.close();
    expect(statSync(copy).mode & 0o777).toBe(0o444);
  });
});
