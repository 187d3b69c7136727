import {ValidationError} from '../errors.js';

export const configTypes = ['string', 'integer', 'boolean', 'json'] as const;
export type ConfigType = (typeof configTypes)[number];

/** A setting's value as a program wants it: typed, or null when not set. */
export type TypedValue = string | number | boolean | null | object;

const trueWords = new Set(['true', 'yes', 'on', '1']);
const falseWords = new Set(['false', 'no', 'off', '0']);

export function isConfigType(type: string): type is ConfigType {
  return (configTypes as readonly string[]).includes(type);
}

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

/**
 * Turn what a person typed into the text stored in `config_value`, the format
 * the design's readers expect: '5000', 'true', compact JSON.
 */
export function encodeValue(field: string, type: ConfigType, input: string): string {
  switch (type) {
    case 'string':
      return input;
    case 'integer':
      return String(parseWholeNumber(field, input));
    case 'boolean': {
      const word = input.trim().toLowerCase();
      if (trueWords.has(word)) return 'true';
      if (falseWords.has(word)) return 'false';
      throw new ValidationError(field, `${quoted(input)} is not a boolean (true/false, yes/no, on/off, 1/0)`);
    }
    case 'json':
      try {
        return JSON.stringify(JSON.parse(input));
      } catch (error) {
        throw new ValidationError(field, `not valid JSON (${(error as Error).message})`);
      }
  }
}

/** The stored text as a typed value; text that does not fit its type is returned as it is. */
export function decodeValue(type: string, stored: string | null): TypedValue {
  // Empty is "not set"; for a typed setting that reads as null, not as an empty string.
  if (stored === null || (stored === '' && type !== 'string')) return null;
  if (type === 'integer' && /^[+-]?\d+$/.test(stored.trim())) return Number(stored);
  if (type === 'boolean') {
    const word = stored.trim().toLowerCase();
    if (trueWords.has(word)) return true;
    if (falseWords.has(word)) return false;
  }
  if (type === 'json') {
    try {
      return JSON.parse(stored) as TypedValue;
    } catch {
      return stored;
    }
  }
  return stored;
}

/** How a value reads for a person: booleans as on/off, JSON compact. */
export function displayValue(type: string, stored: string | null): string {
  if (stored === null || stored === '') return '(not set)';
  const typed = decodeValue(type, stored);
  if (typeof typed === 'boolean') return typed ? 'on' : 'off';
  if (type === 'json' && typeof typed === 'object') return JSON.stringify(typed);
  return String(stored);
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
