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
