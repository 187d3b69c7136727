import {afterEach, describe, expect, it} from 'vitest';
import {spawn} from 'node:child_process';
import {cliFor, cliPath, expectOneLine, runCliAsync} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {closedPort, startFakeLetta, type FakeLetta} from '../helpers/fake-letta.js';

const running: FakeLetta[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

/** The CLI runs in a child while the fake server answers in this process. */
const runAsync = (db: string, args: string[], input = '') => runCliAsync(['--db', db, ...args], {input});

async function boxWith(options: Parameters<typeof startFakeLetta>[0], password?: string) {
  const letta = await startFakeLetta(options);
  running.push(letta);
  const db = tempDbPath();
  const cli = cliFor(db);
  const args = ['server', 'set', '1', '--address', '127.0.0.1', '--port', String(letta.port), '--timeout', '2'];
  cli(password ? [...args, '--password-stdin'] : args, {input: password});
  return {db, cli, letta};
}

describe('sanctum-config server test', () => {
  it('exits 0 on ok, prints the details and records the connection', async () => {
    const {db, cli} = await boxWith({password: 'pw-right'}, 'pw-right');
    const result = await runAsync(db, ['server', 'test']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/outcome: ok\n/);
    expect(result.stdout).toMatch(/password accepted, Letta 0\.16\.3/);
    expect(result.stdout).toMatch(/http status: 200\n/);
    expect(result.stdout).toMatch(/response time: \d+ ms/);
    expect(result.stdout).not.toContain('pw-right');
    const [server] = JSON.parse(cli(['server', 'list', '--json']).stdout);
    expect(server.last_connected_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('exits 1 with auth-failed as JSON for a wrong password, leaving last_connected_at alone', async () => {
    const {db, cli} = await boxWith({password: 'pw-right'}, 'pw-wrong');
    const result = await runAsync(db, ['server', 'test', '1', '--json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({server_id: 1, outcome: 'auth-failed', http_status: 401, last_connected_at: null});
    expect(result.stdout + result.stderr).not.toContain('pw-wrong');
    expect(JSON.parse(cli(['server', 'list', '--json']).stdout)[0].last_connected_at).toBeNull();
  });

  it('exits 1 with unreachable for a closed port', async () => {
    const db = tempDbPath();
    cliFor(db)(['server', 'set', '1', '--address', '127.0.0.1', '--port', String(await closedPort())]);
    const result = await runAsync(db, ['server', 'test', '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).outcome).toBe('unreachable');
  });

  it('exits 2 for an unknown id or when no server is active', async () => {
    const db = tempDbPath();
    const unknown = await runAsync(db, ['server', 'test', '7']);
    expect(unknown.status).toBe(2);
    expect(expectOneLine(unknown.stderr)).toMatch(/no server with id 7/);
    cliFor(db)(['server', 'remove', '1']);
    const none = await runAsync(db, ['server', 'test']);
    expect(none.status).toBe(2);
    expect(expectOneLine(none.stderr)).toMatch(/no server is active/);
  });
});

describe('server test over TLS', () => {
  it('checks the certificate even when NODE_TLS_REJECT_UNAUTHORIZED=0 came in from a sourced env file', async () => {
    const {execFileSync} = await import('node:child_process');
    const {readFileSync} = await import('node:fs');
    const {join} = await import('node:path');
    const {createServer} = await import('node:https');
    const {tempDir} = await import('../helpers/temp-db.js');
    const dir = tempDir();
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'],
      {stdio: 'ignore'},
    );
    let asked = 0;
    const server = createServer({key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem'))}, (_req, res) => {
      asked++;
      res.writeHead(200, {'content-type': 'application/json'}).end('{"version":"0.6.0","status":"ok"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as {port: number}).port;
      const db = tempDbPath();
      cliFor(db)(['server', 'set', '1', '--address', 'https://127.0.0.1', '--port', String(port), '--timeout', '3', '--password-stdin'], {input: 'pw-secret'});
      const result = await new Promise<{status: number | null; stdout: string}>((resolve) => {
        const child = spawn(process.execPath, [cliPath, '--db', db, 'server', 'test', '--json'], {env: {...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0'}});
        let stdout = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.on('close', (status) => resolve({status, stdout}));
      });
      expect(result.status).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({outcome: 'tls-error'});
      expect(asked).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
