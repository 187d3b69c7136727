/** Go's unicode.IsSpace, which docker trims from the start of each line (U+FEFF is not one). */
const goSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
/** bufio.MaxScanTokenSize: a longer line is an error. */
const maxLine = 64 * 1024;

/**
 * `docker run --env-file`: docker/cli pkg/kvfile parseKeyValueFile, ported
 * line by line (the Go source and its tests are in test/vendor/docker-cli;
 * test/env/docker-kvfile.test.ts runs its cases against this port). Returns
 * the lines docker passes on, `KEY=value`, or throws docker's error.
 */
export function dockerKvLines(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines: string[] = [];
  // bufio.ScanLines: split at \n, drop one \r before it; a last line without \n counts.
  const raw = bytes.toString('utf8').split('\n');
  if (raw.at(-1) === '') raw.pop();
  raw.forEach((scanned, index) => {
    let line = scanned.endsWith('\r') ? scanned.slice(0, -1) : scanned;
    if (Buffer.byteLength(line) > maxLine) throw new Error('bufio.Scanner: token too long');
    if (index === 0 && line.startsWith('\ufeff')) line = line.slice(1);
    line = line.replace(goSpace, '');
    if (line.length === 0 || line[0] === '#') return;
    const at = line.indexOf('=');
    const key = at === -1 ? line : line.slice(0, at);
    if (key.length === 0) throw new Error(`no variable name on line '${line}'`);
    if (/[ \t]/.test(key)) throw new Error(`variable '${key}' contains whitespaces`);
    if (at !== -1) lines.push(line);
  });
  return lines;
}
