export type FailureOutcome = 'unreachable' | 'timeout' | 'tls-error' | 'unexpected';

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EADDRNOTAVAIL', 'UND_ERR_SOCKET']);

function rootCause(error: unknown): {code?: string; message: string; name?: string} {
  let current = error as {cause?: unknown; code?: string; message?: string; name?: string};
  while (current?.cause && typeof current.cause === 'object') current = current.cause as typeof current;
  return {code: current?.code, message: current?.message ?? String(error), name: current?.name};
}

/** What a failed fetch means for an operator, and one line of the underlying error. */
export function classifyFetchError(error: unknown): {outcome: FailureOutcome; detail: string} {
  const name = (error as {name?: string})?.name;
  if (name === 'TimeoutError') return {outcome: 'timeout', detail: 'no answer within the connection timeout'};
  const cause = rootCause(error);
  const timeoutCodes = ['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT'];
  if (cause.name === 'TimeoutError' || timeoutCodes.includes(cause.code ?? '')) {
    return {outcome: 'timeout', detail: 'no answer within the connection timeout'};
  }
  const prefix = cause.code && !cause.message.includes(cause.code) ? `${cause.code}: ` : '';
  const line = `${prefix}${cause.message}`.split('\n')[0]!;
  const code = cause.code ?? '';
  if (/^ERR_(SSL|TLS)|CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code) || /ssl|tls|certificate/i.test(cause.message)) {
    return {outcome: 'tls-error', detail: line};
  }
  if (unreachableCodes.has(code)) return {outcome: 'unreachable', detail: line};
  return {outcome: 'unexpected', detail: line};
}
