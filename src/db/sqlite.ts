import Sqlite from 'better-sqlite3';
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';

let addonPath: string | null | undefined;

/**
 * better-sqlite3's compiled addon by its path. Without it the package finds
 * the addon with `bindings`, which walks the stack and tries a dozen paths:
 * a few ms of every command. Undefined (the package's own search) when the
 * addon is not where npm builds it.
 */
function nativeBinding(): string | undefined {
  if (addonPath === undefined) {
    try {
      // CommonJS in the build, ESM from source.
      const resolve = typeof require === 'function' ? require.resolve : createRequire(import.meta.url).resolve;
      const built = join(dirname(resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
      addonPath = existsSync(built) ? built : null;
    } catch {
      addonPath = null;
    }
  }
  return addonPath ?? undefined;
}

/** A connection: better-sqlite3's constructor, with the addon found directly, never trusting the file's schema. */
export function openSqlite(path: string | Buffer, options: Sqlite.Options = {}): Sqlite.Database {
  const db = new Sqlite(path, {...options, nativeBinding: nativeBinding()});
  // What the file's own triggers and views may call: no function with side effects, no virtual table.
  db.pragma('trusted_schema = OFF');
  return db;
}
