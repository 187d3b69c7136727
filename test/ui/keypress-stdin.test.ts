import {describe, expect, it} from 'vitest';
import {splitKeypresses} from '../../src/ui/keypress-stdin.js';

describe('splitKeypresses', () => {
  it('splits keys that arrived together into one press each', () => {
    expect(splitKeypresses('jj\r')).toEqual(['j', 'j', '\r']);
    expect(splitKeypresses('\u007f\u007f12\r')).toEqual(['\u007f', '\u007f', '1', '2', '\r']);
  });

  it('keeps escape sequences whole', () => {
    expect(splitKeypresses('\u001b[A\u001b[B\u001b[5~\u001b[Zq')).toEqual(['\u001b[A', '\u001b[B', '\u001b[5~', '\u001b[Z', 'q']);
    expect(splitKeypresses('\u001bOH\u001b')).toEqual(['\u001bOH', '\u001b']);
    expect(splitKeypresses('\u001b[1;5C')).toEqual(['\u001b[1;5C']);
  });

  it('keeps a pasted run of text in one piece, and drops the line break it ends with (a paste does not submit)', () => {
    expect(splitKeypresses('sk-ant-api03-abcdef\r')).toEqual(['sk-ant-api03-abcdef']);
    expect(splitKeypresses('sk-ant-api03-abcdef\r\n')).toEqual(['sk-ant-api03-abcdef']);
    expect(splitKeypresses('sk-ant-api03-abcdef')).toEqual(['sk-ant-api03-abcdef']);
    // Typed keys keep their Enter.
    expect(splitKeypresses('5050\r')).toEqual(['5', '0', '5', '0', '\r']);
  });

  it('hands the Delete key on as Ctrl-D, which Ink can tell from Backspace', () => {
    expect(splitKeypresses('\u001b[3~\u007f')).toEqual(['\u0004', '\u007f']);
  });

  it('keeps characters outside the BMP whole', () => {
    expect(splitKeypresses('a😀')).toEqual(['a', '😀']);
  });
});
