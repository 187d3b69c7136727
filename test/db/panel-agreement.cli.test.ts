// The panel's fields and ours say the same, whoever created the file: its
// Letta form (as its template shows it and its set_config_value saves it, one
// key at a time) against our server. Python's sqlite3 writes as the panel does.
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {panel} from '../helpers/python.js';
import {cliFor} from '../helpers/run-cli.js';
import {tempDbPath, tempDir} from '../helpers/temp-db.js';

const letta = ['letta_server_address', 'letta_server_port', 'letta_server_token', 'letta_connection_timeout', 'letta_server_active'];

function box(path = tempDbPath()) {
  const cli = cliFor(path);
  const server = () => JSON.parse(cli(['server', 'list', '--json', '--reveal']).stdout)[0] as Record<string, unknown>;
  const keys = () => letta.map((k) => panel('get', path, k));
  return {path, cli, server, keys};
}

describe('a file we created, beside the panel', () => {
  it("carries every key the panel's form reads, showing our server, and a form saved unchanged changes nothing", () => {
    const {path, cli, server, keys} = box();
    expect(cli(['server', 'set', '1', '--address', '127.0.0.1', '--port', '18284', '--password-stdin'], {input: 'pw-1'}).status).toBe(0);
    expect(keys()).toEqual(['http://127.0.0.1:18284', '18284', 'pw-1', '30', 'True']);
    const before = server();
    panel('form-save', path);
    expect(server()).toEqual(before);
    expect(keys()).toEqual(['http://127.0.0.1:18284', '18284', 'pw-1', '30', 'True']);
  });

  it('shows an inactive server unchecked, and saving the form unchanged leaves it inactive', () => {
    const {path, cli, server, keys} = box();
    expect(cli(['server', 'add', '--address', '10.0.0.2', '--port', '8284', '--activate']).status).toBe(0);
    expect(cli(['server', 'remove', '2']).status).toBe(0);
    expect(JSON.parse(cli(['server', 'list', '--json']).stdout).some((s: {active: boolean}) => s.active)).toBe(false);
    expect(keys()[4]).toBe('');
    panel('form-save', path);
    expect(panel('get', path, 'letta_server_active')).toBe('False');
    expect(JSON.parse(cli(['server', 'list', '--json']).stdout).some((s: {active: boolean}) => s.active)).toBe(false);
    panel('form-save', path, 'letta_server_active=True');
    expect(server()).toMatchObject({active: true});
  });

  it("reads every form of the panel's address; one it cannot use keeps the last good value, and doctor says why", () => {
    const {path, cli, server} = box();
    cli(['server', 'set', '1', '--address', '127.0.0.1', '--port', '8284']);
    const cases: [string, Record<string, unknown>][] = [
      ['letta.lan', {address: 'letta.lan', port: 8284}],
      ['https://letta.example.com/', {address: 'https://letta.example.com', port: 8284, url: 'https://letta.example.com:8284'}],
      ['http://10.0.0.5:9000', {address: '10.0.0.5', port: 9000}],
      ['http://10.0.0.6:9001/', {address: '10.0.0.6', port: 9001}],
      ['http://[::1]:9002', {address: '[::1]', port: 9002}],
    ];
    for (const [typed, expected] of cases) {
      panel('form-update', path, 'letta_server_address', typed);
      expect({typed, server: server()}).toMatchObject({typed, server: expected});
    }
    for (const unusable of ['bad host!', 'ftp://x', 'http://h:99999', 'http://user@h:80']) {
      panel('form-update', path, 'letta_server_address', unusable);
      expect(server()).toMatchObject({address: '[::1]', port: 9002});
      expect(panel('get', path, 'letta_server_address')).toBe(unusable);
      const doctor = JSON.parse(cli(['doctor', '--json', '--offline']).stdout) as {checks: {check: string; message: string}[]};
      expect(doctor.checks.find((c) => c.check === 'panel address')?.message).toMatch(/cannot be used .*server 1 keeps \[::1\]/);
    }
  });

  it("takes the port typed into the address over the form's port field saved after it, and the port field alone when only it changed", () => {
    const {path, cli, server, keys} = box();
    cli(['server', 'set', '1', '--address', '127.0.0.1', '--port', '8284']);
    panel('form-save', path, 'letta_server_address=http://127.0.0.1:9000');
    expect(server()).toMatchObject({port: 9000});
    expect(keys().slice(0, 2)).toEqual(['http://127.0.0.1:9000', '9000']);
    // A second later: the port field alone.
    spawnSync('sleep', ['6']);
    panel('form-save', path, 'letta_server_port=7000');
    expect(server()).toMatchObject({port: 7000});
    expect(keys().slice(0, 2)).toEqual(['http://127.0.0.1:7000', '7000']);
  }, 20_000);

  it('keeps one secret: the password, else the token, in the panel field, the connection test and the env file', () => {
    const {path, cli, server} = box();
    cli(['server', 'set', '1', '--token-stdin'], {input: 'tok-1'});
    expect(panel('get', path, 'letta_server_token')).toBe('tok-1');
    cli(['server', 'set', '1', '--password-stdin'], {input: 'pw-2'});
    expect(panel('get', path, 'letta_server_token')).toBe('pw-2');
    expect(server()).toMatchObject({uses: 'password'});
    expect(cli(['server', 'list']).stdout).toMatch(/\(unused\)/);
    panel('form-save', path, 'letta_server_token=pw-3');
    expect(server()).toMatchObject({password: 'pw-3', token: 'tok-1', uses: 'password'});
  });

  it("reads the panel's last_connected as the box's local time, and never writes it (its page fails on any value)", () => {
    const {path, cli, server} = box();
    expect(cli(['list']).status).toBe(0);
    const newYork = spawnSync(
      'python3',
      [
        '-c',
        `import sqlite3; c = sqlite3.connect('${path}'); c.execute("INSERT OR REPLACE INTO system_config (config_key, config_value) VALUES ('last_connected', '2026-11-27T06:10:11.123456')"); c.commit()`,
      ],
      {
        env: {...process.env, TZ: 'America/New_York'},
      },
    );
    expect(newYork.status).toBe(0);
    expect(server()).toMatchObject({last_connected_at: '2026-11-27T11:10:11Z'});
    cli(['server', 'set', '1', '--port', '8285']);
    expect(panel('get', path, 'last_connected')).toBe('2026-11-27T06:10:11.123456');
  });
});

describe("the panel's published API keys", () => {
  it('doctor warns while api_key or admin_key holds the default the panel ships', () => {
    const path = join(tempDir(), 'sanctum_ui.db');
    panel('create', path);
    // As the panel's installer writes them (its init_database.py).
    panel('form-update', path, 'api_key', 'ObeyG1ant');
    panel('form-update', path, 'admin_key', 'FreeUkra1ne');
    const cli = cliFor(path);
    const doctor = () => (JSON.parse(cli(['doctor', '--json', '--offline']).stdout) as {checks: {check: string; message: string}[]}).checks;
    expect(
      doctor()
        .filter((c) => c.check === 'panel API key')
        .map((c) => c.message),
    ).toEqual([
      "api_key still holds the panel's published default: anyone who reaches the panel's API can write this file",
      "admin_key still holds the panel's published default: anyone who reaches the panel's API can write this file",
    ]);
    cli(['set', 'api_key', '--stdin'], {input: 'a-new-key'});
    cli(['set', 'admin_key', '--stdin'], {input: 'another-key'});
    expect(doctor().filter((c) => c.check === 'panel API key')).toEqual([]);
  });
});

describe("writes that change nothing on the panel's file", () => {
  it('adopt nothing: refused or empty, the file stays byte-identical with nothing beside it; the first real change adopts it', () => {
    const path = join(tempDir(), 'sanctum_ui.db');
    panel('create', path);
    const bytes = readFileSync(path);
    const cli = cliFor(path);
    for (const args of [['set', 'nosuchkey', '1'], ['set', 'flask_port', 'abc'], ['server', 'remove', '99'], ['undo'], ['set', 'flask_port', '5000']]) {
      const result = cli(args);
      expect({args, same: readFileSync(path).equals(bytes), beside: readdirSync(join(path, '..'))}).toEqual({args, same: true, beside: ['sanctum_ui.db']});
      expect([0, 2]).toContain(result.status);
    }
    expect(cli(['set', 'flask_port', '5055']).status).toBe(0);
    expect(readdirSync(join(path, '..')).sort()).toEqual(['sanctum_ui.db', 'sanctum_ui.db.bak-v0']);
    expect(cli(['get', 'flask_port']).stdout).toBe('5055\n');
  });
});
