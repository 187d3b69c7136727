import {afterEach, describe, expect, it} from 'vitest';
import {keys, waitForFrame} from '../helpers/render-app.js';
import {openApp as open, openStore, selectedLine} from '../helpers/open-app.js';
import {snapshot} from '../helpers/temp-db.js';
import {startFakeLetta, type FakeLetta} from '../helpers/fake-letta.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function fake(options: Parameters<typeof startFakeLetta>[0]): Promise<FakeLetta> {
  const letta = await startFakeLetta(options);
  cleanups.push(() => letta.close());
  return letta;
}

describe('the Servers tab', () => {
  it('lists servers with the active marker, and Space activates the selected one', async () => {
    const store = openStore();
    store.servers.add({address: '10.0.0.9', port: 8284, name: 'lab', password: 'pw-lab'});
    const app = await open(store);
    await app.press('5');
    expect(app.frame()).toMatch(/> \* 1\s+localhost\s+8080\s+none\s+30s\s+never/);
    expect(app.frame()).toMatch(/ {3}2\s+lab\s+10\.0\.0\.9\s+8284\s+pw \*{8}/);
    await app.press('j', keys.space);
    expect(store.servers.active()?.id).toBe(2);
    expect(store.servers.list().filter((s) => s.active)).toHaveLength(1);
    expect(selectedLine(app.frame())).toMatch(/^> \* 2/);
    expect(app.frame()).toContain('server 2 is the active server');
  });

  it("reveals a server's secrets only on r", async () => {
    const store = openStore();
    store.servers.update(1, {password: 'pw-hidden', token: 'tok-hidden'});
    const app = await open(store);
    await app.press('5', keys.enter, keys.escape);
    for (const frame of app.frames) {
      expect(frame).not.toContain('pw-hidden');
      expect(frame).not.toContain('tok-hidden');
    }
    await app.press('r');
    expect(app.frame()).toContain('pw pw-hidden');
  });

  it('refuses to save the form while a field is invalid, then saves the fixed one', async () => {
    const store = openStore();
    const before = snapshot(store.path);
    const app = await open(store);
    await app.press('5', keys.enter, keys.down, keys.down);
    expect(app.frame()).toMatch(/> port\s+8080/);
    await app.press(keys.backspace, keys.backspace, keys.backspace, keys.backspace);
    await app.type('70000');
    expect(app.frame()).toContain('! port: 70000 is out of range (1-65535)');
    await app.press(keys.enter);
    expect(app.frame()).toContain('! cannot save: port: 70000 is out of range');
    expect(snapshot(store.path)).toBe(before);
    await app.press(keys.backspace, keys.backspace, keys.backspace, keys.backspace, keys.backspace);
    await app.type('8284');
    await app.press(keys.tab, keys.tab);
    await app.type('tok-new');
    expect(app.frame()).not.toContain('tok-new');
    await app.press(keys.enter);
    expect(store.servers.require(1)).toMatchObject({port: 8284, token: 'tok-new', password: null});
    // Old and new, the secret masked.
    expect(app.frame()).toMatch(/server 1: port 8080 -> 8284, token \(none\) -> \*+/);
  });

  it('keeps a hidden password when the form is saved without touching it', async () => {
    const store = openStore();
    store.servers.update(1, {password: 'kept-pw'});
    const app = await open(store);
    await app.press('5', keys.enter);
    expect(app.frame()).toMatch(/password\s+\*{8}|password\s+\(unchanged; type to replace\)/);
    expect(app.frame()).toMatch(/token\s+\(not set\)/);
    await app.type('main');
    await app.press(keys.enter);
    expect(store.servers.require(1)).toMatchObject({name: 'main', password: 'kept-pw', token: null});
  });

  it('discards the form on Esc', async () => {
    const store = openStore();
    const before = snapshot(store.path);
    const app = await open(store);
    await app.press('5', keys.enter);
    await app.type('renamed');
    // Something typed: Esc asks first, and n keeps it.
    await app.press(keys.escape);
    expect(app.frame()).toContain('Discard your changes to this form? y / n');
    await app.press('n');
    expect(app.frame()).toContain('renamed');
    await app.press(keys.escape, 'y');
    expect(app.frame()).toContain('discarded; nothing saved');
    expect(snapshot(store.path)).toBe(before);
    // Nothing typed: Esc leaves at once.
    await app.press(keys.enter, keys.escape);
    expect(app.frame()).not.toContain('Discard your changes');
    expect(app.frame()).not.toContain('Edit server');
  });

  it('adds a server with n and deletes one after confirming', async () => {
    const store = openStore();
    const app = await open(store);
    await app.press('5', 'n');
    expect(app.frame()).toContain('New Letta server');
    await app.press(...Array(9).fill(keys.backspace));
    await app.type('letta.internal');
    await app.press(keys.enter);
    expect(store.servers.list().map((s) => s.address)).toEqual(['localhost', 'letta.internal']);
    await app.press(keys.home, 'd');
    expect(app.frame()).toContain('Delete server 1 (http://localhost:8080, the active one)? y / n');
    await app.press('y');
    expect(store.servers.list().map((s) => s.id)).toEqual([2]);
    expect(app.frame()).toContain('deleted server 1; no server is active now');
  });

  it('tests the connection without freezing: a spinner, then the outcome on the row', async () => {
    const letta = await fake({password: 'right'});
    const store = openStore();
    store.servers.update(1, {address: '127.0.0.1', port: letta.port, password: 'right'});
    const app = await open(store);
    await app.press('5', 't');
    expect(app.frames.some((f) => /testing http:\/\/127\.0\.0\.1/.test(f))).toBe(true);
    const done = await waitForFrame(app.frame, /server 1: ok/);
    expect(done).toMatch(/> \* 1 .* ok \d+ms/);
    expect(done).toContain('password accepted, Letta 0.16.3');
    expect(store.servers.require(1).lastConnectedAt).not.toBeNull();
  });

  it('shows auth-failed for a wrong password, without the password', async () => {
    const letta = await fake({password: 'right'});
    const store = openStore();
    store.servers.update(1, {address: '127.0.0.1', port: letta.port, password: 'wrong-pass'});
    const app = await open(store);
    await app.press('5', 't');
    const done = await waitForFrame(app.frame, /server 1: auth-failed/);
    expect(done).toContain('rejected the stored password');
    for (const frame of app.frames) expect(frame).not.toContain('wrong-pass');
  });

  it('cancels a running test with Esc', async () => {
    const letta = await fake({behaviour: 'silent'});
    const store = openStore();
    store.servers.update(1, {address: '127.0.0.1', port: letta.port, timeout: 30});
    const app = await open(store);
    await app.press('5', 't');
    await waitForFrame(app.frame, /\S testing/);
    await app.press('j', 'k');
    expect(app.frame()).toMatch(/testing/);
    await app.press(keys.escape);
    await waitForFrame(app.frame, /test cancelled/);
    expect(app.frame()).not.toMatch(/\| testing|\/ testing|- testing|\\ testing/);
  });
});

describe('the first-run wizard', () => {
  it('proposes a Letta found answering on this box instead of the design default', async () => {
    const store = openStore();
    const app = await open(store, {wizard: true, proposedServer: {address: '127.0.0.1', port: 8284}});
    expect(app.frame()).toContain('127.0.0.1');
    await app.press(keys.enter);
    expect(app.frame()).toContain('8284');
    await app.press(keys.enter, keys.enter, keys.enter, keys.enter);
    await app.press(keys.enter);
    expect(store.servers.require(1)).toMatchObject({address: '127.0.0.1', port: 8284});
  });

  it('walks the steps and writes everything at the end, in one go', async () => {
    const store = openStore();
    const done: string[] = [];
    const app = await open(store, {wizard: true, onWizardDone: (r) => done.push(r.message)});
    expect(app.frame()).toContain('first-run setup (step 1 of 7)');
    await app.press(...Array(9).fill(keys.backspace));
    await app.type('10.0.0.7');
    await app.press(keys.enter, keys.backspace, keys.backspace, keys.backspace, keys.backspace);
    await app.type('8284');
    await app.press(keys.enter);
    expect(app.frame()).toContain('How does the server check who you are?');
    await app.press(keys.down, keys.enter);
    await app.type('letta-pw');
    expect(app.frame()).not.toContain('letta-pw');
    await app.press(keys.enter);
    await app.type('sk-openai');
    await app.press(keys.enter, keys.enter);
    expect(app.frame()).toMatch(/Letta server\s+10\.0\.0\.7:8284/);
    expect(app.frame()).toMatch(/credentials\s+password \*{8}/);
    expect(store.settings.require('openai_api_key').value).toBe('');
    await app.press(keys.enter);
    expect(store.servers.require(1)).toMatchObject({address: '10.0.0.7', port: 8284, password: 'letta-pw'});
    expect(store.settings.require('openai_api_key').value).toBe('sk-openai');
    expect(store.settings.require('anthropic_api_key').value).toBe('');
    // Saved; then it tests the server (nothing answers on 10.0.0.7 here) and Enter finishes.
    expect(app.frame()).toContain('Does the Letta server answer?');
    expect(done).toEqual([]);
    await app.press(keys.enter);
    expect(done[0]).toMatch(/^setup saved: set openai_api_key; server 1: set address, port, password/);
    expect(app.frame()).toContain('[1 API Keys]');
    for (const frame of app.frames) expect(frame).not.toMatch(/letta-pw|sk-openai/);
  });

  it('refuses a bad port at its step', async () => {
    const store = openStore();
    const app = await open(store, {wizard: true});
    await app.press(keys.enter, keys.backspace, keys.backspace, keys.backspace, keys.backspace);
    await app.type('99999');
    await app.press(keys.enter);
    expect(app.frame()).toContain('! port: 99999 is out of range');
    expect(app.frame()).toContain('step 2 of 7');
  });

  it('skips everything on Esc, writing nothing', async () => {
    const store = openStore();
    const before = snapshot(store.path);
    const app = await open(store, {wizard: true});
    await app.press(keys.escape);
    expect(app.frame()).toContain('setup skipped; nothing saved');
    expect(snapshot(store.path)).toBe(before);
  });

  it('asks before Esc throws away answers typed so far', async () => {
    const store = openStore();
    const before = snapshot(store.path);
    const app = await open(store, {wizard: true});
    await app.type('host');
    await app.press(keys.escape);
    expect(app.frame()).toContain('Throw away the answers typed so far? y / n');
    await app.press('n');
    expect(app.frame()).toContain('first-run setup (step 1 of 7)');
    await app.press(keys.escape, 'y');
    expect(app.frame()).toContain('setup skipped; nothing saved');
    expect(snapshot(store.path)).toBe(before);
  });

  it('ends by testing the server it saved, records the test, and goes back to the step that failed: fixing a password takes the password and two keys', async () => {
    const letta = await fake({password: 'right'});
    const store = openStore();
    const app = await open(store, {wizard: true});
    await app.type('127.0.0.1');
    await app.press(keys.enter);
    await app.type(String(letta.port));
    await app.press(keys.enter, keys.down, keys.enter);
    await app.type('wrong');
    await app.press(keys.enter, keys.enter, keys.enter, keys.enter);
    await waitForFrame(app.frame, /auth-failed: the server rejected the stored password/);
    expect(app.frame()).toContain('S-Tab goes back to fix the password');
    await app.press(keys.shiftTab);
    expect(app.frame()).toContain('Password or token');
    // The other answers are kept: the right password, Enter to the review, Enter saves.
    await app.type('right');
    await app.press(keys.enter);
    expect(app.frame()).toContain('Save this setup?');
    await app.press(keys.enter);
    await waitForFrame(app.frame, /ok: password accepted/);
    await app.press(keys.enter);
    expect(app.frame()).toContain('[1 API Keys]');
    // The wizard's test is this session's result and is recorded: the header says ok, not "not tested".
    expect(app.frame()).toMatch(/Letta http:\/\/127\.0\.0\.1:\d+ \(ok\)/);
    expect(store.servers.active()?.lastConnectedAt).not.toBeNull();
  });

  it("starts at Sanctum's port when nobody chose a server yet", async () => {
    const app = await open(openStore(), {wizard: true});
    await app.press(keys.enter);
    expect(app.frame()).toContain('Letta server port');
    expect(app.frame()).toMatch(/> .*8284/);
    expect(app.frame()).not.toContain('8080');
  });
});

describe("an operator's conveniences", () => {
  it('tests every server with T, one after the other, says a server that checks no password is open, and ends with a summary', async () => {
    const open_ = await fake({});
    const secure = await fake({password: 'pw'});
    const store = openStore((s) => {
      s.servers.update(1, {address: '127.0.0.1', port: open_.port});
      s.servers.add({address: '127.0.0.1', port: secure.port, name: 'second', password: 'pw'});
      s.servers.add({address: '127.0.0.1', port: open_.port, name: 'third', password: 'pw'});
    });
    const app = await open(store, {}, {columns: 100, rows: 24});
    await app.press('s', 'T');
    await waitForFrame(app.frame, /> \* 1 .* open \d+ms/);
    await waitForFrame(app.frame, /2\s+second .* ok \d+ms/);
    const frame = await waitForFrame(app.frame, /tested 3 servers: 2 open, 1 ok/);
    expect(frame).toMatch(/3\s+third .* open \d+ms/);
    await app.press('i');
    expect(app.frame()).toContain('The last message in full');
    expect(app.frame()).toContain('tested 3 servers: 2 open, 1 ok');
    await app.press('x');
    expect(app.frame()).not.toContain('The last message in full');
  });

  it('forgets a result once the server moves: it belonged to the address it tested', async () => {
    const secure = await fake({password: 'pw'});
    const store = openStore((s) => s.servers.update(1, {address: '127.0.0.1', port: secure.port, password: 'pw'}));
    const app = await open(store, {}, {columns: 100, rows: 24});
    await app.press('s', 't');
    await waitForFrame(app.frame, /\(ok\)/);
    // Another program moves it.
    openStore(undefined, store.path).servers.update(1, {port: 9});
    await waitForFrame(app.frame, /127\.0\.0\.1:9 \(not tested\)/);
    expect(app.frame()).not.toMatch(/ ok \d+ms/);
  });

  it("keeps each tab's selection when coming back to it", async () => {
    const store = openStore((s) => s.servers.add({address: '10.0.0.2'}));
    const app = await open(store);
    await app.press('3', 'j');
    expect(selectedLine(app.frame())).toMatch(/^> smcp_port/);
    await app.press('s', 'j');
    expect(selectedLine(app.frame())).toMatch(/^>\s+2/);
    await app.press('1', '3');
    expect(selectedLine(app.frame())).toMatch(/^> smcp_port/);
    await app.press('s');
    expect(selectedLine(app.frame())).toMatch(/^>\s+2/);
  });

  it('gives the address room before NAME and AUTH at 60 columns', async () => {
    const store = openStore((s) => s.servers.update(1, {address: 'https://letta.example.com', name: 'production-box'}));
    const app = await open(store, {}, {columns: 60, rows: 20});
    await app.press('s');
    expect(app.frame()).toContain('https://letta.example.c');
  });
});

describe('filtering servers', () => {
  it('filters the Servers tab with / by name, address or id; Esc clears it', async () => {
    const store = openStore((s) => {
      s.servers.add({address: '10.0.0.2', name: 'lab'});
      s.servers.add({address: 'letta.example.com', name: 'prod'});
    });
    const app = await open(store);
    await app.press('s', '/');
    await app.type('prod');
    await app.press(keys.enter);
    expect(app.frame()).toContain('letta.example.com');
    expect(app.frame()).not.toContain('10.0.0.2');
    expect(app.frame()).toContain('filter "prod": 1 of 3');
    await app.press(keys.escape);
    expect(app.frame()).toContain('10.0.0.2');
  });
});

describe('the wizard on small terminals', () => {
  for (const size of [
    {columns: 80, rows: 8},
    {columns: 80, rows: 10},
    {columns: 80, rows: 12},
    {columns: 60, rows: 12},
  ]) {
    it(`never outgrows ${size.columns}x${size.rows}, at any step`, async () => {
      const app = await open(openStore(), {wizard: true}, size);
      const frames: string[] = [app.frame()];
      for (const key of [keys.enter, keys.enter, keys.down, keys.enter, keys.enter, keys.enter, keys.enter]) {
        await app.press(key);
        frames.push(app.frame());
      }
      await app.press(keys.enter);
      frames.push(await waitForFrame(app.frame, /Does the Letta server answer\?/));
      for (const frame of frames) {
        expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
        expect(frame).toMatch(/first-run setup/);
      }
      expect(frames.some((f) => /Save this setup\?/.test(f))).toBe(true);
    });
  }
});

describe('one proposal for a new server', () => {
  it('the new-server form proposes what the wizard does: this box, on the port Sanctum publishes Letta on', async () => {
    const app = await open(openStore());
    await app.press('5', 'n');
    expect(app.frame()).toMatch(/address\s+localhost/);
    expect(app.frame()).toMatch(/port\s+8284/);
    const wizard = await open(openStore(), {wizard: true});
    expect(wizard.frame()).toContain('localhost');
    await wizard.press(keys.enter);
    expect(wizard.frame()).toContain('8284');
  });
});
