import {homedir} from 'node:os';
import {join} from 'node:path';

/** Where the database lives: --db, then $SANCTUM_CONFIG_DB, then the XDG config dir. */
export function resolveDatabasePath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.SANCTUM_CONFIG_DB) return env.SANCTUM_CONFIG_DB;
  const configHome = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(configHome, 'sanctum', 'config.db');
}
