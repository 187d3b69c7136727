import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath, tempDir} from '../helpers/temp-db.js';

function box() {
  const db = tempDbPath();
  const cli = cliFor(db);
  cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-never-shown'});
  cli(['server', 'add', '--address', '10.0.0.9', '--name', 'lab', '--password-stdin'], {input: 'pw-never-shown'});
  const complete = (...words: string[]) => cli(['complete', '--', ...words]);
  return {db, cli, complete};
}

const values = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .filter((l) => !l.startsWith(':'))
    .map((l) => l.split('\t')[0]);

describe("shell completion: the library's entry point", () => {
  it('completes commands, flags, setting keys, categories and server ids with their names, never a value', () => {
    const {complete} = box();
    expect(values(complete('se').stdout)).toEqual(['set', 'server']);
    expect(values(complete('get', 'fl').stdout)).toEqual(['flask_port']);
    expect(values(complete('list', '--category', '').stdout)).toEqual(['api_keys', 'paths', 'ports', 'general', 'letta']);
    const servers = complete('server', 'activate', '');
    expect(servers.stdout).toMatch(/^1\tlocalhost \(active\)$/m);
    expect(servers.stdout).toMatch(/^2\tlab$/m);
    expect(values(complete('export', '--fo').stdout)).toEqual(['--format']);
    const everything = [complete('get', '').stdout, complete('set', '').stdout, complete('server', 'set', '').stdout].join('\n');
    expect(everything).not.toMatch(/sk-never-shown|pw-never-shown/);
    // No file names for keys; file names where a file is expected.
    expect(complete('get', '').stdout.trimEnd().split('\n').pop()).toBe(':4');
    expect(complete('import', '').stdout.trimEnd().split('\n').pop()).toBe(':0');
    expect(complete('export', '--output', '').stdout.trimEnd().split('\n').pop()).toBe(':0');
  });

  it('completes profile names, the base where it may be named, and setting keys for a profile value', () => {
    const {cli, complete} = box();
    cli(['profile', 'create', 'dev']);
    cli(['profile', 'create', 'prod']);
    cli(['profile', 'switch', 'dev']);
    expect(complete('profile', 'switch', '').stdout).toMatch(/^base\tno profile: the base values\ndev\tactive\nprod\tguarded\n/);
    expect(values(complete('profile', 'show', '').stdout)).toEqual(['dev', 'prod']);
    expect(values(complete('profile', 'diff', 'dev', '').stdout)).toEqual(['base', 'dev', 'prod']);
    expect(values(complete('profile', 'set', 'prod', 'fl').stdout)).toEqual(['flask_port']);
    expect(values(complete('export', '--profile', 'p').stdout)).toEqual(['prod']);
  });

  it('completes nothing, quietly and at once, for a missing or locked database, and creates nothing', () => {
    const missing = join(tempDir(), 'none.db');
    const result = cliFor(missing)(['complete', '--', 'get', '']);
    expect([result.status, result.stderr, values(result.stdout)]).toEqual([0, '', []]);
    expect(existsSync(missing)).toBe(false);

    const {db} = box();
    const locker = new Sqlite(db);
    locker.pragma('journal_mode = DELETE');
    locker.exec('BEGIN EXCLUSIVE');
    try {
      const started = Date.now();
      const locked = cliFor(db)(['complete', '--', 'get', '']);
      expect(locked.status).toBe(0);
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
  });

  it('prints a script for bash, zsh and fish that calls this program back', () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const script = cliFor(tempDbPath())(['completion', shell]);
      expect([shell, script.status]).toEqual([shell, 0]);
      expect(script.stdout).toMatch(shell === 'bash' ? /"\$\{words\[0\]\}" complete -- / : /timeout 3 sanctum-config complete -- /);
    }
  });

  it('never offers a candidate with a control character, and at most 500 of them', () => {
    const {db, complete} = box();
    const raw = new Sqlite(db);
    raw.prepare(`INSERT INTO system_config (config_key, config_value) VALUES (?, '')`).run('zz_line\nbreak');
    raw.prepare(`INSERT INTO system_config (config_key, config_value) VALUES (?, '')`).run('zz_\u001b]52;c;eA==\u0007');
    raw.prepare(`INSERT INTO system_config (config_key, config_value) VALUES (?, '')`).run('zz_plain');
    const insert = raw.prepare(`INSERT INTO system_config (config_key, config_value, category) VALUES (?, '', 'bulk')`);
    raw.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`bulk_${String(i).padStart(5, '0')}`);
    })();
    raw.close();
    expect(values(complete('get', 'zz').stdout)).toEqual(['zz_plain']);
    expect(values(complete('get', 'bulk_').stdout)).toHaveLength(500);
    expect(complete('get', 'zz').stdout).not.toMatch(/\u001b/);
  });
});

const bashCompletion = '/usr/share/bash-completion/bash_completion';

/** Complete `line` in a real bash with the installed script, as bash calls it (with or without the bash-completion package). */
function bashCompleter(db: string, withPackage: boolean) {
  const bin = join(tempDir(), 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'sanctum-config'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
  chmodSync(join(bin, 'sanctum-config'), 0o755);
  return (line: string) => {
    const script = `${withPackage ? `source ${bashCompletion}; ` : ''}eval "$(sanctum-config completion bash)"
SPLIT=\${LINE//=/ = }; read -ra COMP_WORDS <<< "$SPLIT"; [[ "$SPLIT" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); COMP_LINE="$LINE"; COMP_POINT=\${#LINE}
_sanctum_config_complete 2>/dev/null; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
      encoding: 'utf8',
      cwd: dirname(bin),
      env: {...process.env, PATH: `${bin}:${process.env.PATH}`, SANCTUM_CONFIG_DB: db, LINE: line},
    });
    return result.stdout.trim().split('\n');
  };
}

describe('shell completion in a real bash', () => {
  for (const withPackage of [true, false]) {
    it.runIf(!withPackage || existsSync(bashCompletion))(
      `completes keys and server ids through the installed script (${withPackage ? 'with' : 'without'} bash-completion)`,
      () => {
        const {db} = box();
        const complete = bashCompleter(db, withPackage);
        expect(complete('sanctum-config get fla')).toEqual(['flask_port']);
        expect(complete('sanctum-config server remove ')).toEqual(['1', '2']);
        expect(complete('sanctum-config ser')).toEqual(['server']);
        expect(complete('sanctum-config list --category=ap')).toEqual(['api_keys']);
        expect(complete('sanctum-config list --category=')).toEqual(['api_keys', 'paths', 'ports', 'general', 'letta']);
      },
    );
  }

  it('a stored key is data: never run by the shell, inserted quoted', () => {
    const {db} = box();
    const dir = tempDir();
    const marker = join(dir, 'ran');
    const raw = new Sqlite(db);
    const keys = [`zz$(touch ${marker})`, `zz\`touch ${marker}\``, `zz;touch ${marker}`, 'zz*'];
    for (const key of keys) {
      raw.prepare(`INSERT INTO system_config (config_key, config_value) VALUES (?, '')`).run(key);
    }
    raw.close();
    writeFileSync(join(dir, 'zz-a-file-the-glob-would-match'), '');
    const offered = bashCompleter(db, false)('sanctum-config get zz');
    expect(existsSync(marker)).toBe(false);
    // What bash inserts is quoted: read back by the shell it is each key exactly, and running it ran nothing.
    const readBack = offered.map(
      (quoted) =>
        spawnSync('bash', ['--norc', '--noprofile', '-c', `printf %s ${quoted}`], {encoding: 'utf8', cwd: dir, stdio: ['ignore', 'pipe', 'pipe']}).stdout,
    );
    expect(readBack.sort()).toEqual(keys.sort());
    expect(existsSync(marker)).toBe(false);
  });
});
