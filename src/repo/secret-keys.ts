/** Words that make a key secret as its last word (ssh_key_path is a path, mcp_api_keys are keys). */
const secretLastWords = new Set(['key', 'keys', 'apikey', 'apikeys', 'privkey']);
/** Words that make a key secret wherever they stand. */
const secretWords = new Set(['pass', 'passphrase', 'pw', 'pwd', 'private', 'cert', 'certs', 'creds', 'apikey', 'apikeys']);

/**
 * A key that names a secret, whatever its row's flag says (another program may
 * have written the row without our columns), in any case: it contains token,
 * password, passwd, secret or credential; or its last word is key, keys,
 * apikey, apikeys or privkey; or any word is pass, passphrase, pw, pwd,
 * private, cert, certs, creds, apikey or apikeys (words split at _ - and .).
 * Migration 008 applies the same rule inside SQLite (a test checks both).
 */
/** Every word above, as a pattern: a key with none of them in it is no secret, without splitting it (list --json asks for every row). */
const mayBeSecret = /key|pass|pw|private|cert|creds|token|secret|credential/i;

export function looksSecret(key: string): boolean {
  if (!mayBeSecret.test(key)) return false;
  const k = key.toLowerCase();
  if (/token|password|passwd|secret|credential/.test(k)) return true;
  const words = k.split(/[_.-]/);
  return secretLastWords.has(words.at(-1)!) || words.some((w) => secretWords.has(w));
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
