import {readdirSync, readFileSync, existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {dirname, join} from 'node:path';

export type Migration = {readonly version: number; readonly name: string; readonly file: string};

const migrationFile = /^(\d{3})_[a-z0-9_]+\.sql$/;

/** migrations/ sits at the package root: two levels up from src/db, three from dist/src/db. */
function findMigrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '../../..']) {
    const candidate = join(here, up, 'migrations');
    if (existsSync(join(candidate, '001_init.sql'))) return candidate;
  }
  throw new Error(`migrations/ not found near ${here}`);
}

let cached: Migration[] | undefined;

/** The migrations shipped with this build, in version order. */
export function listMigrations(): Migration[] {
  if (cached) return cached;
  const dir = findMigrationsDir();
  cached = readdirSync(dir)
    .filter((name) => migrationFile.test(name))
    .sort()
    .map((name) => ({version: Number(name.slice(0, 3)), name, file: join(dir, name)}));
  cached.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is out of sequence`);
  });
  return cached;
}

export function readMigrationSql(migration: Migration): string {
  return readFileSync(migration.file, 'utf8');
}

/** SQL that brings another program's schema to our version 1 (`migrations/adopt/NAME.sql`). */
export function readAdoptionSql(name: 'panel'): string {
  return readFileSync(join(findMigrationsDir(), 'adopt', `${name}.sql`), 'utf8');
}
