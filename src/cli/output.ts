import {closeSync, constants, fstatSync, openSync, statSync, writeSync} from 'node:fs';
import {StoreError} from '../errors.js';
import {pathKind, writePrivateFileAtomic} from '../db/private-file.js';
import {printable} from '../repo/value-codec.js';
import {writeOut} from './stdio.js';

function writeThrough(path: string, text: string): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_NOCTTY | constants.O_APPEND);
  try {
    const data = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset);
  } finally {
    closeSync(fd);
  }
}

function sameFile(path: string, fd: number): boolean {
  try {
    const a = statSync(path);
    const b = fstatSync(fd);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/**
 * Write command output that may hold secrets. No target or `-` is stdout, and
 * so is any path that is standard output (`/dev/stdout`). A new or regular
 * file is replaced whole, 0600 from its first byte. A device, FIFO or socket
 * is written through, never replaced. A symbolic link to a regular file and a
 * directory are refused: a planted link must not redirect secrets.
 */
export function writeOutput(target: string | undefined, text: string): void {
  if (target === undefined || target === '-' || sameFile(target, 1)) {
    writeOut(text);
    return;
  }
  const shown = printable(target);
  try {
    const kind = pathKind(target);
    if (kind === 'missing' || kind === 'file') return writePrivateFileAtomic(target, text);
    if (kind === 'directory') throw new StoreError(`cannot write ${shown}: it is a directory`);
    const end = kind === 'link' ? statSync(target) : undefined;
    if (end?.isDirectory()) throw new StoreError(`cannot write ${shown}: it is a directory`);
    if (end?.isFile()) {
      throw new StoreError(`will not write through the symbolic link ${shown}; give the path of the file it points to`);
    }
    writeThrough(target, text);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'no space left on device' : (code ?? String(error));
    throw new StoreError(`cannot write ${shown}: ${why}`);
  }
}
