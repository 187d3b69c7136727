/** Both ends on a terminal: the only case where the app may wait for keys. */
export function hasTerminal(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

/**
 * Load the app (Ink, React, the views): in the build, a bundle of its own.
 * Ink draws nothing until exit when CI or CONTINUOUS_INTEGRATION is set (it
 * reads them once, on import); the app only opens on a real terminal with a
 * person at it, so those variables are dropped first. Yoga's loader asks
 * `typeof fetch`, which makes Node load its whole HTTP client; fetch is
 * hidden while the chunk loads and put back at once, still lazy.
 */
export async function loadApp(): Promise<typeof import('../ui/launch.js')> {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const fetchProperty = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
  // The command's entry (src/bin) loads the app's bundle with its code cache; without it, a plain import.
  const loadAppBundle = (globalThis as Record<symbol, unknown>)[Symbol.for('sanctum-config.load-app')] as (() => typeof import('../ui/launch.js')) | undefined;
  try {
    return await (loadAppBundle ? loadAppBundle() : import('../ui/launch.js'));
  } finally {
    if (fetchProperty) Object.defineProperty(globalThis, 'fetch', fetchProperty);
  }
}
