import {afterEach, describe, expect, it} from 'vitest';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {TmuxSession} from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.kill();
});

/** The app on `db` as the operator starts it, the file's setup state as it is (not marked finished by the harness). */
function start(db: string): TmuxSession {
  const tmux = new TmuxSession(`env NO_COLOR=1 ${process.execPath} ${cliPath} --db ${db}; echo "EXITED:$?"; sleep 60`, undefined, {setupAsIs: true});
  sessions.push(tmux);
  return tmux;
}

describe('a first run that finishes (80x24, tmux)', () => {
  it('a file made by get still gets the setup; Ctrl-C mid-way resumes it; Esc leaves it for later, said in the header; finishing ends the offer', async () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    // A script read a value first: that created the file.
    expect(cli(['get', 'flask_port']).stdout).toBe('5000\n');
    expect(cli(['doctor', '--json']).stdout).toContain('"check": "setup"');

    const first = start(db);
    await first.waitFor(/first-run setup \(step 1 of 7\)/);
    await first.keys('C-u');
    for (const c of 'letta.lan') await first.keys(c);
    await first.keys('Enter');
    await first.waitFor(/step 2 of 7/);
    await first.keys('C-c');
    await first.waitFor(/EXITED:130/);

    const second = start(db);
    await second.waitFor(/first-run setup, resumed \(step 2 of 7\)/);
    await second.keys('BTab');
    await second.waitFor(/> \[?letta\.lan/);
    await second.keys('Escape');
    const main = await second.waitFor(/\[1 API Keys\]/);
    expect(main).toContain('! setup not finished');
    expect(main).toContain('setup not finished: it opens again at the next start');
    await second.keys('q');
    await second.waitFor(/EXITED:0/);

    const third = start(db);
    await third.waitFor(/first-run setup, resumed \(step 1 of 7\)/);
    await third.keys('C-s');
    await third.waitFor(/Save this setup\?/);
    await third.keys('Enter');
    await third.waitFor(/Does the Letta server answer\?/);
    await third.keys('Enter');
    await third.waitFor(/\[1 API Keys\]/);
    await third.keys('q');
    await third.waitFor(/EXITED:0/);
    expect(JSON.parse(cli(['server', 'list', '--json']).stdout)[0]).toMatchObject({address: 'letta.lan'});

    const fourth = start(db);
    const opened = await fourth.waitFor(/\[1 API Keys\]/);
    expect(opened).not.toContain('setup not finished');
    expect(opened).not.toContain('first-run setup');
  }, 40_000);
});
