import {useMemo} from 'react';
import type {ConfigStore, HistoryEntry} from '../../repo/index.js';

/** Whose history: a setting's, a server's, or every change (the recent changes). */
export type HistoryTarget = {readonly key: string} | {readonly serverId: number} | {readonly all: true};

const identity = (target: HistoryTarget) => ('key' in target ? `key ${target.key}` : 'serverId' in target ? `server ${target.serverId}` : 'all');

/** The history, newest first: read outside the view, again on each `revision`. */
export function useHistory(store: ConfigStore, target: HistoryTarget, revision: unknown): readonly HistoryEntry[] {
  // biome-ignore lint/correctness/useExhaustiveDependencies: a target is a new object each render; its identity is what identifies it
  return useMemo(() => store.history.list({...('all' in target ? {} : target), limit: 'all' in target ? 500 : 200}), [store, identity(target), revision]);
}
