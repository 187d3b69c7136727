import {homedir} from 'node:os';
import {join} from 'node:path';
import type {Command} from 'commander';
import {UsageError} from '../../errors.js';
import type {EnvFileChange} from '../../repo/env-file.js';
import {planEnvFileSync, writeEnvFile} from '../../repo/env-file-sync.js';
import {printable} from '../../repo/index.js';
import {writeErr} from '../stdio.js';
import {print, withStore} from '../with-store.js';

const describeChange = (c: EnvFileChange) =>
  c.action === 'added' ? `+ ${c.after}` : c.action === 'removed-duplicate' ? `- ${c.before} (a second ${c.name} line)` : `- ${c.before}\n+ ${c.after}`;

const changeJson = (c: EnvFileChange) => ({name: c.name, action: c.action, before: c.before ?? null, after: c.after ?? null});

export function registerEnvFileCommands(program: Command): void {
  const envFile = program.command('env-file').description("keep ~/.letta/.env (Letta's, SMCP's and the launchers' env file) in step with the settings");

  envFile
    .command('sync')
    .description('write the settings that have an env name into the file, keeping every other line')
    .argument('[path]', 'the env file', '~/.letta/.env')
    .option('--dialect <dialect>', 'plain (KEY=value, for docker --env-file) or export (export KEY=...); by default, what its launcher needs')
    .option('--dry-run', 'say what would change, without writing')
    .option('--json', 'print {"changed": ..., "changes": [...]}; secrets masked')
    .addHelpText('after', '\nExamples:\n  $ sanctum-config env-file sync\n  $ sanctum-config env-file sync ~/.letta/.env --dialect plain --dry-run')
    .action(async (pathArgument: string, options: {dialect?: string; dryRun?: boolean; json?: boolean}, command: Command) => {
      const path = resolveEnvPath(pathArgument);
      const plan = await withStore(command, 'read', (store) => planEnvFileSync(store, path, options.dialect));
      for (const warning of plan.warnings) writeErr(`sanctum-config: warning: ${warning}\n`);
      const changed = plan.drifted;
      if (changed && !options.dryRun) writeEnvFile(plan);
      if (options.json) {
        print(
          JSON.stringify(
            {
              changed,
              dry_run: Boolean(options.dryRun),
              path,
              dialect: plan.dialect,
              why: plan.why,
              changes: plan.changes.map(changeJson),
              kept: plan.kept.map(changeJson),
            },
            null,
            2,
          ),
        );
        return;
      }
      for (const c of plan.kept) print(`kept ${c.before} (not set here; the file's value stays)`);
      if (!changed) return print(`${printable(path)} is up to date (${plan.dialect} lines)`);
      for (const c of plan.changes) print(describeChange(c));
      print(`${options.dryRun ? 'would write' : 'wrote'} ${printable(path)} (${plan.dialect} lines: ${plan.why})`);
    });

  envFile
    .command('diff')
    .description('what sync would change in the file (secrets masked); exit 1 when it has drifted, 0 when it matches')
    .argument('[path]', 'the env file', '~/.letta/.env')
    .option('--dialect <dialect>', 'plain or export; by default, what its launcher needs')
    .option('--json', 'print {"drifted": ..., "changes": [...]}')
    .action(async (pathArgument: string, options: {dialect?: string; json?: boolean}, command: Command) => {
      const path = resolveEnvPath(pathArgument);
      const plan = await withStore(command, 'read', (store) => planEnvFileSync(store, path, options.dialect));
      const drifted = plan.drifted;
      if (options.json) print(JSON.stringify({drifted, path, dialect: plan.dialect, changes: plan.changes.map(changeJson)}, null, 2));
      else for (const c of plan.changes) print(describeChange(c));
      if (drifted) process.exitCode = 1;
    });

  envFile
    .command('name')
    .description('export a setting under NAME (checked against the names shells and programs read), or never (--none), or as the catalogue says (--default)')
    .argument('<key>', 'setting key')
    .argument('[name]', 'the variable name, e.g. MY_TOOL_URL')
    .option('--none', 'never export this setting')
    .option('--default', "back to the catalogue's name (or none)")
    .action(async (key: string, name: string | undefined, options: {none?: boolean; default?: boolean}, command: Command) => {
      const given = [name !== undefined, Boolean(options.none), Boolean(options.default)].filter(Boolean).length;
      if (given !== 1) throw new UsageError('give a NAME, --none or --default');
      await withStore(command, 'write', (store) => {
        if (!store.settings.get(key)) throw new UsageError(`no setting ${printable(key)}; 'sanctum-config list' shows them`);
        if (options.default) store.envNames.forget(key);
        else store.envNames.choose(key, options.none ? '' : name!);
      });
      print(
        options.default
          ? `${printable(key)}: the catalogue's env name`
          : options.none
            ? `${printable(key)}: never exported`
            : `${printable(key)}: exported as ${name}`,
      );
    });

  envFile
    .command('names')
    .description('which setting goes into env files under which name')
    .option('--json', 'an array of {key, name, chosen_by}')
    .action(async (options: {json?: boolean}, command: Command) => {
      const {bindings, problems} = await withStore(command, 'read', (store) => store.envNames.bindings());
      for (const p of problems) writeErr(`sanctum-config: warning: ${p}\n`);
      if (options.json)
        return print(
          JSON.stringify(
            bindings.map((b) => ({key: b.key, name: b.name, chosen_by: b.chosenBy})),
            null,
            2,
          ),
        );
      for (const b of bindings) print(`${b.name.padEnd(22)} ${printable(b.key)}${b.chosenBy === 'operator' ? ' (your choice)' : ''}`);
      print('LETTA_SERVER_URL, LETTA_BASE_URL, LETTA_SERVER_PASSWORD, LETTA_API_KEY: the active server');
    });
}

/** `~` and `~/...` as the shell would expand them (the default is written that way in help). */
function resolveEnvPath(text: string): string {
  if (text === '') throw new UsageError('the env file path is empty');
  if (text === '~') return homedir();
  return text.startsWith('~/') ? join(homedir(), text.slice(2)) : text;
}
