/**
 * A key that names a secret, whatever its row's flag says (another program may
 * have written the row without our columns): it ends in `_key` or is `key`, or
 * contains `token`, `password`, `passwd`, `secret` or `credential`, in any case.
 * Migration 003's classification view applies the same rule inside SQLite.
 */
export function looksSecret(key: string): boolean {
  const k = key.toLowerCase();
  return k === 'key' || k.endsWith('_key') || /token|password|passwd|secret|credential/.test(k);
}

/**
 * The one rule for whether a setting is secret: its name looks like one, or
 * any of `flags` says so (the row's is_sensitive as stored, the catalogue's,
 * what a person asked for). Migration 003's classification view applies it
 * inside SQLite.
 */
export function isSecretSetting(key: string, ...flags: unknown[]): boolean {
  return looksSecret(key) || flags.some(storedFlag);
}

/** A stored BOOLEAN as any writer may have left it: only 0, false and empty mean no. */
function storedFlag(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value) !== 0;
  const text = String(value).trim().toLowerCase();
  return !['', '0', 'false', 'no', 'off'].includes(text);
}
