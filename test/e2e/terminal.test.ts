import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {TmuxSession} from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.kill();
});

function start(db: string, size?: {columns: number; rows: number}, extra = ''): TmuxSession {
  const command = `env NO_COLOR=1 ${process.execPath} ${cliPath} --db ${db} ${extra}; echo "EXITED:$?"; sleep 60`;
  const session = new TmuxSession(command, size);
  sessions.push(session);
  return session;
}

describe('the real binary in a real terminal (tmux, 80x24)', () => {
  it('opens the first-run wizard on a new database; Esc leaves it for later, to the tabs', async () => {
    const db = tempDbPath();
    const tmux = start(db);
    await tmux.waitFor(/first-run setup \(step 1 of 7\)/);
    expect(tmux.alternateScreen()).toBe(true);
    await tmux.keys('Escape');
    const screen = await tmux.waitFor(/\[1 API Keys\]/);
    expect(screen).toContain('setup not finished: it opens again at the next start');
    expect(screen).toContain('! setup not finished');
    await tmux.keys('q');
    await tmux.waitFor(/EXITED:0/);
  });

  it('edits a setting with the keyboard, and q restores the terminal', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const tmux = start(db);
    await tmux.waitFor(/\[1 API Keys\]/);
    // The frame starts on the top row and leaves the last one free: never taller than rows - 1.
    const rows = tmux.screen().replace(/\n$/, '').split('\n');
    expect(rows).toHaveLength(24);
    expect(rows[0]).toMatch(/^sanctum-config \[1 API Keys\]/);
    expect(rows[22]).toMatch(/press \? for help/);
    expect(rows[23]!.trim()).toBe('');
    await tmux.keys('3', 'Enter', 'BSpace', 'BSpace', 'BSpace', 'BSpace', '5', '0', '0', '1', 'Enter');
    await tmux.waitFor(/flask_port \S+ -> 5001/);
    expect(cliFor(db)(['get', 'flask_port']).stdout).toBe('5001\n');
    await tmux.keys('q');
    const after = await tmux.waitFor(/EXITED:0/);
    expect(tmux.alternateScreen()).toBe(false);
    expect(after).not.toContain('API Keys');
  });

  it('types ahead correctly when keys arrive together, as over a slow link', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const tmux = start(db);
    await tmux.waitFor(/\[1 API Keys\]/);
    // One send-keys call: the keys reach the app in a single read.
    tmux.tmux('send-keys', '-t', 'app', '3', 'j', 'Enter', 'BSpace', 'BSpace', 'BSpace', 'BSpace', '9', '1', '0', '0', 'Enter');
    await tmux.waitFor(/smcp_port \S+ -> 9100/);
    expect(cliFor(db)(['get', 'smcp_port']).stdout).toBe('9100\n');
  });

  it('re-lays out on resize, compact below 60 columns, and leaves cleanly on Ctrl-C, with 130 as an interrupted program does', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const tmux = start(db);
    await tmux.waitFor(/sanctum-config \[1 API Keys\]/);
    tmux.tmux('resize-window', '-t', 'app', '-x', '50', '-y', '16');
    const narrow = await tmux.waitFor(/^\[1 API Keys\] .*>$/m);
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
    expect(narrow).not.toMatch(/ string$/m);
    await tmux.keys('C-c');
    await tmux.waitFor(/EXITED:130/);
    expect(tmux.alternateScreen()).toBe(false);
  });

  it('opens read-only with --read-only and refuses edits', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const tmux = start(db, undefined, '--read-only');
    await tmux.waitFor(/\[READ-ONLY\]/);
    await tmux.keys('3', 'Enter');
    await tmux.waitFor(/! read-only: editing is off/);
    await tmux.keys('q');
    await tmux.waitFor(/EXITED:0/);
  });
});

describe('init on a terminal', () => {
  it('opens the wizard even on an existing database, saves, and exits with a summary', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const command = `env NO_COLOR=1 ${process.execPath} ${cliPath} --db ${db} init; echo "EXITED:$?"; sleep 60`;
    const tmux = new TmuxSession(command);
    sessions.push(tmux);
    await tmux.waitFor(/first-run setup \(step 1 of 7\)/);
    await tmux.keys('Enter', 'Enter', 'Enter', 'Enter', 's', 'k', '-', 'x', 'Enter');
    await tmux.waitFor(/Save this setup\?/);
    await tmux.keys('Enter');
    await tmux.waitFor(/Does the Letta server answer\?/);
    await tmux.keys('Enter');
    const screen = await tmux.waitFor(/EXITED:0/);
    expect(screen).toContain('setup saved: set anthropic_api_key');
    expect(cliFor(db)(['get', 'anthropic_api_key']).stdout).toBe('sk-x\n');
  });

  it('says plainly, in one line, that a dumb terminal cannot show the app', async () => {
    const db = tempDbPath();
    // tmux's screen never shows escape codes; script(1) records the bytes the program wrote to its terminal.
    const raw = join(dirname(db), 'raw-output');
    const tmux = new TmuxSession(`script -q -e -c "env TERM=dumb ${process.execPath} ${cliPath} --db ${db}" ${raw}; echo "EXITED:$?"; sleep 60`);
    sessions.push(tmux);
    const screen = await tmux.waitFor(/EXITED:2/);
    expect(screen).toContain('sanctum-config: TERM=dumb cannot show the app; use the commands (see --help)');
    const written = readFileSync(raw, 'utf8');
    expect(written).toContain('TERM=dumb cannot show the app');
    expect(written).not.toMatch(/\u001b/);
  });
});
