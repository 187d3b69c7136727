import {ValidationError} from '../errors.js';
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
  let text: string;
  try {
    // Bytes that are not UTF-8 would be replaced silently (U+FFFD): a password would change without a word.
    text = new TextDecoder('utf-8', {fatal: true}).decode(Buffer.concat(chunks));
  } catch {
    throw new ValidationError(what, 'is not valid UTF-8 text; nothing was changed');
  }
  const value = text.replace(/\r?\n$/, '');
  return value;
}
