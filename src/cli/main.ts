// chalk (loaded with Ink, only when the app opens) ignores NO_COLOR; it reads FORCE_COLOR. And it colours
// for any TERM it half knows (vt100, xterm-mono): a terminal without colours gets none.
if ((process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') || /^(vt\d+|.+-mono|.+-m)$/.test(process.env.TERM ?? '')) {
  process.env.FORCE_COLOR = '0';
}

import {ConfigError} from '../errors.js';
import {plainPath} from '../start-up-tricks.js';
import {printable} from '../repo/value-codec.js';
import {wantsCompletion} from './completion-command.js';
import {appRoute, readRoute, runAppRoute, runReadRoute} from './fast-route.js';
import {hasTerminal} from './terminal.js';
import {writeErr, writeOut} from './stdio.js';

/** Whether the command line asked for JSON (before any `--`): then a failure is a JSON object on stdout too. */
const wantsJson = (args: readonly string[]): boolean => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).includes('--json');
};

/** A failure for a script under --json: `{"ok": false, "error": {"code", "message", "exit_code"}}`, on stdout. */
function printJsonFailure(kind: string, message: string, exitCode: number): void {
  writeOut(`${JSON.stringify({ok: false, error: {code: kind, message: printable(message), exit_code: exitCode}}, null, 2)}\n`);
}

/** The error's kind, as the JSON names it: usage, validation, not-found, conflict, store or unexpected. */
function kindOf(error: ConfigError): string {
  const names: Record<string, string> = {UsageError: 'usage', ValidationError: 'validation', NotFoundError: 'not-found', ConflictError: 'conflict'};
  return names[error.name] ?? (error.exitCode === 2 ? 'usage' : 'store');
}

/** One line on stderr and an exit code; a stack only when asked for with SANCTUM_CONFIG_DEBUG. */
function fail(error: unknown, json: boolean): number {
  // Commander's own outcomes (help, version, a usage error it already printed): help is a success, the rest usage errors.
  const code = (error as {code?: unknown} | null)?.code;
  if (typeof code === 'string' && code.startsWith('commander.')) {
    const exitCode = (error as {exitCode: number}).exitCode === 0 ? 0 : 2;
    if (exitCode !== 0 && json) printJsonFailure('usage', (error as Error).message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' '), 2);
    return exitCode;
  }
  if (error instanceof ConfigError) {
    writeErr(`sanctum-config: ${printable(error.message)}\n`);
    if (json) printJsonFailure(kindOf(error), error.message, error.exitCode);
    return error.exitCode;
  }
  const detail = error instanceof Error ? error.message : String(error);
  writeErr(`sanctum-config: unexpected error: ${printable(detail)}\n`);
  if (json) printJsonFailure('unexpected', detail, 1);
  if (process.env.SANCTUM_CONFIG_DEBUG && error instanceof Error) writeErr(`${error.stack}\n`);
  return 1;
}

async function main(): Promise<void> {
  try {
    const route = plainPath ? undefined : readRoute(process.argv.slice(2));
    if (route) return await runReadRoute(route);
    // The app, as a person opens it, without the command tree (the tree says why when there is no terminal).
    const app = plainPath ? undefined : appRoute(process.argv.slice(2));
    if (app && hasTerminal()) return await runAppRoute(app);
    const {buildProgram} = await import('./program.js');
    // The completion library is loaded only for completion's own command lines.
    const completion = wantsCompletion(process.argv) ? (await import('./completion.js')).registerCompletion : undefined;
    await buildProgram(completion).parseAsync(process.argv);
  } catch (error) {
    process.exitCode = fail(error, wantsJson(process.argv.slice(2)));
  }
}

void main();
