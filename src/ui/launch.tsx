import {render} from 'ink';
import {plainPath} from '../start-up-tricks.js';
import type {StateSnapshot} from '../repo/changes.js';
import type {ConfigStore} from '../repo/index.js';
import {App} from './app.js';
import {keypressStdin} from './keypress-stdin.js';
import {requestRedraw} from './input-kind.js';
import {terminalReport, type ThemeChoice} from './theme.js';
import {applyKeymap} from './bindings/keymap.js';
import type {WizardResult} from './wizard/index.js';

export type RunOptions = {
  readonly store: ConfigStore;
  /** The rows the first frame was painted from, so the app does not read them twice. */
  readonly initial: StateSnapshot;
  readonly readOnly: boolean;
  readonly readOnlyWhy?: string;
  readonly wizard: boolean;
  readonly exitAfterWizard: boolean;
  readonly proposedServer?: {readonly address: string; readonly port: number};
  /** Leaves the alternate screen; idempotent. */
  readonly restore: () => void;
  /** Give the terminal back before stopping (Ctrl-Z), and take it again on resume. */
  readonly suspend: () => void;
  readonly resume: () => void;
  /** The colours: a theme, or auto (the terminal was asked for its background). */
  readonly theme: ThemeChoice;
  /** The operator's keymap file, when there is one: its text and where it is. */
  readonly keymap?: {readonly text: string; readonly file: string};
};

/**
 * While the app is idle after start-up, the same frame rendered a few times
 * more, unseen (Ink writes only what changed): the code that draws a frame
 * runs hot enough for V8 to compile it, so a person's first keys are as quick
 * as the later ones (the first j took 15-24 ms with 10,000 rows, after this 6-9 ms).
 */
function warmUp(render: () => void, times = 8): void {
  const step = () => {
    render();
    if (--times > 0) setTimeout(step, 20).unref();
  };
  setTimeout(step, 50).unref();
}

/** Run the app on the terminal until it quits; what the wizard did, if it ran. */
export async function runApp({
  store,
  initial,
  readOnly,
  readOnlyWhy,
  wizard,
  exitAfterWizard,
  proposedServer,
  restore,
  suspend,
  resume,
  theme,
  keymap,
}: RunOptions): Promise<WizardResult | undefined> {
  // In the build, yoga's WebAssembly loads without a top-level wait (scripts/yoga-without-await.mjs): it is awaited here.
  await (globalThis as Record<symbol, unknown>)[Symbol.for('sanctum-config.yoga')];
  let wizardResult: WizardResult | undefined;
  // Own keys, before the first frame: a problem is said at the start, and the defaults stay.
  let notice: string | undefined;
  if (keymap) {
    try {
      applyKeymap(keymap.text, keymap.file);
    } catch (error) {
      notice = `${(error as Error).message}; the default keys are in use`;
    }
  }
  const app = () => (
    <App
      store={store}
      initial={initial}
      readOnly={readOnly}
      readOnlyWhy={readOnlyWhy}
      wizard={wizard}
      exitAfterWizard={exitAfterWizard}
      proposedServer={proposedServer}
      theme={theme}
      notice={notice}
      onWizardDone={(result) => (wizardResult = result)}
    />
  );
  // Up to 60 frames a second: typing ahead over a slow link does not queue a frame per key.
  // Ctrl-C and Ctrl-Z arrive as keys (raw mode): they act at once, queued keys or not, as the signals would.
  const stdin = keypressStdin(process.stdin, {
    interrupt: () => onSignal('SIGINT'),
    report: terminalReport,
    suspend: () => {
      suspend();
      process.once('SIGCONT', () => {
        resume();
        requestRedraw();
      });
      process.kill(process.pid, 'SIGTSTP');
    },
  });
  const instance = render(app(), {exitOnCtrlC: false, patchConsole: true, stdin, maxFps: 60, incrementalRendering: true});
  let running = true;
  if (!plainPath) warmUp(() => running && instance.rerender(app()));
  const onSignal = (signal: NodeJS.Signals) => {
    instance.unmount();
    restore();
    store.close();
    process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143);
  };
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.once(signal, onSignal);
  // A terminal that is gone without a SIGHUP (EIO on read, or end of input) ends the app too.
  const onTerminalLost = () => onSignal('SIGHUP');
  process.stdin.once('error', onTerminalLost);
  process.stdin.once('end', onTerminalLost);
  try {
    await instance.waitUntilExit();
  } finally {
    running = false;
    instance.cleanup();
  }
  return wizardResult;
}
