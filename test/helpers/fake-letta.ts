import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export type FakeLettaOptions = {
  /** Secure mode: /v1/agents/ wants `Authorization: Bearer <password>` or X-BARE-PASSWORD. */
  readonly password?: string;
  /** `letta` answers like Letta; `silent` accepts and never answers; `other` is some other web server. */
  readonly behaviour?: 'letta' | 'silent' | 'other';
};

export type FakeLetta = {
  readonly port: number;
  readonly url: string;
  /** Headers of every request received, to check what was sent. */
  readonly requests: {url: string; authorization?: string}[];
  close(): Promise<void>;
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {'content-type': 'application/json'}).end(JSON.stringify(body));
}

/** A real HTTP server on 127.0.0.1 that mimics the parts of Letta's API we call. */
export async function startFakeLetta(options: FakeLettaOptions = {}): Promise<FakeLetta> {
  const requests: FakeLetta['requests'] = [];
  const behaviour = options.behaviour ?? 'letta';
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requests.push({url: req.url ?? '', authorization: req.headers.authorization});
    if (behaviour === 'silent') return;
    if (behaviour === 'other') {
      res.writeHead(200, {'content-type': 'text/html'}).end('<html>It works!</html>');
      return;
    }
    if (req.url === '/v1/health/') return sendJson(res, 200, {version: '0.16.3', status: 'ok'});
    if (req.url?.startsWith('/v1/agents/')) {
      const bare = req.headers['x-bare-password'];
      const accepted = !options.password || req.headers.authorization === `Bearer ${options.password}` || bare === `password ${options.password}`;
      return accepted ? sendJson(res, 200, []) : sendJson(res, 401, {detail: 'Unauthorized'});
    }
    sendJson(res, 404, {detail: 'Not Found'});
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 with nothing listening. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
