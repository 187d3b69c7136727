import type {Database, Statement} from 'better-sqlite3';

/** Who a change is recorded as made by, in `config_history.source`. */
export type ChangeSource = 'app' | 'cli' | 'import';

/**
 * Every write of ours goes through here: one IMMEDIATE transaction (the write
 * lock first, so reading then writing cannot fail as busy), which marks
 * itself in `sanctum_write_source` for the history triggers and removes the
 * mark before it commits, so writers that are not us are recorded as `other`.
 * Nested writes join the outer one (a savepoint).
 */
export class WriteContext {
  readonly #db: Database;
  readonly #mark: Statement<[string]>;
  readonly #unmark: Statement<[]>;
  #depth = 0;
  #source: ChangeSource;

  constructor(db: Database, source: ChangeSource) {
    this.#db = db;
    this.#source = source;
    this.#mark = db.prepare(`INSERT OR REPLACE INTO sanctum_write_source (id, source) VALUES (1, ?)`);
    this.#unmark = db.prepare(`DELETE FROM sanctum_write_source WHERE id = 1`);
  }

  run<T>(work: () => T): T {
    return this.#db
      .transaction(() => {
        if (this.#depth++ === 0) this.#mark.run(this.#source);
        try {
          return work();
        } finally {
          if (--this.#depth === 0) this.#unmark.run();
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
        this.#mark.run(source);
        try {
          return work();
        } finally {
          this.#mark.run(previous);
        }
      });
    } finally {
      this.#source = previous;
    }
  }
}
