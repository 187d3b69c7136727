import {Box, Text} from 'ink';
import type {Binding} from '../keys.js';
import {clip} from '../text-fit.js';

type Props = {
  readonly sections: readonly {readonly title: string; readonly bindings: readonly Binding<string>[]}[];
  readonly readOnly: boolean;
  readonly width: number;
  readonly height: number;
};

/** Every key of this tab, from the keymap tables that handle them. Any key closes it. */
export function HelpOverlay({sections, readOnly, width, height}: Props) {
  const lines: {text: string; bold?: boolean}[] = [];
  for (const section of sections) {
    lines.push({text: section.title, bold: true});
    for (const b of section.bindings) {
      const off = readOnly && b.edits ? ' (off: read-only)' : '';
      lines.push({text: `  ${b.keys.padEnd(12)}${b.help}${off}`});
    }
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
