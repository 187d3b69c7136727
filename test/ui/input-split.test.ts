import {describe, expect, it} from 'vitest';
import {InputSplitter, pasteEnd, pasteStart, splitInput} from '../../src/ui/input-split.js';
import {pastedLine} from '../../src/ui/components/line-editing.js';

const keys = (text: string) => splitInput(text).map((k) => (k.paste ? {paste: k.text} : k.text));

describe('splitting a read into key presses and pastes', () => {
  it('splits keys that arrived together into one press each, a key held down included', () => {
    expect(keys('jj')).toEqual(['j', 'j']);
    expect(keys('\u007f\u007f12\r')).toEqual(['\u007f', '\u007f', '1', '2', '\r']);
    expect(keys('jjjjjjjjjj')).toEqual(Array(10).fill('j'));
  });

  it('keeps escape sequences whole', () => {
    expect(keys('\u001b[A\u001b[B\u001b[5~\u001b[Zq')).toEqual(['\u001b[A', '\u001b[B', '\u001b[5~', '\u001b[Z', 'q']);
    expect(keys('\u001bOH\u001b')).toEqual(['\u001bOH', '\u001b']);
    expect(keys('\u001b[1;5C')).toEqual(['\u001b[1;5C']);
  });

  it('without bracketed paste: a run of text and a line break is a paste, and the line break does not submit', () => {
    expect(keys('sk-ant-api03-abcdef\r')).toEqual([{paste: 'sk-ant-api03-abcdef\n'}]);
    expect(keys('sk-ant-api03-abcdef')).toEqual([{paste: 'sk-ant-api03-abcdef'}]);
    expect(keys('5058\r')).toEqual([{paste: '5058\n'}]);
    // One key and Enter, and keys typed one at a time, keep their Enter.
    expect(keys('y\r')).toEqual(['y', '\r']);
    expect(keys('\r')).toEqual(['\r']);
  });

  it('without bracketed paste: text, a line break and more in one read is all a paste, never keys', () => {
    expect(keys('8090\rdy')).toEqual([{paste: '8090\ndy'}]);
    expect(keys('ab\r\ncd\r\n')).toEqual([{paste: 'ab\ncd\n'}]);
    // Keys from a slow link: Backspace and the like are typing, not a paste.
    expect(keys('3j\r\u007f\u007f9\r')).toEqual(['3', 'j', '\r', '\u007f', '\u007f', '9', '\r']);
    // Keys typed while the app started arrive in its first read, together: they stay keys.
    const splitter = new InputSplitter();
    expect(splitter.push('12\rjq').map((k) => k.text)).toEqual(['1', '2', '\r', 'j', 'q']);
    expect(splitter.push('12\rjq')).toEqual([{text: '12\njq', paste: true}]);
  });

  it('takes a bracketed paste whole, across reads, whatever it holds: line breaks, escapes, keys', () => {
    const splitter = new InputSplitter();
    expect(splitter.push(`j${pasteStart}80`)).toEqual([{text: 'j', paste: false}]);
    expect(splitter.push(`90\r\u001b[Ady${pasteEnd}k`)).toEqual([
      {text: '8090\n[Ady', paste: true},
      {text: 'k', paste: false},
    ]);
    expect(splitter.push(`${pasteStart}d${pasteEnd}`)).toEqual([{text: 'd', paste: true}]);
    // Line breaks alone: nothing to paste (Ink would read one as Enter).
    expect(splitter.push(`${pasteStart}\r\n${pasteEnd}q`)).toEqual([{text: 'q', paste: false}]);
  });

  it('hands the Delete key on as Ctrl-D, which Ink can tell from Backspace', () => {
    expect(keys('\u001b[3~\u007f')).toEqual(['\u0004', '\u007f']);
  });

  it('keeps characters outside the BMP whole', () => {
    expect(keys('a😀')).toEqual(['a', '😀']);
  });
});

describe('a paste into a one-line field', () => {
  it('takes the first line, drops the line breaks copying took along, and says when it cut lines', () => {
    expect(pastedLine('sk-abc\n')).toEqual({text: 'sk-abc'});
    expect(pastedLine('8090\ndy')).toEqual({text: '8090', note: 'pasted the first line only: this field holds one line (1 more dropped)'});
    expect(pastedLine('a\r\nb\nc\n\n')).toMatchObject({text: 'a', note: expect.stringContaining('2 more dropped')});
  });
});
