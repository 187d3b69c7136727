import type {Command} from 'commander';
import {UsageError} from '../../errors.js';
import {type ConfigStore, printable} from '../../repo/index.js';
import {diffState, snapshotState} from '../../repo/changes.js';
import {type EnvFilePlan, followingEnvFile, writeEnvFile} from '../../repo/env-file-sync.js';
import {readStdinValue} from '../read-stdin.js';
import {formatTable, terminalWidth} from '../table.js';
import {dryRunHelp, print, withStore} from '../with-store.js';
import {writeErr, writeOut} from '../stdio.js';
import {differencesJson, differencesTable, jsonValue, profileLabel, profileRows, shownValue} from './profile-output.js';

const jsonHelp = 'print {"ok": true, "changed": true|false, ...} for scripts';
const examples = (lines: string) => `\nExamples:\n${lines}`;

/** A profile as the commands name it: `base` is none, `current` the active one. */
function profileOf(store: ConfigStore, name: string): string | null {
  if (name === 'base') return null;
  if (name === 'current') return store.profiles.active();
  return store.profiles.require(name).name;
}

type Outcome = {readonly changed: boolean; readonly lines: readonly string[]; readonly json?: Record<string, unknown>};

/**
 * Run a profile command that may write: one transaction, a dry run on a copy
 * in memory, and `--json` as one object with `changed` and the live values it
 * changed (secrets named, never shown).
 */
async function withProfileWrite(
  command: Command,
  options: {readonly json?: boolean; readonly dryRun?: boolean; readonly envFile?: boolean},
  work: (store: ConfigStore) => Outcome,
): Promise<void> {
  const dryRun = Boolean(options.dryRun);
  let plan: EnvFilePlan | undefined;
  const result = await withStore(command, dryRun ? 'dry-run' : 'write', (store) =>
    store.writeTransaction(() => {
      const before = snapshotState(store);
      const outcome = work(store);
      // The env file follows in the same step: a value it cannot carry refuses the whole change.
      plan = options.envFile && outcome.changed ? followingEnvFile(store) : undefined;
      return {...outcome, changes: diffState(before, snapshotState(store))};
    }),
  );
  if (plan?.drifted && !dryRun) writeEnvFile(plan);
  if (options.json) {
    const envFile = plan ? {env_file: {path: plan.path, [dryRun ? 'would_write' : 'written']: plan.drifted}} : {};
    print(
      JSON.stringify({ok: true, ...(dryRun ? {dry_run: true} : {}), changed: result.changed, ...result.json, changes: result.changes, ...envFile}, null, 2),
    );
    return;
  }
  for (const line of result.lines) print(dryRun ? `would: ${line}` : line);
  if (plan?.drifted) print(`${dryRun ? 'would write' : 'wrote'} ${printable(plan.path)} (env-file sync follows the switch)`);
}

export function registerProfileCommands(program: Command): void {
  const profile = program
    .command('profile')
    .description('environment profiles (dev, staging, prod): named sets of values that differ from the base, switched in one step');

  profile
    .command('list')
    .description('every profile, the active one marked (* ) and the guarded ones named')
    .option('--json', 'an object for scripts')
    .action(async (options: {json?: boolean}, command: Command) => {
      await withStore(command, 'read', (store) => {
        const active = store.profiles.active();
        const profiles = store.profiles.list().map((p) => ({
          name: p.name,
          active: p.name === active,
          guarded: store.profiles.isGuarded(p.name),
          values: p.settings.size + (p.server === undefined ? 0 : 1),
        }));
        if (options.json) return print(JSON.stringify({ok: true, active, guarded_profiles: store.profiles.guardPatterns(), profiles}, null, 2));
        if (!profiles.length) return print("no profiles yet; 'sanctum-config profile create NAME' makes one");
        const rows = profiles.map((p) => [`${p.active ? '*' : ' '} ${printable(p.name)}`, String(p.values), p.guarded ? 'guarded' : '']);
        writeOut(formatTable(['  NAME', 'VALUES', ''], rows, terminalWidth()));
        if (active === null) print('(the base is active: no profile)');
        print(`guarded (the app asks before each write): ${printable(store.profiles.guardPatterns())}; set guarded_profiles to change it`);
      });
    });

  profile
    .command('show')
    .description("a profile's own values (the rest come from the base); secrets masked")
    .argument('<name>', "the profile, or 'current'")
    .option('--reveal', 'show secret values')
    .option('--json', 'an object for scripts')
    .action(async (name: string, options: {reveal?: boolean; json?: boolean}, command: Command) => {
      const reveal = Boolean(options.reveal);
      await withStore(command, 'read', (store) => {
        const found = profileOf(store, name);
        if (found === null)
          throw new UsageError(`${name === 'base' ? 'the base is not a profile' : 'no profile is active'}; 'sanctum-config list' shows the values`);
        const rows = profileRows(store, found);
        if (options.json) {
          const values = rows.map((r) => ({key: r.key, ...jsonValue(r.value, r.sensitive, reveal)}));
          return print(
            JSON.stringify({ok: true, name: found, active: found === store.profiles.active(), guarded: store.profiles.isGuarded(found), values}, null, 2),
          );
        }
        if (!rows.length) return print(`${printable(found)} holds no values of its own: everything comes from the base`);
        writeOut(
          formatTable(
            ['KEY', 'VALUE'],
            rows.map((r) => [printable(r.key), shownValue(r.value, r.sensitive, reveal)]),
            terminalWidth(),
          ),
        );
      });
    });

  profile
    .command('create')
    .description('add a profile: empty (all from the base), or a copy of another')
    .argument('<name>', 'its name: letters, digits, _ . -')
    .option('--from <profile>', "copy this profile's values ('current': the active one's)")
    .option('--json', jsonHelp)
    .option('--dry-run', dryRunHelp)
    .addHelpText('after', examples('  $ sanctum-config profile create staging\n  $ sanctum-config profile create prod --from staging'))
    .action(async (name: string, options: {from?: string; json?: boolean; dryRun?: boolean}, command: Command) => {
      await withProfileWrite(command, options, (store) => {
        const changed = store.profiles.create(name, options.from);
        return {changed, lines: [changed ? `created profile ${printable(name)}` : `profile ${printable(name)} exists; nothing changed`], json: {profile: name}};
      });
    });

  profile
    .command('set')
    .description("set one of a profile's values: a setting, or 'server' (a server's name); the active profile's takes effect at once")
    .argument('<name>', "the profile, or 'current'")
    .argument('<key>', "a setting's key, or 'server'")
    .argument('[value]', 'the value; use --stdin for secrets')
    .option('--stdin', 'read the value from standard input (keeps secrets out of argv)')
    .option('--json', jsonHelp)
    .option('--dry-run', dryRunHelp)
    .addHelpText(
      'after',
      examples(
        '  $ sanctum-config profile set prod flask_port 5050\n  $ sanctum-config profile set prod server prod-letta\n' +
          '  $ printf %s "$KEY" | sanctum-config profile set prod openai_api_key --stdin',
      ),
    )
    .action(async (name: string, key: string, value: string | undefined, options: {stdin?: boolean; json?: boolean; dryRun?: boolean}, command: Command) => {
      if (options.stdin && value !== undefined) throw new UsageError('give the value or --stdin, not both');
      if (!options.stdin && value === undefined) throw new UsageError(`missing value for ${key} (or use --stdin)`);
      const input = options.stdin ? await readStdinValue(`value of ${key}`) : value!;
      await withProfileWrite(command, options, (store) => {
        const profileName = profileOf(store, name);
        if (profileName === null) throw new UsageError("the base's values are the settings themselves: use 'sanctum-config set'");
        const changed = store.profiles.set(profileName, key, input);
        const line = changed ? `profile ${printable(profileName)}: set ${printable(key)}` : `profile ${printable(profileName)}: ${printable(key)} unchanged`;
        return {changed, lines: [line], json: {profile: profileName, key}};
      });
    });

  profile
    .command('unset')
    .description("remove one of a profile's values: the base's holds again")
    .argument('<name>', "the profile, or 'current'")
    .argument('<key>', "a setting's key, or 'server'")
    .option('--json', jsonHelp)
    .option('--dry-run', dryRunHelp)
    .action(async (name: string, key: string, options: {json?: boolean; dryRun?: boolean}, command: Command) => {
      await withProfileWrite(command, options, (store) => {
        const profileName = profileOf(store, name);
        if (profileName === null) throw new UsageError('the base is not a profile');
        const changed = store.profiles.unset(profileName, key);
        const line = changed
          ? `profile ${printable(profileName)}: ${printable(key)} now from the base`
          : `profile ${printable(profileName)} does not hold ${printable(key)}; nothing changed`;
        return {changed, lines: [line], json: {profile: profileName, key}};
      });
    });

  profile
    .command('diff')
    .description('what differs between two profiles (or base, or current), value by value; secrets masked')
    .argument('<a>', "a profile, 'base' or 'current'")
    .argument('<b>', "a profile, 'base' or 'current'")
    .option('--reveal', 'show secret values')
    .option('--json', 'an object for scripts')
    .action(async (a: string, b: string, options: {reveal?: boolean; json?: boolean}, command: Command) => {
      const reveal = Boolean(options.reveal);
      await withStore(command, 'read', (store) => {
        const left = profileOf(store, a);
        const right = profileOf(store, b);
        const differences = store.profiles.diff(left, right);
        if (options.json) return print(JSON.stringify({ok: true, a: left, b: right, differences: differencesJson(differences, reveal)}, null, 2));
        writeOut(differencesTable(differences, left, right, reveal));
      });
    });

  profile
    .command('switch')
    .description("make a profile active ('base': none): its values in one transaction, environment names it, ~/.letta/.env follows")
    .argument('<name>', "the profile, or 'base'")
    .option('--no-env-file', 'leave ~/.letta/.env as it is')
    .option('--json', jsonHelp)
    .option('--dry-run', dryRunHelp)
    .addHelpText('after', examples('  $ sanctum-config profile diff current prod\n  $ sanctum-config profile switch prod\n  $ sanctum-config undo'))
    .action(async (name: string, options: {envFile: boolean; json?: boolean; dryRun?: boolean}, command: Command) => {
      await withProfileWrite(command, options, (store) => {
        const to = name === 'base' ? null : name;
        // What the switch changes, said value by value (secrets masked), as `profile diff` says it.
        const changing = to === store.profiles.active() ? [] : store.profiles.diff(store.profiles.active(), to);
        const result = store.profiles.switch(to);
        const values = changing.map((d) => `  ${printable(d.key)} ${shownValue(d.from, d.sensitive, false)} -> ${shownValue(d.to, d.sensitive, false)}`);
        const lines = result.changed
          ? [`switched ${profileLabel(result.from)} -> ${profileLabel(result.to)}${values.length ? ':' : ''}`, ...values]
          : [`${profileLabel(result.to)} is active already; nothing changed`];
        if (result.skipped.length) writeErr(`sanctum-config: left out ${result.skipped.map(printable).join(', ')}: the file has no such setting\n`);
        return {changed: result.changed, lines, json: {from: result.from, to: result.to, ...(result.skipped.length ? {skipped: result.skipped} : {})}};
      });
    });

  profile
    .command('remove')
    .description('remove a profile that is not active')
    .argument('<name>', 'the profile')
    .option('--json', jsonHelp)
    .option('--dry-run', dryRunHelp)
    .action(async (name: string, options: {json?: boolean; dryRun?: boolean}, command: Command) => {
      await withProfileWrite(command, options, (store) => {
        store.profiles.remove(name);
        return {changed: true, lines: [`removed profile ${printable(name)}`], json: {profile: name}};
      });
    });
}
