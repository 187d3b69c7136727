import {userInfo} from 'node:os';
import {afterEach, describe, expect, it} from 'vitest';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {TmuxSession} from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.kill();
});

/** The app as an operator runs it, through sudo when `sudoUser` is given (SUDO_USER is what sudo sets). */
function start(db: string, sudoUser?: string): TmuxSession {
  const env = sudoUser ? `SUDO_USER=${sudoUser}` : '';
  const tmux = new TmuxSession(`env NO_COLOR=1 ${env} ${process.execPath} ${cliPath} --db ${db}; echo "EXITED:$?"; sleep 60`);
  sessions.push(tmux);
  return tmux;
}

describe("an operator's day (80x24, tmux)", () => {
  it('two operators edit; the recent changes name each, restore one; undo, redo; find goes to a row on another tab', async () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['init', '--non-interactive']);
    cli(['set', 'smcp_port', '9100'], {env: {SUDO_USER: 'bob-ops'}});
    const me = userInfo().username;

    const app = start(db, 'alice-ops');
    await app.waitFor(/\[1 API Keys\]/);
    // alice edits flask_port in the app: the message says old and new.
    await app.keys('3', 'Enter', 'C-u', '5', '0', '5', '0', 'Enter');
    await app.waitFor(/flask_port 5000 -> 5050/);
    // The recent changes: every row, who made it (the program and the person), newest first.
    await app.keys('c');
    const changes = await app.waitFor(/Recent changes/);
    expect(changes).toMatch(new RegExp(`app alice-ops as ${me}\\s+flask_port\\s+5000 -> 5050`));
    expect(changes).toMatch(new RegExp(`cli bob-ops as ${me}\\s+smcp_port\\s+9000 -> 9100`));
    expect(changes.indexOf('flask_port')).toBeLessThan(changes.indexOf('smcp_port'));
    // Restore bob's change, after a question that says what it puts back.
    await app.keys('/', 's', 'm', 'c', 'p', 'Enter', 'Enter');
    await app.waitFor(/Put back smcp_port 9000 \(from before change \d+\)\? y \/ n/);
    await app.keys('y');
    await app.waitFor(/restored smcp_port 9100 -> 9000/);
    expect(cli(['get', 'smcp_port']).stdout).toBe('9000\n');
    await app.keys('Escape', 'Escape');
    await app.waitFor(/\[3 Ports\]/);
    // Undo and redo of this session's changes.
    await app.keys('u');
    await app.waitFor(/undid smcp_port 9000 -> 9100/);
    await app.keys('u');
    await app.waitFor(/undid flask_port 5050 -> 5000/);
    await app.keys('U');
    await app.waitFor(/redid flask_port 5000 -> 5050/);
    expect(cli(['get', 'flask_port']).stdout).toBe('5050\n');
    // Find anywhere: a description on another tab, and there it is, selected.
    await app.keys('f');
    await app.waitFor(/Find anywhere/);
    for (const c of 'ollama') await app.keys(c);
    await app.waitFor(/API Keys: ollama_base_url/);
    await app.keys('Enter');
    const found = await app.waitFor(/\[1 API Keys\]/);
    expect(found).toMatch(/^> ollama_base_url/m);
    await app.keys('q');
    await app.waitFor(/EXITED:0/);
  }, 40_000);
});
