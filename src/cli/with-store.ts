import {existsSync} from 'node:fs';
import type {Command} from 'commander';
import {StoreError, UsageError} from '../errors.js';
import {resolveDatabasePath} from '../db/database-path.js';
import {asConfigError, openConfigStore, printable, quoted, type ConfigStore} from '../repo/index.js';
import {type Change, diffState, snapshotState} from '../repo/changes.js';
import {upgradesOnWrite} from '../db/pending-upgrade.js';
import {writeOut} from './stdio.js';

/** The database path a command was given (--db), else the default. */
export function databasePathOf(command: Command): string {
  return databasePathFor(command.optsWithGlobals().db as string | undefined, Boolean(command.optsWithGlobals().readOnly));
}

/** The same, from --db and --read-only as given (the app's short route has no command tree). */
export function databasePathFor(db: string | undefined, readOnly: boolean): string {
  // An empty --db (an unset variable in a script: --db "$DB") must not quietly mean the default database.
  if (db === '') throw new UsageError('--db needs a path; it was empty');
  const path = resolveDatabasePath(db);
  // --read-only creates nothing either: a file that is not there is said, not made.
  if (readOnly && !existsSync(path)) throw new StoreError(`${path} does not exist, and --read-only was given`);
  return path;
}

/**
 * Open the store for one command, run it, close it. Reading never writes to
 * the file (an older schema is upgraded in a copy in memory); writing to a
 * read-only file is refused before anything is tried; `record` writes when it
 * can (a connection test's timestamp) and reads otherwise; a dry run works on
 * a copy in memory. SQLite's own
 * failures become one line.
 */
export async function withStore<T>(
  command: Command,
  intent: 'read' | 'write' | 'record' | 'dry-run',
  work: (store: ConfigStore) => T | Promise<T>,
): Promise<T> {
  // --read-only is a promise not to write: a writing command refuses it, a connection test does not record.
  if (command.optsWithGlobals().readOnly) {
    if (intent === 'write') throw new UsageError(`${command.name()} writes to the file, and --read-only was given; nothing changed`);
    if (intent === 'record') intent = 'read';
  }
  return withStoreAt(databasePathOf(command), intent, work);
}

/** withStore for a path already resolved (the read commands' short route has no command tree). */
export async function withStoreAt<T>(path: string, intent: 'read' | 'write' | 'record' | 'dry-run', work: (store: ConfigStore) => T | Promise<T>): Promise<T> {
  if (intent === 'write' && upgradesOnWrite(path)) {
    // A trial on a copy in memory: a refusal is thrown from here, and a write that changes nothing ends here.
    let started = false;
    try {
      const trial = await withStoreAt(path, 'dry-run', async (store) => {
        started = true;
        const before = store.contentFingerprint();
        const result = await work(store);
        return {result, changed: store.contentFingerprint() !== before};
      });
      if (!trial.changed) return trial.result;
    } catch (error) {
      if (started) throw error;
      // No copy (another writer is upgrading the file right now): the write itself waits for it, as always.
    }
  }
  const store = openConfigStore(path, {readOnly: intent === 'read' || intent === 'dry-run', copy: intent === 'dry-run'});
  try {
    if (intent === 'write' && store.readOnly) throw new StoreError(`${path} is read-only; cannot write to it`);
    return await work(store);
  } catch (error) {
    throw asConfigError(error, path) ?? error;
  } finally {
    store.close();
  }
}

export function print(text: string): void {
  writeOut(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * `JSON.stringify(items, null, 2)` and a line break, the same bytes, written
 * in batches as the items come: a long list is never whole in memory, so it
 * costs no garbage collection of ten thousand objects at once.
 */
export function printJsonArray<T>(items: Iterable<T>, toJson: (item: T) => unknown): void {
  let batch: unknown[] = [];
  let first = true;
  const flush = () => {
    if (!batch.length) return;
    // A batch as an array of its own, without its brackets: inside, the same indentation as the whole.
    const text = JSON.stringify(batch, null, 2);
    writeOut(`${first ? '[\n' : ',\n'}${text.slice(2, -2)}`);
    first = false;
    batch = [];
  };
  for (const item of items) {
    batch.push(toJson(item));
    if (batch.length === 500) flush();
  }
  flush();
  writeOut(first ? '[]\n' : '\n]\n');
}

/** The help of every writing command's --dry-run. */
export const dryRunHelp = 'check everything and say what would change, writing nothing (with --json: the same report, "dry_run": true)';

/** One change for a person: `setting flask_port updated: value 5000 -> 5050`, `server 2 added` (secrets named, never shown). */
function changeText(change: Change): string {
  const what = change.setting !== undefined ? `setting ${printable(change.setting)}` : `server ${change.server_id}`;
  if (change.action !== 'updated') return `${what} ${change.action}`;
  const values = change.from !== undefined ? ` ${quoted(change.from ?? '', 40)} -> ${quoted(change.to ?? '', 40)}` : '';
  return `${what} updated: ${change.fields.join(', ')}${values}`;
}

/** What `--json` on a writing command prints: whether anything changed, and what. */
export type ChangeReport = {readonly changed: boolean; readonly changes: readonly Change[]};

/**
 * Run a writing command in one transaction. With `json`, work out what it
 * changed by comparing the state before and after inside that transaction,
 * and print `{"changed": ..., "changes": [...]}` instead of the command's lines.
 */
export async function withChanges(
  command: Command,
  json: boolean,
  work: (store: ConfigStore, say: (line: string) => void) => void,
  options: {readonly dryRun?: boolean} = {},
): Promise<ChangeReport> {
  const lines: string[] = [];
  const dryRun = Boolean(options.dryRun);
  // A dry run does the same work on a copy in memory, which is then thrown away.
  const report = await withStore(command, dryRun ? 'dry-run' : 'write', (store) =>
    store.writeTransaction(() => {
      // The work may run twice (a trial on a copy before an upgrade): its lines are those of the last run.
      lines.length = 0;
      // Two full reads to compare: only when the caller asked what changed (a dry run always does).
      const before = json || dryRun ? snapshotState(store) : undefined;
      work(store, (line) => lines.push(line));
      const changes = before ? diffState(before, snapshotState(store)) : [];
      return {changed: changes.length > 0, changes};
    }),
  );
  // One object for every outcome: a failure is {"ok": false, "error": ...} (main), a success says ok too.
  if (json) print(JSON.stringify({ok: true, ...(dryRun ? {dry_run: true} : {}), ...report}, null, 2));
  else if (dryRun)
    for (const line of report.changes.length ? report.changes.map((c) => `would change: ${changeText(c)}`) : ['would change nothing']) print(line);
  else for (const line of lines) print(line);
  return report;
}
