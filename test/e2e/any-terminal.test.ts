// The app in any terminal, in a real one (tmux on its own socket): pastes are
// text, never keys; a screen too small to draw keeps everything typed; Ctrl-Z
// and fg; long and wide values; keys typed while a write waits; no colour or
// UTF-8 where the terminal has none.
import Sqlite from 'better-sqlite3';
import stringWidth from 'string-width';
import {readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {startApp, TmuxSession} from '../helpers/tmux.js';
import {type FakeLetta, startFakeLetta} from '../helpers/fake-letta.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.kill();
});

const start = startApp;

/** The app on a new default database, once its first tab is on screen. */
async function openApp() {
  const db = tempDbPath();
  const cli = cliFor(db);
  cli(['list']);
  const app = start(db);
  await app.waitFor(/\[1 API Keys\]/);
  return {db, cli, app};
}

/** Paste as a terminal does: bracketed (the app asked for it) or, with `raw`, as plain typed-in text in one read. */
function paste(app: TmuxSession, text: string, raw = false): void {
  app.tmux('set-buffer', '-b', 'clip', text);
  app.tmux('paste-buffer', ...(raw ? [] : ['-p']), '-b', 'clip', '-t', 'app');
}

describe('pasting into the app', () => {
  it('takes a bracketed paste as text: its line break neither saves nor runs the rest as keys, and the operator is told', async () => {
    const {cli, app} = await openApp();
    await app.keys('3');
    await app.waitFor(/^> flask_port\s+5000/m);
    await app.keys('Enter');
    paste(app, '8090\ndy');
    let screen = await app.waitFor(/pasted the first line only: this field holds one line \(1 more dropped\)/);
    expect(screen).toMatch(/8090/);
    expect(cli(['get', 'flask_port']).stdout).toBe('5000\n');
    await app.keys('Enter');
    await app.waitFor(/flask_port \S+ -> 8090/);

    // Outside a field, a paste does nothing, bracketed or not.
    paste(app, 'dy');
    await app.waitFor(/pasted text is not keys: nothing done/);
    await app.keys('i');
    await app.keys('Escape');
    paste(app, '5058\ndy', true);
    screen = await app.waitFor(/pasted text is not keys/);
    expect(screen).toMatch(/flask_port\s+(\* )?8090/);
    expect(screen).toMatch(/smcp_port/);
    await app.keys('q');
    await app.waitFor(/EXITED:0/);
    expect(JSON.parse(cli(['list', '--json']).stdout).map((s: {key: string}) => s.key)).toContain('smcp_port');
    expect(cli(['get', 'flask_port']).stdout).toBe('8090\n');
  }, 40_000);
});

describe('a terminal too small to draw', () => {
  it('hides an open editor and keeps it, with what was typed, until the terminal grows back', async () => {
    const {cli, app} = await openApp();
    await app.keys('3', 'Enter', '6', '0', '6');
    await app.waitFor(/606/);
    app.tmux('resize-window', '-t', 'app', '-x', '20', '-y', '6');
    await app.waitFor(/need 30x8/);
    // Keys meanwhile reach nothing hidden.
    await app.keys('x', 'Enter');
    app.tmux('resize-window', '-t', 'app', '-x', '80', '-y', '24');
    await app.waitFor(/flask_port = 606/);
    await app.keys('0', 'Enter');
    await app.waitFor(/flask_port \S+ -> 6060/);
    expect(cli(['get', 'flask_port']).stdout).toBe('6060\n');
  }, 30_000);

  it('keeps the first-run wizard and its typed password', async () => {
    const db = tempDbPath();
    const app = start(db, 'init');
    await app.waitFor(/step 1 of 7/);
    await app.keys('Enter', 'Enter', 'j', 'Enter');
    await app.waitFor(/Password or token/);
    await app.keys('s', '3', 'c');
    await app.waitFor(/> \*\*\*/);
    app.tmux('resize-window', '-t', 'app', '-x', '20', '-y', '6');
    await app.waitFor(/need 30x8/);
    app.tmux('resize-window', '-t', 'app', '-x', '80', '-y', '24');
    await app.waitFor(/Password or token/);
    await app.keys('r', 'Enter', 'Enter', 'Enter');
    await app.waitFor(/Save this setup\?/);
    await app.keys('Enter');
    await app.waitFor(/setup saved/);
    await app.keys('Enter');
    await app.waitFor(/EXITED:0/);
    expect(JSON.parse(cliFor(db)(['server', 'list', '--json', '--reveal']).stdout)[0]).toMatchObject({password: 's3cr'});
  }, 30_000);
});

describe('job control', () => {
  it('suspends on Ctrl-Z, giving the shell its screen back, and draws itself whole again on fg', async () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    // Set up by a script: the app opens on its tabs.
    cli(['init', '--non-interactive']);
    const shell = new TmuxSession('bash --norc --noprofile');
    sessions.push(shell);
    shell.tmux('send-keys', '-t', 'app', `PS1='$ ' NO_COLOR=1 ${process.execPath} ${cliPath} --db ${db}`, 'Enter');
    await shell.waitFor(/\[1 API Keys\]/);
    await shell.keys('3');
    await shell.waitFor(/\[3 Ports\]/);
    await shell.keys('C-z');
    await shell.waitFor(/Stopped/);
    expect(shell.alternateScreen()).toBe(false);
    shell.tmux('send-keys', '-t', 'app', 'fg', 'Enter');
    const screen = await shell.waitFor(/^> flask_port/m);
    expect(screen).toMatch(/\[3 Ports\]/);
    expect(shell.alternateScreen()).toBe(true);
    // Still answering keys, and quits as usual.
    await shell.keys('j');
    await shell.waitFor(/^> smcp_port/m);
    await shell.keys('q');
    shell.tmux('send-keys', '-t', 'app', 'echo EXITED:$?', 'Enter');
    await shell.waitFor(/EXITED:0/);
  }, 30_000);
});

describe('long and wide values', () => {
  it('scrolls a 300-character value to keep the cursor in view, with a mark at each cut edge, edited at both ends', async () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    const long = `/srv/${'x'.repeat(290)}/end`;
    expect(cli(['set', 'sanctum_base_path', long]).status).toBe(0);
    const app = start(db);
    await app.waitFor(/\[1 API Keys\]/);
    await app.keys('2');
    await app.waitFor(/^> sanctum_base_path/m);
    await app.keys('Enter', 'Right', 'Z');
    let screen = await app.waitFor(/^sanctum_base_path = <x+\/endZ\|$/m);
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    await app.keys('Home', 'A');
    screen = await app.waitFor(/^sanctum_base_path = A\|\/srv\/x+>$/m);
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    await app.keys('Enter');
    await app.waitFor(/sanctum_base_path \S+ -> /);
    expect(cli(['get', 'sanctum_base_path']).stdout).toBe(`A${long}Z\n`);
  }, 30_000);

  it('keeps columns aligned with wide characters and combining marks, in list and in the app', async () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    expect(cli(['set', 'sanctum_base_path', '/srv/設定/café']).status).toBe(0);
    expect(cli(['set', 'letta_data_path', '/srv/cafe\u0301/データ']).status).toBe(0);
    const listed = cli(['list', '--category', 'paths']).stdout.split('\n').filter(Boolean);
    // The TYPE column starts at the same terminal column on every line.
    const typeColumn = (line: string) => stringWidth(line.slice(0, line.search(/ string | TYPE /) + 1));
    expect(new Set(listed.map(typeColumn)).size).toBe(1);
    const app = start(db);
    await app.waitFor(/\[1 API Keys\]/);
    await app.keys('2');
    const screen = await app.waitFor(/データ/);
    const rows = screen.split('\n').filter((line) => / string$/.test(line));
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((line) => stringWidth(line))).size).toBe(1);
  }, 30_000);
});

describe('keys typed while a write waits for another writer', () => {
  it('wait with it, and then act in order on the screen after the write', async () => {
    const {db, cli, app} = await openApp();
    await app.keys('3');
    await app.waitFor(/^> flask_port/m);
    const blocking = new Sqlite(db);
    blocking.exec('BEGIN IMMEDIATE');
    try {
      await app.keys('Enter', '5', '1', '1', '1', 'Enter');
      await app.waitFor(/waiting for another writer\.\.\. \(keys typed now wait too\)/);
      // Typed while it waits: not into the field it is saving, but after it, as keys.
      await app.keys('j', 'x');
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      blocking.exec('ROLLBACK');
      blocking.close();
    }
    const screen = await app.waitFor(/^> smcp_port/m);
    expect(screen).toMatch(/flask_port\s+\* 5111/);
    expect(cli(['get', 'flask_port']).stdout).toBe('5111\n');
    await app.keys('q');
    await app.waitFor(/EXITED:0/);
  }, 30_000);
});

describe("following the terminal's capabilities", () => {
  /** The bytes the app wrote to its terminal, recorded by script(1), after opening a tab and quitting. */
  async function bytesUnder(env: string): Promise<Buffer> {
    const db = tempDbPath();
    cliFor(db)(['set', 'sanctum_base_path', '/srv/設定']);
    const raw = join(dirname(db), 'raw-output');
    const app = new TmuxSession(
      `script -q -e -c "env -u NO_COLOR -u FORCE_COLOR ${env} ${process.execPath} ${cliPath} --db ${db}" ${raw}; echo "EXITED:$?"; sleep 60`,
    );
    sessions.push(app);
    await app.waitFor(/1 API Keys/);
    await app.keys('2');
    await app.waitFor(/\[2 Paths\]/);
    await app.keys('q');
    await app.waitFor(/EXITED:0/);
    return readFileSync(raw);
  }

  it('sends no colour or other attributes to a terminal without them (TERM=vt100, xterm-mono)', async () => {
    for (const term of ['vt100', 'xterm-mono']) {
      const written = (await bytesUnder(`TERM=${term} LANG=C.UTF-8`)).toString('utf8');
      expect({term, sgr: written.match(/\u001b\[[0-9;]*m/g)?.slice(0, 3) ?? []}).toEqual({term, sgr: []});
      expect(written).toContain('> openai_api_key');
    }
    const coloured = (await bytesUnder('TERM=xterm-256color LANG=C.UTF-8')).toString('utf8');
    expect(coloured).toMatch(/\u001b\[[0-9;]*m/);
  }, 60_000);

  it('sends only ASCII when the locale is not UTF-8 (LANG=C), one column per column', async () => {
    const written = await bytesUnder('TERM=xterm LC_ALL=C');
    expect([...written].filter((byte) => byte > 0x7f)).toEqual([]);
    const text = written.toString('latin1');
    expect(text).toContain('/srv/????');
    expect(text).not.toContain('\u00c2');
    const utf8 = (await bytesUnder('TERM=xterm LANG=C.UTF-8')).toString('utf8');
    expect(utf8).toContain('/srv/設定');
    expect(utf8).toContain('·');
  }, 60_000);
});

describe('drawing only what changed (a slow link)', () => {
  it('leaves, after 200 random keys, the screen a fresh whole draw gives', async () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['list']);
    for (let i = 0; i < 30; i++)
      cli(['set', `extra_${String(i).padStart(2, '0')}`, `value ${i}`, '--type', 'string', '--category', i % 2 ? 'general' : 'paths']);
    const app = start(db);
    await app.waitFor(/\[1 API Keys\]/);
    // Keys that move and show, never edit: a seeded sequence, the same every run.
    const moves = [
      'j',
      'k',
      'g',
      'G',
      'PageDown',
      'PageUp',
      '1',
      '2',
      '3',
      '4',
      '5',
      'Tab',
      'BTab',
      '?',
      'Escape',
      'i',
      'Escape',
      'r',
      '/',
      'e',
      'x',
      'Escape',
    ];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 200; i++) app.tmux('send-keys', '-t', 'app', moves[next() % moves.length]!);
    await app.keys('Escape', 'Escape');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const drawn = app.screen().split('\n');
    await app.keys('C-l');
    await app.waitFor(/redrawn/);
    const fresh = app.screen().split('\n');
    // All but the status line, which now says "redrawn".
    expect(drawn.slice(0, 22)).toEqual(fresh.slice(0, 22));
  }, 60_000);
});

describe('themes', () => {
  const running: FakeLetta[] = [];
  afterEach(async () => {
    while (running.length) await running.pop()!.close();
  });

  /** The bytes written while a server test times out, on the Servers tab, under `args` (and the terminal's answer to OSC 11). */
  async function timeoutUnder(args: string, background?: string): Promise<string> {
    const silent = await startFakeLetta({behaviour: 'silent'});
    running.push(silent);
    const db = tempDbPath();
    cliFor(db)(['server', 'set', '1', '--address', '127.0.0.1', '--port', String(silent.port), '--timeout', '1']);
    cliFor(db)(['server', 'add', '--address', '10.9.9.9', '--port', '8284']);
    const raw = join(dirname(db), 'raw-output');
    const app = new TmuxSession(
      `script -q -e -c "env -u NO_COLOR -u FORCE_COLOR TERM=xterm-256color ${process.execPath} ${cliPath} --db ${db} ${args}" ${raw}; echo "EXITED:$?"; sleep 60`,
    );
    sessions.push(app);
    await app.waitFor(/1 API Keys/);
    // The terminal's answer to the app's question, as the terminal would type it.
    if (background) app.tmux('send-keys', '-t', 'app', '-l', `\u001b]11;${background}\u001b\\`);
    await app.keys('5');
    await app.waitFor(/^> \* 1 /m);
    await app.keys('t');
    await app.waitFor(/timeout/);
    // The selected row is in inverse video, without colour: the outcome shows its colour once the selection moves on.
    await app.keys('j');
    await app.waitFor(/^>\s+2 /m);
    await app.keys('q');
    await app.waitFor(/EXITED:0/);
    return readFileSync(raw, 'utf8');
  }

  it('colours only the outcome word, readable on the background: yellow on dark, magenta on light, none in mono', async () => {
    const colourOfTimeout = (written: string) => /\u001b\[(\d+)m *timeout/.exec(written)?.[1];
    expect(colourOfTimeout(await timeoutUnder('--theme dark'))).toBe('33');
    expect(colourOfTimeout(await timeoutUnder('--theme light'))).toBe('35');
    expect(colourOfTimeout(await timeoutUnder('', 'rgb:ffff/ffff/ffff'))).toBe('35');
    expect(colourOfTimeout(await timeoutUnder('', 'rgb:0000/0000/0000'))).toBe('33');
    expect(await timeoutUnder('--theme mono')).not.toMatch(/\u001b\[3\dm/);
    const bad = cliFor(tempDbPath())(['--theme', 'pink']);
    expect(bad.status).toBe(2);
  }, 90_000);
});

describe("an operator's own keys", () => {
  function startWithKeys(db: string, keys: string): TmuxSession {
    const file = join(dirname(db), 'keys.json');
    writeFileSync(file, keys);
    const app = new TmuxSession(`env NO_COLOR=1 SANCTUM_CONFIG_KEYS=${file} ${process.execPath} ${cliPath} --db ${db}; echo "EXITED:$?"; sleep 60`);
    sessions.push(app);
    return app;
  }

  it('takes a keymap file: the keys move, quit and show in the footer and the help as written', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const app = startWithKeys(db, JSON.stringify({Settings: {down: ['C-n', 'Down'], up: ['C-p', 'Up']}, Everywhere: {quit: ['Q']}}));
    await app.waitFor(/\[1 API Keys\]/);
    await app.keys('C-n');
    let screen = await app.waitFor(/^> anthropic_api_key/m);
    expect(screen).toMatch(/\? help {2}Q quit$/m);
    await app.keys('j', 'C-p');
    await app.waitFor(/^> openai_api_key/m);
    await app.keys('?');
    screen = await app.waitFor(/Q\s+quit/);
    await app.keys('PgDn');
    await app.waitFor(/C-n\/↓\s+next row/);
    await app.keys('Escape', 'q');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.screen()).not.toMatch(/EXITED/);
    await app.keys('Q');
    await app.waitFor(/EXITED:0/);
  }, 30_000);

  it('says what is wrong with a keymap at the start, in one line, and keeps the default keys', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const app = startWithKeys(db, JSON.stringify({Settings: {down: ['n']}}));
    await app.waitFor(/^! .*keys\.json: in "Settings"/m);
    await app.keys('i');
    const details = await app.waitFor(/the default keys are in use/);
    expect(details.replace(/\s+/g, ' ')).toContain('keys.json: in "Settings", n would be both "down" and "add"; the default keys are in use');
    await app.keys('Escape', 'j');
    await app.waitFor(/^> anthropic_api_key/m);
    await app.keys('q');
    await app.waitFor(/EXITED:0/);
  }, 30_000);
});

describe('copying, honestly', () => {
  it("says it asked the terminal (OSC 52) and what tmux needs; with tmux's set-clipboard on the value arrives", async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const app = start(db);
    await app.waitFor(/\[1 API Keys\]/);
    app.tmux('set-option', '-g', 'set-clipboard', 'on');
    await app.keys('j', 'j', 'y');
    await app.waitFor(/sent ollama_base_url via OSC 52; tmux passes it on only with set-clipboa/);
    expect(app.tmux('show-buffer')).toBe('http://localhost:11434');
    // The message is about this tab: it goes with it, and i still shows it.
    await app.keys('2');
    expect(await app.waitFor(/\[2 Paths\]/)).not.toMatch(/sent ollama_base_url/);
    await app.keys('i');
    await app.waitFor(/allow-passthrough on/);
    await app.keys('Escape', 'q');
  }, 30_000);
});
