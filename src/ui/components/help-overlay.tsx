import {Box, Text} from 'ink';
import {helpLines, type KeyTable} from '../bindings/binding.js';
import {clip} from '../text-fit.js';

type Props = {
  /** Every mode's table of the tab on screen: the same tables that handle the keys. */
  readonly tables: readonly KeyTable<never>[];
  readonly readOnly: boolean;
  readonly width: number;
  readonly height: number;
};

/** Every key of this tab, mode by mode. Any key closes it. */
export function HelpOverlay({tables, readOnly, width, height}: Props) {
  const lines: {text: string; bold?: boolean}[] = [];
  for (const table of tables) {
    lines.push({text: table.title, bold: true});
    for (const text of helpLines(table, readOnly)) lines.push({text});
  }
  const room = Math.max(1, height - 1);
  const shown = lines.length > room ? [...lines.slice(0, room - 1), {text: '  …'}] : lines;
  return (
    <Box flexDirection="column" height={height}>
      {shown.map((line, i) => (
        <Text key={i} bold={line.bold}>
          {clip(line.text, width)}
        </Text>
      ))}
      <Box flexGrow={1} />
      <Text dimColor>{clip('press any key to close help', width)}</Text>
    </Box>
  );
}
