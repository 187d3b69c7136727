import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {editLine, type Line, openLine} from '../../src/ui/components/line-editing.js';

const noKey = {
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
const k = (over: Partial<Key>) => ({...noKey, ...over});

function type(line: Line, ...keys: [string, Partial<Key>?][]): Line {
  return keys.reduce((l, [input, key]) => editLine(l, input, k(key ?? {})) ?? l, line);
}

describe('line editing', () => {
  it('opens with the value selected: typing replaces it, Backspace clears it, an arrow keeps it', () => {
    expect(type(openLine('5000'), ['5'], ['0'], ['5'], ['0']).value).toBe('5050');
    expect(type(openLine('localhost'), ['', {delete: true}]).value).toBe('');
    expect(type(openLine('5000'), ['', {end: true}], ['1']).value).toBe('50001');
    expect(type(openLine('5000'), ['', {leftArrow: true}], ['1']).value).toBe('15000');
  });

  it('moves and cuts as readline does: Ctrl-A/E, Home/End, Ctrl-U/K/W, Alt-B/F, Delete', () => {
    const line: Line = {value: 'http://letta.lan:8284', cursor: 21, selected: false};
    expect(type(line, ['a', {ctrl: true}], ['x']).value).toBe('xhttp://letta.lan:8284');
    expect(type(line, ['', {home: true}], ['e', {ctrl: true}], ['/']).value).toBe('http://letta.lan:8284/');
    expect(type(line, ['w', {ctrl: true}]).value).toBe('http://letta.lan:');
    expect(type(line, ['b', {meta: true}], ['b', {meta: true}], ['k', {ctrl: true}]).value).toBe('http://letta.');
    expect(type(line, ['b', {meta: true}], ['u', {ctrl: true}]).value).toBe('8284');
    expect(type(line, ['a', {ctrl: true}], ['f', {meta: true}], ['d', {ctrl: true}]).value).toBe('http//letta.lan:8284');
    expect(type({value: 'abc', cursor: 1, selected: false}, ['', {backspace: true}]).value).toBe('bc');
  });

  it("leaves Enter, Esc, Tab and ↑/↓ to the mode's key table", () => {
    for (const key of [{return: true}, {escape: true}, {tab: true}, {upArrow: true}, {downArrow: true}]) {
      expect(editLine(openLine('x'), '', k(key))).toBeUndefined();
    }
  });
});
