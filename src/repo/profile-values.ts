import {ValidationError} from '../errors.js';
import {quoted} from './value-codec.js';

/** A profile as stored: only what differs from the base. */
export type ProfileValues = {
  readonly name: string;
  /** Setting values by key, as stored text. */
  readonly settings: ReadonlyMap<string, string>;
  /** The name of the server that is active under this profile; undefined: the base's. */
  readonly server: string | undefined;
};

/** What the base holds of the keys the active profile overrides (kept in sanctum_profile_state.base). */
export type BaseValues = {
  readonly settings: Readonly<Record<string, string>>;
  /** The base's active server id (null: none was active); undefined when the active profile does not choose a server. */
  readonly server?: number | null;
};

/** The key `profile set` takes for the active server. */
export const serverKey = 'server';

/** Names a person types and sees in a header: short, no spaces, no shell metacharacters. */
const namePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
/** Words the commands take in place of a name. */
const reservedNames = new Set(['base', 'current', 'none']);

export function checkProfileName(name: string): void {
  if (!namePattern.test(name)) {
    throw new ValidationError('profile', `${quoted(name)} must be 1-40 of A-Z, a-z, 0-9, _, . and - (starting with a letter or digit)`);
  }
  if (reservedNames.has(name.toLowerCase())) throw new ValidationError('profile', `${quoted(name)} is a word the commands take; choose another name`);
}

/** The base's stored JSON, read as untrusted: anything that is not the shape reads as nothing kept. */
export function parseBase(text: string | null): BaseValues {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? 'null');
  } catch {
    return {settings: {}};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {settings: {}};
  const {settings, server} = parsed as {settings?: unknown; server?: unknown};
  const kept: Record<string, string> = {};
  if (typeof settings === 'object' && settings !== null && !Array.isArray(settings)) {
    for (const [key, value] of Object.entries(settings)) if (typeof value === 'string') kept[key] = value;
  }
  const base: {settings: Record<string, string>; server?: number | null} = {settings: kept};
  if (server === null || (typeof server === 'number' && Number.isSafeInteger(server))) base.server = server;
  return base;
}

/**
 * Whether a profile is guarded: the `guarded_profiles` setting, a
 * comma-separated list of names where `*` matches any text, compared without
 * case (`prod*` guards prod, production and prod-eu).
 */
export function isGuardedName(name: string | null, patterns: string): boolean {
  if (name === null) return false;
  return patterns
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .some((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(name));
}
