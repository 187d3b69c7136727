import type {Database} from 'better-sqlite3';
import {ConfigError} from '../errors.js';
import {describeSqliteError, openDatabase, type OpenOptions} from '../db/open-database.js';
import {missingSchemaObjects, schemaVersion} from '../db/migrate.js';
import {type ForeignObject, foreignSchemaObjects} from '../db/own-schema-objects.js';
import {ServersRepo} from './servers-repo.js';
import {SettingsRepo} from './settings-repo.js';
import {HistoryRepo} from './history-repo.js';
import {EnvNamesRepo} from './env-names.js';
import {SetupRepo} from './setup-repo.js';
import {ProfilesRepo} from './profiles-repo.js';
import {type ChangeSource, WriteContext} from './write-context.js';

/** The repository the CLI and the TUI use; nothing above this layer sees SQL. */
export type ConfigStore = {
  readonly path: string;
  /** The file did not exist before this open: a first run. */
  readonly created: boolean;
  readonly readOnly: boolean;
  readonly settings: SettingsRepo;
  readonly servers: ServersRepo;
  readonly history: HistoryRepo;
  /** Which settings go into env files, under which names. */
  readonly envNames: EnvNamesRepo;
  /** Whether the first-run setup finished, and the answers of one cut short. */
  readonly setup: SetupRepo;
  /** Environment profiles: named sets of values, one of them active. */
  readonly profiles: ProfilesRepo;
  /**
   * A number that changes when another connection (the web panel, a script)
   * commits to the file, so a long-lived view knows to reload.
   */
  externalVersion(): number;
  /** `PRAGMA integrity_check`: 'ok', or SQLite's first complaints. */
  integrityCheck(): string;
  /** The `user_version` the file records (a copy in memory says the file's). */
  recordedVersion(): number;
  /** Objects the migrations up to the file's version made that are gone: the file and its version disagree. */
  missingSchemaObjects(): string[];
  /** Triggers and views in the file that sanctum-config did not make (it does not write to such a file). */
  foreignSchemaObjects(): ForeignObject[];
  /**
   * Everything a command may change, summed up: two equal fingerprints mean
   * the same settings, servers, env names and history. Reads every row: for
   * the rare trial of a write on a copy, not for every command.
   */
  contentFingerprint(): string;
  /** Run several repository calls as one write: all of them or none. */
  transaction<T>(work: () => T): T;
  /**
   * The same, taking the write lock first (BEGIN IMMEDIATE): for work that
   * reads before it writes, so no other writer commits in between and the
   * upgrade from reading to writing cannot fail as busy.
   */
  writeTransaction<T>(work: () => T): T;
  /** Run `work` with its changes recorded in the history as made by `source`. */
  as<T>(source: ChangeSource, work: () => T): T;
  close(): void;
};

export function openConfigStore(path: string, options: OpenOptions & {readonly source?: ChangeSource} = {}): ConfigStore {
  const opened = openDatabase(path, options);
  const db: Database = opened.db;
  const writes = new WriteContext(db, options.source ?? 'cli');
  const settings = new SettingsRepo(db, writes);
  const servers = new ServersRepo(db, writes);
  const profiles = new ProfilesRepo(db, writes, settings, servers);
  return {
    path: opened.path,
    created: opened.created,
    readOnly: opened.readOnly,
    settings,
    servers,
    profiles,
    history: new HistoryRepo(db, writes, (from, expectActive) => void profiles.switch(from, {expectActive})),
    envNames: new EnvNamesRepo(db, writes),
    setup: new SetupRepo(db, writes),
    externalVersion: () => db.pragma('data_version', {simple: true}) as number,
    integrityCheck: () =>
      (db.pragma('integrity_check') as {integrity_check: string}[])
        .map((r) => r.integrity_check)
        .slice(0, 3)
        .join('; '),
    recordedVersion: () => opened.recordedVersion,
    contentFingerprint: () =>
      JSON.stringify(
        [
          db.prepare(`SELECT * FROM system_config ORDER BY id`).raw().all(),
          db.prepare(`SELECT * FROM letta_server_config ORDER BY id`).raw().all(),
          db.prepare(`SELECT count(*), max(id), total(length(CAST(new_value AS BLOB))) FROM config_history`).raw().get(),
          db.prepare(`SELECT * FROM sanctum_env_names ORDER BY config_key`).raw().all(),
          db.prepare(`SELECT finished, answers FROM sanctum_setup`).raw().all(),
          db.prepare(`SELECT * FROM sanctum_profile ORDER BY name`).raw().all(),
          db.prepare(`SELECT * FROM sanctum_profile_value ORDER BY profile, kind, key`).raw().all(),
          db.prepare(`SELECT active, base FROM sanctum_profile_state`).raw().all(),
        ],
        (_key, value) => (typeof value === 'bigint' ? String(value) : Buffer.isBuffer(value) ? value.toString('hex') : value),
      ),
    missingSchemaObjects: () => missingSchemaObjects(db, schemaVersion(db)),
    foreignSchemaObjects: () => foreignSchemaObjects(db),
    transaction: <T>(work: () => T): T => writes.run(work),
    writeTransaction: <T>(work: () => T): T => writes.run(work),
    as: <T>(source: ChangeSource, work: () => T): T => writes.as(source, work),
    close: () => db.close(),
  };
}

/** SQLite's own failures (read-only, locked, corrupt) as one clear line; ours pass through. */
export function asConfigError(error: unknown, path: string): ConfigError | undefined {
  if (error instanceof ConfigError) return error;
  if (error instanceof Error && (error as {code?: unknown}).code?.toString().startsWith('SQLITE_')) {
    return describeSqliteError(error, path);
  }
  return undefined;
}
