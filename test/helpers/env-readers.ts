import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import dotenv from 'dotenv';
import {dockerKvLines} from './docker-kvfile.js';
import {pythonWith} from './python.js';
import {tempDir} from './temp-db.js';

/** The environment a child process of `shell` sees after plain `. file` (no `set -a`). */
export function sourcedBy(shell: 'bash' | 'dash', text: string): Record<string, string> {
  const file = join(tempDir(), 'sourced.env');
  writeFileSync(file, text);
  // No rc file: bash reads ~/.bashrc when its stdin is a socket (as under a test runner), as if run by sshd.
  const quiet = shell === 'bash' ? ['--norc', '--noprofile'] : [];
  const out = execFileSync(shell, [...quiet, '-c', '. "$1" && exec env -0', shell, file], {env: {}, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
  return Object.fromEntries(
    out
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      }),
  );
}

/** What `eval "$(cat file)"` in bash passes to a child process. */
export function evaluatedByBash(text: string): Record<string, string> {
  return sourcedBy('bash', text);
}

const vendoredSmcp = fileURLToPath(new URL('../vendor/smcp/letta_env.py', import.meta.url));

/** A home directory holding `text` as ~/.letta/.env, as the box's programs find it. */
function homeWithEnvFile(text: string): string {
  const home = tempDir();
  mkdirSync(join(home, '.letta'));
  writeFileSync(join(home, '.letta', '.env'), text);
  return home;
}

/** SMCP's own reader of ~/.letta/.env (vendored verbatim): what it sets of LETTA_SERVER_URL, _PASSWORD and LETTA_API_KEY. */
export function readBySmcp(text: string): Record<string, string> {
  const home = homeWithEnvFile(text);
  const result = spawnSync('/usr/bin/python3', [vendoredSmcp], {encoding: 'utf8', env: {HOME: home, PATH: process.env.PATH, LANG: 'C.UTF-8'}});
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Record<string, string>;
}

/** python-dotenv as Letta's pydantic-settings calls it (interpolation on). */
export function readByPythonDotenv(text: string): Record<string, string> {
  const python = pythonWith('dotenv');
  if (!python) throw new Error('python3-dotenv is needed: apt-get install -y python3-dotenv');
  const file = join(tempDir(), 'letta.env');
  writeFileSync(file, text);
  const script = 'import dotenv, json, sys; print(json.dumps(dotenv.dotenv_values(sys.argv[1])))';
  const result = spawnSync(python, ['-c', script, file], {encoding: 'utf8', env: {PATH: process.env.PATH}});
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Record<string, string>;
}

export function readByNpmDotenv(text: string): Record<string, string> {
  return dotenv.parse(text);
}

/** What a container started with `--env-file` sees: the last line of a name wins. */
export function readByDockerEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of dockerKvLines(text)) {
    const at = line.indexOf('=');
    values[line.slice(0, at)] = line.slice(at + 1);
  }
  return values;
}

const nulSeparated = (out: string) =>
  Object.fromEntries(
    out
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      }),
  );

/**
 * The local bootstrap's ~/launch_letta.sh (sanctumos/installer
 * kernel-installer/sanctum_bootstrap_local_letta.sh at 4f1de84), its lines
 * as written, with `uv run letta server` replaced by `env -0`: the
 * environment Letta's process gets.
 */
export function localLauncher(text: string): Record<string, string> {
  const home = homeWithEnvFile(text);
  const script = 'source ~/.letta/.env\nexport SECURE=true\nexport LETTA_SERVER_PASSWORD="$LETTA_SERVER_PASSWORD"\ncd "$HOME" && env -0\n';
  writeFileSync(join(home, 'launch_letta.sh'), `#!/bin/bash\n${script}`);
  const out = execFileSync('bash', ['--norc', '--noprofile', join(home, 'launch_letta.sh')], {
    env: {HOME: home, PATH: process.env.PATH},
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return nulSeparated(out);
}

/**
 * The Docker bootstrap's ~/launch_letta.sh (sanctumos/installer
 * kernel-installer/sanctum_bootstrap.sh at 4f1de84), its lines as written,
 * with `screen -dmS` running the command directly and `docker` a stub that
 * prints its arguments: the container's environment is the env file as
 * docker reads it, then the `-e` the launcher builds from its `source`.
 */
export function dockerLauncher(text: string): Record<string, string> {
  const home = homeWithEnvFile(text);
  const bin = join(home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'docker'), '#!/bin/sh\nprintf \'%s\\0\' "$@"\n');
  chmodSync(join(bin, 'docker'), 0o755);
  const script = [
    '#!/bin/bash',
    'SESSION_NAME="letta"',
    'source ~/.letta/.env',
    'CMD="docker run \\',
    '  -v ~/.letta/.persist/pgdata:/var/lib/postgresql/data \\',
    '  -p 8284:8283 \\',
    '  --env-file ~/.letta/.env \\',
    '  -e SECURE=true \\',
    '  -e LETTA_SERVER_PASSWORD=\\"$LETTA_SERVER_PASSWORD\\" \\',
    '  --add-host=host.docker.internal:host-gateway \\',
    '  letta/letta:latest"',
    'bash -c "$CMD"',
    '',
  ].join('\n');
  writeFileSync(join(home, 'launch_letta.sh'), script);
  const out = execFileSync('bash', ['--norc', '--noprofile', join(home, 'launch_letta.sh')], {
    env: {HOME: home, PATH: `${bin}:${process.env.PATH}`},
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const args = out.split('\0');
  const environment = readByDockerEnvFile(readFileSync(args[args.indexOf('--env-file') + 1]!, 'utf8'));
  args.forEach((arg, i) => {
    if (args[i - 1] === '-e') environment[arg.slice(0, arg.indexOf('='))] = arg.slice(arg.indexOf('=') + 1);
  });
  return environment;
}
