import {ValidationError} from '../errors.js';

/**
 * How a line of ~/.letta/.env is written, by who reads the file:
 * - `plain`: `KEY=value`, for the Docker launcher, which passes the file to
 *   `docker run --env-file` (each line literally: no quotes, no escapes) and
 *   also `source`s it, so a value must be one shell word that needs no
 *   quoting: letters, digits and `_@%+=:,./-`.
 * - `export`: `export KEY='value'`, for the local launcher, which `source`s
 *   the file without `set -a` (only exported names reach Letta), SMCP (reads
 *   only `export ` lines), python-dotenv (Letta's settings) and npm dotenv.
 */
export const envDialects = ['plain', 'export'] as const;
export type EnvDialect = (typeof envDialects)[number];

/** The names SMCP reads from the file, with its own rules (every leading and trailing quote and space stripped). */
const smcpNames = new Set(['LETTA_SERVER_URL', 'LETTA_SERVER_PASSWORD', 'LETTA_API_KEY']);

const safeWord = /^[A-Za-z0-9_@%+=:,./-]*$/;
/** Characters that end a line for some reader: Python's splitlines() (SMCP) splits at all of these. */
const lineBreaks = /[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/;
const controls = /[\u0000-\u001f\u007f-\u009f]/;
/** Python's str.strip() removes these at either end, and then SMCP strips quotes. */
const smcpEdge = /^[\s\u001c-\u001f\u0085"']|[\s\u001c-\u001f\u0085"']$/;

/** Why `value` cannot be written for `name` so that every reader of `dialect` reads it exactly; undefined when it can. */
export function unwritable(dialect: EnvDialect, name: string, value: string): string | undefined {
  if (value.includes('\u0000')) return 'holds a NUL character, which no environment can carry';
  if (lineBreaks.test(value)) return 'holds a line break, which every reader of the file ends the line at';
  if (dialect === 'plain') {
    if (!safeWord.test(value)) {
      return "holds characters that the Docker launcher's `source` would interpret while `docker run --env-file` takes them literally (only letters, digits and _@%+=:,./- fit both)";
    }
    return undefined;
  }
  if (controls.test(value)) return 'holds a control character';
  if (value.includes("'")) return "holds a ', which the shell can only write as '\\'' and python-dotenv then drops the line";
  if (value.includes('\\')) return 'holds a \\, which python-dotenv reads as an escape inside single quotes';
  if (/\$\{/.test(value)) return 'holds ${, which python-dotenv expands even inside single quotes';
  if (smcpNames.has(name) && smcpEdge.test(value)) return 'begins or ends with a quote or a space, which SMCP strips';
  return undefined;
}

/** The line for `name`; a ValidationError naming the variable and the reader when no line serves every reader. */
export function envLine(dialect: EnvDialect, name: string, value: string): string {
  const why = unwritable(dialect, name, value);
  if (why) throw new ValidationError(name, why);
  return dialect === 'plain' ? `${name}=${value}` : `export ${name}='${value}'`;
}

/** An unset name: commented out, never a dummy value (as the bootstrap writes it). */
export const unsetLine = (name: string) => `# ${name}=`;
