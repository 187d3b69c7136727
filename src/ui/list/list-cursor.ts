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

/** A list's selection, scroll position and the one row shown in clear. */
export type ListCursor<Id> = {readonly selected: number; readonly offset: number; readonly revealed?: Id};

/** Move a list's cursor; a revealed secret is hidden again once the selection leaves it. */
export function moveCursor<Id, S extends ListCursor<Id>>(state: S, move: MoveAction, count: number, page: number): S {
  const selected = moveSelection(state.selected, move, count, page);
  const offset = scrollOffset(state.offset, selected, page, count);
  return {...state, selected, offset, revealed: selected === state.selected ? state.revealed : undefined};
}

export function toggleReveal<Id, S extends ListCursor<Id>>(state: S, id: Id): S {
  return {...state, revealed: state.revealed === id ? undefined : id};
}

/** The window a list shows now: its selection kept inside the rows (they may have shrunk), and the visible slice. */
export function listWindow<Row>(cursor: ListCursor<unknown>, rows: readonly Row[], page: number) {
  const selected = Math.max(0, Math.min(cursor.selected, rows.length - 1));
  const offset = scrollOffset(cursor.offset, selected, page, rows.length);
  return {selected, offset, visible: rows.slice(offset, offset + page), current: rows[selected] as Row | undefined};
}
