// The history is our bookkeeping; another program can write to it too. It
// must never be a way to deny every write, nor to erase one row's record by
// flooding the others. Rows planted with the sqlite3 shell and Python's sqlite3.
import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {panel} from '../helpers/python.js';
import {cliFor, expectOneLine} from '../helpers/run-cli.js';
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

  it('a value of a setting that is secret now, or was recorded as secret, stays masked in the history, whoever wrote the entry', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['set', 'notes', 'hunter2-plain', '--type', 'string']).status).toBe(0);
    expect(cli(['set', 'notes', 'hunter2-later']).status).toBe(0);
    // Made secret afterwards by another program: its older entries were recorded as not secret.
    sqlite3(path, `UPDATE system_config SET is_sensitive = 1 WHERE config_key = 'notes';`);
    // And entries planted as not secret, for a secret key and for a server's token.
    sqlite3(
      path,
      `INSERT INTO config_history (table_name, row_key, action, column_name, old_value, new_value, source, sensitive) VALUES
         ('system_config', 'openai_api_key', 'update', 'config_value', 'sk-old-planted', 'sk-new-planted', 'other', 0),
         ('letta_server_config', '1', 'update', 'server_token', 'tok-old-planted', 'tok-new-planted', 'other', 0);`,
    );
    for (const args of [['history'], ['history', '--json'], ['history', 'notes', '--json'], ['history', 'openai_api_key']]) {
      const out = cli(args).stdout;
      expect({args, leaked: /hunter2|planted/.test(out)}).toEqual({args, leaked: false});
    }
    expect(cli(['history', 'notes', '--reveal']).stdout).toMatch(/hunter2-later/);
  });

  it('prints no control sequence from any column of an entry', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['list']).status).toBe(0);
    const osc52 = "x'1b5d35323b633b5a5739686277553d07'";
    sqlite3(
      path,
      `INSERT INTO config_history (changed_at, table_name, row_key, action, column_name, old_value, new_value, source, sensitive)
       VALUES (CAST(${osc52} AS TEXT), 'letta_server_config', '1', 'update', CAST(${osc52} AS TEXT), CAST(${osc52} AS TEXT), 'x', CAST(${osc52} AS TEXT), 0);`,
    );
    const out = cli(['history']);
    expect(out.status).toBe(0);
    expect(out.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('undo checks what it puts back as any write does, and never quotes stored content', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-undo-secret'}).status).toBe(0);
    // Damaged whole-row records, planted: a secret fragment that is not JSON, typed JSON, an array.
    sqlite3(
      path,
      `INSERT INTO config_history (table_name, row_key, action, old_value, source) VALUES
         ('system_config', 'gone_a', 'delete', 'sk-fragment-not-json', 'other'),
         ('system_config', 'gone_b', 'delete', '{"config_key": "gone_b", "config_value": {"nested": "sk-typed"}}', 'other'),
         ('system_config', 'gone_c', 'delete', '["sk-array"]', 'other'),
         ('letta_server_config', '77', 'delete', '{"id": 77, "server_address": "bad host!", "server_port": 8284}', 'other');`,
    );
    const history = JSON.parse(cli(['history', '--json', '--reveal', '--limit', '10']).stdout) as {id: number; key?: string; server_id?: number}[];
    for (const target of ['gone_a', 'gone_b', 'gone_c', 77]) {
      const entry = history.find((h) => h.key === target || h.server_id === target)!;
      const before = sqlite3(path, 'SELECT count(*) FROM system_config; SELECT count(*) FROM letta_server_config;');
      const result = cli(['undo', String(entry.id)]);
      expect({target, status: result.status}).toEqual({target, status: 2});
      expect(result.stderr).not.toMatch(/sk-/);
      expect(result.stderr).toMatch(/cannot be undone/);
      expect(sqlite3(path, 'SELECT count(*) FROM system_config; SELECT count(*) FROM letta_server_config;')).toBe(before);
    }
    // Across a type change: the old text no longer fits the type the setting has now.
    expect(cli(['set', 'retries', 'many', '--type', 'string']).status).toBe(0);
    expect(cli(['set', 'retries', '3']).status).toBe(0);
    sqlite3(path, `UPDATE system_config SET config_type = 'integer' WHERE config_key = 'retries';`);
    const change = (JSON.parse(cli(['history', 'retries', '--json']).stdout) as {id: number; new_value: string}[]).find((h) => h.new_value === '3')!;
    const across = cli(['undo', String(change.id)]);
    expect(across.status).toBe(2);
    expect(expectOneLine(across.stderr)).toMatch(/would put back a value that is not a valid integer; it cannot be undone/);
    expect(cli(['get', 'retries']).stdout).toBe('3\n');
  });

  it('rotated secrets can be purged for good: gone from the file, the purge recorded, doctor warning until then', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    for (const secret of ['sk-rotated-one', 'sk-rotated-two']) expect(cli(['set', 'openai_api_key', '--stdin'], {input: secret}).status).toBe(0);
    expect(cli(['set', 'flask_port', '5001']).status).toBe(0);
    chmodSync(path, 0o644);
    const doctor = JSON.parse(cli(['doctor', '--json', '--offline']).stdout) as {checks: {check: string; status: string; fix?: string}[]};
    expect(doctor.checks.find((c) => c.check === 'history secrets')).toMatchObject({status: 'warn', fix: expect.stringContaining('purge-history --secrets')});
    expect(cli(['purge-history']).status).toBe(2);
    const purged = cli(['purge-history', '--secrets']);
    expect(purged).toMatchObject({status: 0, stdout: 'removed 2 changes from the history\n'});
    const bytes = [path, `${path}-wal`]
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
    expect(bytes).not.toContain('sk-rotated-one');
    const history = JSON.parse(cli(['history', '--json']).stdout) as {action: string; scope?: string; key?: string}[];
    expect(history.map((h) => h.key ?? `purge ${h.scope}`)).toEqual(['purge secrets', 'flask_port']);
    expect(cli(['undo']).status).toBe(2);
    const after = JSON.parse(cli(['doctor', '--json', '--offline']).stdout) as {checks: {check: string}[]};
    expect(after.checks.map((c) => c.check)).not.toContain('history secrets');
    expect(cli(['purge-history', 'flask_port']).stdout).toBe('removed 1 change from the history\n');
  });

  it('records type and sensitivity changes by any writer, shows them in clear, keeps the value masked afterwards, and undoes them', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['set', 'notes', 'hunter2-once', '--type', 'string', '--sensitive']).status).toBe(0);
    // Another program lowers the flag, and changes the type; then the value changes in clear.
    sqlite3(path, `UPDATE system_config SET is_sensitive = 0 WHERE config_key = 'notes';`);
    sqlite3(path, `UPDATE system_config SET config_type = 'json', config_value = '"hunter2-json"' WHERE config_key = 'notes';`);
    const entries = JSON.parse(cli(['history', 'notes', '--json']).stdout) as {
      id: number;
      column: string | null;
      old_value: string | null;
      new_value: string | null;
      source: string;
    }[];
    const kinds = entries.filter((e) => e.column === 'is_sensitive' || e.column === 'config_type');
    expect(kinds.map((e) => [e.column, e.old_value, e.new_value, e.source])).toEqual([
      ['config_type', 'string', 'json', 'other'],
      ['is_sensitive', '1', '0', 'other'],
    ]);
    // The setting was secret once: its values stay masked in every history output.
    for (const args of [['history'], ['history', 'notes'], ['history', 'notes', '--json']]) expect(cli(args).stdout).not.toMatch(/hunter2/);
    expect(cli(['history', 'notes']).stdout).toMatch(/notes type +'string' -> 'json'/);
    // Undo puts a type back only when the value fits it, and the flag back as it was.
    const typeChange = kinds[0]!.id;
    const flagChange = kinds[1]!.id;
    expect(cli(['undo', String(flagChange)]).status).toBe(0);
    expect(sqlite3(path, `SELECT is_sensitive FROM system_config WHERE config_key = 'notes'`)).toBe('1');
    expect(cli(['undo', String(typeChange)]).status).toBe(0);
    expect(sqlite3(path, `SELECT config_type FROM system_config WHERE config_key = 'notes'`)).toBe('string');
    expect(cli(['set', 'flask_port', '5001']).status).toBe(0);
    sqlite3(path, `UPDATE system_config SET config_type = 'string', config_value = 'not-a-port' WHERE config_key = 'flask_port';`);
    const portType = (JSON.parse(cli(['history', 'flask_port', '--json']).stdout) as {id: number; column: string}[]).find((e) => e.column === 'config_type')!;
    const refused = cli(['undo', String(portType.id)]);
    expect(refused.status).toBe(2);
    expect(expectOneLine(refused.stderr)).toMatch(`change: ${portType.id} would put back a value that is not a valid integer; it cannot be undone`);
  });

  it('the classification that follows an insert is part of it, not a change, whoever inserts', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['list']).status).toBe(0);
    sqlite3(path, `DELETE FROM system_config WHERE config_key = 'openai_api_key';`);
    // The panel's way (INSERT OR REPLACE with its defaults): the catalogue makes it secret.
    sqlite3(path, `INSERT OR REPLACE INTO system_config (config_key, config_value) VALUES ('openai_api_key', 'sk-x'), ('smtp_pass', 'p');`);
    const history = JSON.parse(cli(['history', '--json']).stdout) as {key: string; column: string | null}[];
    expect(history.filter((e) => e.column === 'is_sensitive' || e.column === 'config_type')).toEqual([]);
    expect(sqlite3(path, `SELECT group_concat(is_sensitive) FROM system_config WHERE config_key IN ('openai_api_key', 'smtp_pass')`)).toBe('1,1');
  });

  it('is bounded in bytes: large values go oldest first, while each row keeps its newest small entries', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['set', 'history_max_bytes', '200000', '--type', 'integer']).status).toBe(0);
    expect(cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-rotated'}).status).toBe(0);
    // 60 values of 10 KB on throwaway rows: 1.2 MB of history against a 200 KB bound.
    const big = 'x'.repeat(10_000);
    const flood = Array.from(
      {length: 30},
      (_, i) =>
        `INSERT INTO system_config (config_key, config_value) VALUES ('junk_${i}', '${big}'); UPDATE system_config SET config_value = '${big}y' WHERE config_key = 'junk_${i}';`,
    );
    sqlite3(path, `BEGIN; ${flood.join('\n')} COMMIT;`);
    const sizeOfEntries = `SELECT sum(COALESCE(length(CAST(old_value AS BLOB)), 0) + COALESCE(length(CAST(new_value AS BLOB)), 0)) FROM config_history`;
    const bytes = Number(sqlite3(path, sizeOfEntries));
    expect(bytes).toBeLessThanOrEqual(200_000);
    // The counter agrees with the entries, and the small record of the key survived.
    expect(Number(sqlite3(path, 'SELECT bytes FROM sanctum_history_bytes'))).toBe(bytes);
    expect((JSON.parse(cli(['history', 'openai_api_key', '--json']).stdout) as unknown[]).length).toBe(1);
    // A wrong count written by another program heals at the next shrink and blocks nothing.
    sqlite3(path, 'UPDATE sanctum_history_bytes SET bytes = 9000000000;');
    expect(cli(['set', 'flask_port', '5002']).status).toBe(0);
    expect(Number(sqlite3(path, 'SELECT bytes FROM sanctum_history_bytes'))).toBe(Number(sqlite3(path, sizeOfEntries)));
    expect((JSON.parse(cli(['history', 'openai_api_key', '--json']).stdout) as unknown[]).length).toBe(1);
  });
});
