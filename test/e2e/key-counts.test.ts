import {afterEach, describe, expect, it} from 'vitest';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {TmuxSession} from '../helpers/tmux.js';
import {startFakeLetta} from '../helpers/fake-letta.js';

const sessions: TmuxSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.kill();
});

/** Keys sent to the real app in tmux, counted as a person presses them (a typed character is one key). */
class CountingTerminal {
  count = 0;
  constructor(readonly tmux: TmuxSession) {}
  async press(...keys: string[]): Promise<void> {
    this.count += keys.length;
    await this.tmux.keys(...keys);
  }
  async type(text: string): Promise<void> {
    await this.press(...text.split(''));
  }
}

function start(db: string): CountingTerminal {
  const tmux = new TmuxSession(`env NO_COLOR=1 ${process.execPath} ${cliPath} --db ${db}; echo "EXITED:$?"; sleep 60`);
  sessions.push(tmux);
  return new CountingTerminal(tmux);
}

describe('what an operator reaches for takes few keys (80x24, tmux)', () => {
  it('changes flask_port to 5050 in 7 keys', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const app = start(db);
    await app.tmux.waitFor(/\[1 API Keys\]/);
    await app.press('3', 'Enter');
    await app.tmux.waitFor(/flask_port = \[5000\]/);
    await app.type('5050');
    await app.press('Enter');
    await app.tmux.waitFor(/flask_port 5000 -> 5050/);
    expect(app.count).toBeLessThanOrEqual(7);
    expect(cliFor(db)(['get', 'flask_port']).stdout).toBe('5050\n');
  });

  it('adds a second server at 127.0.0.1:8284 with a password and makes it the active one in at most 25 keys', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const app = start(db);
    await app.tmux.waitFor(/\[1 API Keys\]/);
    await app.press('5', 'n');
    await app.tmux.waitFor(/New Letta server/);
    await app.type('127.0.0.1');
    // The port proposed is Sanctum's, 8284: kept.
    await app.press('Tab', 'Tab');
    await app.type('pw-lab');
    await app.press('Enter');
    await app.tmux.waitFor(/added server 2/);
    await app.press('Space');
    await app.tmux.waitFor(/server 2 is the active server/);
    expect(app.count).toBeLessThanOrEqual(25);
    const servers = JSON.parse(cliFor(db)(['server', 'list', '--json', '--reveal']).stdout);
    expect(servers[1]).toMatchObject({address: '127.0.0.1', port: 8284, password: 'pw-lab', active: true});
  });

  it('sets up a new box to a verified connection on a non-default port with a password in at most 25 keys', async () => {
    const letta = await startFakeLetta({password: 'right'});
    try {
      const db = tempDbPath();
      const app = start(db);
      await app.tmux.waitFor(/step 1 of 7/);
      await app.type('127.0.0.1');
      await app.press('Enter');
      await app.type(String(letta.port));
      // 2 picks "a password"; C-s goes to the review, the API keys left as they are.
      await app.press('Enter', '2');
      await app.tmux.waitFor(/Password or token/);
      await app.type('right');
      await app.press('C-s');
      await app.tmux.waitFor(/Save this setup\?/);
      await app.press('Enter');
      await app.tmux.waitFor(/ok: password accepted/);
      expect(app.count).toBeLessThanOrEqual(25);
      const server = JSON.parse(cliFor(db)(['server', 'list', '--json', '--reveal']).stdout)[0];
      expect(server).toMatchObject({address: '127.0.0.1', port: letta.port, password: 'right', active: true});
      // The test the wizard ran is recorded, and the setup is done: the next start opens the tabs.
      expect(server.last_connected_at).toBeTruthy();
    } finally {
      await letta.close();
    }
  }, 30_000);
});

describe("the setup wizard's failure, fixed (80x24, tmux)", () => {
  it('fixes a wrong password from the failed test in at most 8 keys, back on the password step', async () => {
    const letta = await startFakeLetta({password: 'right'});
    try {
      const db = tempDbPath();
      const tmux = new TmuxSession(`env NO_COLOR=1 ${process.execPath} ${cliPath} --db ${db} init; echo "EXITED:$?"; sleep 60`);
      sessions.push(tmux);
      const setup = new CountingTerminal(tmux);
      await tmux.waitFor(/step 1 of 7/);
      await setup.type('127.0.0.1');
      await setup.press('Enter');
      await setup.type(String(letta.port));
      await setup.press('Enter', 'Down', 'Enter');
      await setup.type('wrong');
      await setup.press('Enter', 'Enter', 'Enter', 'Enter');
      await tmux.waitFor(/auth-failed/);
      setup.count = 0;
      await setup.press('BTab');
      await tmux.waitFor(/Password or token/);
      await setup.type('right');
      await setup.press('Enter', 'Enter');
      await tmux.waitFor(/ok: password accepted/);
      expect(setup.count).toBeLessThanOrEqual(8);
    } finally {
      await letta.close();
    }
  }, 30_000);
});

describe('line editing in a real terminal (tmux, NO_COLOR)', () => {
  it('shows the selection and the cursor without colour, edits with readline keys, and a pasted line break does not submit', async () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    const app = start(db);
    await app.tmux.waitFor(/\[1 API Keys\]/);
    await app.press('1', 'j', 'j', 'Enter');
    await app.tmux.waitFor(/ollama_base_url = \[http:\/\/localhost:11434\]/);
    await app.press('End', 'C-w');
    await app.tmux.waitFor(/ollama_base_url = http:\/\/localhost:\|/);
    await app.press('C-a', 'Right', 'Right', 'Right', 'Right', 'C-k');
    await app.tmux.waitFor(/ollama_base_url = http\|/);
    await app.press('C-u');
    // A paste that ends in a newline: the text goes in, the line break does not submit it.
    app.tmux.tmux('send-keys', '-t', 'app', '-l', 'http://10.0.0.5:11434\r');
    await app.tmux.waitFor(/ollama_base_url = http:\/\/10\.0\.0\.5:11434\|/);
    expect(cliFor(db)(['get', 'ollama_base_url']).stdout).toBe('http://localhost:11434\n');
    await app.press('Enter');
    await app.tmux.waitFor(/ollama_base_url http:\/\/localhost:11434 -> http:\/\/10\.0\.0\.5:11434/);
    await app.press('C-l');
    await app.tmux.waitFor(/redrawn/);
    expect(app.tmux.screen().split('\n')[0]).toMatch(/^sanctum-config \[1 API Keys\]/);
  });
});
