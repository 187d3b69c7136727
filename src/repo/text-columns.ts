import {eastAsianWidth} from 'get-east-asian-width';

const plainAscii = /^[\x20-\x7e]*$/;
// Marks that join the character before them: no column of their own.
const combiningMark = /^[\p{Mn}\p{Me}]$/u;

/** Zero-width spaces and joiners, and the variation selectors inside emoji. */
const isZeroWidth = (code: number) =>
  (code >= 0x200b && code <= 0x200f) || code === 0x2060 || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef);

// Made on first use: ICU's break data costs memory, and most text is ASCII.
let segmenter: Intl.Segmenter | undefined;
export const graphemes = () => (segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'}));

function codePointColumns(char: string): number {
  const code = char.codePointAt(0)!;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || isZeroWidth(code) || combiningMark.test(char)) return 0;
  return eastAsianWidth(code);
}

/**
 * Terminal columns `text` takes: a CJK character two, a combining mark none.
 * ASCII, the usual case, costs nothing; nothing is loaded at start-up (no
 * segmenter), so `get` and the first frame pay for none of it.
 */
export function columnsOf(text: string): number {
  if (plainAscii.test(text)) return text.length;
  let total = 0;
  for (const char of text) total += codePointColumns(char);
  return total;
}

/**
 * Exactly `width` columns: cut with … (never inside a character, never half
 * of a wide one) or padded with spaces.
 */
export function fitColumns(text: string, width: number): string {
  if (width <= 0) return '';
  if (plainAscii.test(text)) return text.length > width ? (width === 1 ? '…' : `${text.slice(0, width - 1)}…`) : text.padEnd(width);
  const total = columnsOf(text);
  if (total <= width) return text + ' '.repeat(width - total);
  let out = '';
  let used = 0;
  for (const {segment} of graphemes().segment(text)) {
    const w = columnsOf(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…${' '.repeat(Math.max(0, width - 1 - used))}`;
}
