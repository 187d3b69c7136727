// yoga-layout waits for its WebAssembly at the top level of its module, which
// only an ES module may do, and V8's code cache (see src/bin) is for CommonJS.
// This entry starts the same load without waiting: its default export reaches
// the engine once loaded, and globalThis[Symbol.for('sanctum-config.yoga')]
// is the promise to await before anything lays out (the app awaits it, in
// src/ui/launch.tsx, before its first render). Applied at bundle time.
const entry = `
import loadYoga from '../binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './wrapAssembly.js';
export * from './generated/YGEnums.js';
let engine;
globalThis[Symbol.for('sanctum-config.yoga')] = loadYoga().then((module) => {
  engine = wrapAssembly(module);
});
export default new Proxy({}, {
  get(_, key) {
    if (!engine) throw new Error('the layout engine is not loaded yet');
    return engine[key];
  },
});
`;

/**
 * Ink's reconciler awaits at its top level too, only when DEV=true (React's
 * devtools, which the build leaves out): those two waits go.
 */
const reconcilerWaits = [
  ["await import('./devtools.js');", 'void 0;'],
  [
    'const packageJson = isDev()\n    ? await loadPackageJson()\n    : { name: undefined, version: undefined };',
    'const packageJson = { name: undefined, version: undefined };',
  ],
];

export function reconcilerWithoutAwait(source) {
  for (const [from, to] of reconcilerWaits) {
    if (source.split(from).length !== 2)
      throw new Error(`ink's reconciler changed: ${JSON.stringify(from.slice(0, 40))} is not where yoga-without-await expects it`);
    source = source.replace(from, to);
  }
  if (/\bawait\b/.test(source.replace(/async function[\s\S]*?\n}/g, ''))) throw new Error("ink's reconciler has another top-level await");
  return source;
}

/** The dependency files this module patches, for scripts/patches.mjs. */
export const yogaPatches = [
  {name: 'yoga-layout loads without a top-level await', package: 'yoga-layout', file: 'dist/src/index.js', transform: () => entry},
  {name: "Ink's reconciler without its dev-only top-level awaits", package: 'ink', file: 'build/reconciler.js', transform: reconcilerWithoutAwait},
];
