import {Box, Text} from 'ink';
import {useState} from 'react';
import {describeTarget, describeValue, printable} from '../../repo/index.js';
import {footerText} from '../bindings/binding.js';
import {useKeyTable} from '../bindings/use-key-table.js';
import {keyEnvOf, type PanelContext} from '../shell/panel-context.js';
import {clip, fit} from '../text-fit.js';
import {historyConfirmKeys, type HistoryKeyContext, historyKeys, type HistoryViewState, restoreAnswer} from './history-keys.js';
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

/** Who changed this setting or server, and when; Enter puts back a value after a y/n. Renders only. */
export function HistoryView({panel, target, revision, width, height, isActive, onClose}: Props) {
  const entries = useHistory(panel.store, target, revision);
  const [state, setState] = useState<HistoryViewState>({selected: 0, asking: false});
  const base = {panel, entries, state, setState, close: onClose};
  const ctx: HistoryKeyContext = {...base, answer: restoreAnswer(base)};
  const table = state.asking ? historyConfirmKeys : historyKeys;
  useKeyTable(table, ctx, keyEnvOf(panel), isActive);

  const title = 'key' in target ? `History of ${printable(target.key)}` : `History of server ${target.serverId}`;
  const rows = Math.max(1, height - 4);
  const first = Math.max(0, Math.min(state.selected - rows + 1, entries.length - rows));
  const visible = entries.slice(Math.max(0, first), Math.max(0, first) + rows);
  const selected = entries[state.selected];
  return (
    <Box height={height} flexDirection="column">
      <Text bold>{clip(`${title} (newest first)`, width)}</Text>
      {entries.length === 0 ? <Text dimColor>{clip('  no change recorded', width)}</Text> : null}
      {visible.map((entry) => {
        const change =
          entry.action === 'update'
            ? `${describeValue(entry, entry.oldValue, false)} -> ${describeValue(entry, entry.newValue, false)}`
            : describeValue(entry, null, false);
        const isSelected = entry === selected;
        // The year and the zone, as the CLI's history says them (stored in UTC by SQLite's CURRENT_TIMESTAMP).
        const when = entry.changedAt ? `${entry.changedAt.slice(0, 16)} UTC` : '';
        const line = `${isSelected ? '> ' : '  '}${fit(when, 20)} ${fit(entry.source, 6)} ${fit(describeTarget(entry), 18)} ${change}`;
        return (
          <Text key={entry.id} inverse={isSelected} wrap="truncate-end">
            {clip(line, width)}
          </Text>
        );
      })}
      <Box flexGrow={1} />
      <Text bold={state.asking}>{clip(state.asking && selected ? `Put back the value from before change ${selected.id}? y / n` : ' ', width)}</Text>
      <Text dimColor>{clip(footerText(table, ctx, panel.readOnly, width), width)}</Text>
    </Box>
  );
}
