import type {Database} from 'better-sqlite3';
import type {Migration} from './migrations.js';

/** A schema object a migration creates: a table, view, trigger or index, or a column it adds. */
export type SchemaObject =
  | {readonly kind: 'table' | 'view' | 'trigger' | 'index'; readonly name: string}
  | {readonly kind: 'column'; readonly table: string; readonly name: string};

const identifier = String.raw`["\`\[]?(\w+)["\`\]]?`;
const creates = new RegExp(String.raw`\bCREATE\s+(?:UNIQUE\s+)?(TABLE|VIEW|TRIGGER|INDEX)\s+(?:IF\s+NOT\s+EXISTS\s+)?${identifier}`, 'gi');
const addsColumn = new RegExp(String.raw`\bALTER\s+TABLE\s+${identifier}\s+ADD\s+(?:COLUMN\s+)?${identifier}`, 'gi');

/** SQL without its comments, so a commented-out statement is not taken for one. */
const withoutComments = (sql: string) => sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');

/**
 * What a migration's SQL creates, read from the SQL itself: a new migration
 * needs no list kept by hand. Used only to recognise a file whose
 * `user_version` was lost (a `.dump` restore); `user_version` decides otherwise.
 */
export function objectsCreatedBy(migration: Migration): SchemaObject[] {
  const sql = withoutComments(migration.sql);
  const found: SchemaObject[] = [];
  for (const [, kind, name] of sql.matchAll(creates)) {
    found.push({kind: kind!.toLowerCase() as 'table' | 'view' | 'trigger' | 'index', name: name!});
  }
  for (const [, table, name] of sql.matchAll(addsColumn)) found.push({kind: 'column', table: table!, name: name!});
  return found;
}

/** The schema's objects, read once, to test many migrations' objects against. */
export function readSchemaObjects(db: Database): (object: SchemaObject) => boolean {
  const named = new Set(
    (db.prepare(`SELECT type, name FROM sqlite_master`).all() as {type: string; name: string}[]).map((o) => `${o.type}:${o.name.toLowerCase()}`),
  );
  const columns = new Map<string, Set<string>>();
  const columnsOf = (table: string) => {
    let found = columns.get(table);
    if (!found) {
      const rows = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as {name: string}[];
      columns.set(table, (found = new Set(rows.map((r) => r.name.toLowerCase()))));
    }
    return found;
  };
  return (object) =>
    object.kind === 'column' ? columnsOf(object.table).has(object.name.toLowerCase()) : named.has(`${object.kind}:${object.name.toLowerCase()}`);
}

export const describeObject = (object: SchemaObject) => (object.kind === 'column' ? `column ${object.table}.${object.name}` : `${object.kind} ${object.name}`);
