import {createRequire} from 'node:module';

/**
 * The start-up tricks and their one switch. SANCTUM_CONFIG_PLAIN=1 runs the
 * plain path: no code cache (src/bin), no V8 flags, no short route past the
 * command tree, no first frame painted before Ink, no warm-up of the app; so
 * a bug can be bisected to the tricks in one step. What each trick buys and
 * what breaks it: docs/start-up-tricks.md.
 */
export const plainPath = !['', '0', undefined].includes(process.env.SANCTUM_CONFIG_PLAIN);

/** Filled in by the build (scripts/v8-flags.mjs): the flags it found in this V8, and the V8 it asked. */
declare const __SANCTUM_V8_FLAGS__: {readonly v8: string; readonly flags: readonly string[]} | undefined;

/**
 * Set a V8 flag, only where it is known to exist: V8 prints an error for an
 * unknown flag at every start. The build checks each flag against its own
 * Node's V8; another V8 (or a run from source) goes without them.
 */
export function setV8Flag(flag: string): void {
  if (plainPath || typeof __SANCTUM_V8_FLAGS__ === 'undefined') return;
  if (__SANCTUM_V8_FLAGS__.v8 !== process.versions.v8 || !__SANCTUM_V8_FLAGS__.flags.includes(flag.replace(/=.*/, ''))) return;
  // node:v8 is loaded here, by the app only: loading it costs every command about 2 ms.
  const load = typeof require === 'function' ? require : createRequire(import.meta.url);
  (load('node:v8') as typeof import('node:v8')).setFlagsFromString(flag);
}
