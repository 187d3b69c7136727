import {spawn, spawnSync} from 'node:child_process';
import {userInfo} from 'node:os';
import {describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {bundleFixture} from '../helpers/bundle-fixture.js';
import {cliFor, expectOneLine} from '../helpers/run-cli.js';
import {pythonWith, panel} from '../helpers/python.js';
import {tempDbPath, tempDir} from '../helpers/temp-db.js';
import {join} from 'node:path';
import {readFileSync} from 'node:fs';

type Entry = {
  id: number;
  key?: string;
  server_id?: number;
  action: string;
  column: string | null;
  old_value: string | null;
  new_value: string | null;
  source: string;
  actor: string | null;
};

describe('the history, by every writer', () => {
  it('4 processes x 500 sets on overlapping keys: nothing lost, nothing locked, and the history tells the same story', async () => {
    const loop = bundleFixture('set-loop');
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['set', 'history_limit', '5000', '--type', 'integer']);
    const keys = ['flask_port', 'smcp_port', 'session_port'];
    cli(['set', 'session_port', '7000', '--type', 'integer', '--category', 'ports']);
    const runs = await Promise.all(
      [1, 2, 3, 4].map(
        (name) =>
          new Promise<{log: [string, string][]; failures: number}>((resolve, reject) => {
            const child = spawn(process.execPath, [loop, db, String(name), '500', ...keys]);
            let out = '';
            let err = '';
            child.stdout.on('data', (d) => (out += d));
            child.stderr.on('data', (d) => (err += d));
            child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
          }),
      ),
    );
    expect(runs.map((r) => r.failures)).toEqual([0, 0, 0, 0]);
    expect(runs.map((r) => r.log.length)).toEqual([500, 500, 500, 500]);

    const raw = new Sqlite(db, {readonly: true});
    const history = raw
      .prepare(`SELECT * FROM config_history WHERE row_key IN ('flask_port', 'smcp_port', 'session_port') AND action = 'update' ORDER BY id`)
      .all() as {row_key: string; old_value: string; new_value: string; source: string}[];
    const final = new Map(
      (
        raw.prepare(`SELECT config_key, config_value FROM system_config WHERE config_key IN ('flask_port', 'smcp_port', 'session_port')`).all() as {
          config_key: string;
          config_value: string;
        }[]
      ).map((r) => [r.config_key, r.config_value]),
    );
    raw.close();
    // Each key's entries chain: every change starts from the value the one before left.
    for (const key of keys) {
      const chain = history.filter((h) => h.row_key === key);
      for (let i = 1; i < chain.length; i++) expect(chain[i]!.old_value).toBe(chain[i - 1]!.new_value);
      expect(chain.at(-1)!.new_value).toBe(final.get(key));
    }
    // Every successful write that changed a value is there, attributed to the CLI's repository.
    const written = runs.flatMap((r) => r.log.map(([k, v]) => `${k}=${v}`));
    const recorded = history.filter((h) => h.source === 'cli').map((h) => `${h.row_key}=${h.new_value}`);
    expect(new Set(recorded)).toEqual(new Set(written));
    expect(recorded.length).toBeLessThanOrEqual(written.length);
  }, 120_000);

  it('records a raw UPDATE from Python as "other", undoes it, and refuses to undo a row that changed since', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['list']);
    const python = pythonWith('sqlite3')!;
    spawnSync(python, [
      '-c',
      `import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute("UPDATE system_config SET config_value='6100' WHERE config_key='flask_port'"); d.commit()`,
      db,
    ]);
    const [entry] = JSON.parse(cli(['history', 'flask_port', '--json']).stdout) as Entry[];
    expect(entry).toMatchObject({key: 'flask_port', action: 'update', old_value: '5000', new_value: '6100', source: 'other', actor: null});
    const undone = cli(['undo', String(entry!.id)]);
    expect(undone.stdout).toBe(`undid change ${entry!.id}: flask_port 6100 -> 5000\n`);
    expect(cli(['get', 'flask_port']).stdout).toBe('5000\n');

    cli(['set', 'smcp_port', '9001']);
    const change = (JSON.parse(cli(['history', 'smcp_port', '--json']).stdout) as Entry[])[0]!;
    cli(['set', 'smcp_port', '9002']);
    const refused = cli(['undo', String(change.id)]);
    expect(refused.status).toBe(3);
    expect(expectOneLine(refused.stderr)).toMatch(/change \d+ \(smcp_port\): it has changed since; nothing changed \(--force undoes it anyway\)/);
    expect(cli(['get', 'smcp_port']).stdout).toBe('9002\n');
    expect(cli(['undo', String(change.id), '--force']).status).toBe(0);
    expect(cli(['get', 'smcp_port']).stdout).toBe('9000\n');
  });

  it('records the OS user with the program, and the one behind sudo; shows values as their type does', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    const me = userInfo().username;
    cli(['set', 'flask_port', '5050']);
    cli(['set', 'debug_mode', 'false'], {env: {SUDO_USER: 'alice-ops'}});
    const [sudo, plain] = JSON.parse(cli(['history', '--json', '--limit', '2']).stdout) as Entry[];
    expect(plain).toMatchObject({key: 'flask_port', source: 'cli', actor: me});
    expect(sudo).toMatchObject({key: 'debug_mode', source: 'cli', actor: me === 'alice-ops' ? me : `alice-ops as ${me}`});
    const table = cli(['history', '--limit', '2']).stdout;
    expect(table).toMatch(new RegExp(`cli alice-ops as ${me}\\s+debug_mode\\s+on -> off`));
    expect(table).toMatch(new RegExp(`cli ${me}\\s+flask_port\\s+5000 -> 5050`));
    // Another program's write names no person.
    const raw = new Sqlite(db);
    raw.prepare(`UPDATE system_config SET config_value = '5060' WHERE config_key = 'flask_port'`).run();
    raw.close();
    expect((JSON.parse(cli(['history', '--json', '--limit', '1']).stdout) as Entry[])[0]).toMatchObject({source: 'other', actor: null});
  });

  it('masks secrets in the history unless --reveal, and puts back deleted rows and servers', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-history-secret'});
    const plain = [cli(['history']).stdout, cli(['history', '--json']).stdout].join('\n');
    expect(plain).not.toContain('sk-history-secret');
    expect(cli(['history', '--json', '--reveal']).stdout).toContain('sk-history-secret');

    cli(['server', 'add', '--address', '10.0.0.3', '--name', 'lab']);
    cli(['server', 'remove', '2']);
    expect(cli(['undo']).stdout).toMatch(/undid change \d+: server 2 added/);
    expect(JSON.parse(cli(['server', 'list', '--json']).stdout)[1]).toMatchObject({id: 2, address: '10.0.0.3', name: 'lab'});
    cli(['unset', 'environment']);
    cli(['undo']);
    expect(cli(['get', 'environment']).stdout).toBe('development\n');
  });

  it("keeps one active server whoever inserts or activates, and keeps the design SQL and the panel's writes working", () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const raw = new Sqlite(db);
    // The design's own INSERT, with is_active defaulting to true: the newest wins.
    raw.prepare(`INSERT INTO letta_server_config (server_address, server_port, server_password) VALUES ('192.168.1.100', 8080, NULL)`).run();
    expect(raw.prepare(`SELECT id FROM letta_server_config WHERE is_active = true`).all()).toEqual([{id: 2}]);
    raw.prepare(`UPDATE letta_server_config SET is_active = 1 WHERE id = 1`).run();
    expect(raw.prepare(`SELECT id FROM letta_server_config WHERE is_active = true`).all()).toEqual([{id: 1}]);
    raw.prepare(`UPDATE letta_server_config SET server_address = '192.168.1.100', updated_at = CURRENT_TIMESTAMP WHERE is_active = true`).run();
    raw.close();

    const panelDb = join(tempDir(), 'sanctum_ui.db');
    panel('create', panelDb);
    const cli = cliFor(panelDb);
    expect(cli(['set', 'flask_port', '5050']).status).toBe(0);
    panel('bridge-replace', panelDb, 'openai_api_key', 'sk-bridge');
    panel('form-update', panelDb, 'smcp_port', '9100');
    panel('form-insert', panelDb, 'new_key', 'v');
    const history = JSON.parse(cli(['history', '--json']).stdout) as Entry[];
    expect(history.slice(0, 3).map((h) => [h.key, h.action, h.source])).toEqual([
      ['new_key', 'insert', 'other'],
      ['smcp_port', 'update', 'other'],
      ['openai_api_key', 'update', 'other'],
    ]);
    expect(JSON.stringify(history)).not.toContain('sk-bridge');
    expect(readFileSync(panelDb).length).toBeGreaterThan(0);
  });
});
