import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {cliPath} from '../helpers/run-cli.js';
import {tempDir} from '../helpers/temp-db.js';

/** The README's install lines for one user, as written there. */
function installLines(): string {
  const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
  const start = readme.indexOf('```sh\nmkdir -p ~/.local/share/bash-completion/completions');
  expect(start).toBeGreaterThan(-1);
  const body = readme.slice(start + '```sh\n'.length);
  return body.slice(0, body.indexOf('```'));
}

/** A new account: an empty home, sanctum-config on PATH, nothing of this machine's own configuration. */
function freshHome() {
  const dir = tempDir();
  const home = join(dir, 'home');
  const bin = join(dir, 'bin');
  mkdirSync(home);
  mkdirSync(bin);
  writeFileSync(join(bin, 'sanctum-config'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" --db "${join(dir, 'c.db')}" "$@"\n`);
  chmodSync(join(bin, 'sanctum-config'), 0o755);
  const env = {HOME: home, PATH: `${bin}:/usr/bin:/bin`, LANG: 'C.UTF-8', TERM: 'dumb', XDG_DATA_DIRS: '/usr/share'};
  const run = (command: string, args: string[]) =>
    spawnSync(command, args, {encoding: 'utf8', env, cwd: home, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000});
  return {home, run};
}

describe("the README's completion install lines, in a new account", () => {
  it('work as written (twice, too), and bash, zsh and fish then complete sanctum-config', () => {
    const {home, run} = freshHome();
    for (let i = 0; i < 2; i++) {
      const install = run('sh', ['-eu', '-c', installLines()]);
      expect([install.status, install.stderr]).toEqual([0, '']);
    }
    // bash-completion loads it on first use, from the user's data directory.
    const bash = run('bash', [
      '--norc',
      '--noprofile',
      '-c',
      'source /usr/share/bash-completion/bash_completion; _completion_loader sanctum-config; complete -p sanctum-config',
    ]);
    expect(bash.stdout.trim()).toBe('complete -F _sanctum_config_complete sanctum-config');
    // zsh, through the lines added to ~/.zshrc (once, however often they run).
    const zsh = run('zsh', ['-i', '-c', 'print -r -- $_comps[sanctum-config]']);
    expect(zsh.stdout.trim()).toBe('_sanctum-config');
    expect(readFileSync(join(home, '.zshrc'), 'utf8').match(/zfunc \$fpath/g)).toHaveLength(1);
    // fish completes a command name from it.
    const fish = run('fish', ['--no-config', '-c', `set -p fish_complete_path ~/.config/fish/completions; complete -C 'sanctum-config serv'`]);
    expect(fish.stdout).toMatch(/^server\b/m);
  });
});
