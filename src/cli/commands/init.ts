import type {Command} from 'commander';
import {UsageError} from '../../errors.js';
import {applyFirstRun} from '../../repo/first-run.js';
import type {ServerFields} from '../../repo/index.js';
import {isDesignDefaultServer, sanctumLettaPorts, waitForLocalLetta} from '../../letta/find-local-letta.js';
import {looksSecret, printable} from '../../repo/index.js';
import {warnSecretInArgv} from './settings.js';
import {answersFromEnv} from '../env-answers.js';
import {readStdinValue} from '../read-stdin.js';
import {databasePathOf, dryRunHelp, withChanges, withStore} from '../with-store.js';
import {pathKind} from '../../db/private-file.js';
import type {ConfigStore} from '../../repo/index.js';
import {writeErr} from '../stdio.js';
import {hasTerminal} from '../terminal.js';
import {screenReaderOf, themeOf} from '../app-options.js';

function parseAssignment(text: string, previous: Record<string, string>): Record<string, string> {
  const at = text.indexOf('=');
  if (at <= 0) throw new UsageError(`--set wants KEY=VALUE, not '${text}'`);
  return {...previous, [text.slice(0, at)]: text.slice(at + 1)};
}

function parseWait(text: string): number {
  if (!/^\d{1,4}$/.test(text.trim())) throw new UsageError(`--wait-for-letta wants whole seconds (0-9999), not '${text}'`);
  return Number(text.trim());
}

const lettaPorts = `127.0.0.1:${sanctumLettaPorts.join(' or :')}`;

const describeDefault = (store: ConfigStore) => {
  const active = store.servers.active();
  return active ? `${active.address}:${active.port}` : 'unset';
};

const setupFlags = ['fromEnv', 'set', 'serverAddress', 'serverPort', 'serverName', 'serverPasswordStdin', 'serverTokenStdin', 'serverTimeout'];

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('first-run setup: create the database, then apply flags (never prompts without a terminal)')
    .option('--non-interactive', 'never open the setup wizard, even on a terminal')
    .option(
      '--from-env',
      'take OPENAI_API_KEY, OPENAI_BASE_URL, MCP_PORT, LETTA_DIR, LETTA_SERVER_URL, LETTA_SERVER_PASSWORD, ... (see env-file names) from the environment',
    )
    .option('--set <key=value>', 'set a setting (repeatable)', parseAssignment, {})
    .option('--server-address <address>', 'address of the active Letta server')
    .option('--server-port <port>', 'its port')
    .option('--server-name <name>', 'its label')
    .option('--server-password-stdin', 'read its password from standard input')
    .option('--server-token-stdin', 'read its token from standard input')
    .option('--server-timeout <seconds>', 'its connection timeout')
    .option('--no-probe', 'do not look for Letta on 127.0.0.1:8284 and :8283')
    .option('--wait-for-letta <seconds>', 'with --from-env: how long to wait for a Letta that is starting (0: one look)', parseWait, 30)
    .option('--json', 'print what changed: {"changed": true|false, "changes": [...]}')
    .option('--dry-run', dryRunHelp)
    .addHelpText(
      'after',
      '\nExamples:\n  $ sanctum-config init                         # on a terminal: the setup wizard\n' +
        '  $ OPENAI_API_KEY=sk-... sanctum-config init --from-env --server-port 8284\n' +
        '  $ printf %s "$PW" | sanctum-config init --non-interactive --server-password-stdin --set environment=production',
    )
    .action(async (options, command: Command) => {
      const flagged = setupFlags.some((flag) => (flag === 'set' ? Object.keys(options.set).length > 0 : options[flag] !== undefined));
      if (!options.nonInteractive && !flagged && !options.dryRun && hasTerminal()) {
        const {launchApp} = await import('../launch-app.js');
        await launchApp({dbPath: databasePathOf(command), wizard: true, theme: themeOf(command), screenReader: screenReaderOf(command)});
        return;
      }
      if (options.serverPasswordStdin && options.serverTokenStdin) {
        throw new UsageError('give --server-password-stdin or --server-token-stdin, not both');
      }
      const server: {-readonly [K in keyof ServerFields]: ServerFields[K]} = {
        address: options.serverAddress,
        port: options.serverPort,
        name: options.serverName,
        timeout: options.serverTimeout,
      };
      if (options.serverPasswordStdin) server.password = await readStdinValue('server password');
      if (options.serverTokenStdin) server.token = await readStdinValue('server token');

      const probe =
        options.probe !== false &&
        options.fromEnv &&
        server.address === undefined &&
        server.port === undefined &&
        !process.env.LETTA_SERVER_URL &&
        !process.env.LETTA_BASE_URL;
      const apply = (store: ConfigStore, say: (line: string) => void, local?: {address: string; port: number}, isNew = store.created) => {
        const fromEnv = options.fromEnv ? answersFromEnv(store.settings.list(), store.envNames.bindings().bindings, process.env) : {};
        const settings = {...fromEnv.settings, ...options.set};
        const defined = Object.fromEntries(Object.entries(server).filter(([, v]) => v !== undefined));
        const found = local && isDesignDefaultServer(store.servers.active()) ? local : undefined;
        if (found) say(`found Letta on ${found.address}:${found.port}`);
        const changes = applyFirstRun(store, {settings, server: {...found, ...fromEnv.server, ...defined}});
        say(`${isNew ? 'created' : 'using'} ${printable(store.path)}`);
        say(changes.length ? changes.join('\n') : 'nothing to change');
        return isDesignDefaultServer(store.servers.active());
      };
      const isNew = pathKind(databasePathOf(command)) === 'missing';
      let local: {address: string; port: number} | undefined;
      let missed = false;
      if (probe) {
        // Everything is checked first, on a copy: a bad value fails at once, not after a wait.
        const wantsLetta = await withStore(command, 'dry-run', (store) => store.writeTransaction(() => apply(store, () => {})));
        // Looked for before the store is opened for writing: no write lock is held while waiting on the network.
        if (wantsLetta) {
          const waitSeconds = options.waitForLetta as number;
          local = await waitForLocalLetta(waitSeconds * 1000, () =>
            writeErr(`waiting up to ${waitSeconds} s for Letta on ${lettaPorts} (it may be starting; --wait-for-letta 0 does not wait)\n`),
          );
          missed = local === undefined;
        }
      }
      await withChanges(
        command,
        Boolean(options.json),
        (store, say) => {
          for (const key of Object.keys(options.set)) {
            if (store.settings.get(key)?.sensitive || looksSecret(key)) warnSecretInArgv(key);
          }
          const stillDefault = apply(store, say, local, isNew || store.created);
          if (missed && stillDefault) {
            say(
              `no Letta answered on ${lettaPorts} within ${options.waitForLetta} s; the server stays ${printable(describeDefault(store))} (set it with --server-address and --server-port)`,
            );
          }
        },
        {dryRun: Boolean(options.dryRun)},
      );
    });
}
