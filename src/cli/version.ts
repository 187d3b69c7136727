import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

/** Set by the bundler (scripts/build.mjs); absent when running from source. */
declare const __SANCTUM_VERSION__: string | undefined;

/** The package version: inlined in the build; from source, package.json two levels up from src/cli. */
export function packageVersion(): string {
  if (typeof __SANCTUM_VERSION__ === 'string') return __SANCTUM_VERSION__;
  const path = fileURLToPath(new URL('../../package.json', import.meta.url));
  if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as {version: string}).version;
  return 'unknown';
}
