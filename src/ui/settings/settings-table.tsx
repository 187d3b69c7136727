import {Box, Text} from 'ink';
import type {Setting} from '../../repo/index.js';
import {fit} from '../text-fit.js';
import {differsFromDefault, visibleValue} from './settings-actions.js';

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

type Columns = {key: number; value: number; type: number; description: number};

/** From this width a description column fits beside the value. */
const descriptionFrom = 100;

export function settingsColumns(width: number, compact: boolean, rows: readonly Setting[]): Columns {
  const longestKey = Math.max(3, ...rows.map((r) => r.key.length));
  const usable = width - 2;
  if (compact) {
    const key = Math.min(longestKey, Math.floor(usable * 0.45));
    return {key, value: Math.max(1, usable - key - 1), type: 0, description: 0};
  }
  const key = Math.min(longestKey, 24);
  const type = 7;
  const rest = usable - key - type - 2;
  const description = width >= descriptionFrom ? Math.floor((rest - 1) * 0.45) : 0;
  return {key, type, value: Math.max(1, rest - (description ? description + 1 : 0)), description};
}

/** One line a setting: pointer, key, value, type. The pointer marks the selection without colour. */
export function SettingsTable({rows, selected, revealed, width, compact, height, emptyNote, allRows}: Props) {
  const columns = settingsColumns(width, compact, allRows);
  const described = columns.description > 0;
  const header =
    `  ${fit('KEY', columns.key)} ${fit('VALUE', columns.value)}${compact ? '' : ` ${fit('TYPE', columns.type)}`}` +
    (described ? ` ${fit('DESCRIPTION', columns.description)}` : '');
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text bold wrap="truncate-end">{header.trimEnd()}</Text>
      {rows.length === 0 ? <Text dimColor>{fit(`  ${emptyNote}`, width).trimEnd()}</Text> : null}
      {rows.map((setting, i) => {
        const isSelected = i === selected;
        // A value that is not the default is marked, so what was changed stands out without colour.
        const value = `${differsFromDefault(setting) ? '*' : ''}${visibleValue(setting, revealed === setting.key)}`;
        const line =
          `${isSelected ? '> ' : '  '}${fit(setting.key, columns.key)} ${fit(value, columns.value)}` +
          (compact ? '' : ` ${fit(setting.type, columns.type)}`) +
          (described ? ` ${fit(setting.description ?? '', columns.description)}` : '');
        return (
          <Text key={setting.key} inverse={isSelected} wrap="truncate-end">
            {line}
          </Text>
        );
      })}
    </Box>
  );
}
