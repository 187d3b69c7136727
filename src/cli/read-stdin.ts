import {writeErr} from './stdio.js';
/**
 * Read a value from standard input, without one trailing newline, so that
 * secrets stay out of argv and shell history. A terminal gets a hint on
 * stderr instead of a silent wait.
 */
export async function readStdinValue(what: string): Promise<string> {
  if (process.stdin.isTTY) writeErr(`Type the ${what}, then Enter and Ctrl-D:\n`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const value = text.replace(/\r?\n$/, '');
  return value;
}
