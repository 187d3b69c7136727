import {ValidationError} from '../errors.js';
import {checkServerAddress, parsePort, parseTimeout} from './rules.js';

/**
 * Every field a person sets on a Letta server, in one table: its column in
 * `letta_server_config`, what forms and messages call it, its rule, its CLI
 * option, its name in JSON (export, import, `server list --json`) and whether
 * it is a secret. The repository, the CLI, import and export, the history's
 * undo and the app's form all read this table; a new server column is a
 * migration plus one entry here. The order is the form's.
 */
type FieldSpec = {
  /** Its name in the program, in JSON and in the form. */
  readonly field: string;
  readonly column: string;
  /** What the form and messages call it. */
  readonly label: string;
  /** The unit the form shows after the label. */
  readonly unit?: string;
  /** A number stored as INTEGER, or text. */
  readonly kind: 'integer' | 'text';
  /** Whether the column may hold NULL. */
  readonly nullable: boolean;
  /** Whether a person may clear it (null). */
  readonly clearable: boolean;
  /** Masked everywhere unless revealed; on the CLI read only from standard input. */
  readonly secret: boolean;
  /** What a new server gets when the field is not given. */
  readonly initial: string | number | null;
  /** The CLI option's value name and help; a secret's options are --FIELD-stdin and --clear-FIELD. */
  readonly option: {readonly value: string; readonly help: string};
  /** Given text or a number to the stored value; throws a ValidationError naming the column. */
  readonly parse: (input: string | number) => string | number | null;
};

const controlCharacters = /[\u0000-\u001f\u007f]/;

function checkName(input: string | number): string | null {
  const trimmed = String(input).trim();
  if (trimmed === '') return null;
  if (trimmed.length > 100) throw new ValidationError('name', 'must be at most 100 characters');
  if (controlCharacters.test(trimmed)) throw new ValidationError('name', 'must not contain control characters');
  // A name is taken wherever an id is: one made of digits would read as an id.
  if (/^\d+$/.test(trimmed)) throw new ValidationError('name', `${trimmed} is a number, which reads as a server id; give a name with a letter in it`);
  return trimmed;
}

/** A password or token travels in an HTTP header, where control characters (a stray newline) cannot go. */
const checkSecret =
  (column: string) =>
  (input: string | number): string | null => {
    const secret = String(input);
    if (!secret) return null;
    if (controlCharacters.test(secret)) throw new ValidationError(column, 'must not contain control characters or line breaks');
    return secret;
  };

/** The design's column defaults (`001_init.sql`), for a new server and for forms that offer one. */
const serverDefaults = {address: 'localhost', port: 8080, timeout: 30} as const;

/**
 * What a new server is proposed as, by the setup wizard and the new-server
 * form alike: this box, on the port Sanctum publishes Letta on. The design's
 * column default (8080) stays what a row gets when a writer gives no port.
 */
export const proposedServer = {address: 'localhost', port: 8284} as const;

export const serverFields = [
  {
    field: 'name',
    nullable: true,
    column: 'name',
    label: 'name',
    kind: 'text',
    clearable: true,
    secret: false,
    initial: null,
    option: {value: 'name', help: 'a short label'},
    parse: checkName,
  },
  {
    field: 'address',
    nullable: false,
    column: 'server_address',
    label: 'address',
    kind: 'text',
    clearable: false,
    secret: false,
    initial: serverDefaults.address,
    option: {value: 'address', help: 'host name or IP, optionally with http:// or https://'},
    parse: (input) => checkServerAddress(String(input)),
  },
  {
    field: 'port',
    nullable: false,
    column: 'server_port',
    label: 'port',
    kind: 'integer',
    clearable: false,
    secret: false,
    initial: serverDefaults.port,
    option: {value: 'port', help: `port, 1-65535 (default ${serverDefaults.port})`},
    parse: (input) => parsePort('server_port', input),
  },
  {
    field: 'password',
    nullable: true,
    column: 'server_password',
    label: 'password',
    kind: 'text',
    clearable: true,
    secret: true,
    initial: null,
    option: {value: 'password', help: 'the password'},
    parse: checkSecret('server_password'),
  },
  {
    field: 'token',
    nullable: true,
    column: 'server_token',
    label: 'token',
    kind: 'text',
    clearable: true,
    secret: true,
    initial: null,
    option: {value: 'token', help: 'the token'},
    parse: checkSecret('server_token'),
  },
  {
    field: 'timeout',
    nullable: true,
    column: 'connection_timeout',
    label: 'timeout',
    unit: 's',
    kind: 'integer',
    clearable: false,
    secret: false,
    initial: serverDefaults.timeout,
    option: {value: 'seconds', help: `connection timeout in seconds (default ${serverDefaults.timeout})`},
    parse: (input) => parseTimeout('connection_timeout', input),
  },
] as const satisfies readonly FieldSpec[];

export type ServerFieldSpec = (typeof serverFields)[number];
export type ServerFieldName = ServerFieldSpec['field'];
export type SecretServerField = Extract<ServerFieldSpec, {secret: true}>['field'];

type StoredValue<S extends ServerFieldSpec> = S['kind'] extends 'integer' ? number : string;

/** A server's fields as stored and read back; the optional ones may be null. */
export type ServerValues = {
  readonly [S in ServerFieldSpec as S['field']]: S['nullable'] extends true ? StoredValue<S> | null : StoredValue<S>;
};

/** What a person can set on a server: text or a number for each; null clears what may be cleared. */
export type ServerFields = {
  readonly [S in ServerFieldSpec as S['field']]?: S['clearable'] extends true ? string | null : string | number;
};

export const secretServerFields = serverFields.filter((f) => f.secret).map((f) => f.field) as SecretServerField[];

/** A column's label as the form and messages say it. */
export const serverFieldLabels: Readonly<Record<string, string>> = Object.fromEntries(serverFields.map((f) => [f.column, f.label]));

/** Every column a person sets: the history may undo changes to these (and to is_active). */
export const serverFieldColumns = serverFields.map((f) => f.column);

/**
 * The Sanctum panel's keys for the active server (`letta_server_*`): kept in
 * step with it by the file's own triggers, so they are the server, not
 * settings of their own: left out of exports, imports and change reports.
 */
const serverMirrorKeys = new Set([
  'letta_server_address',
  'letta_server_port',
  'letta_server_token',
  'letta_connection_timeout',
  'letta_server_active',
  'last_connected',
]);
export const isServerMirrorKey = (key: string) => serverMirrorKeys.has(key);
