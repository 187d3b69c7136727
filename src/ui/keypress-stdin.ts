import {PassThrough} from 'node:stream';
import {unstable_NormalPriority, unstable_scheduleCallback} from 'scheduler';
import {inputGateOpen, inputHeld, markInput, onInputRelease} from './input-kind.js';
import {InputSplitter, type Keypress} from './input-split.js';

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
export function keypressStdin(
  source: NodeJS.ReadStream,
  control: {readonly interrupt: () => void; readonly suspend: () => void; readonly report?: (report: string) => void},
): NodeJS.ReadStream {
  const stream = new PassThrough({objectMode: true}) as PassThrough & Record<string, unknown>;
  const queue: Keypress[] = [];
  const splitter = new InputSplitter();
  splitter.onReport = control.report;
  let pumping = false;
  const pump = () => {
    if (inputHeld()) {
      pumping = false;
      return;
    }
    const key = queue.shift();
    if (key === undefined) {
      pumping = false;
      return;
    }
    // Ink hands the write to its handlers on a later tick, before the next key is written: the flag holds till then.
    markInput(key.paste);
    stream.write(key.text);
    afterReactSettles(pump);
  };
  // The first key held back meets the screen after the write, once React has drawn it.
  onInputRelease(() =>
    afterReactSettles(() => {
      if (pumping || queue.length === 0) return;
      pumping = true;
      pump();
    }),
  );
  source.setEncoding('utf8');
  source.on('data', (chunk: string) => {
    for (const key of splitter.push(chunk)) {
      if (!key.paste && key.text === '\u0003') return control.interrupt();
      if (!key.paste && key.text === '\u001a') control.suspend();
      else if (inputGateOpen()) queue.push(key);
    }
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
