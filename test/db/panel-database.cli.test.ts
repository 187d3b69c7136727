import {createHash} from 'node:crypto';
import {existsSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {openConfigStore} from '../../src/repo/index.js';
import {looksSecret} from '../../src/repo/secret-keys.js';
import {renderApp} from '../helpers/render-app.js';
import {cliFor} from '../helpers/run-cli.js';
import {panel} from '../helpers/python.js';
import {tempDir} from '../helpers/temp-db.js';

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const panelSecrets = ['pk-panel-api-7f3a', 'ak-panel-admin-91c2', 'tok-letta-5e8d'];

function panelBox() {
  const path = join(tempDir(), 'sanctum_ui.db');
  panel('create', path);
  const cli = cliFor(path);
  const settings = () =>
    JSON.parse(cli(['list', '--json']).stdout) as {
      key: string;
      value: unknown;
      sensitive: boolean;
      category: string;
      type: string;
      redacted?: boolean;
      invalid?: string;
    }[];
  const servers = () => JSON.parse(cli(['server', 'list', '--json']).stdout) as Record<string, unknown>[];
  const setting = (key: string) => settings().find((s) => s.key === key);
  return {path, cli, settings, servers, setting};
}

function rows(path: string, sql: string): unknown[] {
  const db = new Sqlite(path, {readonly: true});
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe("the Sanctum control panel's database", () => {
  it('is read by every reading command without being converted', () => {
    const box = panelBox();
    const before = hash(box.path);
    const settings = box.settings();
    expect(settings).toHaveLength(16);
    for (const key of ['api_key', 'admin_key', 'letta_server_token', 'openai_api_key', 'anthropic_api_key']) {
      expect(settings.find((s) => s.key === key)).toMatchObject({sensitive: true});
    }
    expect(box.setting('flask_port')).toMatchObject({value: 5000, type: 'integer', category: 'ports'});
    expect(box.servers()).toEqual([
      expect.objectContaining({address: 'https://localhost', port: 443, url: 'https://localhost:443', token: null, redacted: true, active: true}),
    ]);
    const plain = [box.cli(['list']).stdout, box.cli(['list', '--json']).stdout, box.cli(['export', '--format', 'env']).stdout].join('\n');
    for (const secret of panelSecrets) expect(plain).not.toContain(secret);
    expect(hash(box.path)).toBe(before);
    expect(existsSync(`${box.path}-wal`) || existsSync(`${box.path}.bak-v0`)).toBe(false);
  });

  it("is adopted on the first write by additions only, with a 0600 backup, leaving the panel's tables alone", () => {
    const box = panelBox();
    const panelTables = rows(box.path, `SELECT name, sql FROM sqlite_master WHERE name <> 'system_config' ORDER BY name`);
    expect(box.cli(['set', 'flask_port', '5050']).status).toBe(0);
    expect(statSync(`${box.path}.bak-v0`).mode & 0o777).toBe(0o600);
    const after = rows(box.path, `SELECT name, sql FROM sqlite_master WHERE name <> 'system_config' ORDER BY name`);
    for (const table of panelTables) expect(after).toContainEqual(table);
    expect(rows(box.path, 'SELECT version FROM schema_version')).toEqual([{version: 1}]);
    expect(rows(box.path, 'PRAGMA journal_mode')).toEqual([{journal_mode: 'delete'}]);
    const columns = rows(box.path, `SELECT name, "notnull" AS nn FROM pragma_table_info('system_config')`);
    expect(columns).toContainEqual({name: 'config_value', nn: 1});
    expect(columns.map((c) => (c as {name: string}).name)).toEqual(expect.arrayContaining(['config_type', 'is_sensitive', 'category']));
    // The design's query finds the panel's secrets.
    const keys = rows(box.path, `SELECT config_key FROM system_config WHERE category = 'api_keys' AND is_sensitive = true`).map(
      (r) => (r as {config_key: string}).config_key,
    );
    expect(keys).toEqual(expect.arrayContaining(['api_key', 'admin_key', 'openai_api_key', 'anthropic_api_key']));
    expect(panel('get', box.path, 'flask_port')).toBe('5050');
  });

  it("keeps secrets masked and both server views in step through the panel's own writes", () => {
    const box = panelBox();
    expect(box.cli(['set', 'smcp_port', '9001']).status).toBe(0);
    panel('bridge-replace', box.path, 'openai_api_key', 'sk-live-bridge-1');
    panel('bridge-replace', box.path, 'api_key', 'pk-replaced-2');
    panel('form-insert', box.path, 'slack_bot_token', 'xoxb-form-3');
    panel('form-update', box.path, 'letta_server_address', 'http://127.0.0.1');
    panel('form-update', box.path, 'letta_server_port', '8284');
    panel('bridge-replace', box.path, 'letta_server_token', 'tok-bridge-4');
    panel('form-update', box.path, 'letta_connection_timeout', '12');
    panel('bridge-replace', box.path, 'last_connected', '2026-11-27T06:10:11.123456');
    for (const key of ['openai_api_key', 'api_key', 'slack_bot_token', 'letta_server_token']) {
      expect(box.setting(key)).toMatchObject({sensitive: true, value: null, redacted: true});
    }
    expect(box.setting('openai_api_key')).toMatchObject({category: 'api_keys', type: 'string'});
    const outputs = [
      box.cli(['list']).stdout,
      box.cli(['list', '--json']).stdout,
      box.cli(['export', '--format', 'env']).stdout,
      box.cli(['export']).stdout,
      box.cli(['server', 'list']).stdout,
      box.cli(['server', 'list', '--json']).stdout,
    ].join('\n');
    for (const secret of ['sk-live-bridge-1', 'pk-replaced-2', 'xoxb-form-3', 'tok-bridge-4']) expect(outputs).not.toContain(secret);
    // The panel's "token/password" field is the server's one secret: its password.
    expect(box.servers()[0]).toMatchObject({
      address: '127.0.0.1',
      port: 8284,
      timeout: 12,
      active: true,
      last_connected_at: '2026-11-27T06:10:11Z',
      redacted: true,
      uses: 'password',
    });
    expect(JSON.parse(box.cli(['server', 'list', '--json', '--reveal']).stdout)[0].password).toBe('tok-bridge-4');

    // Python's None and False, as the panel's form writes them.
    panel('form-update', box.path, 'letta_server_token', 'None');
    expect(box.servers()[0]).toMatchObject({password: null, token: null});
    panel('form-update', box.path, 'letta_server_active', 'False');
    expect(box.servers()[0]).toMatchObject({active: false});
    panel('form-update', box.path, 'letta_server_active', 'True');
    expect(box.servers()[0]).toMatchObject({active: true});

    // Ours -> the panel's keys, in its formats; never NULL in its NOT NULL column.
    expect(box.cli(['server', 'set', '1', '--address', '10.0.0.7', '--port', '8283', '--timeout', '20']).status).toBe(0);
    expect([
      panel('get', box.path, 'letta_server_address'),
      panel('get', box.path, 'letta_server_port'),
      panel('get', box.path, 'letta_connection_timeout'),
      panel('get', box.path, 'last_connected'),
      // The form with which the panel's own Test Connection reaches the server; its last_connected is never
      // written by us (its settings page fails on any value there).
    ]).toEqual(['http://10.0.0.7:8283', '8283', '20', '2026-11-27T06:10:11.123456']);
    // A test of the old address proves nothing about the new one.
    expect(box.servers()[0]).toMatchObject({last_connected_at: null});
    expect(box.cli(['server', 'add', '--address', 'letta.lan', '--port', '8080', '--activate']).status).toBe(0);
    expect(panel('get', box.path, 'letta_server_address')).toBe('http://letta.lan:8080');
    expect(panel('get', box.path, 'letta_server_token')).toBe('None'); // the panel's own 'None' means no secret, as ours: left as it was
    expect(box.cli(['server', 'remove', '2']).status).toBe(0);
    // No active server: '' (the panel's template checks the box for any other text).
    expect(panel('get', box.path, 'letta_server_active')).toBe('');
  });

  it('shows a value that does not fit its type as invalid and does not export it', () => {
    const box = panelBox();
    expect(box.cli(['set', 'smcp_port', '8001']).status).toBe(0);
    panel('form-update', box.path, 'letta_server_port', 'abc');
    panel('form-update', box.path, 'smcp_port', 'None');
    expect(box.setting('smcp_port')).toMatchObject({invalid: 'not a valid port'});
    expect(box.cli(['list']).stdout).toMatch(/smcp_port\s+None \(invalid: not a valid port\)/);
    const env = box.cli(['export', '--format', 'env']);
    expect(env.stdout).not.toMatch(/^export MCP_PORT=/m);
    expect(env.stderr).toMatch(/MCP_PORT: left out, the stored value is not a valid port/);
    // The server keeps its last good port.
    expect(box.servers()[0]).toMatchObject({port: 443});
  });

  it('classifies inside SQLite by the same secret-name rule as the program', () => {
    const box = panelBox();
    box.cli(['set', 'flask_port', '5001']); // a write that changes something adopts the file
    const names = [
      'github_token',
      'DB_PASSWORD',
      'ssh_key',
      'key',
      'client_secret',
      'aws_credentials',
      'ssh_key_path',
      'keyboard',
      'monkey',
      'tokenizer_path',
      'passwd_file',
      'flask_host',
      // Real names that the first rule listed in clear, and near misses that are not secrets.
      'mcp_api_keys',
      'smtp_pass',
      'letta_pw',
      'apikey',
      'private_key_pem',
      'db_passphrase',
      'SMTP-PASSWORD',
      'redis.pwd',
      'tls_cert',
      'aws_creds',
      'stripe_api_key',
      'passenger_count',
      'compass_heading',
      'backup_base_path',
      'log_data_path',
      'max_line_length',
      'hotkey_layout',
      'cert_dir_owner',
    ];
    for (const name of names) panel('form-insert', box.path, name, 'v');
    const flagged = new Map(
      rows(box.path, `SELECT config_key, is_sensitive FROM system_config`).map((r) => {
        const row = r as {config_key: string; is_sensitive: number};
        return [row.config_key, row.is_sensitive === 1];
      }),
    );
    for (const name of names) expect([name, flagged.get(name)]).toEqual([name, looksSecret(name)]);
    expect(names.filter(looksSecret)).toEqual([
      'github_token',
      'DB_PASSWORD',
      'ssh_key',
      'key',
      'client_secret',
      'aws_credentials',
      'tokenizer_path',
      'passwd_file',
      'mcp_api_keys',
      'smtp_pass',
      'letta_pw',
      'apikey',
      'private_key_pem',
      'db_passphrase',
      'SMTP-PASSWORD',
      'redis.pwd',
      'tls_cert',
      'aws_creds',
      'stripe_api_key',
      'cert_dir_owner',
    ]);
  });
});

describe("the app on the panel's database", () => {
  it("opens it, masks the panel's secrets and shows its Letta connection as the active server", async () => {
    const box = panelBox();
    const store = openConfigStore(box.path);
    const app = await renderApp({store}, {columns: 100, rows: 24});
    try {
      const first = app.frame();
      // The panel's letta_server_* keys get no tab: the Servers tab edits the server they mirror.
      expect(first.split('\n')[0]).toMatch(/API Keys.*Paths.*Ports.*General\s+5 Servers/);
      expect(first).toMatch(/api_key\s+(\* )?\*{8}/);
      for (const secret of panelSecrets) expect(first).not.toContain(secret);
      await app.press('5');
      expect(app.frame()).toContain('https://localhost');
      expect(app.frame()).toMatch(/\*\s+1\s/);
      for (const secret of panelSecrets) expect(app.frame()).not.toContain(secret);
    } finally {
      app.unmount();
      store.close();
    }
  });
});
