import {printable} from '../repo/index.js';
import {fitColumns} from '../repo/text-columns.js';

/** Exactly `width` columns: cut with … or padded. Control characters shown escaped first. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  // Escaped from a slice: a 10 MB value costs no more than a short one.
  const safe = printable(text.length > width * 4 + 8 ? text.slice(0, width * 4 + 8) : text);
  return fitColumns(safe, width);
}

/** Cut to at most `width` columns without padding. */
export function clip(text: string, width: number): string {
  return fit(text, width).trimEnd();
}

/** Below this many columns the app drops to a compact layout rather than wrapping. */
export const compactBelow = 60;
