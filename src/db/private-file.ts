import {closeSync, constants, fsyncSync, lstatSync, openSync, readdirSync, renameSync, rmSync, writeSync} from 'node:fs';
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

/** Whether a process with this id is running (or exists, not ours to signal). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove temp files a run of ours left for this target when it was killed
 * (kill -9 during a backup of a large file left hidden full copies of it): our
 * own name pattern, a process that is gone, a file that is ours.
 */
export function removeDeadTempFiles(target: string): void {
  // Also the temp files of targets named after this one (config.db.bak-v4 for config.db): a backup left by a killed upgrade.
  const prefix = `.${basename(target)}.`;
  const me = typeof process.getuid === 'function' ? process.getuid() : undefined;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(?:[^/]*\.)?(\d+)-[0-9a-f]{16}\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || Number(pid) === process.pid || isAlive(Number(pid))) continue;
    const path = join(dirname(target), name);
    try {
      const stat = lstatSync(path);
      if (stat.isFile() && (me === undefined || stat.uid === me)) rmSync(path, {force: true});
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

export function writePrivateFileAtomic(target: string, data: string | Buffer): void {
  removeDeadTempFiles(target);
  // The process id in the name lets a later run tell a dead run's leftover from a live one's.
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomName()}.tmp`);
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
