import {chmodSync, readFileSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {cliFor, expectOneLine} from '../helpers/run-cli.js';
import {snapshot, tempDbPath} from '../helpers/temp-db.js';

function freshCli() {
  const db = tempDbPath();
  const cli = cliFor(db);
  expect(cli(['list']).status).toBe(0);
  return {db, cli};
}

describe('get, set, unset, list', () => {
  it('creates the database on first use and reads defaults', () => {
    const {cli} = freshCli();
    expect(cli(['get', 'flask_port'])).toMatchObject({status: 0, stdout: '5000\n', stderr: ''});
    expect(cli(['get', 'ollama_base_url']).stdout).toBe('http://localhost:11434\n');
  });

  it('sets values validated by type and stores the canonical text', () => {
    const {cli} = freshCli();
    expect(cli(['set', 'flask_port', '5001']).status).toBe(0);
    expect(cli(['set', 'debug_mode', 'off']).status).toBe(0);
    expect(cli(['get', 'flask_port']).stdout).toBe('5001\n');
    expect(cli(['get', 'debug_mode']).stdout).toBe('false\n');
  });

  it('reads a secret from stdin and prints it only when asked for by name', () => {
    const {cli} = freshCli();
    expect(cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-secret-123\n'}).status).toBe(0);
    expect(cli(['get', 'openai_api_key']).stdout).toBe('sk-secret-123\n');
    const table = cli(['list']);
    expect(table.stdout).not.toContain('sk-secret-123');
    expect(table.stdout).toMatch(/openai_api_key\s+\*{8}\s+string\s+api_keys/);
    const json = JSON.parse(cli(['list', '--json']).stdout);
    expect(json[0]).toMatchObject({key: 'openai_api_key', value: null, redacted: true, sensitive: true});
    expect(cli(['list', '--json']).stdout).not.toContain('sk-secret-123');
    expect(cli(['list', '--reveal']).stdout).toContain('sk-secret-123');
    expect(JSON.parse(cli(['list', '--json', '--reveal']).stdout)[0].value).toBe('sk-secret-123');
  });

  it('lists typed values as JSON and filters by category', () => {
    const {cli} = freshCli();
    const ports = JSON.parse(cli(['list', '--json', '--category', 'ports']).stdout);
    expect(ports.map((s: {key: string; value: unknown}) => [s.key, s.value])).toEqual([
      ['flask_port', 5000],
      ['smcp_port', 9000],
    ]);
    const general = JSON.parse(cli(['list', '--json', '--category', 'general']).stdout);
    expect(general[1]).toMatchObject({key: 'debug_mode', value: true, type: 'boolean'});
  });

  it('adds a new setting with --type and removes it with unset', () => {
    const {cli} = freshCli();
    const added = cli(['set', 'web_port', '8088', '--type', 'integer', '--category', 'ports', '--description', 'Web UI']);
    expect(added.status).toBe(0);
    expect(cli(['list', '--category', 'ports']).stdout).toContain('web_port');
    expect(cli(['unset', 'web_port']).status).toBe(0);
    expect(cli(['get', 'web_port']).status).toBe(2);
  });

  it('escapes control characters in the table instead of sending them to the terminal', () => {
    const {cli} = freshCli();
    cli(['set', 'environment', '--stdin'], {input: 'prod\u001b[2J\u0007'});
    const out = cli(['list']).stdout;
    expect(out).not.toContain('\u001b');
    expect(out).toContain('prod\\x1b[2J\\x07');
  });

  it.each([
    [['set', 'flask_port', 'abc'], /flask_port: 'abc' is not a whole number/],
    [['set', 'flask_port', '70000'], /out of range \(1-65535\)/],
    [['set', 'debug_mode', 'maybe'], /not a boolean/],
    [['set', 'nope', 'x'], /no setting 'nope'; to add it, give --type/],
    [['set', 'flask_port'], /missing value/],
    [['set', 'k_new', '{', '--type', 'json'], /not valid JSON/],
    [['set', 'k_new', '1', '--type', 'float'], /--type must be/],
    [['get', 'nope'], /no setting 'nope'/],
    [['unset', 'nope'], /no setting 'nope'/],
    [['list', '--bogus'], /unknown option '--bogus'/],
    [['list', '--category', 'nope'], /no category 'nope'/],
    [['frobnicate'], /unknown command/],
  ])('%j exits 2 with one clear line and changes nothing', (args, message) => {
    const {db, cli} = freshCli();
    const before = snapshot(db);
    const result = cli(args);
    expect(result.status).toBe(2);
    expect(expectOneLine(result.stderr)).toMatch(message);
    expect(result.stdout).toBe('');
    expect(snapshot(db)).toBe(before);
  });

  it('never echoes a secret in a validation error', () => {
    const {cli} = freshCli();
    cli(['set', 'pin_code', '1234', '--type', 'integer', '--sensitive']);
    const result = cli(['set', 'pin_code', '--stdin'], {input: 'hunter2'});
    expect(result.status).toBe(2);
    expect(result.stderr).not.toContain('hunter2');
  });
});

describe('database failures exit 1 with one line', () => {
  it('refuses a file that is not a database', () => {
    const db = tempDbPath();
    writeFileSync(db, 'not sqlite at all, just some text that is long enough');
    const result = cliFor(db)(['list']);
    expect(result.status).toBe(1);
    expect(expectOneLine(result.stderr)).toMatch(/is not a SQLite database/);
  });

  it('refuses a database from a newer version', () => {
    const {db, cli} = freshCli();
    const raw = new Sqlite(db);
    raw.pragma('user_version = 42');
    raw.close();
    const result = cli(['get', 'flask_port']);
    expect(result.status).toBe(1);
    expect(expectOneLine(result.stderr)).toMatch(/schema version 42, newer than this sanctum-config supports/);
  });

  it('reads a read-only file but refuses to write it', () => {
    const {db, cli} = freshCli();
    chmodSync(db, 0o444);
    const before = snapshot(db);
    expect(cli(['get', 'flask_port']).stdout).toBe('5000\n');
    expect(cli(['export']).status).toBe(0);
    const result = cli(['set', 'flask_port', '5001']);
    expect(result.status).toBe(1);
    expect(expectOneLine(result.stderr)).toMatch(/is read-only; cannot write/);
    expect(snapshot(db)).toBe(before);
  });

  it('reports a corrupt database', () => {
    const {db, cli} = freshCli();
    const raw = new Sqlite(db);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    // Keep page 1 (the header and schema), scribble over every table page.
    const bytes = readFileSync(db);
    bytes.fill(0xab, 4096);
    writeFileSync(db, bytes);
    const result = cli(['list']);
    expect(result.status).toBe(1);
    expect(expectOneLine(result.stderr)).toMatch(/corrupt|malformed|not a database/);
  });
});
