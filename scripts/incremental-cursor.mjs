// Ink's incremental rendering (only the lines that changed are written) goes
// back up to the frame's first line from where the last frame left the cursor.
// A frame shorter than the terminal (ours: rows - 1, so Ink never clears the
// whole screen) ends in a line break, which leaves the cursor below its last
// line; Ink moves up one line too few, and every later frame lands a line low
// (the header drawn twice). Applied at bundle time.
const from = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
const to = "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));";

export const incrementalCursorPatches = [
  {
    name: 'incremental-cursor',
    package: 'ink',
    file: 'build/log-update.js',
    transform(source) {
      if (source.split(from).length !== 2) throw new Error(`ink's log-update changed: ${JSON.stringify(from)} is not where incremental-cursor expects it`);
      return source.replace(from, to);
    },
  },
];
