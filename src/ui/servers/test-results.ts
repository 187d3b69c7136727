import type {ConnectionReport} from '../../letta/test-connection.js';
import {type Server, serverBaseUrl} from '../../repo/index.js';

/**
 * A result belongs to the address it tested: after the server moves (another
 * address or port), this session's result for it is no longer its.
 */
export function currentResult(server: Server, results: Readonly<Record<number, ConnectionReport>>): ConnectionReport | undefined {
  const result = results[server.id];
  if (!result) return undefined;
  try {
    return result.url === serverBaseUrl(server) ? result : undefined;
  } catch {
    return undefined;
  }
}

/** The outcome as the app says it: a server that checks no password is `open`, not the `ok` of a checked one. */
export const outcomeWord = (report: ConnectionReport): string =>
  report.outcome === 'ok' && (report.credentials === 'not-needed' || report.credentials === 'not-enforced') ? 'open' : report.outcome;
