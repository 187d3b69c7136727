// Edges a script or another program reaches: an empty --db, ids other programs
// wrote (0, negative, 2^53-1), a malformed --if-unchanged-since.
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {cliFor, cliPath, expectOneLine, runCli} from '../helpers/run-cli.js';
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

  it('says when a secret travels in argv (init --set, --if-value), and refuses input that is not UTF-8', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    const init = cli(['init', '--non-interactive', '--no-probe', '--set', 'openai_api_key=sk-argv', '--set', 'flask_port=5001']);
    expect(init.status).toBe(0);
    expect(init.stderr).toMatch(/warning: the value of openai_api_key was given on the command line/);
    expect(init.stderr).not.toMatch(/flask_port/);
    const guarded = cli(['set', 'openai_api_key', '--stdin', '--if-value', 'sk-argv'], {input: 'sk-next'});
    expect(guarded.status).toBe(0);
    expect(expectOneLine(guarded.stderr)).toMatch(/warning: the current value \(--if-value\) of openai_api_key was given on the command line/);
    const before = snapshot(path);
    const bytes = spawnSync(process.execPath, [cliPath, '--db', path, 'set', 'anthropic_api_key', '--stdin'], {input: Buffer.from([0x61, 0xff, 0xfe, 0x62])});
    expect(bytes.status).toBe(2);
    expect(expectOneLine(bytes.stderr.toString())).toBe('sanctum-config: value of anthropic_api_key: is not valid UTF-8 text; nothing was changed');
    expect(snapshot(path)).toBe(before);
  });

  it('deep JSON gets its real reason, and a DNS label longer than 63 characters is refused', () => {
    const cli = cliFor(tempDbPath());
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const result = cli(['set', 'deep', deep, '--type', 'json']);
    expect(result.status).toBe(2);
    expect(expectOneLine(result.stderr)).toMatch(/deep: is JSON nested too deeply to store/);
    expect(cli(['server', 'add', '--address', `${'a'.repeat(64)}.example.org`]).status).toBe(2);
    expect(cli(['server', 'add', '--address', `${'a'.repeat(63)}.example.org`]).status).toBe(0);
  });

  it('--if-version is exact: of five scripts that read the same version, one writes and four are refused (exit 3)', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['list']).status).toBe(0);
    const version = (JSON.parse(cli(['server', 'list', '--json']).stdout) as {version: number}[])[0]!.version;
    const results = [8001, 8002, 8003, 8004, 8005].map((port) => cli(['server', 'set', '1', '--port', String(port), '--if-version', String(version)]).status);
    expect(results).toEqual([0, 3, 3, 3, 3]);
    const now = (JSON.parse(cli(['server', 'list', '--json']).stdout) as {version: number; port: number}[])[0]!;
    expect(now).toMatchObject({version: version + 1, port: 8001});
    // Another program's change counts too; a connection test's time does not.
    expect(
      spawnSync('sqlite3', [path], {
        input: 'UPDATE letta_server_config SET name = "x" WHERE id = 1; UPDATE letta_server_config SET last_connected_at = CURRENT_TIMESTAMP;',
      }).status,
    ).toBe(0);
    expect((JSON.parse(cli(['server', 'list', '--json']).stdout) as {version: number}[])[0]!.version).toBe(version + 2);
    expect(cli(['server', 'set', '1', '--port', '8010', '--if-version', 'soon']).status).toBe(2);
  });
});
