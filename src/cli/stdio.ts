import {fstatSync, writeSync} from 'node:fs';

/*
 * Standard output and error written straight to their descriptors. Node's
 * stream objects for them load its network stack (a pipe is a socket to it):
 * a few ms of every command, for nothing a command needs.
 */

/** The status a shell reports for a program ended by SIGPIPE (128 + 13). */
const closedPipeStatus = 141;
const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, text: string): void {
  const data = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(fd, data, offset);
    } catch (error) {
      // A non-blocking pipe that is full: wait a moment for the reader.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

/**
 * Standard output failed: a closed pipe (`| head`) ends the program quietly
 * with the shell's usual status; a full disk or another error with one line.
 * Never a stack.
 */
function outputFailed(error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EPIPE') process.exit(closedPipeStatus);
  writeErr(`sanctum-config: cannot write to standard output: ${code === 'ENOSPC' ? 'no space left on device' : (code ?? String(error))}\n`);
  process.exit(1);
}

/** What the app writes is passed through this (ASCII for a terminal without UTF-8). */
let outputFilter: ((text: string) => string) | undefined;

/** Filter all that goes to standard output from now on, this module's writes and Node's stream (Ink's) alike. */
export function filterOutput(filter: (text: string) => string): void {
  outputFilter = filter;
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === 'string' ? filter(chunk) : chunk, ...rest)) as typeof process.stdout.write;
}

export function writeOut(text: string): void {
  try {
    writeAll(1, outputFilter ? outputFilter(text) : text);
  } catch (error) {
    outputFailed(error);
  }
}

/** The same for the app, which writes through Node's streams (Ink). */
export function guardStandardStreams(): void {
  process.stdout.on('error', outputFailed);
  process.stderr.on('error', () => process.exit(1));
}

/** Write to standard error; if even that fails, there is no one left to tell. */
export function writeErr(text: string): void {
  try {
    writeAll(2, text);
  } catch {
    process.exit(1);
  }
}

/** Whether standard output is a terminal, asked of Node's stream only when it is a character device at all. */
export function stdoutIsTerminal(): boolean {
  try {
    if (!fstatSync(1).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return Boolean(process.stdout.isTTY);
}
