import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach} from 'vitest';
import Sqlite from 'better-sqlite3';

const made: string[] = [];

afterEach(() => {
  // Retried: a program a test started may still be writing there for a moment (a shell's background job).
  while (made.length) rmSync(made.pop()!, {recursive: true, force: true, maxRetries: 5, retryDelay: 100});
});

/** A fresh directory under the OS temp dir, removed after each test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sanctum-config-test-'));
  made.push(dir);
  return dir;
}

/** A path for a database that does not exist yet. */
export function tempDbPath(): string {
  return join(tempDir(), 'config.db');
}

/** Raw rows of both tables, to prove a failed call changed nothing. */
export function snapshot(path: string): string {
  const db = new Sqlite(path, {readonly: true});
  try {
    const servers = db.prepare('SELECT * FROM letta_server_config ORDER BY id').all();
    const settings = db.prepare('SELECT * FROM system_config ORDER BY id').all();
    const version = db.pragma('user_version', {simple: true});
    return JSON.stringify({version, servers, settings});
  } finally {
    db.close();
  }
}
