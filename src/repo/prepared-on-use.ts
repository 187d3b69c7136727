import type {Database, Statement} from 'better-sqlite3';

/**
 * A statement prepared on its first use. Preparing a write compiles every
 * trigger it fires (history, the panel's sync); a command that only reads
 * should not pay for that: it was half of `get`'s time after Node's own.
 * With `raw`, its rows come as arrays.
 */
// biome-ignore lint/suspicious/noExplicitAny: a statement of any parameters and row; S says which
export function preparedOnUse<S extends Statement<any[], any>>(db: Database, sql: string, {raw = false} = {}): () => S {
  let statement: S | undefined;
  return () => (statement ??= (raw ? db.prepare(sql).raw(true) : db.prepare(sql)) as unknown as S);
}
