import {build} from 'esbuild';
import fc from 'fast-check';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {fastTokenize} from '../../scripts/fast-tokenize.mjs';
import {tempDir} from '../helpers/temp-db.js';

type Tokenize = (text: string, endChar?: number) => unknown[];

/** The tokenizer as Ink gets it in the build (patched) and as published, each bundled on its own. */
async function tokenizers(): Promise<{fast: Tokenize; original: Tokenize}> {
  const dir = tempDir();
  const bundle = async (name: string, plugins: (typeof fastTokenize)[]) => {
    const outfile = join(dir, `${name}.mjs`);
    await build({
      stdin: {contents: "export {tokenize} from '@alcalzone/ansi-tokenize';", resolveDir: process.cwd()},
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      plugins,
      logLevel: 'silent',
    });
    return ((await import(pathToFileURL(outfile).href)) as {tokenize: Tokenize}).tokenize;
  };
  return {fast: await bundle('fast', [fastTokenize]), original: await bundle('original', [])};
}

let fast: Tokenize;
let original: Tokenize;
beforeAll(async () => ({fast, original} = await tokenizers()));

describe('the tokenizer Ink draws frames with, walked by index for ASCII', () => {
  it('gives the same tokens as the published one for lines as the app draws them', () => {
    const lines = [
      '',
      'plain',
      '\u001b[1msanctum-config [1 API Keys]\u001b[22m',
      '\u001b[2m\u001b[7m> key  value\u001b[27m\u001b[22m',
      '\u001b[38;2;1;2;3mrgb\u001b[39m',
      '\u001b]8;;http://x\u0007link\u001b]8;;\u0007',
      '\u001b[',
      'é ü 漢字 👍🏽 🇩🇪',
      'a\u0301',
      '\r\n',
    ];
    for (const line of lines) for (const end of [undefined, 0, 1, 5]) expect(fast(line, end)).toEqual(original(line, end));
  });

  it('gives the same tokens on random text of escapes, ASCII and beyond', () => {
    const piece = fc.oneof(
      fc.constantFrom('\u001b[1m', '\u001b[22m', '\u001b[31;1m', '\u001b[38;5;200m', '\u001b]8;;u\u0007', '\u001b', '['),
      fc.string({maxLength: 6}),
      fc.string({unit: 'grapheme', maxLength: 3}),
    );
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 12}), fc.option(fc.nat(20)), (pieces, end) => {
        const line = pieces.join('');
        expect(fast(line, end ?? undefined)).toEqual(original(line, end ?? undefined));
      }),
      {numRuns: 3000},
    );
  });
});
