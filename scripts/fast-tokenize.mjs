// Ink tokenizes every line of every frame into grapheme clusters with
// Intl.Segmenter (@alcalzone/ansi-tokenize), the largest part of drawing a
// frame. A line of printable ASCII and escape codes (nearly every line here)
// has one grapheme per character, so it is walked by index instead; any other
// line goes to the segmenter as before. The segmenters (that one, slice-ansi's
// and string-width's two) are made on first use: making one maps 2.6 MB of ICU
// data, and the four cost the app's start ~12 ms.
// Applied to the dependencies' source at bundle time (scripts/patches.mjs); the
// build fails if that source changes shape or the file is not where it was.
const loop = 'for (const { segment, index } of segmenter.segment(str)) {';

const helper = `
// One segment per character for printable ASCII and ESC, which is what the segmenter finds there.
const asciiOnly = /^[\\x1b\\x20-\\x7e]*$/;
function* asciiSegments(str) {
    for (let index = 0; index < str.length; index++) yield { segment: str[index], index };
}
const segmentsOf = (str) => (asciiOnly.test(str) ? asciiSegments(str) : segmenter.segment(str));
`;

function replaceOnce(source, from, to, what) {
  if (source.split(from).length !== 2) throw new Error(`${what} changed: ${JSON.stringify(from.slice(0, 50))} is not where fast-tokenize expects it`);
  return source.replace(from, to);
}

/** `const NAME = new Intl.Segmenter(...)` made on first use; NAME is only ever asked to segment. */
function lazySegmenter(source, declaration, name, what) {
  const args = declaration.slice(declaration.indexOf('new Intl.Segmenter'), declaration.lastIndexOf(';'));
  return replaceOnce(source, declaration, `let ${name}Made;\nconst ${name} = {segment: (text) => (${name}Made ??= ${args}).segment(text)};`, what);
}

/** The tokenizer's source with the ASCII walk and a lazy segmenter; throws where the source is not as expected. */
export function fastTokenizeSource(source) {
  const what = '@alcalzone/ansi-tokenize';
  source = lazySegmenter(source, 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', 'segmenter', what);
  return `${replaceOnce(source, loop, 'for (const { segment, index } of segmentsOf(str)) {', what)}\n${helper}`;
}

/** The dependency files this module patches, for scripts/patches.mjs. */
export const fastTokenizePatches = [
  {
    name: 'ansi-tokenize walks ASCII by index',
    package: '@alcalzone/ansi-tokenize',
    file: 'build/tokenize.js',
    transform: fastTokenizeSource,
  },
  // slice-ansi: Ink cuts lines with it (ours fit).
  {
    name: 'slice-ansi makes its segmenter on first use',
    package: 'slice-ansi',
    file: 'tokenize-ansi.js',
    transform: (source) =>
      lazySegmenter(source, "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", 'GRAPHEME_SEGMENTER', 'slice-ansi'),
  },
  // string-width, every version Ink brings: it measures non-ASCII text only.
  {
    name: 'string-width makes its segmenter on first use',
    package: 'string-width',
    file: 'index.js',
    transform: (source) => lazySegmenter(source, 'const segmenter = new Intl.Segmenter();', 'segmenter', 'string-width'),
  },
];
