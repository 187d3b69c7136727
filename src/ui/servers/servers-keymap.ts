import {type Binding, isChar} from '../keys.js';

export type ServersKeyAction = 'edit' | 'add' | 'activate' | 'delete' | 'reveal' | 'test' | 'copy';

/** Keys of the Servers tab while browsing; the same table feeds the footer and help. */
export const serversBindings: readonly Binding<ServersKeyAction>[] = [
  {action: 'edit', keys: 'Enter', help: 'edit the server', match: (_i, key) => key.return, footer: true, edits: true},
  {action: 'add', keys: 'n', help: 'new server', match: isChar('n'), footer: true, edits: true},
  {action: 'activate', keys: 'Space', help: 'make it the active server', match: isChar(' '), footer: true, edits: true},
  {action: 'test', keys: 't', help: 'test the connection (Esc cancels)', match: isChar('t'), footer: true},
  {action: 'reveal', keys: 'r', help: 'reveal / hide its password and token', match: isChar('r'), footer: true},
  {action: 'copy', keys: 'y', help: 'copy its URL (OSC 52)', match: isChar('y')},
  {action: 'delete', keys: 'd', help: 'delete the server (asks first)', match: isChar('d'), footer: true, edits: true},
];

/** Keys inside the server form. */
export const serverFormHelp = 'Tab/↑/↓ field · Enter save · Esc discard';
