/** Where Sanctum's bootstraps publish Letta, in the order they are tried. */
export const sanctumLettaPorts = [8284, 8283] as const;

async function answersAsLetta(port: number, signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/v1/health/`, {signal, redirect: 'manual'});
    if (response.status !== 200) return false;
    const text = (await response.text()).slice(0, 4096);
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null && ('version' in body || 'status' in body);
  } catch {
    return false;
  }
}

/**
 * A Letta server on this box's loopback at one of Sanctum's ports, found by
 * its health answer within `timeoutMs`; loopback only, so nothing leaves the box.
 */
export async function findLocalLetta(
  ports: readonly number[] = sanctumLettaPorts,
  timeoutMs = 800,
): Promise<{readonly address: string; readonly port: number} | undefined> {
  const signal = AbortSignal.timeout(timeoutMs);
  const found = await Promise.all(ports.map((port) => answersAsLetta(port, signal)));
  const index = found.indexOf(true);
  return index === -1 ? undefined : {address: '127.0.0.1', port: ports[index]!};
}

/**
 * findLocalLetta, looked for again until `waitMs` has passed: Sanctum's
 * bootstraps start Letta in the background and move on, and it answers only
 * once it is up. `waiting` is told once, when the first look found nothing.
 */
export async function waitForLocalLetta(
  waitMs: number,
  waiting: () => void,
  ports: readonly number[] = sanctumLettaPorts,
  pollMs = 500,
): Promise<{readonly address: string; readonly port: number} | undefined> {
  const deadline = Date.now() + waitMs;
  let found = await findLocalLetta(ports);
  if (found || waitMs <= 0) return found;
  waiting();
  while (!found && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(0, deadline - Date.now()))));
    found = await findLocalLetta(ports, Math.min(800, Math.max(100, deadline - Date.now())));
  }
  return found;
}

/** Whether a server is still the design's default (localhost:8080), i.e. nobody chose it. */
export const isDesignDefaultServer = (server: {readonly address: string; readonly port: number} | undefined) =>
  !server || (server.address === 'localhost' && server.port === 8080);
