import {envFileDrift, planEnvFileSync, writeEnvFile} from '../../repo/env-file-sync.js';
import type {ConfigStore} from '../../repo/index.js';
import type {Status} from './panel-context.js';

export {envFileDrift};

/** What the status line adds while ~/.letta/.env says something else than the settings. */
export const envFileLag = '~/.letta/.env is out of date: E writes it';

/** `E`: write ~/.letta/.env now, and say what happened in one line (never a value). */
export function syncEnvFileNow(store: ConfigStore): Status {
  try {
    const plan = planEnvFileSync(store);
    if (!plan.drifted) return {tone: 'info', text: `~/.letta/.env is up to date (${plan.dialect} lines)`};
    writeEnvFile(plan);
    const names = [...new Set(plan.changes.map((c) => c.name))];
    return {tone: 'info', text: `wrote ~/.letta/.env (${plan.dialect} lines): ${names.join(', ')}`};
  } catch (error) {
    return {tone: 'error', text: `~/.letta/.env not written: ${(error as Error).message}`};
  }
}
