import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {findBinding, footerText, type KeyTable, pressKey} from '../../src/ui/bindings/binding.js';
import {arrowKeys, moveKeys} from '../../src/ui/list/list-keys.js';
import {serversKeyTables} from '../../src/ui/servers/servers-keys.js';
import {settingsKeyTables} from '../../src/ui/settings/settings-keys.js';
import {shellKeys} from '../../src/ui/shell/shell-keys.js';
import {wizardKeyTables} from '../../src/ui/wizard/wizard-keys.js';
import {historyConfirmKeys, historyKeys} from '../../src/ui/history/history-keys.js';

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
} as Key;

/** The key press a token stands for, as Ink hands it to a handler. */
function press(token: string): [string, Key] {
  const special: Record<string, Partial<Key>> = {
    Enter: {return: true},
    Esc: {escape: true},
    Tab: {tab: true},
    'S-Tab': {tab: true, shift: true},
    '↑': {upArrow: true},
    '↓': {downArrow: true},
    '←': {leftArrow: true},
    '→': {rightArrow: true},
    PgUp: {pageUp: true},
    PgDn: {pageDown: true},
    Home: {home: true},
    End: {end: true},
  };
  if (token in special) return ['', {...noKey, ...special[token]}];
  if (token === 'Space') return [' ', noKey];
  if (/^C-[a-z]$/.test(token)) return [token.slice(2), {...noKey, ctrl: true}];
  if (token === '1-9') return ['5', noKey];
  return [token, {...noKey, shift: token !== token.toLowerCase()}];
}

/** Every key a person can press, as the token that would spell it. */
const probes: [string, [string, Key]][] = [
  ...['Enter', 'Esc', 'Tab', 'S-Tab', '↑', '↓', '←', '→', 'PgUp', 'PgDn', 'Home', 'End', 'Space', 'C-f', 'C-l', 'C-r'].map((t): [string, [string, Key]] => [
    t,
    press(t),
  ]),
  ...Array.from({length: 94}, (_, i) => String.fromCharCode(33 + i)).map((c): [string, [string, Key]] => [/[1-9]/.test(c) ? '1-9' : c, press(c)]),
];

const allTables: KeyTable<never>[] = [
  shellKeys,
  moveKeys,
  arrowKeys,
  ...settingsKeyTables,
  ...serversKeyTables,
  ...wizardKeyTables,
  historyKeys,
  historyConfirmKeys,
] as KeyTable<never>[];

describe('key tables: what the footer and help show is what the keys do', () => {
  for (const table of allTables) {
    it(`${table.title}: every key a binding shows is handled by that binding in that mode`, () => {
      for (const binding of table.bindings) {
        for (const token of binding.keys) {
          const [input, key] = press(token);
          expect([table.title, token, findBinding(table, input, key)?.label]).toEqual([table.title, token, binding.label]);
        }
      }
    });

    it(`${table.title}: every key handled in that mode is one its binding shows`, () => {
      for (const [token, [input, key]] of probes) {
        const binding = findBinding(table, input, key);
        if (binding) expect([table.title, token, binding.keys]).toEqual([table.title, token, expect.arrayContaining([token])]);
      }
    });
  }

  it('leaves disabled keys out of the footer, and a disabled key says why instead of acting', () => {
    let ran = false;
    const table: KeyTable<{on: boolean}> = {
      title: 't',
      bindings: [{keys: ['x'], label: 'act', help: 'act', footer: true, disabled: (c) => (c.on ? undefined : 'not now'), run: () => (ran = true)}],
    };
    expect(footerText(table, {on: true}, false)).toBe('x act');
    expect(footerText(table, {on: false}, false)).toBe('');
    const said: string[] = [];
    expect(pressKey(table, {on: false}, {readOnly: false, say: (t) => said.push(t)}, 'x', noKey)).toBe(true);
    expect([ran, said]).toEqual([false, ['not now']]);
    expect(pressKey(table, {on: true}, {readOnly: true, say: (t) => said.push(t)}, 'x', noKey)).toBe(true);
    expect(ran).toBe(true);
  });

  it('turns editing keys off in read-only mode, in the footer and when pressed', () => {
    const table: KeyTable<object> = {title: 't', bindings: [{keys: ['e'], label: 'edit', help: 'edit', footer: true, edits: true, run: () => undefined}]};
    expect(footerText(table, {}, true)).toBe('');
    const said: string[] = [];
    pressKey(table, {}, {readOnly: true, say: (t) => said.push(t)}, 'e', noKey);
    expect(said).toEqual([expect.stringMatching(/^read-only: editing is off/)]);
  });
});
