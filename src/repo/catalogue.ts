import type {Database, Statement} from 'better-sqlite3';
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
 * What the catalogue knows of a key. `ofRow` answers for a key the file holds:
 * every such key the catalogue knows is read in one query (a join, bounded by
 * the settings, not the catalogue), the first time it is asked. `ofKey`
 * answers for any key, one indexed lookup each (a key being added). So a
 * catalogue another program filled with 100,000 rows costs nothing a command
 * does not need.
 */
export function catalogueLookup(db: Database): {ofRow: (key: string) => KnownSetting | undefined; ofKey: (key: string) => KnownSetting | undefined} {
  let known: Map<string, KnownSetting> | undefined;
  const loaded = () =>
    (known ??= new Map(
      (db.prepare(`SELECT ${columns} FROM sanctum_setting_catalogue c JOIN system_config s ON s.config_key = c.config_key`).all() as CatalogueRow[]).map(
        (r) => {
          const entry = toKnown(r);
          return [entry.key, entry];
        },
      ),
    ));
  let byKey: Statement<[string], CatalogueRow> | undefined;
  return {
    ofRow: (key) => loaded().get(key),
    ofKey: (key) => {
      byKey ??= db.prepare(`SELECT ${columns} FROM sanctum_setting_catalogue c WHERE c.config_key = ?`);
      const row = byKey.get(key);
      return row ? toKnown(row) : undefined;
    },
  };
}
