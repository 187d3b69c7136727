import {dirname} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {startFakeLetta} from '../helpers/fake-letta.js';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {TmuxSession} from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (sessions.length) sessions.pop()!.kill();
  while (closers.length) await closers.pop()!();
});

/** The real app in tmux; HOME is the database's directory, so the header reads ~/config.db in every run. */
function start(db: string, size: {columns: number; rows: number}, args = ''): TmuxSession {
  const command = `env NO_COLOR=1 HOME=${dirname(db)} ${process.execPath} ${cliPath} --db ${db} ${args}; echo "EXITED:$?"; sleep 60`;
  const session = new TmuxSession(command, size);
  sessions.push(session);
  return session;
}

/** The whole screen, with what differs between runs (ports, times) made fixed. */
const whole = (screen: string, port?: number) =>
  screen
    .replace(port === undefined ? /$^/ : new RegExp(String(port), 'g'), 'PORT')
    .replace(/\d+ ?ms\b/g, 'N ms')
    .replace(/\d+s\b/g, 'Ns')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?/g, 'DATE');

async function box() {
  const letta = await startFakeLetta({password: 'pw'});
  closers.push(() => letta.close());
  const db = tempDbPath();
  const cli = cliFor(db);
  cli(['set', 'flask_port', '5050']);
  cli(['server', 'add', '--address', '127.0.0.1', '--port', String(letta.port), '--name', 'sanctum', '--password-stdin', '--activate'], {input: 'pw'});
  return {db, cli, port: letta.port};
}

describe('an operator at 80x24 (tmux, whole frames)', () => {
  it('sees the context, the defaults, resets one, tests every server, reads a message in full and scrolls the help', async () => {
    const {db, cli, port} = await box();
    const tmux = start(db, {columns: 80, rows: 24});
    await tmux.waitFor(/\[1 API Keys\]/);
    await tmux.keys('3');
    expect(whole(await tmux.waitFor(/> flask_port \* 5050/), port)).toMatchSnapshot('ports tab');

    await tmux.keys('R');
    await tmux.waitFor(/Reset flask_port to its default '5000'\? y \/ n/);
    await tmux.keys('y');
    await tmux.waitFor(/flask_port 5050 -> 5000 \(its default\)/);
    expect(cli(['get', 'flask_port']).stdout).toBe('5000\n');

    await tmux.keys('s', 'T');
    const tested = await tmux.waitFor(/\* 2 +sanctum .*ok N? ?\d+ms|\* 2 +sanctum .*ok \d+/);
    // Test-all ends with a summary of what it found.
    await tmux.waitFor(/tested 2 servers: 1 unreachable, 1 ok/);
    expect(whole(tmux.screen(), port)).toMatchSnapshot('servers tab after T');
    expect(tested).toMatch(/Letta http:\/\/127\.0\.0\.1:\d+ \(ok\)/);

    await tmux.keys('i');
    expect(whole(await tmux.waitFor(/The last message in full/), port)).toMatchSnapshot('the last message in full');
    await tmux.keys('x', '?');
    await tmux.waitFor(/any other key closes help \(1-/);
    await tmux.keys('PPage', 'NPage');
    expect(whole(await tmux.waitFor(/any other key closes help \(2[0-9]-/), port)).toMatchSnapshot('help, second page');
    await tmux.keys('x', 'q');
    await tmux.waitFor(/EXITED:0/);
  });
});

describe('an operator on a small terminal (tmux, whole frames)', () => {
  it('at 50x15: the footer keeps ? help and q quit; the Servers tab fits', async () => {
    const {db, port} = await box();
    const tmux = start(db, {columns: 50, rows: 15});
    await tmux.waitFor(/\[1 API Keys\]/);
    await tmux.keys('3');
    const ports = whole(await tmux.waitFor(/> flask_port/), port);
    expect(ports).toMatch(/\? help {2}q quit/);
    expect(ports).toMatchSnapshot('ports tab at 50x15');
    await tmux.keys('s');
    expect(whole(await tmux.waitFor(/\[\d Servers\]/), port)).toMatchSnapshot('servers tab at 50x15');
    await tmux.keys('q');
  });

  it('at 80x8 the setup wizard draws each step inside the screen', async () => {
    const db = tempDbPath();
    const tmux = start(db, {columns: 80, rows: 8}, 'init');
    expect(whole(await tmux.waitFor(/first-run setup \(step 1 of 7\)/))).toMatchSnapshot('wizard at 80x8, step 1');
    await tmux.keys('Enter', 'Enter');
    expect(whole(await tmux.waitFor(/How does the server check who you are\?/))).toMatchSnapshot('wizard at 80x8, auth');
    await tmux.keys('Escape');
    await tmux.waitFor(/EXITED:0/);
  });
});
