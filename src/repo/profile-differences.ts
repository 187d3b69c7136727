import {serverKey} from './profile-values.js';
import type {ServersRepo} from './servers-repo.js';
import type {SettingsRepo} from './settings-repo.js';
import {printable} from './value-codec.js';

/** One value that differs between two profiles (or would change in a switch): setting values as stored, the server by name. */
export type ProfileDifference = {
  readonly kind: 'setting' | 'server';
  readonly key: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly sensitive: boolean;
};

/** The values a profile sets: each setting's (undefined: the file lacks it) and the active server's id. */
export type EffectiveValues = {readonly settings: ReadonlyMap<string, string | undefined>; readonly server: number | null | undefined};

/** What differs between the values two profiles set, key by key in the order given, then the server; a setting the file lacks is left out. */
export function profileDifferences(
  keys: Iterable<string>,
  left: EffectiveValues,
  right: EffectiveValues,
  settings: SettingsRepo,
  servers: ServersRepo,
): ProfileDifference[] {
  const differences: ProfileDifference[] = [];
  for (const key of keys) {
    const setting = settings.get(key);
    if (!setting) continue;
    const from = left.settings.get(key) ?? null;
    const to = right.settings.get(key) ?? null;
    if (from !== to) differences.push({kind: 'setting', key, from, to, sensitive: setting.sensitive});
  }
  if (left.server !== right.server) {
    const label = (id: number | null | undefined) => {
      if (id === null || id === undefined) return null;
      const server = servers.get(id);
      return server?.name ? printable(server.name) : `id ${id}`;
    };
    differences.push({kind: 'server', key: serverKey, from: label(left.server), to: label(right.server), sensitive: false});
  }
  return differences;
}
