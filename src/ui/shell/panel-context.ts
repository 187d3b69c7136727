import type {ConfigStore} from '../../repo/index.js';
import type {KeyEnv} from '../bindings/binding.js';
import type {Outcome} from '../outcome.js';
import type {WriteOptions} from '../hooks/use-writer.js';

export type StatusTone = 'info' | 'error' | 'busy';
export type Status = {readonly tone: StatusTone; readonly text: string};

/** What every panel gets from the shell: the repository and the ways to report back. */
export type PanelContext = {
  readonly store: ConfigStore;
  readonly readOnly: boolean;
  readonly setStatus: (status: Status) => void;
  /** Reload settings and servers from the repository after a write. */
  readonly refresh: () => void;
  /** Put text on the clipboard (OSC 52). */
  readonly copy: (text: string) => void;
  /** Run a write: one transaction, waiting out another writer, remembered for undo; `then` gets the outcome. */
  readonly write: (action: () => Outcome, then?: (outcome: Outcome) => void, options?: WriteOptions) => void;
  /** The active profile and the settings it holds (an edit of one stays with it); undefined for the base. */
  readonly profile?: {readonly name: string; readonly keys: ReadonlySet<string>};
};

/** What a key table's handler needs from the panel: read-only, and a place to say why a key is off. */
export const keyEnvOf = (panel: PanelContext): KeyEnv => ({
  readOnly: panel.readOnly,
  // A key that did nothing is worth the error mark: the operator expected it to act.
  say: (text) => panel.setStatus({tone: 'error', text}),
});
