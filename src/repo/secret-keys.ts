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
 * The one rule for whether a setting is secret: its row's flag says so (as
 * stored, or as a person asked), or the catalogue's, or its name looks like
 * one. Migration 003's classification view applies it inside SQLite.
 */
export function isSecretSetting(key: string, stored: unknown, known?: unknown): boolean {
  // The flags first: they are cheaper than the name's pattern, which list --json asks for every row.
  return storedFlag(stored) || storedFlag(known) || looksSecret(key);
}

/** A stored BOOLEAN as any writer may have left it: only 0, false and empty mean no. */
function storedFlag(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value) !== 0;
  const text = String(value).trim().toLowerCase();
  return !['', '0', 'false', 'no', 'off'].includes(text);
}
