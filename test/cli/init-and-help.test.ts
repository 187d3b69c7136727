import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {cliFor, expectOneLine, runCli} from '../helpers/run-cli.js';
import {snapshot, tempDbPath} from '../helpers/temp-db.js';

const recordImports = fileURLToPath(new URL('../helpers/record-imports.mjs', import.meta.url));

describe('init', () => {
  it('sets up a fresh box from flags and stdin, and a second run changes nothing', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    const args = [
      'init',
      '--non-interactive',
      '--set',
      'environment=production',
      '--server-address',
      '10.1.1.1',
      '--server-port',
      '8284',
      '--server-name',
      'main',
      '--server-password-stdin',
    ];
    const first = cli(args, {input: 'pw\n'});
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(`created ${db}\nset environment\nserver 1: set address, port, name, password\n`);
    const after = snapshot(db);
    const second = cli(args, {input: 'pw\n'});
    expect(second.stdout).toBe(`using ${db}\nnothing to change\n`);
    expect(snapshot(db)).toBe(after);
    expect(cli(['get', 'environment']).stdout).toBe('production\n');
  });

  it('takes known variables from the environment with --from-env', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    const env = {
      OPENAI_API_KEY: 'sk-open',
      ANTHROPIC_API_KEY: 'sk-ant',
      OLLAMA_BASE_URL: 'http://gpu:11434',
      LETTA_SERVER_URL: 'http://127.0.0.1:8284',
      LETTA_SERVER_PASSWORD: 'letta-pw',
      FLASK_PORT: '5055',
      LETTA_DIR: '/srv/letta',
    };
    const result = cli(['init', '--from-env'], {env});
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('sk-open');
    const values = Object.fromEntries(JSON.parse(cli(['list', '--json', '--reveal']).stdout).map((s: {key: string; value: unknown}) => [s.key, s.value]));
    expect(values).toMatchObject({
      openai_api_key: 'sk-open',
      anthropic_api_key: 'sk-ant',
      ollama_base_url: 'http://gpu:11434',
      flask_port: 5055,
      letta_data_path: '/srv/letta',
    });
    const [server] = JSON.parse(cli(['server', 'list', '--json', '--reveal']).stdout);
    expect(server).toMatchObject({address: '127.0.0.1', port: 8284, password: 'letta-pw', active: true});
    expect(cli(['init', '--from-env'], {env}).stdout).toMatch(/nothing to change/);
  });

  it('refuses an invalid value from the environment, changing nothing', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['list']);
    const before = snapshot(db);
    const result = cli(['init', '--from-env'], {env: {OPENAI_API_KEY: 'sk-x', SMCP_PORT: 'ninety'}});
    expect(result.status).toBe(2);
    expect(expectOneLine(result.stderr)).toMatch(/smcp_port/);
    expect(snapshot(db)).toBe(before);
  });
});

describe('the bare command, help and version', () => {
  it('prints usage and exits 2 without a terminal, never waiting for input', () => {
    const db = tempDbPath();
    const started = Date.now();
    const result = runCli(['--db', db]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Usage: sanctum-config/);
    expect(result.stderr).toMatch(/the interactive app needs a terminal/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(db)).toBe(false);
  });

  it.each([
    [[]],
    [['init']],
    [['get']],
    [['set']],
    [['unset']],
    [['list']],
    [['export']],
    [['import']],
    [['server', 'list']],
    [['server', 'add']],
    [['server', 'set']],
    [['server', 'activate']],
    [['server', 'remove']],
  ])('%j --help exits 0 with an example', (command) => {
    const result = runCli([...command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: sanctum-config/);
    if (command.length) expect(result.stdout).toMatch(/Example/);
  });

  it('prints the version', () => {
    expect(runCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('loads neither Ink nor React for headless commands', () => {
    const db = tempDbPath();
    for (const args of [['list'], ['get', 'flask_port'], ['export', '--format', 'env'], ['server', 'list']]) {
      const result = cliFor(db)(args, {nodeArgs: ['--import', recordImports]});
      expect(result.status).toBe(0);
      const loaded = [...result.stderr.matchAll(/loaded-package: (\S+)/g)].map((m) => m[1]);
      expect(loaded).toContain('better-sqlite3');
      expect(loaded).not.toContain('ink');
      expect(loaded).not.toContain('react');
      expect(result.stderr).not.toContain('loaded-app-chunk');
    }
  });
});
