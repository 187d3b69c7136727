import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {cliFor, cliPath} from '../helpers/run-cli.js';
import {tempDbPath, tempDir} from '../helpers/temp-db.js';
import {TmuxSession} from '../helpers/tmux.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stored keys an attacker would write: each would run something if a shell evaluated it. */
function hostileBox() {
  const db = tempDbPath();
  const dir = tempDir();
  const marker = join(dir, 'ran');
  cliFor(db)(['get', 'flask_port']);
  const keys = [`zz$(touch ${marker})`, `zz\`touch ${marker}\``, `zz;touch ${marker}`, 'zz*', "zz'q x"];
  const raw = new Sqlite(db);
  for (const key of keys) raw.prepare(`INSERT INTO system_config (config_key, config_value) VALUES (?, '')`).run(key);
  raw.prepare(`INSERT INTO system_config (config_key, config_value) VALUES (?, '')`).run('zz_\u001b]52;c;eA==\u0007');
  raw.close();
  writeFileSync(join(dir, 'zz-a-file-the-glob-would-match'), '');
  return {db, dir, marker, keys};
}

/** A home with the installed completion script, as the README tells each shell's user to install it. */
function installed(shell: 'zsh' | 'fish', dir: string) {
  const bin = join(dir, 'bin');
  const home = join(dir, 'home');
  mkdirSync(bin);
  writeFileSync(join(bin, 'sanctum-config'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
  chmodSync(join(bin, 'sanctum-config'), 0o755);
  const script = spawnSync(process.execPath, [cliPath, 'completion', shell], {encoding: 'utf8'}).stdout;
  if (shell === 'zsh') {
    mkdirSync(join(home, 'functions'), {recursive: true});
    writeFileSync(join(home, 'functions', '_sanctum-config'), script);
    writeFileSync(join(home, '.zshrc'), `fpath=(${home}/functions $fpath)\nautoload -Uz compinit && compinit -u -D\nPROMPT='%% '\n`);
  } else {
    mkdirSync(join(home, '.config', 'fish', 'completions'), {recursive: true});
    // Present already, so fish does not generate completions from man pages in the background on its first start
    // (that job outlived the test and raced the removal of this home).
    mkdirSync(join(home, '.local', 'share', 'fish', 'generated_completions'), {recursive: true});
    writeFileSync(join(home, '.config', 'fish', 'completions', 'sanctum-config.fish'), script);
    writeFileSync(join(home, '.config', 'fish', 'config.fish'), "set -g fish_greeting\nfunction fish_prompt; echo -n '% '; end\n");
  }
  return {bin, home};
}

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

/** An interactive shell in a real terminal, with nothing of this machine's own configuration. */
function interactive(shell: 'zsh' | 'fish', db: string, dir: string) {
  const {bin, home} = installed(shell, dir);
  const env = [`PATH=${bin}:/usr/bin:/bin`, `HOME=${home}`, `ZDOTDIR=${home}`, `SANCTUM_CONFIG_DB=${db}`, 'TERM=xterm', 'LANG=C.UTF-8'];
  session = new TmuxSession(`cd ${dir} && env -i ${env.join(' ')} ${shell} -i`, {columns: 120, rows: 40});
  return session;
}

/**
 * Type `line`, press Tab `tabs` times, accept the candidate the menu is on,
 * then turn the line into `printf '<%s>\n' ...` and run it: what prints is
 * each word exactly as the shell reads the inserted text.
 */
async function insertAndReadBack(terminal: TmuxSession, shell: 'zsh' | 'fish', line: string, tabs: number): Promise<string[]> {
  terminal.tmux('send-keys', '-t', 'app', 'C-l');
  terminal.tmux('send-keys', '-t', 'app', '-l', line);
  for (let i = 0; i < tabs; i++) {
    terminal.tmux('send-keys', '-t', 'app', 'Tab');
    await tick(500);
  }
  // fish's pager (open from the second Tab) takes Enter to accept the selection; zsh's menu ends with the next key.
  if (shell === 'fish' && tabs > 1) terminal.tmux('send-keys', '-t', 'app', 'Enter');
  await tick(200);
  terminal.tmux('send-keys', '-t', 'app', 'C-a');
  terminal.tmux('send-keys', '-t', 'app', '-l', "printf '<%s>\\n' ");
  terminal.tmux('send-keys', '-t', 'app', 'Enter');
  const screen = await terminal.waitFor(/^<sanctum-config>\n(<[^\n]*>\n)+/m);
  return [...screen.matchAll(/^<(.*)>$/gm)].map((m) => m[1]!).slice(1);
}

for (const shell of ['zsh', 'fish'] as const) {
  describe(`shell completion in a real interactive ${shell}`, () => {
    it(`a stored key is data: offered, inserted quoted, never run (${shell})`, async () => {
      const {db, dir, marker, keys} = hostileBox();
      const terminal = interactive(shell, db, dir);
      await terminal.waitFor(/^%/m);
      const insertedKeys: string[] = [];
      // Menu order is each shell's own; step through as many entries as there are keys.
      for (let n = 0; n < keys.length; n++) {
        const words = await insertAndReadBack(terminal, shell, 'sanctum-config get zz', (shell === 'zsh' ? 3 : 2) + n);
        expect(words.slice(0, 1)).toEqual(['get']);
        insertedKeys.push(words[1]!);
      }
      expect(insertedKeys.sort()).toEqual([...keys].sort());
      expect(existsSync(marker)).toBe(false);
    }, 60_000);

    it(`completes option values and server ids, and file names only where a file is expected (${shell})`, async () => {
      const {db, dir} = hostileBox();
      mkdirSync(join(dir, 'imports'));
      writeFileSync(join(dir, 'imports', 'box.json'), '{}');
      const terminal = interactive(shell, db, dir);
      await terminal.waitFor(/^%/m);
      expect(await insertAndReadBack(terminal, shell, 'sanctum-config list --category=ap', 1)).toEqual(['list', '--category=api_keys']);
      expect(await insertAndReadBack(terminal, shell, 'sanctum-config server remove ', 1)).toEqual(['server', 'remove', '1']);
      expect(await insertAndReadBack(terminal, shell, 'sanctum-config import imports/b', 1)).toEqual(['import', 'imports/box.json']);
      // No file names for a key: the only file here that starts with zz is never offered.
      expect(await insertAndReadBack(terminal, shell, 'sanctum-config unset zz-', 1)).toEqual(['unset', 'zz-']);
    }, 60_000);
  });
}

describe('completion scripts', () => {
  it('are offered for bash, zsh and fish; another shell is a usage error naming them', () => {
    const cli = cliFor(tempDbPath());
    for (const shell of ['bash', 'zsh', 'fish']) expect([shell, cli(['completion', shell]).status]).toEqual([shell, 0]);
    const other = cli(['completion', 'powershell']);
    expect([other.status, other.stdout, other.stderr]).toEqual([2, '', 'sanctum-config: no completion for "powershell": choose bash, zsh or fish\n']);
  });
});
