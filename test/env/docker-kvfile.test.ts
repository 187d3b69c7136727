// docker/cli pkg/kvfile's own test cases (test/vendor/docker-cli/kvfile_test.go),
// run against the port in test/helpers/env-readers.ts that the env-file tests use.
import {describe, expect, it} from 'vitest';
import {dockerKvLines} from '../helpers/docker-kvfile.js';

describe("docker's env-file parser (the port)", () => {
  it('TestParseFromReaderGoodFile', () => {
    const content = 'foo=bar\n    baz=quux\n# comment\n\n_foobar=foobaz\nwith.dots=working\nand_underscore=working too\n\n    \t  ';
    expect(dockerKvLines(content)).toEqual(['foo=bar', 'baz=quux', '_foobar=foobaz', 'with.dots=working', 'and_underscore=working too']);
  });

  it('TestParseFromReaderEmptyFile', () => {
    expect(dockerKvLines('')).toEqual([]);
  });

  it('TestParseFromReaderBadlyFormattedFile', () => {
    expect(() => dockerKvLines('foo=bar\n    f   =quux\n')).toThrow("variable 'f   ' contains whitespaces");
  });

  it('TestParseFromReaderLineTooLongFile', () => {
    expect(() => dockerKvLines(`foo=${'a'.repeat(64 * 1024 + 42)}`)).toThrow('bufio.Scanner: token too long');
  });

  it('TestParseFromReaderRandomFile', () => {
    expect(() => dockerKvLines('first line\nanother invalid line')).toThrow("variable 'first line' contains whitespaces");
  });

  it('TestParseFromReaderWithLookup (no lookup: a name without = is left out)', () => {
    expect(dockerKvLines('# comment=\nVAR=VAR_VALUE\nEMPTY_VAR=\nUNDEFINED_VAR\nDEFINED_VAR\n')).toEqual(['VAR=VAR_VALUE', 'EMPTY_VAR=']);
  });

  it('TestParseFromReaderWithNoName', () => {
    expect(() => dockerKvLines('# comment=\n=blank variable names are an error case\n')).toThrow(
      "no variable name on line '=blank variable names are an error case'",
    );
  });

  it('keeps quotes, trailing spaces and escapes as part of the value, trims a BOM and leading space, drops one CR', () => {
    expect(dockerKvLines('\ufeffA="q" \n  B=\\n\r\nC=\'x\'')).toEqual(['A="q" ', 'B=\\n', "C='x'"]);
  });
});
