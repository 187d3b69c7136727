import type {Database} from 'better-sqlite3';

/**
 * What kind of SQLite file this is, decided from its tables and columns: ours
 * (or the design's, made by another program), the Sanctum panel's, empty, or
 * someone else's. Which of our migrations ran is not decided here: the file's
 * `user_version` says that (see migrate.ts).
 */
export type SchemaKind =
  | {readonly kind: 'empty'}
  /** The design's two tables with the design's columns: ours at some version. */
  | {readonly kind: 'ours'}
  /** The Sanctum control panel's narrower `system_config`, without `letta_server_config`. */
  | {readonly kind: 'panel'}
  | {readonly kind: 'foreign'; readonly reason: string};

const designSettingColumns = ['id', 'config_key', 'config_value', 'config_type', 'description', 'is_sensitive', 'category', 'created_at', 'updated_at'];
const panelSettingColumns = ['id', 'config_key', 'config_value', 'description', 'created_at', 'updated_at'];
const panelMissingColumns = ['config_type', 'is_sensitive', 'category'];
const designServerColumns = [
  'id',
  'server_address',
  'server_port',
  'server_password',
  'server_token',
  'connection_timeout',
  'is_active',
  'created_at',
  'updated_at',
];

function columnsOf(db: Database, table: string): Set<string> {
  const rows = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as {name: string}[];
  return new Set(rows.map((r) => r.name));
}

const missing = (have: Set<string>, want: readonly string[]) => want.filter((c) => !have.has(c));

/** Whether config_key has a UNIQUE index of its own: without one, two rows could hold one key and nothing could tell them apart. */
function keysAreUnique(db: Database): boolean {
  const unique = db.prepare(`SELECT name FROM pragma_index_list('system_config') WHERE "unique" = 1`).pluck().all() as string[];
  return unique.some((index) => {
    const columns = db.prepare(`SELECT name FROM pragma_index_info(?)`).pluck().all(index) as string[];
    return columns.length === 1 && columns[0] === 'config_key';
  });
}

const notUnique = {kind: 'foreign', reason: 'its system_config does not keep config_key UNIQUE, so one key could have two values'} as const;

export function readSchemaKind(db: Database): SchemaKind {
  const objects = db.prepare(`SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`).all() as {
    type: string;
    name: string;
  }[];
  const tables = new Set(objects.filter((o) => o.type === 'table').map((o) => o.name));
  if (objects.length === 0) return {kind: 'empty'};
  const hasSettings = tables.has('system_config');
  const hasServers = tables.has('letta_server_config');
  if (!hasSettings && !hasServers) {
    const some = [...tables].slice(0, 3).join(', ');
    return {kind: 'foreign', reason: `it has neither system_config nor letta_server_config${some ? ` (it has ${some})` : ''}`};
  }
  const settingColumns = hasSettings ? columnsOf(db, 'system_config') : new Set<string>();
  if (hasSettings && !hasServers) {
    const absent = missing(settingColumns, panelMissingColumns);
    if (missing(settingColumns, panelSettingColumns).length === 0 && absent.length === panelMissingColumns.length) {
      return keysAreUnique(db) ? {kind: 'panel'} : notUnique;
    }
    return {kind: 'foreign', reason: "it has system_config but no letta_server_config, and is not the Sanctum panel's"};
  }
  if (!hasSettings) return {kind: 'foreign', reason: 'it has letta_server_config but no system_config'};
  const lackingSettings = missing(settingColumns, designSettingColumns);
  if (lackingSettings.length) {
    return {kind: 'foreign', reason: `its system_config has no column ${lackingSettings.join(', ')}`};
  }
  const lackingServers = missing(columnsOf(db, 'letta_server_config'), designServerColumns);
  if (lackingServers.length) {
    return {kind: 'foreign', reason: `its letta_server_config has no column ${lackingServers.join(', ')}`};
  }
  return keysAreUnique(db) ? {kind: 'ours'} : notUnique;
}
