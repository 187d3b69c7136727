import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {PanelContext} from '../shell/panel-context.js';
import type {ShellControls} from '../shell/shell-keys.js';
import {clip} from '../text-fit.js';

type Props = {
  /** Lines the panel may use. */
  readonly height: number;
  readonly width: number;
  readonly table: ReactNode;
  /** The line under the table: detail, an input line or a question. */
  readonly detail: ReactNode;
  /** The keys that work here, from the mode's table. */
  readonly footer: string;
};

/** A list panel's layout: table, free space, the detail line, the footer. */
export function ListLayout({height, width, table, detail, footer}: Props) {
  return (
    <Box height={height} flexDirection="column">
      {table}
      <Box flexGrow={1} />
      {detail}
      <Text dimColor>{clip(footer, width)}</Text>
    </Box>
  );
}

/** What every list panel gets from the shell. */
export type ListPanelProps = {
  readonly panel: PanelContext;
  readonly shell: ShellControls;
  readonly width: number;
  /** Lines this panel may use. */
  readonly height: number;
  readonly compact: boolean;
  readonly isActive: boolean;
};
