import {useKeys} from '../hooks/use-keys.js';
import type {Dispatch} from 'react';
import type {Setting} from '../../repo/index.js';
import {whyNotEditable} from '../edit-limits.js';
import {findBinding, moveBindings} from '../keys.js';
import {answerDelete, type PanelEnv, readOnlyStatus, statusOf} from '../shell/panel-env.js';
import {deleteSetting, toggleBoolean} from './settings-commands.js';
import {settingsBindings} from './settings-keymap.js';
import type {SettingsAction, SettingsState} from './settings-state.js';

type Props = {
  readonly env: PanelEnv;
  readonly state: SettingsState;
  readonly dispatch: Dispatch<SettingsAction>;
  /** The rows on screen, after the filter. */
  readonly rows: readonly Setting[];
  readonly page: number;
  readonly isActive: boolean;
};

/** Keys to actions for a settings tab. Text entry itself belongs to the text inputs. */
export function useSettingsInput({env, state, dispatch, rows, page, isActive}: Props): void {
  const selected = rows[state.selected];
  const {mode} = state;

  useKeys(
    (input, key) => {
      if (mode.kind === 'confirm-delete') {
        if (answerDelete(env, input, key, () => deleteSetting(env.store, mode.key))) dispatch({type: 'browse'});
        return;
      }
      if (key.escape) {
        if (mode.kind === 'filter' || (mode.kind === 'browse' && state.filter)) dispatch({type: 'clearFilter'});
        else if (mode.kind !== 'browse') {
          env.setStatus({tone: 'info', text: 'cancelled; nothing saved'});
          dispatch({type: 'browse'});
        }
        return;
      }
      const move = findBinding(moveBindings, input, key);
      if (mode.kind === 'filter' && move && (key.upArrow || key.downArrow || key.pageUp || key.pageDown)) {
        dispatch({type: 'move', move: move.action, count: rows.length, page});
        return;
      }
      if (mode.kind !== 'browse') return;
      if (move) {
        dispatch({type: 'move', move: move.action, count: rows.length, page});
        return;
      }
      const binding = findBinding(settingsBindings, input, key);
      if (!binding) return;
      if (binding.edits && env.readOnly) return env.setStatus(readOnlyStatus);
      if (binding.action === 'filter') return dispatch({type: 'startFilter'});
      if (binding.action === 'add') return dispatch({type: 'startAdd'});
      if (!selected) return env.setStatus({tone: 'info', text: 'no setting here'});
      switch (binding.action) {
        case 'edit':
          if (selected.type === 'boolean') {
            env.setStatus(statusOf(toggleBoolean(env.store, selected)));
            env.refresh();
            return;
          }
          {
            // A hidden secret is replaced, not shown: its editor starts empty.
            const hidden = selected.sensitive && state.revealed !== selected.key;
            const why = hidden ? undefined : whyNotEditable(selected.value);
            if (why) {
              return env.setStatus({tone: 'error', text: `${selected.key} ${why}; change it with sanctum-config set ${selected.key} --stdin`});
            }
            dispatch({type: 'startEdit', key: selected.key, draft: hidden ? '' : (selected.value ?? ''), secret: hidden});
          }
          return;
        case 'reveal':
          if (!selected.sensitive) return env.setStatus({tone: 'info', text: `${selected.key} is not secret`});
          return dispatch({type: 'toggleReveal', key: selected.key});
        case 'copy':
          if (!selected.value) return env.setStatus({tone: 'info', text: `${selected.key} is empty; nothing to copy`});
          env.copy(selected.value);
          return env.setStatus({tone: 'info', text: `copied ${selected.key} to the clipboard`});
        case 'delete':
          return dispatch({type: 'askDelete', key: selected.key});
      }
    },
    {isActive},
  );
}
