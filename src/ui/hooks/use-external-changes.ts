import {useEffect} from 'react';
import type {ConfigStore} from '../../repo/index.js';

/** Other programs write this file too: look once a second, and reload when they have. */
export function useExternalChanges(store: ConfigStore, onChange: () => void, intervalMs = 1000): void {
  useEffect(() => {
    let seen = store.externalVersion();
    const timer = setInterval(() => {
      const now = store.externalVersion();
      if (now !== seen) {
        seen = now;
        onChange();
      }
    }, intervalMs);
    return () => clearInterval(timer);
  }, [store, onChange, intervalMs]);
}
