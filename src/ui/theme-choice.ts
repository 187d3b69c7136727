// The theme the operator chose, and the terminal's background: no React here, for the CLI's start-up.

/** How the app colours: for a dark or a light background, or not at all. */
export type ThemeName = 'dark' | 'light' | 'mono';
/** What the operator chose: a theme, or auto (asked of the terminal with OSC 11; dark until it answers). */
export type ThemeChoice = ThemeName | 'auto';
export const themeChoices: readonly ThemeChoice[] = ['auto', 'dark', 'light', 'mono'];

/** The query for the terminal's background colour (OSC 11); a terminal that does not know it says nothing. */
export const backgroundQuery = '\u001b]11;?\u001b\\';

/**
 * The theme a terminal's answer to OSC 11 calls for (`rgb:RRRR/GGGG/BBBB`,
 * 1 to 4 hex digits a component): light when the background is bright.
 */
export function themeForBackground(answer: string): ThemeName | undefined {
  const match = /rgba?:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})/i.exec(answer);
  if (!match) return undefined;
  const [r, g, b] = match.slice(1, 4).map((hex) => Number.parseInt(hex, 16) / (16 ** hex.length - 1)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 ? 'light' : 'dark';
}
