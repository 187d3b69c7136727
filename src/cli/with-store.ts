import type {Command} from 'commander';
import {StoreError} from '../errors.js';
import {resolveDatabasePath} from '../db/database-path.js';
import {asConfigError, openConfigStore, type ConfigStore} from '../repo/index.js';

/** The database path a command was given (--db), else the default. */
export function databasePathOf(command: Command): string {
  return resolveDatabasePath(command.optsWithGlobals().db as string | undefined);
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
  const path = databasePathOf(command);
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
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
