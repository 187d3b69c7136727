import {spawn} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';

function runAsync(args: string[]): Promise<{status: number | null; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], {stdio: ['ignore', 'ignore', 'pipe']});
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({status, stderr}));
  });
}

describe('two writers on one file', () => {
  it('makes the second writer wait for the first instead of failing', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const holder = new Sqlite(db);
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare(`UPDATE system_config SET config_value = '6000' WHERE config_key = 'smcp_port'`).run();
    const waiting = runAsync(['--db', db, 'set', 'flask_port', '5050']);
    await new Promise((resolve) => setTimeout(resolve, 700));
    holder.exec('COMMIT');
    holder.close();
    const result = await waiting;
    expect(result).toEqual({status: 0, stderr: ''});
    expect(cliFor(db)(['get', 'flask_port']).stdout).toBe('5050\n');
    expect(cliFor(db)(['get', 'smcp_port']).stdout).toBe('6000\n');
  });
});
