// Edges a script or another program reaches: an empty --db, ids other programs
// wrote (0, negative, 2^53-1), a malformed --if-unchanged-since.
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {cliFor, expectOneLine, runCli} from '../helpers/run-cli.js';
import {snapshot, tempDbPath} from '../helpers/temp-db.js';

describe('edges', () => {
  it('an empty --db is a usage error, never the default database', () => {
    for (const args of [
      ['--db', '', 'get', 'flask_port'],
      ['--db=', 'list'],
      ['--db', '', 'set', 'flask_port', '1'],
    ]) {
      const result = runCli(args, {env: {HOME: '/nonexistent-home', SANCTUM_CONFIG_DB: undefined}});
      expect({args, status: result.status}).toEqual({args, status: 2});
      expect(expectOneLine(result.stderr)).toBe('sanctum-config: --db needs a path; it was empty');
    }
  });

  it('servers at ids other programs wrote (0, negative, the largest exact one) are listed, changed and removed', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['list']).status).toBe(0);
    const sql = `INSERT INTO letta_server_config (id, server_address, server_port, is_active) VALUES (0, 'h0', 1, 0), (-3, 'hneg', 2, 0), (9007199254740991, 'hmax', 3, 0);`;
    expect(spawnSync('sqlite3', [path], {input: sql}).status).toBe(0);
    const ids = () => (JSON.parse(cli(['server', 'list', '--json']).stdout) as {id: number}[]).map((s) => s.id).sort((a, b) => a - b);
    expect(ids()).toEqual([-3, 0, 1, 9007199254740991]);
    expect(cli(['server', 'set', '9007199254740991', '--port', '8284']).status).toBe(0);
    expect(cli(['server', 'set', '-3', '--name', 'negative']).status).toBe(0);
    for (const id of ['0', '-3', '9007199254740991']) expect({id, status: cli(['server', 'remove', id]).status}).toEqual({id, status: 0});
    expect(ids()).toEqual([1]);
    const beyond = cli(['server', 'remove', '9007199254740993']);
    expect(beyond.status).toBe(2);
  });

  it('--if-unchanged-since takes only a time as updated_at holds it (exit 2, nothing changed)', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['list']).status).toBe(0);
    const before = snapshot(path);
    for (const bad of ['garbage', '2026-13-45 99:99:99', '', '9999']) {
      const result = cli(['server', 'set', '1', '--port', '8284', '--if-unchanged-since', bad]);
      expect({bad, status: result.status}).toEqual({bad, status: 2});
    }
    expect(snapshot(path)).toBe(before);
    const updatedAt = (JSON.parse(cli(['server', 'list', '--json']).stdout) as {updated_at: string}[])[0]!.updated_at;
    expect(cli(['server', 'set', '1', '--port', '8284', '--if-unchanged-since', updatedAt]).status).toBe(0);
    const now = (JSON.parse(cli(['server', 'list', '--json']).stdout) as {updated_at: string}[])[0]!.updated_at;
    expect(cli(['server', 'set', '1', '--port', '8285', '--if-unchanged-since', now.replace(' ', 'T')]).status).toBe(0);
  });
});
