import type {Dispatch} from 'react';
import type {Server} from '../../repo/index.js';
import type {KeyTable} from '../bindings/binding.js';
import {useKeyTable} from '../bindings/use-key-table.js';
import {keyEnvOf, type PanelContext, report} from '../shell/panel-context.js';
import type {ShellControls} from '../shell/shell-keys.js';
import {deleteServer} from './servers-actions.js';
import {type ServersKeyContext, serversBrowseKeys, serversConfirmKeys, serverFormKeys} from './servers-keys.js';
import type {ServersAction, ServersState} from './servers-state.js';
import type {ConnectionTests} from './use-connection-test.js';

export function serversKeysFor(state: ServersState): KeyTable<ServersKeyContext> {
  switch (state.mode.kind) {
    case 'browse':
      return serversBrowseKeys;
    case 'form':
      return serverFormKeys;
    case 'confirm-delete':
      return serversConfirmKeys;
  }
}

type Props = {
  readonly panel: PanelContext;
  readonly shell: ShellControls;
  readonly state: ServersState;
  readonly dispatch: Dispatch<ServersAction>;
  readonly rows: readonly Server[];
  readonly current: Server | undefined;
  readonly page: number;
  readonly tests: ConnectionTests;
  readonly formProblem?: string;
  readonly isActive: boolean;
};

/** Keys to actions for the Servers tab, by its mode's table; returns that table for the footer. */
export function useServersKeys({panel, shell, state, dispatch, rows, current, page, tests, formProblem, isActive}: Props) {
  const table = serversKeysFor(state);
  const ctx: ServersKeyContext = {
    panel, shell, state, dispatch, current, tests, formProblem,
    move: (move) => dispatch({type: 'move', move, count: rows.length, page}),
    answer: (yes) => {
      if (state.mode.kind !== 'confirm-delete') return;
      if (yes) report(panel, deleteServer(panel.store, state.mode.id));
      else panel.setStatus({tone: 'info', text: 'kept it'});
      dispatch({type: 'browse'});
    },
  };
  useKeyTable(table, ctx, keyEnvOf(panel), isActive);
  return {table, ctx};
}
