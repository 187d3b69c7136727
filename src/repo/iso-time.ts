/**
 * A time as every JSON output says it: ISO 8601 in UTC with a Z
 * (`2026-12-02T10:12:15Z`, fractions kept). SQLite's CURRENT_TIMESTAMP and
 * strftime('now') are UTC as `YYYY-MM-DD HH:MM:SS[.fff]`; a text in any other
 * form (another program's) is passed on as it is, and null stays null.
 * Checked by character, not by a regular expression: list --json calls it for each of 10,000 rows.
 */
export function isoTime(stored: string | null): string | null {
  if (stored === null || stored.length < 19 || stored.length > 29) return stored;
  if (stored[4] !== '-' || stored[7] !== '-' || stored[10] !== ' ' || stored[13] !== ':' || stored[16] !== ':') return stored;
  if (stored.length > 19 && (stored[19] !== '.' || stored.length === 20)) return stored;
  for (let i = 0; i < stored.length; i++) {
    if (i === 4 || i === 7 || i === 10 || i === 13 || i === 16 || i === 19) continue;
    const code = stored.charCodeAt(i);
    if (code < 48 || code > 57) return stored;
  }
  return `${stored.slice(0, 10)}T${stored.slice(11)}Z`;
}
