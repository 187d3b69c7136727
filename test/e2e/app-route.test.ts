// The app's short route (src/cli/fast-route.ts, appRoute) opens the app without
// building the command tree. On a real terminal it must do what the tree does
// (SANCTUM_CONFIG_PLAIN=1 turns every route off): the same screen, the same
// refusal of a bad option, the same exit.
import {afterEach, describe, expect, it} from 'vitest';
import {appRoute} from '../../src/cli/fast-route.js';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {TmuxSession} from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.kill();
});

function start(args: string, plain: boolean): TmuxSession {
  const session = new TmuxSession(`env NO_COLOR=1 ${plain ? 'SANCTUM_CONFIG_PLAIN=1' : ''} ${process.execPath} ${cliPath} ${args}; echo "EXITED:$?"; sleep 60`);
  sessions.push(session);
  return session;
}

describe("the app's short route", () => {
  it('takes only the root options, each once, with plain values', () => {
    expect(appRoute([])).toEqual({db: undefined, readOnly: false, theme: undefined, screenReader: false});
    expect(appRoute(['--db', 'a.db', '--read-only', '--theme=mono', '--screen-reader'])).toEqual({
      db: 'a.db',
      readOnly: true,
      theme: 'mono',
      screenReader: true,
    });
    for (const args of [
      ['list'],
      ['--db'],
      ['--db', '--read-only'],
      ['--db', 'a', '--db', 'b'],
      ['--help'],
      ['-h'],
      ['--read-only=yes'],
      ['--theme', ''],
      ['x'],
    ]) {
      expect(appRoute(args), args.join(' ')).toBeUndefined();
    }
  });

  it('opens the same screen as the command tree, and refuses a bad theme the same way', async () => {
    const db = tempDbPath();
    cliFor(db)(['init', '--non-interactive']);
    const screens: string[] = [];
    for (const plain of [false, true]) {
      const app = start(`--db ${db} --theme mono`, plain);
      screens.push(await app.waitFor(/press \? for help/));
      await app.keys('q');
      await app.waitFor(/EXITED:0/);
      const bad = start(`--db ${db} --theme bogus`, plain);
      const said = await bad.waitFor(/EXITED:2/);
      expect(said).toContain("sanctum-config: --theme must be one of auto, dark, light, mono, not 'bogus'");
    }
    expect(screens[0]).toBe(screens[1]);
  });
});
