import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cliFor, cliPath, expectOneLine} from '../helpers/run-cli.js';
import {tempDbPath, tempDir} from '../helpers/temp-db.js';

function secretBox() {
  const db = tempDbPath();
  const cli = cliFor(db);
  cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-secret-42'});
  return {db, cli};
}

describe('export --output', () => {
  it('creates a new file 0600 and replaces a regular one whole, leaving no temp file', () => {
    const {cli} = secretBox();
    const dir = tempDir();
    const target = join(dir, 'backup.json');
    expect(cli(['export', '--reveal', '--output', target]).status).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    writeFileSync(target, 'old', {mode: 0o644});
    expect(cli(['export', '--reveal', '--output', target]).status).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toContain('sk-secret-42');
    expect(readdirSync(dir)).toEqual(['backup.json']);
  });

  it('refuses to write through a planted symbolic link, and leaves its target alone', () => {
    const {cli} = secretBox();
    const dir = tempDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const link = join(dir, 'backup.json');
    symlinkSync(victim, link);
    const result = cli(['export', '--reveal', '--output', link]);
    expect(result.status).toBe(1);
    expect(expectOneLine(result.stderr)).toMatch(/will not write through the symbolic link .*backup\.json/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    // A dangling link (to a file not there yet) is no way in either.
    const dangling = join(dir, 'dangling.json');
    symlinkSync(join(dir, 'later.txt'), dangling);
    expect(cli(['export', '--reveal', '--output', dangling]).status).toBe(1);
    expect(existsSync(join(dir, 'later.txt'))).toBe(false);
  });

  it('writes - and /dev/stdout to standard output, never replacing /dev/stdout', () => {
    const {db} = secretBox();
    for (const target of ['-', '/dev/stdout']) {
      const result = spawnSync(process.execPath, [cliPath, '--db', db, 'export', '--format', 'env', '--output', target], {encoding: 'utf8'});
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^# sanctum-config export/);
    }
    expect(lstatSync('/dev/stdout').isSymbolicLink() || lstatSync('/dev/stdout').isCharacterDevice()).toBe(true);
  });

  it('writes through a FIFO instead of replacing it', () => {
    const {db} = secretBox();
    const fifo = join(tempDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const out = execFileSync('sh', ['-c', 'cat "$1" & node "$2" --db "$3" export --format docker --output "$1"; wait', 'sh', fifo, cliPath, db], {
      encoding: 'utf8',
    });
    expect(out).toMatch(/^# sanctum-config export: docker --env-file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a directory with one line', () => {
    const {cli} = secretBox();
    const dir = join(tempDir(), 'adir');
    mkdirSync(dir);
    const result = cli(['export', '--output', dir]);
    expect(result.status).toBe(1);
    expect(expectOneLine(result.stderr)).toMatch(/it is a directory/);
  });
});

describe('a closed or full standard output', () => {
  it("ends quietly on a closed pipe, with the shell's SIGPIPE status", () => {
    const {db} = secretBox();
    for (const args of ['export', 'list --json', '--help', 'export --format env']) {
      const script = `node "$1" --db "$2" ${args} | head -c 10 >/dev/null; echo "status=\${PIPESTATUS[0]}"`;
      const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script, 'bash', cliPath, db], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
      expect([args, result.stderr]).toEqual([args, '']);
      expect(result.stdout).toMatch(/^status=(0|141)\n$/);
    }
  });

  it('says a full disk in one line, exit 1', () => {
    const {db} = secretBox();
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', 'node "$1" --db "$2" export > /dev/full', 'bash', cliPath, db], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(result.status).toBe(1);
    expect(expectOneLine(result.stderr)).toBe('sanctum-config: cannot write to standard output: no space left on device');
  });
});
