import stringWidth from 'string-width';

const plainAscii = /^[\x20-\x7e]*$/;
const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Terminal columns `text` takes: a CJK character two, a combining mark none (ASCII, the usual case, costs nothing). */
export const columnsOf = (text: string): number => (plainAscii.test(text) ? text.length : stringWidth(text));

/**
 * Exactly `width` columns: cut with … (never inside a character, never half
 * of a wide one) or padded with spaces.
 */
export function fitColumns(text: string, width: number): string {
  if (width <= 0) return '';
  if (plainAscii.test(text)) return text.length > width ? (width === 1 ? '…' : `${text.slice(0, width - 1)}…`) : text.padEnd(width);
  const total = stringWidth(text);
  if (total <= width) return text + ' '.repeat(width - total);
  let out = '';
  let used = 0;
  for (const {segment} of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…${' '.repeat(Math.max(0, width - 1 - used))}`;
}
