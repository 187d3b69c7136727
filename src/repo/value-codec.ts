import {ValidationError} from '../errors.js';

/** A value quoted in an error: escaped, and cut so a huge value cannot flood the line. */
export function quoted(text: string, max = 40): string {
  const shown = printable(text.length > max ? text.slice(0, max) : text);
  return text.length > max ? `'${shown}...' (${text.length} characters)` : `'${shown}'`;
}

/** Parse a whole number; `field` names it in the error. */
export function parseWholeNumber(field: string, input: string): number {
  const text = input.trim();
  if (!/^[+-]?\d+$/.test(text)) throw new ValidationError(field, `${quoted(input)} is not a whole number`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new ValidationError(field, `${quoted(text)} is too large`);
  return value;
}

export function hasControlCharacters(text: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f]/.test(text);
}

/** Control characters shown escaped, so a stored value can never drive the terminal. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}
