import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const vendored = fileURLToPath(new URL('../../docs/design/seed-schema.md', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/seed-schema.md', import.meta.url));

/** The design document; the shared copy when it is beside the checkout, else ours. */
export function designText(): string {
  return readFileSync(existsSync(shared) ? shared : vendored, 'utf8');
}

export function vendoredDesignText(): string {
  return readFileSync(vendored, 'utf8');
}

/** Every ```sql block under a `## heading`, in order. */
export function sqlBlocks(section: string): string[] {
  const text = designText();
  const start = text.indexOf(`## ${section}`);
  if (start === -1) throw new Error(`design has no section ${section}`);
  const next = text.indexOf('\n## ', start + 3);
  const body = text.slice(start, next === -1 ? undefined : next);
  return [...body.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
}
