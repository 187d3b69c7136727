// Reads from a terminal as key presses and pastes: no React here (the screen reader mode uses it too).

const esc = '\u001b';

/** Length of the escape sequence starting at `i` (CSI, SS3, or ESC + one character). */
function escapeLength(text: string, i: number): number {
  const kind = text[i + 1];
  if (kind === undefined) return 1;
  if (kind === '[' || kind === 'O') {
    let j = i + 2;
    if (kind === '[' && text[j] === '[') j++;
    if (kind === 'O') return Math.min(text.length - i, 3);
    while (j < text.length && /[0-9;:<=>?!"#$%&'()*+,\-./ ]/.test(text[j]!)) j++;
    return Math.min(text.length, j + 1) - i;
  }
  return 1 + (text.codePointAt(i + 1)! > 0xffff ? 2 : 1);
}

/** Without bracketed paste: printable runs at least this long (not one key held down) are a paste. */
const pasteLength = 8;
const printableRun = /^[^\u0000-\u001f\u007f]+/;
const heldKey = /^(.)\1*$/su;

/** Bracketed paste (xterm, and every terminal operators use): what is pasted arrives between these. */
export const pasteStart = '\u001b[200~';
export const pasteEnd = '\u001b[201~';

/** A key press, or text that was pasted: a paste is never keys. */
export type Keypress = {readonly text: string; readonly paste: boolean};

/**
 * Pasted text as a one-line field takes it: line breaks as \n, no control
 * characters (an escape sequence in a paste is text, never a key), tabs as spaces.
 */
function cleanPaste(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

/**
 * The keys and pastes in one read from a terminal without bracketed paste
 * (or outside its markers). A read holding text and then a line break is
 * taken as a paste, all of it: "8090⏎dy" must not delete a setting, and
 * "5058⏎" must not save at once (typed that fast over a slow link, Enter
 * goes again). A long printable run that is not one key held down is a paste
 * too. What was typed while the app started stays keys.
 */
export function splitInput(text: string, typedAhead = false): Keypress[] {
  // Only text and line breaks: typed keys over a slow link bring Backspace, arrows and the like along.
  if (!typedAhead && /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/.test(text) && /[^\r\n]{2}[\r\n]/.test(text)) {
    return [{text: cleanPaste(text), paste: true}];
  }
  const keys: Keypress[] = [];
  let i = 0;
  let pasted = false;
  while (i < text.length) {
    if (pasted && (text[i] === '\r' || text[i] === '\n')) {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      pasted = false;
      continue;
    }
    const run = printableRun.exec(text.slice(i))?.[0];
    const isPaste = run !== undefined && run.length >= pasteLength && !heldKey.test(run);
    const length = isPaste ? run.length : text[i] === esc ? escapeLength(text, i) : text.codePointAt(i)! > 0xffff ? 2 : 1;
    const key = text.slice(i, i + length);
    pasted = isPaste;
    // Ink reads the Delete key (ESC [3~) as Backspace; as Ctrl-D, line editing can delete forward.
    keys.push({text: key === '\u001b[3~' ? '\u0004' : key, paste: isPaste});
    i += length;
  }
  return keys;
}

/**
 * Reads as they arrive, bracketed pastes taken whole even when split across
 * reads: what lies between the markers is one paste, whatever it holds.
 */
const terminalReport = /\u001b\](\d+;[^\u0007\u001b]*)(?:\u0007|\u001b\\)/g;

export class InputSplitter {
  private paste: string | undefined;
  /** The first read holds what was typed while the app started: keys, as typed, never one paste. */
  private first = true;

  /** Told each answer the terminal sends to a query (OSC 11, its background): those are not keys. */
  onReport: ((report: string) => void) | undefined;

  push(chunk: string): Keypress[] {
    const out: Keypress[] = [];
    let rest = this.paste === undefined ? this.takeReports(chunk) : chunk;
    const typedAhead = this.first;
    this.first = false;
    while (rest.length) {
      if (this.paste !== undefined) {
        const end = rest.indexOf(pasteEnd);
        if (end === -1) {
          this.paste += rest;
          break;
        }
        this.paste += rest.slice(0, end);
        out.push({text: cleanPaste(this.paste), paste: true});
        this.paste = undefined;
        rest = rest.slice(end + pasteEnd.length);
        continue;
      }
      const start = rest.indexOf(pasteStart);
      out.push(...splitInput(start === -1 ? rest : rest.slice(0, start), typedAhead));
      if (start === -1) break;
      this.paste = '';
      rest = rest.slice(start + pasteStart.length);
    }
    // A paste of line breaks alone holds nothing to insert (and Ink would read a lone one as Enter).
    return out.filter((k) => (k.paste ? k.text.replace(/\n/g, '') !== '' : k.text !== ''));
  }

  /** The start of a terminal's answer whose end is still to come (it arrived split across reads). */
  private partialReport = '';

  private takeReports(chunk: string): string {
    const text = this.partialReport + chunk;
    this.partialReport = '';
    if (!text.includes('\u001b]')) return text;
    const rest = text.replace(terminalReport, (_, report: string) => {
      this.onReport?.(report);
      return '';
    });
    // ESC ] and a digit with no end yet: an answer cut in two, held for the next read.
    const cut = /\u001b\]\d[^\u0007\u001b]*(\u001b)?$/.exec(rest);
    if (!cut) return rest;
    this.partialReport = cut[0];
    return rest.slice(0, cut.index);
  }
}
