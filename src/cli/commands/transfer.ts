import {readFileSync} from 'node:fs';
import type {Command} from 'commander';
import {StoreError} from '../../errors.js';
import {envFormats} from '../../repo/env-export.js';
import {importDocument, ImportError} from '../../repo/transfer.js';
import {printable} from '../../repo/value-codec.js';
import {databasePathOf, print, withChanges, withStore} from '../with-store.js';
import {type ExportOptions, exportConfig} from './read-commands.js';

/** Line and column of a character offset, to point at a JSON error without quoting the file (it may hold secrets). */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

function readImportFile(file: string): unknown {
  const name = printable(file);
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (error) {
    throw new StoreError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch {
    throw new ImportError([`${name} is not valid UTF-8`]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    // V8 says "at position N"; only the position is kept, never the text around it.
    const at = /position (\d+)/.exec((error as Error).message);
    const where = at ? ` at ${position(text, Number(at[1]))}` : text.trim() === '' ? ' (it is empty)' : '';
    throw new ImportError([`${name} is not valid JSON${where}`]);
  }
  if (depthOver(doc, maxDepth)) throw new ImportError([`${name} is nested more than ${maxDepth} levels deep`]);
  return doc;
}

/** An export is four levels deep; a JSON value in a setting gets some room beyond that. */
const maxDepth = 64;

/** Whether a parsed value nests deeper than `limit`, found without recursion (no stack to overflow). */
function depthOver(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

export function registerTransferCommands(program: Command): void {
  program
    .command('export')
    .description('write every setting and server as JSON (for import) or as shell variables (for source)')
    .option('--format <format>', `json, ${envFormats.join(', ')}`, 'json')
    .option('--reveal', 'include secrets (without it they are left out, and import keeps the stored ones)')
    .option('--output <file>', 'write to this file (mode 0600, replaced whole) instead of stdout (-)')
    .option('--profile <name>', "the values as they are under this profile ('base': none), without switching")
    .addHelpText(
      'after',
      '\nExamples:\n  $ sanctum-config export --reveal --output backup.json\n' +
        '  $ eval "$(sanctum-config export --format env --reveal)"   # OPENAI_API_KEY, LETTA_SERVER_URL, ...\n' +
        '  $ sanctum-config env-file sync                 # ~/.letta/.env, in the dialect its launcher needs\n' +
        '  $ sanctum-config export --format docker --reveal --output letta.env      # docker run --env-file',
    )
    .action((options: ExportOptions, command: Command) => exportConfig(databasePathOf(command), options));

  program
    .command('import')
    .description('apply a JSON export: all of it or, on any problem, none of it')
    .argument('<file>', 'a file written by export --format json, or - for stdin')
    .option('--dry-run', 'check everything and say what would change, without changing it')
    .option('--replace', 'also remove settings and servers that the file does not list')
    .option('--json', 'print what changed: {"changed": true|false, "changes": [...]}')
    .addHelpText('after', '\nExamples:\n  $ sanctum-config import backup.json --dry-run\n  $ sanctum-config import backup.json')
    .action(async (file: string, options, command: Command) => {
      const doc = readImportFile(file);
      // The shape first, by the published schema: an unknown field is refused with its path, before anything is opened.
      // A bundle of its own (scripts/build.mjs): the commands bundle runs in a vm.Script, where only require loads code.
      const {schemaProblems} = require('../import-validation.js') as typeof import('../import-validation.js');
      const problems = schemaProblems(doc);
      if (problems.length) throw new ImportError(problems);
      const dryRun = Boolean(options.dryRun);
      const replace = Boolean(options.replace);
      if (options.json) {
        await withChanges(command, true, (store) => void importDocument(store, doc, {replace}), {dryRun});
        return;
      }
      const summary = await withStore(command, dryRun ? 'dry-run' : 'write', (store) => importDocument(store, doc, {dryRun, replace}));
      const parts = [
        `settings: ${summary.settingsAdded} added, ${summary.settingsChanged} changed`,
        `servers: ${summary.serversAdded} added, ${summary.serversChanged} updated`,
      ];
      if (summary.profilesAdded + summary.profilesChanged + summary.profilesRemoved > 0)
        parts.push(
          `profiles: ${summary.profilesAdded} added, ${summary.profilesChanged} changed${options.replace ? `, ${summary.profilesRemoved} removed` : ''}`,
        );
      if (options.replace) parts.push(`removed: ${summary.settingsRemoved} settings, ${summary.serversRemoved} servers`);
      print(`${dryRun ? 'would apply' : 'imported'}: ${parts.join('; ')}`);
    });
}
