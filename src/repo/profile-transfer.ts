import {ValidationError} from '../errors.js';
import type {ConfigStore} from './config-store.js';
import {hidesValue} from './mask-secret.js';
import {serverKey} from './profile-values.js';

/** A profile in an export: its own values (a secret left out unless revealed: import keeps the stored one), its server by name. */
export type ExportedProfile = {
  name: string;
  /** Informational: import never switches. */
  active: boolean;
  values: {key: string; value?: string}[];
  server?: string;
};

export function exportProfiles(store: ConfigStore, reveal: boolean): ExportedProfile[] {
  const active = store.profiles.active();
  return store.profiles.list().map((p) => {
    const current = store.profiles.current(p.name);
    const values = [...current.settings].map(([key, value]) => (hidesValue(store.settings.get(key)?.sensitive ?? true, value, reveal) ? {key} : {key, value}));
    return {name: p.name, active: p.name === active, values, ...(current.server === undefined ? {} : {server: current.server})};
  });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Apply one exported profile: made when missing, each value given set (a
 * typed value as its text), a value left out kept; with `replace`, values it
 * holds that the entry does not list are removed. Never switches.
 */
export function importProfile(store: ConfigStore, entry: unknown, replace: boolean): 'added' | 'changed' | 'unchanged' {
  if (!isObject(entry) || typeof entry.name !== 'string') throw new ValidationError('name', 'is required');
  const name = entry.name;
  const added = store.profiles.create(name);
  let changed = false;
  const listed = new Set<string>();
  const values = Array.isArray(entry.values) ? entry.values : [];
  for (const item of values) {
    if (!isObject(item) || typeof item.key !== 'string') throw new ValidationError('values', 'each needs a key');
    listed.add(item.key);
    if (item.value === undefined) continue;
    const text = typeof item.value === 'string' ? item.value : JSON.stringify(item.value);
    changed = store.profiles.set(name, item.key, text) || changed;
  }
  if (typeof entry.server === 'string') {
    listed.add(serverKey);
    changed = store.profiles.set(name, serverKey, entry.server) || changed;
  }
  if (replace) {
    const held = store.profiles.get(name);
    for (const key of [...(held?.settings.keys() ?? []), ...(held?.server === undefined ? [] : [serverKey])]) {
      if (!listed.has(key)) changed = store.profiles.unset(name, key) || changed;
    }
  }
  return added ? 'added' : changed ? 'changed' : 'unchanged';
}
