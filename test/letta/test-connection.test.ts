import {afterEach, describe, expect, it} from 'vitest';
import {testConnection, type ServerToTest} from '../../src/letta/test-connection.js';
import {closedPort, startFakeLetta, type FakeLetta} from '../helpers/fake-letta.js';

const running: FakeLetta[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

async function fake(options: Parameters<typeof startFakeLetta>[0] = {}) {
  const server = await startFakeLetta(options);
  running.push(server);
  return server;
}

const target = (port: number, fields: Partial<ServerToTest> = {}): ServerToTest => ({
  address: '127.0.0.1',
  port,
  password: null,
  token: null,
  timeout: 5,
  ...fields,
});

describe('testConnection against a real HTTP server', () => {
  it('is ok with the right password, and sends it as a bearer', async () => {
    const letta = await fake({password: 'right'});
    const report = await testConnection(target(letta.port, {password: 'right'}));
    expect(report).toMatchObject({outcome: 'ok', httpStatus: 200, version: '0.16.3', credentials: 'accepted', url: letta.url});
    expect(report.ms).toBeGreaterThanOrEqual(0);
    expect(report.sent).toBe('password');
    // Asked once without credentials (to see whether the server checks them), then with them.
    expect(letta.requests.map((r) => r.url)).toEqual(['/v1/health/', '/v1/agents/?limit=1', '/v1/agents/?limit=1']);
    expect(letta.requests[1]!.authorization).toBeUndefined();
    expect(letta.requests[2]!.authorization).toBe('Bearer right');
  });

  it('says a server that answers without a password does not check passwords, rather than "accepted"', async () => {
    const letta = await fake();
    const report = await testConnection(target(letta.port, {password: 'anything'}));
    expect(report).toMatchObject({outcome: 'ok', credentials: 'not-enforced', sent: 'password'});
    expect(report.detail).toMatch(/does not check passwords: it answered without one, so a wrong password would pass too/);
    expect(report.detail).not.toMatch(/accepted/);
  });

  it('reads at most 256 KB of an answer that never ends, and reports it within the deadline', async () => {
    const {createServer} = await import('node:http');
    let sent = 0;
    const server = createServer((_req, res) => {
      res.writeHead(200, {'content-type': 'application/json'});
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (sent < 512 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 512 * 1024 * 1024) res.once('drain', pump);
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as {port: number}).port;
    const before = process.memoryUsage().rss;
    try {
      const report = await testConnection(target(port, {timeout: 5}));
      expect(report.outcome).toBe('unexpected');
      expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
      expect(sent).toBeLessThan(64 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('sends the password when both are stored (Letta has one secret; the env file and the panel carry the same)', async () => {
    const letta = await fake({password: 'the-password'});
    const report = await testConnection(target(letta.port, {password: 'the-password', token: 'an-old-token'}));
    expect(report).toMatchObject({outcome: 'ok', sent: 'password', credentials: 'accepted'});
    expect(report.detail).toMatch(/^password accepted/);
    const tokenOnly = await testConnection(target(letta.port, {token: 'the-password'}));
    expect(tokenOnly).toMatchObject({outcome: 'ok', sent: 'token'});
  });

  it('is auth-failed with a wrong password, and never says the password', async () => {
    const letta = await fake({password: 'right'});
    const report = await testConnection(target(letta.port, {password: 'wrong-secret'}));
    expect(report).toMatchObject({outcome: 'auth-failed', httpStatus: 401, credentials: 'rejected'});
    expect(report.detail).toMatch(/rejected the stored password/);
    expect(JSON.stringify(report)).not.toContain('wrong-secret');
  });

  it('is auth-failed when a secure server gets no credentials', async () => {
    const letta = await fake({password: 'right'});
    const report = await testConnection(target(letta.port));
    expect(report).toMatchObject({outcome: 'auth-failed', httpStatus: 401});
    expect(report.detail).toMatch(/needs a password or token; none is stored/);
  });

  it('is ok without credentials when the server is not secure', async () => {
    const letta = await fake();
    expect(await testConnection(target(letta.port))).toMatchObject({outcome: 'ok', credentials: 'not-needed'});
  });

  it('is unreachable on a closed port', async () => {
    const report = await testConnection(target(await closedPort()));
    expect(report.outcome).toBe('unreachable');
    expect(report.detail).toMatch(/ECONNREFUSED/);
  });

  it('times out at the connection timeout against a server that never answers', async () => {
    const letta = await fake({behaviour: 'silent'});
    const started = performance.now();
    const report = await testConnection(target(letta.port, {timeout: 1}));
    const elapsed = performance.now() - started;
    expect(report.outcome).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(900);
    // A loose bound: this checks the deadline is honoured, not speed.
    expect(elapsed).toBeLessThan(5000);
  });

  it('keeps the port when the address has a scheme', async () => {
    const letta = await fake();
    const report = await testConnection(target(letta.port, {address: 'http://127.0.0.1'}));
    expect(report).toMatchObject({outcome: 'ok', url: `http://127.0.0.1:${letta.port}`});
  });

  it('is unexpected for a web server that is not Letta', async () => {
    const other = await fake({behaviour: 'other'});
    const report = await testConnection(target(other.port));
    expect(report).toMatchObject({outcome: 'unexpected', httpStatus: 200});
    expect(report.detail).toMatch(/not Letta/);
  });

  it('is a tls-error when https meets a plain HTTP server', async () => {
    const letta = await fake();
    const report = await testConnection(target(letta.port, {address: 'https://127.0.0.1'}));
    expect(report.outcome).toBe('tls-error');
  });

  it('rejects with the reason when cancelled', async () => {
    const letta = await fake({behaviour: 'silent'});
    const controller = new AbortController();
    const pending = testConnection(target(letta.port, {timeout: 10}), {signal: controller.signal});
    setTimeout(() => controller.abort(new Error('cancelled by user')), 50);
    await expect(pending).rejects.toThrow('cancelled by user');
  });
});

describe('serverBaseUrl', () => {
  it('keeps the scheme and always adds the port; brackets IPv6 literals', async () => {
    const {serverBaseUrl} = await import('../../src/repo/server-url.js');
    expect(serverBaseUrl({address: 'localhost', port: 8080})).toBe('http://localhost:8080');
    expect(serverBaseUrl({address: 'https://letta.example.com', port: 443})).toBe('https://letta.example.com:443');
    expect(serverBaseUrl({address: 'HTTP://10.0.0.5/', port: 8284})).toBe('http://10.0.0.5:8284');
    expect(serverBaseUrl({address: '::1', port: 8283})).toBe('http://[::1]:8283');
    expect(serverBaseUrl({address: 'http://[fe80::1]', port: 8283})).toBe('http://[fe80::1]:8283');
  });

  it('reaches a server on the IPv6 loopback by its bare address', async () => {
    const {createServer} = await import('node:http');
    const server = createServer((req, res) => {
      const body = req.url === '/v1/health/' ? {version: '0.16.3', status: 'ok'} : [];
      res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(body));
    });
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(0, '::1', () => resolve(true));
    });
    if (!listening) return; // no IPv6 loopback on this machine: the URL test above still holds
    const port = (server.address() as {port: number}).port;
    try {
      expect(await testConnection(target(port, {address: '::1'}))).toMatchObject({outcome: 'ok', url: `http://[::1]:${port}`});
    } finally {
      server.close();
    }
  });
});

describe('the outcome names', () => {
  it('are the ones the README documents, no more and no fewer', async () => {
    const {readFileSync} = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const documented = [...(/Outcomes: ([^.]+)\./.exec(readme.replace(/\s+/g, ' '))?.[1] ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
    const source = readFileSync(new URL('../../src/letta/test-connection.ts', import.meta.url), 'utf8');
    const coded = [...(/type ConnectionOutcome = ([^;]+);/.exec(source)?.[1] ?? '').matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(0);
    expect(documented).toEqual(coded);
  });
});
