import {ValidationError} from '../errors.js';
import {parseWholeNumber, quoted} from './value-codec.js';

/** A setting's value as a program wants it: typed, or null when not set. */
export type TypedValue = string | number | boolean | null | object;

/**
 * Every type a setting may have (`config_type`), in one registry: how typed
 * text is checked and stored, how stored text reads back, how it shows, and
 * how the app edits it. Messages, validation, the CLI's --type, the app's add
 * form and its editor all read this; a new type is one entry here.
 */
type SettingTypeSpec = {
  readonly name: string;
  /** What it accepts, for help and errors. */
  readonly accepts: string;
  /** What a person typed to the text stored in `config_value` (the design's formats: '5000', 'true', compact JSON); throws a ValidationError. */
  readonly encode: (field: string, input: string) => string;
  /** Stored text as a typed value; undefined when the text does not fit the type. */
  readonly decode: (stored: string) => TypedValue | undefined;
  /** How a value that fits the type reads for a person (`stored` is its text as stored). */
  readonly display: (typed: TypedValue, stored: string) => string;
  /** A type with a toggle is flipped with one key (the app's Enter, and toggle()); the others are edited as a line of text. */
  readonly toggle?: (stored: string | null) => string;
  /** What the add form starts a new value at. */
  readonly initial: string;
};

const trueWords = new Set(['true', 'yes', 'on', '1']);
const falseWords = new Set(['false', 'no', 'off', '0']);

const parseBoolean = (text: string): boolean | undefined => {
  const word = text.trim().toLowerCase();
  return trueWords.has(word) ? true : falseWords.has(word) ? false : undefined;
};

export const settingTypes = [
  {
    name: 'string',
    accepts: 'any text',
    encode: (_field, input) => input,
    decode: (stored) => stored,
    display: (_typed, stored) => stored,
    initial: '',
  },
  {
    name: 'integer',
    accepts: 'a whole number',
    encode: (field, input) => String(parseWholeNumber(field, input)),
    decode: (stored) => (/^[+-]?\d+$/.test(stored.trim()) ? Number(stored) : undefined),
    display: (_typed, stored) => stored,
    initial: '',
  },
  {
    name: 'boolean',
    accepts: 'true/false, yes/no, on/off, 1/0',
    encode: (field, input) => {
      const value = parseBoolean(input);
      if (value === undefined) throw new ValidationError(field, `${quoted(input)} is not a boolean (true/false, yes/no, on/off, 1/0)`);
      return String(value);
    },
    decode: parseBoolean,
    display: (typed) => (typed ? 'on' : 'off'),
    toggle: (stored) => (stored !== null && parseBoolean(stored) === true ? 'false' : 'true'),
    initial: 'false',
  },
  {
    name: 'json',
    accepts: 'a JSON document',
    encode: (field, input) => {
      try {
        return JSON.stringify(JSON.parse(input));
      } catch (error) {
        // V8 parses JSON recursively: very deep nesting overflows the stack, which is not a fault of the JSON.
        if (error instanceof RangeError) throw new ValidationError(field, 'is JSON nested too deeply to store (thousands of levels)');
        throw new ValidationError(field, `not valid JSON (${(error as Error).message})`);
      }
    },
    decode: (stored) => {
      try {
        return JSON.parse(stored) as TypedValue;
      } catch {
        return undefined;
      }
    },
    display: (typed, stored) => (typeof typed === 'object' ? JSON.stringify(typed) : stored),
    initial: '',
  },
] as const satisfies readonly SettingTypeSpec[];

export type ConfigType = (typeof settingTypes)[number]['name'];
export const configTypes: readonly ConfigType[] = settingTypes.map((t) => t.name);

export function isConfigType(type: string): type is ConfigType {
  return (configTypes as readonly string[]).includes(type);
}

/** The registry's entry for a type; a type another program stored that we do not know reads as text. */
export function settingType(type: string): SettingTypeSpec {
  return settingTypes.find((t) => t.name === type) ?? settingTypes[0];
}

/** The types as a sentence: "string, integer, boolean or json". */
export function typeNames(): string {
  return `${configTypes.slice(0, -1).join(', ')} or ${configTypes.at(-1)}`;
}

/** The error for a type that is not in the registry. */
export const unknownType = (field: string, type: string) => new ValidationError(field, `${quoted(type)} must be ${typeNames()}`);

/**
 * Turn what a person typed into the text stored in `config_value`, the format
 * the design's readers expect: '5000', 'true', compact JSON.
 */
export function encodeValue(field: string, type: ConfigType, input: string): string {
  return settingType(type).encode(field, input);
}

/** The stored text as a typed value; text that does not fit its type is returned as it is. */
export function decodeValue(type: string, stored: string | null): TypedValue {
  // Empty is "not set"; for a typed setting that reads as null, not as an empty string.
  if (stored === null || (stored === '' && type !== 'string')) return null;
  const typed = settingType(type).decode(stored);
  return typed === undefined ? stored : typed;
}

/** How a value reads for a person: booleans as on/off, JSON compact. */
export function displayValue(type: string, stored: string | null): string {
  if (stored === null || stored === '') return '(not set)';
  const spec = settingType(type);
  const typed = spec.decode(stored);
  return typed === undefined ? String(stored) : spec.display(typed, stored);
}
