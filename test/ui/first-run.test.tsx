import Sqlite from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {keys} from '../helpers/render-app.js';
import {openApp as open, openStore} from '../helpers/open-app.js';
import {snapshot} from '../helpers/temp-db.js';

/** The kept answers as the file holds them (another program could read them: no secret may be there). */
const keptText = (path: string): string => {
  const db = new Sqlite(path, {readonly: true});
  try {
    return JSON.stringify(db.prepare('SELECT finished, answers FROM sanctum_setup').all());
  } finally {
    db.close();
  }
};

describe('a first run that finishes', () => {
  it('keeps each step reached (never a secret), resumes there after a dropped session, and the header says setup is not finished', async () => {
    const store = openStore(undefined, undefined, {setupFinished: false});
    expect(store.setup.state().finished).toBe(false);
    const before = snapshot(store.path);
    const first = await open(store, {wizard: true});
    // Opening the setup writes nothing.
    expect(keptText(store.path)).toBe('[{"finished":0,"answers":null}]');
    await first.press(...Array(9).fill(keys.backspace));
    await first.type('letta.lan');
    await first.press(keys.enter);
    await first.press(...Array(4).fill(keys.backspace));
    await first.type('8290');
    await first.press(keys.enter, keys.down, keys.enter);
    await first.type('hunter22');
    expect(first.frame()).toContain('step 4 of 7');
    // The session drops here.
    first.unmount();
    expect(snapshot(store.path)).toBe(before);
    const kept = keptText(store.path);
    expect(kept).toContain('letta.lan');
    expect(kept).toContain('8290');
    expect(kept).not.toContain('hunter22');

    const again = await open(store, {wizard: true});
    expect(again.frame()).toContain('first-run setup, resumed (step 4 of 7)');
    expect(again.frame()).toContain('Password or token');
    // Back through the steps: the answers are there.
    await again.press(keys.shiftTab, keys.shiftTab);
    expect(again.frame()).toContain('8290');
    await again.press(keys.shiftTab);
    expect(again.frame()).toContain('letta.lan');
    // No secret typed: Esc leaves at once, saying it opens again; the header says so.
    await again.press(keys.escape);
    expect(again.frame()).toContain('setup not finished: it opens again at the next start');
    expect(again.frame()).toContain('! setup not finished');
    expect(store.setup.state()).toMatchObject({finished: false, answers: {address: 'letta.lan', port: '8290', step: 'address'}});
  });

  it('asks before leaving with a secret typed (secrets are not kept), and finishing the setup ends the offer', async () => {
    const store = openStore(undefined, undefined, {setupFinished: false});
    const app = await open(store, {wizard: true});
    await app.press(keys.enter, keys.enter, keys.down, keys.enter);
    await app.type('s3cret-pw');
    await app.press(keys.escape);
    expect(app.frame()).toContain('Leave the setup for now? The password and keys typed are not kept. y / n');
    await app.press('n', keys.enter, keys.enter, keys.enter);
    expect(app.frame()).toContain('Save this setup?');
    await app.press(keys.enter);
    expect(store.setup.state()).toEqual({finished: true, answers: {}});
    expect(keptText(store.path)).not.toContain('s3cret-pw');
    expect(store.servers.active()?.password).toBe('s3cret-pw');
  });

  it('on a box already set up, the setup keeps nothing and Esc says nothing was saved', async () => {
    const store = openStore();
    const before = snapshot(store.path);
    const app = await open(store, {wizard: true});
    await app.press(keys.enter);
    await app.press(keys.escape);
    expect(app.frame()).toContain('setup skipped; nothing saved');
    expect(app.frame()).not.toContain('setup not finished');
    expect(snapshot(store.path)).toBe(before);
    expect(keptText(store.path)).toBe('[{"finished":1,"answers":null}]');
  });
});
