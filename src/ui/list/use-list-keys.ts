import {useKeyTable} from '../bindings/use-key-table.js';
import {keyEnvOf} from '../shell/panel-context.js';
import type {ListState} from './list-cursor.js';
import {type ListKeyContext, type ListKeyProps, listKeyContext} from './list-key-context.js';

export type {ListKeyContext} from './list-key-context.js';

/** A list panel's keys, by its mode's table. Returns the context, for the footer. */
export function useListKeys<Id, State extends ListState<Id, {readonly kind: string}>, Action, Row, Extra>(
  props: ListKeyProps<Id, State, Action, Row, Extra>,
): ListKeyContext<Id, State, Action, Row> & Extra {
  const ctx = listKeyContext(props);
  useKeyTable(props.table, ctx, keyEnvOf(props.panel), props.isActive);
  return ctx;
}
