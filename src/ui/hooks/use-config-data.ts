import {useCallback, useMemo, useState} from 'react';
import type {ConfigStore} from '../../repo/index.js';
import {useExternalChanges} from './use-external-changes.js';

/**
 * Settings and servers as the repository has them: read once per change,
 * outside the views, again after our writes (`refresh`) and whenever
 * another program commits to the file.
 */
export function useConfigData(store: ConfigStore) {
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  useExternalChanges(store, refresh);
  const settings = useMemo(() => store.settings.list(), [store, revision]);
  const servers = useMemo(() => store.servers.list(), [store, revision]);
  return {settings, servers, refresh};
}
