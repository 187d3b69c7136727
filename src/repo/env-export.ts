import {ValidationError} from '../errors.js';
import {envLine, unsetLine} from './env-dialects.js';
import {envEntries} from './env-entries.js';
import type {EnvBinding} from './env-names.js';
import {hidesValue} from './mask-secret.js';
import type {Server} from './servers-repo.js';
import type {Setting} from './settings-repo.js';

/** Who reads each format: `env` POSIX shells and SMCP, `dotenv` python-dotenv (Letta) and npm dotenv, `docker` --env-file. */
export const envFormats = ['env', 'dotenv', 'docker'] as const;
export type EnvFormat = (typeof envFormats)[number];

export const isEnvFormat = (text: string): text is EnvFormat => (envFormats as readonly string[]).includes(text);

/** POSIX shell, for `eval` and `.`: single quotes keep everything; a ' is written '\''. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A line each format's readers read exactly, or a ValidationError naming the
 * variable and the reader: `env` for shells only (any value); `dotenv` is the
 * export dialect of ~/.letta/.env (shells, SMCP, python-dotenv, npm dotenv);
 * `docker` the plain dialect (docker --env-file and the launcher's `source`).
 */
function assignment(format: EnvFormat, name: string, value: string): string {
  if (format === 'env') {
    if (value.includes('\u0000')) throw new ValidationError(name, 'holds a NUL character, which no environment can carry');
    return `export ${name}=${shellQuote(value)}`;
  }
  return envLine(format === 'dotenv' ? 'export' : 'plain', name, value);
}

export type EnvExport = {
  readonly text: string;
  /** What was left out and why, for stderr: never a value. */
  readonly warnings: readonly string[];
};

const headers: Record<EnvFormat, string> = {
  env: '# sanctum-config export: POSIX shell; `. file` or `eval` exports each variable to child processes',
  dotenv: '# sanctum-config export: dotenv (export lines: shells, SMCP, python-dotenv, npm dotenv)',
  docker: '# sanctum-config export: docker --env-file (plain lines, each one shell word)',
};

/**
 * The settings that have an env name (the catalogue's, or one an operator
 * chose), then the active server as the variables Letta, SMCP and the Letta
 * client read. A name not set is written commented out (`# NAME=`), never a
 * dummy value. Secrets are left out (a comment says so) unless `reveal`. A
 * value the format cannot carry is refused (a ValidationError naming the
 * variable and the reader).
 */
export function formatEnvExport(
  bindings: {readonly bindings: readonly EnvBinding[]; readonly problems: readonly string[]},
  settingOf: (key: string) => Setting | undefined,
  active: Server | undefined,
  options: {readonly reveal: boolean; readonly format?: EnvFormat},
): EnvExport {
  const format = options.format ?? 'env';
  const lines = [headers[format]];
  const {entries, warnings} = envEntries(bindings.bindings, settingOf, active);
  for (const entry of entries) {
    if (entry.value === null) lines.push(entry.note ? `# ${entry.name} left out: ${entry.note}` : unsetLine(entry.name));
    // An empty secret gives nothing away, and writing it keeps "not set" exact.
    else if (hidesValue(entry.secret, entry.value, options.reveal)) lines.push(`# ${entry.name} is sensitive; export with --reveal to include it`);
    else lines.push(assignment(format, entry.name, entry.value));
  }
  return {text: `${lines.join('\n')}\n`, warnings: [...bindings.problems, ...warnings]};
}
