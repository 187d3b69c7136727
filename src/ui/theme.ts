import {createContext, useContext} from 'react';
import {type ThemeName, themeForBackground} from './theme-choice.js';

export type {ThemeChoice, ThemeName} from './theme-choice.js';

/** Colours for words that carry a meaning (ok, a warning, an error): each word says it without colour too. */
export type Palette = {readonly ok?: string; readonly warn?: string; readonly error?: string};

const palettes: Record<ThemeName, Palette> = {
  dark: {ok: 'green', warn: 'yellow', error: 'red'},
  // Yellow is unreadable on white: warnings in magenta, which reads on both.
  light: {ok: 'green', warn: 'magenta', error: 'red'},
  mono: {},
};

export const paletteOf = (theme: ThemeName): Palette => palettes[theme];

const ThemeContext = createContext<Palette>(palettes.dark);
export const ThemeProvider = ThemeContext.Provider;
export const usePalette = () => useContext(ThemeContext);

/** The terminal's answer, when it comes (the app listens for it under auto). */
let backgroundListener: ((theme: ThemeName) => void) | undefined;

export function onBackground(listener: ((theme: ThemeName) => void) | undefined): void {
  backgroundListener = listener;
}

/** A report from the terminal: an answer to the background query sets the theme. */
export function terminalReport(report: string): void {
  if (!report.startsWith('11;')) return;
  const theme = themeForBackground(report);
  if (theme) backgroundListener?.(theme);
}
