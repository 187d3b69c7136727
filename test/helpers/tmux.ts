import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import Sqlite from 'better-sqlite3';
import {afterEach} from 'vitest';
import {cliPath} from './run-cli.js';

/**
 * A file a test prepared (with the CLI, before the app starts) stands for a
 * box in use: its first-run setup is marked finished, so the app opens on its
 * tabs. A file the app creates itself opens the setup, as on a new box; the
 * tests of a setup cut short pass `setupAsIs`.
 */
function finishSetupOf(command: string): void {
  const db = / --db ([^\s;"]+)/.exec(command)?.[1];
  if (!db || !existsSync(db)) return;
  const file = new Sqlite(db, {fileMustExist: true});
  try {
    const table = file.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sanctum_setup'`).get();
    if (table) file.prepare(`UPDATE sanctum_setup SET finished = 1, answers = NULL WHERE finished = 0`).run();
  } finally {
    file.close();
  }
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real terminal: a detached tmux session on its own server socket. */
export class TmuxSession {
  readonly socket = `sanctum-config-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(command: string, size = {columns: 80, rows: 24}, options: {readonly setupAsIs?: boolean} = {}) {
    if (!options.setupAsIs) finishSetupOf(command);
    this.tmux('new-session', '-d', '-s', 'app', '-x', String(size.columns), '-y', String(size.rows), command);
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'app');
  }

  /** Is the pane showing the alternate screen (a full-screen app)? */
  alternateScreen(): boolean {
    return this.tmux('display-message', '-p', '-t', 'app', '#{alternate_on}').trim() === '1';
  }

  /** Send keys one at a time, as a person types. */
  async keys(...keys: string[]): Promise<void> {
    for (const key of keys) {
      this.tmux('send-keys', '-t', 'app', key);
      await tick(60);
    }
  }

  async waitFor(pattern: RegExp, timeoutMs = 8000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() - started > timeoutMs) throw new Error(`screen never matched ${pattern}:\n${screen}`);
      await tick(50);
    }
  }

  /** End this test's session; its private server exits with its last session. */
  kill(): void {
    try {
      this.tmux('kill-session', '-t', 'app');
    } catch {
      // already gone
    }
  }
}

const started: TmuxSession[] = [];
afterEach(() => {
  while (started.length) started.pop()!.kill();
});

/** The built app on `db` in a tmux session of its own (NO_COLOR), ended after the test; its exit status shows as EXITED:n. */
export function startApp(db: string, ...args: string[]): TmuxSession {
  const session = new TmuxSession(`env NO_COLOR=1 ${process.execPath} ${cliPath} --db ${db} ${args.join(' ')}; echo "EXITED:$?"; sleep 60`);
  started.push(session);
  return session;
}
