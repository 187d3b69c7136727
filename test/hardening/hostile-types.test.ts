// Any column of any row may hold any SQLite type when another program wrote
// it: BLOB, REAL, NULL, huge text. Written here with the sqlite3 shell, as
// such a program would: every command reads them without failing, shows a
// BLOB as the literal of its bytes, leaves it out of env exports with a
// warning, and every such row can be edited and deleted.
import {spawnSync} from 'node:child_process';
import {afterEach, describe, expect, it} from 'vitest';
import {openConfigStore} from '../../src/repo/index.js';
import {renderApp} from '../helpers/render-app.js';
import {cliFor} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';

function sqlite3(path: string, sql: string): void {
  const result = spawnSync('sqlite3', [path], {input: sql, encoding: 'utf8'});
  if (result.status !== 0 || result.stderr) throw new Error(`sqlite3: ${result.stderr}`);
}

const huge = 'h'.repeat(200_000);

/** Our database, then rows of every type in every column, written by the sqlite3 shell. */
function typedDatabase(): string {
  const path = tempDbPath();
  expect(cliFor(path)(['list']).status).toBe(0);
  sqlite3(
    path,
    `INSERT INTO system_config (config_key, config_value) VALUES ('blob_value', ''), ('real_value', ''), ('null_value', 'x'), ('huge_value', ''), ('was_text_key', ''), ('int_key_row', '');
     UPDATE system_config SET config_value = X'00ff41' WHERE config_key = 'blob_value';
     UPDATE system_config SET config_value = 3.5, description = 2.5, config_type = 'integer' WHERE config_key = 'real_value';
     UPDATE system_config SET config_value = NULL, config_type = NULL, category = NULL, description = NULL, is_sensitive = NULL WHERE config_key = 'null_value';
     UPDATE system_config SET config_value = '${huge}', description = '${huge}' WHERE config_key = 'huge_value';
     UPDATE system_config SET config_key = X'6b6579' WHERE config_key = 'was_text_key';
     UPDATE system_config SET config_key = 12 WHERE config_key = 'int_key_row';
     UPDATE system_config SET category = X'6361', config_type = X'74' WHERE config_key = 'environment';
     UPDATE system_config SET description = X'6465' WHERE config_key = 'flask_port';
     UPDATE letta_server_config SET name = X'41', connection_timeout = 2.5 WHERE id = 1;`,
  );
  return path;
}

const opened: {unmount: () => void}[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.unmount();
});

describe('values of any SQLite type, written by another program', () => {
  it('every reading command works: BLOBs as their bytes, left out of env exports with a warning', () => {
    const cli = cliFor(typedDatabase());
    for (const args of [
      ['list'],
      ['list', '--json'],
      ['export'],
      ['server', 'list'],
      ['server', 'list', '--json'],
      ['history'],
      ['history', '--json'],
      ['doctor', '--offline'],
    ]) {
      const result = cli(args);
      expect({args, stderr: result.stderr}).toEqual({args, stderr: ''});
      expect([0, 1]).toContain(result.status);
    }
    expect(cli(['list']).stdout).toMatch(/^blob_value\s+x'00ff41' \(invalid: binary data \(3 bytes\)\)/m);
    expect(cli(['list']).stdout).toMatch(/^x'6b6579'\s/m);
    expect(cli(['list']).stdout).toMatch(/^12\s/m);
    const settings = JSON.parse(cli(['list', '--json']).stdout) as {key: string; category: string; invalid?: string}[];
    expect(settings.find((s) => s.key === 'blob_value')).toMatchObject({invalid: 'binary data (3 bytes)'});
    expect(settings.find((s) => s.key === 'environment')).toMatchObject({category: "x'6361'"});
    // Exported only under a name an operator chose; a BLOB there is left out, with a warning.
    expect(cli(['env-file', 'name', 'blob_value', 'BLOB_VALUE']).status).toBe(0);
    for (const format of ['env', 'dotenv', 'docker']) {
      const exported = cli(['export', '--format', format]);
      expect({format, status: exported.status}).toEqual({format, status: 0});
      expect(exported.stdout).not.toMatch(/^(export )?BLOB_VALUE=/m);
      expect(exported.stdout).toMatch(/BLOB_VALUE left out: the stored value is binary data \(3 bytes\)/);
      expect(exported.stderr).toMatch(/BLOB_VALUE: left out, the stored value is binary data/);
    }
    const doctor = JSON.parse(cli(['doctor', '--json', '--offline']).stdout) as {checks: {check: string; message: string}[]};
    expect(doctor.checks.map((c) => c.message)).toContain('blob_value is binary data (3 bytes)');
  });

  it('every such row can be read, edited and deleted by the name it is shown with', () => {
    const path = typedDatabase();
    const cli = cliFor(path);
    expect(cli(['get', 'blob_value']).stdout).toBe("x'00ff41'\n");
    expect(cli(['get', 'real_value']).stdout).toBe('3.5\n');
    expect(cli(['set', 'blob_value', 'now text']).status).toBe(0);
    expect(cli(['get', 'blob_value']).stdout).toBe('now text\n');
    for (const key of ["x'6b6579'", '12', 'huge_value', 'null_value', 'real_value', 'blob_value']) {
      const removed = cli(['unset', key]);
      expect({key, status: removed.status, stderr: removed.stderr}).toEqual({key, status: 0, stderr: ''});
    }
    const left = (JSON.parse(cli(['list', '--json']).stdout) as {key: string}[]).map((s) => s.key);
    for (const key of ["x'6b6579'", '12', 'huge_value', 'null_value', 'real_value', 'blob_value']) expect(left).not.toContain(key);
    expect(cli(['server', 'set', '1', '--name', 'lab', '--timeout', '10']).status).toBe(0);
    expect(JSON.parse(cli(['server', 'list', '--json']).stdout)[0]).toMatchObject({name: 'lab', timeout: 10, url: 'http://localhost:8080'});
  });

  it('a row holding a BLOB can be added and removed by any writer: the history records it', () => {
    const path = tempDbPath();
    expect(cliFor(path)(['list']).status).toBe(0);
    sqlite3(path, `INSERT INTO system_config (config_key, config_value) VALUES (X'6b', X'00'); DELETE FROM system_config WHERE config_key = X'6b';`);
    const history = cliFor(path)(['history', '--json']);
    expect(history.status).toBe(0);
    expect(history.stdout).toContain(`"x'6b'"`);
  });

  it('the app shows them and keeps its frame', async () => {
    const store = openConfigStore(typedDatabase());
    const app = await renderApp({store});
    opened.push(app);
    await app.press('4');
    const frame = app.frame();
    expect(frame).toContain('blob_value');
    expect(frame).toContain("x'6b6579'");
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('a catalogue another program filled with 100,000 rows is read only for the keys a command needs', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['list']).status).toBe(0);
    const rows = Array.from({length: 100_000}, (_, i) => `('cat_${i}', 'string', 'general', ${i % 2}, 'd', '', 'design')`);
    sqlite3(
      path,
      `BEGIN; INSERT INTO sanctum_setting_catalogue (config_key, config_type, category, is_sensitive, description, default_value, origin) VALUES ${rows.join(',')}; COMMIT;`,
    );
    expect(cli(['get', 'flask_port']).stdout).toBe('5000\n');
    // A key the catalogue knows as secret is still masked, looked up on its own.
    expect(cli(['set', 'cat_1', 'hunter2', '--type', 'string']).status).toBe(0);
    expect(cli(['list']).stdout).toMatch(/^cat_1\s+\*{8}/m);
    expect(cli(['list']).stdout).not.toContain('hunter2');
  });
});
