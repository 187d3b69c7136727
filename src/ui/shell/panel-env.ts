import type {Key} from 'ink';
import type {ConfigStore} from '../../repo/index.js';
import {confirmAnswer} from '../keys.js';
import type {Outcome} from '../outcome.js';

export type StatusTone = 'info' | 'error' | 'busy';
export type Status = {readonly tone: StatusTone; readonly text: string};

/** What every panel gets from the shell: the repository and the ways to report back. */
export type PanelEnv = {
  readonly store: ConfigStore;
  readonly readOnly: boolean;
  readonly setStatus: (status: Status) => void;
  /** Reload settings and servers from the repository after a write. */
  readonly refresh: () => void;
  /** Put text on the clipboard (OSC 52). */
  readonly copy: (text: string) => void;
};

export const readOnlyStatus: Status = {tone: 'error', text: 'read-only: editing is off (started with --read-only or the file is read-only)'};

/** The status for an action's outcome. */
export const statusOf = (outcome: {ok: boolean; message: string}): Status => ({
  tone: outcome.ok ? 'info' : 'error',
  text: outcome.message,
});

/**
 * Answer a "Delete ...? y / n" question: y runs `remove` and reloads, n or Esc
 * keeps. Returns false while the key is no answer, so the question stays.
 */
export function answerDelete(env: PanelEnv, input: string, key: Key, remove: () => Outcome): boolean {
  const yes = confirmAnswer(input, key);
  if (yes === undefined) return false;
  env.setStatus(yes ? statusOf(remove()) : {tone: 'info', text: 'kept it'});
  if (yes) env.refresh();
  return true;
}
