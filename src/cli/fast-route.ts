import {resolveDatabasePath} from '../db/database-path.js';
import {exportConfig, listSettings, showSetting} from './commands/read-commands.js';
import {packageVersion} from './version.js';
import {print} from './with-store.js';

/**
 * The short route for what scripts call most (`get`, `list`, `export`,
 * `--version`): run without building the command tree, which costs about as
 * much as the command itself. Only a command line that is plainly valid takes
 * it; anything else (help, an unknown or repeated option, a missing or extra
 * argument, a value that looks like an option) goes to the tree, which says
 * what is wrong in its usual words.
 */
export type ReadRoute =
  | {readonly command: 'version'}
  | {
      readonly command: 'get' | 'list' | 'export';
      readonly db?: string;
      readonly positionals: readonly string[];
      readonly options: Readonly<Record<string, string | true>>;
    };

/** Each command's options, as its tree node declares them: true takes a value, false is a flag. */
const routed: Record<'get' | 'list' | 'export', {readonly options: Readonly<Record<string, boolean>>; readonly positionals: number}> = {
  get: {options: {}, positionals: 1},
  list: {options: {'--category': true, '--json': false, '--reveal': false}, positionals: 0},
  export: {options: {'--format': true, '--reveal': false, '--output': true}, positionals: 0},
};

const isRouted = (name: string): name is keyof typeof routed => Object.hasOwn(routed, name);

/** The route for these arguments (argv without node and the script), or undefined for the command tree. */
export function readRoute(args: readonly string[]): ReadRoute | undefined {
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) return {command: 'version'};
  let command: keyof typeof routed | undefined;
  let db: string | undefined;
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const takesValue = name === '--db' ? true : command ? routed[command].options[name] : undefined;
    if (takesValue !== undefined) {
      if (name === '--db' ? db !== undefined : name in options) return undefined;
      let value: string | true = true;
      if (takesValue) {
        value = inline ?? args[++i] ?? '';
        if (value === '' || (inline === undefined && value.startsWith('-'))) return undefined;
      } else if (inline !== undefined) return undefined;
      if (name === '--db') db = value as string;
      else options[name] = value;
    } else if (arg.startsWith('-')) return undefined;
    else if (!command) {
      if (!isRouted(arg)) return undefined;
      command = arg;
    } else positionals.push(arg);
  }
  if (!command || positionals.length !== routed[command].positionals) return undefined;
  return {command, db, positionals, options};
}

/** Run a command line the short route took; the same functions as the tree's actions. */
export async function runReadRoute(route: ReadRoute): Promise<void> {
  if (route.command === 'version') return print(packageVersion());
  const path = resolveDatabasePath(route.db);
  const value = (name: string) => (typeof route.options[name] === 'string' ? (route.options[name] as string) : undefined);
  const flag = (name: string) => route.options[name] === true;
  if (route.command === 'get') return showSetting(path, route.positionals[0]!);
  if (route.command === 'list') return listSettings(path, {category: value('--category'), json: flag('--json'), reveal: flag('--reveal')});
  return exportConfig(path, {format: value('--format'), reveal: flag('--reveal'), output: value('--output')});
}
