import {describe, expect, it} from 'vitest';
import {InputSplitter} from '../../src/ui/input-split.js';
import {themeForBackground} from '../../src/ui/theme-choice.js';

describe("the terminal's background (OSC 11)", () => {
  it('calls a bright background light and a dark one dark, in every digit count terminals use', () => {
    expect(themeForBackground('11;rgb:ffff/ffff/ffff')).toBe('light');
    expect(themeForBackground('11;rgb:0000/0000/0000')).toBe('dark');
    expect(themeForBackground('11;rgb:fd/f6/e3')).toBe('light');
    expect(themeForBackground('11;rgb:28/2c/34')).toBe('dark');
    expect(themeForBackground('11;rgba:f/f/f/f')).toBe('light');
    expect(themeForBackground('11;?')).toBeUndefined();
  });

  it('takes the answer out of the input, whole or split across reads: it is never keys', () => {
    const reports: string[] = [];
    const splitter = new InputSplitter();
    splitter.onReport = (report) => reports.push(report);
    expect(splitter.push('j\u001b]11;rgb:ffff/ffff/ffff\u001b\\k').map((k) => k.text)).toEqual(['j', 'k']);
    expect(splitter.push('\u001b]11;rgb:0/0/0\u0007q').map((k) => k.text)).toEqual(['q']);
    // Split across reads, even inside its end (ESC \\).
    expect(splitter.push('a\u001b]11;rgb:ff').map((k) => k.text)).toEqual(['a']);
    expect(splitter.push('ff/ffff/ffff\u001b').map((k) => k.text)).toEqual([]);
    expect(splitter.push('\\b').map((k) => k.text)).toEqual(['b']);
    expect(reports).toEqual(['11;rgb:ffff/ffff/ffff', '11;rgb:0/0/0', '11;rgb:ffff/ffff/ffff']);
  });
});
