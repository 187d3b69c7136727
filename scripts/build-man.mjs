// Build the man page, sanctum-config.1, from the same help text the commands
// print and from the README's sections, so the three cannot drift. Runs after
// the bundles (it bundles the command tree once more, to read it); marked-man turns the markdown into roff.
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {build} from 'esbuild';
import {root, shared} from './bundle-options.mjs';

const programFile = join(root, 'dist', '.man-program.cjs');
await build({...shared, entryPoints: [join(root, 'src/cli/program.ts')], outfile: programFile, format: 'cjs', external: ['better-sqlite3', '*/ui/launch.js']});
const {buildProgram} = createRequire(import.meta.url)(programFile);
rmSync(programFile);
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

/** A `## Title` section of the README, without its heading; sub-headings one level down. */
function section(title) {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start === -1) throw new Error(`README has no section "${title}"`);
  const body = readme.slice(start + title.length + 5);
  const end = body.search(/\n## /);
  const text = (end === -1 ? body : body.slice(0, end)).replace(/\n### /g, '\n#### ').trim();
  // The screen captures are 80 columns wide, and man indents them: a page read at 80 columns leaves them to the README.
  return text.replace(/```\nsanctum-config {2}[^`]*?```/g, '(The README shows the screen, captured at 80x24.)');
}

/** Every command, depth first, with the help text it prints. */
function commands(command, path = []) {
  const here = path.length ? [{name: path.join(' '), help: command.helpInformation()}] : [];
  return [...here, ...command.commands.filter((c) => !c._hidden).flatMap((c) => commands(c, [...path, c.name()]))];
}

const program = buildProgram();
// The page is read at 80 columns, and man indents a block by 7 to 12: the help is wrapped at 66.
const narrow = (command) => {
  command.configureHelp({helpWidth: 66, minWidthToWrap: 20});
  for (const sub of command.commands) narrow(sub);
};
narrow(program);
const intro = readme.slice(readme.indexOf('\n') + 1, readme.indexOf('\n## ')).trim();
const markdown = [
  'sanctum-config(1) -- configuration of a Sanctum box',
  '====================================================',
  '',
  '## SYNOPSIS',
  '',
  '`sanctum-config` [`--db` PATH] [`--read-only`]',
  '',
  '`sanctum-config` COMMAND [OPTIONS]',
  '',
  '## DESCRIPTION',
  '',
  intro,
  '',
  '## OPTIONS',
  '',
  '```',
  program.helpInformation().trim(),
  '```',
  '',
  '## COMMANDS',
  '',
  ...commands(program).flatMap(({name, help}) => [`### ${name}`, '', '```', help.trim(), '```', '']),
  '## THE INTERACTIVE APP',
  '',
  section('The interactive app'),
  '',
  '## SHARED USE, HISTORY AND UNDO',
  '',
  section('Shared use: history, undo, compare-and-set'),
  '',
  '## FILES',
  '',
  section('Where the database lives'),
  '',
  '## ON A SANCTUM BOX',
  '',
  section('On a Sanctum box'),
  '',
  '## SAFETY',
  '',
  section('Safety'),
  '',
  '## ENVIRONMENT',
  '',
  '`SANCTUM_CONFIG_DB`: the database file when `--db` is not given (else `~/.config/sanctum/config.db`).',
  "`SANCTUM_CONFIG_THEME`: the app's colours (auto, dark, light, mono). `NO_COLOR`: no colour at all.",
  '`SANCTUM_CONFIG_KEYS`: the keymap file (else `$XDG_CONFIG_HOME/sanctum/keys.json`).',
  '`SANCTUM_CONFIG_REVEAL_SECONDS`: how long a revealed secret stays on screen (0: until hidden).',
  '`SANCTUM_CONFIG_SCREEN_READER=1`: the screen reader mode. `SANCTUM_CONFIG_TRUSTED_OBJECTS`: triggers and views trusted by fingerprint.',
  '`SUDO_USER`: the person recorded in the history when run through sudo.',
  '`SANCTUM_CONFIG_DEBUG=1`: a stack trace with an unexpected error. `SANCTUM_CONFIG_PLAIN=1`: no start-up tricks.',
  '`init --from-env` reads `OPENAI_API_KEY`, `LETTA_SERVER_URL`, `LETTA_SERVER_PASSWORD` and the other names `env-file` writes.',
  '',
  '## EXIT STATUS',
  '',
  "0 success; 1 a failure that is not the caller's (not a database, not ours, corrupt, newer schema, read-only file " +
    'when writing, a failed connection test); 2 a usage or validation error; 3 a conflict (--if-value, ' +
    '--if-unchanged-since, an undo of a row that changed since); 141 standard output was a closed pipe.',
  '',
  '## SEE ALSO',
  '',
  'sqlite3(1), docker-run(1)',
  '',
].join('\n');

const out = join(root, 'dist', 'man');
mkdirSync(out, {recursive: true});
writeFileSync(join(out, 'sanctum-config.1.md'), markdown);
// Its bin is not in its exports: found beside its package.json.
const markedMan = join(dirname(createRequire(import.meta.url).resolve('marked-man/package.json')), 'bin', 'marked-man.js');
// A fixed date keeps the build reproducible: the package's own version dates it.
const roff = execFileSync(
  process.execPath,
  [markedMan, '--no-breaks', '--version', version, '--manual', 'sanctum-config', '--date', '2026-01-01', join(out, 'sanctum-config.1.md')],
  {encoding: 'utf8'},
);
writeFileSync(join(out, 'sanctum-config.1'), roff);
