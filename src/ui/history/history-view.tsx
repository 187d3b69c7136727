import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import {describeTarget, describeValue, describeWho, hasOldAndNew, type HistoryEntry, printable} from '../../repo/index.js';
import {footerText} from '../bindings/binding.js';
import {useKeyTable} from '../bindings/use-key-table.js';
import {FilterLine} from '../list/filter-line.js';
import {keyEnvOf, type PanelContext} from '../shell/panel-context.js';
import {clip, fit} from '../text-fit.js';
import {
  historyConfirmKeys,
  historyFilterKeys,
  type HistoryKeyContext,
  historyKeys,
  historyStart,
  type HistoryViewState,
  restoreAnswer,
  restoreQuestion,
} from './history-keys.js';
import {type HistoryTarget, useHistory} from './use-history.js';

type Props = {
  readonly panel: PanelContext;
  readonly target: HistoryTarget;
  /** Changes when the data is reloaded, so the history is read again. */
  readonly revision: unknown;
  readonly width: number;
  readonly height: number;
  readonly isActive: boolean;
  readonly onClose: () => void;
};

/** The columns of one entry, secrets masked: when (with the year and the zone, as the CLI says it), who, what, the change. */
function entryColumns(entry: HistoryEntry): {when: string; who: string; what: string; change: string} {
  const change = hasOldAndNew(entry)
    ? `${describeValue(entry, entry.oldValue, false)} -> ${describeValue(entry, entry.newValue, false)}`
    : describeValue(entry, null, false);
  // Stored in UTC by SQLite's strftime('now'); the header says so.
  const when = entry.changedAt.slice(0, 16);
  return {when, who: describeWho(entry), what: describeTarget(entry), change};
}

/** Who changed what, and when: one setting's, one server's, or every change; Enter puts back a value after a y/n. Renders only. */
export function HistoryView({panel, target, revision, width, height, isActive, onClose}: Props) {
  const all = useHistory(panel.store, target, revision);
  const [state, setState] = useState<HistoryViewState>(historyStart);
  const shown = useMemo(() => all.map((entry) => ({entry, columns: entryColumns(entry)})), [all]);
  const needle = state.filter.toLowerCase();
  const matching = useMemo(
    () => (needle ? shown.filter(({columns: c}) => `${c.when} ${c.who} ${c.what} ${c.change}`.toLowerCase().includes(needle)) : shown),
    [shown, needle],
  );
  const entries = useMemo(() => matching.map((m) => m.entry), [matching]);
  const base = {panel, entries, state, setState, close: onClose};
  const ctx: HistoryKeyContext = {...base, answer: restoreAnswer(base)};
  const table = state.asking ? historyConfirmKeys : state.typing ? historyFilterKeys : historyKeys;
  useKeyTable(table, ctx, keyEnvOf(panel), isActive);

  const title = 'key' in target ? `History of ${printable(target.key)}` : 'serverId' in target ? `History of server ${target.serverId}` : 'Recent changes';
  const filterShown = state.typing || state.filter !== '';
  const rows = Math.max(1, height - 5 - (filterShown ? 1 : 0));
  const first = Math.max(0, Math.min(state.selected - rows + 1, entries.length - rows));
  const visible = matching.slice(first, first + rows);
  const selected = entries[state.selected];
  // BY and WHAT as wide as what is in view needs (at most 24 and 20): the people stay told apart at 80 columns.
  const whoWidth = Math.min(24, Math.max(2, ...visible.map(({columns: c}) => c.who.length)));
  const whatWidth = Math.min(20, Math.max(4, ...visible.map(({columns: c}) => c.what.length)));
  const count = needle ? ` · ${entries.length} of ${all.length} match` : '';
  return (
    <Box height={height} flexDirection="column">
      <Text bold>{clip(`${title} (newest first${'all' in target ? ', every setting and server' : ''})${count}`, width)}</Text>
      {filterShown ? (
        <FilterLine
          filter={state.filter}
          focus={state.typing && isActive}
          width={width}
          onChange={(filter) => setState((s) => ({...s, filter, selected: 0}))}
        />
      ) : null}
      {entries.length ? <Text dimColor>{clip(`  ${fit('WHEN (UTC)', 16)} ${fit('BY', whoWidth)} ${fit('WHAT', whatWidth)} CHANGE`, width)}</Text> : null}
      {entries.length === 0 ? <Text dimColor>{clip(needle ? '  no change matches' : '  no change recorded', width)}</Text> : null}
      {visible.map(({entry, columns: c}) => {
        const isSelected = entry === selected;
        const line = `${isSelected ? '> ' : '  '}${fit(c.when, 16)} ${fit(c.who, whoWidth)} ${fit(c.what, whatWidth)} ${c.change}`;
        return (
          <Text key={entry.id} inverse={isSelected} wrap="truncate-end">
            {clip(line, width)}
          </Text>
        );
      })}
      <Box flexGrow={1} />
      <Text bold={state.asking}>{clip(state.asking && selected ? restoreQuestion(selected) : ' ', width)}</Text>
      <Text dimColor>{clip(footerText(table, ctx, panel.readOnly, width), width)}</Text>
    </Box>
  );
}
