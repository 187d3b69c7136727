import {buildSync} from 'esbuild';
import {join} from 'node:path';
import {root, shared} from '../../scripts/bundle-options.mjs';

/**
 * A test's helper program, bundled as the build bundles the app (migrations
 * inlined, production options), into node_modules/.cache so that it finds
 * better-sqlite3 as the real build does. Returns its path.
 */
export function bundleFixture(name: string): string {
  const outfile = join(root, 'node_modules', '.cache', 'sanctum-config-test', `${name}.cjs`);
  buildSync({...shared, entryPoints: [join(root, 'test', 'fixtures', `${name}.ts`)], outfile, format: 'cjs'});
  return outfile;
}
