import type {Database, Statement} from 'better-sqlite3';
import {ConflictError, NotFoundError, ValidationError} from '../errors.js';
import {hidesValue, maskSecret} from './mask-secret.js';
import {preparedOnUse} from './prepared-on-use.js';
import {isSecretSetting} from './secret-keys.js';
import {serverFieldColumns, serverFields} from './server-fields.js';
import {displayValue, encodeValue, isConfigType, settingType} from './setting-types.js';
import {storedParameter, storedText} from './stored-value.js';
import {printable, quoted} from './value-codec.js';
import type {WriteContext} from './write-context.js';

/** One recorded change: a setting's value, a server's field, or a whole row added or removed. */
export type HistoryEntry = {
  readonly id: number;
  readonly changedAt: string;
  /** A setting's change, a server's, or the history's own (a purge). */
  readonly kind: 'setting' | 'server' | 'history' | 'profile';
  /** The setting's key, or the server's id. */
  readonly row: string;
  readonly action: 'insert' | 'update' | 'delete' | 'purge' | 'switch';
  readonly column: string | null;
  /** As stored; a whole row as JSON for insert and delete. */
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly source: string;
  /** The OS user who ran the program (`alice`, `alice as root` through sudo); null for other programs and older entries. */
  readonly actor: string | null;
  readonly sensitive: boolean;
  /** A setting's type now (its values show as the type shows them: on/off, numbers bare); undefined for the rest. */
  readonly valueType?: string;
};

/** A history row as stored: another program may have put any type in any column. */
type HistoryRow = {
  id: number;
  changed_at: unknown;
  table_name: unknown;
  row_key: unknown;
  action: unknown;
  column_name: unknown;
  old_value: unknown;
  new_value: unknown;
  source: unknown;
  actor?: unknown;
  sensitive: unknown;
};

/**
 * A setting's type and sensitivity changes: their values are a type name and
 * a flag, never secret, though the stored entry is marked sensitive when the
 * setting was or became secret (so the key stays "ever secret").
 */
const settingKindColumns = new Set(['config_type', 'is_sensitive']);
const isKindChange = (entry: Pick<HistoryEntry, 'kind' | 'column'>) => entry.kind === 'setting' && settingKindColumns.has(entry.column ?? '');

const tableKinds = new Map<string, HistoryEntry['kind']>([
  ['system_config', 'setting'],
  ['config_history', 'history'],
  ['sanctum_profile', 'profile'],
]);

/** A profile's name in a change: the base when there is none. */
const profileName = (name: string | null) => (name ? printable(name) : '(base)');

/** A history row as the program sees it: every column text (or null), whatever type another program stored. */
const toEntry = (r: HistoryRow): HistoryEntry =>
  withKindsInClear({
    id: r.id,
    changedAt: storedText(r.changed_at) ?? '',
    kind: tableKinds.get(r.table_name as string) ?? 'server',
    row: storedText(r.row_key) ?? '',
    action: r.action as HistoryEntry['action'],
    column: storedText(r.column_name),
    oldValue: storedText(r.old_value),
    newValue: storedText(r.new_value),
    source: storedText(r.source) ?? 'other',
    actor: storedText(r.actor ?? null),
    sensitive: r.sensitive === 1,
  });

const withKindsInClear = (entry: HistoryEntry): HistoryEntry => (entry.sensitive && isKindChange(entry) ? {...entry, sensitive: false} : entry);

/** The columns an undo may write, by table: nothing else is ever put in SQL. */
const serverColumns = new Set([...serverFieldColumns, 'is_active']);
const settingRowColumns = ['config_key', 'config_value', 'config_type', 'description', 'is_sensitive', 'category', 'created_at'] as const;
const serverRowColumns = ['id', ...serverFieldColumns, 'is_active', 'last_connected_at', 'created_at'];

const damaged = (entry: HistoryEntry) => new ValidationError('change', `${entry.id} holds a damaged record of the row; it cannot be undone`);

/**
 * The whole row a change recorded (JSON), checked before anything is put back:
 * an object of text, numbers and nulls only. Its content never appears in an
 * error (JSON.parse would quote it, and it may hold a secret).
 */
function snapshotOf(entry: HistoryEntry, text: string | null): Record<string, string | number | null> {
  let row: unknown;
  try {
    row = JSON.parse(text ?? '');
  } catch {
    throw damaged(entry);
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw damaged(entry);
  for (const value of Object.values(row)) {
    if (value !== null && typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) throw damaged(entry);
  }
  return row as Record<string, string | number | null>;
}

/** A value put back must fit the setting's type, as any write must; the error names the type, never the value. */
function checkFits(entry: HistoryEntry, type: string, value: string): void {
  if (value === '' || !isConfigType(type)) return;
  try {
    encodeValue(entry.row, type, value);
  } catch {
    throw new ValidationError('change', `${entry.id} would put back a value that is not a valid ${type}; it cannot be undone`);
  }
}

/** A server field put back must pass the field's rule; the error names the field, never the value. */
function checkServerField(entry: HistoryEntry, column: string, value: unknown): void {
  const spec = serverFields.find((f) => f.column === column);
  if (!spec || value === null) return;
  try {
    spec.parse(value as string | number);
  } catch {
    throw new ValidationError('change', `${entry.id} would put back a server ${spec.label} that is not valid; it cannot be undone`);
  }
}

/** An entry that has a value before and after (a value changed, a profile switched). */
export const hasOldAndNew = (entry: Pick<HistoryEntry, 'action'>) => entry.action === 'update' || entry.action === 'switch';

/** A value for a person: masked when secret, escaped, and a whole row summed up. */
export function describeValue(entry: HistoryEntry, value: string | null, reveal: boolean): string {
  if (entry.action === 'purge') return `purged ${printable(entry.newValue ?? '?')} entries`;
  if (entry.kind === 'profile') return profileName(value);
  if (entry.action !== 'update') return entry.action === 'insert' ? 'added' : 'removed';
  if (value === null) return '(none)';
  if (hidesValue(entry.sensitive, value, reveal)) return maskSecret(value);
  // As the type shows it (a boolean on/off, a number bare); text, and what does not fit its type, quoted.
  const type = entry.kind === 'setting' && entry.column === 'config_value' ? entry.valueType : entry.column === 'server_port' ? 'integer' : undefined;
  if (type && type !== 'string' && isConfigType(type) && value !== '' && settingType(type).decode(value) !== undefined) {
    return printable(displayValue(type, value)).slice(0, 60);
  }
  return quoted(value, 60);
}

/** A change as one line: `flask_port 5000 -> 5050` (secrets masked), `server 2 added`; `undoing` reads it backwards. */
export function describeChange(entry: HistoryEntry, options: {readonly reveal?: boolean; readonly undoing?: boolean} = {}): string {
  const reveal = options.reveal ?? false;
  const target = describeTarget(entry);
  if (entry.action === 'purge') return `${target} ${describeValue(entry, null, reveal)}`;
  if (entry.action !== 'update' && entry.action !== 'switch') {
    const added = (entry.action === 'insert') !== Boolean(options.undoing);
    return `${target} ${added ? 'added' : 'removed'}`;
  }
  const [from, to] = options.undoing ? [entry.newValue, entry.oldValue] : [entry.oldValue, entry.newValue];
  return `${target} ${describeValue(entry, from, reveal)} -> ${describeValue(entry, to, reveal)}`;
}

/** Who made a change: the program, and the person when known (`app alice`), printable. */
export function describeWho(entry: Pick<HistoryEntry, 'source' | 'actor'>): string {
  return printable(entry.actor ? `${entry.source} ${entry.actor}` : entry.source);
}

/** What a change was, in a few words: `flask_port`, `server 2 port`. */
export function describeTarget(entry: HistoryEntry): string {
  const column =
    entry.column
      ?.replace(/^server_|^config_/, '')
      .replace('connection_', '')
      .replace('is_', '') ?? '';
  if (entry.kind === 'history') return `history (${printable(entry.row)})`;
  if (entry.kind === 'profile') return 'profile';
  if (isKindChange(entry)) return `${printable(entry.row)} ${entry.column === 'config_type' ? 'type' : 'sensitive'}`;
  return entry.kind === 'setting' ? printable(entry.row) : `server ${printable(entry.row)}${entry.action === 'update' ? ` ${printable(column)}` : ''}`;
}

/** The change history (`config_history`, filled by triggers for every writer), and undo. */
export class HistoryRepo {
  readonly #db: Database;
  readonly #writes: WriteContext;
  readonly #byId: () => Statement<[number], HistoryRow>;
  readonly #typeOf: () => Statement<[{key: unknown}], unknown>;

  /** Undoes a profile switch: switches back, whole (profiles-repo.ts). */
  readonly #switchBack: (from: string | null, expectActive: string | null | undefined) => void;

  constructor(db: Database, writes: WriteContext, switchBack: (from: string | null, expectActive: string | null | undefined) => void) {
    this.#db = db;
    this.#writes = writes;
    this.#switchBack = switchBack;
    this.#byId = preparedOnUse(db, `SELECT * FROM config_history WHERE id = ?`);
    this.#typeOf = preparedOnUse(
      db,
      `SELECT COALESCE((SELECT config_type FROM system_config WHERE config_key = @key), (SELECT config_type FROM sanctum_setting_catalogue WHERE config_key = @key))`,
    );
  }

  /** Newest first; of one setting or one server when asked. */
  list(options: {readonly key?: string; readonly serverId?: number; readonly limit?: number} = {}): HistoryEntry[] {
    const limit = options.limit ?? 20;
    const where =
      options.key !== undefined
        ? `WHERE table_name = 'system_config' AND row_key = @row`
        : options.serverId !== undefined
          ? `WHERE table_name = 'letta_server_config' AND row_key = @row`
          : '';
    const row = options.key ?? (options.serverId === undefined ? undefined : String(options.serverId));
    const rows = this.#db
      .prepare(`SELECT * FROM config_history ${where} ORDER BY id DESC LIMIT @limit`)
      .all({limit, ...(row === undefined ? {} : {row})}) as HistoryRow[];
    const secret = this.#secrecy();
    const typed = this.#types();
    return rows.map((r) => typed(secret(toEntry(r))));
  }

  /** Each setting entry with its setting's type now (else the catalogue's), read once per key. */
  #types(): (entry: HistoryEntry) => HistoryEntry {
    const typeOf = this.#typeOf().pluck();
    const known = new Map<string, string | undefined>();
    return (entry) => {
      if (entry.kind !== 'setting' || entry.column !== 'config_value') return entry;
      if (!known.has(entry.row)) known.set(entry.row, storedText(typeOf.get({key: storedParameter(entry.row)})) ?? undefined);
      const valueType = known.get(entry.row);
      return valueType ? {...entry, valueType} : entry;
    };
  }

  /**
   * Whether an entry is secret is not only what its row says (another
   * program may have written it, and a setting may have been secret before):
   * a setting's entries are secret when the setting is secret now by any rule,
   * or any entry of it ever was; a server's when they touch a secret field or
   * carry a whole row (which holds its password and token).
   */
  #secrecy(): (entry: HistoryEntry) => HistoryEntry {
    const secretKeys = new Set(
      (
        this.#db
          .prepare(
            `SELECT row_key FROM config_history WHERE table_name = 'system_config' AND sensitive IS NOT 0 AND sensitive IS NOT NULL
             UNION SELECT config_key FROM system_config WHERE is_sensitive IS NOT 0 AND is_sensitive IS NOT NULL
             UNION SELECT config_key FROM sanctum_setting_catalogue WHERE is_sensitive = 1`,
          )
          .pluck()
          .all() as unknown[]
      ).map((k) => storedText(k)),
    );
    const secretColumns = new Set(serverFields.filter((f) => f.secret).map((f) => f.column as string));
    return (entry) => {
      if (isKindChange(entry)) return entry;
      const secret =
        entry.sensitive ||
        (entry.kind === 'setting'
          ? secretKeys.has(entry.row) || isSecretSetting(entry.row, false)
          : entry.kind === 'server' && (entry.action !== 'update' || secretColumns.has(entry.column ?? '')));
      return secret === entry.sensitive ? entry : {...entry, sensitive: secret};
    };
  }

  /**
   * Remove entries for good: all, a setting's, a server's, or every secret one
   * (by the same rule the history masks with). Freed pages are zeroed
   * (secure_delete) and the write-ahead log emptied, so the values are gone
   * from the file, not just unlisted. The purge is an entry itself. Returns how
   * many were removed.
   */
  purge(scope: {readonly all: true} | {readonly secrets: true} | {readonly key: string} | {readonly serverId: number}): number {
    const removed = this.#writes.run(() => {
      this.#db.pragma('secure_delete = ON');
      let ids: number[];
      let named: string;
      if ('all' in scope) {
        ids = this.#db.prepare(`SELECT id FROM config_history`).pluck().all() as number[];
        named = 'all';
      } else if ('secrets' in scope) {
        const secret = this.#secrecy();
        const rows = this.#db.prepare(`SELECT * FROM config_history`).all() as HistoryRow[];
        ids = rows
          .map(toEntry)
          .filter((e) => secret(e).sensitive)
          .map((e) => e.id);
        named = 'secrets';
      } else {
        const [table, row] = 'key' in scope ? ['system_config', scope.key] : ['letta_server_config', String(scope.serverId)];
        ids = this.#db.prepare(`SELECT id FROM config_history WHERE table_name = ? AND row_key = ?`).pluck().all(table, storedParameter(row)) as number[];
        named = 'key' in scope ? `setting ${scope.key}` : `server ${scope.serverId}`;
      }
      const remove = this.#db.prepare(`DELETE FROM config_history WHERE id = ?`);
      for (const id of ids) remove.run(id);
      this.#db
        .prepare(
          `INSERT INTO config_history (table_name, row_key, action, new_value, source, sensitive)
           VALUES ('config_history', ?, 'purge', ?, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'), 0)`,
        )
        .run(named, String(ids.length));
      return ids.length;
    });
    if (!this.#db.inTransaction) this.#db.pragma('wal_checkpoint(TRUNCATE)');
    return removed;
  }

  /** How many entries hold a secret value (by the rule the history masks with). */
  secretCount(): number {
    const secret = this.#secrecy();
    const rows = this.#db.prepare(`SELECT * FROM config_history WHERE old_value IS NOT NULL OR new_value IS NOT NULL`).all() as HistoryRow[];
    return rows.map(toEntry).filter((e) => secret(e).sensitive).length;
  }

  latestId(): number | undefined {
    return (this.#db.prepare(`SELECT max(id) AS id FROM config_history`).get() as {id: number | null}).id ?? undefined;
  }

  require(id: number): HistoryEntry {
    const row = this.#byId().get(id);
    if (!row) throw new NotFoundError(`no change ${id} in the history ('sanctum-config history' lists them)`);
    return this.#types()(this.#secrecy()(toEntry(row)));
  }

  /**
   * Put back what change `id` changed, as a new change. Refused (ConflictError)
   * when the row has changed since, unless `force`.
   */
  undo(id: number, options: {readonly force?: boolean} = {}): HistoryEntry {
    return this.#writes.run(() => {
      const entry = this.require(id);
      const conflict = (why: string) => {
        if (!options.force) throw new ConflictError(`change ${id} (${describeTarget(entry)}): ${why}; nothing changed (--force undoes it anyway)`, why);
      };
      if (entry.kind === 'history') throw new ValidationError('change', `${entry.id} purged the history; it cannot be undone`);
      // A switch is undone whole: the profile before it becomes active again, with every value it had.
      if (entry.kind === 'profile') {
        this.#switchBack(entry.oldValue || null, options.force ? undefined : entry.newValue || null);
        return entry;
      }
      if (entry.kind === 'setting') this.#undoSetting(entry, conflict);
      else this.#undoServer(entry, conflict);
      return entry;
    });
  }

  /**
   * Undo changes made together (one write's), newest first, as one write. A
   * profile switch among them is undone by its own entry: switching back puts
   * back the values it set.
   */
  undoTogether(ids: readonly number[], options: {readonly force?: boolean} = {}): HistoryEntry[] {
    return this.#writes.run(() => {
      const switches = ids.filter((id) => this.require(id).kind === 'profile');
      return (switches.length ? switches : [...ids]).reverse().map((id) => this.undo(id, options));
    });
  }

  #undoSetting(entry: HistoryEntry, conflict: (why: string) => void): void {
    const typeNow = this.#db.prepare(`SELECT config_type FROM system_config WHERE config_key = ?`).pluck().get(storedParameter(entry.row));
    const current = this.#db.prepare(`SELECT config_value FROM system_config WHERE config_key = ?`).get(storedParameter(entry.row)) as
      | {config_value: string | null}
      | undefined;
    if (entry.action === 'update') {
      if (entry.column === 'config_key') throw new ValidationError('change', `${entry.id} renamed a setting; it cannot be undone`);
      if (isKindChange(entry)) return this.#undoKind(entry, conflict);
      if (entry.column !== 'config_value')
        throw new ValidationError('change', `${entry.id} changed a setting's ${printable(entry.column ?? '?')}; only value changes can be undone`);
      if (!current) return void conflict('the setting has been removed since');
      if (current.config_value !== entry.newValue) conflict('it has changed since');
      // What is put back is checked as any write is: across a type change it may no longer fit.
      checkFits(entry, storedText(typeNow) ?? 'string', entry.oldValue ?? '');
      // Never NULL: the Sanctum panel's table forbids it.
      this.#db.prepare(`UPDATE system_config SET config_value = ? WHERE config_key = ?`).run(entry.oldValue ?? '', storedParameter(entry.row));
      return;
    }
    if (entry.action === 'insert') {
      if (!current) return;
      const added = snapshotOf(entry, entry.newValue);
      if (current.config_value !== added.config_value) conflict('it has changed since it was added');
      this.#db.prepare(`DELETE FROM system_config WHERE config_key = ?`).run(storedParameter(entry.row));
      return;
    }
    if (current) return void conflict('a setting with that key exists again');
    const removed = snapshotOf(entry, entry.oldValue);
    if (typeof removed.config_key !== 'string' || removed.config_key !== entry.row) throw damaged(entry);
    checkFits(entry, typeof removed.config_type === 'string' ? removed.config_type : 'string', String(removed.config_value ?? ''));
    const values = settingRowColumns.map((c) => (c === 'config_value' ? (removed[c] ?? '') : (removed[c] ?? null)));
    this.#db
      .prepare(`INSERT INTO system_config (${settingRowColumns.join(', ')}) VALUES (${settingRowColumns.map(() => '?').join(', ')})`)
      .run(...(values as (string | number | null)[]));
  }

  /** Put back a setting's type (if its value fits it) or its sensitivity. */
  #undoKind(entry: HistoryEntry, conflict: (why: string) => void): void {
    const column = entry.column === 'config_type' ? 'config_type' : 'is_sensitive';
    const row = this.#db.prepare(`SELECT config_value, ${column} AS kind FROM system_config WHERE config_key = ?`).get(storedParameter(entry.row)) as
      | {config_value: unknown; kind: unknown}
      | undefined;
    if (!row) return void conflict('the setting has been removed since');
    if (storedText(row.kind) !== entry.newValue) conflict('it has changed since');
    let old: string | number;
    if (column === 'config_type') {
      if (!entry.oldValue || !isConfigType(entry.oldValue))
        throw new ValidationError('change', `${entry.id} would put back an unknown type; it cannot be undone`);
      checkFits(entry, entry.oldValue, storedText(row.config_value) ?? '');
      old = entry.oldValue;
    } else {
      if (entry.oldValue !== '0' && entry.oldValue !== '1')
        throw new ValidationError('change', `${entry.id} would put back a flag that is not 0 or 1; it cannot be undone`);
      old = Number(entry.oldValue);
    }
    this.#db.prepare(`UPDATE system_config SET ${column} = ? WHERE config_key = ?`).run(old, storedParameter(entry.row));
  }

  #undoServer(entry: HistoryEntry, conflict: (why: string) => void): void {
    const id = Number(entry.row);
    const current = this.#db.prepare(`SELECT * FROM letta_server_config WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
    if (entry.action === 'update') {
      if (!entry.column || !serverColumns.has(entry.column)) throw new ValidationError('change', `${entry.id} cannot be undone`);
      if (!current) return void conflict('the server has been removed since');
      if (text(current[entry.column]) !== entry.newValue) conflict('it has changed since');
      checkServerField(entry, entry.column, entry.oldValue);
      this.#db.prepare(`UPDATE letta_server_config SET ${entry.column} = ? WHERE id = ?`).run(entry.oldValue, id);
      return;
    }
    if (entry.action === 'insert') {
      if (!current) return;
      const added = snapshotOf(entry, entry.newValue);
      const changed = [...serverColumns].filter((c) => text(current[c]) !== text(added[c]));
      if (changed.length) conflict('it has changed since it was added');
      this.#db.prepare(`DELETE FROM letta_server_config WHERE id = ?`).run(id);
      return;
    }
    if (current) return void conflict('a server with that id exists again');
    const removed = snapshotOf(entry, entry.oldValue);
    if (removed.id !== id) throw damaged(entry);
    for (const spec of serverFields) checkServerField(entry, spec.column, removed[spec.column] ?? null);
    this.#db
      .prepare(`INSERT INTO letta_server_config (${serverRowColumns.join(', ')}) VALUES (${serverRowColumns.map(() => '?').join(', ')})`)
      .run(...(serverRowColumns.map((c) => removed[c] ?? null) as (string | number | null)[]));
  }
}
