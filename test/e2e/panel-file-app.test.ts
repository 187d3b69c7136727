// The app on the Sanctum panel's own file (made by the panel's init script),
// in a real terminal: browsing and quitting adopt nothing; the first edit does.
import {readdirSync, readFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cliFor} from '../helpers/run-cli.js';
import {panelApp, panelBox} from '../helpers/sanctum-panel-app.js';
import {startApp, type TmuxSession} from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.kill();
});

const start = startApp;

const userVersion = (db: string) => readFileSync(db).readUInt32BE(60);

describe("the app on the panel's file", () => {
  it('browses, warns of its published keys, follows its writes and quits without adopting it; the first edit adopts it', async () => {
    const {control, db} = panelBox();
    await panelApp(control, 'init');
    const bytes = readFileSync(db);
    const beside = readdirSync(dirname(db)).sort();

    let app = start(db);
    // The header keeps a short warning; the status line says it in full, with the fix.
    const screen = await app.waitFor(/! api_key still holds the panel's published default/);
    expect(screen).toMatch(/ · ! panel API key published/);
    await app.keys('3', 'Enter', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'a', 'b', 'c', 'Enter');
    await app.waitFor(/! .*flask_port/);
    await app.keys('Escape', 'q');
    await app.waitFor(/EXITED:0/);
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect(readdirSync(dirname(db)).sort()).toEqual(beside);

    // Open again: the panel saves its system form meanwhile, and the app shows it.
    app = start(db);
    await app.waitFor(/api_key/);
    await app.keys('3');
    await app.waitFor(/^> flask_port\s+5000/m);
    await panelApp(control, 'save-system', 'flaskPort=5005');
    await app.waitFor(/flask_port changed by another program: 5000 -> 5005/);
    expect(userVersion(db)).toBe(0);
    // The first edit adopts the file, and saves.
    await app.keys('Enter', 'BSpace', 'BSpace', 'BSpace', 'BSpace', '5', '0', '0', '6', 'Enter');
    await app.waitFor(/flask_port \S+ -> 5006/);
    await app.keys('q');
    await app.waitFor(/EXITED:0/);
    expect(userVersion(db)).toBeGreaterThan(0);
    expect(cliFor(db)(['get', 'flask_port']).stdout).toBe('5006\n');
    const [shown] = await panelApp(control, 'page');
    expect(shown).toMatchObject({status: 200, form: {flaskPort: '5006'}});
  }, 60_000);

  it("init's wizard offers new keys for the panel's published ones, and the panel's API then refuses the published ones", async () => {
    const {control, db} = panelBox();
    await panelApp(control, 'init');
    expect((await panelApp(control, 'api', 'action=config', 'key=FreeUkra1ne')).map((s) => s.status)).toEqual([200]);
    const app = start(db, 'init');
    await app.waitFor(/step 1 of 8/);
    // Address, port, no credentials, no OpenAI or Anthropic key: then the panel's keys.
    await app.keys('Enter', 'Enter', 'Enter', 'Enter', 'Enter');
    let screen = await app.waitFor(/API keys are its published defaults/);
    expect(screen).toMatch(/❯ 1 replace them with new random keys/);
    await app.keys('Enter');
    screen = await app.waitFor(/Save this setup\?/);
    expect(screen).toMatch(/panel API keys new random keys/);
    await app.keys('Enter');
    await app.waitFor(/set api_key; set admin_key/);
    await app.keys('Enter');
    await app.waitFor(/EXITED:0/);

    const cli = cliFor(db);
    const apiKey = cli(['get', 'api_key']).stdout.trim();
    const adminKey = cli(['get', 'admin_key']).stdout.trim();
    expect(apiKey).toMatch(/^[0-9a-f]{48}$/);
    expect(adminKey).toMatch(/^[0-9a-f]{48}$/);
    expect(adminKey).not.toBe(apiKey);
    const statuses = await panelApp(
      control,
      'api',
      'action=config',
      'key=FreeUkra1ne',
      'api',
      'action=inbox',
      'key=ObeyG1ant',
      'api',
      'action=config',
      `key=${adminKey}`,
    );
    expect(statuses.map((s) => s.status)).toEqual([401, 401, 200]);
    expect(JSON.parse(cli(['doctor', '--json', '--offline']).stdout).checks.filter((c: {check: string}) => c.check === 'panel API key')).toEqual([]);
  }, 60_000);
});
