// The bundle-time patches of dependencies (scripts/patches.mjs): each one is
// applied where the build expects it, a moved target fails the build, and each
// patch's effect is tested directly, so these tests fail when a patch is missing.
import {build} from 'esbuild';
import fc from 'fast-check';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {root} from '../../scripts/bundle-options.mjs';
import {appPatches, checkOneScheduler, patchPlugin, type Patch} from '../../scripts/patches.mjs';
import {tempDir} from '../helpers/temp-db.js';

type Tokenize = (text: string, endChar?: number) => unknown[];

const patchNamed = (start: string) => appPatches.find((p) => p.name.startsWith(start))!;

/** `contents` bundled as ESM into a file of its own with `patches`; its module. */
async function bundleModule<T>(contents: string, patches: Patch[]): Promise<T> {
  const outfile = join(tempDir(), 'bundle.mjs');
  await build({
    stdin: {contents, resolveDir: root},
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    plugins: [patchPlugin(patches).plugin],
    logLevel: 'silent',
  });
  return (await import(pathToFileURL(outfile).href)) as T;
}

/** The app's entry bundled as the build bundles it, with `patches`; its metafile and the patches' report. */
async function bundleApp(patches: Patch[]) {
  const {plugin, report} = patchPlugin(patches);
  const result = await build({
    entryPoints: [join(root, 'src/ui/launch.tsx')],
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: join(tempDir(), 'app.cjs'),
    external: ['better-sqlite3'],
    define: {'process.env.NODE_ENV': '"production"'},
    write: false,
    plugins: [plugin],
    logLevel: 'silent',
  });
  return {metafile: result.metafile!, report: report()};
}

/** How many Intl.Segmenters `work` makes. */
const realSegmenter = Intl.Segmenter;
let made = 0;
afterEach(() => {
  (Intl as {Segmenter: typeof Intl.Segmenter}).Segmenter = realSegmenter;
});
async function segmentersMadeBy(work: () => unknown): Promise<number> {
  made = 0;
  (Intl as {Segmenter: typeof Intl.Segmenter}).Segmenter = class extends realSegmenter {
    constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
      super(...args);
      made++;
    }
  } as typeof Intl.Segmenter;
  try {
    await work();
    return made;
  } finally {
    (Intl as {Segmenter: typeof Intl.Segmenter}).Segmenter = realSegmenter;
  }
}

describe('the patches as the build applies them', () => {
  it('every patch applies to every copy of its package that the app bundles, and there is one scheduler', async () => {
    const {metafile, report} = await bundleApp(appPatches);
    expect(report.map((r) => r.name)).toEqual(appPatches.map((p) => p.name));
    for (const entry of report) expect(entry.copies).toBeGreaterThanOrEqual(1);
    expect(() => checkOneScheduler(metafile)).not.toThrow();
  });

  for (const patch of appPatches) {
    it(`fails the build when the target of "${patch.name}" moves`, async () => {
      const moved = appPatches.map((p) => (p === patch ? {...p, file: p.file.replace(/\.js$/, '-moved.js')} : p));
      await expect(bundleApp(moved)).rejects.toThrow(`${patch.name}: ${patch.package}/${patch.file.replace(/\.js$/, '-moved.js')} was never loaded`);
    });
  }

  it('fails the build when the bundle holds two schedulers', () => {
    const inputs = {'node_modules/scheduler/index.js': {}, 'node_modules/react-reconciler/node_modules/scheduler/index.js': {}};
    expect(() => checkOneScheduler({inputs, outputs: {}} as never)).toThrow(/one copy of React's scheduler, it holds 2/);
  });
});

describe('each patch does what it is for', () => {
  it('slice-ansi and string-width make no segmenter until they meet text that needs one', async () => {
    const patches = [patchNamed('slice-ansi'), patchNamed('string-width')];
    let mod: {sliceAnsi: (s: string, a: number, b: number) => string; stringWidth: (s: string) => number} | undefined;
    expect(
      await segmentersMadeBy(async () => {
        mod = await bundleModule("export {default as sliceAnsi} from 'slice-ansi'; export {default as stringWidth} from 'string-width';", patches);
      }),
    ).toBe(0);
    expect(await segmentersMadeBy(() => mod!.stringWidth('漢字 é'))).toBeGreaterThan(0);
    expect(mod!.stringWidth('漢字')).toBe(4);
  });

  it('the tokenizer makes no segmenter for ASCII lines, and one for others', async () => {
    let tokenize: Tokenize | undefined;
    expect(
      await segmentersMadeBy(async () => {
        ({tokenize} = await bundleModule<{tokenize: Tokenize}>("export {tokenize} from '@alcalzone/ansi-tokenize';", [patchNamed('ansi-tokenize')]));
      }),
    ).toBe(0);
    expect(await segmentersMadeBy(() => tokenize!('\u001b[1mplain ascii\u001b[22m'))).toBe(0);
    expect(await segmentersMadeBy(() => tokenize!('漢字'))).toBe(1);
  });

  it('yoga and Ink bundle as CommonJS only with their patches (no top-level await)', async () => {
    const yogaAndInk = appPatches.filter((p) => p.package === 'yoga-layout' || p.package === 'ink');
    await expect(bundleApp(appPatches.filter((p) => !yogaAndInk.includes(p)))).rejects.toThrow(/[Tt]op-level await/);
    await expect(bundleApp(appPatches)).resolves.toBeDefined();
  });
});

/** The tokenizer as Ink gets it in the build (patched) and as published, each bundled on its own. */
async function tokenizers(): Promise<{fast: Tokenize; original: Tokenize}> {
  const source = "export {tokenize} from '@alcalzone/ansi-tokenize';";
  const fast = (await bundleModule<{tokenize: Tokenize}>(source, [patchNamed('ansi-tokenize')])).tokenize;
  const original = (await bundleModule<{tokenize: Tokenize}>(source, [])).tokenize;
  return {fast, original};
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
