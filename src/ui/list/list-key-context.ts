import type {Dispatch} from 'react';
import type {KeyTable} from '../bindings/binding.js';
import type {Outcome} from '../outcome.js';
import type {PanelContext} from '../shell/panel-context.js';
import type {InShell, ShellControls} from '../shell/shell-keys.js';
import type {ListAction, ListState} from './list-cursor.js';
import type {Filterable, MovableList, Question} from './list-keys.js';

/** What every list panel's keys act on; a panel adds its own fields. */
export type ListKeyContext<Id, State extends ListState<Id, {readonly kind: string}>, Action, Row> = InShell &
  MovableList &
  Question &
  Filterable & {
    readonly panel: PanelContext;
    readonly state: State;
    readonly dispatch: Dispatch<Action>;
    /** The selected row, if any. */
    readonly current: Row | undefined;
  };

export type ListKeyProps<Id, State extends ListState<Id, {readonly kind: string}>, Action, Row, Extra> = {
  readonly table: KeyTable<ListKeyContext<Id, State, Action, Row> & Extra>;
  readonly extra: Extra;
  readonly panel: PanelContext;
  readonly shell: ShellControls;
  readonly state: State;
  /** The panel's dispatch; its actions include the list kit's (ListAction). */
  readonly dispatch: Dispatch<Action>;
  readonly rows: readonly Row[];
  readonly idOf: (row: Row) => Id;
  readonly current: Row | undefined;
  readonly page: number;
  /** Delete the row a y/n question is about. */
  readonly remove: (id: Id) => Outcome;
  readonly isActive: boolean;
};

/**
 * The context a list's key table acts on (and its footer reads): moving and
 * the y/n answer work the same in every list. Pure, so the first frame,
 * painted before React loads, shows the footer the panel will.
 */
export function listKeyContext<Id, State extends ListState<Id, {readonly kind: string}>, Action, Row, Extra>(
  props: ListKeyProps<Id, State, Action, Row, Extra>,
): ListKeyContext<Id, State, Action, Row> & Extra {
  const {panel, state, dispatch, rows, page} = props;
  const listDispatch = dispatch as unknown as Dispatch<ListAction<Id>>;
  return {
    ...props.extra,
    panel,
    shell: props.shell,
    state,
    dispatch,
    current: props.current,
    move: (move) =>
      listDispatch({type: 'move', move, ids: {count: rows.length, idAt: (index) => (index < rows.length ? props.idOf(rows[index]!) : undefined)}, page}),
    filtering: {
      active: state.filter !== '',
      start: () => listDispatch({type: 'startFilter'}),
      accept: () => listDispatch({type: 'acceptFilter'}),
      clear: () => listDispatch({type: 'clearFilter'}),
    },
    answer: (yes) => {
      if (state.mode.kind !== 'confirm-delete') return;
      const {id} = state.mode as {id: Id};
      if (yes) panel.write(() => props.remove(id));
      else panel.setStatus({tone: 'info', text: 'kept it'});
      listDispatch({type: 'browse'});
    },
  } as ListKeyContext<Id, State, Action, Row> & Extra;
}
