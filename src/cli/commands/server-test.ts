import type {Command} from 'commander';
import {UsageError, ValidationError} from '../../errors.js';
import {testAndRecord} from '../../letta/test-and-record.js';
import {isoTime, printable} from '../../repo/index.js';
import {print, withStore} from '../with-store.js';
import {serverReference} from './server.js';

export function registerServerTestCommand(server: Command): void {
  server
    .command('test')
    .description('check that a Letta server answers and accepts the stored credentials (exit 0 only when ok)')
    .argument('[server]', 'server id or name (default: the active server)')
    .option('--json', 'one JSON object for scripts')
    .addHelpText('after', '\nExamples:\n  $ sanctum-config server test\n  $ sanctum-config server test 2 --json')
    .action(async (id: string | undefined, options, command: Command) => {
      const reference = id === undefined ? undefined : serverReference(id);
      const ok = await withStore(command, 'record', async (store) => {
        const target = reference === undefined ? store.servers.active() : store.servers.require(store.servers.resolve(reference));
        if (!target) throw new UsageError('no server is active; give an id (see server list)');
        if (target.problem) throw new ValidationError(`server ${target.id}`, `cannot be tested: ${target.problem}`);
        const report = await testAndRecord(store, target);
        const lastConnected = store.servers.require(target.id).lastConnectedAt;
        if (options.json) {
          print(
            JSON.stringify(
              {
                server_id: target.id,
                url: report.url,
                outcome: report.outcome,
                detail: report.detail,
                http_status: report.httpStatus ?? null,
                ms: report.ms ?? null,
                version: report.version ?? null,
                credentials: report.credentials,
                sent: report.sent,
                last_connected_at: isoTime(lastConnected),
              },
              null,
              2,
            ),
          );
        } else {
          const label = target.name ? ` (${printable(target.name)})` : '';
          print(
            [
              `server ${target.id}${label}: ${report.url}`,
              `outcome: ${report.outcome}`,
              `detail: ${printable(report.detail)}`,
              `sent: ${report.sent === 'none' ? 'no credentials stored' : `the stored ${report.sent}`}`,
              `http status: ${report.httpStatus ?? '-'}`,
              `response time: ${report.ms === undefined ? '-' : `${report.ms} ms`}`,
              `last connected: ${lastConnected ?? 'never'}`,
            ].join('\n'),
          );
        }
        return report.outcome === 'ok';
      });
      if (!ok) process.exitCode = 1;
    });
}
