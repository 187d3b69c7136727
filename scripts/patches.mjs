// Every patch applied to a dependency's source at bundle time, in one list, and
// the plugin that applies them and fails the build when one did not apply: its
// file moved or was renamed (nothing matched), or a copy of the package in the
// bundle was left unpatched. Each patch's own transform throws when the source
// is not shaped as it expects.
import {readFile} from 'node:fs/promises';
import {resolve} from 'node:path';
import {fastTokenizePatches} from './fast-tokenize.mjs';
import {yogaPatches} from './yoga-without-await.mjs';
import {incrementalCursorPatches} from './incremental-cursor.mjs';

/** {name, package, file (inside the package), transform(source) -> source} */
export const appPatches = [...fastTokenizePatches, ...yogaPatches, ...incrementalCursorPatches];

/** A path of '/'-separated parts as a pattern that matches it on any platform. */
const anySeparator = (path) =>
  path
    .split('/')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\\\/]');
/** `.../node_modules/<package>/<file>`. */
const targetPattern = (patch) => new RegExp(`[\\\\/]node_modules[\\\\/]${anySeparator(patch.package)}[\\\\/]${anySeparator(patch.file)}$`);
/** The directory of the copy of the package that a bundled input comes from. */
const packageCopy = (patch) => new RegExp(`^(.*[\\\\/]node_modules[\\\\/]${anySeparator(patch.package)})[\\\\/]`);

/** What did not apply: patches never loaded, and copies of a patched package left as published. */
function problemsOf(patches, applied, metafile, root) {
  const problems = [];
  const inputs = metafile ? Object.keys(metafile.inputs).map((input) => resolve(root, input)) : [];
  for (const patch of patches) {
    const patched = applied.get(patch);
    if (patched.size === 0) problems.push(`${patch.name}: ${patch.package}/${patch.file} was never loaded (moved or renamed?)`);
    const copies = new Set(inputs.map((input) => packageCopy(patch).exec(input)?.[1]).filter(Boolean));
    for (const copy of copies) if (!patched.has(copy)) problems.push(`${patch.name}: the copy in ${copy} has no ${patch.file}`);
  }
  return problems;
}

/**
 * The esbuild plugin for `patches`: it fails the build, naming each patch that
 * did not apply to every copy of its package in the bundle. `report()` says
 * how many copies each patch was applied to.
 */
export function patchPlugin(patches) {
  const applied = new Map(patches.map((p) => [p, new Set()]));
  const plugin = {
    name: 'dependency-patches',
    setup(build) {
      build.initialOptions.metafile = true;
      const root = build.initialOptions.absWorkingDir ?? process.cwd();
      for (const patch of patches) {
        build.onLoad({filter: targetPattern(patch)}, async (args) => {
          const contents = patch.transform(await readFile(args.path, 'utf8'));
          applied.get(patch).add(args.path.slice(0, args.path.length - patch.file.length - 1));
          return {contents, loader: 'js'};
        });
      }
      build.onEnd((result) => {
        const problems = problemsOf(patches, applied, result.metafile, root);
        if (problems.length) throw new Error(`a dependency patch did not apply; fix the patch or drop it:\n  ${problems.join('\n  ')}`);
      });
    },
  };
  const report = () => [...applied].map(([patch, dirs]) => ({name: patch.name, copies: dirs.size}));
  return {plugin, report};
}

/**
 * Fails when the bundle holds more than one copy of React's scheduler: the app
 * paces keys with the scheduler React uses (src/ui/keypress-stdin.ts), which only
 * works when both are one module.
 */
export function checkOneScheduler(metafile) {
  const copies = new Set(
    Object.keys(metafile.inputs)
      .map((input) => /^(.*node_modules\/scheduler)\//.exec(input)?.[1])
      .filter(Boolean),
  );
  if (copies.size !== 1) throw new Error(`the app bundle must hold one copy of React's scheduler, it holds ${copies.size}: ${[...copies].join(', ')}`);
}
