import type {Command} from 'commander';
import {UsageError, ValidationError} from '../../errors.js';
import {maskSecret, printable, quoted, type Server, type ServerFields} from '../../repo/index.js';
import {serverBaseUrl} from '../../repo/server-url.js';
import {readStdinValue} from '../read-stdin.js';
import {formatTable, terminalWidth} from '../table.js';
import {print, withChanges, withStore} from '../with-store.js';
import {writeErr, writeOut} from '../stdio.js';

const jsonHelp = 'print what changed: {"changed": true|false, "changes": [...]}';

/** A server as scripts read it; secrets redacted unless revealed. */
function serverJson(server: Server, reveal: boolean): Record<string, unknown> {
  const redacted = reveal ? [] : (['password', 'token'] as const).filter((k) => server[k]);
  return {
    id: server.id,
    name: server.name,
    address: server.address,
    port: server.port,
    url: server.problem ? null : serverBaseUrl(server),
    password: redacted.includes('password') ? null : server.password,
    token: redacted.includes('token') ? null : server.token,
    ...(redacted.length ? {redacted} : {}),
    timeout: server.timeout,
    active: server.active,
    last_connected_at: server.lastConnectedAt,
    ...(server.problem ? {invalid: server.problem} : {}),
    updated_at: server.updatedAt,
  };
}

export function parseServerId(text: string): number {
  const id = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new ValidationError('id', `${quoted(text)} is not a server id (see server list)`);
  return id;
}

/** The fields given as flags; secrets only through stdin. */
async function fieldsFromOptions(options: Record<string, unknown>): Promise<ServerFields> {
  if (options.passwordStdin && options.tokenStdin) throw new UsageError('give --password-stdin or --token-stdin, not both');
  const fields: {-readonly [K in keyof ServerFields]: ServerFields[K]} = {
    address: options.address as string | undefined,
    port: options.port as string | undefined,
    name: options.name as string | undefined,
    timeout: options.timeout as string | undefined,
  };
  if (options.passwordStdin) fields.password = await readStdinValue('server password');
  if (options.tokenStdin) fields.token = await readStdinValue('server token');
  if (options.clearPassword) fields.password = null;
  if (options.clearToken) fields.token = null;
  return fields;
}

function secretState(server: Server, reveal: boolean, key: 'password' | 'token'): string {
  return reveal && server[key] ? printable(server[key]!) : maskSecret(server[key]);
}

function serverOptions(command: Command): Command {
  return command
    .option('--address <address>', 'host name or IP, optionally with http:// or https://')
    .option('--port <port>', 'port, 1-65535 (default 8080)')
    .option('--name <name>', 'a short label')
    .option('--timeout <seconds>', 'connection timeout in seconds (default 30)')
    .option('--password-stdin', 'read the password from standard input')
    .option('--token-stdin', 'read the token from standard input');
}

export function registerServerCommands(program: Command): Command {
  const server = program.command('server').description('manage Letta server connections');

  server
    .command('list')
    .description('show every server; * marks the active one')
    .option('--json', 'an array of objects for scripts')
    .option('--reveal', 'show passwords and tokens')
    .addHelpText('after', "\nExamples:\n  $ sanctum-config server list\n  $ sanctum-config server list --json | jq '.[] | select(.active)'")
    .action(async (options, command: Command) => {
      await withStore(command, 'read', (store) => {
        const servers = store.servers.list();
        const reveal = Boolean(options.reveal);
        if (options.json)
          return print(
            JSON.stringify(
              servers.map((s) => serverJson(s, reveal)),
              null,
              2,
            ),
          );
        const rows = servers.map((s) => [
          String(s.id),
          s.active ? '*' : '',
          printable(s.name ?? ''),
          s.problem ? `${printable(s.address)} (invalid: ${printable(s.problem)})` : printable(s.address),
          printable(String(s.port)),
          secretState(s, reveal, 'password'),
          secretState(s, reveal, 'token'),
          s.timeout === null ? '' : `${printable(String(s.timeout))}s`,
          s.lastConnectedAt === null ? 'never' : printable(String(s.lastConnectedAt)),
        ]);
        const header = ['ID', 'ACTIVE', 'NAME', 'ADDRESS', 'PORT', 'PASSWORD', 'TOKEN', 'TIMEOUT', 'LAST CONNECTED'];
        writeOut(formatTable(header, rows, terminalWidth()));
      });
    });

  serverOptions(server.command('add'))
    .description('add a server (active when --activate, or when none is active)')
    .option('--activate', 'make it the active server')
    .option('--json', jsonHelp)
    .addHelpText('after', '\nExample:\n  $ printf %s "$PW" | sanctum-config server add --address 10.0.0.5 --port 8284 --name lab --password-stdin')
    .action(async (options, command: Command) => {
      if (options.address === undefined) throw new UsageError('server add needs --address');
      const fields = await fieldsFromOptions(options);
      await withChanges(command, Boolean(options.json), (store, say) => {
        const added = store.servers.add(fields, {activate: Boolean(options.activate)});
        say(`added server ${added.id}${added.active ? ' (active)' : ''}`);
      });
    });

  serverOptions(server.command('set'))
    .description("change a server's fields")
    .argument('<id>', 'server id (see server list)')
    .option('--clear-password', 'remove the stored password')
    .option('--clear-token', 'remove the stored token')
    .option('--json', jsonHelp)
    .option('--if-unchanged-since <updated_at>', 'only if the server has not changed after this time (its updated_at); else exit 3')
    .addHelpText('after', '\nExample:\n  $ sanctum-config server set 1 --port 8284 --timeout 10')
    .action(async (id: string, options, command: Command) => {
      if (options.passwordStdin && options.clearPassword) throw new UsageError('give --password-stdin or --clear-password, not both');
      if (options.tokenStdin && options.clearToken) throw new UsageError('give --token-stdin or --clear-token, not both');
      const serverId = parseServerId(id);
      const fields = await fieldsFromOptions(options);
      await withChanges(command, Boolean(options.json), (store) => void store.servers.update(serverId, fields, {ifUnchangedSince: options.ifUnchangedSince}));
    });

  server
    .command('activate')
    .description('make this server the active one (every other becomes inactive)')
    .argument('<id>', 'server id')
    .option('--json', jsonHelp)
    .addHelpText('after', '\nExample:\n  $ sanctum-config server activate 2')
    .action(async (id: string, options: {json?: boolean}, command: Command) => {
      const serverId = parseServerId(id);
      await withChanges(command, Boolean(options.json), (store) => void store.servers.activate(serverId));
    });

  server
    .command('remove')
    .description('remove a server')
    .argument('<id>', 'server id')
    .option('--json', 'print what changed; a server that is already gone is no error then, just "changed": false')
    .addHelpText('after', '\nExample:\n  $ sanctum-config server remove 2')
    .action(async (id: string, options: {json?: boolean}, command: Command) => {
      const serverId = parseServerId(id);
      await withChanges(command, Boolean(options.json), (store) => {
        if (options.json && !store.servers.get(serverId)) return;
        const {wasActive} = store.servers.remove(serverId);
        if (wasActive) writeErr(`removed the active server; none is active now (server activate ID)\n`);
      });
    });
  return server;
}
