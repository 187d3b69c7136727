import {useCallback, useRef, useState} from 'react';
import {diffState, snapshotState, type Change, type StateSnapshot} from '../../repo/changes.js';
import {printable, type ConfigStore} from '../../repo/index.js';
import {useExternalChanges} from './use-external-changes.js';

/** One line about what another program changed: values shown only when not secret. */
export function describeExternalChanges(changes: readonly Change[]): string {
  const name = (c: Change) => (c.setting !== undefined ? printable(c.setting) : `server ${c.server_id}`);
  if (changes.length === 1) {
    const c = changes[0]!;
    if (c.action !== 'updated') return `${name(c)} ${c.action === 'added' ? 'added' : 'removed'} by another program`;
    if (c.from !== undefined) return `${name(c)} changed by another program: ${printable(c.from ?? '')} -> ${printable(c.to ?? '')}`;
    return `${name(c)} changed by another program${c.setting === undefined ? ` (${c.fields.join(', ')})` : ''}`;
  }
  const names = changes.map(name);
  const shown = names.slice(0, 4).join(', ');
  return `${changes.length} changes by another program: ${shown}${names.length > 4 ? ', ...' : ''}`;
}

/**
 * Settings and servers as the repository has them: read outside the views,
 * again after our writes (`refresh`), and whenever another program commits
 * to the file, when `onExternal` hears what that program changed.
 */
export function useConfigData(store: ConfigStore, onExternal: (changes: readonly Change[]) => void, initial?: StateSnapshot) {
  const [data, setData] = useState<StateSnapshot>(() => initial ?? snapshotState(store));
  const latest = useRef(data);
  const load = useCallback(() => {
    const next = snapshotState(store);
    const changes = diffState(latest.current, next);
    latest.current = next;
    setData(next);
    return changes;
  }, [store]);
  const refresh = useCallback(() => void load(), [load]);
  const external = useCallback(() => {
    const changes = load();
    if (changes.length) onExternal(changes);
  }, [load, onExternal]);
  useExternalChanges(store, external);
  return {settings: data.settings, servers: data.servers, refresh};
}
