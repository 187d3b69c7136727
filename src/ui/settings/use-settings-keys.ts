import type {Dispatch} from 'react';
import type {Setting} from '../../repo/index.js';
import type {KeyTable} from '../bindings/binding.js';
import {useKeyTable} from '../bindings/use-key-table.js';
import {keyEnvOf, type PanelContext, report} from '../shell/panel-context.js';
import type {ShellControls} from '../shell/shell-keys.js';
import {deleteSetting} from './settings-actions.js';
import {
  type SettingsKeyContext, settingsAddChoiceKeys, settingsAddTextKeys, settingsBrowseKeys, settingsConfirmKeys,
  settingsEditKeys, settingsFilterKeys,
} from './settings-keys.js';
import {isChoiceStep, type SettingsAction, type SettingsState} from './settings-state.js';

/** The table of the mode a settings tab is in. */
export function settingsKeysFor(state: SettingsState): KeyTable<SettingsKeyContext> {
  switch (state.mode.kind) {
    case 'browse':
      return settingsBrowseKeys;
    case 'filter':
      return settingsFilterKeys;
    case 'edit':
      return settingsEditKeys;
    case 'confirm-delete':
      return settingsConfirmKeys;
    case 'add':
      return isChoiceStep(state.mode.draft.step) ? settingsAddChoiceKeys : settingsAddTextKeys;
  }
}

type Props = {
  readonly panel: PanelContext;
  readonly shell: ShellControls;
  readonly state: SettingsState;
  readonly dispatch: Dispatch<SettingsAction>;
  /** The rows on screen, after the filter. */
  readonly rows: readonly Setting[];
  readonly current: Setting | undefined;
  readonly page: number;
  readonly category: string;
  readonly isActive: boolean;
};

/** Keys to actions for a settings tab, by its mode's table; returns that table for the footer. */
export function useSettingsKeys({panel, shell, state, dispatch, rows, current, page, category, isActive}: Props) {
  const table = settingsKeysFor(state);
  const ctx: SettingsKeyContext = {
    panel, shell, state, dispatch, current, category,
    move: (move) => dispatch({type: 'move', move, count: rows.length, page}),
    answer: (yes) => {
      if (state.mode.kind !== 'confirm-delete') return;
      if (yes) report(panel, deleteSetting(panel.store, state.mode.key));
      else panel.setStatus({tone: 'info', text: 'kept it'});
      dispatch({type: 'browse'});
    },
  };
  useKeyTable(table, ctx, keyEnvOf(panel), isActive);
  return {table, ctx};
}
