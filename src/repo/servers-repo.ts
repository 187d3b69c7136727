import type {Database, Statement} from 'better-sqlite3';
import {ConflictError, NotFoundError, ValidationError} from '../errors.js';
import type {WriteContext} from './write-context.js';
import {preparedOnUse} from './prepared-on-use.js';
import {storedText} from './stored-value.js';
import {quoted} from './value-codec.js';
import {type ServerFieldSpec, type ServerFields, type ServerValues, serverFieldColumns, serverFields} from './server-fields.js';

/** A server as stored: its fields (server-fields.ts), and what the program keeps about it. */
export type Server = ServerValues & {
  readonly id: number;
  /** Goes up by one with every change to the row, by any writer: what an exact compare-and-set compares. */
  readonly version: number;
  readonly active: boolean;
  readonly lastConnectedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** What makes the stored row unusable (another program wrote it); absent when it is fine. */
  readonly problem?: string;
};

export type {ServerFields};

/** A row as SQLite hands it back: any column may hold any type when another program wrote it. */
type ServerRow = Record<string, unknown> & {id: number; is_active: unknown; last_connected_at: string | null; created_at: string; updated_at: string};

/** The stored values of the fields a person sets, by column. */
type StoredFields = Record<string, string | number | null>;

const columns = ['id', ...serverFieldColumns, 'is_active', 'last_connected_at', 'created_at', 'updated_at', 'row_version'].join(', ');

/** Whether a stored value has the kind its field needs. */
function storedKindProblem(spec: ServerFieldSpec, value: unknown): string | undefined {
  if (value === null) return spec.nullable ? undefined : 'is empty';
  if (spec.kind === 'integer') return Number.isInteger(value) ? undefined : 'is not a whole number';
  return typeof value === 'string' ? undefined : 'is not text';
}

/** The first field of a stored row that breaks a rule, named as the rule names it. */
function rowProblem(row: ServerRow): string | undefined {
  for (const spec of serverFields) {
    const value = row[spec.column];
    const kind = storedKindProblem(spec, value);
    if (kind) return `${spec.column}: ${kind}`;
    if (value === null) continue;
    try {
      // A stored secret is checked as a new one would be; a name is shown as stored, even with spaces.
      if (spec.field !== 'name') spec.parse(value as string | number);
    } catch (error) {
      return error instanceof ValidationError ? error.message : String(error);
    }
  }
  return undefined;
}

function toServer(row: ServerRow): Server {
  const problem = rowProblem(row);
  // Text for whatever another program stored (a BLOB, a REAL): the problem above says what is wrong with it.
  const shown = (value: unknown) => (typeof value === 'number' || value === null ? value : storedText(value));
  const values = Object.fromEntries(serverFields.map((f) => [f.field, shown(row[f.column])])) as ServerValues;
  return {
    ...(problem ? {problem} : {}),
    id: row.id,
    version: typeof row.row_version === 'number' ? row.row_version : 0,
    ...values,
    active: row.is_active === 1,
    lastConnectedAt: storedText(row.last_connected_at),
    createdAt: storedText(row.created_at) ?? '',
    updatedAt: storedText(row.updated_at) ?? '',
  };
}

const storedFieldsOf = (server: Server): StoredFields => Object.fromEntries(serverFields.map((f) => [f.column, server[f.field]]));

const newServerDefaults: StoredFields = Object.fromEntries(serverFields.map((f) => [f.column, f.initial]));

/** Validate every given field as it would be stored, the rest kept from `base`; throws on the first bad one. */
export function validateServer(fields: ServerFields, base?: Server): StoredFields {
  if (fields.address === undefined && !base) throw new ValidationError('server_address', 'is required');
  const current = base ? storedFieldsOf(base) : newServerDefaults;
  const stored: StoredFields = {};
  for (const spec of serverFields) {
    const given = fields[spec.field];
    stored[spec.column] = given === undefined ? current[spec.column]! : given === null && spec.clearable ? null : spec.parse(given ?? '');
  }
  return stored;
}

/** Letta server connections in `letta_server_config`: the only code that touches that table. */
export class ServersRepo {
  readonly #all: () => Statement<[], ServerRow>;
  readonly #panelAddress;
  readonly #byId: () => Statement<[number], ServerRow>;
  readonly #insert: () => Statement<[StoredFields & {id: number | null}]>;
  readonly #deactivateAll: () => Statement<[]>;
  readonly #update: () => Statement<[StoredFields & {id: number}]>;
  readonly #activate: () => Statement<[{id: number}]>;
  readonly #delete: () => Statement<[number]>;
  readonly #touchConnected: () => Statement<[number]>;
  readonly #writes: WriteContext;
  readonly #byName: () => Statement<[string], number>;

  constructor(db: Database, writes: WriteContext) {
    this.#writes = writes;
    this.#byName = preparedOnUse(db, `SELECT id FROM letta_server_config WHERE name = ?`);
    this.#all = preparedOnUse(db, `SELECT ${columns} FROM letta_server_config ORDER BY id`);
    this.#panelAddress = preparedOnUse(
      db,
      `SELECT (SELECT config_value FROM system_config WHERE config_key = 'letta_server_address') AS value, (SELECT usable FROM sanctum_panel_address) AS usable`,
    );
    this.#byId = preparedOnUse(db, `SELECT ${columns} FROM letta_server_config WHERE id = ?`);
    this.#insert = preparedOnUse(
      db,
      `INSERT INTO letta_server_config (id, ${serverFieldColumns.join(', ')}, is_active)
       VALUES (@id, ${serverFieldColumns.map((c) => `@${c}`).join(', ')}, 0)`,
    );
    this.#deactivateAll = preparedOnUse(db, `UPDATE letta_server_config SET is_active = 0, updated_at = CURRENT_TIMESTAMP WHERE is_active IS NOT 0`);
    this.#update = preparedOnUse(
      db,
      `UPDATE letta_server_config SET ${serverFieldColumns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = CURRENT_TIMESTAMP
       WHERE id = @id`,
    );
    // Only rows whose flag changes are written, so the others keep their updated_at.
    this.#activate = preparedOnUse(
      db,
      `UPDATE letta_server_config SET is_active = (id = @id), updated_at = CURRENT_TIMESTAMP
       WHERE is_active IS NOT (id = @id)`,
    );
    this.#delete = preparedOnUse(db, `DELETE FROM letta_server_config WHERE id = ?`);
    this.#touchConnected = preparedOnUse(db, `UPDATE letta_server_config SET last_connected_at = CURRENT_TIMESTAMP WHERE id = ?`);
  }

  list(): Server[] {
    return this.#all().all().map(toServer);
  }

  /** The Sanctum panel's letta_server_address when the file has one we cannot use (the server kept its last good address). */
  unusablePanelAddress(): string | undefined {
    const row = this.#panelAddress().get() as {value: unknown; usable: unknown} | undefined;
    return row && row.value !== null && row.usable !== 1 ? (storedText(row.value) ?? '') : undefined;
  }

  /** The active server; if other writers left several active, the lowest id. */
  active(): Server | undefined {
    return this.list().find((s) => s.active);
  }

  get(id: number): Server | undefined {
    const row = this.#byId().get(id);
    return row ? toServer(row) : undefined;
  }

  require(id: number): Server {
    const server = this.get(id);
    if (!server) throw new NotFoundError(`no server with id ${id}; 'sanctum-config server list' shows them`);
    return server;
  }

  /** The server with this name (names are unique, migration 014). */
  named(name: string): Server | undefined {
    const id = this.#byName().pluck().get(name.trim()) as number | undefined;
    return id === undefined ? undefined : this.get(id);
  }

  /**
   * A server as a person or a playbook names it: its id (digits), or its name
   * (ids differ from box to box, names need not). Unknown: NotFoundError.
   */
  resolve(reference: string): number {
    const text = reference.trim();
    // Any whole number is an id (other programs write 0, negatives, 2^53-1); a name has a letter in it.
    if (/^-?\d{1,16}$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
    const server = text ? this.named(text) : undefined;
    if (!server) throw new NotFoundError(`no server named ${quoted(text)}; 'sanctum-config server list' shows them`);
    return server.id;
  }

  /** A name another server has is refused here, in words, before SQLite's unique index would. */
  #checkNameFree(name: string | null | undefined, id?: number): void {
    if (!name) return;
    const holder = this.named(name);
    if (holder && holder.id !== id) throw new ValidationError('name', `${quoted(name)} is the name of server ${holder.id}; names are unique`);
  }

  /** Add a server; it becomes active when asked to, or when no server is active yet. */
  add(fields: ServerFields, options: {activate?: boolean; id?: number} = {}): Server {
    const stored = validateServer(fields);
    if (options.id !== undefined && this.get(options.id)) throw new ValidationError('id', `${options.id} is taken`);
    this.#checkNameFree(stored.name as string | null);
    return this.#writes.run(() => {
      const activate = options.activate || !this.active();
      const id = Number(this.#insert().run({...stored, id: options.id ?? null}).lastInsertRowid);
      if (activate) this.#activate().run({id});
      return this.require(id);
    });
  }

  /**
   * Change the given fields only. With `ifUnchanged`, only when the row still
   * holds those values (compare-and-set), or `ifUnchangedSince`, only when it
   * has not been changed after that time: else a ConflictError.
   */
  update(
    id: number,
    fields: ServerFields,
    options: {readonly ifUnchanged?: Partial<Server>; readonly ifUnchangedSince?: string; readonly ifVersion?: number} = {},
  ): Server {
    return this.#writes.run(() => {
      const base = this.require(id);
      const moved = Object.entries(options.ifUnchanged ?? {}).filter(([name, value]) => base[name as keyof Server] !== value);
      if (moved.length) {
        const names = moved.map(([name]) => name);
        throw new ConflictError(`server ${id} changed since you read it (${names.join(', ')}); nothing changed`, names.join(', '));
      }
      if (options.ifVersion !== undefined && base.version !== options.ifVersion) {
        throw new ConflictError(`server ${id} is at version ${base.version}, not ${options.ifVersion}; nothing changed`, String(base.version));
      }
      if (options.ifUnchangedSince !== undefined && base.updatedAt > options.ifUnchangedSince) {
        throw new ConflictError(`server ${id} was changed at ${base.updatedAt}, after ${options.ifUnchangedSince}; nothing changed`, base.updatedAt);
      }
      const stored = validateServer(fields, base);
      this.#checkNameFree(stored.name as string | null, id);
      // Nothing written when nothing differs, so updated_at keeps meaning "last changed".
      if (JSON.stringify(stored) === JSON.stringify(storedFieldsOf(base))) return base;
      this.#update().run({...stored, id});
      return this.require(id);
    });
  }

  /** Make this server the one active connection; every other one is deactivated in the same transaction. */
  activate(id: number): Server {
    return this.#writes.run(() => {
      this.require(id);
      this.#activate().run({id});
      return this.require(id);
    });
  }

  /** Leave no server active (an import whose servers are all inactive). */
  deactivateAll(): void {
    this.#writes.run(() => this.#deactivateAll().run());
  }

  /** Remove a server; the result says whether it was the active one (none is active then). */
  remove(id: number): {readonly removed: Server; readonly wasActive: boolean} {
    return this.#writes.run(() => {
      const removed = this.require(id);
      this.#delete().run(id);
      return {removed, wasActive: removed.active};
    });
  }

  markConnected(id: number): void {
    this.#writes.run(() => this.#touchConnected().run(id));
  }
}
