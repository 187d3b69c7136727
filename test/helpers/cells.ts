/** One character cell of a terminal line and the attributes it is drawn with. */
export type Cell = {readonly char: string; readonly bold: boolean; readonly dim: boolean; readonly inverse: boolean; readonly red: boolean};

/**
 * A frame as a terminal shows it: lines of cells with their SGR attributes,
 * whatever escape codes drew them (Ink's chalk closes each attribute; our
 * first frame resets with 0). Trailing blank cells are dropped.
 */
export function frameCells(output: string): Cell[][] {
  const attrs = {bold: false, dim: false, inverse: false, red: false};
  return output.split(/\r?\n/).map((line) => {
    const cells: Cell[] = [];
    for (let i = 0; i < line.length; ) {
      const sgr = /^\u001b\[([0-9;]*)m/.exec(line.slice(i));
      if (sgr) {
        for (const code of (sgr[1] || '0').split(';').map(Number)) {
          if (code === 0) Object.assign(attrs, {bold: false, dim: false, inverse: false, red: false});
          else if (code === 1) attrs.bold = true;
          else if (code === 2) attrs.dim = true;
          else if (code === 22) Object.assign(attrs, {bold: false, dim: false});
          else if (code === 7) attrs.inverse = true;
          else if (code === 27) attrs.inverse = false;
          else if (code === 31) attrs.red = true;
          else if (code === 39) attrs.red = false;
        }
        i += sgr[0].length;
        continue;
      }
      const other = /^\u001b\[[0-9;?]*[A-Za-z]/.exec(line.slice(i));
      if (other) throw new Error(`unexpected escape ${JSON.stringify(other[0])} in a frame line`);
      cells.push({char: line[i]!, ...attrs});
      i++;
    }
    while (cells.length && cells[cells.length - 1]!.char === ' ' && !cells[cells.length - 1]!.inverse) cells.pop();
    return cells;
  });
}

/** Cells back to text, attributes marked, for a readable diff when frames differ. */
export const describeCells = (lines: Cell[][]) =>
  lines.map((cells) => cells.map((c) => `${c.char}${c.bold ? 'ᵇ' : ''}${c.dim ? 'ᵈ' : ''}${c.inverse ? 'ⁱ' : ''}${c.red ? 'ʳ' : ''}`).join(''));
