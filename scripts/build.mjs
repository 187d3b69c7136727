// Build what users run: two bundles made by esbuild, then the man page.
//   dist/sanctum-config.cjs  the command: runs commands.cjs with V8's code cache (src/bin/sanctum-config.cjs)
//   dist/commands.cjs        every command, CommonJS (Node loads it fastest); never loads Ink or React.
//   dist/app.cjs             the interactive app: Ink, React (production build), the views; loaded only
//                            when the app opens. CommonJS too (yoga's top-level wait removed, see
//                            yoga-without-await.mjs), so it has a code cache as well.
// Migrations and the version are inlined, so a command opens no file but the database.
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import {chmodSync, copyFileSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {root, shared} from './bundle-options.mjs';
import {appPatches, checkOneScheduler, patchPlugin} from './patches.mjs';
import {checkV8Flags} from './v8-flags.mjs';
import {writeNotices} from './notices.mjs';

/** The commands bundle reaches the app by import() at run time, never by bundling it. */
const appIsSeparate = {
  name: 'app-is-separate',
  setup(b) {
    b.onResolve({filter: /\/ui\/launch\.js$/}, () => ({path: './app.cjs', external: true}));
  },
};

/** Import's schema check (Ajv, 120 kB) is a bundle of its own, loaded only by import: no other command parses it. */
const validatorIsSeparate = {
  name: 'validator-is-separate',
  setup(b) {
    b.onResolve({filter: /\/import-validation\.js$/}, () => ({path: './validator.cjs', external: true}));
  },
};

/** Ink connects to React's devtools (react-devtools-core, ws) only when DEV is set; empty modules keep them out. */
const noDevtools = {
  name: 'no-devtools',
  setup(b) {
    b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'devtools-stub', namespace: 'stub'}));
    b.onResolve({filter: /^\.\/devtools\.js$/}, (args) => (/node_modules\/ink\//.test(args.importer) ? {path: 'devtools-stub', namespace: 'stub'} : undefined));
    b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {}', loader: 'js'}));
  },
};

rmSync(join(root, 'dist'), {recursive: true, force: true});
const patches = patchPlugin(appPatches);
// The V8 flags the app sets, checked against this Node; the app sets them only on this V8.
const v8Flags = JSON.stringify(checkV8Flags());
const [commands, app, validator] = await Promise.all([
  build({
    ...shared,
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(root, 'dist/commands.cjs'),
    format: 'cjs',
    metafile: true,
    plugins: [appIsSeparate, validatorIsSeparate],
    define: {...shared.define, __SANCTUM_V8_FLAGS__: v8Flags},
  }),
  build({
    ...shared,
    entryPoints: [join(root, 'src/ui/launch.tsx')],
    outfile: join(root, 'dist/app.cjs'),
    format: 'cjs',
    metafile: true,
    plugins: [noDevtools, patches.plugin],
  }),
  build({
    ...shared,
    entryPoints: [join(root, 'src/cli/import-validation.ts')],
    outfile: join(root, 'dist/validator.cjs'),
    format: 'cjs',
    metafile: true,
  }),
]);
if (Object.keys(commands.metafile.inputs).some((input) => /node_modules\/ajv\//.test(input))) throw new Error('the commands bundle includes Ajv');
if (!Object.keys(validator.metafile.inputs).some((input) => /node_modules\/ajv\//.test(input))) throw new Error('the validator bundle lacks Ajv');

// The licences of what the bundles carry (their comments are not kept in them).
writeNotices(root, [commands.metafile, app.metafile, validator.metafile], join(root, 'dist/THIRD-PARTY-NOTICES.txt'));

// Every start-up trick carries its guard: a patch that did not apply fails the build (in the plugin), and so does a second scheduler.
checkOneScheduler(app.metafile);

// The commands must start without the app's weight: fail the build if anything pulls it in.
const heavy = Object.keys(commands.metafile.inputs).filter((input) => /node_modules\/(ink|react|react-reconciler|yoga-layout|es-toolkit)\//.test(input));
if (heavy.length) throw new Error(`the commands bundle includes the app's packages: ${heavy.slice(0, 5).join(', ')}`);

// The command itself, and the code cache made by one run of it (a `get`, what scripts call most).
copyFileSync(join(root, 'src/bin/sanctum-config.cjs'), join(root, 'dist/sanctum-config.cjs'));
chmodSync(join(root, 'dist/sanctum-config.cjs'), 0o755);
const scratch = mkdtempSync(join(tmpdir(), 'sanctum-config-build-'));
try {
  execFileSync(process.execPath, [join(root, 'dist/sanctum-config.cjs'), '--db', join(scratch, 'config.db'), 'get', 'flask_port'], {stdio: 'ignore'});
} finally {
  rmSync(scratch, {recursive: true, force: true});
}
