// The history is our bookkeeping; another program can write to it too. It
// must never be a way to deny every write, nor to erase one row's record by
// flooding the others. Rows planted with the sqlite3 shell and Python's sqlite3.
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {panel} from '../helpers/python.js';
import {cliFor} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';

function sqlite3(path: string, sql: string): string {
  const result = spawnSync('sqlite3', [path], {input: sql, encoding: 'utf8'});
  if (result.status !== 0 || result.stderr) throw new Error(`sqlite3: ${result.stderr}`);
  return result.stdout.trim();
}

describe('a history another program wrote to', () => {
  for (const id of ['9223372036854775807', '9007199254740991', '-5', '0']) {
    it(`a row planted at id ${id} blocks no write, ours or the panel's, and the history goes on`, () => {
      const path = tempDbPath();
      const cli = cliFor(path);
      expect(cli(['list']).status).toBe(0);
      sqlite3(path, `INSERT INTO config_history (id, table_name, row_key, action, source) VALUES (${id}, 'system_config', 'planted', 'update', 'other');`);
      for (let i = 0; i < 3; i++) {
        const set = cli(['set', 'flask_port', String(5001 + i)]);
        expect({i, status: set.status, stderr: set.stderr}).toEqual({i, status: 0, stderr: ''});
      }
      sqlite3(path, `UPDATE system_config SET config_value = '9001' WHERE config_key = 'smcp_port';`);
      const history = JSON.parse(cli(['history', '--json']).stdout) as {id: number; key: string}[];
      expect(history.filter((h) => h.key === 'flask_port').length).toBeGreaterThanOrEqual(2);
      expect(history.some((h) => h.key === 'smcp_port')).toBe(true);
      for (const entry of history) expect(Number.isSafeInteger(entry.id) && entry.id > 0).toBe(true);
      expect(Number(sqlite3(path, `SELECT count(*) FROM config_history WHERE id > 4503599627370496 OR id < 1`))).toBe(0);
    });
  }

  it("the panel's own writes still work after a planted maximum id", () => {
    const path = tempDbPath().replace('config.db', 'sanctum_ui.db');
    panel('create', path);
    expect(cliFor(path)(['set', 'flask_port', '5001']).status).toBe(0);
    sqlite3(
      path,
      `INSERT INTO config_history (id, table_name, row_key, action, source) VALUES (9223372036854775807, 'system_config', 'planted', 'update', 'other');`,
    );
    panel('form-update', path, 'flask_port', '5002');
    panel('bridge-replace', path, 'smcp_port', '9005');
    expect(cliFor(path)(['get', 'flask_port']).stdout).toBe('5002\n');
    expect(cliFor(path)(['get', 'smcp_port']).stdout).toBe('9005\n');
  });

  it('a flood of changes to other rows does not erase one row’s record', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['set', 'history_limit', '50', '--type', 'integer']).status).toBe(0);
    expect(cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-rotated'}).status).toBe(0);
    // Throwaway rows, each added and removed: 480 changes to other rows, under 10 x history_limit.
    const flood = Array.from(
      {length: 240},
      (_, i) => `INSERT INTO system_config (config_key, config_value) VALUES ('junk_${i}', 'x'); DELETE FROM system_config WHERE config_key = 'junk_${i}';`,
    ).join('\n');
    sqlite3(path, `BEGIN; ${flood} COMMIT;`);
    const kept = JSON.parse(cli(['history', 'openai_api_key', '--json']).stdout) as {key: string}[];
    expect(kept.length).toBeGreaterThanOrEqual(1);
    const total = Number(sqlite3(path, 'SELECT count(*) FROM config_history'));
    expect(total).toBeLessThanOrEqual(60);
  });
});
