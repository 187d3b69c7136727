import {render} from 'ink-testing-library';
import {act} from 'react';
import {App, type AppProps} from '../../src/ui/app.js';

export const keys = {
  enter: '\r',
  escape: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  tab: '\t',
  shiftTab: '\u001b[Z',
  home: '\u001b[H',
  end: '\u001b[F',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  backspace: '\u007f',
  space: ' ',
} as const;

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const actEnvironment = globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean};

/**
 * Deliver one key inside act(), which flushes React's effects before it
 * returns, so each key meets the handlers the previous one left (inputs
 * re-subscribe in effects). Outside key presses the app runs as it does for
 * real (timers, I/O results), so act mode is on only for the press.
 */
async function pressInAct(write: () => void): Promise<void> {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    await act(async () => {
      write();
      await tick(5);
    });
  } finally {
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
  }
}

/** The app under ink-testing-library, at a fixed terminal size, with a way to type. */
export async function renderApp(props: AppProps, size = {columns: 80, rows: 24}) {
  const controls: string[] = [];
  const rendered = render(<App writeControl={(s) => controls.push(s)} size={size} {...props} />);
  await tick(30);
  /** Send key presses one at a time, as a terminal would, letting each render. */
  const press = async (...sequence: string[]) => {
    for (const key of sequence) {
      await pressInAct(() => rendered.stdin.write(key));
    }
  };
  /** Type text one character at a time. */
  const type = (text: string) => press(...text);
  const frame = () => rendered.lastFrame() ?? '';
  return {...rendered, press, type, frame, controls};
}

/** Wait until the frame matches, for results that arrive from I/O (connection tests). */
export async function waitForFrame(frame: () => string, pattern: RegExp, timeoutMs = 5000): Promise<string> {
  const started = Date.now();
  while (!pattern.test(frame())) {
    if (Date.now() - started > timeoutMs) throw new Error(`frame never matched ${pattern}:\n${frame()}`);
    await tick(20);
  }
  return frame();
}
