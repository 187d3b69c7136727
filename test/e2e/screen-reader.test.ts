// The screen reader mode, read as text: one plain line per key, sentences,
// nothing drawn (the bytes the terminal got, recorded by script(1)).
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {TmuxSession} from '../helpers/tmux.js';
import {startFakeLetta} from '../helpers/fake-letta.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.kill();
});

function start(db: string, how: string): {app: TmuxSession; raw: string} {
  const raw = join(dirname(db), 'raw-output');
  const app = new TmuxSession(`script -q -e -c "env ${how} ${process.execPath} ${cliPath} --db ${db}" ${raw}; echo "EXITED:$?"; sleep 60`, {
    columns: 200,
    rows: 40,
  });
  sessions.push(app);
  return {app, raw};
}

/** What the app wrote, as the lines a screen reader reads (script's own lines left out). */
const linesOf = (raw: string) =>
  readFileSync(raw, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !/^Script (started|done) on /.test(line));

describe('the screen reader mode', () => {
  it('says the active profile, and under a guarded one asks before a write', async () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['profile', 'create', 'prod']);
    cli(['profile', 'switch', 'prod']);
    const {app, raw} = start(db, 'TERM=xterm-256color SANCTUM_CONFIG_SCREEN_READER=1');
    await app.waitFor(/API Keys, 1 of 3/);
    await app.keys('3', 'Enter', '5', '0', '5', '1', 'Enter', 'n', 'Enter', 'y', 'q');
    await app.waitFor(/EXITED:0/);
    const lines = linesOf(raw);
    expect(lines[0]).toContain(', profile prod (guarded: every write asks first).');
    const asked = 'prod is a guarded profile: write this change? Press y to write it; any other key writes nothing.';
    const end = lines.slice(lines.indexOf(asked));
    expect(end[0]).toBe(asked);
    expect(end[1]).toBe('Nothing written. Still editing flask_port: Enter asks again, Escape cancels.');
    expect(end[2]).toBe(asked);
    expect(end[3]).toBe('flask_port 5000 to 5051.');
    expect(end.at(-1)).toBe('Goodbye.');
    expect(cli(['get', 'flask_port']).stdout).toBe('5051\n');
  });

  it('answers each key with one sentence that says where you are, keeps secrets hidden, and draws nothing', async () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-hidden-1'});
    const {app, raw} = start(db, 'TERM=xterm-256color SANCTUM_CONFIG_SCREEN_READER=1');
    await app.waitFor(/API Keys, 1 of 3/);
    await app.keys('j', 'k', 'r', 'r', '3', 'Enter', '5', '0', '5', '1', 'Enter', 'Enter', 'x', 'BSpace', 'Escape', '1', 'Enter', 'a', 'b', 'Enter', 'q');
    await app.waitFor(/EXITED:0/);
    const lines = linesOf(raw);
    expect(lines.slice(0, 13)).toEqual([
      `sanctum-config, screen reader mode, ${db}. 5 tabs: API Keys, Paths, Ports, General, Servers. Press ? for the keys.`,
      'API Keys, 1 of 3: openai_api_key, secret, hidden.',
      'API Keys, 2 of 3: anthropic_api_key, not set.',
      'API Keys, 1 of 3: openai_api_key, secret, hidden.',
      'API Keys, 1 of 3: openai_api_key, secret, shown: sk-hidden-1.',
      'API Keys, 1 of 3: openai_api_key, secret, hidden.',
      'Ports, 1 of 2: flask_port, 5000.',
      'Editing flask_port, now 5000. Type the new value, then Enter to save or Escape to cancel.',
      '5',
      '0',
      '5',
      '1',
      'flask_port 5000 to 5051.',
    ]);
    expect(lines.slice(13)).toEqual([
      'Editing flask_port, now 5051. Type the new value, then Enter to save or Escape to cancel.',
      'x',
      'Empty.',
      'Cancelled; flask_port is unchanged.',
      'API Keys, 1 of 3: openai_api_key, secret, hidden.',
      'Editing openai_api_key, a secret. Type the new value (it is not shown), then Enter to save or Escape to cancel.',
      '1 character.',
      '2 characters.',
      'openai_api_key a hidden value to a hidden value.',
      'Goodbye.',
    ]);
    // Nothing drawn: no cursor movement, no colour, no alternate screen.
    expect(readFileSync(raw, 'utf8')).not.toMatch(/\u001b/);
    expect(cli(['get', 'openai_api_key']).stdout).toBe('ab\n');
    expect(cli(['get', 'flask_port']).stdout).toBe('5051\n');
  }, 30_000);

  it('says why a value is refused, as a sentence, and keeps editing; Ctrl-C leaves with 130; works on TERM=dumb', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const {app, raw} = start(db, 'TERM=dumb INK_SCREEN_READER=true');
    await app.waitFor(/API Keys, 1 of 3/);
    await app.keys('3', 'Enter', 'a', 'b', 'c', 'Enter', 'C-c');
    await app.waitFor(/EXITED:130/);
    expect(linesOf(raw)).toContain("flask_port: 'abc' is not a whole number. Still editing flask_port: type again, or Escape.");
    expect(cliFor(db)(['get', 'flask_port']).stdout).toBe('5000\n');
  }, 30_000);
});

describe('the first-run setup in the screen reader mode', () => {
  it('asks each step in a sentence, saves as the drawn wizard does, and says what the test of the server found', async () => {
    const letta = await startFakeLetta();
    try {
      const db = tempDbPath();
      const raw = join(dirname(db), 'raw-output');
      const setup = new TmuxSession(
        `script -q -e -c "env TERM=xterm ${process.execPath} ${cliPath} --db ${db} init --screen-reader" ${raw}; echo "EXITED:$?"; sleep 60`,
        {columns: 200, rows: 40},
      );
      sessions.push(setup);
      await setup.waitFor(/Step 1 of 7: Letta server address/);
      await setup.keys('1', '2', '7', '.', '0', '.', '0', '.', '1', 'Enter');
      await setup.waitFor(/Step 2 of 7/);
      for (const key of String(letta.port)) await setup.keys(key);
      await setup.keys('Enter');
      await setup.waitFor(/Step 3 of 7: How does the server check who you are\? 1, none/);
      await setup.keys('2');
      await setup.waitFor(/Step 4 of 7: Password or token/);
      await setup.keys('p', 'w', 'Enter', 'Enter', 'Enter');
      await setup.waitFor(/Step 7 of 7: Save this setup\?/);
      await setup.keys('Enter');
      await setup.waitFor(/Letta: ok/);
      await setup.keys('Enter');
      await setup.waitFor(/EXITED:0/);
      const lines = linesOf(raw);
      expect(lines).toContain('2 characters.');
      expect(lines.join('\n')).not.toContain('pw');
      expect(readFileSync(raw, 'utf8')).not.toMatch(/\u001b/);
      expect(JSON.parse(cliFor(db)(['server', 'list', '--json', '--reveal']).stdout)[0]).toMatchObject({
        address: '127.0.0.1',
        port: letta.port,
        password: 'pw',
      });
    } finally {
      await letta.close();
    }
  }, 30_000);
});
