import {PassThrough} from 'node:stream';
import {unstable_NormalPriority, unstable_scheduleCallback} from 'scheduler';

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

/** Printable runs at least this long are a paste: delivered whole, as text inputs expect. */
const pasteLength = 8;
const printableRun = /^[^\u0000-\u001f\u007f]+/;

/**
 * One string per key press. Ink hands a whole read to its handlers at once, so
 * keys that arrive together (a slow SSH link, tmux send-keys, typing ahead)
 * would otherwise read as one strange key: "jj" is not "j" twice. A long
 * printable run is a paste and stays in one piece.
 */
export function splitKeypresses(text: string): string[] {
  const keys: string[] = [];
  let i = 0;
  let pasted = false;
  while (i < text.length) {
    // A paste that ends in a line break: the break is part of what was copied, not Enter.
    if (pasted && (text[i] === '\r' || text[i] === '\n')) {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      pasted = false;
      continue;
    }
    const run = printableRun.exec(text.slice(i))?.[0];
    const length = run && run.length >= pasteLength ? run.length : text[i] === esc ? escapeLength(text, i) : text.codePointAt(i)! > 0xffff ? 2 : 1;
    const key = text.slice(i, i + length);
    pasted = Boolean(run && run.length >= pasteLength);
    // Ink reads the Delete key (ESC [3~) as Backspace; as Ctrl-D, line editing can delete forward.
    keys.push(key === '\u001b[3~' ? '\u0004' : key);
    i += length;
  }
  return keys;
}

/**
 * Run `next` once React has finished with the key just delivered. Ink handles
 * a key (and React commits) on the next tick; React then flushes passive
 * effects, where Ink's input handlers re-subscribe, as a scheduler task. Tasks
 * of one priority run in order, so a task queued after that one runs after
 * the handlers are current. A second hop covers effects that update again.
 * (A fixed 25 ms gap was not enough under load: measured in tmux.)
 */
function afterReactSettles(next: () => void): void {
  setTimeout(() => unstable_scheduleCallback(unstable_NormalPriority, () => unstable_scheduleCallback(unstable_NormalPriority, next)));
}

/**
 * A stdin for Ink that delivers one key press per read, the next only after
 * React has settled the last: a key handled earlier would meet handlers that
 * still hold the state from before the previous key. It forwards raw mode and
 * ref counting to the real terminal.
 */
export function keypressStdin(source: NodeJS.ReadStream): NodeJS.ReadStream {
  const stream = new PassThrough({objectMode: true}) as PassThrough & Record<string, unknown>;
  const queue: string[] = [];
  let pumping = false;
  const pump = () => {
    const key = queue.shift();
    if (key === undefined) {
      pumping = false;
      return;
    }
    stream.write(key);
    afterReactSettles(pump);
  };
  source.setEncoding('utf8');
  source.on('data', (chunk: string) => {
    queue.push(...splitKeypresses(chunk));
    if (!pumping) {
      pumping = true;
      pump();
    }
  });
  Object.assign(stream, {
    isTTY: true,
    setRawMode: (mode: boolean) => {
      source.setRawMode(mode);
      if (mode) source.resume();
      else source.pause();
      return stream;
    },
    setEncoding: () => stream,
    ref: () => {
      source.ref();
      return stream;
    },
    unref: () => {
      source.unref();
      return stream;
    },
  });
  return stream as unknown as NodeJS.ReadStream;
}
