/**
 * A time as every JSON output says it: ISO 8601 in UTC with a Z
 * (`2026-12-02T10:12:15Z`, fractions kept). SQLite's CURRENT_TIMESTAMP and
 * strftime('now') are UTC as `YYYY-MM-DD HH:MM:SS[.fff]`; a text in any other
 * form (another program's) is passed on as it is, and null stays null.
 */
export function isoTime(stored: string | null): string | null {
  if (stored === null || stored.length < 19 || stored[10] !== ' ' || stored[4] !== '-') return stored;
  if (!/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(stored)) return stored;
  return `${stored.slice(0, 10)}T${stored.slice(11)}Z`;
}
