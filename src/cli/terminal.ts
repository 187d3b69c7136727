/** Both ends on a terminal: the only case where the app may wait for keys. */
export function hasTerminal(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

/**
 * Ink draws nothing until exit when CI or CONTINUOUS_INTEGRATION is set (it
 * reads them once, on import). The app only opens on a real terminal with a
 * person at it, so those variables are dropped before Ink loads.
 */
export async function loadApp(): Promise<typeof import('../ui/launch.js')> {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  return import('../ui/launch.js');
}
