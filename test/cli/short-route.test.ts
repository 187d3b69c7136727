// The short route (src/cli/fast-route.ts) answers `get`, `list`, `export` and
// `--version` without building the command tree. For every command line it
// takes, the tree (SANCTUM_CONFIG_PLAIN=1 turns the route off) must answer
// the same: stdout, stderr, exit code and any file written.
import {existsSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {readRoute} from '../../src/cli/fast-route.js';
import {runCli} from '../helpers/run-cli.js';
import {tempDir} from '../helpers/temp-db.js';

/** Command lines as scripts write them, and some they should not: the route takes only some. */
function commandLines(db: string, output: string): string[][] {
  const lines: string[][] = [];
  for (const key of ['flask_port', 'openai_api_key', 'no_such_key', 'FLASK_PORT', '--json']) lines.push(['get', key]);
  const listOptions = [
    [],
    ['--json'],
    ['--reveal'],
    ['--json', '--reveal'],
    ['--category', 'ports'],
    ['--category=api_keys', '--json'],
    ['--category', 'nope'],
    ['--category'],
  ];
  for (const options of listOptions) lines.push(['list', ...options]);
  const exportOptions = [
    [],
    ['--format', 'env'],
    ['--format=dotenv'],
    ['--format', 'docker'],
    ['--format', 'json', '--reveal'],
    ['--format', 'bogus'],
    ['--reveal', '--format', 'env'],
    ['--output', output],
    ['--format', 'env', '--output', output],
  ];
  for (const options of exportOptions) lines.push(['export', ...options]);
  // --db in every place the route accepts it, and a repeated one it leaves to the tree.
  return [['--version'], ['-V'], ...lines].flatMap((line) => [
    line,
    ['--db', db, ...line],
    [...line, '--db', db],
    [`--db=${db}`, ...line],
    ['--db', db, '--db', db, ...line],
  ]);
}

describe('the short route and the command tree', () => {
  it('give the same output, exit code, stderr and files for every command line the route takes', () => {
    const dir = tempDir();
    const db = join(dir, 'config.db');
    const output = join(dir, 'out.env');
    expect(runCli(['--db', db, 'set', 'openai_api_key', '--stdin'], {input: 'sk-route-test\n'}).status).toBe(0);
    const taken = commandLines(db, output).filter((line) => readRoute(line) !== undefined);
    expect(taken.length).toBeGreaterThanOrEqual(60);
    const outcome = (line: string[], plain: boolean) => {
      rmSync(output, {force: true});
      const result = runCli(line, {env: {SANCTUM_CONFIG_PLAIN: plain ? '1' : undefined, SANCTUM_CONFIG_DB: undefined}});
      const file = existsSync(output) ? readFileSync(output, 'utf8') : undefined;
      // The one thing that differs between two runs: when the export was made.
      const timeless = (text: string | undefined) => text?.replace(/"exported_at": "[^"]+"/g, '"exported_at": "(time)"');
      return {...result, stdout: timeless(result.stdout), file: timeless(file)};
    };
    for (const line of taken) {
      const routed = outcome(line, false);
      expect({line, ...outcome(line, true)}).toEqual({line, ...routed});
    }
  }, 120_000);
});
