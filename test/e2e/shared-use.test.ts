import {afterEach, describe, expect, it} from 'vitest';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {TmuxSession} from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.kill();
});

function start(db: string): TmuxSession {
  const session = new TmuxSession(`env NO_COLOR=1 ${process.execPath} ${cliPath} --db ${db}; echo "EXITED:$?"; sleep 60`);
  sessions.push(session);
  return session;
}

describe('the app and the CLI on one file at once (two real processes)', () => {
  it('explains what another program changed, keeps the tab and the selection, and loses no edit', async () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['list']);
    const app = start(db);
    await app.waitFor(/\[1 API Keys\]/);
    await app.keys('3', 'j');
    await app.waitFor(/^> smcp_port/m);

    // Another program changes a value, adds a category before ours, and removes a row above the selection.
    expect(cli(['set', 'flask_port', '5050']).status).toBe(0);
    let screen = await app.waitFor(/flask_port changed by another program: 5000 -> 5050/);
    expect(screen).toMatch(/^> smcp_port\s+9000/m);
    expect(cli(['set', 'aaa_first', 'x', '--type', 'string', '--category', 'aardvark']).status).toBe(0);
    expect(cli(['unset', 'flask_port']).status).toBe(0);
    screen = await app.waitFor(/flask_port removed by another program|2 changes by another program/);
    expect(screen).toMatch(/\[\d Ports\]/);
    expect(screen).toMatch(/^> smcp_port/m);

    // An edit in progress: the row changes underneath; the app says so at once, and Enter asks.
    await app.keys('Enter', 'BSpace', 'BSpace', 'BSpace', 'BSpace', '9', '1', '1', '1');
    expect(cli(['set', 'smcp_port', '9200']).status).toBe(0);
    await app.waitFor(/! changed by another program: now '9200'/);
    await app.keys('Enter');
    screen = await app.waitFor(/smcp_port changed meanwhile: now '9200' \(yours: 9111\)\. o overwrite/);
    expect(cli(['get', 'smcp_port']).stdout).toBe('9200\n');
    await app.keys('o');
    await app.waitFor(/smcp_port \S+ -> 9111/);
    expect(cli(['get', 'smcp_port']).stdout).toBe('9111\n');

    // The history knows who did what; u undoes the app's own last change.
    const history = JSON.parse(cli(['history', 'smcp_port', '--json']).stdout) as {source: string; new_value: string}[];
    expect(history.map((h) => [h.source, h.new_value])).toEqual([
      ['app', '9111'],
      ['cli', '9200'],
    ]);
    await app.keys('u');
    await app.waitFor(/undid smcp_port \S+ -> /);
    expect(cli(['get', 'smcp_port']).stdout).toBe('9200\n');
    await app.keys('q');
    await app.waitFor(/EXITED:0/);
  });

  it('shows the conflict dialog for a server whose port another program changed while its form was open', async () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['list']);
    const app = start(db);
    await app.waitFor(/\[1 API Keys\]/);
    await app.keys('5', 'Enter');
    await app.waitFor(/Edit server 1/);
    await app.keys('Down', 'Down', 'BSpace', 'BSpace', 'BSpace', 'BSpace', '8', '2', '8', '4');
    expect(cli(['server', 'set', '1', '--port', '9999', '--timeout', '12']).status).toBe(0);
    await app.waitFor(/! changed by another program: port/);
    await app.keys('Enter');
    const dialog = await app.waitFor(/! port changed meanwhile by another program: which to keep\?/);
    expect(dialog).toMatch(/o overwrite {2}t take theirs {2}e\/Esc keep editing/);
    await app.keys('t');
    await app.waitFor(/kept server 1 as another program saved it/);
    const server = JSON.parse(cli(['server', 'list', '--json']).stdout)[0];
    expect(server).toMatchObject({port: 9999, timeout: 12});
    await app.keys('q');
  });
});
