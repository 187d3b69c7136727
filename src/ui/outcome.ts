import {ConflictError} from '../errors.js';
import {asConfigError} from '../repo/index.js';

/** What a UI action tells the status line. */
export type Outcome = {
  readonly ok: boolean;
  readonly message: string;
  /** Set when a compare-and-set write found the row changed: what it holds now (masked when secret). */
  readonly conflict?: string;
  /** The row a write added, to select it. */
  readonly added?: number | string;
};

/**
 * Run a repository call from a key handler: its result message on success,
 * the error's one line on failure. The UI never crashes on a bad value.
 */
export function attempt(work: () => string, databasePath = 'database'): Outcome {
  try {
    return {ok: true, message: work()};
  } catch (error) {
    if (error instanceof ConflictError) return {ok: false, message: error.message, conflict: error.current};
    const known = asConfigError(error, databasePath);
    return {ok: false, message: known ? known.message : `unexpected error: ${(error as Error).message}`};
  }
}
