import type {Command} from 'commander';
import {type Check, connectionCheck, databaseChecks, envFileCheck, fileChecks, managedEnvFileCheck, profileChecks, secretChecks} from '../doctor/checks.js';
import {existsSync} from 'node:fs';
import {printable} from '../../repo/index.js';
import {databasePathOf, print, withStore} from '../with-store.js';

const marks: Record<Check['status'], string> = {ok: 'ok  ', warn: 'warn', fail: 'FAIL'};

export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description("is this box's configuration healthy? one line per check, with the fix to type (exit 0 unless a check fails)")
    .option('--json', '{"ok": ..., "checks": [{"check", "status", "message", "fix"}]}')
    .option('--offline', 'skip the connection test of the active server')
    // Not --env-file: Node 20 reads that option anywhere on its command line and loads the file (NODE_OPTIONS included) before we run.
    .option('--compare-env <path>', 'also check that this env file says what export would write now (names only)')
    .addHelpText('after', '\nExamples:\n  $ sanctum-config doctor\n  $ sanctum-config doctor --offline --compare-env ~/.letta/.env --json')
    .action(async (options: {json?: boolean; offline?: boolean; compareEnv?: string}, command: Command) => {
      const path = databasePathOf(command);
      // A file that is not there is the finding: doctor creates nothing (a mistyped path must not read as healthy).
      const missing = !existsSync(path);
      const checks: Check[] = missing
        ? [
            {
              check: 'database',
              status: 'fail',
              message: `${printable(path)} does not exist`,
              fix: 'check --db and $SANCTUM_CONFIG_DB; on a new box, sanctum-config init creates it',
            },
          ]
        : await withStore(command, 'read', async (store) => [
            {check: 'database', status: 'ok', message: printable(store.path)} satisfies Check,
            ...fileChecks(store.path),
            ...databaseChecks(store, store.recordedVersion()),
            ...secretChecks(store),
            ...(options.offline ? [] : [await connectionCheck(store)]),
            ...(options.compareEnv ? [envFileCheck(store, options.compareEnv)] : managedEnvFileCheck(store)),
            ...profileChecks(store),
          ]);
      const healthy = checks.every((c) => c.status !== 'fail');
      if (options.json) print(JSON.stringify({ok: healthy, checks}, null, 2));
      else for (const c of checks) print(`${marks[c.status]}  ${c.check}: ${c.message}${c.fix ? `\n      fix: ${c.fix}` : ''}`);
      if (!healthy) process.exitCode = 1;
    });
}
