import type {Key} from 'ink';
import {type KeyToken, matchesToken} from './key-tokens.js';
import {inputIsPaste} from '../input-kind.js';

/**
 * One key binding, as data: the keys (spelled as the footer shows them), what
 * it does, and why it does nothing right now. Key handling, the footer and the
 * help overlay all read the same bindings, so they cannot drift.
 */
export type Binding<Ctx> = {
  readonly keys: readonly KeyToken[];
  /** One word for the footer; it may read the moment ("reveal" / "hide"). */
  readonly label: string | ((ctx: Ctx) => string);
  /** Its name in a keymap file when the label reads the moment; else the label. */
  readonly id?: string;
  /** A phrase for the help overlay. */
  readonly help: string;
  readonly run: (ctx: Ctx, input: string) => void;
  /** Shown in the footer (while it is not disabled), not only in help. */
  readonly footer?: boolean;
  /** Changes the database: off in read-only mode, which the key then says. */
  readonly edits?: boolean;
  /** Why the key does nothing right now; pressing it says so, and the footer leaves it out. */
  readonly disabled?: (ctx: Ctx) => string | undefined;
  /** A key people press to get out of things (Esc): when it has nothing to do, it does nothing, silently. */
  readonly quiet?: boolean;
  /** In the footer, the first to give way when it is too wide (the help still lists it). */
  readonly minor?: boolean;
};

/** The keys of one mode (browse, edit, form, filter, confirm, a wizard step...). */
export type KeyTable<Ctx> = {
  readonly title: string;
  readonly bindings: readonly Binding<Ctx>[];
  /** For a mode with an input line: what typing does there, said first in the footer. */
  readonly typing?: string;
};

/** What every key handler may use besides its own context. */
export type KeyEnv = {readonly readOnly: boolean; readonly say: (text: string) => void};

const pastedIntoNothing = 'pasted text is not keys: nothing done (Enter opens a field to paste into)';

const readOnlyReason = 'read-only: editing is off (started with --read-only or the file is read-only)';

const keysText = (binding: Binding<never>): string => binding.keys.join('/');

export function findBinding<Ctx>(table: KeyTable<Ctx>, input: string, key: Key): Binding<Ctx> | undefined {
  return table.bindings.find((binding) => binding.keys.some((token) => matchesToken(token, input, key)));
}

function whyOff<Ctx>(binding: Binding<Ctx>, ctx: Ctx, readOnly: boolean): string | undefined {
  if (binding.edits && readOnly) return readOnlyReason;
  return binding.disabled?.(ctx);
}

/** Handle a key press by the table: run its binding, or say why it does nothing. False when no binding has the key. */
export function pressKey<Ctx>(table: KeyTable<Ctx>, ctx: Ctx, env: KeyEnv, input: string, key: Key): boolean {
  // Pasted text is never keys: a mode with an input line takes it there; elsewhere it is said and dropped.
  if (inputIsPaste()) {
    if (!table.typing) env.say(pastedIntoNothing);
    return !table.typing;
  }
  const binding = findBinding(table, input, key);
  if (!binding) return false;
  const why = whyOff(binding, ctx, env.readOnly);
  if (why && binding.quiet && !(binding.edits && env.readOnly)) return true;
  if (why) env.say(why);
  else binding.run(ctx, input);
  return true;
}

const labelOf = <Ctx>(b: Binding<Ctx>, ctx: Ctx) => (typeof b.label === 'function' ? b.label(ctx) : b.label);

/** Keys the footer keeps however narrow the screen: the way to every other key, and out. */
const essential = new Set(['help', 'quit']);

/**
 * The footer: what typing does, then every footer key that works right now.
 * Given a width: the minor keys give way first, then second spellings
 * (`a/n add` reads `a add`), then the mode's own keys from the end, until it
 * fits; never `? help` and `q quit`.
 */
export function footerText<Ctx>(table: KeyTable<Ctx>, ctx: Ctx, readOnly: boolean, width = Infinity, prefix = ''): string {
  const shown = table.bindings.filter((b) => b.footer && !whyOff(b, ctx, readOnly));
  // Too wide with every key spelled: each binding's first key only (the help lists them all).
  let firstKeys = false;
  const text = (b: Binding<Ctx>) => `${firstKeys ? b.keys[0] : keysText(b as Binding<never>)} ${labelOf(b, ctx)}`;
  const lead = [...(prefix ? [prefix] : []), ...(table.typing ? [table.typing] : [])];
  const own = shown.filter((b) => !essential.has(labelOf(b, ctx)));
  const kept = shown.filter((b) => essential.has(labelOf(b, ctx))).map(text);
  const join = () => [...lead, ...own.map(text), ...kept].join('  ');
  // Too wide: the minor keys go first (the last of them first), then the second spellings, then from the end.
  while (join().length > width && own.length + lead.length > 1) {
    if (!firstKeys && !own.some((b) => b.minor)) {
      firstKeys = true;
      continue;
    }
    const minor = own.map((b) => Boolean(b.minor)).lastIndexOf(true);
    if (minor !== -1) own.splice(minor, 1);
    else if (own.length) own.pop();
    else lead.pop();
  }
  // After dropping some, every spelling may fit again.
  if (firstKeys) {
    firstKeys = false;
    if (join().length > width) firstKeys = true;
  }
  return join();
}

/** Help lines for a table: every key, with `(off: read-only)` where editing is off. */
export function helpLines<Ctx>(table: KeyTable<Ctx>, readOnly: boolean): string[] {
  return table.bindings.map((b) => {
    const off = readOnly && b.edits ? ' (off: read-only)' : '';
    return `  ${keysText(b as Binding<never>).padEnd(12)}${b.help}${off}`;
  });
}

/** One table of several: a mode's own keys, then keys that work in it too (moving, the shell's). */
export function joinTables<Ctx>(title: string, ...tables: readonly KeyTable<Ctx>[]): KeyTable<Ctx> {
  return {title, bindings: tables.flatMap((t) => t.bindings), typing: tables.find((t) => t.typing)?.typing};
}
