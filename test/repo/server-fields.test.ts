// The server field table is the one place a server field is declared. What it
// cannot derive lives in migrations (SQL triggers name columns): these tests
// fail, naming the column, when a field's migration forgot its part.
import Sqlite from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {openDatabase} from '../../src/db/open-database.js';
import {serverFieldColumns, serverFields} from '../../src/repo/server-fields.js';
import {tempDbPath} from '../helpers/temp-db.js';

function schemaSql(): {columns: string[]; triggers: Record<string, string>} {
  const path = tempDbPath();
  openDatabase(path).db.close();
  const db = new Sqlite(path, {readonly: true});
  try {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info('letta_server_config')`).all() as {name: string}[]).map((c) => c.name);
    const rows = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'letta_server_config'`).all() as {
      name: string;
      sql: string;
    }[];
    return {columns, triggers: Object.fromEntries(rows.map((r) => [r.name, r.sql]))};
  } finally {
    db.close();
  }
}

/** The SQL of the triggers that pass `test`, joined. */
const watchedBy = (triggers: Record<string, string>, test: (sql: string) => boolean) => Object.values(triggers).filter(test).join('\n');

/** The columns named after UPDATE OF in any of these triggers. */
const updateOf = (sql: string) => new Set([...sql.matchAll(/UPDATE OF([\s\S]*?)\bON\b/gi)].flatMap((m) => m[1]!.split(',').map((c) => c.trim())));

describe('the server field table', () => {
  it('names columns that the schema has, each once', () => {
    const {columns} = schemaSql();
    expect(new Set(serverFieldColumns).size).toBe(serverFieldColumns.length);
    for (const column of serverFieldColumns) expect(columns).toContain(column);
  });

  it('every field is recorded in the history on update, insert and delete (a new field needs its triggers in its migration)', () => {
    const {triggers} = schemaSql();
    const onUpdate = watchedBy(triggers, (sql) => /AFTER UPDATE OF[\s\S]*config_history/i.test(sql));
    const snapshots = watchedBy(triggers, (sql) => /json_object\(/i.test(sql));
    for (const column of serverFieldColumns) {
      expect({
        column,
        updateRecorded: updateOf(onUpdate).has(column) && onUpdate.includes(`OLD.${column} IS NOT NEW.${column}`),
      }).toEqual({
        column,
        updateRecorded: true,
      });
      expect({column, inRowSnapshot: (snapshots.match(new RegExp(`'${column}', (?:CASE typeof\\()?(NEW|OLD)\\.${column}\\b`, 'g')) ?? []).length}).toEqual({
        column,
        inRowSnapshot: 2,
      });
    }
  });

  it('every field touches updated_at when another program changes it', () => {
    const {triggers} = schemaSql();
    const touch = watchedBy(triggers, (sql) => /SET updated_at = CURRENT_TIMESTAMP/i.test(sql));
    for (const column of serverFieldColumns) expect({column, touches: updateOf(touch).has(column)}).toEqual({column, touches: true});
  });

  it('every field bumps the row version that --if-version compares', () => {
    const {triggers} = schemaSql();
    const versions = watchedBy(triggers, (sql) => /SET row_version = OLD\.row_version \+ 1/i.test(sql));
    for (const column of serverFieldColumns) expect({column, bumps: updateOf(versions).has(column)}).toEqual({column, bumps: true});
  });

  it('secrets are the fields the history marks sensitive', () => {
    const {triggers} = schemaSql();
    const update = Object.values(triggers).join('\n');
    for (const spec of serverFields) {
      const marked = new RegExp(`'update', '${spec.column}', OLD\\.${spec.column}, NEW\\.${spec.column}, [^\\n]*, 1\\n`).test(update);
      expect({field: spec.field, marked}).toEqual({field: spec.field, marked: spec.secret});
    }
  });
});
