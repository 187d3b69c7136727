import type {Key} from 'ink';
import {clusterAfter, clusterBefore} from './field-window.js';

/** An input line's text, where the cursor is, and whether all of it is selected (typing replaces it). */
export type Line = {readonly value: string; readonly cursor: number; readonly selected: boolean};

/** A line as an editor opens it: the current value all selected, so typing replaces it and Backspace clears it. */
export const openLine = (value: string): Line => ({value, cursor: value.length, selected: value.length > 0});

const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

function wordLeft(value: string, from: number): number {
  let i = from;
  while (i > 0 && !isWord(value[i - 1])) i--;
  while (i > 0 && isWord(value[i - 1])) i--;
  return i;
}

function wordRight(value: string, from: number): number {
  let i = from;
  while (i < value.length && !isWord(value[i])) i++;
  while (i < value.length && isWord(value[i])) i++;
  return i;
}

/**
 * One key applied to an input line, as readline and every shell do it:
 * ←/→, Home/End and Ctrl-A/E move; Alt-B/F move by word; Backspace and
 * Ctrl-D (the forward Delete key arrives as it) delete; Ctrl-U/K/W cut to the
 * start, to the end, the word before. Undefined when the key is not the
 * line's (Enter, Esc, Tab, ↑/↓ belong to the mode's key table).
 */
export function editLine(line: Line, input: string, key: Key): Line | undefined {
  const {value} = line;
  const cursor = line.selected ? value.length : line.cursor;
  const at = (next: number): Line => ({value, cursor: Math.max(0, Math.min(value.length, next)), selected: false});
  const cut = (from: number, to: number): Line => ({value: value.slice(0, from) + value.slice(to), cursor: from, selected: false});
  if (key.return || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
  if (key.leftArrow) return at(line.selected ? 0 : clusterBefore(value, cursor));
  if (key.rightArrow) return at(clusterAfter(value, cursor));
  if (key.home || (key.ctrl && input === 'a')) return at(0);
  if (key.end || (key.ctrl && input === 'e')) return at(value.length);
  if (key.meta && input === 'b') return at(wordLeft(value, cursor));
  if (key.meta && input === 'f') return at(wordRight(value, cursor));
  if (line.selected && (key.backspace || key.delete || (key.ctrl && (input === 'u' || input === 'k' || input === 'w' || input === 'd')))) {
    return {value: '', cursor: 0, selected: false};
  }
  if (key.backspace || key.delete) return cursor > 0 ? cut(clusterBefore(value, cursor), cursor) : at(cursor);
  if (key.ctrl && input === 'd') return cut(cursor, clusterAfter(value, cursor));
  if (key.ctrl && input === 'u') return cut(0, cursor);
  if (key.ctrl && input === 'k') return cut(cursor, value.length);
  if (key.ctrl && input === 'w') return cut(wordLeft(value, cursor), cursor);
  if (key.ctrl || key.meta || input === '') return undefined;
  // Typed or pasted text; line breaks inside a paste are not the line's.
  const text = input.replace(/[\r\n]+/g, ' ');
  if (line.selected) return {value: text, cursor: text.length, selected: false};
  return {value: value.slice(0, cursor) + text + value.slice(cursor), cursor: cursor + text.length, selected: false};
}

/**
 * Pasted text for a one-line field: its first line (line breaks at the end
 * are what copying took along, and go), and a note when more lines were cut.
 */
export function pastedLine(text: string): {readonly text: string; readonly note?: string} {
  const lines = text.split(/\r\n?|\n/);
  while (lines.length > 1 && lines.at(-1)!.trim() === '') lines.pop();
  const first = lines[0] ?? '';
  const more = lines.length - 1;
  return more > 0 ? {text: first, note: `pasted the first line only: this field holds one line (${more} more dropped)`} : {text: first};
}
