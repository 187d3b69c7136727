// export --reveal --output writes secrets. Another user may have put a FIFO,
// a socket or a file where the operator points it: they must get nothing,
// and nothing may block forever. (The tests run as root; the other user is a
// file owned by another uid.)
import {execFileSync, spawn} from 'node:child_process';
import {chownSync, existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cliFor, cliPath, expectOneLine} from '../helpers/run-cli.js';
import {tempDbPath, tempDir} from '../helpers/temp-db.js';

const otherUser = 4321;

function secretBox() {
  const path = tempDbPath();
  const cli = cliFor(path);
  expect(cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-planted-output'}).status).toBe(0);
  return {path, cli};
}

/** Run the CLI without waiting on it synchronously (a reader in this process may be needed); at most `ms`. */
function runFor(args: string[], ms = 5000): Promise<{status: number | null; stderr: string; timedOut: boolean}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], {stdio: ['ignore', 'ignore', 'pipe']});
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({status, stderr, timedOut: signal === 'SIGKILL'});
    });
  });
}

describe('export --reveal --output into something another user put there', () => {
  it("refuses another user's file, and leaves it as it was", () => {
    const {cli} = secretBox();
    const target = join(tempDir(), 'out.json');
    writeFileSync(target, 'theirs');
    chownSync(target, otherUser, otherUser);
    const result = cli(['export', '--reveal', '--output', target]);
    expect(result.status).toBe(1);
    expect(expectOneLine(result.stderr)).toMatch(/will not write .*out\.json: another user owns it/);
    expect(readFileSync(target, 'utf8')).toBe('theirs');
    expect(statSync(target).uid).toBe(otherUser);
  });

  it("refuses another user's FIFO, even while they read it; they get nothing", async () => {
    const {path} = secretBox();
    const fifo = join(tempDir(), 'catch.fifo');
    execFileSync('mkfifo', [fifo]);
    chownSync(fifo, otherUser, otherUser);
    const reader = spawn('sh', ['-c', `exec cat < '${fifo}'`]);
    let caught = '';
    reader.stdout.on('data', (d) => (caught += d));
    const result = await runFor(['--db', path, 'export', '--reveal', '--output', fifo]);
    reader.kill();
    expect(result.timedOut).toBe(false);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/it is not a file, FIFO or socket of ours/);
    expect(caught).toBe('');
  });

  it('a FIFO of ours that nobody reads is refused at once, not waited on forever', async () => {
    const {path} = secretBox();
    const fifo = join(tempDir(), 'ours.fifo');
    execFileSync('mkfifo', [fifo]);
    const result = await runFor(['--db', path, 'export', '--reveal', '--output', fifo]);
    expect(result.timedOut).toBe(false);
    expect(result.status).toBe(1);
    expect(expectOneLine(result.stderr)).toMatch(/nothing is reading it/);
    expect(existsSync(fifo)).toBe(true);
  });
});
