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
      return token.length === 1 && input === token && plain(key);
  }
}
