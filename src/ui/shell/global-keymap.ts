import {type Binding, isChar} from '../keys.js';

export type GlobalAction = 'nextTab' | 'previousTab' | 'help' | 'quit';

/** Keys that work on every tab while no editor is open. Digits are handled beside these. */
export const globalBindings: readonly Binding<GlobalAction>[] = [
  {
    action: 'nextTab',
    keys: 'Tab/→/l',
    help: 'next tab (1-9 jumps to a tab)',
    match: (input, key) => (key.tab && !key.shift) || key.rightArrow || input === 'l',
  },
  {
    action: 'previousTab',
    keys: 'S-Tab/←/h',
    help: 'previous tab',
    match: (input, key) => (key.tab && key.shift) || key.leftArrow || input === 'h',
  },
  {action: 'help', keys: '?', help: 'help: every key', match: isChar('?'), footer: true},
  {action: 'quit', keys: 'q', help: 'quit (Ctrl-C too)', match: isChar('q'), footer: true},
];
