import {describe, expect, it} from 'vitest';
import {cliFor, expectOneLine} from '../helpers/run-cli.js';
import {evaluatedByBash, readByDockerEnvFile, readByNpmDotenv, readByPythonDotenv, readBySmcp, sourcedBy} from '../helpers/env-readers.js';
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
  return cli(['export', '--format', format]);
}

/** python-dotenv and npm dotenv cannot agree on these; the README says so. */
const dotenvRefuses = (v: string) =>
  /\$\{[^}]*\}/.test(v) || v.includes('\r') || ((v.includes("'") || v.includes('\\\\') || v.endsWith('\\')) && /["\\]/.test(v));

describe('export --format env: POSIX shells and SMCP', () => {
  for (const value of awkward) {
    it(`round-trips ${JSON.stringify(value)} through bash and dash (plain ., no set -a), eval, and SMCP's reader`, () => {
      const result = exported(value, 'env');
      expect(result.status).toBe(0);
      expect(sourcedBy('dash', result.stdout).AWKWARD).toBe(value);
      expect(sourcedBy('bash', result.stdout).AWKWARD).toBe(value);
      expect(evaluatedByBash(result.stdout).AWKWARD).toBe(value);
      // SMCP strips one pair of quotes: exact for one-line values we can quote without escapes.
      if (!value.includes('\n') && (!value.includes("'") || !/["$`\\]/.test(value))) {
        expect(readBySmcp(result.stdout).AWKWARD).toBe(value);
      }
    });
  }
});

describe('export --format dotenv: python-dotenv (Letta) and npm dotenv', () => {
  for (const value of awkward) {
    it(`${dotenvRefuses(value) ? 'refuses' : 'round-trips'} ${JSON.stringify(value)}`, () => {
      const result = exported(value, 'dotenv');
      if (dotenvRefuses(value)) {
        expect(result.status).toBe(2);
        expect(expectOneLine(result.stderr)).toMatch(/^sanctum-config: AWKWARD: /);
        expect(result.stdout).toBe('');
        return;
      }
      expect(result.status).toBe(0);
      expect(readByPythonDotenv(result.stdout).AWKWARD).toBe(value);
      expect(readByNpmDotenv(result.stdout).AWKWARD).toBe(value);
      // SMCP reads the same ~/.letta/.env: export lines, one pair of quotes, no escapes.
      if (!value.includes('\n')) expect(readBySmcp(result.stdout).AWKWARD).toBe(value);
    });
  }

  it('refuses only the few values the two readers cannot agree on', () => {
    expect(awkward.filter(dotenvRefuses).length).toBeLessThanOrEqual(5);
  });
});

describe('export --format docker: docker run --env-file', () => {
  for (const value of awkward) {
    const multiline = /[\n\r]/.test(value);
    it(`${multiline ? 'refuses' : 'round-trips'} ${JSON.stringify(value)}`, () => {
      const result = exported(value, 'docker');
      if (multiline) {
        expect(result.status).toBe(2);
        expect(expectOneLine(result.stderr)).toMatch(/AWKWARD: holds a line break, which docker --env-file cannot carry/);
        return;
      }
      expect(result.status).toBe(0);
      expect(readByDockerEnvFile(result.stdout).AWKWARD).toBe(value);
    });
  }
});

describe('the active server in every format', () => {
  it('exports its URL, and with both secrets stored, each under its own name', () => {
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
        LETTA_API_KEY: 'tok-2',
      });
      const hidden = cli(['export', '--format', format]).stdout;
      expect(hidden).not.toMatch(/pw-1|tok-2/);
    }
  });

  it('reads all three formats back with init --from-env', () => {
    for (const format of ['env', 'dotenv', 'docker']) {
      const source = cliFor(tempDbPath());
      source(['set', 'flask_port', '5055']);
      source(['set', 'openai_api_key', '--stdin'], {input: 'sk-abc'});
      source(['server', 'set', '1', '--address', '10.1.2.3', '--port', '8284', '--password-stdin'], {input: 'pw-9'});
      const text = source(['export', '--format', format, '--reveal']).stdout;
      const env = format === 'env' ? sourcedBy('dash', text) : format === 'dotenv' ? readByPythonDotenv(text) : readByDockerEnvFile(text);
      const target = cliFor(tempDbPath());
      expect(target(['init', '--from-env', '--no-probe'], {env}).status).toBe(0);
      expect(target(['get', 'flask_port']).stdout).toBe('5055\n');
      expect(target(['get', 'openai_api_key']).stdout).toBe('sk-abc\n');
      const server = JSON.parse(target(['server', 'list', '--json', '--reveal']).stdout)[0];
      expect(server).toMatchObject({address: '10.1.2.3', port: 8284, password: 'pw-9'});
    }
  });
});
