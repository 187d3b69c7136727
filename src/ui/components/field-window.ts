import {columnsOf, graphemes} from '../../repo/text-columns.js';

/** The characters as a person sees them (a base and its combining marks, an emoji, a CJK character), with their UTF-16 starts. */
export function clusters(text: string): {readonly text: string; readonly index: number}[] {
  // ASCII, the usual case: one character each, and no segmenter.
  if (/^[\x20-\x7e]*$/.test(text)) return Array.from(text, (c, index) => ({text: c, index}));
  return [...graphemes().segment(text)].map((s) => ({text: s.segment, index: s.index}));
}

/** Where the cursor goes one character left or right of `at`, never inside a character. */
export function clusterBefore(text: string, at: number): number {
  let before = 0;
  for (const c of clusters(text)) {
    if (c.index >= at) break;
    before = c.index;
  }
  return before;
}

export function clusterAfter(text: string, at: number): number {
  return clusters(text).find((c) => c.index > at)?.index ?? text.length;
}

export type FieldWindow = {
  readonly before: string;
  readonly under: string;
  readonly after: string;
  /** Text is cut off at this edge (shown as < or >). */
  readonly cutLeft: boolean;
  readonly cutRight: boolean;
};

/**
 * What of a one-line field fits in `room` columns, with the cursor in view:
 * the whole text when it fits (and a cell for the cursor at its end), else a
 * window around the cursor with `<` and `>` where text is cut, as readline does.
 * Widths are terminal columns: a CJK character takes two, a combining mark none.
 */
export function fieldWindow(text: string, cursor: number, room: number): FieldWindow {
  const cells = clusters(text).map((c) => ({...c, width: columnsOf(c.text)}));
  let at = cells.findIndex((c) => c.index >= cursor);
  if (at === -1) at = cells.length;
  const total = cells.reduce((sum, c) => sum + c.width, 0) + (at === cells.length ? 1 : 0);
  const join = (from: number, to: number) =>
    cells
      .slice(from, to)
      .map((c) => c.text)
      .join('');
  if (total <= room || room < 4) return {before: join(0, at), under: cells[at]?.text ?? '', after: join(at + 1, cells.length), cutLeft: false, cutRight: false};
  // The cursor about the middle: text scrolls past it, a mark at each cut edge.
  let start = at;
  let used = cells[at]?.width ?? 1;
  const half = Math.floor((room - 2) / 2);
  while (start > 0 && used + cells[start - 1]!.width <= half) used += cells[--start]!.width;
  let end = at + 1;
  const budget = () => room - (start > 0 ? 1 : 0) - 1;
  while (end < cells.length && used + cells[end]!.width <= budget()) used += cells[end++]!.width;
  // Near the end: the room left over goes to the text before the cursor.
  while (start > 0 && used + cells[start - 1]!.width <= room - 1 - (end < cells.length ? 1 : 0)) used += cells[--start]!.width;
  return {
    before: join(start, at),
    under: cells[at]?.text ?? '',
    after: join(at + 1, Math.min(end, cells.length)),
    cutLeft: start > 0,
    cutRight: end < cells.length,
  };
}
