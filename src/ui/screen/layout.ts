import {compactBelow} from '../text-fit.js';

/** Below this the layout cannot hold a header, a row, a detail line and the footer. */
export const minimumSize = {columns: 30, rows: 8};

/**
 * Where the main screen's parts go at a terminal size: one model for the Ink
 * views and for the first frame painted before Ink loads, so the two agree.
 * Lines, top to bottom: tab bar, context line (from 12 rows), the panel, the
 * status line; never as tall as the terminal (a full-height frame makes Ink
 * clear and redraw everything).
 */
export function screenLayout(columns: number, rows: number) {
  const withContext = rows >= 12;
  return {
    fits: columns >= minimumSize.columns && rows >= minimumSize.rows,
    width: columns,
    compact: columns < compactBelow,
    withContext,
    /** Lines the panel below the tab bar (and context line) may use. */
    panelHeight: Math.max(3, rows - 3 - (withContext ? 1 : 0)),
  };
}

/** Rows of a list panel's table: its height less the header, the detail line and the footer. */
export const listPage = (panelHeight: number) => Math.max(1, panelHeight - 3);
