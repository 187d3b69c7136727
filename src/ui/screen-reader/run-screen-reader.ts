import type {ConfigStore} from '../../repo/index.js';
import {screenReaderSession} from './reader-session.js';

/**
 * The screen reader mode on this terminal: raw keys in, one plain line out
 * per key, on the normal screen (no alternate screen, no cursor movement), so
 * a screen reader reads each answer as it comes. Resolves with the exit code.
 */
export function runScreenReader(
  store: ConfigStore,
  options: Omit<Parameters<typeof screenReaderSession>[1], 'say'> & {readonly write: (text: string) => void},
): Promise<number> {
  return new Promise((resolve) => {
    const session = screenReaderSession(store, {...options, say: (text) => options.write(`${text}\n`)});
    const stdin = process.stdin;
    const end = (code: number) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      resolve(code);
    };
    const onData = (chunk: string) => {
      const state = session.input(chunk);
      if (state !== 'on') end(state === 'quit' ? 0 : 130);
    };
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.once('end', () => end(129));
    stdin.resume();
  });
}
