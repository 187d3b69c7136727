import {useKeys} from '../hooks/use-keys.js';
import {type KeyEnv, type KeyTable, pressKey} from './binding.js';

/** The focused mode's keys: every press goes through its table, and only while `isActive`. */
export function useKeyTable<Ctx>(table: KeyTable<Ctx>, ctx: Ctx, env: KeyEnv, isActive: boolean): void {
  useKeys((input, key) => void pressKey(table, ctx, env, input, key), {isActive});
}
