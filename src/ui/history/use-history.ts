import {useMemo} from 'react';
import type {ConfigStore, HistoryEntry} from '../../repo/index.js';

/** Whose history: a setting's or a server's. */
export type HistoryTarget = {readonly key: string} | {readonly serverId: number};

/** The history of one setting or server, newest first: read outside the view, again on each `revision`. */
export function useHistory(store: ConfigStore, target: HistoryTarget, revision: unknown): readonly HistoryEntry[] {
  // biome-ignore lint/correctness/useExhaustiveDependencies: a target is a new object each render; its key or id is what identifies it
  return useMemo(() => store.history.list({...target, limit: 200}), [store, 'key' in target ? target.key : target.serverId, revision]);
}
