import type {Database} from 'better-sqlite3';
import type {Migration} from './migrations.js';

/** A schema object a migration creates: a table, view, trigger or index, or a column it adds. */
export type SchemaObject =
  | {readonly kind: 'table' | 'view' | 'trigger' | 'index'; readonly name: string}
  | {readonly kind: 'column'; readonly table: string; readonly name: string};

const identifier = String.raw`["\`\[]?(\w+)["\`\]]?`;
/** Every statement that makes, drops or renames an object, in the order the SQL runs them. */
const statements = new RegExp(
  [
    String.raw`\bCREATE\s+(?:UNIQUE\s+)?(TABLE|VIEW|TRIGGER|INDEX)\s+(?:IF\s+NOT\s+EXISTS\s+)?${identifier}`,
    String.raw`\bDROP\s+(TABLE|VIEW|TRIGGER|INDEX)\s+(?:IF\s+EXISTS\s+)?${identifier}`,
    String.raw`\bALTER\s+TABLE\s+${identifier}\s+RENAME\s+TO\s+${identifier}`,
    String.raw`\bALTER\s+TABLE\s+${identifier}\s+ADD\s+(?:COLUMN\s+)?${identifier}`,
  ].join('|'),
  'gi',
);

/** SQL without its comments, so a commented-out statement is not taken for one. */
const withoutComments = (sql: string) => sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');

const keyOf = (object: SchemaObject) => (object.kind === 'column' ? `column:${object.table}.${object.name}` : `${object.kind}:${object.name}`).toLowerCase();

/** Apply one migration's statements to a set of objects: what exists after it. */
function applyStatements(objects: Map<string, SchemaObject>, migration: Migration): void {
  for (const m of withoutComments(migration.sql).matchAll(statements)) {
    const [, createKind, createName, dropKind, dropName, renameFrom, renameTo, columnTable, columnName] = m;
    if (createKind && createName) {
      const object = {kind: createKind.toLowerCase() as 'table' | 'view' | 'trigger' | 'index', name: createName};
      objects.set(keyOf(object), object);
    } else if (dropKind && dropName) {
      const kind = dropKind.toLowerCase();
      objects.delete(keyOf({kind, name: dropName} as SchemaObject));
      // A table takes its columns, indexes and triggers with it; those on it are no longer expected.
      if (kind === 'table') for (const [key, o] of objects) if (o.kind === 'column' && o.table.toLowerCase() === dropName.toLowerCase()) objects.delete(key);
    } else if (renameFrom && renameTo) {
      objects.delete(keyOf({kind: 'table', name: renameFrom}));
      objects.set(keyOf({kind: 'table', name: renameTo}), {kind: 'table', name: renameTo});
    } else if (columnTable && columnName) {
      const object = {kind: 'column' as const, table: columnTable, name: columnName};
      objects.set(keyOf(object), object);
    }
  }
}

/**
 * What a migration's SQL makes, read from the SQL itself: a new migration
 * needs no list kept by hand. Used only to recognise a file whose
 * `user_version` was lost (a `.dump` restore); `user_version` decides otherwise.
 */
export function objectsCreatedBy(migration: Migration): SchemaObject[] {
  const objects = new Map<string, SchemaObject>();
  applyStatements(objects, migration);
  return [...objects.values()];
}

/** The objects that exist after these migrations ran in order: made, less what a later one dropped or renamed. */
export function objectsAfter(migrations: readonly Migration[]): SchemaObject[] {
  const objects = new Map<string, SchemaObject>();
  for (const migration of migrations) applyStatements(objects, migration);
  return [...objects.values()];
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
