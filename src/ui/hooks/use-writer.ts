import {useCallback, useRef} from 'react';
import {describeTarget, type ConfigStore} from '../../repo/index.js';
import {attempt, type Outcome} from '../outcome.js';
import type {Status} from '../shell/panel-context.js';
import {holdInput} from '../input-kind.js';

const retryMs = 100;
const patienceMs = 5000;

const isBusy = (error: unknown) => String((error as {code?: unknown}).code ?? '').startsWith('SQLITE_BUSY');

export type Writer = {
  /**
   * Run a write in one transaction. While another program holds the write
   * lock the screen stays alive ("waiting for another writer...") and the
   * write is tried again, for up to 5 s. `then` gets the outcome.
   */
  readonly write: (action: () => Outcome, then?: (outcome: Outcome) => void) => void;
  /** Undo this session's last change (all it changed), and say what was undone. */
  readonly undoLast: () => void;
};

export function useWriter(store: ConfigStore, setStatus: (status: Status) => void, refresh: () => void): Writer {
  // This session's changes, newest last: the history ids each write added.
  const session = useRef<number[][]>([]);

  const run = useCallback(
    (action: () => Outcome, then: ((outcome: Outcome) => void) | undefined, remember: boolean) => {
      const deadline = Date.now() + patienceMs;
      const once = () => {
        let added: number[] = [];
        let outcome: Outcome;
        try {
          outcome = store.writeTransaction(() => {
            const before = store.history.latestId() ?? 0;
            const result = action();
            added = store.history
              .list({limit: 200})
              .filter((e) => e.id > before)
              .map((e) => e.id)
              .reverse();
            return result;
          });
        } catch (error) {
          if (isBusy(error) && Date.now() < deadline) {
            // Keys typed meanwhile wait too: they act, in order, on the screen after this write.
            holdInput(true);
            setStatus({tone: 'busy', text: 'waiting for another writer... (keys typed now wait too)'});
            setTimeout(once, retryMs);
            return;
          }
          outcome = isBusy(error)
            ? {ok: false, message: `another program held ${store.path} for ${patienceMs / 1000} s; nothing saved, try again`}
            : attempt(() => {
                throw error;
              }, store.path);
        }
        holdInput(false);
        if (outcome.ok && remember && added.length) session.current.push(added);
        setStatus({tone: outcome.ok ? 'info' : 'error', text: outcome.message});
        if (outcome.ok) refresh();
        then?.(outcome);
      };
      once();
    },
    [store, setStatus, refresh],
  );

  const write = useCallback((action: () => Outcome, then?: (o: Outcome) => void) => run(action, then, true), [run]);

  const undoLast = useCallback(() => {
    const last = session.current.at(-1);
    if (!last) return setStatus({tone: 'info', text: 'nothing to undo: no change made in this session'});
    run(
      () =>
        attempt(() => {
          const undone = [...last].reverse().map((id) => store.history.undo(id));
          const what = [...new Set(undone.map(describeTarget))].join(', ');
          return `undid: ${what}`;
        }, store.path),
      (outcome) => {
        if (outcome.ok) session.current.pop();
      },
      false,
    );
  }, [run, store, setStatus]);

  return {write, undoLast};
}
