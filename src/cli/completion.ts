import {existsSync} from 'node:fs';
import type {Command} from 'commander';
import tab from '@bomb.sh/tab/commander';
import {type Complete, type RootCommand, ShellCompDirective} from '@bomb.sh/tab';
import {resolveDatabasePath} from '../db/database-path.js';
import {type ConfigStore, hasControlCharacters, openConfigStore, printable} from '../repo/index.js';
import {bashCompletionScript} from './completion-bash.js';
import {fishCompletionScript} from './completion-fish.js';
import {zshCompletionScript} from './completion-zsh.js';
import {UsageError} from '../errors.js';
import {writeOut} from './stdio.js';
import {completionDescription, completionHelp} from './completion-command.js';

/** The --db the command line being completed names, else the default. */
function databaseBeingCompleted(argv: readonly string[]): string {
  const at = argv.lastIndexOf('--db');
  return resolveDatabasePath(at !== -1 ? argv[at + 1] : undefined);
}

/**
 * Read the database for a completion, never blocking and never writing: a
 * copy in memory (no lock to wait on), nothing at all when the file is
 * missing, locked or not ours. Keys, categories and server names only: never a value.
 */
function fromDatabase(read: (store: ConfigStore, complete: Complete) => void) {
  return (complete: Complete) => {
    const path = databaseBeingCompleted(process.argv);
    if (!existsSync(path)) return;
    let store: ConfigStore | undefined;
    try {
      store = openConfigStore(path, {readOnly: true, copy: true});
      read(store, complete);
    } catch {
      // Completion stays quiet: the command itself will say what is wrong.
    } finally {
      store?.close();
    }
  };
}

/** At most this many candidates: a shell has no use for more, and the answer stays quick with 100,000 settings. */
const candidateLimit = 500;

/** The word being completed: the last argument of `complete -- ...`. */
const wordBeingCompleted = () => process.argv.at(-1) ?? '';

const settingKeys = fromDatabase((store, complete) => {
  for (const s of store.settings.startingWith(wordBeingCompleted(), candidateLimit)) complete(s.key, printable(s.description ?? s.category ?? ''));
});
const categories = fromDatabase((store, complete) => {
  for (const c of store.settings.categories()) complete(c, '');
});
const serverIds = fromDatabase((store, complete) => {
  for (const s of store.servers.list()) complete(String(s.id), printable(`${s.name ?? s.address}${s.active ? ' (active)' : ''}`));
});

/** Profile names (the active and guarded ones said); where the base may be named too, `base` first. */
const profiles = (withBase: boolean) =>
  fromDatabase((store, complete) => {
    const active = store.profiles.active();
    if (withBase) complete('base', 'no profile: the base values');
    for (const p of store.profiles.list()) complete(p.name, `${p.name === active ? 'active' : ''}${store.profiles.isGuarded(p.name) ? ' guarded' : ''}`.trim());
  });

function setHandler(root: RootCommand, command: string, argument: string, handler: (complete: Complete) => void): void {
  const target = root.commands.get(command)?.arguments.get(argument);
  if (target) target.handler = handler;
}

function setOptionHandler(root: RootCommand, command: string, option: string, handler: (complete: Complete) => void): void {
  const target = root.commands.get(command)?.options.get(option);
  if (target) target.handler = handler;
}

/**
 * The library answers "no file names" for every completion; where a file is
 * expected (an import file, --output, --compare-env, --db) the shell should
 * complete paths instead, so its answer is printed here with the default
 * directive when a file handler ran.
 */
function completeFilesWhereWanted(root: RootCommand): {wantFiles: () => void} {
  let files = false;
  const shown = root as unknown as {completions: {value: string; description?: string}[]};
  Object.assign(root, {
    complete(toComplete: string) {
      const seen = new Set<string>();
      const prefix = toComplete.includes('=') ? toComplete.split('=')[1]! : toComplete;
      const lines: string[] = [];
      for (const c of shown.completions) {
        // A candidate is data for a shell: one with a control character (a line break, an escape) is never offered.
        if (seen.has(c.value) || !c.value.startsWith(prefix) || hasControlCharacters(c.value)) continue;
        seen.add(c.value);
        lines.push(`${c.value}\t${printable(c.description ?? '')}`);
        if (lines.length === candidateLimit) break;
      }
      lines.push(`:${files ? ShellCompDirective.ShellCompDirectiveDefault : ShellCompDirective.ShellCompDirectiveNoFileComp}`);
      writeOut(`${lines.join('\n')}\n`);
    },
  });
  return {wantFiles: () => (files = true)};
}

/** Our own scripts: every candidate is data to each shell (the library's inserted them unquoted). */
const completionScripts: Record<string, string> = {bash: bashCompletionScript, zsh: zshCompletionScript, fish: fishCompletionScript};

/**
 * `completion bash|zsh|fish` prints the script; the script calls
 * back `complete -- ARGS` (hidden), which this program answers from its
 * command tree and, for keys, categories and server ids, from the database.
 */
export function registerCompletion(program: Command): void {
  const root = tab(program, {completionCommandName: 'completion'});
  for (const command of ['get', 'set', 'unset']) setHandler(root, command, 'key', settingKeys);
  for (const command of ['server set', 'server activate', 'server remove', 'server test']) setHandler(root, command, 'server', serverIds);
  for (const [command, argument, withBase] of [
    ['profile switch', 'name', true],
    ['profile diff', 'a', true],
    ['profile diff', 'b', true],
    ['profile show', 'name', false],
    ['profile set', 'name', false],
    ['profile unset', 'name', false],
    ['profile remove', 'name', false],
  ] as const) {
    setHandler(root, command, argument, profiles(withBase));
  }
  setHandler(root, 'profile set', 'key', settingKeys);
  setOptionHandler(root, 'export', 'profile', profiles(true));
  setOptionHandler(root, 'list', 'category', categories);
  setOptionHandler(root, 'set', 'category', categories);
  const {wantFiles} = completeFilesWhereWanted(root);
  setHandler(root, 'import', 'file', wantFiles);
  setOptionHandler(root, 'export', 'output', wantFiles);
  setOptionHandler(root, 'doctor', 'compare-env', wantFiles);
  // --db, before or after the command: a file too.
  const rootDb = (root as unknown as {options?: Map<string, {handler?: unknown}>}).options?.get('db');
  if (rootDb) rootDb.handler = wantFiles;
  for (const command of root.commands.values()) {
    const db = command.options.get('db');
    if (db) db.handler = wantFiles;
  }
  const completion = program.commands.find((c) => c.name() === 'completion');
  completion
    ?.description(completionDescription)
    .addHelpText('after', completionHelp)
    .action((shell: string) => {
      const script = completionScripts[shell];
      if (!script) throw new UsageError(`no completion for "${printable(shell)}": choose bash, zsh or fish`);
      writeOut(script);
    });
}
