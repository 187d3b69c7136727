// Node reads some options from anywhere on its command line (Node 20 loads
// `--env-file FILE` even after the script's name, NODE_OPTIONS lines included).
// None of our options may share a name with one of Node's, and the command
// itself ends Node's options before ours.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Command} from 'commander';
import {describe, expect, it} from 'vitest';
import {buildProgram} from '../../src/cli/program.js';
import {cliPath} from '../helpers/run-cli.js';
import {tempDir} from '../helpers/temp-db.js';

/** Every long option of every command, --help and --version included. */
function ourOptions(command: Command): string[] {
  const own = command.options.map((o) => o.long).filter((l): l is string => Boolean(l));
  return [...own, '--help', ...command.commands.flatMap((c) => ourOptions(c))];
}

describe("Node's options and ours", () => {
  it('no option of any command is one of Node’s', () => {
    const nodeHelp = execFileSync(process.execPath, ['--help'], {encoding: 'utf8'});
    const nodeOptions = new Set([...nodeHelp.matchAll(/^\s+(--[a-z][\w-]*)/gm)].map((m) => m[1]!));
    // Some Node versions read these before the script runs, whether --help lists them or not.
    for (const option of ['--env-file', '--env-file-if-exists', '--experimental-config-file']) nodeOptions.add(option);
    const ours = new Set(ourOptions(buildProgram()));
    const shared = [...ours].filter((o) => nodeOptions.has(o) && !['--help', '--version'].includes(o));
    expect(shared).toEqual([]);
  });

  it('the command, run as a program, never lets Node load an env file from its arguments', () => {
    const dir = tempDir();
    const marker = join(dir, 'ran');
    const payload = join(dir, 'payload.cjs');
    writeFileSync(payload, `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');`);
    const envFile = join(dir, 'evil.env');
    writeFileSync(envFile, `NODE_OPTIONS=--require ${payload}\n`);
    const result = spawnSync(cliPath, ['--db', join(dir, 'c.db'), 'doctor', '--offline', '--env-file', envFile], {encoding: 'utf8'});
    expect(existsSync(marker)).toBe(false);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--env-file'/);
  });
});
