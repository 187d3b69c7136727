import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {keys} from '../helpers/render-app.js';
import {openApp as open, openStore as storeWith} from '../helpers/open-app.js';
import {tempDir} from '../helpers/temp-db.js';

/** dev and prod (guarded by default: prod*), with values that differ. */
const withProfiles = () =>
  storeWith((s) => {
    s.servers.update(1, {name: 'local'});
    s.servers.add({name: 'prod-letta', address: 'letta.example.net', port: 443});
    s.profiles.create('dev');
    s.profiles.set('dev', 'debug_mode', 'true');
    s.profiles.create('prod');
    s.profiles.set('prod', 'flask_port', '5050');
    s.profiles.set('prod', 'openai_api_key', 'sk-prod-secret');
    s.profiles.set('prod', 'server', 'prod-letta');
  });

const firstLine = (frame: string) => frame.split('\n')[0]!;

describe('profiles in the app', () => {
  it('p shows what a switch would change (secrets masked), switches after y, and the header names the profile on every screen', async () => {
    const store = withProfiles();
    store.profiles.switch('dev');
    const app = await open(store);
    expect(firstLine(app.frame())).toMatch(/\[dev\]$/);
    await app.press('p');
    let frame = app.frame();
    expect(frame).toContain('Profiles');
    expect(frame).toMatch(/^> \* dev$/m);
    expect(frame).toMatch(/^ {4}prod {2}! guarded$/m);
    await app.press(keys.down);
    frame = app.frame();
    expect(frame).toContain('switching to prod changes 4 values:');
    expect(frame).toContain('flask_port 5000 -> 5050');
    expect(frame).toContain('openai_api_key (not set) -> ********');
    expect(frame).toContain('server local -> prod-letta');
    expect(frame).not.toContain('sk-prod-secret');
    await app.press(keys.enter);
    expect(app.frame()).toContain('Switch dev -> prod (guarded)? y / n');
    expect(store.profiles.active()).toBe('dev');
    await app.press('y');
    expect(store.profiles.active()).toBe('prod');
    expect(store.settings.require('flask_port').value).toBe('5050');
    frame = app.frame();
    expect(frame).toContain('switched dev -> prod (4 values); u undoes it');
    expect(firstLine(frame)).toMatch(/\[! prod\]$/);
    // The detail line says whose value the selected setting is (an edit stays with prod).
    expect(frame).toContain("prod's value · ");
    await app.press(keys.down);
    expect(app.frame()).not.toContain("prod's value");
    await app.press(keys.up);
    // The header says it on the other screens too: help, recent changes, find.
    for (const key of ['?', 'c', 'f']) {
      await app.press(key);
      expect(firstLine(app.frame()), key).toMatch(/\[! prod\]$/);
      await app.press(keys.escape);
    }
    app.unmount();
  });

  it('a guarded profile asks before every write in the app; n writes nothing, y writes', async () => {
    const store = withProfiles();
    store.profiles.switch('prod');
    const app = await open(store);
    await app.press('3', keys.enter, keys.backspace, keys.backspace, keys.backspace, keys.backspace);
    await app.type('5999');
    await app.press(keys.enter);
    expect(app.frame()).toContain('prod is a guarded profile: write this change? y / n');
    await app.press('n');
    expect(store.settings.require('flask_port').value).toBe('5050');
    expect(app.frame()).toContain('nothing written (prod is guarded)');
    // The editor is still open with what was typed: Enter asks again, and y writes it.
    expect(app.frame()).toContain('flask_port = 5999');
    await app.press(keys.enter);
    expect(app.frame()).toContain('prod is a guarded profile: write this change? y / n');
    await app.press('y');
    expect(store.settings.require('flask_port').value).toBe('5999');
    // Undo asks too.
    await app.press('u');
    expect(app.frame()).toContain('prod is a guarded profile: undo? y / n');
    await app.press('y');
    expect(store.settings.require('flask_port').value).toBe('5050');
    app.unmount();
  });

  it('which profiles are guarded is a setting; u undoes a switch whole, and ~/.letta/.env follows', async () => {
    const home = tempDir();
    vi.stubEnv('HOME', home);
    try {
      mkdirSync(join(home, '.letta'));
      writeFileSync(join(home, '.letta', '.env'), '');
      const store = withProfiles();
      store.settings.add({key: 'guarded_profiles', type: 'string', value: 'live*'});
      const app = await open(store);
      await app.press('p', keys.down, keys.down, keys.enter);
      expect(app.frame()).toContain('Switch the base -> prod? y / n');
      await app.press('y');
      expect(firstLine(app.frame())).toMatch(/\[prod\]$/);
      expect(app.frame()).toContain('wrote ~/.letta/.env');
      expect(readFileSync(join(home, '.letta', '.env'), 'utf8')).toMatch(/LETTA_ENVIRONMENT=.?prod/);
      // Not guarded: a write goes straight through.
      await app.press('u');
      expect(store.profiles.active()).toBe(null);
      expect(store.settings.require('flask_port').value).toBe('5000');
      expect(app.frame()).toContain('undid profile prod -> (base)');
      expect(firstLine(app.frame())).not.toMatch(/\]$/);
      app.unmount();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
