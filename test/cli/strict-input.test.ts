import type {Command} from 'commander';
import {describe, expect, it} from 'vitest';
import {buildProgram} from '../../src/cli/program.js';
import {cliFor, expectOneLine} from '../helpers/run-cli.js';
import {snapshot, tempDbPath, tempDir} from '../helpers/temp-db.js';
import {readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';

/** Every command a person can run, with its arguments as the tree declares them: `server add`, `unset <key>`... */
function leaves(command: Command, path: string[] = []): {path: string[]; command: Command}[] {
  if (!command.commands.length) return [{path, command}];
  return command.commands.flatMap((sub) => leaves(sub, [...path, sub.name()]));
}

/** Each argument a command declares (required or not), filled in: a path in a temp directory, should one be taken as a file. */
const fullArgs = (command: Command, dir: string) => command.registeredArguments.filter((a) => !a.variadic).map(() => join(dir, 'x1'));

describe('strict input (a fleet runs these from playbooks)', () => {
  const commands = leaves(buildProgram()).filter(({command}) => !command.registeredArguments.some((a) => a.variadic));

  it('knows its commands', () => {
    expect(commands.map((c) => c.path.join(' '))).toEqual(expect.arrayContaining(['unset', 'server remove', 'get', 'import', 'env-file sync']));
    expect(commands.length).toBeGreaterThan(15);
  });

  it('refuses an argument too many on every command: exit 2, one line, the file unchanged', () => {
    const dir = tempDir();
    const db = join(dir, 'config.db');
    const cli = cliFor(db);
    cli(['list']);
    const before = snapshot(db);
    for (const {path, command} of commands) {
      const args = [...path, ...fullArgs(command, dir), 'one-too-many'];
      const result = cli(args);
      expect({args, status: result.status}).toEqual({args, status: 2});
      expect(expectOneLine(result.stderr)).toMatch(/too many arguments/);
    }
    expect(snapshot(db)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('x1'))).toEqual([]);
  });

  it('unset a1 a2 and server remove 1 2 remove nothing', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['set', 'a1', 'x', '--type', 'string']);
    cli(['set', 'a2', 'y', '--type', 'string']);
    cli(['server', 'add', '--address', '10.0.0.2']);
    const before = snapshot(db);
    expect(cli(['unset', 'a1', 'a2']).status).toBe(2);
    expect(cli(['server', 'remove', '1', '2']).status).toBe(2);
    expect(snapshot(db)).toBe(before);
  });
});

describe('--json: every outcome is one JSON object on stdout', () => {
  it('a failure of any kind parses, with its code and the same exit status', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['list']);
    const cases: [string[], number, string][] = [
      [['set', 'flask_port', 'abc', '--json'], 2, 'validation'],
      [['set', 'nosuchkey', '1', '--json'], 2, 'usage'],
      [['server', 'remove', '99', '--json'], 0, ''],
      [['server', 'set', '99', '--port', '1', '--json'], 2, 'not-found'],
      [['unset', 'a', 'b', '--json'], 2, 'usage'],
      [['set', '--json'], 2, 'usage'],
      [['server', 'add', '--json', '--nope'], 2, 'usage'],
      [['set', 'flask_port', '6000', '--if-value', '1', '--json'], 3, 'conflict'],
    ];
    for (const [args, status, code] of cases) {
      const result = cli(args);
      expect({args, status: result.status}).toEqual({args, status});
      const report = JSON.parse(result.stdout);
      if (status === 0) {
        expect(report.ok).toBe(true);
        continue;
      }
      expect(report).toEqual({ok: false, error: {code, message: expect.any(String), exit_code: status}});
      // The person still gets the line on stderr.
      expect(expectOneLine(result.stderr)).toContain(report.error.message.slice(0, 20));
    }
  });

  it('a success says ok too', () => {
    const cli = cliFor(tempDbPath());
    expect(JSON.parse(cli(['set', 'flask_port', '5050', '--json']).stdout)).toMatchObject({ok: true, changed: true});
  });
});

describe('--dry-run on every writing command', () => {
  it('writes nothing and gives the report the real run gives', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['server', 'add', '--address', '10.0.0.2']);
    const runs: string[][] = [
      ['set', 'flask_port', '5050'],
      ['unset', 'smcp_port'],
      ['server', 'add', '--address', '10.0.0.3', '--name', 'lab'],
      ['server', 'set', '2', '--port', '8290'],
      ['server', 'activate', '2'],
      ['server', 'remove', '2'],
      ['init', '--non-interactive', '--set', 'environment=production'],
    ];
    for (const args of runs) {
      const before = snapshot(db);
      const dry = cli([...args, '--dry-run', '--json']);
      expect({args, status: dry.status}).toEqual({args, status: 0});
      expect(snapshot(db)).toBe(before);
      const text = cli([...args, '--dry-run']);
      expect(text.stdout).toMatch(/^would change: /);
      expect(snapshot(db)).toBe(before);
      const real = cli([...args, '--json']);
      const {dry_run, ...dryReport} = JSON.parse(dry.stdout);
      expect(dry_run).toBe(true);
      expect(JSON.parse(real.stdout)).toEqual(dryReport);
      expect(dryReport.changed).toBe(true);
    }
  });
});

describe('--read-only, help, and a doctor that creates nothing', () => {
  it('--read-only refuses every writing command (exit 2, the file unchanged) and still reads', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['list']);
    const before = snapshot(db);
    const writes: string[][] = [
      ['set', 'flask_port', '5050'],
      ['unset', 'smcp_port'],
      ['server', 'add', '--address', '10.0.0.3'],
      ['server', 'set', '1', '--port', '8290'],
      ['server', 'activate', '1'],
      ['server', 'remove', '1'],
      ['server', 'ensure', 'lab', '--address', '10.0.0.3'],
      ['init', '--non-interactive'],
      ['undo'],
      ['purge-history', '--all'],
    ];
    for (const args of writes) {
      const result = cli(['--read-only', ...args]);
      expect({args, status: result.status}).toEqual({args, status: 2});
      expect(expectOneLine(result.stderr)).toContain('--read-only was given');
    }
    expect(snapshot(db)).toBe(before);
    expect(cli(['--read-only', 'get', 'flask_port']).stdout).toBe('5000\n');
    // A file that is not there is said, not made.
    const missing = join(tempDir(), 'none.db');
    expect(cliFor(missing)(['--read-only', 'list']).status).toBe(1);
    expect(readdirSync(dirname(missing))).toEqual([]);
  });

  it('help COMMAND shows that command help', () => {
    const cli = cliFor(tempDbPath());
    const help = cli(['help', 'set']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: sanctum-config set /);
    expect(cli(['help']).stdout).toMatch(/help \[command\]/);
  });

  it('doctor on a mistyped path fails, names the file, and creates nothing', () => {
    const dir = tempDir();
    const db = join(dir, 'cnofig.db');
    const result = cliFor(db)(['doctor', '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      checks: [{check: 'database', status: 'fail', message: `${db} does not exist`, fix: expect.stringContaining('sanctum-config init')}],
    });
    expect(readdirSync(dir)).toEqual([]);
    // On a file that is there, the first line names it.
    const real = join(dir, 'config.db');
    cliFor(real)(['list']);
    expect(cliFor(real)(['doctor', '--offline']).stdout.split('\n')[0]).toBe(`ok    database: ${real}`);
  });
});
