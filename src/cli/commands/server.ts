import type {Command} from 'commander';
import {UsageError, ValidationError} from '../../errors.js';
import {
  hasControlCharacters,
  isoTime,
  hidesValue,
  maskSecret,
  printable,
  quoted,
  type SecretServerField,
  type Server,
  type ServerFields,
  secretServerFields,
  serverFields,
} from '../../repo/index.js';
import {serverBaseUrl} from '../../repo/server-url.js';
import {readStdinValue} from '../read-stdin.js';
import {formatTable, terminalWidth} from '../table.js';
import {dryRunHelp, print, withChanges, withStore} from '../with-store.js';
import {writeErr, writeOut} from '../stdio.js';

const jsonHelp = 'print what changed: {"changed": true|false, "changes": [...]}';

/** A server as scripts read it; secrets redacted unless revealed. */
function serverJson(server: Server, reveal: boolean): Record<string, unknown> {
  const redacted = secretServerFields.filter((f) => hidesValue(true, server[f], reveal));
  const fields = Object.fromEntries(serverFields.map((f) => [f.field, redacted.includes(f.field as SecretServerField) ? null : server[f.field]]));
  return {
    id: server.id,
    ...fields,
    url: server.problem ? null : serverBaseUrl(server),
    // One word for it everywhere: true when a value is left out (here, which one is the null beside it).
    ...(redacted.length ? {redacted: true} : {}),
    uses: server.password ? 'password' : server.token ? 'token' : 'none',
    active: server.active,
    version: server.version,
    last_connected_at: isoTime(server.lastConnectedAt),
    ...(server.problem ? {invalid: server.problem} : {}),
    updated_at: isoTime(server.updatedAt),
  };
}

/** A server id as typed: any whole number JavaScript holds exactly, 0 and negative ones too (other programs write them). */
/** A server as the command line names it: its id, or its name (checked here for shape; found in the store). */
export function serverReference(text: string): string {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 100 || hasControlCharacters(trimmed) || (/^-?\d+$/.test(trimmed) && !Number.isSafeInteger(Number(trimmed)))) {
    throw new ValidationError('server', `${quoted(text)} is not a server id or name (see server list)`);
  }
  return trimmed;
}

function parseVersion(text: string): number {
  if (!/^\d{1,15}$/.test(text)) throw new ValidationError('--if-version', `${quoted(text)} is not a version (a whole number, see server list --json)`);
  return Number(text);
}

/** updated_at as SQLite writes it (CURRENT_TIMESTAMP, fractions allowed) or as ISO 8601 with a T; compared as SQLite's text. */
function parseTimestamp(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)Z?$/.exec(text.trim());
  if (!match || Number.isNaN(Date.parse(`${match[1]}T${match[2]}Z`))) {
    throw new ValidationError('--if-unchanged-since', `${quoted(text)} is not a time as updated_at holds it (YYYY-MM-DD HH:MM:SS, see server list --json)`);
  }
  return `${match[1]} ${match[2]}`;
}

/** commander's name for an option: --password-stdin is passwordStdin. */
const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const stdinOption = (field: string) => camel(`${field}-stdin`);
const clearOption = (field: string) => camel(`clear-${field}`);

/** The fields given as flags; secrets only through stdin, one secret per command (stdin holds one value). */
async function fieldsFromOptions(options: Record<string, unknown>): Promise<ServerFields> {
  const fromStdin = secretServerFields.filter((f) => options[stdinOption(f)]);
  if (fromStdin.length > 1) throw new UsageError(`give ${fromStdin.map((f) => `--${f}-stdin`).join(' or ')}, not both`);
  const fields: Record<string, string | null | undefined> = {};
  for (const spec of serverFields) {
    if (!spec.secret) fields[spec.field] = options[spec.field] as string | undefined;
    else if (options[stdinOption(spec.field)]) {
      if (options[clearOption(spec.field)]) throw new UsageError(`give --${spec.field}-stdin or --clear-${spec.field}, not both`);
      fields[spec.field] = await readStdinValue(`server ${spec.label}`);
    } else if (options[clearOption(spec.field)]) fields[spec.field] = null;
  }
  return fields as ServerFields;
}

function secretState(server: Server, reveal: boolean, key: SecretServerField): string {
  const value = server[key];
  return value && !hidesValue(true, value, reveal) ? printable(value) : maskSecret(value);
}

/** A server's fields as the table shows them: secrets masked, a problem beside the address, units after numbers. */
function tableCells(server: Server, reveal: boolean): string[] {
  return serverFields.map((spec) => {
    // Letta has one secret: the password, else the token; a token beside a password is not used.
    if (spec.secret) return `${secretState(server, reveal, spec.field)}${spec.field === 'token' && server.password && server.token ? ' (unused)' : ''}`;
    const value = server[spec.field];
    if (value === null) return '';
    const text = `${printable(String(value))}${'unit' in spec ? spec.unit : ''}`;
    return spec.field === 'address' && server.problem ? `${text} (invalid: ${printable(server.problem)})` : text;
  });
}

/** An option for each field; a secret comes only from standard input. */
function serverOptions(command: Command): Command {
  for (const spec of serverFields) {
    if (spec.secret) command.option(`--${spec.field}-stdin`, `read the ${spec.label} from standard input`);
    else command.option(`--${spec.field} <${spec.option.value}>`, spec.option.help);
  }
  return command;
}

/** --clear-FIELD for each secret, on the commands that change a server. */
function clearOptions(command: Command): Command {
  for (const field of secretServerFields) command.option(`--clear-${field}`, `remove the stored ${field}`);
  return command;
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
          ...tableCells(s, reveal),
          s.lastConnectedAt === null ? 'never' : printable(String(s.lastConnectedAt)),
        ]);
        const header = ['ID', 'ACTIVE', ...serverFields.map((f) => f.label.toUpperCase()), 'LAST CONNECTED'];
        writeOut(formatTable(header, rows, terminalWidth()));
      });
    });

  serverOptions(server.command('add'))
    .description('add a server (active when --activate, or when none is active)')
    .option('--activate', 'make it the active server')
    .option('--json', jsonHelp)
    .option('--dry-run', dryRunHelp)
    .addHelpText('after', '\nExample:\n  $ printf %s "$PW" | sanctum-config server add --address 10.0.0.5 --port 8284 --name lab --password-stdin')
    .action(async (options, command: Command) => {
      if (options.address === undefined) throw new UsageError('server add needs --address');
      const fields = await fieldsFromOptions(options);
      await withChanges(
        command,
        Boolean(options.json),
        (store, say) => {
          const added = store.servers.add(fields, {activate: Boolean(options.activate)});
          say(`added server ${added.id}${added.active ? ' (active)' : ''}`);
        },
        {dryRun: Boolean(options.dryRun)},
      );
    });

  clearOptions(serverOptions(server.command('ensure')))
    .description(
      'make the server with this name exist as the options say: added when missing, updated where it differs, left alone when it matches (--json reports "changed", as Ansible wants)',
    )
    .argument('<name>', 'its name (names are unique)')
    .option('--activate', 'make it the active server')
    .option('--json', jsonHelp)
    .option('--dry-run', dryRunHelp)
    .addHelpText(
      'after',
      '\nExample:\n  $ printf %s "$PW" | sanctum-config server ensure lab --address 10.0.0.5 --port 8284 --password-stdin --activate --json',
    )
    .action(async (name: string, options, command: Command) => {
      if (options.name !== undefined) throw new UsageError('server ensure takes the name as its argument, not --name');
      const fields = await fieldsFromOptions(options);
      await withChanges(
        command,
        Boolean(options.json),
        (store, say) => {
          const existing = store.servers.named(name);
          if (!existing) {
            if (fields.address === undefined) throw new UsageError(`no server named ${quoted(name)} yet; give --address to add it`);
            const added = store.servers.add({...fields, name}, {activate: Boolean(options.activate)});
            return say(`added server ${added.id} (${printable(added.name ?? name)})${added.active ? ', active' : ''}`);
          }
          const updated = store.servers.update(existing.id, fields);
          const activated = Boolean(options.activate) && !updated.active;
          if (activated) store.servers.activate(existing.id);
          const same = JSON.stringify(updated) === JSON.stringify(existing) && !activated;
          say(`server ${existing.id} (${printable(existing.name ?? name)}): ${same ? 'already as asked' : 'changed'}`);
        },
        {dryRun: Boolean(options.dryRun)},
      );
    });

  clearOptions(serverOptions(server.command('set')))
    .description("change a server's fields")
    .argument('<server>', 'server id or name (see server list)')
    .option('--json', jsonHelp)
    .option('--dry-run', dryRunHelp)
    .option('--if-version <n>', 'only if the server is still at this version (its "version" in server list --json); else exit 3')
    .option(
      '--if-unchanged-since <updated_at>',
      'only if the server has not changed after this time (its updated_at, to the second: prefer --if-version); else exit 3',
    )
    .addHelpText('after', '\nExample:\n  $ sanctum-config server set 1 --port 8284 --timeout 10')
    .action(async (id: string, options, command: Command) => {
      const reference = serverReference(id);
      const fields = await fieldsFromOptions(options);
      const ifUnchangedSince = options.ifUnchangedSince === undefined ? undefined : parseTimestamp(options.ifUnchangedSince);
      const ifVersion = options.ifVersion === undefined ? undefined : parseVersion(options.ifVersion);
      await withChanges(
        command,
        Boolean(options.json),
        (store) => void store.servers.update(store.servers.resolve(reference), fields, {ifUnchangedSince, ifVersion}),
        {
          dryRun: Boolean(options.dryRun),
        },
      );
    });

  server
    .command('activate')
    .description('make this server the active one (every other becomes inactive)')
    .argument('<server>', 'server id or name')
    .option('--json', jsonHelp)
    .option('--dry-run', dryRunHelp)
    .addHelpText('after', '\nExamples:\n  $ sanctum-config server activate 2\n  $ sanctum-config server activate lab')
    .action(async (id: string, options: {json?: boolean; dryRun?: boolean}, command: Command) => {
      const reference = serverReference(id);
      await withChanges(command, Boolean(options.json), (store) => void store.servers.activate(store.servers.resolve(reference)), {
        dryRun: Boolean(options.dryRun),
      });
    });

  server
    .command('remove')
    .description('remove a server')
    .argument('<server>', 'server id or name')
    .option('--json', 'print what changed; a server that is already gone is no error then, just "changed": false')
    .option('--dry-run', dryRunHelp)
    .addHelpText('after', '\nExample:\n  $ sanctum-config server remove 2')
    .action(async (id: string, options: {json?: boolean; dryRun?: boolean}, command: Command) => {
      const reference = serverReference(id);
      await withChanges(
        command,
        Boolean(options.json),
        (store) => {
          const found = /^-?\d+$/.test(reference) ? Number(reference) : store.servers.named(reference)?.id;
          if (options.json && (found === undefined || !store.servers.get(found))) return;
          const serverId = store.servers.resolve(reference);
          const {wasActive} = store.servers.remove(serverId);
          if (wasActive && !options.dryRun) writeErr(`removed the active server; none is active now (server activate ID)\n`);
        },
        {dryRun: Boolean(options.dryRun)},
      );
    });
  return server;
}
