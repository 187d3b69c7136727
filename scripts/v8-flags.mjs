// The V8 flags the app sets at start (src/cli/launch-app.ts, through setV8Flag).
// The build checks each against `node --v8-options` of the Node that builds,
// and fails when one is gone; the app sets them only on that same V8.
import {execFileSync} from 'node:child_process';

export const appV8Flags = ['--semi-space-growth-factor', '--no-opt'];

/** The flags as the build inlines them; throws naming any flag this V8 does not have. */
export function checkV8Flags(flags = appV8Flags, node = process.execPath) {
  const options = execFileSync(node, ['--v8-options'], {encoding: 'utf8'});
  const known = new Set([...options.matchAll(/^\s+--([\w-]+)/gm)].map((m) => m[1]));
  const missing = flags.filter((flag) => !known.has(flag.replace(/^--(no-)?/, '')));
  if (missing.length)
    throw new Error(`this Node's V8 (${process.versions.v8}) has no flag ${missing.join(', ')}: drop it from scripts/v8-flags.mjs and src/cli/launch-app.ts`);
  return {v8: process.versions.v8, flags};
}
