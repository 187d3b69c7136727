import {describe, expect, it} from 'vitest';
import {applyKeymap} from '../../src/ui/bindings/keymap.js';
import {tokenOf} from '../../src/ui/bindings/key-tokens.js';
import {settingsKeyTables} from '../../src/ui/settings/settings-keys.js';
import {shellKeys} from '../../src/ui/shell/shell-keys.js';

const file = '/home/op/.config/sanctum/keys.json';
const refused = (map: unknown) => {
  try {
    applyKeymap(typeof map === 'string' ? map : JSON.stringify(map), file);
  } catch (error) {
    return (error as Error).message;
  }
  return 'applied';
};

describe('a keymap file', () => {
  it('spells keys as people write them, and refuses what a terminal cannot send apart', () => {
    expect(['Enter', 'escape', 'Up', 'PageDown', 'C-n', 'ctrl+p', 'Ctrl-B', 'x', 'é'].map(tokenOf)).toEqual([
      'Enter',
      'Esc',
      '↑',
      'PgDn',
      'C-n',
      'C-p',
      'C-b',
      'x',
      'é',
    ]);
    // Ctrl-C and Ctrl-Z are the terminal's; Ctrl-I is Tab, Ctrl-M Enter; two characters are two keys.
    expect(['C-c', 'C-z', 'C-i', 'C-m', 'jj', 'F13', '', '\u0007'].map(tokenOf)).toEqual(Array(8).fill(undefined));
  });

  it('is refused with one line naming the problem, before anything changes', () => {
    const before = JSON.stringify(settingsKeyTables.map((t) => t.bindings.map((b) => b.keys)));
    expect(refused('{"Settings": ')).toMatch(/^\/home\/op\/\.config\/sanctum\/keys\.json: not JSON/);
    expect(refused({Settings: {down: 'j'}})).toMatch(/must be \{"<mode>": \{"<action>": \["key", \.\.\.\]\}\}/);
    expect(refused({Nowhere: {down: ['j']}})).toMatch(/no mode "Nowhere" \(modes: Everywhere, Settings, /);
    expect(refused({Settings: {fly: ['f']}})).toMatch(/"Settings" has no action "fly" \(actions: edit, reveal, copy, /);
    expect(refused({Settings: {down: ['F13']}})).toMatch(/"F13" \(for Settings down\) is not a key this app can tell apart/);
    // n adds a setting there: down on n too would be two actions on one key.
    expect(refused({Settings: {down: ['n']}})).toMatch(/in "Settings", n would be both "down" and "add"/);
    // The shell's keys listen beside every browsing mode.
    expect(refused({Everywhere: {quit: ['d']}})).toMatch(/d would be both "(delete|quit)" and "(quit|delete)"/);
    for (const message of [refused({Settings: {down: ['n']}}), refused('[]')]) expect(message.split('\n')).toHaveLength(1);
    expect(JSON.stringify(settingsKeyTables.map((t) => t.bindings.map((b) => b.keys)))).toBe(before);
  });

  it("replaces an action's keys wherever the action is, and the help reads them", () => {
    expect(refused({Settings: {down: ['C-n', 'j'], up: ['C-p', 'k']}, Everywhere: {quit: ['Q']}})).toBe('applied');
    const browse = settingsKeyTables[0]!;
    expect(browse.bindings.find((b) => b.label === 'down')?.keys).toEqual(['C-n', 'j']);
    expect(shellKeys.bindings.find((b) => b.label === 'quit')?.keys).toEqual(['Q']);
    expect(browse.bindings.find((b) => b.label === 'quit')?.keys).toEqual(['Q']);
  });
});
