import type {Dispatch, SetStateAction} from 'react';
import {describeChange, describeTarget, describeValue, type HistoryEntry} from '../../repo/index.js';
import type {KeyTable} from '../bindings/binding.js';
import {confirmKeys, type Question} from '../list/list-keys.js';
import {attempt} from '../outcome.js';
import type {PanelContext} from '../shell/panel-context.js';

/** The history view's state: which entry is selected, whether restoring it is being asked, and its filter. */
export type HistoryViewState = {readonly selected: number; readonly asking: boolean; readonly filter: string; readonly typing: boolean};
export const historyStart: HistoryViewState = {selected: 0, asking: false, filter: '', typing: false};

export type HistoryKeyContext = Question & {
  readonly panel: PanelContext;
  /** The entries shown: all of them, or those the filter matches. */
  readonly entries: readonly HistoryEntry[];
  readonly state: HistoryViewState;
  readonly setState: Dispatch<SetStateAction<HistoryViewState>>;
  readonly close: () => void;
};
type Ctx = HistoryKeyContext;

const move = (delta: number) => (ctx: Ctx) => ctx.setState((s) => ({...s, selected: Math.max(0, Math.min(ctx.entries.length - 1, s.selected + delta))}));
const up = {keys: ['↑', 'k'], label: 'up', help: 'newer change', run: move(-1)};
const down = {keys: ['↓', 'j'], label: 'down', help: 'older change', run: move(1)};

export const historyKeys: KeyTable<Ctx> = {
  title: 'History',
  bindings: [
    up,
    down,
    {
      keys: ['Enter'],
      label: 'restore',
      help: 'put back the value from before this change (asks first, saying what)',
      footer: true,
      edits: true,
      disabled: (ctx) => (ctx.entries.length ? undefined : 'no change recorded here'),
      run: (ctx) => ctx.setState((s) => ({...s, asking: true})),
    },
    {
      keys: ['/'],
      label: 'filter',
      help: 'filter the changes (by key, server, who, value)',
      footer: true,
      run: (ctx) => ctx.setState((s) => ({...s, typing: true})),
    },
    {
      keys: ['Esc'],
      label: 'back',
      help: 'clear the filter, else back to the list',
      footer: true,
      run: (ctx) => (ctx.state.filter ? ctx.setState((s) => ({...s, filter: '', selected: 0})) : ctx.close()),
    },
    {keys: ['H'], label: 'back', help: 'back to the list', run: (ctx) => ctx.close()},
  ],
};

/** While the filter is typed: Enter keeps it, Esc clears it, the arrows still move. */
export const historyFilterKeys: KeyTable<Ctx> = {
  title: 'Filtering the history',
  typing: 'type to filter',
  bindings: [
    {keys: ['Enter'], label: 'keep', help: 'keep the filter', footer: true, run: (ctx) => ctx.setState((s) => ({...s, typing: false}))},
    {
      keys: ['Esc'],
      label: 'clear',
      help: 'clear the filter',
      footer: true,
      run: (ctx) => ctx.setState((s) => ({...s, typing: false, filter: '', selected: 0})),
    },
    {...up, keys: ['↑']},
    {...down, keys: ['↓']},
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
        return `restored ${describeChange(entry, {undoing: true})}`;
      }, ctx.panel.store.path),
    );
  };
}

/** What restoring an entry will do, asked before it is done: the value it puts back, or the row it adds or removes. */
export function restoreQuestion(entry: HistoryEntry): string {
  const target = describeTarget(entry);
  if (entry.kind === 'profile') return `Switch back to profile ${describeValue(entry, entry.oldValue, false)} (before change ${entry.id})? y / n`;
  if (entry.action === 'update') return `Put back ${target} ${describeValue(entry, entry.oldValue, false)} (from before change ${entry.id})? y / n`;
  if (entry.action === 'insert') return `Remove ${target} again (added by change ${entry.id})? y / n`;
  return `Add ${target} back (removed by change ${entry.id})? y / n`;
}
