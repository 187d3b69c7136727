import {serverBaseUrl} from '../repo/server-url.js';
import {classifyFetchError} from './classify-error.js';

export type ConnectionOutcome = 'ok' | 'auth-failed' | 'unreachable' | 'timeout' | 'tls-error' | 'unexpected';

export type ConnectionReport = {
  readonly outcome: ConnectionOutcome;
  readonly url: string;
  /** One line for people: what was found, or what went wrong. Never holds a secret. */
  readonly detail: string;
  /** Status of the last HTTP answer, when there was one. */
  readonly httpStatus?: number;
  /** Round trip of the health check. */
  readonly ms?: number;
  readonly version?: string;
  /** Whether credentials were sent, and what the server made of them. */
  readonly credentials: 'accepted' | 'rejected' | 'not-needed' | 'not-checked';
};

export type ServerToTest = {
  readonly address: string;
  readonly port: number;
  readonly password: string | null;
  readonly token: string | null;
  readonly timeout: number | null;
};

const defaultTimeoutSeconds = 30;

class CheckFailed extends Error {
  constructor(readonly report: Omit<ConnectionReport, 'url'>) {
    super(report.detail);
  }
}

async function request(url: string, signal: AbortSignal, secret?: string): Promise<{status: number; body: unknown; ms: number}> {
  const started = performance.now();
  let response: Response;
  try {
    // Redirects are not followed: a hop elsewhere must not take the password with it.
    response = await fetch(url, {
      signal,
      redirect: 'manual',
      headers: {accept: 'application/json', ...(secret ? {authorization: `Bearer ${secret}`} : {})},
    });
  } catch (error) {
    if (signal.aborted && signal.reason?.name !== 'TimeoutError') throw signal.reason;
    const {outcome, detail} = classifyFetchError(error);
    throw new CheckFailed({outcome, detail, credentials: 'not-checked'});
  }
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch (error) {
    if (signal.aborted && signal.reason?.name !== 'TimeoutError') throw signal.reason;
    if ((error as Error).name === 'TimeoutError') {
      throw new CheckFailed({outcome: 'timeout', detail: 'the answer did not finish within the connection timeout', credentials: 'not-checked'});
    }
    body = undefined;
  }
  return {status: response.status, body, ms: Math.round(performance.now() - started)};
}

const isLettaHealth = (body: unknown): body is {version?: unknown; status?: unknown} =>
  typeof body === 'object' && body !== null && ('version' in body || 'status' in body);

/**
 * Ask a Letta server whether it is there (`/v1/health/`) and whether it takes
 * our credentials (`/v1/agents/?limit=1`, which needs them in secure mode).
 * One deadline, the server's connection_timeout, covers both. No retries.
 * `signal` lets a person cancel; cancelling rejects with its reason.
 */
export async function testConnection(server: ServerToTest, options: {signal?: AbortSignal} = {}): Promise<ConnectionReport> {
  const url = serverBaseUrl(server);
  const seconds = server.timeout && server.timeout > 0 ? server.timeout : defaultTimeoutSeconds;
  const deadline = AbortSignal.timeout(seconds * 1000);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const secret = server.token ?? server.password ?? undefined;
  const report = await runChecks(url, signal, secret, server);
  // Belt and braces: no error text from below may carry a secret out.
  const secrets = [server.password, server.token].filter((v): v is string => Boolean(v));
  const detail = secrets.reduce((text, s) => text.split(s).join('********'), report.detail);
  return {...report, detail};
}

async function runChecks(url: string, signal: AbortSignal, secret: string | undefined, server: ServerToTest): Promise<ConnectionReport> {
  try {
    const health = await request(`${url}/v1/health/`, signal);
    if (health.status !== 200 || !isLettaHealth(health.body)) {
      const what = health.status === 200 ? 'the health answer is not Letta\'s' : `health check answered HTTP ${health.status}`;
      return {url, outcome: 'unexpected', detail: `${what}; is this a Letta server?`, httpStatus: health.status, ms: health.ms, credentials: 'not-checked'};
    }
    const version = typeof health.body.version === 'string' ? health.body.version : undefined;
    // The finding first, so it survives a narrow status line.
    const letta = version ? `Letta ${version}` : 'Letta';
    const agents = await request(`${url}/v1/agents/?limit=1`, signal, secret);
    const base = {url, httpStatus: agents.status, ms: health.ms, version};
    if (agents.status === 401 || agents.status === 403) {
      const why = secret ? `the server rejected the stored ${server.token ? 'token' : 'password'}` : 'the server needs a password or token; none is stored';
      return {...base, outcome: 'auth-failed', detail: `${why} (${letta} is reachable)`, credentials: 'rejected'};
    }
    if (agents.status === 200 && Array.isArray(agents.body)) {
      const credentials = secret ? 'accepted' : 'not-needed';
      return {...base, outcome: 'ok', detail: `${secret ? 'credentials accepted' : 'no credentials needed'}, ${letta}`, credentials};
    }
    return {...base, outcome: 'unexpected', detail: `/v1/agents/ answered HTTP ${agents.status} (${letta} is reachable)`, credentials: 'not-checked'};
  } catch (error) {
    if (error instanceof CheckFailed) return {url, ...error.report};
    throw error;
  }
}
