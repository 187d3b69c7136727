import {type Key, useInput} from 'ink';
import {useCallback, useLayoutEffect, useRef} from 'react';

export type KeyHandler = (input: string, key: Key) => void;

/**
 * Ink's useInput, but always calling the latest handler. Ink re-subscribes a
 * changed handler in a passive effect, which can run after the next key has
 * already arrived; that key would then act on the state before the last one
 * (seen in tests: Space after j activated the row j had left).
 */
export function useKeys(handler: KeyHandler, options: {readonly isActive: boolean}): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  const stable = useCallback<KeyHandler>((input, key) => latest.current(input, key), []);
  useInput(stable, options);
}
