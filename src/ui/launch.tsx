import {render} from 'ink';
import {UsageError} from '../errors.js';
import {findLocalLetta, isDesignDefaultServer} from '../letta/find-local-letta.js';
import {openConfigStore} from '../repo/index.js';
import {App} from './app.js';
import {keypressStdin} from './keypress-stdin.js';
import type {WizardResult} from './wizard/index.js';

export type LaunchOptions = {readonly dbPath: string; readonly readOnly?: boolean; readonly wizard?: boolean};

const enterAltScreen = '\u001b[?1049h\u001b[H';
const leaveAltScreen = '\u001b[?1049l\u001b[?25h';

/**
 * Open the full-screen app on a terminal. The alternate screen is left on
 * every way out: q, Ctrl-C, a signal, or a crash.
 */
export async function launchApp({dbPath, readOnly = false, wizard = false}: LaunchOptions): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError('the interactive app needs a terminal; use sanctum-config --help for commands');
  }
  // A dumb terminal cannot move the cursor: the app would be a stream of escape codes.
  if (process.env.TERM === 'dumb') {
    throw new UsageError('TERM=dumb cannot show the app; use the commands (see --help)');
  }
  const store = openConfigStore(dbPath, {readOnly, source: 'app', busyTimeoutMs: 50});
  // The wizard proposes a Letta that already answers on Sanctum's port instead of the design's default.
  const opensWizard = (wizard || store.created) && !readOnly && !store.readOnly;
  const local = opensWizard && isDesignDefaultServer(store.servers.active()) ? await findLocalLetta() : undefined;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.stdout.write(leaveAltScreen);
  };
  process.on('exit', restore);
  process.stdout.write(enterAltScreen);

  let wizardResult: WizardResult | undefined;
  const instance = render(
    <App
      store={store}
      readOnly={readOnly || store.readOnly}
      wizard={wizard || store.created}
      exitAfterWizard={wizard}
      proposedServer={local}
      onWizardDone={(result) => (wizardResult = result)}
    />,
    {exitOnCtrlC: true, patchConsole: true, stdin: keypressStdin(process.stdin)},
  );
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
    instance.cleanup();
    restore();
    store.close();
  }
  // init's summary, said on the normal screen so it stays visible after the app is gone.
  if (wizard && wizardResult) process.stdout.write(`${wizardResult.message}\n`);
}
