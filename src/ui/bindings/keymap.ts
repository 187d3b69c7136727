import {historyConfirmKeys, historyKeys} from '../history/history-keys.js';
import {serversKeyTables} from '../servers/servers-keys.js';
import {settingsKeyTables} from '../settings/settings-keys.js';
import {shellKeys} from '../shell/shell-keys.js';
import {wizardKeyTables} from '../wizard/wizard-keys.js';
import type {Binding, KeyTable} from './binding.js';
import {type KeyToken, tokenOf} from './key-tokens.js';

/** A keymap file's content: {"<mode, as the help titles it>": {"<action, as the footer names it>": ["key", ...]}}. */
type Keymap = Record<string, Record<string, string[]>>;

type AnyBinding = Binding<never>;
type AnyTable = KeyTable<never>;

/** Every mode's table, as the help overlay shows them; the shell's keys work beside the browsing ones. */
const allTables = (): AnyTable[] => [shellKeys, ...settingsKeyTables, ...serversKeyTables, historyKeys, historyConfirmKeys, ...wizardKeyTables] as AnyTable[];
const idOf = (binding: AnyBinding) => binding.id ?? (typeof binding.label === 'string' ? binding.label : binding.help);

function shapeError(file: string): Error {
  return new Error(`${file}: must be {"<mode>": {"<action>": ["key", ...]}} (modes and actions as ? help names them)`);
}

function readKeymap(text: string, file: string): Keymap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw shapeError(file);
  for (const actions of Object.values(parsed)) {
    if (typeof actions !== 'object' || actions === null || Array.isArray(actions)) throw shapeError(file);
    for (const keys of Object.values(actions)) if (!Array.isArray(keys) || keys.length === 0 || keys.some((k) => typeof k !== 'string')) throw shapeError(file);
  }
  return parsed as Keymap;
}

/** The new keys of each binding the keymap names: all of it checked before anything changes. */
function planKeymap(keymap: Keymap, file: string, tables: readonly AnyTable[]): Map<AnyBinding, KeyToken[]> {
  const plan = new Map<AnyBinding, KeyToken[]>();
  const titles = [...new Set(tables.map((t) => t.title))];
  for (const [mode, actions] of Object.entries(keymap)) {
    const inMode = tables.filter((t) => t.title === mode);
    if (inMode.length === 0) throw new Error(`${file}: no mode "${mode}" (modes: ${titles.join(', ')})`);
    for (const [action, written] of Object.entries(actions)) {
      const bindings = [...new Set(inMode.flatMap((t) => t.bindings).filter((b) => idOf(b) === action))];
      if (bindings.length === 0) {
        const names = [...new Set(inMode.flatMap((t) => t.bindings).map(idOf))];
        throw new Error(`${file}: "${mode}" has no action "${action}" (actions: ${names.join(', ')})`);
      }
      const keys = written.map((k) => {
        const token = tokenOf(k);
        if (!token)
          throw new Error(
            `${file}: "${k}" (for ${mode} ${action}) is not a key this app can tell apart: use a character, a name (Enter, Esc, Up, PgDn, ...) or C-a .. C-z`,
          );
        return token;
      });
      for (const binding of bindings) plan.set(binding, keys);
    }
  }
  // A key for two actions at once: in one mode, or in a browsing mode and the shell (both listen then).
  const keysOf = (b: AnyBinding) => plan.get(b) ?? b.keys;
  const browse = tables.filter((t) => t !== shellKeys && !t.typing);
  const together: [string, AnyBinding[]][] = [
    ...tables.map((t): [string, AnyBinding[]] => [t.title, [...t.bindings]]),
    ...browse.map((t): [string, AnyBinding[]] => [`${t.title}" and "${shellKeys.title}`, [...t.bindings, ...(shellKeys.bindings as unknown as AnyBinding[])]]),
  ];
  for (const [mode, bindings] of together) {
    for (const a of bindings) {
      for (const b of bindings) {
        if (a === b || (!plan.has(a) && !plan.has(b)) || idOf(a) === idOf(b)) continue;
        const shared = keysOf(a).find((k) => keysOf(b).includes(k));
        // The action the keymap moved is named first.
        const [mine, other] = plan.has(a) ? [a, b] : [b, a];
        if (shared) throw new Error(`${file}: in "${mode}", ${shared} would be both "${idOf(mine)}" and "${idOf(other)}"`);
      }
    }
  }
  return plan;
}

/**
 * Read and apply a keymap file's text: every key it names replaces that
 * action's keys wherever the action is (help and footer show them). A problem
 * (not JSON, an unknown mode or action, a key that cannot be typed, a clash)
 * is one line, thrown before anything changed: the defaults stay.
 */
export function applyKeymap(text: string, file: string): void {
  const plan = planKeymap(readKeymap(text, file), file, allTables());
  // The tables are the app's one set of bindings, made once: a keymap is applied once, at start.
  for (const [binding, keys] of plan) (binding as {keys: readonly KeyToken[]}).keys = keys;
}
