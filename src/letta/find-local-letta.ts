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

/** Whether a server is still the design's default (localhost:8080), i.e. nobody chose it. */
export const isDesignDefaultServer = (server: {readonly address: string; readonly port: number} | undefined) =>
  !server || (server.address === 'localhost' && server.port === 8080);
