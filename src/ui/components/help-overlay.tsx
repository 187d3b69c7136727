import {Box, Text} from 'ink';
import {helpLines, type KeyTable} from '../bindings/binding.js';
import {clip} from '../text-fit.js';

type Props = {
  /** Every mode's table of the tab on screen: the same tables that handle the keys. */
  readonly tables: readonly KeyTable<never>[];
  readonly readOnly: boolean;
  readonly width: number;
  readonly height: number;
  /** The first line shown: help scrolls when it is taller than the screen. */
  readonly offset: number;
};

/** Every help line, for the overlay and for scrolling it. */
export function helpText(tables: readonly KeyTable<never>[], readOnly: boolean): {text: string; bold?: boolean}[] {
  return tables.flatMap((table) => [{text: table.title, bold: true}, ...helpLines(table, readOnly).map((text) => ({text}))]);
}

/** Every key of this tab, mode by mode; ↑/↓ scroll, any other key closes it. */
export function HelpOverlay({tables, readOnly, width, height, offset}: Props) {
  const lines = helpText(tables, readOnly);
  const room = Math.max(1, height - 1);
  const shown = lines.slice(offset, offset + room);
  const more = lines.length > room ? ` (${offset + 1}-${Math.min(lines.length, offset + room)} of ${lines.length}; ↑/↓ PgUp/PgDn scroll)` : '';
  return (
    <Box flexDirection="column" height={height}>
      {shown.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines are a fixed text; a line's place is its identity
        <Text key={i} bold={line.bold}>
          {clip(line.text, width)}
        </Text>
      ))}
      <Box flexGrow={1} />
      <Text dimColor>{clip(`any other key closes help${more}`, width)}</Text>
    </Box>
  );
}
