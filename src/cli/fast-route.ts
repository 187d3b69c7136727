import {resolveDatabasePath} from '../db/database-path.js';
import {exportConfig, listSettings, showSetting} from './commands/read-commands.js';
import {packageVersion} from './version.js';
import {databasePathFor, print} from './with-store.js';
import {screenReaderFrom, themeFrom} from './app-options.js';

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

/** The app's options as its short route takes them. */
export type AppRoute = {readonly db?: string; readonly readOnly: boolean; readonly theme?: string; readonly screenReader: boolean};

/** The root's options: true takes a value, false is a flag. */
const appOptions: Readonly<Record<string, boolean>> = {'--db': true, '--read-only': false, '--theme': true, '--screen-reader': false};

/**
 * The short route to the app: a command line of the root's own options only
 * (each at most once, every value plain), as a person opens it. Building the
 * command tree costs the app's first frame about a sixth of its time. Anything
 * else (a command, help, a value that looks like an option) goes to the tree.
 */
export function appRoute(args: readonly string[]): AppRoute | undefined {
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const takesValue = Object.hasOwn(appOptions, name) ? appOptions[name] : undefined;
    if (takesValue === undefined || name in options) return undefined;
    if (!takesValue) {
      if (inline !== undefined) return undefined;
      options[name] = true;
      continue;
    }
    const value = inline ?? args[++i] ?? '';
    if (value === '' || (inline === undefined && value.startsWith('-'))) return undefined;
    options[name] = value;
  }
  const text = (name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
  return {db: text('--db'), readOnly: options['--read-only'] === true, theme: text('--theme'), screenReader: options['--screen-reader'] === true};
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

/** Open the app as the root's action does, from the options the route read. */
export async function runAppRoute(route: AppRoute): Promise<void> {
  const {launchApp} = await import('./launch-app.js');
  const dbPath = databasePathFor(route.db, route.readOnly);
  await launchApp({dbPath, readOnly: route.readOnly, theme: themeFrom(route.theme), screenReader: screenReaderFrom(route.screenReader)});
}
