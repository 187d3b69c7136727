import {type ConfigStore, hidesValue, maskSecret, printable} from '../../repo/index.js';
import type {ProfileDifference} from '../../repo/profile-differences.js';
import {formatTable, terminalWidth} from '../table.js';

/** A value as a person reads it: a secret masked unless revealed, absent as (none). */
export function shownValue(value: string | null, sensitive: boolean, reveal: boolean): string {
  if (value === null) return '(none)';
  if (value === '') return sensitive ? maskSecret(value) : "''";
  return hidesValue(sensitive, value, reveal) ? maskSecret(value) : printable(value);
}

/** A value as a script reads it: a secret null (with redacted beside it) unless revealed. */
export function jsonValue(value: string | null, sensitive: boolean, reveal: boolean): {value: string | null; redacted?: true} {
  return hidesValue(sensitive, value, reveal) ? {value: null, redacted: true} : {value};
}

/** A profile's name for a person: the base when none. */
export const profileLabel = (name: string | null) => (name === null ? '(base)' : printable(name));

export function differencesTable(differences: readonly ProfileDifference[], a: string | null, b: string | null, reveal: boolean): string {
  if (!differences.length) return `${profileLabel(a)} and ${profileLabel(b)} set the same values\n`;
  const rows = differences.map((d) => [printable(d.key), shownValue(d.from, d.sensitive, reveal), shownValue(d.to, d.sensitive, reveal)]);
  return formatTable(['KEY', profileLabel(a).toUpperCase(), profileLabel(b).toUpperCase()], rows, terminalWidth());
}

export function differencesJson(differences: readonly ProfileDifference[], reveal: boolean): Record<string, unknown>[] {
  return differences.map((d) => {
    const from = jsonValue(d.from, d.sensitive, reveal);
    const to = jsonValue(d.to, d.sensitive, reveal);
    return {kind: d.kind, key: d.key, from: from.value, to: to.value, sensitive: d.sensitive, ...(from.redacted || to.redacted ? {redacted: true} : {})};
  });
}

/** A profile's own values, the active one's as they are now: `[key, value, sensitive]`. */
export function profileRows(store: ConfigStore, name: string): {key: string; value: string; sensitive: boolean}[] {
  const profile = store.profiles.current(name);
  const rows = [...profile.settings].map(([key, value]) => ({key, value, sensitive: store.settings.get(key)?.sensitive ?? false}));
  if (profile.server !== undefined) rows.push({key: 'server', value: profile.server, sensitive: false});
  return rows;
}
