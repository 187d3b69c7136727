import type {Key} from 'ink';

/**
 * A key as the footer and the help spell it, and as a binding matches it:
 * `Enter`, `Esc`, `Tab`, `S-Tab`, `Space`, `↑`, `↓`, `←`, `→`, `PgUp`, `PgDn`,
 * `Home`, `End`, `1-9`, `C-l` (Ctrl-L), or one printable character. One spelling for both,
 * so what the footer shows is what the key does.
 */
export type KeyToken = string;

const plain = (key: Key) => !key.ctrl && !key.meta;

export function matchesToken(token: KeyToken, input: string, key: Key): boolean {
  switch (token) {
    case 'Enter':
      return key.return;
    case 'Esc':
      return key.escape;
    case 'Tab':
      return key.tab && !key.shift;
    case 'S-Tab':
      return key.tab && key.shift;
    case 'Space':
      return input === ' ' && plain(key);
    case '↑':
      return key.upArrow;
    case '↓':
      return key.downArrow;
    case '←':
      return key.leftArrow;
    case '→':
      return key.rightArrow;
    case 'PgUp':
      return key.pageUp;
    case 'PgDn':
      return key.pageDown;
    case 'Home':
      return key.home;
    case 'End':
      return key.end;
    case 'C-l':
      return key.ctrl && input === 'l';
    case '1-9':
      return /^[1-9]$/.test(input) && plain(key);
    default:
      // C-a .. C-z (a keymap may bind any of them), else one printable character.
      if (/^C-[a-z]$/.test(token)) return key.ctrl && input === token.slice(2);
      return token.length === 1 && input === token && plain(key);
  }
}

const named: Record<string, KeyToken> = {
  enter: 'Enter',
  esc: 'Esc',
  escape: 'Esc',
  tab: 'Tab',
  's-tab': 'S-Tab',
  'shift-tab': 'S-Tab',
  space: 'Space',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pgup: 'PgUp',
  pageup: 'PgUp',
  pgdn: 'PgDn',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  '↑': '↑',
  '↓': '↓',
  '←': '←',
  '→': '→',
};

/**
 * A key as a person writes it in a keymap file, as the token the app matches,
 * or undefined when it is no key a terminal sends: names (Enter, Esc, Up,
 * PgDn, ...), C-a .. C-z (Ctrl-a and ctrl+a too), or one printable character.
 * C-c, C-z and C-l are the terminal's own (interrupt, suspend) or the redraw: kept.
 */
export function tokenOf(written: string): KeyToken | undefined {
  const name = named[written.toLowerCase()];
  if (name) return name;
  const ctrl = /^(?:c-|ctrl-|ctrl\+)([a-z])$/i.exec(written);
  if (ctrl) return ['c', 'z', 'l', 'i', 'm', 'h', 'j'].includes(ctrl[1]!.toLowerCase()) ? undefined : `C-${ctrl[1]!.toLowerCase()}`;
  return [...written].length === 1 && !/[\u0000-\u001f\u007f]/.test(written) && written !== ' ' ? written : undefined;
}
