import type {Database} from 'better-sqlite3';

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
  config_key: string;
  config_type: string;
  category: string;
  is_sensitive: number;
  description: string;
  default_value: string;
  origin: string;
};

/** The catalogue, read once per open: it changes only with a migration. */
export function readCatalogue(db: Database): ReadonlyMap<string, KnownSetting> {
  const rows = db
    .prepare(`SELECT config_key, config_type, category, is_sensitive, description, default_value, origin
              FROM sanctum_setting_catalogue`)
    .all() as CatalogueRow[];
  return new Map(
    rows.map((r) => [
      r.config_key,
      {
        key: r.config_key,
        type: r.config_type,
        category: r.category,
        sensitive: r.is_sensitive === 1,
        description: r.description,
        defaultValue: r.default_value,
        origin: r.origin === 'panel' ? 'panel' : 'design',
      },
    ]),
  );
}
