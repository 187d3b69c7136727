// npm run bench: every speed figure the product promises, against bare Node in
// the same run. Each row alternates bare `node -e ""` with the command (pairs),
// and reports the median of the per-pair ratios with their min and max, so a
// busy moment of the machine lands on both sides of a pair. The app's rows come
// from a real pseudo-terminal (bench/pty_harness.py). No figure here is asserted
// by a test; the targets are printed beside them.
import {execFileSync, spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, release, tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'sanctum-config.cjs');
const harness = join(root, 'bench', 'pty_harness.py');
const rounds = Number(process.env.BENCH_ROUNDS || 21);
const bulk = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'sanctum-config-bench-'));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

function timed(command, args, options = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, {encoding: 'utf8', maxBuffer: 1 << 28, ...options});
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return ms;
}

const node = (args, options) => timed(process.execPath, args, options);
const bareNode = () => node(['-e', '']);

/** Alternate `base` and `run` `rounds` times; the per-pair ratios and each side's times. */
function alternate(base, run, {before} = {}) {
  const pairs = [];
  for (let i = 0; i < rounds; i++) {
    before?.();
    const b = base();
    before?.();
    const r = run();
    pairs.push({base: b, run: r});
  }
  return pairs;
}

const rows = [];
function report(figure, pairs, target, {unit = 'ms', baseName = 'node'} = {}) {
  const ratios = pairs.map((p) => p.run / p.base);
  const ratio = median(ratios);
  const row = {
    figure,
    base: median(pairs.map((p) => p.base)),
    run: median(pairs.map((p) => p.run)),
    ratio,
    min: Math.min(...ratios),
    max: Math.max(...ratios),
    target,
    unit,
    baseName,
  };
  // A row without a target is shown for what it tells; only the targets of issue 13 count.
  if (target !== undefined) rows.push(row);
  const verdict = target === undefined ? '(no target)' : `<= ${target}x ${baseName.padEnd(13)} ${ratio <= target ? 'met' : 'MISSED'}`;
  console.log(
    `${figure.padEnd(46)} ${`${row.base.toFixed(1)} ${unit}`.padStart(10)} ${`${row.run.toFixed(1)} ${unit}`.padStart(10)}  ` +
      `${`${ratio.toFixed(2)}x`.padStart(6)} (${row.min.toFixed(2)}-${row.max.toFixed(2)})  ${verdict}`,
  );
}

function header(title) {
  console.log(`\n${title}`);
  console.log(`${'figure'.padEnd(46)} ${'base'.padStart(10)} ${'ours'.padStart(10)}  ratio  (min-max)      target`);
}

try {
  // The databases: the default one, set up (init from a script: the app opens on its tabs, not the setup), and one
  // with 10,000 more settings in its first tab.
  const small = join(dir, 'small.db');
  execFileSync(process.execPath, [cli, '--db', small, 'init', '--non-interactive'], {stdio: 'ignore'});
  const doc = JSON.parse(execFileSync(process.execPath, [cli, '--db', small, 'export', '--reveal'], {encoding: 'utf8'}));
  const extra = Array.from({length: bulk}, (_, i) => ({
    key: `bulk_${String(i).padStart(5, '0')}`,
    value: `value ${i}`,
    type: 'string',
    category: 'api_keys',
    description: `bulk setting ${i}`,
    sensitive: false,
  }));
  const bulkDoc = join(dir, 'bulk.json');
  writeFileSync(bulkDoc, JSON.stringify({...doc, settings: [...doc.settings, ...extra]}));
  const big = join(dir, 'big.db');
  copyFileSync(small, big);
  execFileSync(process.execPath, [cli, '--db', big, 'import', bulkDoc], {stdio: 'ignore'});
  const smallCount = doc.settings.length;

  const cpu = cpus();
  console.log(
    `sanctum-config benchmark: Node ${process.version}, ${process.platform} ${process.arch} (kernel ${release()}), ` +
      `${cpu.length} cores (${cpu[0]?.model.trim()}); ${rounds} alternated pairs per row; medians of per-pair ratios (min-max)`,
  );

  header('Commands (stdout a pipe, as in $(...))');
  report(
    '--version',
    alternate(bareNode, () => node([cli, '--version'])),
  );
  report(
    'get flask_port',
    alternate(bareNode, () => node([cli, '--db', small, 'get', 'flask_port'])),
    1.3,
  );
  report(
    `list (${smallCount} settings)`,
    alternate(bareNode, () => node([cli, '--db', small, 'list'])),
    1.5,
  );
  report(
    'export --format env',
    alternate(bareNode, () => node([cli, '--db', small, 'export', '--format', 'env'])),
    1.5,
  );
  report(
    'export (json)',
    alternate(bareNode, () => node([cli, '--db', small, 'export'])),
    1.5,
  );
  report(
    `list --json, ${bulk.toLocaleString('en')} settings more`,
    alternate(bareNode, () => node([cli, '--db', big, 'list', '--json'])),
    2,
  );

  header('Import (a fresh copy of the default database each time)');
  const target = join(dir, 'target.db');
  const fresh = () => {
    rmSync(target, {force: true});
    rmSync(`${target}-wal`, {force: true});
    rmSync(`${target}-shm`, {force: true});
    copyFileSync(small, target);
  };
  const quote = (text) => `'${String(text).replaceAll("'", "''")}'`;
  const inserts = join(dir, 'inserts.sql');
  // One statement: the shell prepares each statement anew, and preparing an insert compiles every trigger on the table.
  const values = extra.map((s) => `(${quote(s.key)}, ${quote(s.value)}, 'string', ${quote(s.description)}, 0, 'api_keys')`);
  writeFileSync(
    inserts,
    [
      'BEGIN;',
      'INSERT INTO system_config (config_key, config_value, config_type, description, is_sensitive, category) VALUES',
      `${values.join(',\n')};`,
      'COMMIT;',
      '',
    ].join('\n'),
  );
  const sqliteShell = () => timed('sqlite3', [target], {input: readFileSync(inserts, 'utf8')});
  report(
    `import of ${bulk.toLocaleString('en')} settings`,
    alternate(sqliteShell, () => node([cli, '--db', target, 'import', bulkDoc]), {before: fresh}),
    3,
    {baseName: 'sqlite3 shell'},
  );

  header("The app in a terminal (pty, 80x24; one unmeasured run first: the app's first run makes its code cache)");
  const startPairs = (db, count = rounds) =>
    JSON.parse(execFileSync('python3', [harness, 'pairs', String(count), process.execPath, cli, db], {encoding: 'utf8', maxBuffer: 1 << 26}));
  startPairs(small, 1);
  const smallStarts = startPairs(small);
  const bigStarts = startPairs(big);
  report(
    'first visible frame',
    smallStarts.map((p) => ({base: p.node.ms, run: p.app.frame})),
    1.5,
  );
  report(
    "first interactive frame (Ink's first frame)",
    smallStarts.map((p) => ({base: p.node.ms, run: p.app.ink})),
    3,
  );
  report(
    '  the answer to a key sent at first sight',
    smallStarts.map((p) => ({base: p.node.ms, run: p.app.answered})),
  );
  report(
    `first visible frame, ${bulk.toLocaleString('en')} settings more`,
    bigStarts.map((p) => ({base: p.node.ms, run: p.app.frame})),
  );
  report(
    `  Ink's first frame, ${bulk.toLocaleString('en')} settings more`,
    bigStarts.map((p) => ({base: p.node.ms, run: p.app.ink})),
  );
  report(
    `peak RSS, start-up to q (${smallCount} settings)`,
    smallStarts.map((p) => ({base: p.node.rss, run: p.app.rss})),
    2,
    {unit: 'MiB'},
  );
  report(
    `peak RSS, ${bulk.toLocaleString('en')} more vs ${smallCount}`,
    bigStarts.map((p, i) => ({base: smallStarts[i].app.rss, run: p.app.rss})),
    1.2,
    {unit: 'MiB', baseName: 'app, default'},
  );

  header('What the start-up tricks buy: the plain path (SANCTUM_CONFIG_PLAIN=1, every trick off) against the usual one');
  const plainEnv = {...process.env, SANCTUM_CONFIG_PLAIN: '1'};
  report(
    'get flask_port',
    alternate(
      () => node([cli, '--db', small, 'get', 'flask_port'], {env: plainEnv}),
      () => node([cli, '--db', small, 'get', 'flask_port']),
    ),
    undefined,
    {baseName: 'plain path'},
  );
  const plainStarts = JSON.parse(
    execFileSync('python3', [harness, 'pairs', String(rounds), process.execPath, cli, small], {encoding: 'utf8', maxBuffer: 1 << 26, env: plainEnv}),
  );
  report(
    'first visible frame',
    plainStarts.map((p, i) => ({base: p.app.frame, run: smallStarts[i].app.frame})),
    undefined,
    {baseName: 'plain path'},
  );
  report(
    "Ink's first frame",
    plainStarts.map((p, i) => ({base: p.app.ink, run: smallStarts[i].app.ink})),
    undefined,
    {baseName: 'plain path'},
  );
  report(
    'peak RSS, start-up to q',
    plainStarts.map((p, i) => ({base: p.app.rss, run: smallStarts[i].app.rss})),
    undefined,
    {unit: 'MiB', baseName: 'plain path'},
  );

  console.log(
    `\nKey to frame in the app, ${bulk.toLocaleString('en')} settings in one tab (pty; a key a second after start-up, then one every 60 ms or so; to the frame's last byte)`,
  );
  console.log(`${'key'.padEnd(20)} ${'presses'.padStart(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}   target p95 < 16 ms`);
  const keys = JSON.parse(execFileSync('python3', [harness, 'keys', process.execPath, cli, big], {encoding: 'utf8'}));
  for (const [name, times] of Object.entries(keys)) {
    const p95 = percentile(times, 95);
    rows.push({figure: `key ${name}`, p95});
    console.log(
      `${name.padEnd(20)} ${String(times.length).padStart(8)} ${median(times).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${Math.max(...times)
        .toFixed(1)
        .padStart(8)}   ${p95 < 16 ? 'met' : 'MISSED'}`,
    );
  }

  // A slow link (SSH at a few KB/s) pays for every byte: a key sends only the lines it changed.
  const sizes = JSON.parse(execFileSync('python3', [harness, 'sizes', process.execPath, cli, small], {encoding: 'utf8'}));
  const full = median(sizes.full);
  const move = median(sizes.move);
  const share = move / full;
  rows.push({figure: 'bytes per cursor move', ratio: share, target: 0.25});
  console.log('\nBytes to the terminal, 80x24 (pty): what a slow link carries (a whole frame: Ctrl-L, the screen cleared and drawn again)');
  console.log(
    `a whole frame (Ctrl-L) ${full} B; a cursor move (j, k) ${move} B: ${(share * 100).toFixed(0)}% of it   target <= 25%  ${share <= 0.25 ? 'met' : 'MISSED'}`,
  );

  const missed = rows.filter((r) => (r.p95 !== undefined ? r.p95 >= 16 : r.ratio > r.target));
  console.log(missed.length ? `\n${missed.length} target(s) missed: ${missed.map((r) => r.figure).join('; ')}` : '\nevery target met');
} finally {
  rmSync(dir, {recursive: true, force: true});
}
