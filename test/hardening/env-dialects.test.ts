// Every value a hostile writer or a real password may hold, written in each
// dialect of ~/.letta/.env and read back by that dialect's real readers:
// read exactly, or refused before writing; never misread, never executed.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {envLine, unwritable} from '../../src/repo/env-dialects.js';
import {dockerLauncher, localLauncher, readByDockerEnvFile, readByNpmDotenv, readByPythonDotenv, readBySmcp, sourcedBy} from '../helpers/env-readers.js';
import {tempDir} from '../helpers/temp-db.js';

const marker = join(tempDir(), 'ran');

const tricky = [
  'plain',
  'sk-proj-AbC_123-xyz',
  'https://api.venice.ai/api/v1',
  'p@ss:w/rd,.+%=',
  '',
  'with space',
  ' leading space',
  'trailing space ',
  `$(touch ${marker})`,
  `\`touch ${marker}\``,
  `;touch ${marker}`,
  `&& touch ${marker}`,
  `| touch ${marker}`,
  `x'$(touch ${marker})'`,
  `"$(touch ${marker})"`,
  '\\',
  'back\\slash',
  'end\\',
  "it's",
  "'quoted'",
  '"dq"',
  '"start',
  'end"',
  "'start",
  "end'",
  '${HOME}',
  '$HOME',
  '$',
  '#hash',
  'a#b',
  'a # b',
  'line\nbreak',
  'cr\rhere',
  'tab\there',
  'nel\u0085x',
  'ls\u2028x',
  'ümlaut',
  '日本語',
  'emoji🙂',
  '=eq=',
  'a=b',
  '~/tilde',
  '*',
  '?',
  '[ab]',
  '{a,b}',
  '!bang',
  'x'.repeat(5000),
  '-dash',
  'esc\u001b[31m',
  'export X=1',
  'nul\u0000x',
  'vt\u000bx',
  'ff\u000cx',
];

const accepted = (dialect: 'plain' | 'export', name: string) => tricky.filter((v) => unwritable(dialect, name, v) === undefined);

describe('the export dialect (local launcher, SMCP, python-dotenv, npm dotenv)', () => {
  const values = accepted('export', 'V');
  const file = `${values.map((v, i) => envLine('export', `V_${i}`, v)).join('\n')}\n`;

  it('accepts the ordinary values and refuses the rest before writing', () => {
    expect(tricky.length).toBeGreaterThanOrEqual(50);
    for (const ordinary of ['plain', 'sk-proj-AbC_123-xyz', 'https://api.venice.ai/api/v1', 'with space', `$(touch ${marker})`, '#hash', 'emoji🙂']) {
      expect(values).toContain(ordinary);
    }
    for (const refused of ['line\nbreak', "it's", 'back\\slash', '${HOME}', 'nul\u0000x', 'esc\u001b[31m']) expect(values).not.toContain(refused);
  });

  for (const [reader, read] of [
    ['bash: . file, then a child process', (t: string) => sourcedBy('bash', t)],
    ['dash: . file, then a child process', (t: string) => sourcedBy('dash', t)],
    ['the local launcher (~/launch_letta.sh)', localLauncher],
    ['python-dotenv (Letta)', readByPythonDotenv],
    ['npm dotenv', readByNpmDotenv],
  ] as const) {
    it(`${reader} reads every accepted value exactly and runs nothing`, () => {
      const env = read(file);
      values.forEach((value, i) => {
        expect({i, value: env[`V_${i}`]}).toEqual({i, value});
      });
      expect(existsSync(marker)).toBe(false);
    });
  }

  it("SMCP's own reader reads every accepted password exactly (its stricter rule applies to its names)", () => {
    const passwords = accepted('export', 'LETTA_SERVER_PASSWORD');
    expect(passwords.length).toBeLessThan(values.length);
    for (const value of passwords) {
      const env = readBySmcp(`${envLine('export', 'LETTA_SERVER_PASSWORD', value)}\n`);
      expect({value, read: env.LETTA_SERVER_PASSWORD ?? ''}).toEqual({value, read: value});
    }
    for (const refused of ['"start', "end'", ' leading space', 'trailing space ']) expect(passwords).not.toContain(refused);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('the plain dialect (the Docker launcher: docker --env-file and its source)', () => {
  const values = accepted('plain', 'V');
  const file = `${values.map((v, i) => envLine('plain', `V_${i}`, v)).join('\n')}\n`;

  it('accepts only values that are one shell word docker reads literally', () => {
    for (const ordinary of ['plain', 'sk-proj-AbC_123-xyz', 'https://api.venice.ai/api/v1', 'p@ss:w/rd,.+%=', '']) expect(values).toContain(ordinary);
    for (const refused of ['with space', `$(touch ${marker})`, `;touch ${marker}`, '~/tilde', '*', '#hash', '"dq"']) expect(values).not.toContain(refused);
  });

  it('docker --env-file and a sourcing shell read every accepted value exactly', () => {
    const docker = readByDockerEnvFile(file);
    const shell = sourcedBy('bash', values.map((v, i) => `${envLine('plain', `V_${i}`, v)}\nexport V_${i}`).join('\n'));
    values.forEach((value, i) => {
      expect({i, value: docker[`V_${i}`]}).toEqual({i, value});
      expect({i, value: shell[`V_${i}`]}).toEqual({i, value});
    });
    expect(existsSync(marker)).toBe(false);
  });

  it('the Docker launcher passes each accepted password to the container exactly', () => {
    for (const value of accepted('plain', 'LETTA_SERVER_PASSWORD').filter((v) => v !== '')) {
      const env = dockerLauncher(`${envLine('plain', 'LETTA_SERVER_PASSWORD', value)}\n${envLine('plain', 'OPENAI_API_KEY', value)}\n`);
      expect({value, password: env.LETTA_SERVER_PASSWORD, key: env.OPENAI_API_KEY}).toEqual({value, password: value, key: value});
    }
    expect(existsSync(marker)).toBe(false);
  });
});
