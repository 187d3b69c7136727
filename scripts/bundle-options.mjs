// What every esbuild bundle of ours shares: Node 20, the native addon left to npm,
// production React, and the version and migrations inlined.
import {readdirSync, readFileSync} from 'node:fs';
import Sqlite from 'better-sqlite3';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const migrationsDir = join(root, 'migrations');
const migrations = readdirSync(migrationsDir)
  .filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name))
  .sort()
  .map((name) => ({version: Number(name.slice(0, 3)), name, sql: readFileSync(join(migrationsDir, name), 'utf8')}));
const adoption = {panel: readFileSync(join(migrationsDir, 'adopt', 'panel.sql'), 'utf8')};

/**
 * The triggers and views the migrations make, by name, with every SQL text
 * SQLite keeps for them (as src/db/own-schema-objects.ts computes from source;
 * a test checks that the two agree).
 */
export function ownSchemaObjects() {
  const db = new Sqlite(':memory:');
  try {
    const found = {};
    for (const {sql} of migrations) {
      db.exec(sql);
      for (const {name, sql: text} of db.prepare(`SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')`).all()) {
        found[name] ??= [];
        if (!found[name].includes(text)) found[name].push(text);
      }
    }
    return found;
  } finally {
    db.close();
  }
}

export const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Node 20 has the v flag; esbuild would turn such a literal into new RegExp(), which compiles it at
  // once: string-width's \p{RGI_Emoji} took 12 ms of every start of the app.
  supported: {'regexp-set-notation': true},
  // The native addon stays a package: npm builds it for the machine.
  external: ['better-sqlite3'],
  define: {
    'process.env.NODE_ENV': '"production"',
    __SANCTUM_VERSION__: JSON.stringify(pkg.version),
    __SANCTUM_MIGRATIONS__: JSON.stringify(migrations),
    __SANCTUM_ADOPTION__: JSON.stringify(adoption),
    __SANCTUM_OWN_SCHEMA_OBJECTS__: JSON.stringify(ownSchemaObjects()),
  },
  // Smaller source to read and keep in memory; classes and functions keep their names (ConfigError reads them).
  minify: true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  // The filesystem fallbacks that read import.meta are for running from source, never reached here.
  logOverride: {'empty-import-meta': 'silent'},
};
