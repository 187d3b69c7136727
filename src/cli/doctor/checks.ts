import {existsSync, readFileSync, statSync} from 'node:fs';
import {dirname} from 'node:path';
import {latestSchemaVersion} from '../../db/migrate.js';
import {testConnection} from '../../letta/test-connection.js';
import {envFileDrift} from '../../repo/env-file-sync.js';
import {boxAdvice} from '../../repo/panel-advice.js';
import {formatEnvExport, type EnvFormat, envFormats} from '../../repo/env-export.js';
import {printable, quoted, type ConfigStore} from '../../repo/index.js';

export type CheckStatus = 'ok' | 'warn' | 'fail';
/** One finding: what was checked, what was found, and the command that fixes it. */
export type Check = {readonly check: string; readonly status: CheckStatus; readonly message: string; readonly fix?: string};

const ok = (check: string, message: string): Check => ({check, status: 'ok', message});
const shq = (path: string) => `'${path.replace(/'/g, `'\\''`)}'`;

export function fileChecks(path: string): Check[] {
  const mode = statSync(path).mode & 0o777;
  const dir = dirname(path);
  const dirMode = statSync(dir).mode & 0o777;
  const octal = (m: number) => `0${m.toString(8)}`;
  const checks: Check[] = [];
  checks.push(
    mode & 0o077
      ? {
          check: 'file mode',
          status: 'fail',
          message: `${printable(path)} is ${octal(mode)}: other users can read its secrets`,
          // A file kept read-only on purpose stays read-only: only the others' bits go.
          fix: `chmod ${mode & 0o200 ? '600' : '400'} ${shq(path)}`,
        }
      : ok('file mode', `${octal(mode)}`),
  );
  checks.push(
    dirMode & 0o022
      ? {
          check: 'directory mode',
          status: 'fail',
          message: `${printable(dir)} is ${octal(dirMode)}: other users can replace the file`,
          fix: `chmod 700 ${shq(dir)}`,
        }
      : dirMode & 0o055
        ? {
            check: 'directory mode',
            status: 'warn',
            message: `${printable(dir)} is ${octal(dirMode)}: other users can see what is in it`,
            fix: `chmod 700 ${shq(dir)}`,
          }
        : ok('directory mode', `${octal(dirMode)}`),
  );
  return checks;
}

export function databaseChecks(store: ConfigStore, recordedVersion: number): Check[] {
  const checks: Check[] = [];
  const integrity = store.integrityCheck();
  checks.push(
    integrity === 'ok'
      ? ok('integrity', 'PRAGMA integrity_check: ok')
      : {
          check: 'integrity',
          status: 'fail',
          message: `PRAGMA integrity_check: ${printable(integrity)}`,
          fix: `restore a backup (${printable(store.path)}.bak-v*) or an export`,
        },
  );
  const latest = latestSchemaVersion();
  checks.push(
    recordedVersion === latest
      ? ok('schema', `version ${latest}`)
      : {
          check: 'schema',
          status: 'warn',
          message: `version ${recordedVersion}, this sanctum-config writes ${latest}`,
          fix: 'sanctum-config init --non-interactive --no-probe   # upgrades it, keeping a backup',
        },
  );
  const foreign = store.foreignSchemaObjects();
  checks.push(
    foreign.length === 0
      ? ok('triggers and views', 'only those sanctum-config made')
      : {
          check: 'triggers and views',
          status: 'fail',
          message: `not made by sanctum-config, so nothing is written to this file: ${foreign.map((o) => `${o.type} ${printable(o.name)} on ${printable(o.table)}`).join(', ')}`,
          fix: `${foreign
            .map((o) => `sqlite3 ${shq(store.path)} ${shq(`DROP ${o.type.toUpperCase()} "${o.name.replace(/"/g, '""')}"`)}`)
            .map(printable)
            .join(
              '; ',
            )}   # or, if you put them there on purpose: export SANCTUM_CONFIG_TRUSTED_OBJECTS=${foreign.map((o) => printable(o.fingerprint)).join(',')}`,
        },
  );
  const missing = store.missingSchemaObjects();
  if (missing.length) {
    checks.push({
      check: 'schema objects',
      status: 'warn',
      message: `the file records schema version ${recordedVersion} but lacks ${missing.slice(0, 3).map(printable).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}`,
      fix: `restore a backup (${printable(store.path)}.bak-v*) or an export into a new file`,
    });
  }
  const servers = store.servers.list();
  const active = servers.filter((s) => s.active);
  checks.push(
    active.length === 1
      ? ok('active server', `server ${active[0]!.id}`)
      : active.length === 0
        ? {
            check: 'active server',
            status: 'fail',
            message: 'no server is active',
            fix: servers.length ? `sanctum-config server activate ${servers[0]!.id}` : 'sanctum-config server add --address HOST --port 8284 --activate',
          }
        : {
            check: 'active server',
            status: 'fail',
            message: `${active.length} servers are active (${active.map((s) => s.id).join(', ')})`,
            fix: `sanctum-config server activate ${active[0]!.id}`,
          },
  );
  for (const setting of store.settings.list().filter((s) => s.problem)) {
    checks.push({
      check: 'setting value',
      status: 'fail',
      message: `${printable(setting.key)} is ${setting.problem}`,
      fix: `sanctum-config set ${printable(setting.key)} VALUE`,
    });
  }
  for (const server of servers.filter((s) => s.problem)) {
    checks.push({
      check: 'server',
      status: 'fail',
      message: `server ${server.id}: ${printable(server.problem!)}`,
      fix: `sanctum-config server set ${server.id} ...`,
    });
  }
  return checks;
}

const value = (store: ConfigStore, key: string) => store.settings.get(key)?.value ?? '';
const isLoopback = (address: string) => /^(https?:\/\/)?(localhost|127\.[0-9.]+|\[?::1\]?)\/?$/i.test(address);

/** Secrets that are empty although what refers to them needs them: a small, honest set. */
export function secretChecks(store: ConfigStore): Check[] {
  const checks: Check[] = [];
  // Rotated and removed secrets stay in the history until purged: worse when others can read the file.
  const othersRead = (statSync(store.path).mode & 0o044) !== 0;
  const kept = othersRead ? store.history.secretCount() : 0;
  if (kept > 0) {
    checks.push({
      check: 'history secrets',
      status: 'warn',
      message: `the history holds ${kept} secret value${kept === 1 ? '' : 's'} (old ones too) and other users can read the file`,
      fix: `chmod 600 ${shq(store.path)}; sanctum-config purge-history --secrets`,
    });
  }
  const providers = ['openai_api_key', 'anthropic_api_key', 'ollama_base_url'].filter((k) => store.settings.get(k));
  if (providers.length && providers.every((k) => value(store, k) === '')) {
    checks.push({
      check: 'model provider',
      status: 'warn',
      message: 'openai_api_key, anthropic_api_key and ollama_base_url are all empty: Letta has no model to use',
      fix: 'printf %s "$KEY" | sanctum-config set openai_api_key --stdin',
    });
  }
  for (const key of ['api_key', 'admin_key']) {
    if (store.settings.get(key) && value(store, key) === '') {
      checks.push({
        check: 'panel API key',
        status: 'warn',
        message: `${key} is empty: the control panel's HTTP API takes any caller`,
        fix: `printf %s "$(openssl rand -hex 24)" | sanctum-config set ${key} --stdin`,
      });
    }
  }
  for (const advice of boxAdvice(store)) checks.push({...advice, status: 'warn'});
  const active = store.servers.active();
  if (active && !active.problem && !active.password && !active.token && !isLoopback(active.address)) {
    checks.push({
      check: 'server credentials',
      status: 'warn',
      message: `server ${active.id} is not on this box and has no password or token`,
      fix: `printf %s "$PW" | sanctum-config server set ${active.id} --password-stdin`,
    });
  }
  return checks;
}

/** What to do about each way a connection test fails: a fix for that failure, not one for all. */
function connectionFix(outcome: string, id: number, port: number): string {
  switch (outcome) {
    case 'unreachable':
      return `start Letta (letta server --port ${port}), or point the server where it runs: sanctum-config server set ${id} --address HOST --port PORT`;
    case 'timeout':
      return `check the address and any firewall between; a slow server gets more time with sanctum-config server set ${id} --timeout 60`;
    case 'auth-failed':
      return `store the password Letta was started with: printf %s "$PW" | sanctum-config server set ${id} --password-stdin`;
    case 'tls-error':
      return `use the certificate's host name, or http:// for a server without TLS: sanctum-config server set ${id} --address http://HOST`;
    default:
      return `check that a Letta server answers there (not another program): sanctum-config server test ${id} --json`;
  }
}

export async function connectionCheck(store: ConfigStore): Promise<Check> {
  const active = store.servers.active();
  if (!active || active.problem) return {check: 'connection', status: 'fail', message: 'no usable active server to test', fix: 'sanctum-config server list'};
  const report = await testConnection(active);
  if (report.outcome !== 'ok') {
    return {
      check: 'connection',
      status: 'fail',
      message: `server ${active.id}: ${report.outcome}: ${printable(report.detail)}`,
      fix: connectionFix(report.outcome, active.id, active.port),
    };
  }
  if (report.credentials === 'not-enforced') {
    return {check: 'connection', status: 'warn', message: `server ${active.id}: ${printable(report.detail)}`, fix: 'start Letta with --secure and a password'};
  }
  return ok('connection', `server ${active.id}: ${printable(report.detail)}`);
}

/** Each assignment of an env file, by variable name, as its line reads (never shown). */
function assignments(text: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/.exec(line);
    if (match) lines.set(match[1]!, line);
  }
  return lines;
}

/** Whether an env file still says what `export` would write now: names only, never values. */
export function envFileCheck(store: ConfigStore, path: string): Check {
  const check = 'env file';
  if (!existsSync(path))
    return {check, status: 'fail', message: `${printable(path)} does not exist`, fix: `sanctum-config export --format env --reveal --output ${shq(path)}`};
  const text = readFileSync(path, 'utf8');
  const header = text.split('\n')[0] ?? '';
  const format: EnvFormat = envFormats.find((f) => header.includes(`: ${f === 'env' ? 'POSIX' : f}`)) ?? (/^export /m.test(text) ? 'env' : 'docker');
  let expected: Map<string, string>;
  try {
    expected = assignments(formatEnvExport(store.envNames.bindings(), (key) => store.settings.get(key), store.servers.active(), {reveal: true, format}).text);
  } catch (error) {
    return {check, status: 'warn', message: `cannot compare: ${(error as Error).message}`};
  }
  const found = assignments(text);
  const missing = [...expected.keys()].filter((n) => !found.has(n));
  const extra = [...found.keys()].filter((n) => !expected.has(n));
  const differ = [...expected.keys()].filter((n) => found.has(n) && found.get(n) !== expected.get(n));
  if (!missing.length && !extra.length && !differ.length) return ok(check, `${printable(path)} matches (${format})`);
  const parts = [
    differ.length ? `differs in ${differ.join(', ')}` : '',
    missing.length ? `lacks ${missing.join(', ')}` : '',
    extra.length ? `has ${extra.join(', ')} that export does not write` : '',
  ].filter(Boolean);
  return {
    check,
    status: 'fail',
    message: `${printable(path)} (${format}) ${parts.join('; ')}`,
    fix: `sanctum-config export --format ${format} --reveal --output ${shq(path)}`,
  };
}

/** ~/.letta/.env, when the box has one: a warning while it says something else than `env-file sync` would write. */
export function managedEnvFileCheck(store: ConfigStore): Check[] {
  const drift = envFileDrift(store);
  if (!drift) return [];
  const check = '~/.letta/.env';
  if (drift.problem) return [{check, status: 'warn', message: `cannot be written from the settings: ${printable(drift.problem)}`}];
  if (!drift.drifted) return [ok(check, 'says what the settings say')];
  return [
    {check, status: 'warn', message: 'says something else than the settings (sanctum-config env-file diff shows what)', fix: 'sanctum-config env-file sync'},
  ];
}

/** The active profile, when there is one: said, and a warning when `environment` no longer names it (edited since the switch). */
export function profileChecks(store: ConfigStore): Check[] {
  const active = store.profiles.active();
  if (active === null) return [];
  const guarded = store.profiles.isGuarded(active) ? ' (guarded: the app asks before each write)' : '';
  const environment = store.settings.get('environment')?.value;
  if (environment !== undefined && environment !== active) {
    return [
      {
        check: 'profile',
        status: 'warn',
        message: `${printable(active)} is active, but environment says ${quoted(environment ?? '')}`,
        fix: `sanctum-config profile switch ${shq(active)} (or set environment back)`,
      },
    ];
  }
  return [ok('profile', `${printable(active)} is active${guarded}`)];
}
