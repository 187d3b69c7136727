import type {Command} from 'commander';
import {describeChange, describeTarget, describeValue, describeWho, hasOldAndNew, type HistoryEntry, hidesValue, isoTime, printable} from '../../repo/index.js';
import {formatTable, terminalWidth} from '../table.js';
import {serverReference} from './server.js';
import {print, withChanges, withStore} from '../with-store.js';
import {UsageError, ValidationError} from '../../errors.js';
import {writeOut} from '../stdio.js';

function entryJson(entry: HistoryEntry, reveal: boolean): Record<string, unknown> {
  const hide = [entry.oldValue, entry.newValue].some((v) => hidesValue(entry.sensitive, v, reveal));
  const value = (v: string | null) => (hide && v !== null ? null : v);
  return {
    id: entry.id,
    changed_at: isoTime(entry.changedAt),
    kind: entry.kind,
    ...(entry.kind === 'setting'
      ? {key: entry.row}
      : entry.kind === 'server'
        ? {server_id: Number(entry.row)}
        : entry.kind === 'profile'
          ? {profile: entry.newValue}
          : {scope: entry.row}),
    action: entry.action,
    column: entry.column,
    old_value: value(entry.oldValue),
    new_value: value(entry.newValue),
    source: entry.source,
    actor: entry.actor,
    sensitive: entry.sensitive,
    ...(hide ? {redacted: true} : {}),
  };
}

function parseCount(text: string): number {
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) throw new ValidationError('limit', `'${printable(text)}' is not a count from 1 to 999999`);
  return Number(text);
}

export function registerHistoryCommands(program: Command): void {
  program
    .command('history')
    .description('who changed what, newest first: every writer (the app, the CLI, imports, other programs)')
    .argument('[key]', 'only this setting')
    .option('--server <server>', 'only this server (id or name)')
    .option('--limit <n>', 'how many changes', '20')
    .option('--json', 'an array of objects for scripts')
    .option('--reveal', 'show secret values instead of masking them')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sanctum-config history\n  $ sanctum-config history flask_port --limit 5\n  $ sanctum-config history --server 1 --json',
    )
    .action(async (key: string | undefined, options, command: Command) => {
      if (key !== undefined && options.server !== undefined) throw new UsageError('give a key or --server, not both');
      const limit = parseCount(options.limit);
      const reference = options.server === undefined ? undefined : serverReference(options.server);
      const reveal = Boolean(options.reveal);
      await withStore(command, 'read', (store) => {
        const serverId = reference === undefined ? undefined : store.servers.resolve(reference);
        const entries = store.history.list({key, serverId, limit});
        if (options.json)
          return print(
            JSON.stringify(
              entries.map((e) => entryJson(e, reveal)),
              null,
              2,
            ),
          );
        const rows = entries.map((e) => [
          String(e.id),
          printable(e.changedAt.slice(0, 19)),
          describeWho(e),
          describeTarget(e),
          hasOldAndNew(e) ? `${describeValue(e, e.oldValue, reveal)} -> ${describeValue(e, e.newValue, reveal)}` : describeValue(e, null, reveal),
        ]);
        writeOut(formatTable(['ID', 'WHEN (UTC)', 'BY', 'WHAT', 'CHANGE'], rows, terminalWidth()));
      });
    });

  program
    .command('purge-history')
    .description('remove changes from the history for good (a rotated secret, a key, a server, or all): the file keeps no copy')
    .argument('[key]', "this setting's changes")
    .option('--server <server>', "this server's changes (id or name)")
    .option('--secrets', 'every change that is or was secret')
    .option('--all', 'every change')
    .option('--json', 'print what changed: {"changed": true|false, "changes": [...]}')
    .addHelpText('after', '\nExamples:\n  $ sanctum-config purge-history --secrets\n  $ sanctum-config purge-history openai_api_key')
    .action(async (key: string | undefined, options: {server?: string; secrets?: boolean; all?: boolean; json?: boolean}, command: Command) => {
      const given = [key !== undefined, options.server !== undefined, Boolean(options.secrets), Boolean(options.all)].filter(Boolean).length;
      if (given !== 1) throw new UsageError('give one of: a key, --server ID|NAME, --secrets or --all');
      const scope = options.all
        ? ({all: true} as const)
        : options.secrets
          ? ({secrets: true} as const)
          : key !== undefined
            ? {key}
            : {server: serverReference(options.server ?? '')};
      await withChanges(command, Boolean(options.json), (store, say) => {
        const removed = store.history.purge('server' in scope ? {serverId: store.servers.resolve(scope.server as string)} : scope);
        say(`removed ${removed} change${removed === 1 ? '' : 's'} from the history`);
      });
    });

  program
    .command('undo')
    .description('put back what a change changed, as a new change (refused when the row has changed since)')
    .argument('[id]', 'the change (see history); default: the latest')
    .option('--force', 'undo it even when the row has changed since')
    .option('--json', 'print what changed: {"changed": true|false, "changes": [...]}')
    .addHelpText('after', '\nExamples:\n  $ sanctum-config undo\n  $ sanctum-config undo 42 --force')
    .action(async (id: string | undefined, options: {force?: boolean; json?: boolean}, command: Command) => {
      const changeId = id === undefined ? undefined : parseCount(id);
      await withChanges(command, Boolean(options.json), (store, say) => {
        const target = changeId ?? store.history.latestId();
        if (target === undefined) throw new UsageError('the history is empty; nothing to undo');
        const entry = store.history.undo(target, {force: Boolean(options.force)});
        say(`undid change ${entry.id}: ${describeChange(entry, {undoing: true})}`);
      });
    });
}
