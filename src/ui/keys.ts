import type {Key} from 'ink';

/** A key binding: what to press, what it does (for the footer and help), and how to recognise it. */
export type Binding<Action extends string> = {
  readonly action: Action;
  /** How the keys read in the footer and the help overlay. */
  readonly keys: string;
  readonly help: string;
  readonly match: (input: string, key: Key) => boolean;
  /** Shown in the footer, not only in help. */
  readonly footer?: boolean;
  /** Changes the database: disabled, and said so, in read-only mode. */
  readonly edits?: boolean;
};

export const isUp = (input: string, key: Key) => key.upArrow || input === 'k';
export const isDown = (input: string, key: Key) => key.downArrow || input === 'j';
const plain = (key: Key) => !key.ctrl && !key.meta;
export const isChar = (char: string) => (input: string, key: Key) => input === char && plain(key);

/** The first binding that matches the key press. */
export function findBinding<A extends string>(
  bindings: readonly Binding<A>[],
  input: string,
  key: Key,
): Binding<A> | undefined {
  return bindings.find((binding) => binding.match(input, key));
}

/** Movement shared by every list: lines, pages, ends. */
export type MoveAction = 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last';

export const moveBindings: readonly Binding<MoveAction>[] = [
  {action: 'up', keys: '↑/k', help: 'previous row', match: isUp},
  {action: 'down', keys: '↓/j', help: 'next row', match: isDown, footer: false},
  {action: 'pageUp', keys: 'PgUp', help: 'page up', match: (_i, key) => key.pageUp},
  {action: 'pageDown', keys: 'PgDn', help: 'page down', match: (_i, key) => key.pageDown},
  {action: 'first', keys: 'Home/g', help: 'first row', match: (input, key) => key.home || input === 'g'},
  {action: 'last', keys: 'End/G', help: 'last row', match: (input, key) => key.end || input === 'G'},
];

/** Where the selection lands after a move in a list of `count` rows showing `page` at a time. */
export function moveSelection(selected: number, action: MoveAction, count: number, page: number): number {
  const last = Math.max(0, count - 1);
  const target = {
    up: selected - 1,
    down: selected + 1,
    pageUp: selected - Math.max(1, page),
    pageDown: selected + Math.max(1, page),
    first: 0,
    last,
  }[action];
  return Math.min(last, Math.max(0, target));
}

/** The first visible row: moves only as far as needed to keep `selected` in view. */
export function scrollOffset(offset: number, selected: number, height: number, count: number): number {
  if (height <= 0) return 0;
  let start = Math.min(offset, selected);
  if (selected >= start + height) start = selected - height + 1;
  return Math.max(0, Math.min(start, Math.max(0, count - height)));
}

/** A list's selection, scroll position and the one row shown in clear. */
export type ListCursor<Id> = {readonly selected: number; readonly offset: number; readonly revealed?: Id};

/** Move a list's cursor; a revealed secret is hidden again once the selection leaves it. */
export function moveCursor<Id, S extends ListCursor<Id>>(state: S, move: MoveAction, count: number, page: number): S {
  const selected = moveSelection(state.selected, move, count, page);
  const offset = scrollOffset(state.offset, selected, page, count);
  return {...state, selected, offset, revealed: selected === state.selected ? state.revealed : undefined};
}

/**
 * A y/n question's answer: true for y, false for n or Esc, undefined for any
 * other key (the question stays).
 */
export function confirmAnswer(input: string, key: Key): boolean | undefined {
  if (input === 'y' || input === 'Y') return true;
  if (input === 'n' || input === 'N' || key.escape) return false;
  return undefined;
}
