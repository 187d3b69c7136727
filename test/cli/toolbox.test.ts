import {chmodSync, readFileSync, writeFileSync} from 'node:fs';
import {type AddressInfo, createServer} from 'node:net';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {startFakeLetta} from '../helpers/fake-letta.js';
import {cliFor} from '../helpers/run-cli.js';
import {tempDbPath, tempDir} from '../helpers/temp-db.js';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {cliPath} from '../helpers/run-cli.js';

const json = (text: string) => JSON.parse(text) as {changed: boolean; changes: Record<string, unknown>[]};

describe('--json on writing commands: what changed, for configuration management', () => {
  it('says changed: true once and false when the database already holds the state, secrets named but never shown', () => {
    const cli = cliFor(tempDbPath());
    const first = json(cli(['set', 'flask_port', '5050', '--json']).stdout);
    expect(first).toEqual({ok: true, changed: true, changes: [{setting: 'flask_port', action: 'updated', fields: ['value'], from: '5000', to: '5050'}]});
    expect(json(cli(['set', 'flask_port', '5050', '--json']).stdout)).toEqual({ok: true, changed: false, changes: []});
    const secret = cli(['set', 'openai_api_key', '--stdin', '--json'], {input: 'sk-hidden-1'});
    expect(json(secret.stdout)).toEqual({ok: true, changed: true, changes: [{setting: 'openai_api_key', action: 'updated', fields: ['value']}]});
    expect(secret.stdout).not.toContain('sk-hidden-1');
    expect(json(cli(['set', 'web_port', '8088', '--type', 'integer', '--category', 'ports', '--json']).stdout).changes[0]).toMatchObject({
      setting: 'web_port',
      action: 'added',
      to: '8088',
    });
    expect(json(cli(['unset', 'web_port', '--json']).stdout)).toEqual({
      ok: true,
      changed: true,
      changes: [{setting: 'web_port', action: 'removed', fields: []}],
    });
    const again = cli(['unset', 'web_port', '--json']);
    expect([again.status, json(again.stdout)]).toEqual([0, {ok: true, changed: false, changes: []}]);
  });

  it('reports server commands, init and import the same way', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    expect(json(cli(['server', 'set', '1', '--port', '8284', '--json']).stdout).changes).toEqual([{server_id: 1, action: 'updated', fields: ['port']}]);
    expect(json(cli(['server', 'set', '1', '--port', '8284', '--json']).stdout).changed).toBe(false);
    const added = json(cli(['server', 'add', '--address', '10.0.0.2', '--password-stdin', '--json'], {input: 'pw-x'}).stdout);
    expect(added.changes).toEqual([{server_id: 2, action: 'added', fields: ['name', 'address', 'port', 'password', 'token', 'timeout', 'active']}]);
    expect(JSON.stringify(added)).not.toContain('pw-x');
    expect(json(cli(['server', 'activate', '2', '--json']).stdout).changes).toEqual([
      {server_id: 1, action: 'updated', fields: ['active']},
      {server_id: 2, action: 'updated', fields: ['active']},
    ]);
    expect(json(cli(['server', 'activate', '2', '--json']).stdout).changed).toBe(false);
    expect(json(cli(['init', '--set', 'environment=production', '--no-probe', '--json']).stdout).changes).toEqual([
      {setting: 'environment', action: 'updated', fields: ['value'], from: 'development', to: 'production'},
    ]);
    expect(json(cli(['init', '--set', 'environment=production', '--no-probe', '--json']).stdout).changed).toBe(false);
    const file = join(tempDir(), 'e.json');
    cli(['export', '--reveal', '--output', file]);
    expect(json(cli(['import', file, '--json']).stdout).changed).toBe(false);
    cli(['set', 'smcp_port', '9001']);
    expect(json(cli(['import', file, '--dry-run', '--json']).stdout).changes).toEqual([
      {setting: 'smcp_port', action: 'updated', fields: ['value'], from: '9001', to: '9000'},
    ]);
    expect(cli(['get', 'smcp_port']).stdout).toBe('9001\n');
    expect(json(cli(['server', 'remove', '2', '--json']).stdout).changes).toEqual([{server_id: 2, action: 'removed', fields: []}]);
    expect(json(cli(['server', 'remove', '2', '--json']).stdout).changed).toBe(false);
  });
});

type Report = {ok: boolean; checks: {check: string; status: string; message: string; fix?: string}[]};
const doctor = async (db: string, ...args: string[]): Promise<{code: number; report: Report}> => {
  try {
    const {stdout} = await promisify(execFile)(process.execPath, [cliPath, '--db', db, 'doctor', '--json', ...args]);
    return {code: 0, report: JSON.parse(stdout) as Report};
  } catch (error) {
    const failed = error as {code: number; stdout: string};
    return {code: failed.code, report: JSON.parse(failed.stdout) as Report};
  }
};
const statusOf = (report: Report, check: string) => report.checks.filter((c) => c.check === check).map((c) => c.status);

describe('doctor', () => {
  it('passes a healthy box and its Letta, and fails on what breaks it, each with the fix to type', async () => {
    const letta = await startFakeLetta({password: 'pw'});
    try {
      const db = tempDbPath();
      const cli = cliFor(db);
      chmodSync(dirname(db), 0o700);
      cli(['server', 'set', '1', '--address', '127.0.0.1', '--port', String(letta.port), '--password-stdin'], {input: 'pw'});
      // Made by commands, never set up: said (the app offers the setup), until init says it is done.
      const unset = await doctor(db);
      expect(statusOf(unset.report, 'setup')).toEqual(['warn']);
      expect(unset.report.checks.find((c) => c.check === 'setup')?.fix).toMatch(/sanctum-config init/);
      expect(cli(['init', '--non-interactive']).status).toBe(0);
      const healthy = await doctor(db);
      expect(healthy.code).toBe(0);
      expect(healthy.report.ok).toBe(true);
      expect(healthy.report.checks.every((c) => c.status === 'ok')).toBe(true);

      chmodSync(db, 0o644);
      const raw = new Sqlite(db);
      raw.prepare(`UPDATE system_config SET config_value = 'abc' WHERE config_key = 'flask_port'`).run();
      raw.prepare(`UPDATE letta_server_config SET is_active = 0`).run();
      raw.close();
      const sick = await doctor(db, '--offline');
      expect(sick.code).toBe(1);
      expect(statusOf(sick.report, 'file mode')).toEqual(['fail']);
      expect(sick.report.checks.find((c) => c.check === 'file mode')!.fix).toMatch(/^chmod 600 /);
      expect(statusOf(sick.report, 'active server')).toEqual(['fail']);
      expect(sick.report.checks.find((c) => c.check === 'setting value')).toMatchObject({status: 'fail', message: 'flask_port is not a valid port'});
      expect(statusOf(sick.report, 'connection')).toEqual([]);
      // A file kept read-only on purpose is told to stay read-only.
      chmodSync(db, 0o444);
      expect((await doctor(db, '--offline')).report.checks.find((c) => c.check === 'file mode')!.fix).toMatch(/^chmod 400 /);
      chmodSync(db, 0o600);
    } finally {
      await letta.close();
    }
  });

  it('gives each kind of connection failure its own fix', async () => {
    const letta = await startFakeLetta({password: 'right'});
    try {
      const db = tempDbPath();
      const cli = cliFor(db);
      cli(['init', '--non-interactive']);
      cli(['server', 'set', '1', '--address', '127.0.0.1', '--port', String(letta.port), '--password-stdin'], {input: 'wrong'});
      const refused = (await doctor(db)).report.checks.find((c) => c.check === 'connection')!;
      expect(refused).toMatchObject({status: 'fail', fix: expect.stringContaining('--password-stdin')});
      // A port nothing listens on (taken, then let go).
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const closed = (probe.address() as AddressInfo).port;
      await new Promise((resolve) => probe.close(resolve));
      cli(['server', 'set', '1', '--port', String(closed)]);
      const down = (await doctor(db)).report.checks.find((c) => c.check === 'connection')!;
      expect(down.fix).toMatch(new RegExp(`^start Letta \\(letta server --port ${closed}\\)`));
      expect(down.fix).not.toBe(refused.fix);
    } finally {
      await letta.close();
    }
  });

  it('warns about a server that checks no password and about empty secrets that are needed', async () => {
    const letta = await startFakeLetta();
    try {
      const db = tempDbPath();
      const cli = cliFor(db);
      cli(['server', 'set', '1', '--address', '127.0.0.1', '--port', String(letta.port), '--password-stdin'], {input: 'anything'});
      cli(['set', 'ollama_base_url', '', '--json']);
      const {code, report} = await doctor(db);
      expect(code).toBe(0);
      expect(statusOf(report, 'connection')).toEqual(['warn']);
      expect(statusOf(report, 'model provider')).toEqual(['warn']);
    } finally {
      await letta.close();
    }
  });

  it('names the variables an env file has wrong, never their values', async () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-old-value'});
    const file = join(tempDir(), 'letta.env');
    cli(['export', '--format', 'dotenv', '--reveal', '--output', file]);
    expect(statusOf((await doctor(db, '--offline', '--compare-env', file)).report, 'env file')).toEqual(['ok']);
    cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-new-value'});
    writeFileSync(file, `${readFileSync(file, 'utf8')}export STRAY='x'\n`);
    const {code, report} = await doctor(db, '--offline', '--compare-env', file);
    expect(code).toBe(1);
    const found = report.checks.find((c) => c.check === 'env file')!;
    expect(found.message).toMatch(/\(dotenv\) differs in OPENAI_API_KEY; has STRAY that export does not write/);
    expect(found.fix).toMatch(/export --format dotenv --reveal --output/);
    expect(JSON.stringify(report)).not.toMatch(/sk-old-value|sk-new-value/);
  });
});
