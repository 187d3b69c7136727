import {isServerMirrorKey} from './server-fields.js';
import type {ConfigStore} from './config-store.js';
import {serverFields} from './server-fields.js';
import type {Server} from './servers-repo.js';
import type {Setting} from './settings-repo.js';

/** One thing a command changed, for scripts and configuration management: secrets named, never shown. */
export type Change = {
  readonly setting?: string;
  readonly server_id?: number;
  readonly action: 'added' | 'updated' | 'removed';
  /** The fields that differ. */
  readonly fields: readonly string[];
  /** The value before and after, for a setting that is not secret and whose value changed. */
  readonly from?: string | null;
  readonly to?: string | null;
};

export type StateSnapshot = {readonly settings: readonly Setting[]; readonly servers: readonly Server[]};

// The panel's keys for the server follow the server: its change is reported once, as the server's.
export const snapshotState = (store: ConfigStore): StateSnapshot => ({
  settings: store.settings.list().filter((s) => !isServerMirrorKey(s.key)),
  servers: store.servers.list(),
});

const settingFields = ['value', 'type', 'category', 'description', 'sensitive'] as const;
const settingField = (s: Setting, f: (typeof settingFields)[number]) => (f === 'value' ? s.value : s[f]);
/** A server's fields (server-fields.ts) and whether it is active. */
const serverChangeFields = [...serverFields.map((f) => f.field), 'active'] as const;

function differing<T>(fields: readonly string[], before: T, after: T, read: (row: T, field: string) => unknown): string[] {
  return fields.filter((f) => read(before, f) !== read(after, f));
}

/** What differs between two snapshots: settings by key, servers by id. */
export function diffState(before: StateSnapshot, after: StateSnapshot): Change[] {
  const changes: Change[] = [];
  const oldSettings = new Map(before.settings.map((s) => [s.key, s]));
  const newSettings = new Map(after.settings.map((s) => [s.key, s]));
  for (const [key, now] of newSettings) {
    const was = oldSettings.get(key);
    if (!was) {
      changes.push({setting: key, action: 'added', fields: [...settingFields], ...(now.sensitive ? {} : {to: now.value})});
      continue;
    }
    const fields = differing(settingFields, was, now, (s, f) => settingField(s, f as (typeof settingFields)[number]));
    if (!fields.length) continue;
    const values = fields.includes('value') && !was.sensitive && !now.sensitive ? {from: was.value, to: now.value} : {};
    changes.push({setting: key, action: 'updated', fields, ...values});
  }
  for (const key of oldSettings.keys()) if (!newSettings.has(key)) changes.push({setting: key, action: 'removed', fields: []});
  const oldServers = new Map(before.servers.map((s) => [s.id, s]));
  const newServers = new Map(after.servers.map((s) => [s.id, s]));
  for (const [id, now] of newServers) {
    const was = oldServers.get(id);
    if (!was) {
      changes.push({server_id: id, action: 'added', fields: [...serverChangeFields]});
      continue;
    }
    const fields = differing(serverChangeFields, was, now, (s, f) => s[f as (typeof serverChangeFields)[number]]);
    if (fields.length) changes.push({server_id: id, action: 'updated', fields});
  }
  for (const id of oldServers.keys()) if (!newServers.has(id)) changes.push({server_id: id, action: 'removed', fields: []});
  return changes;
}
