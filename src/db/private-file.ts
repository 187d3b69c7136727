import {closeSync, constants, fsyncSync, lstatSync, openSync, renameSync, rmSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';

/** O_NOFOLLOW is missing on some platforms; 0 then, and O_EXCL still refuses a planted link. */
const noFollow = constants.O_NOFOLLOW ?? 0;

function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

/**
 * Create a file that may hold secrets, whole or not at all: a temp file beside
 * the target, created 0600 from its first byte (O_CREAT|O_EXCL, never through a
 * link) under an unpredictable name, synced, then renamed over the target.
 * The temp file is removed on any failure.
 */
/** Eight random bytes in hex. Web Crypto is loaded on first use, so only commands that write a file pay for it. */
const randomName = () => Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(8))).toString('hex');

export function writePrivateFileAtomic(target: string, data: string | Buffer): void {
  const temp = join(dirname(target), `.${basename(target)}.${randomName()}.tmp`);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow;
  let fd: number | undefined;
  try {
    fd = openSync(temp, flags, 0o600);
    writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, {force: true});
    throw error;
  }
}

/** What is at a path, without following a link. */
export function pathKind(path: string): 'missing' | 'file' | 'link' | 'directory' | 'special' {
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return 'link';
    if (stat.isFile()) return 'file';
    if (stat.isDirectory()) return 'directory';
    return 'special';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}
