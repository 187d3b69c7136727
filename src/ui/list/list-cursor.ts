/** Movement in a list: lines, pages, ends. */
export type MoveAction = 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last';

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

/**
 * A list's selection, scroll position and the one row shown in clear. The
 * selection is held by identity (`anchor`: a setting's key, a server's id) as
 * well as by position, so rows another program adds or removes do not move it.
 */
export type ListCursor<Id> = {readonly selected: number; readonly offset: number; readonly revealed?: Id; readonly anchor?: Id};

/** A list's rows as a move needs them: how many, and the id at a position (no array of every id per key). */
export type RowIds<Id> = {readonly count: number; readonly idAt: (index: number) => Id | undefined};

/** The ids of an array, for a move. */
export const idsOf = <Id>(ids: readonly Id[]): RowIds<Id> => ({count: ids.length, idAt: (index) => ids[index]});

/** Move a list's cursor over rows with these ids; a revealed secret is hidden again once the selection leaves it. */
export function moveCursor<Id, S extends ListCursor<Id>>(state: S, move: MoveAction, ids: RowIds<Id>, page: number): S {
  const selected = moveSelection(state.selected, move, ids.count, page);
  const offset = scrollOffset(state.offset, selected, page, ids.count);
  return {...state, selected, offset, anchor: ids.idAt(selected), revealed: selected === state.selected ? state.revealed : undefined};
}

function toggleReveal<Id, S extends ListCursor<Id>>(state: S, id: Id): S {
  return {...state, revealed: state.revealed === id ? undefined : id};
}

/** The window a list shows now: the selected row found by identity (else kept inside the rows), and the visible slice. */
export function listWindow<Id, Row>(cursor: ListCursor<Id>, rows: readonly Row[], page: number, idOf: (row: Row) => Id) {
  // Where it was is where it mostly still is: checked first, so a long list is not searched on every key.
  const atSelected = rows[cursor.selected];
  const found =
    cursor.anchor === undefined
      ? -1
      : atSelected !== undefined && idOf(atSelected) === cursor.anchor
        ? cursor.selected
        : rows.findIndex((row) => idOf(row) === cursor.anchor);
  const selected = found !== -1 ? found : Math.max(0, Math.min(cursor.selected, rows.length - 1));
  const offset = scrollOffset(cursor.offset, selected, page, rows.length);
  return {selected, offset, visible: rows.slice(offset, offset + page), current: rows[selected] as Row | undefined};
}

/** The changes every list panel's reducer makes the same way; its own reducer passes them here. */
export type ListAction<Id> =
  | {type: 'move'; move: MoveAction; ids: RowIds<Id>; page: number}
  | {type: 'startFilter'}
  | {type: 'changeFilter'; filter: string}
  | {type: 'acceptFilter'}
  | {type: 'clearFilter'}
  | {type: 'select'; id: Id}
  | {type: 'settle'; selected: number; offset: number}
  | {type: 'toggleReveal'; id: Id}
  | {type: 'askDelete'; id: Id}
  | {type: 'browse'};

/** A list panel's state: its cursor, its filter, and a mode that is browsing, filtering, asking to delete, or its own. */
export type ListState<Id, Mode extends {readonly kind: string}> = ListCursor<Id> & {
  readonly filter: string;
  readonly mode: Mode | {readonly kind: 'browse'} | {readonly kind: 'filter'} | {readonly kind: 'confirm-delete'; readonly id: Id};
};

export function listReducer<Id, S extends ListState<Id, {readonly kind: string}>>(state: S, action: ListAction<Id>): S {
  switch (action.type) {
    case 'move':
      return moveCursor(state, action.move, action.ids, action.page);
    case 'select':
      return {...state, anchor: action.id};
    case 'settle':
      return state.selected === action.selected && state.offset === action.offset ? state : {...state, selected: action.selected, offset: action.offset};
    case 'startFilter':
      return {...state, mode: {kind: 'filter'}, revealed: undefined};
    case 'changeFilter':
      return {...state, filter: action.filter, selected: 0, offset: 0, anchor: undefined};
    case 'acceptFilter':
      return {...state, mode: {kind: 'browse'}};
    case 'clearFilter':
      return {...state, filter: '', selected: 0, offset: 0, mode: {kind: 'browse'}};
    case 'toggleReveal':
      return toggleReveal(state, action.id);
    case 'askDelete':
      return {...state, mode: {kind: 'confirm-delete', id: action.id}};
    case 'browse':
      return {...state, mode: {kind: 'browse'}};
  }
}

/** What a list's table component takes from the window and the layout, the same for every list. */
export function listTableProps<Id, Row>(
  cursor: ListCursor<Id>,
  window: {selected: number; offset: number; visible: readonly Row[]},
  layout: {width: number; compact: boolean; page: number},
) {
  return {
    rows: window.visible,
    selected: window.selected - window.offset,
    revealed: cursor.revealed,
    width: layout.width,
    compact: layout.compact,
    height: layout.page,
  };
}

type Words<Row> = (row: Row) => readonly (string | null | undefined)[];

/** Each row's words in lower case, one string a row (NUL between words), made once for a list filtered on every key. */
export const searchTexts = <Row>(rows: readonly Row[], words: Words<Row>): string[] =>
  rows.map((row) =>
    words(row)
      .map((w) => (w ?? '').toLowerCase())
      .join('\u0000'),
  );

/** Rows any of whose words contain the filter, ignoring case; `texts` from searchTexts, when the list keeps them. */
export function filterRows<Row>(rows: readonly Row[], filter: string, words: Words<Row>, texts?: readonly string[]): Row[] {
  const needle = filter.trim().toLowerCase();
  // No filter: the rows themselves (read-only), not a copy of ten thousand of them on every key.
  if (!needle) return rows as Row[];
  if (texts && !needle.includes('\u0000')) return rows.filter((_, i) => texts[i]!.includes(needle));
  return rows.filter((row) => words(row).some((w) => (w ?? '').toLowerCase().includes(needle)));
}
