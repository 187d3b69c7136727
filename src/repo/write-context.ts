import type {Database, Statement} from 'better-sqlite3';
import {osActor} from './os-actor.js';
import {preparedOnUse} from './prepared-on-use.js';

/** Which program a change is recorded as made by, in `config_history.source` (the person is in `actor`). */
export type ChangeSource = 'app' | 'cli' | 'import';

/**
 * Every write of ours goes through here: one IMMEDIATE transaction (the write
 * lock first, so reading then writing cannot fail as busy), which marks
 * itself in `sanctum_write_source` for the history triggers and removes the
 * mark before it commits, so writers that are not us are recorded as `other`.
 * Nested writes join the outer one: an error in one ends the whole
 * transaction (it is rolled back when the error leaves the outermost write).
 */
export class WriteContext {
  readonly #db: Database;
  readonly #mark: () => Statement<[string, string]>;
  readonly #unmark: () => Statement<[]>;
  #depth = 0;
  #source: ChangeSource;

  constructor(db: Database, source: ChangeSource) {
    this.#db = db;
    this.#source = source;
    this.#mark = preparedOnUse(db, `INSERT OR REPLACE INTO sanctum_write_source (id, source, actor) VALUES (1, ?, ?)`);
    this.#unmark = preparedOnUse(db, `DELETE FROM sanctum_write_source WHERE id = 1`);
  }

  run<T>(work: () => T): T {
    // Inside our own write already: no savepoint per row of a ten-thousand-row import.
    if (this.#depth > 0) return work();
    return this.#db
      .transaction(() => {
        this.#depth++;
        this.#mark().run(this.#source, osActor());
        try {
          return work();
        } finally {
          this.#depth--;
          this.#unmark().run();
        }
      })
      .immediate();
  }

  /** Run `work` recorded as `source` (an import inside a command). */
  as<T>(source: ChangeSource, work: () => T): T {
    const previous = this.#source;
    this.#source = source;
    try {
      return this.run(() => {
        this.#mark().run(source, osActor());
        try {
          return work();
        } finally {
          this.#mark().run(previous, osActor());
        }
      });
    } finally {
      this.#source = previous;
    }
  }
}
