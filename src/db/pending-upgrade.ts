import {closeSync, openSync, readSync, statSync} from 'node:fs';
import {latestSchemaVersion} from './migrate.js';
import {pathKind} from './private-file.js';

/** The file's first 100 bytes, read as bytes: opening it, even read-only, could leave a -shm beside it. */
function headerOf(path: string): Buffer | undefined {
  if (pathKind(path) !== 'file') return undefined;
  const header = Buffer.alloc(100);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (readSync(fd, header, 0, 100, 0) < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return undefined;
    return header;
  } catch {
    // Unreadable: the real open says why.
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Whether writing to the file would first upgrade it (the Sanctum panel's
 * file, or one of an older version): then a write is tried on a copy first,
 * so a refused or empty one adopts nothing and leaves the file byte-identical.
 * A stale header (pages still in the -wal) only ever shows an older version: one trial too many.
 */
export function upgradesOnWrite(path: string): boolean {
  const header = headerOf(path);
  return header !== undefined && header.readUInt32BE(60) < latestSchemaVersion();
}

/**
 * A stamp that changes when another program commits to the file, read without
 * opening it: SQLite's change counter in the header, and the write-ahead log's size and time.
 */
export function fileChangeStamp(path: string): string {
  const counter = headerOf(path)?.readUInt32BE(24) ?? -1;
  let wal = '';
  try {
    const stat = statSync(`${path}-wal`);
    wal = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    // No write-ahead log: the header says it all.
  }
  return `${counter}/${wal}`;
}
