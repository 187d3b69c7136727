import {type Binding, isChar} from '../keys.js';

export type SettingsKeyAction = 'edit' | 'reveal' | 'copy' | 'filter' | 'add' | 'delete';

/** Keys of a settings tab while browsing; the same table feeds the footer and help. */
export const settingsBindings: readonly Binding<SettingsKeyAction>[] = [
  {action: 'edit', keys: 'Enter', help: 'edit the value (a boolean toggles)', match: (_i, key) => key.return, footer: true, edits: true},
  {action: 'reveal', keys: 'r', help: 'reveal / hide a secret', match: isChar('r'), footer: true},
  {action: 'copy', keys: 'y', help: 'copy the value (OSC 52)', match: isChar('y'), footer: true},
  {action: 'filter', keys: '/', help: 'filter by key or description', match: isChar('/'), footer: true},
  {action: 'add', keys: 'a', help: 'add a setting to this tab', match: isChar('a'), footer: true, edits: true},
  {action: 'delete', keys: 'd', help: 'delete the setting (asks first)', match: isChar('d'), footer: true, edits: true},
];
