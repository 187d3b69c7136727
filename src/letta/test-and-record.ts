import type {ConfigStore, Server} from '../repo/index.js';
import {testConnection, type ConnectionReport} from './test-connection.js';

/** Test a stored server and, when it answers ok (and the file is writable), record when it last connected. */
export async function testAndRecord(store: ConfigStore, server: Server, signal?: AbortSignal): Promise<ConnectionReport> {
  const report = await testConnection(server, {signal});
  if (report.outcome === 'ok' && !store.readOnly) store.servers.markConnected(server.id);
  return report;
}
