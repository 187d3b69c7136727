import type {Command} from 'commander';
import {ConflictError, UsageError} from '../../errors.js';
import {isConfigType, looksSecret, printable, quoted, typeNames} from '../../repo/index.js';
import {readStdinValue} from '../read-stdin.js';
import {databasePathOf, dryRunHelp, withChanges} from '../with-store.js';
import {type ListOptions, listSettings, showSetting} from './read-commands.js';
import {writeErr} from '../stdio.js';

const example = (lines: string) => `\nExamples:\n${lines}`;

/** argv is visible to every user of the box (ps, /proc): say so when a secret travels there. */
export function warnSecretInArgv(key: string, what = 'value'): void {
  const hint = what === 'value' ? '; use --stdin' : '';
  writeErr(`sanctum-config: warning: the ${what} of ${printable(key)} was given on the command line, where other users can see it${hint}\n`);
}

export function registerSettingCommands(program: Command): void {
  program
    .command('get')
    .description("print one setting's raw value (secrets too: you asked for it by name)")
    .argument('<key>', 'setting key, e.g. flask_port')
    .addHelpText('after', example('  $ sanctum-config get flask_port\n  $ export OPENAI_API_KEY="$(sanctum-config get openai_api_key)"'))
    .action((key: string, _options: unknown, command: Command) => showSetting(databasePathOf(command), key));

  program
    .command('set')
    .description('change a setting (validated by its type), or add one with --type')
    .argument('<key>', 'setting key')
    .argument('[value]', 'new value; use --stdin for secrets')
    .option('--stdin', 'read the value from standard input (keeps secrets out of argv)')
    .option('--type <type>', `add a new setting of this type: ${typeNames()}`)
    .option('--category <category>', 'category of a new setting', 'general')
    .option('--description <text>', 'description of a new setting')
    .option('--sensitive', "mask the new setting's value everywhere")
    .option('--json', 'print what changed: {"changed": true|false, "changes": [...]}')
    .option('--if-value <stored>', 'only if it still holds this stored value; else exit 3 and change nothing')
    .addHelpText(
      'after',
      example(
        '  $ sanctum-config set flask_port 5001\n' +
          '  $ printf %s "$KEY" | sanctum-config set openai_api_key --stdin\n' +
          '  $ sanctum-config set web_port 8088 --type integer --category ports --description "Web UI port"',
      ),
    )
    .option('--dry-run', dryRunHelp)
    .action(async (key: string, value: string | undefined, options, command: Command) => {
      if (options.stdin && value !== undefined) throw new UsageError('give the value or --stdin, not both');
      if (!options.stdin && value === undefined) throw new UsageError(`missing value for ${key} (or use --stdin)`);
      if (options.type !== undefined && !isConfigType(options.type)) {
        throw new UsageError(`--type must be ${typeNames()}, not ${quoted(options.type)}`);
      }
      const input = options.stdin ? await readStdinValue(`value of ${key}`) : value!;
      await withChanges(
        command,
        Boolean(options.json),
        (store, say) => {
          const existing = store.settings.get(key);
          if (existing && options.type !== undefined) {
            throw new UsageError(`${key} already exists (type ${existing.type}); drop --type to change its value`);
          }
          // A setting the catalogue knows (the bootstrap's VENICE_API_KEY, say) is added as the catalogue describes it.
          const known = existing || options.type !== undefined ? undefined : store.settings.known(key);
          if (!existing && options.type === undefined && !known) {
            throw new UsageError(`no setting '${key}'; to add it, give --type (and --category)`);
          }
          const secret = existing ? existing.sensitive : Boolean(options.sensitive) || looksSecret(key) || Boolean(known?.sensitive);
          if (secret && !options.stdin) warnSecretInArgv(key);
          if (secret && options.ifValue !== undefined) warnSecretInArgv(key, 'current value (--if-value)');
          if (existing) {
            store.settings.set(key, input, {ifValue: options.ifValue});
            return;
          }
          if (options.ifValue !== undefined) throw new ConflictError(`no setting '${key}' (it was removed?); nothing changed`, '(removed)');
          store.settings.add({
            key,
            type: options.type ?? known!.type,
            value: input,
            category: options.category ?? known?.category,
            description: options.description ?? known?.description,
            sensitive: Boolean(options.sensitive) || Boolean(known?.sensitive),
          });
          say(`added ${key}`);
        },
        {dryRun: Boolean(options.dryRun)},
      );
    });

  program
    .command('unset')
    .description('remove a setting')
    .argument('<key>', 'setting key')
    .option('--json', 'print what changed; a key that is already gone is no error then, just "changed": false')
    .option('--dry-run', dryRunHelp)
    .addHelpText('after', example('  $ sanctum-config unset web_port'))
    .action(async (key: string, options: {json?: boolean; dryRun?: boolean}, command: Command) => {
      await withChanges(
        command,
        Boolean(options.json),
        (store) => {
          if (options.json && !store.settings.get(key)) return;
          store.settings.remove(key);
        },
        {dryRun: Boolean(options.dryRun)},
      );
    });

  program
    .command('list')
    .description('show settings: a table for people, --json for scripts')
    .option('--category <category>', 'only this category (api_keys, paths, ports, general, ...)')
    .option('--json', 'an array of objects with typed values')
    .option('--reveal', 'show sensitive values instead of masking them')
    .addHelpText('after', example("  $ sanctum-config list --category ports\n  $ sanctum-config list --json | jq -r '.[].key'"))
    .action((options: ListOptions, command: Command) => listSettings(databasePathOf(command), options));
}
