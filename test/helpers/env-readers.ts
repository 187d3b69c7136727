import {execFileSync, spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import dotenv from 'dotenv';
import {pythonWith} from './python.js';
import {tempDir} from './temp-db.js';

/** The environment a child process of `shell` sees after plain `. file` (no `set -a`). */
export function sourcedBy(shell: 'bash' | 'dash', text: string): Record<string, string> {
  const file = join(tempDir(), 'sourced.env');
  writeFileSync(file, text);
  const out = execFileSync(shell, ['-c', '. "$1" && exec env -0', shell, file], {env: {}, encoding: 'utf8'});
  return Object.fromEntries(
    out
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      }),
  );
}

/** What `eval "$(cat file)"` in bash passes to a child process. */
export function evaluatedByBash(text: string): Record<string, string> {
  return sourcedBy('bash', text);
}

/** SMCP's reader of ~/.letta/.env: only `export KEY=` lines, surrounding " or ' stripped. */
export function readBySmcp(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.startsWith('export ')) continue;
    const [name, ...rest] = line.slice('export '.length).split('=');
    let value = rest.join('=').trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]!)) value = value.slice(1, -1);
    values[name!.trim()] = value;
  }
  return values;
}

/** python-dotenv as Letta's pydantic-settings calls it (interpolation on). */
export function readByPythonDotenv(text: string): Record<string, string> {
  const python = pythonWith('dotenv');
  if (!python) throw new Error('python3-dotenv is needed: apt-get install -y python3-dotenv');
  const file = join(tempDir(), 'letta.env');
  writeFileSync(file, text);
  const script = 'import dotenv, json, sys; print(json.dumps(dotenv.dotenv_values(sys.argv[1])))';
  const result = spawnSync(python, ['-c', script, file], {encoding: 'utf8', env: {PATH: process.env.PATH}});
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Record<string, string>;
}

export function readByNpmDotenv(text: string): Record<string, string> {
  return dotenv.parse(text);
}

/**
 * `docker run --env-file`, by its documented rules (docker/cli opts/envfile.go):
 * leading whitespace trimmed, blank and `#` lines skipped, split at the first
 * `=`, the value taken literally; a name with whitespace is an error.
 */
export function readByDockerEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const name = at === -1 ? line : line.slice(0, at);
    if (/\s/.test(name)) throw new Error(`variable '${name}' contains whitespaces`);
    values[name] = at === -1 ? (process.env[name] ?? '') : line.slice(at + 1);
  }
  return values;
}
