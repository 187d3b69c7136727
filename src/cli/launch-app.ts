import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {UntrustedSchemaError, UsageError} from '../errors.js';
import {plainPath, setV8Flag} from '../start-up-tricks.js';
import {findLocalLetta, isDesignDefaultServer} from '../letta/find-local-letta.js';
import {type ConfigStore, openConfigStore} from '../repo/index.js';
import {wizardStart} from '../ui/wizard/wizard-start.js';
import {openAdoptingOnFirstWrite} from '../repo/adopt-on-first-write.js';
import {upgradesOnWrite} from '../db/pending-upgrade.js';
import {isWritableFile} from '../db/open-database.js';
import {snapshotState} from '../repo/changes.js';
import {firstFrame} from '../ui/first-frame/first-frame.js';
import {loadApp} from './terminal.js';
import {filterOutput, guardStandardStreams, writeOut} from './stdio.js';
import {localeIsUtf8, toAscii} from '../ui/ascii-terminal.js';
import {backgroundQuery, type ThemeChoice} from '../ui/theme-choice.js';
import {runScreenReader} from '../ui/screen-reader/run-screen-reader.js';

/** V8's own growth of its young generation, given back once the app's code has loaded. */
const defaultGrowth = 2;

export type LaunchOptions = {
  readonly dbPath: string;
  readonly readOnly?: boolean;
  readonly wizard?: boolean;
  readonly theme?: ThemeChoice;
  /** One plain line per key for a screen reader, instead of the drawn screen. */
  readonly screenReader?: boolean;
};

// With the alternate screen, bracketed paste (ESC[?2004h): a paste arrives between markers and is
// taken as text, never as keys (keypress-stdin). Both are undone on every way out.
const enterAltScreen = '\u001b[?1049h\u001b[?2004h\u001b[H';
const leaveAltScreen = '\u001b[?2004l\u001b[?1049l\u001b[?25h';

/**
 * The store for the app: a file that must not be written (triggers or views
 * someone else put in it) is still browsed, read-only, and the app says why.
 */
function openForTheApp(dbPath: string, readOnly: boolean): {store: ConfigStore; readOnlyWhy?: string} {
  // A file that writing would upgrade (the panel's) is adopted by the first write that changes something, not by opening it.
  if (!readOnly && upgradesOnWrite(dbPath) && isWritableFile(dbPath)) {
    const store = openAdoptingOnFirstWrite(dbPath, {source: 'app', busyTimeoutMs: 50});
    if (store.foreignSchemaObjects().length === 0) return {store};
    store.close();
  }
  try {
    return {store: openConfigStore(dbPath, {readOnly, source: 'app', busyTimeoutMs: 50})};
  } catch (error) {
    if (!(error instanceof UntrustedSchemaError)) throw error;
    const store = openConfigStore(dbPath, {readOnly: true, source: 'app'});
    return {store, readOnlyWhy: 'the file has triggers or views sanctum-config did not make (sanctum-config doctor)'};
  }
}

/** The operator's own keys: $SANCTUM_CONFIG_KEYS, else keys.json in sanctum's config directory; none when absent. */
function readKeymapFile(): {text: string; file: string} | undefined {
  const file = process.env.SANCTUM_CONFIG_KEYS || join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'sanctum', 'keys.json');
  try {
    return {text: readFileSync(file, 'utf8'), file};
  } catch (error) {
    // No file: the default keys. One that cannot be read is said like a bad one.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return {text: '', file: `${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`};
  }
}

/**
 * Open the full-screen app on a terminal. Before Ink and React load (most of
 * the start-up), the first frame is painted from the database rows and the
 * terminal goes to raw mode, so the screen is there at once and keys typed
 * meanwhile wait, unechoed, for the app. The alternate screen is left on
 * every way out: q, Ctrl-C, a signal, or a crash.
 */
export async function launchApp({dbPath, readOnly = false, wizard = false, theme = 'auto', screenReader = false}: LaunchOptions): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError('the interactive app needs a terminal; use sanctum-config --help for commands');
  }
  // A dumb terminal cannot move the cursor: the app would be a stream of escape codes.
  // (The screen reader mode moves no cursor: it works there.)
  if (process.env.TERM === 'dumb' && !screenReader) {
    throw new UsageError('TERM=dumb cannot show the app; use the commands (see --help)');
  }
  guardStandardStreams();
  // Mono: no colour at all, the first frame's and chalk's (which loads with Ink, after this).
  if (theme === 'mono') process.env.FORCE_COLOR = '0';
  // A terminal whose locale is not UTF-8 would show our · … ❯ as garbage: it gets ASCII.
  if (!localeIsUtf8()) filterOutput(toAscii);
  // Memory, where it costs nothing a person notices. Reading every row at
  // start-up, which the app keeps, and loading Ink and React would make V8 grow
  // its young generation for good (about 5 MB more at rest): it is held at its
  // first size until the app's code has loaded (then V8's own growth is given
  // back, for the frames and the work keys do). And the app runs on
  // V8's interpreter and baseline compiler, not its optimizing one: a key's work
  // is small (frames stay at 5-12 ms with 10,000 rows), the optimizer's memory is not (4 MB).
  setV8Flag('--semi-space-growth-factor=1');
  setV8Flag('--no-opt');
  const {store, readOnlyWhy} = openForTheApp(dbPath, readOnly);
  const locked = readOnly || store.readOnly;
  // The setup opens for init, and on every start until it has finished (a new file, or one cut short).
  const setupDue = wizard || !store.setup.state().finished;
  if (screenReader) {
    try {
      // As in the drawn app; it starts from a Letta already answering here.
      const setup = setupDue && !locked;
      const found = setup && isDesignDefaultServer(store.servers.active()) ? await findLocalLetta() : undefined;
      const start = wizardStart(found, store.servers.active());
      const code = await runScreenReader(store, {readOnly: locked, readOnlyWhy, write: writeOut, wizard: setup ? {start, exitAfter: wizard} : undefined});
      if (code !== 0) process.exitCode = code;
    } finally {
      store.close();
    }
    return;
  }
  // The wizard proposes a Letta that already answers on Sanctum's port instead of the design's default.
  const opensWizard = setupDue && !locked;
  const proposedServer = opensWizard && isDesignDefaultServer(store.servers.active()) ? await findLocalLetta() : undefined;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    writeOut(leaveAltScreen);
  };
  process.on('exit', restore);
  const size = {columns: process.stdout.columns || 80, rows: process.stdout.rows || 24};
  const frame = opensWizard || plainPath ? undefined : firstFrame(store, {...size, readOnly: locked, readOnlyWhy});
  writeOut(enterAltScreen + (frame ?? ''));
  process.stdin.setRawMode(true);
  // Under auto, the terminal is asked for its background (in raw mode, so its answer is not echoed): it comes as input.
  if (theme === 'auto') writeOut(backgroundQuery);
  // Everything else, now that the screen is there: the app starts from these rows.
  const initial = snapshotState(store);

  try {
    const {runApp} = await loadApp();
    setV8Flag(`--semi-space-growth-factor=${defaultGrowth}`);
    const wizardResult = await runApp({
      store,
      initial,
      readOnly: locked,
      readOnlyWhy,
      wizard: setupDue,
      exitAfterWizard: wizard,
      proposedServer,
      restore,
      // Ctrl-Z: the shell's screen back, as it was; on fg, the app's again.
      suspend: () => {
        writeOut(leaveAltScreen);
        process.stdin.setRawMode(false);
      },
      resume: () => {
        process.stdin.setRawMode(true);
        writeOut(enterAltScreen);
      },
      theme,
      keymap: readKeymapFile(),
    });
    restore();
    // init's summary, said on the normal screen so it stays visible after the app is gone.
    if (wizard && wizardResult) writeOut(`${wizardResult.message}\n`);
  } finally {
    restore();
    store.close();
  }
}
