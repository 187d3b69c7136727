import {createServer} from 'node:http';
import {describe, expect, it} from 'vitest';
import {findLocalLetta} from '../../src/letta/find-local-letta.js';
import {closedPort, startFakeLetta} from '../helpers/fake-letta.js';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {cliFor, cliPath, expectOneLine} from '../helpers/run-cli.js';

const run = async (args: string[]) => (await promisify(execFile)(process.execPath, [cliPath, ...args], {env: {...process.env, NO_COLOR: '1'}})).stdout;
import {tempDbPath} from '../helpers/temp-db.js';

async function listenOn(port: number) {
  const letta = createServer((req, res) => {
    if (req.url === '/v1/health/') res.writeHead(200, {'content-type': 'application/json'}).end('{"version":"0.16.3","status":"ok"}');
    else res.writeHead(404).end();
  });
  const ok = await new Promise<boolean>((resolve) => {
    letta.once('error', () => resolve(false));
    letta.listen(port, '127.0.0.1', () => resolve(true));
  });
  return {ok, close: () => new Promise<void>((resolve) => letta.close(() => resolve()))};
}

describe("finding Letta on Sanctum's port", () => {
  it('finds the first port that answers like Letta, and not one that answers otherwise', async () => {
    const letta = await startFakeLetta();
    const other = await startFakeLetta({behaviour: 'other'});
    try {
      const closed = await closedPort();
      expect(await findLocalLetta([closed, other.port, letta.port])).toEqual({address: '127.0.0.1', port: letta.port});
      expect(await findLocalLetta([closed, other.port])).toBeUndefined();
    } finally {
      await letta.close();
      await other.close();
    }
  });

  it('gives up within its short timeout on a port that never answers', async () => {
    const silent = await startFakeLetta({behaviour: 'silent'});
    try {
      const started = Date.now();
      expect(await findLocalLetta([silent.port], 300)).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await silent.close();
    }
  });

  it('makes init --from-env propose 127.0.0.1:8284 when Letta answers there, and keep the default when told not to look', async (context) => {
    const letta = await listenOn(8284);
    if (!letta.ok) context.skip();
    try {
      const db = tempDbPath();
      const cli = cliFor(db);
      // Asynchronously: the server answering lives in this process, so it must not be blocked.
      const found = await run(['--db', db, 'init', '--from-env']);
      expect(found).toMatch(/^found Letta on 127\.0\.0\.1:8284$/m);
      expect(JSON.parse(cli(['server', 'list', '--json']).stdout)[0]).toMatchObject({address: '127.0.0.1', port: 8284});
      const other = cliFor(tempDbPath());
      expect(other(['init', '--from-env', '--no-probe']).stdout).not.toMatch(/found Letta/);
      expect(JSON.parse(other(['server', 'list', '--json']).stdout)[0]).toMatchObject({address: 'localhost', port: 8080});
    } finally {
      await letta.close();
    }
  });

  it('waits, bounded, for a Letta that is still starting (as after a bootstrap), and says what it found', async (context) => {
    const db = tempDbPath();
    const started = new Promise<{stdout: string; stderr: string}>((resolve, reject) =>
      execFile(
        process.execPath,
        [cliPath, '--db', db, 'init', '--from-env', '--wait-for-letta', '20'],
        {env: {...process.env, NO_COLOR: '1'}},
        (error, stdout, stderr) => (error ? reject(error) : resolve({stdout, stderr})),
      ),
    );
    // Letta comes up a moment after init started looking.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const letta = await listenOn(8284);
    if (!letta.ok) context.skip();
    try {
      const {stdout, stderr} = await started;
      expect(stderr).toBe('waiting up to 20 s for Letta on 127.0.0.1:8284 or :8283 (it may be starting; --wait-for-letta 0 does not wait)\n');
      expect(stdout).toMatch(/^found Letta on 127\.0\.0\.1:8284$/m);
      expect(JSON.parse(cliFor(db)(['server', 'list', '--json']).stdout)[0]).toMatchObject({address: '127.0.0.1', port: 8284});
    } finally {
      await letta.close();
    }
  }, 30_000);

  it('says when no Letta answered within the wait, and checks its input before waiting', async () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    const missed = cli(['init', '--from-env', '--wait-for-letta', '1']);
    expect(missed.status).toBe(0);
    expect(missed.stdout).toMatch(/^no Letta answered on 127\.0\.0\.1:8284 or :8283 within 1 s; the server stays localhost:8080/m);
    // A bad value fails with its one line: no waiting message, whatever the wait.
    const bad = cli(['init', '--from-env', '--wait-for-letta', '600'], {env: {SMCP_PORT: 'ninety'}});
    expect(bad.status).toBe(2);
    expect(expectOneLine(bad.stderr)).toMatch(/smcp_port/);
    expect(expectOneLine(cli(['init', '--from-env', '--wait-for-letta', 'soon']).stderr)).toMatch(/--wait-for-letta wants whole seconds/);
  });
});
