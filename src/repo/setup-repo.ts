import type {Database, Statement} from 'better-sqlite3';
import {preparedOnUse} from './prepared-on-use.js';
import {storedText} from './stored-value.js';
import type {WriteContext} from './write-context.js';

/** The setup's answers kept between runs: never a secret. */
export type SetupAnswers = {
  readonly address?: string;
  readonly port?: string;
  readonly auth?: 'none' | 'password' | 'token';
  /** The step reached, to resume there. */
  readonly step?: string;
};

export type SetupState = {readonly finished: boolean; readonly answers: SetupAnswers};

const authChoices = new Set(['none', 'password', 'token']);
const shortText = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 300 ? v : undefined);

/** Another program may have written anything there: only short strings of the known fields are taken. */
function parseAnswers(text: string | null): SetupAnswers {
  if (!text) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const auth = shortText(r.auth);
  return {
    address: shortText(r.address),
    port: shortText(r.port),
    auth: auth && authChoices.has(auth) ? (auth as SetupAnswers['auth']) : undefined,
    step: shortText(r.step),
  };
}

/** The answers as stored: known fields only, in one order, so equal answers are equal text. */
const asJson = (a: SetupAnswers): string => JSON.stringify({address: a.address, port: a.port, auth: a.auth, step: a.step});

/**
 * Whether the first-run setup finished (`sanctum_setup`, migration 013), and
 * the answers of one cut short. A file from before that migration, or with
 * the row removed, reads as set up: nobody is asked twice.
 */
export class SetupRepo {
  readonly #writes: WriteContext;
  readonly #read: () => Statement<[], {finished: unknown; answers: unknown}>;
  readonly #remember: () => Statement<[string]>;
  readonly #finish: () => Statement<[]>;

  constructor(db: Database, writes: WriteContext) {
    this.#writes = writes;
    // Prepared once, on first use (the start reads it for the header and the first frame); a file without the table throws here.
    this.#read = preparedOnUse(db, `SELECT finished, answers FROM sanctum_setup WHERE id = 1`);
    this.#remember = preparedOnUse(db, `UPDATE sanctum_setup SET answers = ?, changed_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = 1 AND finished = 0`);
    this.#finish = preparedOnUse(
      db,
      `UPDATE sanctum_setup SET finished = 1, answers = NULL, changed_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = 1 AND finished IS NOT 1`,
    );
  }

  state(): SetupState {
    let row: {finished: unknown; answers: unknown} | undefined;
    try {
      row = this.#read().get() as typeof row;
    } catch {
      // No table: a file from before migration 013 (read without upgrading it).
      return {finished: true, answers: {}};
    }
    if (!row) return {finished: true, answers: {}};
    return {finished: row.finished !== 0 && row.finished !== 0n, answers: parseAnswers(storedText(row.answers))};
  }

  /** Keep the answers of a setup under way (no write when they are the same, or setup is finished). */
  remember(answers: SetupAnswers): void {
    const state = this.state();
    const text = asJson(answers);
    if (state.finished || asJson(state.answers) === text) return;
    this.#writes.run(() => this.#remember().run(text));
  }

  /** The setup is done: not offered again, its kept answers forgotten. */
  finish(): void {
    if (this.state().finished) return;
    this.#writes.run(() => this.#finish().run());
  }
}
