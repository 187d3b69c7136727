import {spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {openConfigStore} from '../../src/repo/index.js';
import {cliFor, cliPath, expectOneLine} from '../helpers/run-cli.js';
import {sourcedBy} from '../helpers/env-readers.js';
import {keys, renderApp} from '../helpers/render-app.js';
import {snapshot, tempDbPath, tempDir} from '../helpers/temp-db.js';

/** Sequences that would act on a terminal: clear screen, OSC 52 clipboard, bell, a bare CSI. */
const osc52 = '\u001b]52;c;ZWNobyBwd25lZA==\u0007';
const clear = '\u001b[2J';
const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A database another program filled with control characters in every column of every row it could. */
function hostileDatabase(): string {
  const path = tempDbPath();
  cliFor(path)(['list']);
  const db = new Sqlite(path);
  db.prepare(`INSERT INTO system_config (config_key, config_value, config_type, description, is_sensitive, category)
              VALUES (?, ?, ?, ?, 0, ?)`).run(`evil${clear}key`, `v${osc52}`, `str${clear}ing`, `d${osc52}`, `cat${osc52}`);
  db.prepare(`UPDATE system_config SET description = ? WHERE config_key = 'flask_port'`).run(`port${clear}`);
  db.prepare(`INSERT INTO letta_server_config (name, server_address, server_port, connection_timeout, is_active, last_connected_at)
              VALUES (?, ?, ?, ?, 0, ?)`).run(`name${clear}`, `host${osc52}`, 8080, `30${clear}`, `2026${osc52}`);
  db.close();
  return path;
}

const opened: {unmount: () => void}[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.unmount();
});

describe('values from the database are data, never terminal commands', () => {
  it('reach no human output path raw: list, server list, env comments, errors', () => {
    const cli = cliFor(hostileDatabase());
    for (const args of [
      ['list'],
      ['list', '--reveal'],
      ['server', 'list'],
      ['server', 'list', '--reveal'],
      ['export', '--format', 'env'],
      ['export', '--format', 'dotenv'],
      ['export', '--format', 'docker'],
      ['server', 'test', '2'],
      ['list', '--category', `cat${osc52}`],
    ]) {
      const result = cli(args);
      expect([args.join(' '), rawControl.test(result.stdout) || rawControl.test(result.stderr)]).toEqual([args.join(' '), false]);
    }
    expect(cli(['list']).stdout).toContain('evil\\x1b[2Jkey');
    // Machine-readable output keeps them, escaped by JSON.
    expect(cli(['list', '--json']).stdout).toContain('evil\\u001b[2Jkey');
  });

  it("reach the app's tab bar, table and detail line escaped; editing such a value is refused", async () => {
    const store = openConfigStore(hostileDatabase());
    const app = await renderApp({store}, {columns: 120, rows: 24});
    opened.push(app);
    const frames: string[] = [app.frame()];
    for (const key of ['5', keys.down, '6', keys.down, keys.enter]) {
      await app.press(key);
      frames.push(app.frame());
    }
    for (const frame of frames) expect(rawControl.test(frame.replace(/\u001b\[[0-9;]*m/g, ''))).toBe(false);
    expect(frames.join('\n')).toContain('Cat\\x1b]52');
    expect(app.frame()).toMatch(/name or address holds control characters; change it with sanctum-config server set 2/);
    expect(app.controls.join('')).not.toContain(']52;c;ZWNobyBwd25lZA');
  });

  it("exports a name only from the catalogue or an operator's checked choice: planted rows and steering names never become variables", () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-ours'}).status).toBe(0);
    // Rows another program inserted, named after variables that run code or turn off checks.
    const planted = [
      'path',
      'ld_preload',
      'node_options',
      'bash_env',
      'ps0',
      'lessopen',
      'viminit',
      'tar_options',
      'openssl_conf',
      'node_tls_reject_unauthorized',
      'pythonpath',
      'letta_api_key',
      'Openai_Api_Key',
      'OPENAI_API_KEY',
    ];
    const insert = planted.map((k) => `INSERT OR IGNORE INTO system_config (config_key, config_value) VALUES ('${k}', 'planted-$(touch /tmp/x)');`).join(' ');
    spawnSync('sqlite3', [path, insert]);
    const result = cli(['export', '--format', 'env', '--reveal']);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/planted/);
    const env = sourcedBy('dash', result.stdout);
    expect(env.OPENAI_API_KEY).toBe('sk-ours');
    // An operator may not choose such a name either (exit 2, nothing stored)...
    for (const name of [
      'PS0',
      'LESSOPEN',
      'VIMINIT',
      'TAR_OPTIONS',
      'OPENSSL_CONF',
      'NODE_TLS_REJECT_UNAUTHORIZED',
      'LD_PRELOAD',
      'BASH_ENV',
      'PATH',
      'LETTA_API_KEY',
      'http_proxy',
    ]) {
      const chosen = cli(['env-file', 'name', 'openai_api_key', name]);
      expect({name, status: chosen.status}).toEqual({name, status: 2});
    }
    // ... nor take a name another setting carries, in any case.
    expect(cli(['set', 'my_tool_home', '/opt/tool', '--type', 'string']).status).toBe(0);
    expect(cli(['env-file', 'name', 'my_tool_home', 'openai_api_key']).status).toBe(2);
    expect(cli(['env-file', 'name', 'my_tool_home', 'MY_TOOL_HOME']).status).toBe(0);
    expect(sourcedBy('dash', cli(['export', '--format', 'env']).stdout).MY_TOOL_HOME).toBe('/opt/tool');
    // A choice planted in our own table is checked again on every export: left out, with a warning.
    spawnSync('sqlite3', [path, "INSERT INTO sanctum_env_names (config_key, env_name) VALUES ('path', 'PS0'), ('lessopen', 'Openai_Api_Key');"]);
    const again = cli(['export', '--format', 'env', '--reveal']);
    expect(again.stdout).not.toMatch(/planted|^export PS0=/m);
    expect(again.stderr).toMatch(/warning: path: left out, PS0 would steer a shell/);
    expect(again.stderr).toMatch(/warning: lessopen: left out, Openai_Api_Key already carries openai_api_key/);
  });

  it('keep the CLI usable with a 10 MB value: list shows a slice, get gives it whole', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    const big = 'x'.repeat(10 * 1024 * 1024);
    expect(cli(['set', 'huge', '--type', 'string', '--stdin'], {input: big}).status).toBe(0);
    const list = cli(['list']);
    expect(list.stdout.length).toBeLessThan(4096);
    expect(list.stdout).toMatch(/huge\s+x{120}\.\.\. \(10485760 characters; get huge\)/);
    const got = spawnSync(process.execPath, [cliPath, '--db', path, 'get', 'huge'], {maxBuffer: 32 * 1024 * 1024, encoding: 'utf8'});
    expect(got.stdout.length).toBe(big.length + 1);
  });

  it('open a 200 KB value in the app without hanging: the editor refuses it and points at --stdin', async () => {
    const store = openConfigStore(tempDbPath());
    store.settings.add({key: 'long_text', type: 'string', value: 'y'.repeat(200 * 1024), category: 'general'});
    const app = await renderApp({store}, {columns: 140, rows: 24});
    opened.push(app);
    await app.press('4', keys.end, keys.enter);
    expect(app.frame()).toMatch(/long_text is longer than 4096 characters \(204800\); change it with sanctum-config set long_text --stdin/);
    await app.press('q');
  });
});

describe('hostile input files and arguments', () => {
  it('quotes a position, never content, for bad JSON; refuses invalid UTF-8 and deep nesting with exit 2', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    cli(['list']);
    const before = snapshot(path);
    const dir = tempDir();
    const cases: [string, Buffer | string, RegExp][] = [
      ['bad.json', '{"settings": [{"key": "openai_api_key", "value": "sk-TOPSECRET-123" oops}]}', /bad\.json is not valid JSON at line 1, column \d+/],
      ['latin1.json', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]), /latin1\.json is not valid UTF-8/],
      ['deep.json', `{"settings": ${'['.repeat(20000)}${']'.repeat(20000)}}`, /deep\.json is nested more than 64 levels deep/],
      ['ids.json', '{"servers": [{"id": 1e20, "address": "h"}]}', /\/servers\/0\/id: must be <= 9007199254740991/],
      ['timeout.json', '{"servers": [{"id": 5, "address": "h", "timeout": 1e300}]}', /connection_timeout: must be a whole number of seconds from 1 to 3600/],
      ['userinfo.json', '{"servers": [{"id": 5, "address": "http://u:p@h"}]}', /must not contain a user name or password/],
    ];
    for (const [name, content, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, content);
      const result = cli(['import', file]);
      expect([name, result.status]).toEqual([name, 2]);
      expect(expectOneLine(result.stderr)).toMatch(message);
      expect(result.stderr).not.toContain('TOPSECRET');
    }
    expect(snapshot(path)).toBe(before);
  });

  it('holds one rule for addresses: what validation accepts, the URL builder and the test can use', () => {
    const cli = cliFor(tempDbPath());
    for (const bad of ['http://user:pw@host', 'host name', '[::1', '[not-v6]', 'http://host/path', 'host:8080', 'ftp://host', 'a\u0007b']) {
      const result = cli(['server', 'add', '--address', bad]);
      expect([bad, result.status]).toEqual([bad, 2]);
      expectOneLine(result.stderr);
    }
    for (const [good, url] of [
      ['::1', 'http://[::1]:8080'],
      ['[fe80::1]', 'http://[fe80::1]:8080'],
      ['https://Letta.LAN/', 'https://letta.lan:8080'],
      ['127.0.0.1', 'http://127.0.0.1:8080'],
    ] as [string, string][]) {
      const added = cli(['server', 'add', '--address', good]);
      expect(added.status).toBe(0);
      const id = /added server (\d+)/.exec(added.stdout)![1]!;
      const server = JSON.parse(cli(['server', 'list', '--json']).stdout).find((s: {id: number}) => String(s.id) === id);
      expect(server.url.toLowerCase()).toBe(url);
    }
  });

  it('refuses LETTA_SERVER_URL with user info or a path instead of dropping them', () => {
    for (const url of ['http://admin:pw@127.0.0.1:8284', 'http://127.0.0.1:8284/v1', 'http://127.0.0.1:8284/?x=1']) {
      const path = tempDbPath();
      const result = cliFor(path)(['init', '--from-env', '--no-probe'], {env: {LETTA_SERVER_URL: url}});
      expect(result.status).toBe(2);
      expect(expectOneLine(result.stderr)).toMatch(/^sanctum-config: LETTA_SERVER_URL: must/);
    }
  });

  it('warns when a secret travels in argv, not when it comes on stdin', () => {
    const cli = cliFor(tempDbPath());
    const argv = cli(['set', 'openai_api_key', 'sk-in-argv']);
    expect(argv.status).toBe(0);
    expect(argv.stderr).toMatch(/warning: the value of openai_api_key was given on the command line, where other users can see it; use --stdin/);
    expect(cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-quiet'}).stderr).toBe('');
    expect(cli(['set', 'github_token', 'x', '--type', 'string']).stderr).toMatch(/warning: the value of github_token/);
    expect(cli(['set', 'flask_port', '5001']).stderr).toBe('');
  });

  it('refuses a connection timeout outside 1-3600 s everywhere', () => {
    const cli = cliFor(tempDbPath());
    for (const timeout of ['0', '3601', '2147483648', '1e3']) {
      const result = cli(['server', 'set', '1', '--timeout', timeout]);
      expect([timeout, result.status]).toEqual([timeout, 2]);
    }
    expect(cli(['server', 'set', '1', '--timeout', '3600']).status).toBe(0);
  });
});

describe('secrets whatever their type', () => {
  it('an export without --reveal of integer and JSON secrets imports into a fresh database, not set', () => {
    const source = cliFor(tempDbPath());
    source(['set', 'pin_code', '--type', 'integer', '--sensitive', '--stdin'], {input: '1234'});
    source(['set', 'vault_json', '--type', 'json', '--sensitive', '--stdin'], {input: '{"a":1}'});
    const file = join(tempDir(), 'plain.json');
    expect(source(['export', '--output', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toMatch(/1234|"a":1/);
    const target = cliFor(tempDbPath());
    const imported = target(['import', file]);
    expect(imported.status).toBe(0);
    const pin = JSON.parse(target(['list', '--json']).stdout).find((s: {key: string}) => s.key === 'pin_code');
    expect(pin).toMatchObject({type: 'integer', sensitive: true, value: null});
  });

  it("the app's add form never echoes an invalid secret value", async () => {
    const store = openConfigStore(tempDbPath());
    const app = await renderApp({store}, {columns: 140, rows: 24});
    opened.push(app);
    await app.press('4', 'a');
    await app.type('api_token');
    await app.press(keys.enter, keys.down, keys.enter);
    await app.press(keys.enter);
    await app.type('SECRET-not-a-number');
    await app.press(keys.enter);
    expect(app.frame()).not.toContain('SECRET-not-a-number');
    expect(app.frame()).toMatch(/api_token: is not a valid integer/);
  });
});
