import {spawn, spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const cliPath = fileURLToPath(new URL('../../dist/sanctum-config.cjs', import.meta.url));

export type CliResult = {status: number | null; stdout: string; stderr: string};

/** The built CLI in a subprocess, with no terminal: stdin is a pipe holding `input` (or nothing). */
export function runCli(
  args: readonly string[],
  options: {input?: string; env?: Record<string, string | undefined>; nodeArgs?: readonly string[]} = {},
): CliResult {
  const env: Record<string, string | undefined> = {...process.env, NO_COLOR: '1', ...options.env};
  for (const name of Object.keys(env)) if (env[name] === undefined) delete env[name];
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), cliPath, ...args], {
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 15_000,
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/**
 * The same without blocking this process: for a CLI that talks to a server
 * this process serves (a fake Letta), which must keep answering meanwhile.
 */
export function runCliAsync(args: readonly string[], options: {input?: string; env?: Record<string, string | undefined>} = {}): Promise<CliResult> {
  const env: Record<string, string | undefined> = {...process.env, NO_COLOR: '1', ...options.env};
  for (const name of Object.keys(env)) if (env[name] === undefined) delete env[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], {env: env as NodeJS.ProcessEnv});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(options.input ?? '');
    child.on('close', (status) => resolve({status, stdout, stderr}));
  });
}

/** A CLI bound to one database file. */
export function cliFor(db: string) {
  return (args: readonly string[], options: Parameters<typeof runCli>[1] = {}) =>
    runCli(['--db', db, ...args], {...options, env: {SANCTUM_CONFIG_DB: undefined, ...options.env}});
}

/** Exactly one line on stderr, no stack trace. */
export function expectOneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  if (lines.length !== 1 || /\bat .+:\d+:\d+/.test(stderr)) throw new Error(`expected one stderr line, got:\n${stderr}`);
  return lines[0]!;
}
