// `env-file sync` and `env-file diff` on the files a real box has: written by
// the installer's own bootstrap lines, read by its own launchers' lines.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {cliFor, expectOneLine} from '../helpers/run-cli.js';
import {dockerLauncher, localLauncher, readByPythonDotenv, readBySmcp} from '../helpers/env-readers.js';
import {tempDbPath, tempDir} from '../helpers/temp-db.js';

const vendored = (name: string) => fileURLToPath(new URL(`../vendor/installer/${name}`, import.meta.url));

/** A home whose ~/.letta/.env the bootstrap wrote, with these keys in its environment. */
function bootstrapped(kind: 'local' | 'docker', keys: Record<string, string>) {
  const home = tempDir();
  execFileSync('bash', ['--norc', '--noprofile', vendored(`write-env-${kind}.sh`)], {
    env: {HOME: home, PATH: process.env.PATH, ...keys},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return home;
}

/** The CLI with this home (where ~/.letta/.env and ~/launch_letta.sh are) and its own database. */
function boxAt(home: string) {
  const cli = cliFor(tempDbPath());
  return (args: string[], options: {input?: string} = {}) => cli(args, {...options, env: {HOME: home}});
}

const envFile = (home: string) => join(home, '.letta', '.env');

describe('env-file sync on a file the local bootstrap wrote', () => {
  it('writes our values in the export dialect, keeps every foreign line and value, and a second sync changes nothing', () => {
    const home = bootstrapped('local', {
      OPENAI_API_KEY: 'sk-venice',
      OPENAI_BASE_URL: 'https://api.venice.ai/api/v1',
      VENICE_API_KEY: 'vk-1',
      LETTAPASS: 'boot-pw',
    });
    writeFileSync(join(home, 'launch_letta.sh'), '#!/bin/bash\nsource ~/.letta/.env\nexport SECURE=true\n');
    const before = readFileSync(envFile(home), 'utf8');
    const cli = boxAt(home);
    cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-ours'});
    cli(['server', 'set', '1', '--address', '127.0.0.1', '--port', '8284', '--password-stdin'], {input: 'pw-ours'});
    const first = cli(['env-file', 'sync', '--json']);
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout) as {changed: boolean; dialect: string; changes: {name: string; after: string | null}[]};
    expect(report).toMatchObject({changed: true, dialect: 'export'});
    expect(first.stdout).not.toMatch(/sk-ours|pw-ours/);
    const after = readFileSync(envFile(home), 'utf8');
    // The bootstrap's comments and its values for names we hold nothing for are kept (in the file's dialect).
    for (const line of before.split('\n').filter((l) => l.startsWith('#') && !/^# [A-Z_]+=$/.test(l))) expect(after).toContain(line);
    const launched = localLauncher(after);
    expect(launched).toMatchObject({
      OPENAI_API_KEY: 'sk-ours',
      OPENAI_BASE_URL: 'https://api.venice.ai/api/v1',
      VENICE_API_KEY: 'vk-1',
      LETTA_SERVER_PASSWORD: 'pw-ours',
      LETTA_SERVER_URL: 'http://127.0.0.1:8284',
    });
    expect(launched.OLLAMA_BASE_URL).toBeUndefined();
    expect(readByPythonDotenv(after)).toMatchObject({OPENAI_API_KEY: 'sk-ours', VENICE_API_KEY: 'vk-1'});
    expect(readBySmcp(after)).toEqual({LETTA_SERVER_URL: 'http://127.0.0.1:8284', LETTA_SERVER_PASSWORD: 'pw-ours', LETTA_API_KEY: 'pw-ours'});
    expect(statSync(envFile(home)).mode & 0o777).toBe(0o600);

    const second = JSON.parse(cli(['env-file', 'sync', '--json']).stdout) as {changed: boolean};
    expect(second.changed).toBe(false);
    expect(readFileSync(envFile(home), 'utf8')).toBe(after);
    expect(cli(['env-file', 'diff']).status).toBe(0);
  });
});

describe('env-file sync on a file the Docker bootstrap wrote, with its launcher', () => {
  it('chooses plain lines because the launcher passes the file to docker --env-file, and the container gets every value exactly', () => {
    const home = bootstrapped('docker', {OPENAI_API_KEY: 'sk-1', ANTHROPIC_API_KEY: '', OLLAMA_BASE_URL: '', LETTAPASS: 'boot-pw'});
    writeFileSync(join(home, 'launch_letta.sh'), '#!/bin/bash\nsource ~/.letta/.env\nCMD="docker run --env-file ~/.letta/.env letta/letta:latest"\n');
    const cli = boxAt(home);
    cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-ours_2'});
    cli(['server', 'set', '1', '--address', '127.0.0.1', '--port', '8284', '--password-stdin'], {input: 'pw.ours-3'});
    const sync = cli(['env-file', 'sync']);
    expect(sync.status).toBe(0);
    expect(sync.stdout).toMatch(/plain lines: ~\/launch_letta.sh passes it to docker run --env-file/);
    const text = readFileSync(envFile(home), 'utf8');
    expect(text).not.toMatch(/^export /m);
    expect(dockerLauncher(text)).toMatchObject({OPENAI_API_KEY: 'sk-ours_2', LETTA_SERVER_PASSWORD: 'pw.ours-3', SECURE: 'true'});
    // The bootstrap's quoted empty values are now commented out: no dummy values reach Letta.
    expect(text).toMatch(/^# ANTHROPIC_API_KEY=$/m);
    expect(dockerLauncher(text).ANTHROPIC_API_KEY).toBeUndefined();
    expect(JSON.parse(cli(['env-file', 'sync', '--json']).stdout)).toMatchObject({changed: false, dialect: 'plain'});
    expect(readFileSync(envFile(home), 'utf8')).toBe(text);
  });

  it('refuses a value the plain dialect cannot carry, naming the variable and the reader, and leaves the file byte-identical', () => {
    const home = bootstrapped('docker', {OPENAI_API_KEY: 'sk-1', ANTHROPIC_API_KEY: '', OLLAMA_BASE_URL: '', LETTAPASS: 'boot-pw'});
    writeFileSync(join(home, 'launch_letta.sh'), 'CMD="docker run --env-file ~/.letta/.env x"\n');
    const before = readFileSync(envFile(home));
    const cli = boxAt(home);
    const marker = join(home, 'ran');
    cli(['server', 'set', '1', '--password-stdin'], {input: `pw;touch ${marker}`});
    const sync = cli(['env-file', 'sync']);
    expect(sync.status).toBe(2);
    expect(expectOneLine(sync.stderr)).toMatch(/^sanctum-config: LETTA_SERVER_PASSWORD: holds characters that the Docker launcher's `source` would interpret/);
    expect(readFileSync(envFile(home)).equals(before)).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('env-file sync and diff', () => {
  it('writes values with $(...), backticks and ; as data for every reader, and refuses a value with a quote without writing', () => {
    const home = tempDir();
    const cli = boxAt(home);
    const marker = join(home, 'ran');
    const value = `sk-$(touch ${marker})\`touch ${marker}\`;touch ${marker} #x`;
    cli(['set', 'openai_api_key', '--stdin'], {input: value});
    expect(cli(['env-file', 'sync']).status).toBe(0);
    const text = readFileSync(envFile(home), 'utf8');
    expect(localLauncher(text).OPENAI_API_KEY).toBe(value);
    expect(readByPythonDotenv(text).OPENAI_API_KEY).toBe(value);
    expect(existsSync(marker)).toBe(false);
    cli(['set', 'openai_api_key', '--stdin'], {input: "it's"});
    const refused = cli(['env-file', 'sync']);
    expect(refused.status).toBe(2);
    expect(expectOneLine(refused.stderr)).toMatch(/^sanctum-config: OPENAI_API_KEY: holds a ', which the shell can only write as/);
    expect(readFileSync(envFile(home), 'utf8')).toBe(text);
  });

  it('diff exits 1 with the masked difference when the file drifted, 0 when it matches; --dry-run writes nothing', () => {
    const home = tempDir();
    const cli = boxAt(home);
    cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-first'});
    expect(cli(['env-file', 'diff']).status).toBe(1);
    expect(cli(['env-file', 'sync']).status).toBe(0);
    expect(cli(['env-file', 'diff'])).toMatchObject({status: 0, stdout: ''});
    cli(['set', 'openai_api_key', '--stdin'], {input: 'sk-second'});
    const diff = cli(['env-file', 'diff']);
    expect(diff.status).toBe(1);
    expect(diff.stdout).toMatch(/^- export OPENAI_API_KEY=\*+\n\+ export OPENAI_API_KEY=\*+$/m);
    expect(diff.stdout).not.toMatch(/sk-first|sk-second/);
    const drifted = JSON.parse(cli(['env-file', 'diff', '--json']).stdout) as {drifted: boolean; changes: {name: string}[]};
    expect(drifted).toMatchObject({drifted: true, changes: [{name: 'OPENAI_API_KEY'}]});
    const before = readFileSync(envFile(home), 'utf8');
    const dry = JSON.parse(cli(['env-file', 'sync', '--dry-run', '--json']).stdout) as {changed: boolean; dry_run: boolean};
    expect(dry).toMatchObject({changed: true, dry_run: true});
    expect(readFileSync(envFile(home), 'utf8')).toBe(before);
  });

  it('will not read or write through a FIFO or a link planted at the path', () => {
    const home = tempDir();
    mkdirSync(join(home, '.letta'));
    spawnSync('mkfifo', [envFile(home)]);
    const cli = boxAt(home);
    const started = Date.now();
    const result = cli(['env-file', 'sync']);
    expect(result.status).toBe(1);
    expect(expectOneLine(result.stderr)).toMatch(/will not read .*\.letta\/\.env: it is not a regular file/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
