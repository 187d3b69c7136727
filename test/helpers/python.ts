import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const candidates = ['/usr/bin/python3', 'python3'];

/** A Python 3 that has `module`, or undefined; Debian's own first (python3-dotenv comes from apt). */
export function pythonWith(module: string): string | undefined {
  return candidates.find((python) => spawnSync(python, ['-c', `import ${module}`]).status === 0);
}

const panelScript = fileURLToPath(new URL('../fixtures/sanctum_panel.py', import.meta.url));

/** Run the Sanctum panel fixture (its database and its writes, with Python's sqlite3). */
export function panel(...args: string[]): string {
  const python = pythonWith('sqlite3');
  if (!python) throw new Error('python3 with sqlite3 is needed for the panel tests');
  const result = spawnSync(python, [panelScript, ...args], {encoding: 'utf8'});
  if (result.status !== 0) throw new Error(`panel ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}
