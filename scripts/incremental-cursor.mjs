// Ink's incremental rendering writes only the lines that changed. Two fixes
// and two savings for a slow link, applied to Ink's log-update at bundle time:
// - Ink goes back up to the frame's first line from where the last frame left
//   the cursor. A frame shorter than the terminal (ours: rows - 1, so Ink never
//   clears the whole screen) ends in a line break, which leaves the cursor below
//   its last line: Ink moved up one line too few, and every later frame landed
//   a line low (the header drawn twice).
// - The moves between changed lines (one ESC[E per unchanged line) become one
//   move each.
// - A changed line is erased, then written with its runs of plain spaces
//   skipped (ESC[nC), not sent one by one; spaces under inverse, underline or
//   a background colour are written, since they show.
const cursorUp = [
  'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
  "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));",
];
const changedLine = [
  'buffer.push(ansiEscapes.cursorTo(0) +\n                nextLines[i] +\n                ansiEscapes.eraseEndLine +',
  'buffer.push(ansiEscapes.cursorTo(0) +\n                sparseLine(nextLines[i]) +',
];
const write = ["stream.write(buffer.join(''));", "stream.write(netMoves(buffer.join('')));"];

const helpers = `
const sgr = /\\u001b\\[([0-9;]*)m/y;
/** Whether an SGR sequence's parameters leave spaces visible (inverse, underline, a background) or not. */
function highlightAfter(params, on) {
  for (const p of (params === '' ? '0' : params).split(';')) {
    const n = Number(p);
    if (n === 0 || n === 27 || n === 24 || n === 49) on = false;
    else if (n === 7 || n === 4 || (n >= 40 && n <= 48) || (n >= 100 && n <= 107)) on = true;
  }
  return on;
}
/**
 * The line written over the old one: its runs of four or more plain spaces
 * skipped (the line erased first, as skipping leaves old characters), else
 * written whole and the rest of the old line erased after it.
 */
function sparseLine(line) {
  let out = '';
  let on = false;
  let spaces = 0;
  let skipped = false;
  const flush = () => {
    if (spaces >= 4 && !on) {
      out += '\\u001b[' + spaces + 'C';
      skipped = true;
    } else out += ' '.repeat(spaces);
    spaces = 0;
  };
  for (let i = 0; i < line.length; ) {
    sgr.lastIndex = i;
    const m = sgr.exec(line);
    if (m) {
      const was = on;
      on = highlightAfter(m[1], on);
      if (spaces && was !== on) flush();
      out += m[0];
      i += m[0].length;
      continue;
    }
    if (line[i] === ' ') {
      spaces++;
      i++;
      continue;
    }
    flush();
    out += line[i];
    i++;
  }
  // Trailing spaces: erased anyway, unless they show.
  if (on) flush();
  return skipped ? '\\u001b[2K' + out : out + '\\u001b[K';
}
/** Up N lines then down M (ESC[E each): one move, which lands at the line's start where a changed line is written. */
function netMoves(text) {
  return text
    .replace(/\\u001b\\[(\\d*)A((?:\\u001b\\[E)+)/g, (_, up, downs) => {
      const net = Number(up || 1) - downs.length / 3;
      return net > 0 ? '\\u001b[' + net + 'A' : net < 0 ? '\\u001b[' + -net + 'E' : '';
    })
    .replace(/(?:\\u001b\\[E){2,}/g, (downs) => '\\u001b[' + downs.length / 3 + 'E')
    // A line break and then moves down: one move.
    .replace(/\\n\\u001b\\[(\\d*)E/g, (_, n) => '\\u001b[' + (Number(n || 1) + 1) + 'E')
    // Already at the line's start: after a line break or ESC[E; an up move to a line's start is ESC[F.
    .replace(/\\u001b\\[(\\d+)A\\u001b\\[1G/g, '\\u001b[$1F')
    .replace(/(\\r\\n|\\u001b\\[\\d*E)\\u001b\\[1G/g, '$1');
}
`;

function replaceOnce(source, [from, to]) {
  if (source.split(from).length !== 2)
    throw new Error(`ink's log-update changed: ${JSON.stringify(from.slice(0, 60))} is not where incremental-cursor expects it`);
  return source.replace(from, to);
}

// The throttled render's synchronized-update markers (16 bytes a frame): an
// incremental frame is one small write, which no terminal tears.
const syncMarkers = [
  'const shouldWrite = this.log.willRender(output);\n                const sync = shouldSynchronize(this.options.stdout);',
  'const shouldWrite = this.log.willRender(output);\n                const sync = shouldSynchronize(this.options.stdout) && !this.options.incrementalRendering;',
];

export const incrementalCursorPatches = [
  {
    name: 'incremental-frames-unsynchronized',
    package: 'ink',
    file: 'build/ink.js',
    transform: (source) => replaceOnce(source, syncMarkers),
  },
  {
    name: 'incremental-cursor',
    package: 'ink',
    file: 'build/log-update.js',
    transform(source) {
      let out = source;
      for (const change of [cursorUp, changedLine, write]) out = replaceOnce(out, change);
      const imports = "import cliCursor from 'cli-cursor';\n";
      return replaceOnce(out, [imports, imports + helpers]);
    },
  },
];
