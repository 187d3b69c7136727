import {hasControlCharacters} from '../repo/index.js';

/** Longest value edited in place; a longer one is changed with `set KEY --stdin` (an input line that long is unusable and slow). */
const inlineEditLimit = 4096;

/** Why a stored text cannot go into an input line, or undefined when it can. */
export function whyNotEditable(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  // An input line would send such a value to the terminal raw.
  if (hasControlCharacters(text)) return 'holds control characters';
  if (text.length > inlineEditLimit) return `is longer than ${inlineEditLimit} characters (${text.length})`;
  return undefined;
}
