import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

/** The package version: package.json is two levels up from src/cli, three from dist/src/cli. */
export function packageVersion(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    const path = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as {version: string}).version;
  }
  return 'unknown';
}
