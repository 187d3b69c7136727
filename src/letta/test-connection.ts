import {secretMask} from '../repo/mask-secret.js';
import {timeoutRange} from '../repo/rules.js';
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
  /**
   * What the server made of the credentials: `not-enforced` when it answered
   * without any, so a wrong password would pass too; `not-needed` when none
   * is stored and none was asked for.
   */
  readonly credentials: 'accepted' | 'rejected' | 'not-needed' | 'not-enforced' | 'not-checked';
  /** Which stored secret was sent as the bearer: the password when both are stored. */
  readonly sent: 'token' | 'password' | 'none';
};

export type ServerToTest = {
  readonly address: string;
  readonly port: number;
  readonly password: string | null;
  readonly token: string | null;
  readonly timeout: number | null;
};

const defaultTimeoutSeconds = 30;
/** Enough for a health answer and a one-agent list; a server that sends more is cut off there. */
const maxBodyBytes = 256 * 1024;

class CheckFailed extends Error {
  constructor(readonly report: Omit<ConnectionReport, 'url' | 'sent'>) {
    super(report.detail);
  }
}

/** The body up to `maxBodyBytes`; past that the stream is cancelled and `cut` says so. */
async function readCapped(response: Response): Promise<{text: string; cut: boolean}> {
  const reader = response.body?.getReader();
  if (!reader) return {text: '', cut: false};
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel().catch(() => undefined);
      return {text: Buffer.concat(chunks).toString('utf8', 0, maxBodyBytes), cut: true};
    }
  }
  return {text: Buffer.concat(chunks).toString('utf8'), cut: false};
}

function parseBody(text: string, cut: boolean): unknown {
  if (!text) return undefined;
  // A list too long to read whole is still recognisable as a list.
  if (cut) return text.trimStart().startsWith('[') ? [] : undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
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
    const {text, cut} = await readCapped(response);
    body = parseBody(text, cut);
  } catch (error) {
    if (signal.aborted && signal.reason?.name !== 'TimeoutError') throw signal.reason;
    if (signal.aborted || (error as Error).name === 'TimeoutError') {
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
  // A sourced env file (or anyone) may have set this; a test that trusts any certificate would send the password to whoever answers.
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  const url = serverBaseUrl(server);
  // Stored by another program, the timeout may be anything: the rule's range keeps the one clock honest.
  const stored = server.timeout && Number.isFinite(server.timeout) ? server.timeout : defaultTimeoutSeconds;
  const seconds = Math.min(Math.max(stored, timeoutRange.min), timeoutRange.max);
  const deadline = AbortSignal.timeout(seconds * 1000);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  // Letta has one secret: the password, else the token (the env file and the panel's field carry the same).
  const secret = server.password || server.token || undefined;
  const sent = server.password ? 'password' : server.token ? 'token' : 'none';
  const report = await runChecks(url, signal, secret, sent);
  // Belt and braces: no error text from below may carry a secret out.
  const secrets = [server.password, server.token].filter((v): v is string => Boolean(v));
  // A timeout says how long it waited.
  const said = report.outcome === 'timeout' ? `no answer within ${seconds} s (the connection timeout)` : report.detail;
  const detail = secrets.reduce((text, s) => text.split(s).join(secretMask), said);
  return {...report, detail, sent};
}

async function runChecks(
  url: string,
  signal: AbortSignal,
  secret: string | undefined,
  sent: 'password' | 'token' | 'none',
): Promise<Omit<ConnectionReport, 'sent'>> {
  try {
    const health = await request(`${url}/v1/health/`, signal);
    if (health.status !== 200 || !isLettaHealth(health.body)) {
      const what = health.status === 200 ? "the health answer is not Letta's" : `health check answered HTTP ${health.status}`;
      return {url, outcome: 'unexpected', detail: `${what}; is this a Letta server?`, httpStatus: health.status, ms: health.ms, credentials: 'not-checked'};
    }
    const version = typeof health.body.version === 'string' ? health.body.version : undefined;
    // The finding first, so it survives a narrow status line.
    const letta = version ? `Letta ${version}` : 'Letta';
    // First without credentials: a server that answers then checks no password,
    // and a test that only sent ours would prove nothing about it.
    const open = await request(`${url}/v1/agents/?limit=1`, signal);
    const openList = open.status === 200 && Array.isArray(open.body);
    if (openList) {
      const base = {url, httpStatus: open.status, ms: health.ms, version};
      if (!secret) return {...base, outcome: 'ok', detail: `no credentials needed, ${letta}`, credentials: 'not-needed'};
      return {
        ...base,
        outcome: 'ok',
        detail: `${letta} does not check passwords: it answered without one, so a wrong ${sent} would pass too`,
        credentials: 'not-enforced',
      };
    }
    const needsAuth = open.status === 401 || open.status === 403;
    const agents = secret && needsAuth ? await request(`${url}/v1/agents/?limit=1`, signal, secret) : open;
    const base = {url, httpStatus: agents.status, ms: health.ms, version};
    if (agents.status === 401 || agents.status === 403) {
      const why = secret ? `the server rejected the stored ${sent}` : 'the server needs a password or token; none is stored';
      return {...base, outcome: 'auth-failed', detail: `${why} (${letta} is reachable)`, credentials: 'rejected'};
    }
    if (agents.status === 200 && Array.isArray(agents.body)) {
      return {...base, outcome: 'ok', detail: `${sent} accepted, ${letta}`, credentials: 'accepted'};
    }
    return {...base, outcome: 'unexpected', detail: `/v1/agents/ answered HTTP ${agents.status} (${letta} is reachable)`, credentials: 'not-checked'};
  } catch (error) {
    if (error instanceof CheckFailed) return {url, ...error.report};
    throw error;
  }
}
