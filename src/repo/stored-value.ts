/**
 * Any column of any row may hold any SQLite type, whoever wrote it: text,
 * an integer, a REAL, NULL or a BLOB. The repository turns each into text (or
 * null) as it reads a row, so nothing above it meets a Buffer or a number
 * where it expects text; a BLOB reads as the SQL literal of its bytes,
 * x'48656c6c6f', and that literal finds the row again when a person types it.
 */
const binaryLiteral = /^x'((?:[0-9a-f]{2})*)'$/i;

const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;

/** A stored value as text, or null for NULL; a BLOB as x'hex'. */
export function storedText(value: unknown): string | null {
  // Text first: nearly every value is text, and list --json asks for eight per row.
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return null;
  if (isBytes(value)) return `x'${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}'`;
  return String(value);
}

/** What is wrong with a stored value that is not text: a BLOB, for a column that holds text. */
export function binaryProblem(value: unknown): string | undefined {
  return isBytes(value) ? `binary data (${value.byteLength} bytes)` : undefined;
}

/** The value to bind to find a row by text a person typed: x'hex' finds the BLOB with those bytes. */
export function storedParameter(text: string): string | Buffer {
  const hex = binaryLiteral.exec(text)?.[1];
  return hex === undefined ? text : Buffer.from(hex, 'hex');
}
