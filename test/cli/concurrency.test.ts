import {spawn} from 'node:child_process';
import {readdirSync, readlinkSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';

function runAsync(args: string[]) {
  const child = spawn(process.execPath, [cliPath, ...args], {stdio: ['ignore', 'ignore', 'pipe']});
  const done = new Promise<{status: number | null; stderr: string}>((resolve) => {
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({status, stderr}));
  });
  return {child, done};
}

/** Whether the process has the file open (Linux: its descriptors in /proc). */
function hasOpen(pid: number, path: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === path;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two writers on one file', () => {
  it('makes the second writer wait for the first instead of failing', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const holder = new Sqlite(db);
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare(`UPDATE system_config SET config_value = '6000' WHERE config_key = 'smcp_port'`).run();
    const {child, done} = runAsync(['--db', db, 'set', 'flask_port', '5050']);
    // The writer opens the file and takes the write lock at once (BEGIN IMMEDIATE); while it is held here it can only wait.
    const started = Date.now();
    while (!hasOpen(child.pid!, db) && child.exitCode === null && Date.now() - started < 10_000) await tick(20);
    expect(hasOpen(child.pid!, db)).toBe(true);
    await tick(500);
    expect(child.exitCode).toBe(null);
    holder.exec('COMMIT');
    holder.close();
    const result = await done;
    expect(result).toEqual({status: 0, stderr: ''});
    expect(cliFor(db)(['get', 'flask_port']).stdout).toBe('5050\n');
    expect(cliFor(db)(['get', 'smcp_port']).stdout).toBe('6000\n');
  });
});
