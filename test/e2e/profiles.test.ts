import {describe, expect, it} from 'vitest';
import {cliFor} from '../helpers/run-cli.js';
import {tempDbPath, tempDir} from '../helpers/temp-db.js';
import {startApp} from '../helpers/tmux.js';

describe('profiles in a real terminal (80x24, tmux, no colour)', () => {
  it('the header names a guarded profile on every screen, a write asks first, and p switches after showing the changes', async () => {
    const db = tempDbPath();
    const home = tempDir();
    const cli = (args: string[]) => cliFor(db)(args, {env: {HOME: home}});
    expect(cli(['init', '--non-interactive']).status).toBe(0);
    for (const args of [
      ['profile', 'create', 'dev'],
      ['profile', 'create', 'prod'],
      ['profile', 'set', 'prod', 'flask_port', '5050'],
      ['profile', 'set', 'dev', 'smcp_port', '9100'],
      ['profile', 'switch', 'prod'],
    ]) {
      expect(cli(args).status, args.join(' ')).toBe(0);
    }
    const app = startApp(db);
    // Without colour the mark says it: `!` before the name.
    const first = await app.waitFor(/\[! prod\]/);
    expect(first.split('\n')[0]).toMatch(/\[! prod\]\s*$/);
    // A write under prod asks first; n writes nothing.
    await app.keys('3', 'Enter', 'C-u', '5', '0', '9', '9', 'Enter');
    await app.waitFor(/prod is a guarded profile: write this change\? y \/ n/);
    await app.keys('n');
    // The editor stays open with what was typed; Esc leaves it.
    await app.waitFor(/nothing written \(prod is guarded\)/);
    await app.waitFor(/flask_port = 5099/);
    await app.keys('Escape');
    expect(cli(['get', 'flask_port']).stdout).toBe('5050\n');
    // The picker: what switching to dev changes, then y.
    await app.keys('p');
    await app.waitFor(/Profiles/);
    await app.keys('k');
    const picker = await app.waitFor(/switching to dev changes 3 values/);
    expect(picker).toMatch(/flask_port 5050 -> 5000/);
    expect(picker).toMatch(/smcp_port 9000 -> 9100/);
    expect(picker).toMatch(/environment prod -> dev/);
    expect(picker.split('\n')[0]).toMatch(/\[! prod\]\s*$/);
    await app.keys('Enter');
    await app.waitFor(/Switch prod -> dev\? y \/ n/);
    await app.keys('y');
    const switched = await app.waitFor(/switched prod -> dev/);
    expect(switched.split('\n')[0]).toMatch(/\[dev\]\s*$/);
    expect(cli(['get', 'environment']).stdout).toBe('dev\n');
    // Not guarded: a write goes straight through.
    await app.keys('3', 'Enter', 'C-u', '5', '0', '0', '1', 'Enter');
    await app.waitFor(/flask_port 5000 -> 5001/);
    // Every frame fits the terminal (no line past 80 columns, no more than 23 rows drawn).
    expect(
      app
        .screen()
        .split('\n')
        .every((line) => line.length <= 80),
    ).toBe(true);
    await app.keys('q');
    await app.waitFor(/EXITED:0/);
  });
});
