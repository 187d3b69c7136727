import type {Server} from './servers-repo.js';
import {hidesValue} from './mask-secret.js';
import type {Setting} from './settings-repo.js';
import {serverBaseUrl} from './server-url.js';
import {printable} from './value-codec.js';
import {ValidationError} from '../errors.js';

/** Who reads each format: `env` POSIX shells and SMCP, `dotenv` python-dotenv (Letta) and npm dotenv, `docker` --env-file. */
export const envFormats = ['env', 'dotenv', 'docker'] as const;
export type EnvFormat = (typeof envFormats)[number];

export const isEnvFormat = (text: string): text is EnvFormat => (envFormats as readonly string[]).includes(text);

const envName = /^[A-Z_][A-Z0-9_]*$/;

/** Names a setting may not take: they would steer a shell, the loader or an interpreter. */
const reservedNames = new Set([
  'PATH',
  'HOME',
  'SHELL',
  'USER',
  'LOGNAME',
  'PWD',
  'OLDPWD',
  'IFS',
  'PS1',
  'PS2',
  'PS3',
  'PS4',
  'PROMPT_COMMAND',
  'BASH_ENV',
  'ENV',
  'SHELLOPTS',
  'BASHOPTS',
  'CDPATH',
  'GLOBIGNORE',
  'HISTFILE',
  'MAIL',
  'MAILPATH',
  'TMPDIR',
  'TERM',
  'LANG',
  'LANGUAGE',
  'EDITOR',
  'VISUAL',
  'PAGER',
  'NODE_OPTIONS',
  'NODE_PATH',
  'NODE_EXTRA_CA_CERTS',
  'PERL5LIB',
  'PERL5OPT',
  'PERLLIB',
  'RUBYOPT',
  'RUBYLIB',
  'JAVA_TOOL_OPTIONS',
  '_JAVA_OPTIONS',
  'GCONV_PATH',
  'HOSTALIASES',
  'RESOLV_HOST_CONF',
  'LOCALDOMAIN',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'ALL_PROXY',
  'NO_PROXY',
  'SANCTUM_CONFIG_DB',
  '_',
]);
const reservedPrefixes = ['LD_', 'DYLD_', 'BASH_FUNC_', 'LC_', 'PYTHON', 'GIT_', 'SSH_', 'SUDO_', 'XDG_', 'DOCKER_', 'NPM_CONFIG_'];

/** The names the active server is exported under; a setting may not take them either. */
const serverNames = ['LETTA_SERVER_URL', 'LETTA_BASE_URL', 'LETTA_SERVER_PASSWORD', 'LETTA_API_KEY'];

/** Why a setting's key cannot be a variable name here, or undefined when it can. */
function unexportableName(name: string): string | undefined {
  if (!envName.test(name)) return 'is not a valid variable name';
  if (reservedNames.has(name) || reservedPrefixes.some((p) => name.startsWith(p))) {
    return 'would set a variable that steers shells or programs';
  }
  if (serverNames.includes(name)) return 'is the name the active server is exported under';
  return undefined;
}

/** POSIX shell: single quotes keep everything; a value with ' uses double quotes when nothing in it is special there. */
function shellQuote(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!/["$`\\]/.test(value)) return `"${value}"`;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * python-dotenv and npm dotenv, read back the same by both: single quotes when
 * no ' or \\ sequence could be taken as an escape, else double quotes when no
 * " or \ is in it; otherwise (and for ${...}, which python-dotenv expands in
 * any quotes, and CR, which npm dotenv turns into LF) the two readers differ,
 * so the value is refused.
 */
function dotenvQuote(name: string, value: string): string {
  if (/\$\{[^}]*\}/.test(value)) throw new ValidationError(name, 'holds ${...}, which python-dotenv expands; use --format env');
  if (value.includes('\r')) throw new ValidationError(name, 'holds a carriage return, which npm dotenv rewrites; use --format env');
  if (!value.includes("'") && !value.includes('\\\\') && !value.endsWith('\\')) return `'${value}'`;
  if (!/["\\]/.test(value)) return `"${value}"`;
  throw new ValidationError(name, 'holds quotes and backslashes that python-dotenv and npm dotenv read differently; use --format env');
}

/** docker --env-file takes each line literally: no quotes, no escapes, one line. */
function dockerValue(name: string, value: string): string {
  if (/[\n\r]/.test(value)) throw new ValidationError(name, 'holds a line break, which docker --env-file cannot carry');
  return value;
}

function assignment(format: EnvFormat, name: string, value: string): string {
  if (value.includes('\u0000')) throw new ValidationError(name, 'holds a NUL character, which no environment can carry');
  if (format === 'env') return `export ${name}=${shellQuote(value)}`;
  // python-dotenv and npm dotenv skip `export `; SMCP, reading the same ~/.letta/.env, needs it.
  if (format === 'dotenv') return `export ${name}=${dotenvQuote(name, value)}`;
  return `${name}=${dockerValue(name, value)}`;
}

export type EnvExport = {
  readonly text: string;
  /** What was left out and why, for stderr: never a value. */
  readonly warnings: readonly string[];
};

const headers: Record<EnvFormat, string> = {
  env: '# sanctum-config export: POSIX shell; `. file` or `eval` exports each variable to child processes',
  dotenv: '# sanctum-config export: dotenv (python-dotenv, npm dotenv)',
  docker: '# sanctum-config export: docker --env-file',
};

/**
 * Settings as variables (key upper-cased), then the active server as the
 * variables Letta, SMCP and the Letta client read. Secrets are left out (a
 * comment says so) unless `reveal`. Names that could steer a shell and values
 * that do not fit their type are left out with a warning; a value the format
 * cannot carry is refused (a ValidationError naming the variable).
 */
export function formatEnvExport(
  settings: readonly Setting[],
  active: Server | undefined,
  options: {readonly reveal: boolean; readonly format?: EnvFormat},
): EnvExport {
  const format = options.format ?? 'env';
  const lines = [headers[format]];
  const warnings: string[] = [];
  const emit = (name: string, value: string | null, secret: boolean) => {
    // An empty secret gives nothing away, and writing it keeps "not set" exact.
    if (hidesValue(secret, value, options.reveal)) {
      lines.push(`# ${name} is sensitive; export with --reveal to include it`);
      return;
    }
    lines.push(assignment(format, name, value ?? ''));
  };
  for (const setting of settings) {
    const name = setting.key.toUpperCase();
    const why = unexportableName(name);
    if (why) {
      warnings.push(`${printable(setting.key)}: left out, ${printable(name)} ${why}`);
      continue;
    }
    if (setting.problem) {
      warnings.push(`${name}: left out, the stored value is ${setting.problem}`);
      lines.push(`# ${name} left out: the stored value is ${setting.problem}`);
      continue;
    }
    emit(name, setting.value, setting.sensitive);
  }
  if (!active) {
    lines.push('# no active Letta server; LETTA_SERVER_URL is not set');
    return {text: `${lines.join('\n')}\n`, warnings};
  }
  if (active.problem) {
    warnings.push(`the active server's LETTA_* variables are left out: ${printable(active.problem)}`);
    lines.push('# the active Letta server is not valid; LETTA_SERVER_URL is not set');
    return {text: `${lines.join('\n')}\n`, warnings};
  }
  const url = serverBaseUrl(active);
  emit('LETTA_SERVER_URL', url, false);
  emit('LETTA_BASE_URL', url, false);
  // SMCP reads the password, the Letta client and doc-manager the API key: with
  // both stored each gets its own; with one, both names carry it.
  const password = active.password ?? active.token;
  const apiKey = active.token ?? active.password;
  if (password) emit('LETTA_SERVER_PASSWORD', password, true);
  if (apiKey) emit('LETTA_API_KEY', apiKey, true);
  return {text: `${lines.join('\n')}\n`, warnings};
}
