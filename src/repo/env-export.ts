import type {Server} from './servers-repo.js';
import type {Setting} from './settings-repo.js';
import {serverBaseUrl} from './server-url.js';

/** POSIX single quotes: nothing inside is expanded; a ' is closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const envName = /^[A-Z_][A-Z0-9_]*$/;

/**
 * `KEY='value'` lines for `.` / `source`: each setting upper-cased, then the
 * active server as the variables Letta, SMCP and the Letta client read.
 * Secrets are left out (a comment says so) unless `reveal`.
 */
export function formatEnvExport(settings: readonly Setting[], active: Server | undefined, reveal: boolean): string {
  const lines = ['# sanctum-config export: source this file from a POSIX shell'];
  const emit = (name: string, value: string | null, secret: boolean) => {
    // An empty secret gives nothing away, and writing it keeps "not set" exact.
    if (secret && !reveal && value) {
      lines.push(`# ${name} is sensitive; export with --reveal to include it`);
    } else {
      lines.push(`${name}=${shellQuote(value ?? '')}`);
    }
  };
  for (const setting of settings) {
    const name = setting.key.toUpperCase();
    if (!envName.test(name)) {
      lines.push(`# ${JSON.stringify(setting.key)} is not a valid variable name; left out`);
      continue;
    }
    emit(name, setting.value, setting.sensitive);
  }
  if (!active) {
    lines.push('# no active Letta server; LETTA_SERVER_URL is not set');
    return `${lines.join('\n')}\n`;
  }
  const url = serverBaseUrl(active);
  emit('LETTA_SERVER_URL', url, false);
  emit('LETTA_BASE_URL', url, false);
  // Letta takes a password or a token the same way (a bearer); each name gets whichever is stored.
  const password = active.password ?? active.token;
  const apiKey = active.token ?? active.password;
  if (password) emit('LETTA_SERVER_PASSWORD', password, true);
  if (apiKey) emit('LETTA_API_KEY', apiKey, true);
  return `${lines.join('\n')}\n`;
}
