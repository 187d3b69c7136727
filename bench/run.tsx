// npm run bench: where the time goes, measured in one run so the ratios compare like with like.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {render} from 'ink-testing-library';
import {openConfigStore} from '../src/repo/index.js';
import {importDocument, buildExport} from '../src/repo/transfer.js';
import {App} from '../src/ui/app.js';

const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sanctum-config-bench-'));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const tick = () => new Promise((resolve) => setImmediate(resolve));

function timeProcess(args: string[], runs = 15): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
    times.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  }
  return median(times);
}

function row(name: string, ms: number, base?: number): void {
  const ratio = base ? `  ${(ms / base).toFixed(2)}x` : '';
  console.log(`${name.padEnd(52)} ${ms.toFixed(2).padStart(9)} ms${ratio}`);
}

try {
  const db = join(dir, 'config.db');
  spawnSync(process.execPath, [cli, '--db', db, 'list']);

  console.log('Start-up of headless commands (median of 15 processes)');
  const bare = timeProcess(['-e', '']);
  row('node -e "" (Node itself)', bare, bare);
  row('node: import ink + react (what headless skips)', timeProcess(['--input-type=module', '-e', "await import('ink'); await import('react')"]), bare);
  for (const args of [['--version'], ['get', 'flask_port'], ['list'], ['export', '--format', 'env'], ['server', 'list', '--json']]) {
    row(`sanctum-config ${args.join(' ')}`, timeProcess([cli, '--db', db, ...args]), bare);
  }

  console.log('\nRepository (one process, real file, WAL)');
  const store = openConfigStore(join(dir, 'repo.db'));
  let started = performance.now();
  const sets = 2000;
  for (let i = 0; i < sets; i++) store.settings.set('flask_port', String(5000 + (i % 1000)));
  const perSet = (performance.now() - started) / sets;
  row(`settings.set, each its own transaction (${sets}x)`, perSet);
  started = performance.now();
  store.transaction(() => {
    for (let i = 0; i < 5000; i++) store.settings.add({key: `bulk_${i}`, type: 'integer', value: String(i), category: 'bulk'});
  });
  row('settings.add 5000 in one transaction', performance.now() - started);
  const lists: number[] = [];
  for (let i = 0; i < 20; i++) {
    started = performance.now();
    store.settings.list();
    lists.push(performance.now() - started);
  }
  row('settings.list with 5009 settings (median of 20)', median(lists));
  const doc = buildExport(store, true);
  const fresh = openConfigStore(join(dir, 'import.db'));
  started = performance.now();
  importDocument(fresh, doc);
  row('import of that export into a fresh database', performance.now() - started);
  fresh.close();

  console.log('\nTUI: one key press (j) to the next frame, median of 40 presses');
  const small = openConfigStore(join(dir, 'small.db'));
  for (let i = 0; i < 50; i++) small.settings.add({key: `bulk_${i}`, type: 'integer', value: String(i), category: 'bulk'});
  const perKey = async (target: typeof store) => {
    const app = render(<App store={target} size={{columns: 80, rows: 24}} writeControl={() => {}} />);
    await tick();
    app.stdin.write('5');
    await new Promise((resolve) => setTimeout(resolve, 30));
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const before = app.lastFrame();
      const t0 = performance.now();
      app.stdin.write('j');
      while (app.lastFrame() === before) await tick();
      times.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    app.unmount();
    return median(times);
  };
  const fewRows = await perKey(small);
  const manyRows = await perKey(store);
  row('50 settings in the tab', fewRows, fewRows);
  row('5000 settings in the tab (only 18 rows are drawn)', manyRows, fewRows);
  small.close();
  store.close();
} finally {
  rmSync(dir, {recursive: true, force: true});
}
