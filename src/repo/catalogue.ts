import type {Database} from 'better-sqlite3';
import {storedText} from './stored-value.js';

/** A setting this program knows (the design's and the Sanctum panel's), from `sanctum_setting_catalogue`. */
export type KnownSetting = {
  readonly key: string;
  readonly type: string;
  readonly category: string;
  readonly sensitive: boolean;
  readonly description: string;
  readonly defaultValue: string;
  readonly origin: 'design' | 'panel';
};

type CatalogueRow = {
  config_key: unknown;
  config_type: unknown;
  category: unknown;
  is_sensitive: unknown;
  description: unknown;
  default_value: unknown;
  origin: unknown;
};

const toKnown = (r: CatalogueRow): KnownSetting => ({
  key: storedText(r.config_key) ?? '',
  type: storedText(r.config_type) ?? 'string',
  category: storedText(r.category) ?? 'general',
  sensitive: r.is_sensitive === 1,
  description: storedText(r.description) ?? '',
  defaultValue: storedText(r.default_value) ?? '',
  origin: r.origin === 'panel' ? 'panel' : 'design',
});

const columns = 'c.config_key, c.config_type, c.category, c.is_sensitive, c.description, c.default_value, c.origin';

/**
 * What the catalogue knows of a key. Read for the keys the file holds, in one
 * query, the first time it is asked; any other key by its own lookup. So a
 * catalogue another program filled with 100,000 rows costs nothing it does
 * not need to, and a command reads no more than its settings' rows.
 */
export function catalogueLookup(db: Database): (key: string) => KnownSetting | undefined {
  let known: Map<string, KnownSetting> | undefined;
  const missing = new Set<string>();
  return (key) => {
    known ??= new Map(
      (db.prepare(`SELECT ${columns} FROM sanctum_setting_catalogue c JOIN system_config s ON s.config_key = c.config_key`).all() as CatalogueRow[]).map(
        (r) => {
          const entry = toKnown(r);
          return [entry.key, entry];
        },
      ),
    );
    const hit = known.get(key);
    if (hit || missing.has(key)) return hit;
    const row = db.prepare(`SELECT ${columns} FROM sanctum_setting_catalogue c WHERE c.config_key = ?`).get(key) as CatalogueRow | undefined;
    if (!row) {
      missing.add(key);
      return undefined;
    }
    const entry = toKnown(row);
    known.set(key, entry);
    return entry;
  };
}
