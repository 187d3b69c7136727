import {columnsOf} from '../repo/text-columns.js';

/**
 * Whether the terminal's locale says UTF-8. An unset locale is taken as
 * UTF-8 (what terminals send today); an explicit other one (C, POSIX,
 * en_US.ISO-8859-1) means the terminal would show UTF-8 as garbage (Â·).
 */
export function localeIsUtf8(env: NodeJS.ProcessEnv = process.env): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  return !locale || /utf-?8/i.test(locale);
}

/** The app's own symbols in one ASCII column each, so every layout stays as wide. */
const asciiFor: Record<string, string> = {
  '·': '-',
  '…': '~',
  '❯': '>',
  '↑': '^',
  '↓': 'v',
  '←': '<',
  '→': '>',
  '│': '|',
  '─': '-',
  '●': '*',
};

const nonAscii = /[^\x00-\x7f]/gu;

/** Output for a terminal without UTF-8: the app's symbols as ASCII, any other character as ? per column it takes. */
export function toAscii(text: string): string {
  return text.replace(nonAscii, (char) => asciiFor[char] ?? '?'.repeat(columnsOf(char)));
}
