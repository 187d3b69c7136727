// Writes docs/export.schema.json from the registries (src/repo/export-schema.ts), through the built bundle's twin:
// run by `npm run build`; test/cli/import-schema.test.ts fails when the committed file is stale.
import {build} from 'esbuild';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {root} from './bundle-options.mjs';

const out = await build({
  entryPoints: [join(root, 'src/repo/export-schema.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
});
const module = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
writeFileSync(join(root, 'docs/export.schema.json'), `${JSON.stringify(module.exportSchema(), null, 2)}\n`);
