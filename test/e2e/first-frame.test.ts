import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath, tempDir} from '../helpers/temp-db.js';
import {TmuxSession} from '../helpers/tmux.js';

const slowAppChunk = fileURLToPath(new URL('../helpers/slow-app-chunk.mjs', import.meta.url));
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

/** The app in tmux, its chunk held back 2 s: the first frame stands alone on the screen meanwhile. */
function startSlowApp(colour: boolean) {
  const db = tempDbPath();
  cliFor(db)(['list']);
  const released = join(tempDir(), 'released');
  const env = `env SLOW_APP_CHUNK_RELEASED=${released} ${colour ? 'TERM=xterm-256color' : 'NO_COLOR=1'}`;
  session = new TmuxSession(`${env} ${process.execPath} --import ${slowAppChunk} ${cliPath} --db ${db}; echo "EXITED:$?"; sleep 60`);
  return {tmux: session, appLoaded: () => existsSync(released)};
}

/** The screen with its attributes (SGR codes), and whether the cursor shows (where a hidden one rests does not show). */
const fullScreen = (tmux: TmuxSession) => ({
  cells: tmux.tmux('capture-pane', '-e', '-p', '-t', 'app'),
  cursorShown: tmux.tmux('display-message', '-p', '-t', 'app', '#{cursor_flag}').trim() === '1',
});

describe('the first frame in a real terminal', () => {
  it('is on screen before the app loads, and the app takes over without a changed cell, attribute or cursor', async () => {
    const {tmux, appLoaded} = startSlowApp(true);
    await tmux.waitFor(/press \? for help/, 8000);
    const before = fullScreen(tmux);
    expect(appLoaded()).toBe(false);
    expect(before.cells).toMatch(/\u001b\[[0-9;]*7m(\u001b\[[0-9;]*m)*> openai_api_key/); // the selection in inverse as well as marked
    expect(before.cursorShown).toBe(false);
    // Ink has drawn its first frame over ours.
    while (!appLoaded()) await tick(50);
    await tick(1000);
    expect(fullScreen(tmux)).toEqual(before);
    // And it is the live app now.
    await tmux.keys('j');
    expect(tmux.screen()).toMatch(/^> anthropic_api_key/m);
  });

  it('keeps keys typed before the app is ready, unechoed, and acts on them when it is', async () => {
    const {tmux, appLoaded} = startSlowApp(false);
    const first = await tmux.waitFor(/press \? for help/, 8000);
    // Typed at once, while only the first frame is there.
    tmux.tmux('send-keys', '-t', 'app', 'j', 'j', '3');
    await tick(150);
    expect(tmux.screen()).toBe(first);
    expect(appLoaded()).toBe(false);
    await tmux.waitFor(/\[3 Ports\]/, 8000);
    // Both j's counted on the first tab: its selection is the third row.
    await tmux.keys('1');
    expect(tmux.screen()).toMatch(/^> ollama_base_url/m);
    await tmux.keys('q');
    await tmux.waitFor(/EXITED:0/);
  });
});
