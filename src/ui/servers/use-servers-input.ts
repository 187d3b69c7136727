import {useKeys} from '../hooks/use-keys.js';
import type {Dispatch} from 'react';
import type {Server} from '../../repo/index.js';
import {serverBaseUrl} from '../../repo/index.js';
import {whyNotEditable} from '../edit-limits.js';
import {findBinding, moveBindings} from '../keys.js';
import {answerDelete, type PanelEnv, readOnlyStatus, statusOf} from '../shell/panel-env.js';
import {activateServer, deleteServer, formFor} from './servers-commands.js';
import {serversBindings} from './servers-keymap.js';
import type {ServersAction, ServersState} from './servers-state.js';

type Props = {
  readonly env: PanelEnv;
  readonly state: ServersState;
  readonly dispatch: Dispatch<ServersAction>;
  readonly rows: readonly Server[];
  readonly page: number;
  readonly isActive: boolean;
  readonly startTest: (server: Server) => void;
  readonly cancelTest: () => void;
};

/** Keys to actions for the Servers tab; text entry belongs to the form's inputs. */
export function useServersInput({env, state, dispatch, rows, page, isActive, startTest, cancelTest}: Props): void {
  const selected = rows[state.selected];
  const {mode} = state;

  useKeys(
    (input, key) => {
      if (mode.kind === 'confirm-delete') {
        if (answerDelete(env, input, key, () => deleteServer(env.store, mode.id))) dispatch({type: 'browse'});
        return;
      }
      if (mode.kind === 'form') {
        if (key.escape) {
          env.setStatus({tone: 'info', text: 'discarded; nothing saved'});
          dispatch({type: 'browse'});
        } else if (key.tab || key.upArrow || key.downArrow) {
          dispatch({type: 'focusField', delta: key.upArrow || (key.tab && key.shift) ? -1 : 1});
        }
        return;
      }
      if (key.escape) {
        if (state.testing !== undefined) cancelTest();
        return;
      }
      const move = findBinding(moveBindings, input, key);
      if (move) return dispatch({type: 'move', move: move.action, count: rows.length, page});
      const binding = findBinding(serversBindings, input, key);
      if (!binding) return;
      if (binding.edits && env.readOnly) return env.setStatus(readOnlyStatus);
      if (binding.action === 'add') return dispatch({type: 'openForm', form: formFor(undefined, true)});
      if (!selected) return env.setStatus({tone: 'info', text: 'no server here (n adds one)'});
      switch (binding.action) {
        case 'edit': {
          const why = whyNotEditable(selected.name) ?? whyNotEditable(selected.address);
          if (why) {
            return env.setStatus({tone: 'error', text: `server ${selected.id}'s name or address ${why}; change it with sanctum-config server set ${selected.id}`});
          }
          return dispatch({type: 'openForm', form: formFor(selected, state.revealed === selected.id)});
        }
        case 'activate':
          env.setStatus(statusOf(activateServer(env.store, selected.id)));
          return env.refresh();
        case 'delete':
          return dispatch({type: 'askDelete', id: selected.id});
        case 'reveal':
          return dispatch({type: 'toggleReveal', id: selected.id});
        case 'copy':
          if (selected.problem) return env.setStatus({tone: 'error', text: `server ${selected.id} has no URL: ${selected.problem}`});
          env.copy(serverBaseUrl(selected));
          return env.setStatus({tone: 'info', text: `copied ${serverBaseUrl(selected)} to the clipboard`});
        case 'test':
          if (state.testing !== undefined) return env.setStatus({tone: 'info', text: 'a test is running (Esc cancels it)'});
          return startTest(selected);
      }
    },
    {isActive},
  );
}
