import {execFileSync} from 'node:child_process';
import {readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cliFor, expectOneLine} from '../helpers/run-cli.js';
import {snapshot, tempDbPath, tempDir} from '../helpers/temp-db.js';

const secret = 'sk-ant-abc123';
const password = 'pw-letta-789';

/** A database with secrets, an extra server and a custom setting. */
function populated() {
  const db = tempDbPath();
  const cli = cliFor(db);
  cli(['set', 'anthropic_api_key', '--stdin'], {input: secret});
  cli(['set', 'flask_port', '5050']);
  cli(['set', 'smcp_port', '8005']);
  cli(['set', 'model_defaults', '{"temperature": 0.2}', '--type', 'json', '--category', 'models', '--description', 'Model knobs']);
  cli(['server', 'add', '--address', 'https://letta.example.com', '--port', '443', '--name', 'cloud', '--password-stdin', '--activate'], {input: password});
  return {db, cli};
}

/** Settings and servers as scripts see them, without the timestamps that differ between files. */
function state(cli: ReturnType<typeof cliFor>) {
  const strip = (rows: Record<string, unknown>[]) => rows.map(({updated_at: _u, ...rest}) => rest);
  return {
    settings: strip(JSON.parse(cli(['list', '--json', '--reveal']).stdout)),
    servers: strip(JSON.parse(cli(['server', 'list', '--json', '--reveal']).stdout)),
  };
}

describe('export and import', () => {
  it('leaves secrets out without --reveal, and includes them with it', () => {
    const {cli} = populated();
    const plain = cli(['export']);
    expect(plain.status).toBe(0);
    expect(plain.stdout).not.toContain(secret);
    expect(plain.stdout).not.toContain(password);
    const revealed = cli(['export', '--reveal']).stdout;
    expect(revealed).toContain(secret);
    expect(revealed).toContain(password);
  });

  it('round-trips everything through export --reveal and import into a fresh database', () => {
    const {cli} = populated();
    const file = join(tempDir(), 'backup.json');
    expect(cli(['export', '--reveal', '--output', file]).status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const fresh = cliFor(tempDbPath());
    const imported = fresh(['import', file]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/imported: settings: 1 added/);
    expect(state(fresh)).toEqual(state(cli));
    expect(fresh(['import', file]).stdout).toBe('imported: settings: 0 added, 0 changed; servers: 0 added, 0 updated\n');
  });

  it('keeps stored secrets when importing an export made without --reveal', () => {
    const {cli} = populated();
    const file = join(tempDir(), 'plain.json');
    cli(['export', '--output', file]);
    cli(['set', 'flask_port', '6000']);
    expect(cli(['import', file]).status).toBe(0);
    expect(cli(['get', 'anthropic_api_key']).stdout).toBe(`${secret}\n`);
    expect(cli(['get', 'flask_port']).stdout).toBe('5050\n');
    const cloud = JSON.parse(cli(['server', 'list', '--json', '--reveal']).stdout)[1];
    expect(cloud).toMatchObject({name: 'cloud', password: password, active: true});
  });

  it('refuses a file with any invalid entry, listing every problem, changing nothing', () => {
    const {db, cli} = populated();
    const doc = JSON.parse(cli(['export', '--reveal']).stdout);
    doc.settings.find((s: {key: string}) => s.key === 'environment').value = 'production';
    doc.settings.find((s: {key: string}) => s.key === 'smcp_port').value = '99999';
    doc.settings.push({key: 'Bad Key', type: 'string', value: 'x'});
    doc.servers[0].port = 0;
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify(doc));
    const before = snapshot(db);
    const result = cli(['import', file]);
    expect(result.status).toBe(2);
    const line = expectOneLine(result.stderr);
    expect(line).toMatch(/import refused, nothing changed \(3 problems\)/);
    expect(line).toMatch(/settings\[\d+\] smcp_port: smcp_port: 99999 is out of range/);
    expect(line).toMatch(/settings\[\d+\] Bad Key: key:/);
    expect(line).toMatch(/servers\[0\]: server_port: 0 is out of range/);
    expect(snapshot(db)).toBe(before);
  });

  it('checks without changing anything on --dry-run', () => {
    const {db, cli} = populated();
    const file = join(tempDir(), 'doc.json');
    writeFileSync(file, JSON.stringify({format: 'sanctum-config/1', settings: [{key: 'flask_port', value: 7000}]}));
    const before = snapshot(db);
    const result = cli(['import', file, '--dry-run']);
    expect(result).toMatchObject({status: 0, stdout: 'would apply: settings: 0 added, 1 changed; servers: 0 added, 0 updated\n'});
    expect(snapshot(db)).toBe(before);
  });

  it('says clearly when the file is missing or not JSON', () => {
    const {cli} = populated();
    const missing = cli(['import', '/nonexistent/file.json']);
    expect(missing.status).toBe(1);
    expect(expectOneLine(missing.stderr)).toMatch(/cannot read \/nonexistent\/file.json: ENOENT/);
    const file = join(tempDir(), 'junk.json');
    writeFileSync(file, '{ not json');
    const junk = cli(['import', file]);
    expect(junk.status).toBe(2);
    expect(expectOneLine(junk.stderr)).toMatch(/is not valid JSON/);
  });

  it('writes env lines that sh sources back to the same values, secrets only with --reveal', () => {
    const {cli} = populated();
    const tricky = `it's "quoted" $HOME \`id\` \\ back\nnext line`;
    cli(['set', 'sanctum_base_path', '--stdin'], {input: tricky});
    expect(cli(['env-file', 'name', 'sanctum_base_path', 'SANCTUM_BASE_PATH']).status).toBe(0);
    expect(cli(['env-file', 'name', 'model_defaults', 'MODEL_DEFAULTS']).status).toBe(0);
    const plain = cli(['export', '--format', 'env']).stdout;
    expect(plain).not.toContain(secret);
    expect(plain).toContain('# ANTHROPIC_API_KEY is sensitive');
    const file = join(tempDir(), 'config.env');
    expect(cli(['export', '--format', 'env', '--reveal', '--output', file]).status).toBe(0);
    const script = `set -eu; . "$1"; printf '%s\\0' "$SANCTUM_BASE_PATH" "$ANTHROPIC_API_KEY" "$MCP_PORT" "$LETTA_SERVER_URL" "$LETTA_BASE_URL" "$LETTA_SERVER_PASSWORD" "$LETTA_API_KEY" "$MODEL_DEFAULTS"`;
    const values = execFileSync('sh', ['-c', script, 'sh', file], {encoding: 'utf8'}).split('\0');
    expect(values.slice(0, 8)).toEqual([
      tricky,
      secret,
      '8005',
      'https://letta.example.com:443',
      'https://letta.example.com:443',
      password,
      password,
      '{"temperature":0.2}',
    ]);
    expect(readFileSync(file, 'utf8')).not.toMatch(/\$\(/);
    // Names nobody reads are not written: the panel hard-codes its port.
    expect(readFileSync(file, 'utf8')).not.toMatch(/FLASK_PORT/);
  });

  it('refuses an unknown export format', () => {
    const {cli} = populated();
    const result = cli(['export', '--format', 'yaml']);
    expect(result.status).toBe(2);
    expect(expectOneLine(result.stderr)).toMatch(/--format must be json, env, dotenv, docker/);
  });
});
