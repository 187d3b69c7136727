import {useCallback, useRef, useState} from 'react';
import {describeChange, describeTarget, type ConfigStore, printable} from '../../repo/index.js';
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
  readonly write: (action: () => Outcome, then?: (outcome: Outcome) => void, options?: WriteOptions) => void;
  /** Undo this session's last change (all it changed), and say what was undone. */
  readonly undoLast: () => void;
  /** Redo the last undo. */
  readonly redoLast: () => void;
  /** A question the operator answers before an undo or redo goes on (the row changed since). */
  readonly question?: WriterQuestion;
};

export type WriterQuestion = {readonly text: string; readonly answer: (yes: boolean) => void};

/** `asked`: the operator said yes to this write already (the profile picker's question), so a guarded profile does not ask again. */
export type WriteOptions = {readonly asked?: boolean};

/**
 * `guarded` says the active profile's name when it is guarded (the
 * guarded_profiles setting): every write then asks y/n first.
 */
export function useWriter(store: ConfigStore, setStatus: (status: Status) => void, refresh: () => void, guarded: () => string | undefined): Writer {
  // This session's changes, newest last: the history ids each write added; and the undos that redo would undo.
  const session = useRef<number[][]>([]);
  const redoable = useRef<number[][]>([]);
  const [question, setQuestion] = useState<WriterQuestion | undefined>(undefined);

  const run = useCallback(
    (action: () => Outcome, then: ((outcome: Outcome, added: number[]) => void) | undefined, kind: 'undoable' | 'reversal') => {
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
        if (outcome.ok && kind === 'undoable' && added.length) session.current.push(added);
        setStatus({tone: outcome.ok ? 'info' : 'error', text: outcome.message});
        if (outcome.ok) refresh();
        then?.(outcome, added);
      };
      once();
    },
    [store, setStatus, refresh],
  );

  /** Under a guarded profile, nothing is written before a y: the question says which profile. */
  const askIfGuarded = useCallback(
    (what: string, go: () => void, options: WriteOptions = {}) => {
      const guardedName = options.asked ? undefined : guarded();
      if (guardedName === undefined) return go();
      const profile = printable(guardedName);
      setQuestion({
        text: `${profile} is a guarded profile: ${what}?`,
        answer: (yes) => {
          setQuestion(undefined);
          if (yes) go();
          else setStatus({tone: 'info', text: `nothing written (${profile} is guarded)`});
        },
      });
    },
    [guarded, setStatus],
  );

  const write = useCallback(
    (action: () => Outcome, then?: (o: Outcome) => void, options?: WriteOptions) =>
      askIfGuarded(
        'write this change',
        () =>
          run(
            action,
            (outcome) => {
              // A new change ends what could be redone, as in any editor.
              if (outcome.ok) redoable.current = [];
              then?.(outcome);
            },
            'undoable',
          ),
        options,
      ),
    [run, askIfGuarded],
  );

  /**
   * Undo (or redo: the undo undone) one group of changes, as new changes.
   * When a row changed since, the operator is asked whether to go ahead anyway.
   */
  const reverse = useCallback(
    (direction: 'undo' | 'redo') => {
      const from = direction === 'undo' ? session : redoable;
      const to = direction === 'undo' ? redoable : session;
      const last = from.current.at(-1);
      if (!last) {
        return setStatus({tone: 'info', text: direction === 'undo' ? 'nothing to undo: no change made in this session' : 'nothing to redo'});
      }
      const once = (force: boolean) =>
        run(
          () =>
            attempt(() => {
              const undone = store.history.undoTogether(last, {force});
              return `${direction === 'undo' ? 'undid' : 'redid'} ${undone.map((entry) => describeChange(entry, {undoing: true})).join(', ')}`;
            }, store.path),
          (outcome, added) => {
            if (outcome.ok) {
              from.current.pop();
              if (added.length) to.current.push(added);
              return;
            }
            if (outcome.conflict === undefined) return;
            // Changed since: say what, and let the operator choose (the CLI's --force, as a question).
            const what = [...new Set(last.map((id) => describeTarget(store.history.require(id))))].join(', ');
            setStatus({tone: 'info', text: ''});
            setQuestion({
              text: `${what}: ${outcome.conflict}. ${direction === 'undo' ? 'Undo' : 'Redo'} anyway?`,
              answer: (yes) => {
                setQuestion(undefined);
                if (yes) once(true);
                else setStatus({tone: 'info', text: `kept ${what} as it is; nothing ${direction === 'undo' ? 'undone' : 'redone'}`});
              },
            });
          },
          'reversal',
        );
      askIfGuarded(direction, () => once(false));
    },
    [run, store, setStatus, askIfGuarded],
  );
  const undoLast = useCallback(() => reverse('undo'), [reverse]);
  const redoLast = useCallback(() => reverse('redo'), [reverse]);

  return {write, undoLast, redoLast, question};
}
