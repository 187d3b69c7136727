import type {KeyTable} from '../bindings/binding.js';
import type {MoveAction} from './list-cursor.js';

/** What a list's keys need: a way to move its cursor. */
export type MovableList = {readonly move: (move: MoveAction) => void};

const move = (action: MoveAction) => (ctx: MovableList) => ctx.move(action);

/** Moving in any list: the same keys everywhere. */
export const moveKeys: KeyTable<MovableList> = {
  title: 'Moving',
  bindings: [
    {keys: ['↑', 'k'], label: 'up', help: 'previous row', run: move('up')},
    {keys: ['↓', 'j'], label: 'down', help: 'next row', run: move('down')},
    {keys: ['PgUp'], label: 'page up', help: 'page up', run: move('pageUp')},
    {keys: ['PgDn'], label: 'page down', help: 'page down', run: move('pageDown')},
    {keys: ['Home', 'g'], label: 'first', help: 'first row', run: move('first')},
    {keys: ['End', 'G'], label: 'last', help: 'last row', run: move('last')},
  ],
};

/** Moving while an input line has the letters: arrows and pages only. */
export const arrowKeys: KeyTable<MovableList> = {
  title: 'Moving',
  bindings: moveKeys.bindings.map((b) => ({...b, keys: b.keys.filter((k) => k.length > 1)})).filter((b) => b.keys.length > 0),
};

/** What a y/n question needs: its answer. */
export type Question = {readonly answer: (yes: boolean) => void};

/** A y/n question: y does it, n or Esc keeps things as they are. */
export function confirmKeys(title: string, yesLabel: string): KeyTable<Question> {
  return {
    title,
    bindings: [
      {keys: ['y', 'Y'], label: yesLabel, help: yesLabel, footer: true, run: (ctx) => ctx.answer(true)},
      {keys: ['n', 'N', 'Esc'], label: 'keep', help: 'keep it', footer: true, run: (ctx) => ctx.answer(false)},
    ],
  };
}

/** What filtering needs: a way to start, keep and clear the filter, and whether one is set. */
export type Filterable = {
  readonly filtering: {readonly active: boolean; readonly start: () => void; readonly accept: () => void; readonly clear: () => void};
};

/** Browsing keys for a list's filter: / starts it, Esc clears one that is set. */
export const filterBrowseKeys: KeyTable<Filterable> = {
  title: 'Filtering',
  bindings: [
    {keys: ['/'], label: 'filter', help: 'filter the rows', footer: true, run: (ctx) => ctx.filtering.start()},
    {
      keys: ['Esc'],
      label: 'clear filter',
      help: 'clear the filter',
      footer: true,
      quiet: true,
      disabled: (ctx) => (ctx.filtering.active ? undefined : 'no filter to clear'),
      run: (ctx) => ctx.filtering.clear(),
    },
  ],
};

/** While typing a filter: Enter keeps it, Esc clears it, the arrows still move. */
export const filterTypingKeys: KeyTable<Filterable & MovableList> = {
  title: 'Filtering',
  typing: 'type to filter',
  bindings: [
    {keys: ['Enter'], label: 'keep', help: 'keep the filter', footer: true, run: (ctx) => ctx.filtering.accept()},
    {keys: ['Esc'], label: 'clear', help: 'clear the filter', footer: true, run: (ctx) => ctx.filtering.clear()},
    ...arrowKeys.bindings,
  ],
};
