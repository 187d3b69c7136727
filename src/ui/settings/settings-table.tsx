import {Box, Text} from 'ink';
import type {Setting} from '../../repo/index.js';
import {emptyTableLine, longestKeyOf, settingsColumns, settingsHeaderText, settingsRowText} from './settings-lines.js';

type Props = {
  /** Rows to show: already cut to the visible window. */
  readonly rows: readonly Setting[];
  /** Index within `rows` of the selected one, or -1. */
  readonly selected: number;
  readonly revealed?: string;
  readonly width: number;
  readonly compact: boolean;
  readonly height: number;
  /** Said when there are no rows. */
  readonly emptyNote: string;
  /** Every row of the tab, not only the visible ones: column widths stay put while scrolling. */
  readonly allRows: readonly Setting[];
};

/** The header, then one line a setting; the selected one in inverse as well as pointed at. */
export function SettingsTable({rows, selected, revealed, width, compact, height, emptyNote, allRows}: Props) {
  // Over every row of the tab: worked out again only when they, or the width, change.
  const columns = settingsColumns(width, compact, longestKeyOf(allRows));
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text bold wrap="truncate-end">
        {settingsHeaderText(columns, compact)}
      </Text>
      {rows.length === 0 ? <Text dimColor>{emptyTableLine(emptyNote, width)}</Text> : null}
      {rows.map((setting, i) => (
        <Text key={setting.key} inverse={i === selected} wrap="truncate-end">
          {settingsRowText(setting, i === selected, revealed === setting.key, columns, compact)}
        </Text>
      ))}
    </Box>
  );
}
