import {ConfigError, ValidationError} from '../errors.js';
import type {ConfigStore} from './config-store.js';
import {hidesValue} from './mask-secret.js';
import type {ServerFieldSpec, ServerFields, ServerValues} from './server-fields.js';
import {isServerMirrorKey, serverFields} from './server-fields.js';
import type {Server} from './servers-repo.js';
import type {Setting} from './settings-repo.js';
import type {ConfigType} from './setting-types.js';

import {exportFormat} from './export-schema.js';
import {type ExportedProfile, exportProfiles, importProfile} from './profile-transfer.js';

export type ExportedSetting = {
  key: string;
  type: string;
  category: string;
  description: string | null;
  sensitive: boolean;
  /** Absent when the setting is sensitive and was not revealed: import keeps the stored one. A whole number is a JSON number. */
  value?: string | number | null;
};

/** A server's fields by their JSON names (server-fields.ts); a secret is absent unless revealed (or not set): import keeps the stored one. */
export type ExportedServer = {id: number; active: boolean} & Partial<ServerValues>;

export type ExportDocument = {
  format: typeof exportFormat;
  exported_at: string;
  settings: ExportedSetting[];
  servers: ExportedServer[];
  /** Environment profiles (absent in a file without any). */
  profiles?: ExportedProfile[];
};

/** One vocabulary: a port (any integer setting) is a number in every JSON, as list --json gives it; other text as stored. */
function jsonValue(setting: Setting): string | number | null {
  const text = setting.value;
  if (setting.type !== 'integer' || text === null || !/^-?\d{1,15}$/.test(text) || String(Number(text)) !== text) return text;
  return Number(text);
}

function exportSetting(setting: Setting, reveal: boolean): ExportedSetting {
  const exported: ExportedSetting = {
    key: setting.key,
    type: setting.type,
    category: setting.category,
    description: setting.description,
    sensitive: setting.sensitive,
  };
  // An empty secret reveals nothing, and importing it keeps "not set" exact.
  if (!hidesValue(setting.sensitive, setting.value, reveal)) exported.value = jsonValue(setting);
  return exported;
}

function exportServer(server: Server, reveal: boolean): ExportedServer {
  const shown = serverFields.filter((f) => !hidesValue(f.secret, server[f.field], reveal));
  return {id: server.id, ...Object.fromEntries(shown.map((f) => [f.field, server[f.field]])), active: server.active};
}

export function buildExport(store: ConfigStore, reveal: boolean): ExportDocument {
  return {
    format: exportFormat,
    exported_at: new Date().toISOString(),
    // The panel's keys for the server are the server, exported under servers.
    settings: store.settings
      .list()
      .filter((s) => !isServerMirrorKey(s.key))
      .map((s) => exportSetting(s, reveal)),
    servers: store.servers.list().map((s) => exportServer(s, reveal)),
    ...withProfiles(exportProfiles(store, reveal)),
  };
}

const withProfiles = (profiles: ExportedProfile[]) => (profiles.length ? {profiles} : {});

export type ImportSummary = {
  settingsAdded: number;
  settingsChanged: number;
  settingsRemoved: number;
  serversAdded: number;
  serversChanged: number;
  serversRemoved: number;
  profilesAdded: number;
  profilesChanged: number;
  profilesRemoved: number;
};

/** Every problem of a refused import, each naming its entry. */
export class ImportError extends ConfigError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`import refused, nothing changed (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.join('; ')}`, 2);
    this.problems = problems;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function field<T>(entry: Record<string, unknown>, name: string, kind: string, check: (v: unknown) => boolean): T | undefined {
  const value = entry[name];
  if (value === undefined) return undefined;
  if (!check(value)) throw new ValidationError(name, `must be ${kind}`);
  return value as T;
}

const isString = (v: unknown) => typeof v === 'string';
const isStringOrNull = (v: unknown) => typeof v === 'string' || v === null;
const isBoolean = (v: unknown) => typeof v === 'boolean';
const isWholeOrString = (v: unknown) => Number.isInteger(v) || typeof v === 'string';

function importSetting(store: ConfigStore, entry: unknown): 'added' | 'changed' | 'unchanged' {
  if (!isObject(entry)) throw new ValidationError('entry', 'must be an object');
  const key = field<string>(entry, 'key', 'a string', isString);
  if (key === undefined) throw new ValidationError('key', 'is required');
  const existing = store.settings.get(key);
  const type = field<string>(entry, 'type', 'a string', isString) ?? existing?.type ?? 'string';
  const raw = entry.value;
  if (raw !== undefined && raw !== null && typeof raw === 'object' && type !== 'json') {
    throw new ValidationError('value', 'must be text, a number or a boolean');
  }
  // Typed values (5000, true, {...}) are accepted as well as stored text.
  const value = raw === undefined ? undefined : raw === null ? '' : typeof raw === 'string' ? raw : JSON.stringify(raw);
  return store.settings.upsert({
    key,
    type: type as ConfigType,
    value,
    category: field<string>(entry, 'category', 'a string', isString),
    description: field<string | null>(entry, 'description', 'a string or null', isStringOrNull),
    sensitive: field<boolean>(entry, 'sensitive', 'true or false', isBoolean),
  });
}

const sameServer = (a: Server, b: Server) => serverFields.every((f) => a[f.field] === b[f.field]);

/** What JSON an import accepts for a field: a whole number or its text; text, or null where it may be cleared. */
function importedField(entry: Record<string, unknown>, spec: ServerFieldSpec): unknown {
  if (spec.kind === 'integer') return field<number | string>(entry, spec.field, 'a whole number', isWholeOrString);
  return spec.clearable ? field<string | null>(entry, spec.field, 'a string or null', isStringOrNull) : field<string>(entry, spec.field, 'a string', isString);
}

function importServer(store: ConfigStore, entry: unknown): {id: number; outcome: 'added' | 'changed' | 'unchanged'; active?: boolean} {
  if (!isObject(entry)) throw new ValidationError('entry', 'must be an object');
  const id = field<number>(entry, 'id', 'a whole number from 1 to 2^53-1', (v) => Number.isSafeInteger(v) && (v as number) >= 1);
  const fields = Object.fromEntries(serverFields.map((spec) => [spec.field, importedField(entry, spec)])) as ServerFields;
  const active = field<boolean>(entry, 'active', 'true or false', isBoolean);
  const existing = id === undefined ? undefined : store.servers.get(id);
  if (existing) {
    // update() writes nothing and hands back the same row when nothing differs.
    const updated = store.servers.update(existing.id, fields);
    return {id: existing.id, outcome: sameServer(updated, existing) ? 'unchanged' : 'changed', active};
  }
  const added = store.servers.add(fields, {id, activate: false});
  return {id: added.id, outcome: 'added', active};
}

/** Run `work`, turning its failure into a problem line about `where`. */
function collect(problems: string[], where: string, work: () => void): void {
  try {
    work();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(`${where}: ${error.message}`);
  }
}

/**
 * Apply an export document all-or-nothing: settings by key, servers by id.
 * With `replace`, settings and servers absent from the document are removed.
 * With `dryRun`, everything is checked and counted, then rolled back.
 */
export function importDocument(store: ConfigStore, doc: unknown, options: {dryRun?: boolean; replace?: boolean} = {}): ImportSummary {
  if (!isObject(doc)) throw new ImportError(['the file must hold a JSON object (see export --format json)']);
  if (doc.format !== undefined && doc.format !== exportFormat) {
    throw new ImportError([`format is ${JSON.stringify(doc.format)}, expected "${exportFormat}"`]);
  }
  const settings = doc.settings ?? [];
  const servers = doc.servers ?? [];
  const profiles = doc.profiles ?? [];
  if (!Array.isArray(settings) || !Array.isArray(servers) || !Array.isArray(profiles)) throw new ImportError(['settings, servers and profiles must be arrays']);

  const summary: ImportSummary = {
    settingsAdded: 0,
    settingsChanged: 0,
    settingsRemoved: 0,
    serversAdded: 0,
    serversChanged: 0,
    serversRemoved: 0,
    profilesAdded: 0,
    profilesChanged: 0,
    profilesRemoved: 0,
  };
  const problems: string[] = [];
  const rollback = new Error('roll back');
  try {
    store.as('import', () => {
      const keys = new Set<string>();
      settings.forEach((entry, i) => {
        const key = isObject(entry) && typeof entry.key === 'string' ? entry.key : undefined;
        collect(problems, `settings[${i}]${key ? ` ${key}` : ''}`, () => {
          if (key && keys.has(key)) throw new ValidationError('key', 'appears twice');
          if (key) keys.add(key);
          // An older export of a panel's file carries them; the servers it carries say the same.
          if (key && isServerMirrorKey(key)) return;
          const outcome = importSetting(store, entry);
          if (outcome === 'added') summary.settingsAdded++;
          if (outcome === 'changed') summary.settingsChanged++;
        });
      });
      const ids = new Set<number>();
      const activeIds: number[] = [];
      let anyActiveFlag = false;
      servers.forEach((entry, i) => {
        collect(problems, `servers[${i}]`, () => {
          const result = importServer(store, entry);
          if (ids.has(result.id)) throw new ValidationError('id', `${result.id} appears twice`);
          ids.add(result.id);
          if (result.outcome === 'added') summary.serversAdded++;
          if (result.outcome === 'changed') summary.serversChanged++;
          if (result.active !== undefined) anyActiveFlag = true;
          if (result.active) activeIds.push(result.id);
        });
      });
      if (activeIds.length > 1) problems.push(`servers: ${activeIds.length} are active; at most one may be`);
      if (problems.length) throw rollback;

      if (options.replace) {
        for (const s of store.settings.list()) {
          if (!keys.has(s.key) && !isServerMirrorKey(s.key)) {
            store.settings.remove(s.key);
            summary.settingsRemoved++;
          }
        }
        for (const s of store.servers.list()) {
          if (!ids.has(s.id)) {
            store.servers.remove(s.id);
            summary.serversRemoved++;
          }
        }
      }
      if (activeIds.length === 1) store.servers.activate(activeIds[0]!);
      else if (anyActiveFlag && options.replace) store.servers.deactivateAll();
      // Profiles last: their values name settings and servers the document may have just added.
      const names = new Set<string>();
      profiles.forEach((entry, i) => {
        const name = isObject(entry) && typeof entry.name === 'string' ? entry.name : undefined;
        collect(problems, `profiles[${i}]${name ? ` ${name}` : ''}`, () => {
          if (name && names.has(name)) throw new ValidationError('name', 'appears twice');
          if (name) names.add(name);
          const outcome = importProfile(store, entry, Boolean(options.replace));
          if (outcome === 'added') summary.profilesAdded++;
          if (outcome === 'changed') summary.profilesChanged++;
        });
      });
      if (options.replace && doc.profiles !== undefined) {
        for (const p of store.profiles.list()) {
          if (names.has(p.name)) continue;
          collect(problems, `profiles: ${p.name}`, () => store.profiles.remove(p.name));
          summary.profilesRemoved++;
        }
      }
      if (problems.length) throw rollback;
      if (options.dryRun) throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
    if (problems.length) throw new ImportError(problems);
  }
  return summary;
}
