import {describe, expect, it, vi} from 'vitest';
import {userInfo} from 'node:os';
import {openConfigStore} from '../../src/repo/index.js';
import {copiedMessage} from '../../src/ui/clipboard.js';
import Sqlite from 'better-sqlite3';
import {keys, waitForFrame} from '../helpers/render-app.js';
import {openApp as open, openStore as storeWith, selectedLine} from '../helpers/open-app.js';
import {snapshot} from '../helpers/temp-db.js';

describe('tabs and navigation', () => {
  it('shows one tab per category in the design order, then Servers, and switches by digit, Tab and arrows', async () => {
    const app = await open(storeWith((s) => s.settings.add({key: 'gpu_count', type: 'integer', value: '2', category: 'hardware'})));
    expect(app.frame().split('\n')[0]).toBe('[1 API Keys]  2 Paths   3 Ports   4 General   5 Hardware   6 Servers');
    expect(app.frame()).toContain('openai_api_key');
    await app.press('3');
    expect(app.frame().split('\n')[0]).toContain('[3 Ports]');
    expect(app.frame()).toContain('flask_port');
    await app.press(keys.tab);
    expect(app.frame().split('\n')[0]).toContain('[4 General]');
    await app.press(keys.shiftTab, keys.left);
    expect(app.frame().split('\n')[0]).toContain('[2 Paths]');
    await app.press('l', 'l', 'l', 'l');
    expect(app.frame().split('\n')[0]).toContain('[6 Servers]');
    await app.press(keys.right);
    expect(app.frame().split('\n')[0]).toContain('[1 API Keys]');
    await app.press('h');
    expect(app.frame()).toMatch(/ID\s+NAME\s+ADDRESS/);
  });

  it('moves the selection with arrows, j/k, Home/End and pages, rendering only visible rows', async () => {
    const store = storeWith((s) => {
      for (let i = 0; i < 60; i++) s.settings.add({key: `item_${String(i).padStart(2, '0')}`, type: 'string', value: `v${i}`, category: 'bulk'});
    });
    const app = await open(store);
    await app.press('5');
    expect(selectedLine(app.frame())).toMatch(/^> item_00/);
    await app.press('j', keys.down);
    expect(selectedLine(app.frame())).toMatch(/^> item_02/);
    await app.press('k');
    expect(selectedLine(app.frame())).toMatch(/^> item_01/);
    await app.press(keys.end);
    expect(selectedLine(app.frame())).toMatch(/^> item_59/);
    expect(app.frame()).not.toContain('item_00');
    await app.press(keys.home);
    expect(selectedLine(app.frame())).toMatch(/^> item_00/);
    await app.press(keys.pageDown);
    expect(selectedLine(app.frame())).toMatch(/^> item_17/);
    await app.press(keys.pageUp);
    expect(selectedLine(app.frame())).toMatch(/^> item_00/);
    const lines = app.frame().split('\n');
    expect(lines.filter((l) => /item_\d\d/.test(l))).toHaveLength(17);
    expect(lines.length).toBeLessThanOrEqual(23);
  });

  it('never draws a frame taller than the terminal minus one row, and fits 50 columns compactly', async () => {
    const app = await open(storeWith(), {}, {columns: 50, rows: 12});
    for (const key of ['1', '2', '3', '4', '5', '?']) {
      await app.press(key);
      const lines = app.frame().split('\n');
      expect(lines.length).toBeLessThanOrEqual(11);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
      if (key === '?') await app.press('x');
    }
    await app.press('1');
    expect(app.frame().split('\n')[0]).toBe('[1 API Keys]  2 Paths   3 Ports   4 General  >');
    await app.press('5');
    expect(app.frame().split('\n')[0]).toBe('<  2 Paths   3 Ports   4 General  [5 Servers]');
  });

  it('shows every key in a help overlay, closed by any key, keeping the selection', async () => {
    const app = await open(storeWith());
    await app.press('j', '?');
    let help = app.frame();
    // Help scrolls: taller than 80x24, read it page by page.
    for (let page = 0; page < 4; page++) {
      await app.press(keys.pageDown);
      help += app.frame();
    }
    for (const text of [
      'next tab',
      'previous row',
      'page down',
      'edit the value',
      'reveal / hide',
      'copy the value',
      'filter the rows',
      'add a setting',
      'delete the setting',
      'quit',
    ]) {
      expect(help).toContain(text);
    }
    await app.press(keys.escape);
    expect(selectedLine(app.frame())).toMatch(/^> anthropic_api_key/);
  });
});

describe('editing settings', () => {
  it('edits and saves a value through the repository', async () => {
    const store = storeWith();
    const app = await open(store);
    await app.press('3', keys.enter);
    expect(app.frame()).toContain('flask_port = 5000');
    await app.press(keys.backspace, keys.backspace, keys.backspace, keys.backspace);
    await app.type('5001');
    await app.press(keys.enter);
    expect(store.settings.require('flask_port').value).toBe('5001');
    expect(app.frame()).toContain('flask_port 5000 -> 5001');
    expect(selectedLine(app.frame())).toMatch(/^> flask_port\s+\* 5001/);
  });

  it('cancels an edit with Esc, writing nothing', async () => {
    const store = storeWith();
    const before = snapshot(store.path);
    const app = await open(store);
    await app.press('3', keys.enter);
    await app.type('99');
    await app.press(keys.escape);
    expect(app.frame()).toContain('cancelled; nothing saved');
    expect(snapshot(store.path)).toBe(before);
    await app.press('q');
  });

  it.each([
    ['abc', "flask_port: 'abc' is not a whole number"],
    ['70000', 'flask_port: 70000 is out of range (1-65535)'],
  ])('refuses %s for a port in place, keeping the editor and the text', async (input, reason) => {
    const store = storeWith();
    const before = snapshot(store.path);
    const app = await open(store);
    await app.press('3', keys.enter, keys.backspace, keys.backspace, keys.backspace, keys.backspace);
    await app.type(input);
    await app.press(keys.enter);
    expect(app.frame()).toContain(`! ${reason}`);
    expect(app.frame()).toContain(`flask_port = ${input}`);
    expect(snapshot(store.path)).toBe(before);
  });

  it('refuses invalid JSON in place', async () => {
    const store = storeWith((s) => s.settings.add({key: 'model_args', type: 'json', value: '{}', category: 'general'}));
    const app = await open(store);
    await app.press('4', keys.end, keys.enter, keys.backspace, keys.backspace);
    await app.type('{');
    await app.press(keys.enter);
    expect(app.frame()).toMatch(/! model_args: not valid JSON/);
    expect(store.settings.require('model_args').value).toBe('{}');
  });

  it('toggles a boolean at once with Enter', async () => {
    const store = storeWith();
    const app = await open(store);
    await app.press('4', 'j');
    expect(selectedLine(app.frame())).toMatch(/debug_mode\s+on/);
    await app.press(keys.enter);
    expect(store.settings.require('debug_mode').value).toBe('false');
    expect(selectedLine(app.frame())).toMatch(/debug_mode\s+\* off/);
  });

  it('never shows a secret until revealed, and hides it again when the selection moves', async () => {
    const store = storeWith((s) => s.settings.set('openai_api_key', 'sk-very-secret'));
    const app = await open(store);
    expect(app.frame()).toMatch(/> openai_api_key\s+\* \*{8}/);
    await app.press('j', 'k', '/', 'o', keys.enter, keys.escape, '?', 'x');
    for (const frame of app.frames) expect(frame).not.toContain('sk-very-secret');
    await app.press('r');
    expect(app.frame()).toMatch(/> openai_api_key\s+\* sk-very-secret/);
    await app.press('r');
    expect(app.frame()).not.toContain('sk-very-secret');
    await app.press('r', 'j');
    expect(app.frame()).not.toContain('sk-very-secret');
  });

  it('hides a revealed secret when you leave the tab and come back, and after a while', async () => {
    vi.stubEnv('SANCTUM_CONFIG_REVEAL_SECONDS', '0.3');
    try {
      const store = storeWith((s) => s.settings.set('openai_api_key', 'sk-very-secret'));
      const app = await open(store);
      await app.press('r');
      expect(app.frame()).toContain('sk-very-secret');
      await app.press('2', '1');
      expect(selectedLine(app.frame())).toMatch(/^> openai_api_key\s+\* \*{8}/);
      await app.press('r');
      expect(app.frame()).toContain('sk-very-secret');
      await waitForFrame(app.frame, /> openai_api_key\s+\* \*{8}/);
      expect(app.frame()).not.toContain('sk-very-secret');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('replaces a hidden secret from an empty, masked editor', async () => {
    const store = storeWith((s) => s.settings.set('openai_api_key', 'sk-old'));
    const app = await open(store);
    await app.press(keys.enter);
    await app.type('sk-new');
    expect(app.frame()).toContain('openai_api_key = ******');
    expect(app.frame()).not.toContain('sk-new');
    await app.press(keys.enter);
    expect(store.settings.require('openai_api_key').value).toBe('sk-new');
    expect(app.frame()).toContain('openai_api_key ******** -> ********');
  });

  it('copies the selected value with OSC 52, says what it did, and inside tmux what tmux needs to pass it on', async () => {
    vi.stubEnv('TMUX', '');
    const app = await open(storeWith());
    await app.press('j', 'j', 'y');
    expect(app.controls).toEqual([`\u001b]52;c;${Buffer.from('http://localhost:11434').toString('base64')}\u0007`]);
    expect(app.frame()).toContain("sent ollama_base_url to the terminal's clipboard (OSC 52");
    // The message goes with the tab it was about; i still shows it.
    await app.press('2');
    expect(app.frame()).not.toContain('sent ollama_base_url');
    await app.press('i');
    expect(app.frame()).toMatch(/The last message in full\s+sent ollama_base_url to the terminal's clipboard/);
    vi.stubEnv('TMUX', '/tmp/tmux-0/default,1,0');
    expect(copiedMessage('x')).toBe('sent x via OSC 52; tmux passes it on only with set-clipboard on or allow-passthrough on');
    vi.unstubAllEnvs();
  });

  it('filters rows by key or description; Esc clears', async () => {
    const app = await open(storeWith());
    await app.press('/');
    await app.type('claude');
    expect(app.frame()).toContain('anthropic_api_key');
    expect(app.frame()).not.toContain('openai_api_key');
    await app.press(keys.enter);
    expect(app.frame()).toContain('filter "claude": 1 of 3');
    await app.press(keys.escape);
    expect(app.frame()).toContain('openai_api_key');
  });

  it('adds a setting to the current tab with the form', async () => {
    const store = storeWith();
    const app = await open(store);
    await app.press('3', 'a');
    expect(app.frame()).toContain('Add a setting to Ports');
    await app.type('web_port');
    await app.press(keys.enter, keys.enter);
    await app.press(keys.enter);
    await app.type('8088');
    await app.press(keys.enter);
    await app.type('Web UI port');
    await app.press(keys.enter);
    expect(store.settings.require('web_port')).toMatchObject({value: '8088', type: 'integer', category: 'ports', description: 'Web UI port', sensitive: false});
    expect(app.frame()).toContain('added web_port');
    expect(app.frame()).toContain('web_port');
  });

  it('refuses a bad key in the add form where it was typed', async () => {
    const store = storeWith();
    const before = snapshot(store.path);
    const app = await open(store);
    await app.press('a');
    await app.type('Bad-Key');
    await app.press(keys.enter);
    expect(app.frame()).toMatch(/! key: 'Bad-Key' must start with a-z/);
    await app.press(keys.escape);
    expect(snapshot(store.path)).toBe(before);
  });

  it('deletes only after y; n keeps the setting', async () => {
    const store = storeWith();
    const app = await open(store);
    await app.press('2', 'd');
    expect(app.frame()).toContain("Delete sanctum_base_path (built in, default '~/sanctum')? y / n");
    await app.press('n');
    expect(store.settings.get('sanctum_base_path')).toBeDefined();
    await app.press('d', 'y');
    expect(store.settings.get('sanctum_base_path')).toBeUndefined();
    expect(app.frame()).toContain('deleted sanctum_base_path');
  });

  it('refuses every editing key in read-only mode, and says so', async () => {
    const store = storeWith();
    const before = snapshot(store.path);
    const app = await open(store, {readOnly: true});
    expect(app.frame().split('\n')[0]).toContain('[READ-ONLY]');
    expect(app.frame()).not.toMatch(/Enter edit/);
    for (const key of [keys.enter, 'a', 'd']) {
      await app.press(key);
      expect(app.frame()).toContain('! read-only: editing is off');
    }
    await app.press('5', keys.enter, 'n', keys.space, 'd');
    expect(app.frame()).toContain('! read-only: editing is off');
    expect(snapshot(store.path)).toBe(before);
  });
});

describe('sharing the file', () => {
  it('shows a change another program commits, without a key press', async () => {
    const store = storeWith();
    const app = await open(store);
    await app.press('3');
    const other = storeWith(undefined, store.path);
    other.settings.set('flask_port', '5123');
    other.close();
    const {waitForFrame} = await import('../helpers/render-app.js');
    expect(await waitForFrame(app.frame, /flask_port\s+\* 5123/, 3000)).toContain('5123');
  });

  it('says so when the terminal is too small instead of drawing garbage', async () => {
    const app = await open(storeWith(), {}, {columns: 28, rows: 6});
    expect(app.frame()).toBe('too small: 28x6 (need 30x8)');
    await app.press('q');
  });
});

describe('control characters', () => {
  it('never puts a stored escape sequence on screen, and will not open it in an editor', async () => {
    const store = storeWith((s) => s.settings.set('environment', 'prod\u001b[2J'));
    const app = await open(store);
    await app.press('4');
    expect(app.frame()).toContain('prod\\x1b[2J');
    await app.press(keys.enter);
    expect(app.frame()).toContain('! environment holds control characters');
    for (const frame of app.frames) expect(frame).not.toContain('\u001b[2J');
  });
});

describe('history and undo in the app', () => {
  it("opens a setting's history with H and puts an older value back after y", async () => {
    const store = storeWith((s) => {
      s.settings.set('flask_port', '5050');
      s.settings.set('flask_port', '5060');
    });
    const app = await open(store);
    await app.press('3', 'H');
    const frame = app.frame();
    expect(frame).toContain('History of flask_port (newest first)');
    // Who: the program and the OS user; numbers as the type shows them.
    expect(frame).toMatch(new RegExp(`> .* cli ${userInfo().username}\\s+flask_port\\s+5050 -> 5060`));
    // When, with the year and the zone.
    expect(frame).toMatch(/WHEN \(UTC\)\s+BY\s+WHAT\s+CHANGE/);
    expect(frame).toMatch(/> 20\d\d-\d\d-\d\d \d\d:\d\d\s+cli/);
    await app.press(keys.down, keys.enter);
    expect(app.frame()).toContain('Put back flask_port 5000 (from before change 1)? y / n');
    await app.press('y');
    expect(store.settings.require('flask_port').value).toBe('5000');
    expect(app.frame()).toContain('restored flask_port 5050 -> 5000');
    await app.press(keys.escape);
    expect(selectedLine(app.frame())).toMatch(/^> flask_port\s+5000/);
  });

  it("undoes the session's last change with u, and says when there is none", async () => {
    const store = storeWith();
    const app = await open(store);
    await app.press('u');
    expect(app.frame()).toContain('nothing to undo: no change made in this session');
    await app.press('3', keys.enter, keys.backspace, keys.backspace, keys.backspace, keys.backspace);
    await app.type('5999');
    await app.press(keys.enter);
    expect(store.settings.require('flask_port').value).toBe('5999');
    await app.press('u');
    expect(store.settings.require('flask_port').value).toBe('5000');
    expect(app.frame()).toContain('undid flask_port 5999 -> 5000');
    // Redo puts the undone change back, and undo takes it away again.
    await app.press('U');
    expect(store.settings.require('flask_port').value).toBe('5999');
    expect(app.frame()).toContain('redid flask_port 5000 -> 5999');
    await app.press('u');
    expect(store.settings.require('flask_port').value).toBe('5000');
    await app.press('U', 'U');
    expect(app.frame()).toContain('nothing to redo');
  });

  it('asks before undoing a change another program changed since, instead of pointing at a CLI flag', async () => {
    const store = storeWith();
    const app = await open(store);
    await app.press('3', keys.enter, keys.backspace, keys.backspace, keys.backspace, keys.backspace);
    await app.type('5999');
    await app.press(keys.enter);
    const other = openConfigStore(store.path, {source: 'cli'});
    other.settings.set('flask_port', '6100');
    other.close();
    await app.press('u');
    expect(app.frame()).toContain('flask_port: it has changed since. Undo anyway? y / n');
    expect(app.frame()).not.toContain('--force');
    await app.press('n');
    expect(store.settings.require('flask_port').value).toBe('6100');
    expect(app.frame()).toContain('kept flask_port as it is; nothing undone');
    await app.press('u', 'y');
    expect(store.settings.require('flask_port').value).toBe('5000');
    expect(app.frame()).toContain('undid flask_port 5999 -> 5000');
  });
});

describe('another writer holding the lock', () => {
  it('keeps the screen alive while it waits, then saves', async () => {
    const path = storeWith().path;
    const store = storeWith(undefined, path);
    const blocking = new Sqlite(path);
    const app = await open(storeWith(undefined, path, {busyTimeoutMs: 20}));
    blocking.exec('BEGIN IMMEDIATE');
    try {
      await app.press('3', keys.enter, keys.backspace, keys.backspace, keys.backspace, keys.backspace);
      await app.type('5111');
      await app.press(keys.enter);
      expect(app.frame()).toContain('waiting for another writer...');
    } finally {
      blocking.exec('ROLLBACK');
      blocking.close();
    }
    await waitForFrame(app.frame, /flask_port 5000 -> 5111/);
    expect(store.settings.require('flask_port').value).toBe('5111');
  });
});

describe('defaults', () => {
  it('marks values that differ from the default, shows the default, and R resets after y', async () => {
    const store = storeWith((s) => s.settings.set('flask_port', '5050'));
    const app = await open(store);
    await app.press('3');
    expect(selectedLine(app.frame())).toMatch(/^> flask_port\s+\* 5050/);
    expect(app.frame()).toContain("Flask web interface port · default '5000' (changed; R resets)");
    await app.press('R');
    expect(app.frame()).toContain("Reset flask_port to its default '5000'? y / n");
    await app.press('n');
    expect(store.settings.require('flask_port').value).toBe('5050');
    await app.press('R', 'y');
    expect(store.settings.require('flask_port').value).toBe('5000');
    expect(selectedLine(app.frame())).toMatch(/^> flask_port\s+5000/);
    await app.press('R');
    expect(app.frame()).toContain('! flask_port already has its default');
  });

  it('reads r as "hide" while a secret is shown, and offers a and n to add on every tab', async () => {
    const store = storeWith((s) => s.settings.set('openai_api_key', 'sk-1'));
    const app = await open(store);
    expect(app.frame()).toMatch(/r reveal/);
    await app.press('r');
    expect(app.frame()).toMatch(/r hide/);
    await app.press('n');
    expect(app.frame()).toContain('Add a setting to API Keys');
    await app.press(keys.escape, 's', 'a');
    expect(app.frame()).toContain('New Letta server');
  });
});

describe('using the width', () => {
  it('adds a description column from 100 columns, and says where the visible rows are', async () => {
    const store = storeWith((s) => {
      for (let i = 0; i < 40; i++)
        s.settings.add({key: `row_${String(i).padStart(2, '0')}`, type: 'string', value: 'v', category: 'bulk', description: `row number ${i}`});
    });
    const wide = await open(store, {}, {columns: 110, rows: 24});
    await wide.press('5');
    expect(wide.frame().split('\n')[2]).toMatch(/^ {2}KEY\s+VALUE\s+TYPE\s+DESCRIPTION$/);
    expect(selectedLine(wide.frame())).toMatch(/row_00\s+v\s+string\s+row number 0$/);
    expect(wide.frame()).toContain('1-17 of 40');
    await wide.press(keys.end);
    expect(wide.frame()).toContain('24-40 of 40');
    const narrow = await open(store, {}, {columns: 80, rows: 24});
    await narrow.press('5');
    expect(narrow.frame()).not.toContain('DESCRIPTION');
  });
});

describe('the add form', () => {
  it('draws its choices in place under the field, and S-Tab goes back a field keeping the answer', async () => {
    const store = storeWith();
    const app = await open(store);
    await app.press('4', 'a');
    await app.type('cache_size');
    await app.press(keys.enter);
    const lines = app.frame().split('\n');
    const type = lines.findIndex((l) => l.startsWith('> type'));
    expect(lines[type + 1]).toMatch(/^ {4}❯ string/);
    expect(lines[type + 2]).toMatch(/^ {6}integer/);
    expect(lines[type + 5]).toMatch(/^ {2}secret/);
    await app.press(keys.shiftTab);
    expect(app.frame()).toMatch(/> key\s+.*cache_size/);
    await app.press(keys.enter, keys.down, keys.enter, keys.enter);
    await app.type('64');
    await app.press(keys.enter, keys.enter);
    expect(store.settings.require('cache_size')).toMatchObject({type: 'integer', value: '64', category: 'general'});
  });
});

describe('Esc with nothing to get out of', () => {
  it('does nothing and says nothing, on a settings tab and on Servers', async () => {
    const app = await open(storeWith());
    const said = app.frame().split('\n').at(-1);
    await app.press(keys.escape);
    expect(app.frame()).not.toMatch(/^! /m);
    expect(app.frame().split('\n').at(-1)).toBe(said);
    await app.press('s', keys.escape);
    expect(app.frame()).not.toMatch(/^! /m);
  });
});

describe('another program deletes the selected row', () => {
  it('moves the selection to its neighbour where it was last, not where it was first selected', async () => {
    const store = storeWith();
    const app = await open(store);
    await app.press('3', 'j');
    expect(selectedLine(app.frame())).toMatch(/^> smcp_port/);
    const other = storeWith(undefined, store.path);
    for (const key of ['aaa_port', 'abb_port']) other.settings.add({key, type: 'integer', value: '1', category: 'ports'});
    // The row above it goes: the selection stays on smcp_port, now first.
    other.settings.remove('flask_port');
    await waitForFrame(app.frame, /flask_port removed by another program|changes by another program/);
    expect(selectedLine(app.frame())).toMatch(/^> smcp_port/);
    // Then smcp_port itself goes: its neighbour is the row that followed it.
    other.settings.remove('smcp_port');
    await waitForFrame(app.frame, /smcp_port removed by another program/);
    expect(selectedLine(app.frame())).toMatch(/^> aaa_port/);
  });
});

describe('a filter that matches on another tab', () => {
  it('says where, and leaves no dangling separator when nothing here matches', async () => {
    const app = await open(storeWith());
    await app.press('3', '/');
    await app.type('openai');
    await app.press(keys.enter);
    const frame = app.frame();
    expect(frame).toMatch(/filter "openai": 0 of 2 · also 1 in API Keys/);
    expect(frame).not.toMatch(/ · $/m);
  });
});
