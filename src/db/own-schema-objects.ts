import type {Database} from 'better-sqlite3';
import {createRequire} from 'node:module';
import {listMigrations} from './migrations.js';
import {openSqlite} from './sqlite.js';

/**
 * The triggers and views this program's migrations create, each by name with
 * its SQL as SQLite keeps it (every version of it, should a later migration
 * recreate one). A trigger or view in a file that is not in this list (or
 * has other SQL under one of these names) was put there by someone else: it
 * would run inside our writes, so such a file is not written to.
 */
type OwnObjects = Readonly<Record<string, readonly string[]>>;

/** Inlined by the bundler (scripts/bundle-options.mjs); made from the migrations when running from source. */
declare const __SANCTUM_OWN_SCHEMA_OBJECTS__: OwnObjects | undefined;

let own: {readonly migrations: readonly unknown[]; readonly objects: OwnObjects} | undefined;

/** Apply every migration to an empty database, one by one, and collect each trigger's and view's SQL. */
export function ownSchemaObjectsOf(sqls: readonly string[]): Record<string, string[]> {
  const db = openSqlite(':memory:');
  try {
    const found: Record<string, string[]> = {};
    for (const sql of sqls) {
      try {
        db.exec(sql);
      } catch {
        // A migration that cannot run on an empty file fails where it is applied, with its name; here it makes nothing.
        break;
      }
      const objects = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')`).all() as {name: string; sql: string}[];
      for (const {name, sql: text} of objects) {
        const known = (found[name] ??= []);
        if (!known.includes(text)) known.push(text);
      }
    }
    return found;
  } finally {
    db.close();
  }
}

function ownObjects(): OwnObjects {
  if (typeof __SANCTUM_OWN_SCHEMA_OBJECTS__ !== 'undefined') return __SANCTUM_OWN_SCHEMA_OBJECTS__;
  const migrations = listMigrations();
  if (own?.migrations !== migrations) own = {migrations, objects: ownSchemaObjectsOf(migrations.map((m) => m.sql))};
  return own.objects;
}

/** A trigger or view that is not ours, as `doctor` and errors name it. */
export type ForeignObject = {readonly type: 'trigger' | 'view'; readonly name: string; readonly table: string; readonly fingerprint: string};

/**
 * The fingerprint an operator names to trust an object on purpose: its name
 * and 128 bits of the SHA-256 of its SQL (too many to forge another SQL for).
 * node:crypto is loaded only here: loading it costs every command about 4 ms.
 */
function fingerprintOf(name: string, sql: string | null): string {
  const load = typeof require === 'function' ? require : createRequire(import.meta.url);
  const {createHash} = load('node:crypto') as typeof import('node:crypto');
  return `${name}:${createHash('sha256')
    .update(sql ?? '')
    .digest('hex')
    .slice(0, 32)}`;
}

/**
 * Objects the operator trusts on purpose: SANCTUM_CONFIG_TRUSTED_OBJECTS, a
 * comma-separated list of fingerprints as `doctor` prints them. The hash pins
 * the SQL: a trigger redefined under the same name is foreign again.
 */
function trustedByOperator(): Set<string> {
  return new Set(
    (process.env.SANCTUM_CONFIG_TRUSTED_OBJECTS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** Every trigger and view in the file that our migrations did not make (or that the operator has not trusted). */
export function foreignSchemaObjects(db: Database): ForeignObject[] {
  const objects = db.prepare(`SELECT type, name, tbl_name AS "table", sql FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY name`).all() as {
    type: 'trigger' | 'view';
    name: string;
    table: string;
    sql: string | null;
  }[];
  const known = ownObjects();
  const trusted = trustedByOperator();
  return objects
    .filter((o) => !(Object.hasOwn(known, o.name) && o.sql !== null && known[o.name]!.includes(o.sql)))
    .map((o) => ({type: o.type, name: o.name, table: o.table, fingerprint: fingerprintOf(o.name, o.sql)}))
    .filter((o) => !trusted.has(o.fingerprint));
}

/** One line naming them, for errors. */
export function describeForeignObjects(objects: readonly ForeignObject[]): string {
  const named = objects.slice(0, 3).map((o) => `${o.type} ${JSON.stringify(o.name)} on ${o.table}`);
  return `${named.join(', ')}${objects.length > 3 ? ` and ${objects.length - 3} more` : ''}`;
}
