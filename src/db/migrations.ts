import {readdirSync, readFileSync, existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {dirname, join} from 'node:path';

export type Migration = {readonly version: number; readonly name: string; readonly sql: string};

/** Inlined by the bundler (scripts/build.mjs), so a command opens no file but the database; absent from source. */
declare const __SANCTUM_MIGRATIONS__: Migration[] | undefined;
declare const __SANCTUM_ADOPTION__: Record<string, string> | undefined;

const migrationFile = /^(\d{3})_[a-z0-9_]+\.sql$/;

/** migrations/ sits at the package root, two levels up from src/db. */
function findMigrationsDir(): string {
  const candidate = join(dirname(fileURLToPath(import.meta.url)), '../..', 'migrations');
  if (existsSync(join(candidate, '001_init.sql'))) return candidate;
  throw new Error(`migrations/ not found at ${candidate}`);
}

function readMigrations(): Migration[] {
  if (typeof __SANCTUM_MIGRATIONS__ !== 'undefined') return __SANCTUM_MIGRATIONS__;
  const dir = findMigrationsDir();
  return readdirSync(dir)
    .filter((name) => migrationFile.test(name))
    .sort()
    .map((name) => ({version: Number(name.slice(0, 3)), name, sql: readFileSync(join(dir, name), 'utf8')}));
}

let cached: Migration[] | undefined;

function checkSequence(migrations: Migration[]): Migration[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is out of sequence`);
  });
  return migrations;
}

/** The migrations shipped with this build, in version order. */
export function listMigrations(): Migration[] {
  cached ??= checkSequence(readMigrations());
  return cached;
}

/**
 * Tests only: behave as a build that shipped `migrations` (the real ones
 * when undefined), as if files had been added to or removed from migrations/.
 */
export function shipMigrationsForTesting(migrations: Migration[] | undefined): void {
  cached = migrations && checkSequence([...migrations]);
}

/** SQL that brings another program's schema to our version 1 (`migrations/adopt/NAME.sql`). */
export function readAdoptionSql(name: 'panel'): string {
  if (typeof __SANCTUM_ADOPTION__ !== 'undefined') return __SANCTUM_ADOPTION__[name]!;
  return readFileSync(join(findMigrationsDir(), 'adopt', `${name}.sql`), 'utf8');
}
