import type {Dispatch, SetStateAction} from 'react';
import {describeTarget, describeValue, type HistoryEntry} from '../../repo/index.js';
import type {KeyTable} from '../bindings/binding.js';
import {confirmKeys, type Question} from '../list/list-keys.js';
import {attempt} from '../outcome.js';
import type {PanelContext} from '../shell/panel-context.js';

/** The history view's state: which entry is selected, and whether restoring it is being asked. */
export type HistoryViewState = {readonly selected: number; readonly asking: boolean};

export type HistoryKeyContext = Question & {
  readonly panel: PanelContext;
  readonly entries: readonly HistoryEntry[];
  readonly state: HistoryViewState;
  readonly setState: Dispatch<SetStateAction<HistoryViewState>>;
  readonly close: () => void;
};
type Ctx = HistoryKeyContext;

const move = (delta: number) => (ctx: Ctx) => ctx.setState((s) => ({...s, selected: Math.max(0, Math.min(ctx.entries.length - 1, s.selected + delta))}));

export const historyKeys: KeyTable<Ctx> = {
  title: 'History',
  bindings: [
    {keys: ['↑', 'k'], label: 'up', help: 'newer change', run: move(-1)},
    {keys: ['↓', 'j'], label: 'down', help: 'older change', run: move(1)},
    {
      keys: ['Enter'],
      label: 'restore',
      help: 'put back the value from before this change (asks first)',
      footer: true,
      edits: true,
      disabled: (ctx) => (ctx.entries.length ? undefined : 'no change recorded here'),
      run: (ctx) => ctx.setState((s) => ({...s, asking: true})),
    },
    {keys: ['Esc', 'H'], label: 'back', help: 'back to the list', footer: true, run: (ctx) => ctx.close()},
  ],
};

export const historyConfirmKeys = confirmKeys('Restoring from the history', 'restore') as KeyTable<Ctx>;

/** Restore the selected entry: its change undone, as a new change, whatever happened since (the y/n was the check). */
export function restoreAnswer(ctx: Omit<Ctx, 'answer'>): (yes: boolean) => void {
  return (yes) => {
    ctx.setState((s) => ({...s, asking: false}));
    const entry = ctx.entries[ctx.state.selected];
    if (!yes || !entry) return ctx.panel.setStatus({tone: 'info', text: 'kept it'});
    ctx.panel.write(() =>
      attempt(() => {
        ctx.panel.store.history.undo(entry.id, {force: true});
        const back =
          entry.action === 'update' ? ` to ${describeValue(entry, entry.oldValue, false)}` : entry.action === 'insert' ? ' (removed)' : ' (added back)';
        return `restored ${describeTarget(entry)}${back}`;
      }, ctx.panel.store.path),
    );
  };
}
