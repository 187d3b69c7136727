import {chmodSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {StoreError} from '../errors.js';

/** Write a file that may hold secrets: mode 0600, and whole or not at all (temp file, then rename). */
export function writePrivateFile(path: string, text: string): void {
  const partial = `${path}.partial-${process.pid}`;
  try {
    writeFileSync(partial, text, {mode: 0o600});
    chmodSync(partial, 0o600);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, {force: true});
    throw new StoreError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
