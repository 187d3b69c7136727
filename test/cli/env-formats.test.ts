import {describe, expect, it} from 'vitest';
import {cliFor, expectOneLine} from '../helpers/run-cli.js';
import {unwritable} from '../../src/repo/env-dialects.js';
import {evaluatedByBash, readByDockerEnvFile, readByNpmDotenv, readByPythonDotenv, sourcedBy} from '../helpers/env-readers.js';
import {tempDbPath} from '../helpers/temp-db.js';

const awkward = [
  "it's",
  'say "hi"',
  `both ' and "`,
  '$HOME and $',
  '${X} and ${HOME}',
  'back\\slash',
  'two \\\\ backslashes',
  'ends with \\',
  '# not a comment',
  'a #hash',
  '  leading and trailing  ',
  '',
  'ünïcødé ✓ 日本語',
  '`id`',
  '$(id)',
  'multi\nline',
  '\\n literal',
  '!bang',
  'tab\there',
  "'quoted'",
  '"dq"',
];

function exported(value: string, format: string) {
  const db = tempDbPath();
  const cli = cliFor(db);
  const add = cli(['set', 'awkward', '--type', 'string', '--stdin'], {input: value});
  if (add.status !== 0) throw new Error(add.stderr);
  // Exported only under a name an operator chose (or the catalogue gives).
  const named = cli(['env-file', 'name', 'awkward', 'AWKWARD']);
  if (named.status !== 0) throw new Error(named.stderr);
  return cli(['export', '--format', format]);
}

describe('export --format env: POSIX shells (eval and .)', () => {
  for (const value of awkward) {
    it(`round-trips ${JSON.stringify(value)} through bash and dash (plain ., no set -a) and eval`, () => {
      const result = exported(value, 'env');
      expect(result.status).toBe(0);
      // Empty is not set: written `# AWKWARD=`, never as a dummy value.
      const expected = value === '' ? undefined : value;
      expect(sourcedBy('dash', result.stdout).AWKWARD).toBe(expected);
      expect(sourcedBy('bash', result.stdout).AWKWARD).toBe(expected);
      expect(evaluatedByBash(result.stdout).AWKWARD).toBe(expected);
    });
  }
});

describe('export --format dotenv: the export dialect of ~/.letta/.env (shells, python-dotenv, npm dotenv)', () => {
  for (const value of awkward) {
    const refused = unwritable('export', 'AWKWARD', value) !== undefined;
    it(`${refused ? 'refuses' : 'round-trips'} ${JSON.stringify(value)}`, () => {
      const result = exported(value, 'dotenv');
      if (refused) {
        expect(result.status).toBe(2);
        expect(expectOneLine(result.stderr)).toMatch(/^sanctum-config: AWKWARD: /);
        expect(result.stdout).toBe('');
        return;
      }
      expect(result.status).toBe(0);
      const expected = value === '' ? undefined : value;
      expect(readByPythonDotenv(result.stdout).AWKWARD).toBe(expected);
      expect(readByNpmDotenv(result.stdout).AWKWARD).toBe(expected);
      expect(sourcedBy('dash', result.stdout).AWKWARD).toBe(expected);
    });
  }

  it("refuses what a shell, python-dotenv or npm dotenv would read differently: ', \\, ${, line breaks", () => {
    const refused = awkward.filter((v) => unwritable('export', 'AWKWARD', v) !== undefined);
    expect(refused).toEqual(expect.arrayContaining(["it's", '${X} and ${HOME}', 'back\\slash', 'multi\nline']));
    expect(refused).not.toContain('$(id)');
  });
});

describe('export --format docker: plain lines (docker run --env-file, and the launcher that sources the same file)', () => {
  for (const value of awkward) {
    const refused = unwritable('plain', 'AWKWARD', value) !== undefined;
    it(`${refused ? 'refuses' : 'round-trips'} ${JSON.stringify(value)}`, () => {
      const result = exported(value, 'docker');
      if (refused) {
        expect(result.status).toBe(2);
        expect(expectOneLine(result.stderr)).toMatch(/^sanctum-config: AWKWARD: holds /);
        return;
      }
      expect(result.status).toBe(0);
      expect(readByDockerEnvFile(result.stdout).AWKWARD).toBe(value === '' ? undefined : value);
    });
  }
});

describe('the active server in every format', () => {
  it('exports its URL, and its one secret under both names (Letta has one), saying so when a token differs', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['server', 'set', '1', '--address', 'https://letta.lan', '--port', '8284', '--password-stdin'], {input: 'pw-1'});
    cli(['server', 'set', '1', '--token-stdin'], {input: 'tok-2'});
    const readers = {env: (t: string) => sourcedBy('dash', t), dotenv: readByPythonDotenv, docker: readByDockerEnvFile};
    for (const [format, read] of Object.entries(readers)) {
      const values = read(cli(['export', '--format', format, '--reveal']).stdout);
      expect(values).toMatchObject({
        LETTA_SERVER_URL: 'https://letta.lan:8284',
        LETTA_BASE_URL: 'https://letta.lan:8284',
        LETTA_SERVER_PASSWORD: 'pw-1',
        LETTA_API_KEY: 'pw-1',
      });
      expect(cli(['export', '--format', format]).stderr).toMatch(/has both a password and a token; Letta has one secret/);
      const hidden = cli(['export', '--format', format]).stdout;
      expect(hidden).not.toMatch(/pw-1|tok-2/);
    }
  });

  it('reads all three formats back with init --from-env', () => {
    for (const format of ['env', 'dotenv', 'docker']) {
      const source = cliFor(tempDbPath());
      source(['set', 'smcp_port', '8001']);
      source(['set', 'venice_api_key', '--stdin'], {input: 'vk-1'});
      source(['set', 'openai_api_key', '--stdin'], {input: 'sk-abc'});
      source(['server', 'set', '1', '--address', '10.1.2.3', '--port', '8284', '--password-stdin'], {input: 'pw-9'});
      const text = source(['export', '--format', format, '--reveal']).stdout;
      const env = format === 'env' ? sourcedBy('dash', text) : format === 'dotenv' ? readByPythonDotenv(text) : readByDockerEnvFile(text);
      const target = cliFor(tempDbPath());
      expect(target(['init', '--from-env', '--no-probe'], {env}).status).toBe(0);
      expect(env).toMatchObject({MCP_PORT: '8001', VENICE_API_KEY: 'vk-1'});
      expect(target(['get', 'smcp_port']).stdout).toBe('8001\n');
      expect(target(['get', 'venice_api_key']).stdout).toBe('vk-1\n');
      expect(target(['get', 'openai_api_key']).stdout).toBe('sk-abc\n');
      const server = JSON.parse(target(['server', 'list', '--json', '--reveal']).stdout)[0];
      expect(server).toMatchObject({address: '10.1.2.3', port: 8284, password: 'pw-9'});
    }
  });
});
