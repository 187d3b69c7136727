import {execFile} from 'node:child_process';
import {cpSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {tempDir} from './temp-db.js';

const vendored = fileURLToPath(new URL('../vendor/sanctum-panel', import.meta.url));
const harness = fileURLToPath(new URL('../fixtures/sanctum_panel_app.py', import.meta.url));

export type PanelStep = {
  step: string;
  status?: number;
  form?: Record<string, string | boolean>;
  sent?: Record<string, unknown>;
  result?: Record<string, unknown>;
};

/** A box's control/ directory: the real panel's code, its database at db/sanctum_ui.db. */
export function panelBox(): {control: string; db: string} {
  const control = join(tempDir(), 'control');
  cpSync(vendored, control, {recursive: true});
  mkdirSync(join(control, 'db'), {recursive: true});
  return {control, db: join(control, 'db', 'sanctum_ui.db')};
}

/**
 * Steps of the real panel in Debian's Python (see the harness's usage). Not
 * spawnSync: its Test Connection calls a fake Letta served by this process.
 */
export function panelApp(control: string, ...steps: string[]): Promise<PanelStep[]> {
  return new Promise((resolve, reject) => {
    execFile(
      '/usr/bin/python3',
      [harness, control, ...steps],
      {env: {PATH: process.env.PATH, LANG: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1'}, timeout: 30_000},
      (error, stdout, stderr) => {
        if (error) reject(new Error(`panel ${steps.join(' ')} failed: ${stderr.split('\n').slice(-4).join('\n')}`));
        else
          resolve(
            stdout
              .trim()
              .split('\n')
              .map((line) => JSON.parse(line) as PanelStep),
          );
      },
    );
  });
}
