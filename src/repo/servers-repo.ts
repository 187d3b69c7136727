import type {Database, Statement} from 'better-sqlite3';
import {ConflictError, NotFoundError, ValidationError} from '../errors.js';
import type {WriteContext} from './write-context.js';
import {preparedOnUse} from './prepared-on-use.js';
import {addressParts, checkPort, checkServerAddress, parsePort, parseTimeout} from './rules.js';

export type Server = {
  readonly id: number;
  readonly name: string | null;
  readonly address: string;
  readonly port: number;
  readonly password: string | null;
  readonly token: string | null;
  readonly timeout: number | null;
  readonly active: boolean;
  readonly lastConnectedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** What makes the stored row unusable (another program wrote it); absent when it is fine. */
  readonly problem?: string;
};

/** What a person can set on a server; null clears a secret or the name. */
export type ServerFields = {
  readonly address?: string;
  readonly port?: number | string;
  readonly name?: string | null;
  readonly password?: string | null;
  readonly token?: string | null;
  readonly timeout?: number | string;
};

type ServerRow = {
  id: number;
  name: string | null;
  server_address: string;
  server_port: number;
  server_password: string | null;
  server_token: string | null;
  connection_timeout: number | null;
  is_active: number | null;
  last_connected_at: string | null;
  created_at: string;
  updated_at: string;
};

type StoredFields = {
  server_address: string;
  server_port: number;
  name: string | null;
  server_password: string | null;
  server_token: string | null;
  connection_timeout: number | null;
};

const columns = `id, name, server_address, server_port, server_password, server_token,
  connection_timeout, is_active, last_connected_at, created_at, updated_at`;

/** The first field of a stored row that breaks a rule, named as the rule names it. */
function rowProblem(row: ServerRow): string | undefined {
  try {
    if (typeof row.server_address !== 'string') throw new ValidationError('server_address', 'is not text');
    addressParts(row.server_address);
    if (!Number.isInteger(row.server_port)) throw new ValidationError('server_port', 'is not a whole number');
    checkPort('server_port', row.server_port);
    if (row.connection_timeout !== null) parseTimeout('connection_timeout', row.connection_timeout);
    for (const [field, secret] of [
      ['server_password', row.server_password],
      ['server_token', row.server_token],
    ] as const) {
      if (secret !== null && (typeof secret !== 'string' || /[\u0000-\u001f\u007f]/.test(secret))) {
        throw new ValidationError(field, 'holds control characters or is not text');
      }
    }
    return undefined;
  } catch (error) {
    return error instanceof ValidationError ? error.message : String(error);
  }
}

function toServer(row: ServerRow): Server {
  const problem = rowProblem(row);
  return {
    ...(problem ? {problem} : {}),
    id: row.id,
    name: row.name,
    address: row.server_address,
    port: row.server_port,
    password: row.server_password,
    token: row.server_token,
    timeout: row.connection_timeout,
    active: row.is_active === 1,
    lastConnectedAt: row.last_connected_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkName(name: string | null | undefined): string | null {
  const trimmed = name?.trim() ?? '';
  if (trimmed === '') return null;
  if (trimmed.length > 100) throw new ValidationError('name', 'must be at most 100 characters');
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw new ValidationError('name', 'must not contain control characters');
  return trimmed;
}

/** A password or token travels in an HTTP header, where control characters (a stray newline) cannot go. */
const checkSecret =
  (field: string) =>
  (secret: string | null): string | null => {
    if (!secret) return null;
    if (/[\u0000-\u001f\u007f]/.test(secret)) throw new ValidationError(field, 'must not contain control characters or line breaks');
    return secret;
  };

function storedFieldsOf(server: Server): StoredFields {
  return {
    server_address: server.address,
    server_port: server.port,
    name: server.name,
    server_password: server.password,
    server_token: server.token,
    connection_timeout: server.timeout,
  };
}

/** The design's column defaults (`001_init.sql`), for a new server and for forms that offer one. */
export const serverDefaults = {address: 'localhost', port: 8080, timeout: 30} as const;

const newServerDefaults: Omit<StoredFields, 'server_address'> = {
  server_port: serverDefaults.port,
  name: null,
  server_password: null,
  server_token: null,
  connection_timeout: serverDefaults.timeout,
};

/** Validate every given field as it would be stored, the rest kept from `base`; throws on the first bad one. */
export function validateServer(fields: ServerFields, base?: Server): StoredFields {
  if (fields.address === undefined && !base) throw new ValidationError('server_address', 'is required');
  const current = base ? storedFieldsOf(base) : {...newServerDefaults, server_address: ''};
  const given = <T, R>(value: T | undefined, check: (v: T) => R, kept: R): R => (value === undefined ? kept : check(value));
  return {
    server_address: given(fields.address, checkServerAddress, current.server_address),
    server_port: given(fields.port, (v) => parsePort('server_port', v), current.server_port),
    name: given(fields.name, checkName, current.name),
    server_password: given(fields.password, checkSecret('server_password'), current.server_password),
    server_token: given(fields.token, checkSecret('server_token'), current.server_token),
    connection_timeout: given(fields.timeout, (v) => parseTimeout('connection_timeout', v), current.connection_timeout),
  };
}

/** Letta server connections in `letta_server_config`: the only code that touches that table. */
export class ServersRepo {
  readonly #all: () => Statement<[], ServerRow>;
  readonly #byId: () => Statement<[number], ServerRow>;
  readonly #insert: () => Statement<[StoredFields & {id: number | null}]>;
  readonly #deactivateAll: () => Statement<[]>;
  readonly #update: () => Statement<[StoredFields & {id: number}]>;
  readonly #activate: () => Statement<[{id: number}]>;
  readonly #delete: () => Statement<[number]>;
  readonly #touchConnected: () => Statement<[number]>;
  readonly #writes: WriteContext;

  constructor(db: Database, writes: WriteContext) {
    this.#writes = writes;
    this.#all = preparedOnUse(db, `SELECT ${columns} FROM letta_server_config ORDER BY id`);
    this.#byId = preparedOnUse(db, `SELECT ${columns} FROM letta_server_config WHERE id = ?`);
    this.#insert = preparedOnUse(
      db,
      `INSERT INTO letta_server_config
         (id, server_address, server_port, name, server_password, server_token, connection_timeout, is_active)
       VALUES (@id, @server_address, @server_port, @name, @server_password, @server_token, @connection_timeout, 0)`,
    );
    this.#deactivateAll = preparedOnUse(db, `UPDATE letta_server_config SET is_active = 0, updated_at = CURRENT_TIMESTAMP WHERE is_active IS NOT 0`);
    this.#update = preparedOnUse(
      db,
      `UPDATE letta_server_config SET server_address = @server_address, server_port = @server_port,
         name = @name, server_password = @server_password, server_token = @server_token,
         connection_timeout = @connection_timeout, updated_at = CURRENT_TIMESTAMP
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

  /** Add a server; it becomes active when asked to, or when no server is active yet. */
  add(fields: ServerFields, options: {activate?: boolean; id?: number} = {}): Server {
    const stored = validateServer(fields);
    if (options.id !== undefined && this.get(options.id)) throw new ValidationError('id', `${options.id} is taken`);
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
  update(id: number, fields: ServerFields, options: {readonly ifUnchanged?: Partial<Server>; readonly ifUnchangedSince?: string} = {}): Server {
    return this.#writes.run(() => {
      const base = this.require(id);
      const moved = Object.entries(options.ifUnchanged ?? {}).filter(([name, value]) => base[name as keyof Server] !== value);
      if (moved.length) {
        const names = moved.map(([name]) => name);
        throw new ConflictError(`server ${id} changed since you read it (${names.join(', ')}); nothing changed`, names.join(', '));
      }
      if (options.ifUnchangedSince !== undefined && base.updatedAt > options.ifUnchangedSince) {
        throw new ConflictError(`server ${id} was changed at ${base.updatedAt}, after ${options.ifUnchangedSince}; nothing changed`, base.updatedAt);
      }
      const stored = validateServer(fields, base);
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
