import type {Database, Statement} from 'better-sqlite3';
import {ConflictError, NotFoundError, ValidationError} from '../errors.js';
import {maskSecret} from './mask-secret.js';
import {catalogueLookup, type KnownSetting} from './catalogue.js';
import {compareCategories} from './categories.js';
import {checkCategory, checkKey, isPortSetting, parsePort, typesForCategory} from './rules.js';
import {isSecretSetting} from './secret-keys.js';
import {binaryProblem, storedParameter, storedText} from './stored-value.js';
import {type ConfigType, encodeValue, isConfigType, settingType, unknownType} from './setting-types.js';
import {quoted} from './value-codec.js';
import type {WriteContext} from './write-context.js';
import {preparedOnUse} from './prepared-on-use.js';

export type Setting = {
  readonly id: number;
  readonly key: string;
  /** Stored text, as other programs read it; null when the row has none. */
  readonly value: string | null;
  readonly type: string;
  readonly description: string | null;
  readonly sensitive: boolean;
  readonly category: string;
  readonly updatedAt: string;
  /** Why the stored text does not fit the setting's type (another program wrote it); absent when it fits. */
  readonly problem?: string;
  /** The catalogue's default, for a setting this program knows; else undefined. */
  readonly defaultValue?: string;
};

export type NewSetting = {
  readonly key: string;
  readonly type: ConfigType;
  readonly value: string;
  readonly category?: string;
  readonly description?: string | null;
  readonly sensitive?: boolean;
};

/** Rows read from SQLite at a time when settings are listed. */
const batch = 500;

const columns = `id, config_key, config_value, config_type, description, is_sensitive, category, updated_at`;

/**
 * A row as an array, in the order of `columns`: better-sqlite3 makes arrays
 * several times faster than objects. Another program may have stored any type
 * in any column (stored-value.ts makes text of it).
 */
/** A key or category as bound to find rows: text, or the bytes of a BLOB (stored-value.ts). */
type Stored = string | Buffer;

type SettingRow = [id: number, key: unknown, value: unknown, type: unknown, description: unknown, sensitive: unknown, category: unknown, updatedAt: unknown];

/** Why stored text does not fit its type, or undefined; the message never quotes the value. */
function storedProblem(key: string, type: string, category: string, value: string | null): string | undefined {
  if (value === null || value === '' || !isConfigType(type)) return undefined;
  try {
    const encoded = encodeValue(key, type, value);
    if (isPortSetting(key, category)) parsePort(key, encoded);
    return undefined;
  } catch {
    return `not a valid ${isPortSetting(key, category) ? 'port' : type}`;
  }
}

/**
 * A row as the program sees it. Sensitive when its flag says so (in any stored
 * form), or the catalogue knows it as a secret, or its key looks like one, so
 * a row rewritten by another program without our columns is still masked.
 */
function toSetting(row: SettingRow, known: KnownSetting | undefined): Setting {
  const [id, storedKey, storedValue, storedType, storedDescription, storedSensitive, storedCategory, storedUpdatedAt] = row;
  const key = storedText(storedKey) ?? '';
  const value = storedText(storedValue);
  const type = storedText(storedType) ?? 'string';
  const category = storedText(storedCategory) ?? 'general';
  const description = storedText(storedDescription);
  const updatedAt = storedText(storedUpdatedAt) ?? '';
  const problem = binaryProblem(storedValue) ?? storedProblem(key, type, category, value);
  const sensitive = isSecretSetting(key, storedSensitive, known?.sensitive);
  const setting: {-readonly [K in keyof Setting]: Setting[K]} = {id, key, value, type, description, sensitive, category, updatedAt};
  if (problem) setting.problem = problem;
  if (known) setting.defaultValue = known.defaultValue;
  return setting;
}

/** Validate `input` for a setting of this key, type and category; returns the text to store. */
function encodeSettingValue(key: string, type: string, category: string, input: string, sensitive = false): string {
  try {
    const stored = encodeValue(key, isConfigType(type) ? type : 'string', input);
    if (isPortSetting(key, category)) parsePort(key, stored);
    return stored;
  } catch (error) {
    // The usual rule quotes the value; a secret must not appear in an error.
    if (sensitive && error instanceof ValidationError) throw new ValidationError(key, `is not a valid ${type}`);
    throw error;
  }
}

/** Settings in `system_config`: the only code that reads or writes that table. */
export class SettingsRepo {
  readonly #inCategory: () => Statement<[{category: Stored; after: number; limit: number}], SettingRow>;
  readonly #categoryNames: () => Statement<[], string | null>;
  readonly #keysIn: () => Statement<[{category: Stored}], unknown>;
  readonly #startingWith: () => Statement<
    [{from: string; to: string | null; limit: number}],
    {key: string; description: string | null; category: string | null}
  >;
  readonly #byKey: () => Statement<[Stored], SettingRow>;
  readonly #update: () => Statement<[string, Stored]>;
  readonly #insert: () => Statement<[string, string, string, string | null, number, string]>;
  readonly #delete: () => Statement<[Stored]>;
  readonly #redefine: () => Statement<[string, string, string | null, number, string, Stored]>;
  readonly #known: ReturnType<typeof catalogueLookup>;
  readonly #writes: WriteContext;

  constructor(db: Database, writes: WriteContext) {
    this.#writes = writes;
    this.#known = catalogueLookup(db);
    // A row without a category is in general, as everywhere else. Each category is read through its index,
    // and the rows without one merged in by id: no scan of the other categories' rows, no sort.
    const inCategory = (select: string, after: string) =>
      `SELECT ${select} FROM system_config WHERE category = @category${after} UNION ALL ` +
      `SELECT ${select} FROM system_config WHERE @category = 'general' AND category IS NULL${after}`;
    this.#inCategory = preparedOnUse(db, `${inCategory(columns, ' AND id > @after')} ORDER BY id LIMIT @limit`, {raw: true});
    this.#keysIn = preparedOnUse(db, inCategory('config_key', ''));
    // A range of the key's unique index: quick however many settings there are.
    this.#startingWith = preparedOnUse(
      db,
      `SELECT config_key AS key, description, category FROM system_config
       WHERE config_key >= @from AND (@to IS NULL OR config_key < @to) AND typeof(config_key) = 'text' ORDER BY config_key LIMIT @limit`,
    );
    this.#categoryNames = preparedOnUse(db, `SELECT DISTINCT category FROM system_config`);
    this.#byKey = preparedOnUse(db, `SELECT ${columns} FROM system_config WHERE config_key = ?`, {raw: true});
    this.#update = preparedOnUse(db, `UPDATE system_config SET config_value = ?, updated_at = CURRENT_TIMESTAMP WHERE config_key = ?`);
    this.#insert = preparedOnUse(
      db,
      `INSERT INTO system_config (config_key, config_value, config_type, description, is_sensitive, category)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#delete = preparedOnUse(db, `DELETE FROM system_config WHERE config_key = ?`);
    this.#redefine = preparedOnUse(
      db,
      `UPDATE system_config SET config_value = ?, config_type = ?, description = ?, is_sensitive = ?,
         category = ?, updated_at = CURRENT_TIMESTAMP WHERE config_key = ?`,
    );
  }

  /** What the catalogue knows of a key (a setting of the design, the panel or the box's programs), whether or not the file holds it. */
  known(key: string): KnownSetting | undefined {
    return this.#known.ofKey(key);
  }

  /** Every setting, or one category's, in a stable order: category order, then insertion. */
  list(category?: string): Setting[] {
    const settings: Setting[] = [];
    for (const rows of this.#batches(category)) for (const row of rows) settings.push(this.#toSetting(row));
    return settings;
  }

  /**
   * The same settings one at a time: a caller that writes each out as it
   * comes (list --json) never holds ten thousand of them.
   */
  *each(category?: string): Generator<Setting> {
    for (const rows of this.#batches(category)) for (const row of rows) yield this.#toSetting(row);
  }

  /** The rows in order, a batch at a time: one call into SQLite per batch, and rows that are garbage by the next. */
  *#batches(category?: string): Generator<SettingRow[]> {
    for (const name of category === undefined ? this.categories() : [category]) {
      for (let after = -Infinity; ; ) {
        const rows = this.#inCategory().all({category: storedParameter(name), after, limit: batch});
        if (rows.length) yield rows;
        if (rows.length < batch) break;
        after = rows[rows.length - 1]![0];
      }
    }
  }

  /** The first `limit` settings of a category, in order: what a screen shows before the rest is read. */
  firstIn(category: string, limit: number): Setting[] {
    return this.#inCategory()
      .all({category, after: -Infinity, limit})
      .map((row) => this.#toSetting(row));
  }

  /** Every key of a category, and no more of the rows: enough to size a table's columns and count its rows. */
  keysIn(category: string): string[] {
    return this.#keysIn()
      .pluck()
      .all({category: storedParameter(category)})
      .map((key) => storedText(key) ?? '');
  }

  /** At most `limit` keys that start with `prefix`, in order, with their descriptions and categories (shell completion). */
  startingWith(prefix: string, limit: number): {key: string; description: string | null; category: string | null}[] {
    // U+10FFFF is the largest character: in UTF-8 every key that starts with the prefix sorts before prefix + it.
    return this.#startingWith().all({from: prefix, to: prefix ? `${prefix}\u{10FFFF}` : null, limit});
  }

  categories(): string[] {
    return [
      ...new Set(
        this.#categoryNames()
          .pluck()
          .all()
          .map((category) => storedText(category) ?? 'general'),
      ),
    ].sort(compareCategories);
  }

  get(key: string): Setting | undefined {
    const row = this.#byKey().get(storedParameter(key));
    return row ? this.#toSetting(row) : undefined;
  }

  /** The settings this program knows, with their defaults. */
  #toSetting(row: SettingRow): Setting {
    return toSetting(row, this.#known.ofRow(storedText(row[1]) ?? ''));
  }

  require(key: string): Setting {
    const setting = this.get(key);
    if (!setting) throw new NotFoundError(`no setting '${key}'; 'sanctum-config list' shows them`);
    return setting;
  }

  /** Check a new value for an existing setting without writing it. */
  validate(key: string, input: string): string {
    const setting = this.require(key);
    return encodeSettingValue(key, setting.type, setting.category, input, setting.sensitive);
  }

  /** Set an existing setting from text, validated by its type. */
  /**
   * Set a setting from text. With `ifValue`, only when it still holds that
   * stored value (compare-and-set): else a ConflictError showing what it holds now.
   */
  set(key: string, input: string, options: {readonly ifValue?: string | null} = {}): Setting {
    return this.#writes.run(() => {
      if (options.ifValue !== undefined) this.#expectValue(key, options.ifValue);
      const stored = this.validate(key, input);
      if (stored === this.get(key)?.value) return this.require(key);
      // Never NULL: the Sanctum panel's table forbids it.
      this.#update().run(stored, storedParameter(key));
      return this.require(key);
    });
  }

  /** Check a new setting's key: the rule, and that it is not taken. */
  checkNewKey(key: string): void {
    checkKey(key);
    if (this.get(key)) throw new ValidationError('key', `${quoted(key)} already exists; use set to change it`);
  }

  /**
   * Check a new setting as add() would, without writing it: key, category,
   * type, value. A value that is or looks secret is never quoted in the error.
   */
  checkNew(input: NewSetting): {stored: string; sensitive: boolean; category: string} {
    this.checkNewKey(input.key);
    const category = input.category ?? 'general';
    checkCategory(category);
    if (!isConfigType(input.type)) throw unknownType('type', input.type);
    if (!typesForCategory(category).includes(input.type)) {
      throw new ValidationError('type', `${category} settings must be ${typesForCategory(category).join(' or ')}`);
    }
    const sensitive = isSecretSetting(input.key, input.sensitive, this.#known.ofKey(input.key)?.sensitive);
    // An import of a secret left out of its export has no value: it is added not set, whatever its type.
    const stored = input.value === '' && input.sensitive ? '' : encodeSettingValue(input.key, input.type, category, input.value, sensitive);
    return {stored, sensitive, category};
  }

  #expectValue(key: string, expected: string | null): void {
    const current = this.get(key);
    if (!current) throw new ConflictError(`${key} was removed by another writer; nothing changed`, '(removed)');
    if ((current.value ?? '') === (expected ?? '')) return;
    const shown = current.sensitive ? maskSecret(current.value) : quoted(current.value ?? '');
    throw new ConflictError(`${key} changed since you read it: it is ${shown} now; nothing changed`, shown);
  }

  /** Put a known setting back to the catalogue's default. */
  reset(key: string): Setting {
    const setting = this.require(key);
    if (setting.defaultValue === undefined) throw new ValidationError(key, 'has no default: it is not a setting this program knows');
    return this.set(key, setting.defaultValue);
  }

  /** Flip a setting whose type has a toggle (a boolean). */
  toggle(key: string): Setting {
    const setting = this.require(key);
    const flip = settingType(setting.type).toggle;
    if (!flip || !isConfigType(setting.type)) throw new ValidationError(key, `is not a boolean`);
    return this.set(key, flip(setting.value));
  }

  add(input: NewSetting): Setting {
    return this.#writes.run(() => {
      this.#addRow(input);
      return this.require(input.key);
    });
  }

  /** add, without reading the row back (an import adds thousands and needs none of them). */
  #addRow(input: NewSetting): void {
    const {stored, sensitive, category} = this.checkNew(input);
    this.#writes.run(() => this.#insert().run(input.key, stored, input.type, input.description || null, sensitive ? 1 : 0, category));
  }

  /**
   * Make a setting exactly as described (an import): added when missing, else
   * its type, category, description and flag replaced; a missing value keeps
   * the stored one, which must then suit the new type.
   */
  upsert(input: Omit<NewSetting, 'value'> & {readonly value?: string}): 'added' | 'changed' | 'unchanged' {
    const existing = this.get(input.key);
    if (!existing) {
      this.#addRow({...input, value: input.value ?? ''});
      return 'added';
    }
    const category = input.category ?? existing.category;
    checkCategory(category);
    if (!isConfigType(input.type)) throw unknownType('type', input.type);
    const value = input.value ?? existing.value ?? '';
    const sensitive = isSecretSetting(input.key, input.sensitive ?? existing.sensitive, this.#known.ofKey(input.key)?.sensitive);
    const stored = encodeSettingValue(input.key, input.type, category, value, sensitive || existing.sensitive);
    const description = input.description === undefined ? existing.description : input.description || null;
    const same =
      stored === existing.value &&
      input.type === existing.type &&
      category === existing.category &&
      description === existing.description &&
      sensitive === existing.sensitive;
    if (same) return 'unchanged';
    this.#writes.run(() => this.#redefine().run(stored, input.type, description, sensitive ? 1 : 0, category, storedParameter(input.key)));
    return 'changed';
  }

  remove(key: string): Setting {
    return this.#writes.run(() => {
      const setting = this.require(key);
      this.#delete().run(storedParameter(key));
      return setting;
    });
  }
}
