import {describeServerUrl, printable, type Server, type Setting} from '../../repo/index.js';
import type {Tab} from '../shell/tabs.js';
import {visibleValue} from '../settings/settings-actions.js';

/** One setting as a sentence's end: its key, then what it holds, a secret said as such. */
function settingWords(setting: Setting, revealed: boolean): string {
  const value = visibleValue(setting, revealed);
  const shown = value === '(not set)' ? 'not set' : setting.sensitive && !revealed ? 'secret, hidden' : printable(value);
  return `${printable(setting.key)}, ${setting.sensitive && revealed ? `secret, shown: ${shown}` : shown}`;
}

/** One server as a sentence's end. */
function serverWords(server: Server): string {
  const name = server.name ? ` (${printable(server.name)})` : '';
  const secret = server.password ? 'password set' : server.token ? 'token set' : 'no password';
  return `server ${server.id}${name}, ${printable(describeServerUrl(server))}, ${server.active ? 'active' : 'not active'}, ${secret}`;
}

/** Where the cursor is, in one line: "API Keys, 2 of 3: anthropic_api_key, secret, hidden." */
export function positionLine(tab: Tab, rows: readonly (Setting | Server)[], row: number, revealed: boolean): string {
  if (rows.length === 0) return tab.kind === 'servers' ? `${tab.label}: no servers; sanctum-config server add adds one.` : `${tab.label}: no settings.`;
  const current = rows[row]!;
  const words = 'key' in current ? settingWords(current, revealed) : serverWords(current);
  return `${tab.label}, ${row + 1} of ${rows.length}: ${words}.`;
}

export const readerHelp =
  'Keys: j or down arrow, next; k or up arrow, previous; g, first; G, last; Tab or a digit, another tab; ' +
  'Enter, edit the value; r, show or hide a secret; ? these keys; q, quit. While editing: type, Backspace, Enter saves, Escape cancels.';

/** A message from the repository ("flask_port 5000 -> 5050", "flask_port: 'abc' is not a whole number") as a sentence; an arrow is said as "to", a masked secret as "a hidden value". */
export const sentence = (text: string) => {
  const clean = printable(text)
    .trim()
    .replaceAll(' -> ', ' to ')
    .replace(/\*{4,}/g, 'a hidden value');
  // A first word is capitalised, a setting's key ("flask_port: ...") is not.
  const capital = /^[a-z]+(\s|$)/.test(clean) ? clean.charAt(0).toUpperCase() + clean.slice(1) : clean;
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/** How long a secret typed so far is: what is said instead of it. */
export const characters = (n: number) => `${n} character${n === 1 ? '' : 's'}`;
