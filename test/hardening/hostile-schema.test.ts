// Triggers and views that someone else put in the file run inside every write
// to it. Planted here with the sqlite3 shell and Python's sqlite3, as another
// program would: nothing of ours runs them, the file is read but not written,
// and doctor names them.
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ownSchemaObjects} from '../../scripts/bundle-options.mjs';
import {ownSchemaObjectsOf} from '../../src/db/own-schema-objects.js';
import {listMigrations} from '../../src/db/migrations.js';
import {panel} from '../helpers/python.js';
import {cliFor, cliPath, expectOneLine} from '../helpers/run-cli.js';
import {TmuxSession} from '../helpers/tmux.js';
import {tempDbPath, tempDir} from '../helpers/temp-db.js';

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const besides = (path: string) => readdirSync(dirname(path)).sort();

function sqlite3(path: string, sql: string): string {
  const result = spawnSync('sqlite3', [path], {input: sql, encoding: 'utf8'});
  if (result.status !== 0 || result.stderr) throw new Error(`sqlite3: ${result.stderr}`);
  return result.stdout;
}

/** A box with a secret, then a trigger or view planted by another program. */
function plantedBox(plant: string) {
  const path = tempDbPath();
  const cli = cliFor(path);
  expect(cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-planted-secret'}).status).toBe(0);
  sqlite3(path, `PRAGMA journal_mode = DELETE; ${plant}`);
  return {path, cli};
}

const plants: [string, string, RegExp][] = [
  [
    'a trigger that copies a secret into a visible setting',
    `CREATE TRIGGER leak AFTER UPDATE ON system_config BEGIN UPDATE system_config SET config_value = (SELECT config_value FROM system_config WHERE config_key = 'openai_api_key') WHERE config_key = 'environment'; END;`,
    /trigger "leak" on system_config/,
  ],
  [
    'a trigger that moves the server so the token goes elsewhere',
    `CREATE TRIGGER move_it AFTER UPDATE ON letta_server_config BEGIN UPDATE letta_server_config SET server_port = 9999; END;`,
    /trigger "move_it" on letta_server_config/,
  ],
  [
    'one of our trigger names with other SQL',
    `DROP TRIGGER trg_system_config_touch; CREATE TRIGGER trg_system_config_touch AFTER UPDATE ON system_config BEGIN DELETE FROM config_history; END;`,
    /trigger "trg_system_config_touch" on system_config/,
  ],
  ['a view', `CREATE VIEW peek AS SELECT config_value FROM system_config;`, /view "peek" on peek/],
];

describe('triggers and views that sanctum-config did not make', () => {
  for (const [what, plant, named] of plants) {
    it(`${what}: never runs; writes refused with one line, file unchanged; reads work; doctor names it`, () => {
      const {path, cli} = plantedBox(plant);
      const before = {hash: hash(path), files: besides(path)};
      for (const write of [
        ['set', 'environment', 'production'],
        ['server', 'set', '1', '--port', '8284'],
        ['unset', 'flask_port'],
        ['init', '--non-interactive', '--no-probe'],
      ]) {
        const result = cli(write);
        expect({write, status: result.status}).toEqual({write, status: 1});
        expect(expectOneLine(result.stderr)).toMatch(named);
        expect(result.stderr).toMatch(/did not make; it would run inside every write, so nothing was written/);
      }
      expect(hash(path)).toBe(before.hash);
      expect(besides(path)).toEqual(before.files);
      expect(cli(['get', 'environment']).stdout).toBe('development\n');
      expect(cli(['list']).status).toBe(0);
      const doctor = JSON.parse(cli(['doctor', '--json', '--offline']).stdout) as {checks: {check: string; status: string; message: string; fix?: string}[]};
      const found = doctor.checks.find((c) => c.check === 'triggers and views')!;
      expect(found.status).toBe('fail');
      expect(found.fix).toMatch(/SANCTUM_CONFIG_TRUSTED_OBJECTS=\S+:[0-9a-f]{32}/);
      expect(hash(path)).toBe(before.hash);
    });
  }

  it('an operator who put one there on purpose trusts it by its fingerprint; a redefinition is foreign again', () => {
    const {path, cli} = plantedBox(`CREATE TRIGGER audit AFTER UPDATE ON system_config BEGIN SELECT 1; END;`);
    const doctor = JSON.parse(cli(['doctor', '--json', '--offline']).stdout) as {checks: {check: string; fix?: string}[]};
    const trusted = /SANCTUM_CONFIG_TRUSTED_OBJECTS=(\S+)/.exec(doctor.checks.find((c) => c.check === 'triggers and views')!.fix!)![1]!;
    expect(cli(['set', 'environment', 'staging'], {env: {SANCTUM_CONFIG_TRUSTED_OBJECTS: trusted}}).status).toBe(0);
    sqlite3(path, `DROP TRIGGER audit; CREATE TRIGGER audit AFTER UPDATE ON system_config BEGIN DELETE FROM config_history; END;`);
    expect(cli(['set', 'environment', 'production'], {env: {SANCTUM_CONFIG_TRUSTED_OBJECTS: trusted}}).status).toBe(1);
    expect(cli(['get', 'environment']).stdout).toBe('staging\n');
  });

  it('a panel file carrying a trigger is not adopted; it is still read', () => {
    const path = join(tempDir(), 'sanctum_ui.db');
    panel('create', path);
    sqlite3(path, `CREATE TRIGGER planted AFTER UPDATE ON system_config BEGIN UPDATE system_config SET config_value = 'x' WHERE config_key = 'api_key'; END;`);
    const before = {hash: hash(path), files: besides(path)};
    const cli = cliFor(path);
    const write = cli(['set', 'flask_port', '5001']);
    expect(write.status).toBe(1);
    expect(expectOneLine(write.stderr)).toMatch(/trigger "planted" on system_config/);
    expect(cli(['get', 'flask_port']).stdout).toBe('5000\n');
    expect(hash(path)).toBe(before.hash);
    expect(besides(path)).toEqual(before.files);
  });

  it('the app opens such a file read-only and says why', async () => {
    const {path} = plantedBox(`CREATE TRIGGER leak AFTER UPDATE ON system_config BEGIN SELECT 1; END;`);
    const before = hash(path);
    // The file as it is: the harness must not touch it (its hash is the point).
    const tmux = new TmuxSession(`env NO_COLOR=1 ${process.execPath} ${cliPath} --db ${path}; sleep 60`, undefined, {setupAsIs: true});
    try {
      const screen = await tmux.waitFor(/read-only: the file has triggers or views sanctum-config did not make/);
      expect(screen).toContain('read-only');
      await tmux.keys('q');
    } finally {
      tmux.kill();
    }
    expect(hash(path)).toBe(before);
  });

  it('the build knows the same objects as the source', () => {
    expect(ownSchemaObjects()).toEqual(ownSchemaObjectsOf(listMigrations().map((m) => m.sql)));
    expect(Object.keys(ownSchemaObjects()).length).toBeGreaterThan(10);
  });
});

describe('a panel look-alike whose keys are not unique', () => {
  it('is refused with one line and left byte-identical, even without duplicates yet', () => {
    for (const duplicates of [true, false]) {
      const path = join(tempDir(), 'sanctum_ui.db');
      sqlite3(
        path,
        `CREATE TABLE system_config (id INTEGER NOT NULL PRIMARY KEY, config_key VARCHAR(100) NOT NULL, config_value TEXT NOT NULL,
           description TEXT, created_at DATETIME, updated_at DATETIME);
         INSERT INTO system_config (config_key, config_value) VALUES ('flask_port', '5000')${duplicates ? ", ('flask_port', '6000')" : ''};`,
      );
      const before = {hash: hash(path), files: besides(path)};
      for (const args of [['list'], ['set', 'flask_port', '5001']]) {
        const result = cliFor(path)(args);
        expect({duplicates, args, status: result.status}).toEqual({duplicates, args, status: 1});
        expect(expectOneLine(result.stderr)).toMatch(/does not keep config_key UNIQUE, so one key could have two values/);
      }
      expect(hash(path)).toBe(before.hash);
      expect(besides(path)).toEqual(before.files);
    }
  });
});
