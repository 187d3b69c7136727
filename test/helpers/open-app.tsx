import {afterEach} from 'vitest';
import {openConfigStore, type ConfigStore} from '../../src/repo/index.js';
import {renderApp} from './render-app.js';
import {tempDbPath} from './temp-db.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/**
 * A store on a new temp database, prepared by `setup`, closed after the test.
 * A file it creates is set up (the first-run setup finished), as a box in use
 * is, unless `setupFinished: false` (the tests of a first run).
 */
export function openStore(
  setup?: (store: ConfigStore) => void,
  path = tempDbPath(),
  {setupFinished = true, ...options}: Parameters<typeof openConfigStore>[1] & {readonly setupFinished?: boolean} = {},
): ConfigStore {
  const store = openConfigStore(path, options);
  if (setupFinished && store.created) store.setup.finish();
  cleanups.push(() => store.close());
  setup?.(store);
  return store;
}

/** The app on a store, unmounted after the test (before its store is closed). */
export async function openApp(store: ConfigStore, props: Partial<Parameters<typeof renderApp>[0]> = {}, size?: {columns: number; rows: number}) {
  const app = await renderApp({store, ...props}, size);
  cleanups.push(() => app.unmount());
  return app;
}

/** The selected row of a frame: the one the pointer marks. */
export const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('> ')) ?? '';
