// Ink tokenizes every line of every frame into grapheme clusters with
// Intl.Segmenter (@alcalzone/ansi-tokenize), the largest part of drawing a
// frame. A line of printable ASCII and escape codes (nearly every line here)
// has one grapheme per character, so it is walked by index instead; any other
// line goes to the segmenter as before. Applied to the dependency's source at
// bundle time; the build fails if that source changes shape.
const loop = 'for (const { segment, index } of segmenter.segment(str)) {';

const helper = `
// One segment per character for printable ASCII and ESC, which is what the segmenter finds there.
const asciiOnly = /^[\\x1b\\x20-\\x7e]*$/;
function* asciiSegments(str) {
    for (let index = 0; index < str.length; index++) yield { segment: str[index], index };
}
const segmentsOf = (str) => (asciiOnly.test(str) ? asciiSegments(str) : segmenter.segment(str));
`;

/** The tokenizer's source with the ASCII walk; throws if the loop it replaces is not there exactly once. */
export function fastTokenizeSource(source) {
  if (source.split(loop).length !== 2) throw new Error('@alcalzone/ansi-tokenize changed: its tokenize loop is not where fast-tokenize expects it');
  return `${source.replace(loop, 'for (const { segment, index } of segmentsOf(str)) {')}\n${helper}`;
}

/** The esbuild plugin. */
export const fastTokenize = {
  name: 'fast-tokenize',
  setup(build) {
    build.onLoad({filter: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/}, async (args) => {
      const {readFile} = await import('node:fs/promises');
      return {contents: fastTokenizeSource(await readFile(args.path, 'utf8')), loader: 'js'};
    });
  },
};
