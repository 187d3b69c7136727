import {closeSync, constants, fstatSync, lstatSync, openSync, type Stats, statSync, writeSync} from 'node:fs';
import {StoreError} from '../errors.js';
import {pathKind, writePrivateFileAtomic} from '../db/private-file.js';
import {printable} from '../repo/value-codec.js';
import {writeOut} from './stdio.js';

/**
 * Write into a device, FIFO or socket as it is. Opened without blocking (a
 * FIFO nobody reads is refused, not waited on forever) and checked again once
 * open: it must still be what was allowed, so it cannot be swapped in between.
 */
/** How long a FIFO may take to get a reader, or a slow reader to take the next bytes. */
const patienceMs = 3000;
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Retry `step` while it fails with `code` (the other end not ready yet), up to patienceMs since the last progress. */
function retrying<T>(code: string, step: () => T): T {
  const started = Date.now();
  for (;;) {
    try {
      return step();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== code || Date.now() - started > patienceMs) throw error;
      pause(20);
    }
  }
}

function writeThrough(path: string, text: string, allowed: (stat: Stats) => boolean): void {
  const fd = retrying('ENXIO', () => openSync(path, constants.O_WRONLY | constants.O_NOCTTY | constants.O_APPEND | constants.O_NONBLOCK));
  try {
    if (!allowed(fstatSync(fd))) throw new StoreError(`will not write to ${printable(path)}: it changed while it was opened`);
    const data = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < data.length) offset += retrying('EAGAIN', () => writeSync(fd, data, offset));
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

const myUid = () => (typeof process.getuid === 'function' ? process.getuid() : 0);

/** Someone else's: a file another user owns is never written, nor a FIFO or socket they made (root's own are fine for root). */
const ownedByUs = (stat: Stats) => stat.uid === myUid();

/** Where output may go besides a file of ours: a character device (only root makes them: /dev/null, a terminal), or a FIFO or socket of ours. */
const mayWriteThrough = (stat: Stats) => stat.isCharacterDevice() || ((stat.isFIFO() || stat.isSocket()) && ownedByUs(stat));

/**
 * Write command output that may hold secrets. No target or `-` is stdout, and
 * so is any path that is standard output (`/dev/stdout`). A new file, or a
 * regular file of ours, is replaced whole, 0600 from its first byte; a file
 * another user owns is refused (they could read what we write, or made it to
 * catch it). A character device, or a FIFO or socket of ours, is written
 * through, never replaced; someone else's FIFO or socket is refused. A
 * symbolic link to a regular file and a directory are refused: a planted
 * link must not redirect secrets.
 */
export function writeOutput(target: string | undefined, text: string): void {
  if (target === undefined || target === '-' || sameFile(target, 1)) {
    writeOut(text);
    return;
  }
  const shown = printable(target);
  try {
    const kind = pathKind(target);
    if (kind === 'file' && !ownedByUs(lstatSync(target))) throw new StoreError(`will not write ${shown}: another user owns it`);
    if (kind === 'missing' || kind === 'file') return writePrivateFileAtomic(target, text);
    if (kind === 'directory') throw new StoreError(`cannot write ${shown}: it is a directory`);
    const end = kind === 'link' ? statSync(target) : undefined;
    if (end?.isDirectory()) throw new StoreError(`cannot write ${shown}: it is a directory`);
    if (end?.isFile()) {
      throw new StoreError(`will not write through the symbolic link ${shown}; give the path of the file it points to`);
    }
    const stat = end ?? lstatSync(target);
    if (!mayWriteThrough(stat)) throw new StoreError(`will not write ${shown}: it is not a file, FIFO or socket of ours (another user's, or a block device)`);
    writeThrough(target, text, mayWriteThrough);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOSPC'
        ? 'no space left on device'
        : code === 'ENXIO'
          ? `nothing is reading it (waited ${patienceMs / 1000} s)`
          : code === 'EAGAIN'
            ? `its reader took nothing for ${patienceMs / 1000} s`
            : (code ?? String(error));
    throw new StoreError(`cannot write ${shown}: ${why}`);
  }
}
