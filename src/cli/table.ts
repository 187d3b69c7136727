import {stdoutIsTerminal} from './stdio.js';
import {columnsOf, fitColumns} from '../repo/text-columns.js';
/** Column-aligned rows for people; a too-wide table is cut in its widest column to fit a terminal. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], maxWidth?: number): string {
  // Columns as the terminal counts them: a CJK value takes two per character.
  const widths = header.map((h, i) => Math.max(columnsOf(h), ...rows.map((r) => columnsOf(r[i] ?? ''))));
  if (maxWidth) {
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
    const widest = widths.indexOf(Math.max(...widths));
    widths[widest] = Math.max(10, widths[widest]! - Math.max(0, total - maxWidth));
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => fitColumns(c, widths[i]!))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

/** The terminal's width when stdout is one; undefined for pipes and files. */
export function terminalWidth(): number | undefined {
  return stdoutIsTerminal() ? process.stdout.columns : undefined;
}
