import {readFileSync} from 'node:fs';
import type {Command} from 'commander';
import {StoreError, UsageError} from '../../errors.js';
import {formatEnvExport} from '../../repo/env-export.js';
import {buildExport, importDocument, ImportError} from '../../repo/transfer.js';
import {print, withStore} from '../with-store.js';
import {writePrivateFile} from '../write-file.js';

function readImportFile(file: string): unknown {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (error) {
    throw new StoreError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError([`${file} is not valid JSON (${(error as Error).message})`]);
  }
}

export function registerTransferCommands(program: Command): void {
  program
    .command('export')
    .description('write every setting and server as JSON (for import) or as shell variables (for source)')
    .option('--format <format>', 'json or env', 'json')
    .option('--reveal', 'include secrets (without it they are left out, and import keeps the stored ones)')
    .option('--output <file>', 'write to this file (mode 0600) instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sanctum-config export --reveal --output backup.json\n' +
        '  $ eval "$(sanctum-config export --format env --reveal)"   # OPENAI_API_KEY, LETTA_SERVER_URL, ...',
    )
    .action(async (options, command: Command) => {
      if (options.format !== 'json' && options.format !== 'env') {
        throw new UsageError(`--format must be json or env, not '${options.format}'`);
      }
      const reveal = Boolean(options.reveal);
      const text = await withStore(command, 'read', (store) =>
        options.format === 'env'
          ? formatEnvExport(store.settings.list(), store.servers.active(), reveal)
          : `${JSON.stringify(buildExport(store, reveal), null, 2)}\n`,
      );
      if (options.output) writePrivateFile(options.output, text);
      else process.stdout.write(text);
    });

  program
    .command('import')
    .description('apply a JSON export: all of it or, on any problem, none of it')
    .argument('<file>', 'a file written by export --format json, or - for stdin')
    .option('--dry-run', 'check everything and say what would change, without changing it')
    .option('--replace', 'also remove settings and servers that the file does not list')
    .addHelpText('after', '\nExamples:\n  $ sanctum-config import backup.json --dry-run\n  $ sanctum-config import backup.json')
    .action(async (file: string, options, command: Command) => {
      const doc = readImportFile(file);
      const dryRun = Boolean(options.dryRun);
      const summary = await withStore(command, dryRun ? 'read' : 'write', (store) =>
        importDocument(store, doc, {dryRun, replace: Boolean(options.replace)}),
      );
      const parts = [
        `settings: ${summary.settingsAdded} added, ${summary.settingsChanged} changed`,
        `servers: ${summary.serversAdded} added, ${summary.serversChanged} updated`,
      ];
      if (options.replace) parts.push(`removed: ${summary.settingsRemoved} settings, ${summary.serversRemoved} servers`);
      print(`${dryRun ? 'would apply' : 'imported'}: ${parts.join('; ')}`);
    });
}
