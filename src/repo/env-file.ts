import {type EnvDialect, envLine, unsetLine, unwritable} from './env-dialects.js';
import type {EnvEntry} from './env-entries.js';
import {maskSecret} from './mask-secret.js';

/** What a sync does to one variable. */
export type EnvFileChange = {
  readonly name: string;
  readonly action: 'set' | 'added' | 'commented' | 'removed-duplicate' | 'kept-from-file';
  /** The line before and after, secrets masked. */
  readonly before?: string;
  readonly after?: string;
};

const assignment = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/;
const placeholder = /^\s*#\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=\s*$/;
const ourHeading = '# sanctum-config: the settings it manages (sanctum-config env-file sync)';

/** The value an assignment line holds, as its readers take it: one pair of surrounding quotes removed. */
function valueIn(line: string): string {
  const text = line.slice(line.indexOf('=') + 1);
  const quoted = /^(["'])(.*)\1$/.exec(text.trim());
  return quoted ? quoted[2]! : text.trim();
}

/** A line for a person: the value masked when the variable is secret. */
function shown(line: string, secret: boolean): string {
  if (!secret) return line;
  const at = line.indexOf('=');
  if (at === -1 || line.trimStart().startsWith('#')) return line;
  const value = line.slice(at + 1).replace(/^'(.*)'$/, '$1');
  return `${line.slice(0, at + 1)}${value ? maskSecret(value) : ''}`;
}

/**
 * The file with our variables written into it: each managed name's first
 * line (an assignment, or the bootstrap's `# NAME=`) becomes ours in place,
 * later assignments of it are dropped (they would win over ours), names not
 * there yet are added at the end; every other line (foreign names, comments,
 * blank lines, their order) is kept as it is. A name we have no value for
 * is written `# NAME=`, except that a value the file already holds for it is
 * kept (the bootstrap's OPENAI_BASE_URL, say): a sync never drops a value it
 * cannot replace. Throws (a ValidationError) before anything when a value
 * does not fit the dialect.
 */
export function mergeEnvFile(existing: string | undefined, entries: readonly EnvEntry[], dialect: EnvDialect, heading: string) {
  const wanted = new Map(entries.map((e) => [e.name, {entry: e, line: e.value === null ? unsetLine(e.name) : envLine(dialect, e.name, e.value)}]));
  const lines = existing === undefined || existing === '' ? [] : existing.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  const changes: EnvFileChange[] = [];
  const placed = new Set<string>();
  for (const line of lines) {
    const name = assignment.exec(line)?.[1] ?? placeholder.exec(line)?.[1];
    const want = name === undefined ? undefined : wanted.get(name);
    if (!want || name === undefined) {
      out.push(line);
      continue;
    }
    const isAssignment = assignment.test(line);
    if (placed.has(name)) {
      if (isAssignment) changes.push({name, action: 'removed-duplicate', before: shown(line, want.entry.secret)});
      else out.push(line);
      continue;
    }
    placed.add(name);
    const held = isAssignment ? valueIn(line) : '';
    if (want.entry.value === null && held !== '') {
      // Kept, in this file's dialect: a plain line among export lines would not reach Letta through the launcher.
      const kept = unwritable(dialect, name, held) ? line : envLine(dialect, name, held);
      out.push(kept);
      changes.push({name, action: 'kept-from-file', before: shown(line, want.entry.secret), after: shown(kept, want.entry.secret)});
      if (kept !== line) changes.push({name, action: 'set', before: shown(line, want.entry.secret), after: shown(kept, want.entry.secret)});
      continue;
    }
    out.push(want.line);
    if (line !== want.line) {
      changes.push({
        name,
        action: want.entry.value === null ? 'commented' : 'set',
        before: shown(line, want.entry.secret),
        after: shown(want.line, want.entry.secret),
      });
    }
  }
  const missing = entries.filter((e) => !placed.has(e.name));
  if (missing.length) {
    if (!lines.length) out.push(heading, '');
    else if (!out.includes(ourHeading)) out.push('', ourHeading);
    for (const entry of missing) {
      const line = wanted.get(entry.name)!.line;
      out.push(line);
      changes.push({name: entry.name, action: 'added', after: shown(line, entry.secret)});
    }
  }
  const text = `${out.join('\n')}\n`;
  // "kept" is a note, not a change: a second sync of the same file reports nothing.
  return {text, changes: changes.filter((c) => c.action !== 'kept-from-file'), kept: changes.filter((c) => c.action === 'kept-from-file')};
}
